package store

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// readTestdata parses one file of testdata/formats at the module root.
func readTestdata(t *testing.T, name string) ([]*Article, error) {
	t.Helper()
	return ReadFile(nil, filepath.Join(moduleRoot(t), "testdata", "formats", name))
}

func mustRead(t *testing.T, name string, n int) []*Article {
	t.Helper()
	arts, err := readTestdata(t, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(arts) != n {
		t.Fatalf("%s: %d articles, want %d", name, len(arts), n)
	}
	return arts
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// want is what a test expects of an article; empty fields are not checked.
type want struct {
	format              Format
	title, byline, site string
	source              string
	date                time.Time
	has, hasNot         []string // in Body, not in Body
	quotes              int
}

func (w want) check(t *testing.T, a *Article) {
	t.Helper()
	if a.Format != w.format {
		t.Errorf("format %q, want %q", a.Format, w.format)
	}
	if a.Title != w.title {
		t.Errorf("title %q, want %q", a.Title, w.title)
	}
	if a.Byline != w.byline {
		t.Errorf("byline %q, want %q", a.Byline, w.byline)
	}
	if w.site != "" && a.Site != w.site {
		t.Errorf("site %q, want %q", a.Site, w.site)
	}
	if w.source != "" && a.Source != w.source {
		t.Errorf("source %q, want %q", a.Source, w.source)
	}
	if !w.date.IsZero() && !a.Date.Equal(w.date) {
		t.Errorf("date %v, want %v", a.Date, w.date)
	}
	for _, s := range w.has {
		if !strings.Contains(bodyOf(a), s) {
			t.Errorf("body lacks %q:\n%s", s, bodyOf(a))
		}
	}
	for _, s := range w.hasNot {
		if strings.Contains(bodyOf(a), s) {
			t.Errorf("body has %q:\n%s", s, bodyOf(a))
		}
	}
	if len(a.Quotes) != w.quotes {
		t.Errorf("%d quotes, want %d", len(a.Quotes), w.quotes)
	}
	if a.Words != countWords(bodyOf(a)) || len(parasOf(a)) == 0 {
		t.Errorf("derived fields not set: %d words, %d paragraphs", a.Words, len(parasOf(a)))
	}
}

func TestHTMLPage(t *testing.T) {
	a := mustRead(t, "page.html", 1)[0]
	want{
		format: FormatHTML, title: "Harbour Bridge Reopens After Repairs", byline: "Mara Lindqvist",
		site: "The Coastal Gazette", source: "https://gazette.example/news/harbour-bridge-reopens",
		date: date("2024-03-14T09:30:00Z"),
		has: []string{
			"The harbour bridge reopened to traffic",
			"[report published by the council](https://gazette.example/reports/bridge-2024.pdf)", // link made absolute
			"## What changed",                  // heading
			"- A new pedestrian lane",          // list
			"> The bridge is safer now",        // block quote
			"\n\nLocal shop owners said trade", // paragraphs apart
		},
		hasNot: []string{"Share this story", "Related stories", "All rights reserved", "window.tracking", "font-family", "By Mara Lindqvist"},
		quotes: 2,
	}.check(t, a)
	if a.Offsets() || a.FileOffset(0) != -1 {
		t.Errorf("a page's body is converted: Offsets %v, FileOffset(0) %d", a.Offsets(), a.FileOffset(0))
	}
	if !a.Markdown() {
		t.Error("a page's body is markdown")
	}
}

// A page saved as UTF-8 that still declares ISO-8859-1 is read as UTF-8.
func TestHTMLCharsetTheBytesDisagreeWith(t *testing.T) {
	a := mustRead(t, "mislabeled-charset.html", 1)[0]
	if !strings.Contains(bodyOf(a), "Café owners near the bridge — and their customers") {
		t.Errorf("declared charset trusted over the bytes:\n%s", bodyOf(a)[:200])
	}
}

func TestRSS2(t *testing.T) {
	arts := mustRead(t, "rss2.xml", 3)
	want{
		format: FormatFeed, title: "Library extends its opening hours", byline: "Priya Nand", site: "Valley Evening News",
		source: "https://valley.example/library-hours", date: date("2024-03-04T18:00:00Z"),
		has:    []string{"open until nine in the evening from next month", "[new hours](https://valley.example/hours)"},
		quotes: 1,
	}.check(t, arts[0]) // content:encoded wins over the description
	want{
		format: FormatFeed, title: "Rain delays the harvest festival", byline: "Jon Ruiz",
		has: []string{"Heavy rain has pushed"}, hasNot: []string{"<p>", "&lt;"},
	}.check(t, arts[1]) // escaped HTML in the description
	want{
		format: FormatFeed, title: "Council meeting moved online", source: "https://valley.example/council-online",
		has: []string{"https://valley.example/council-online"},
	}.check(t, arts[2]) // only a headline and a link
	for i, a := range arts {
		if a.Entry != i || a.Offsets() {
			t.Errorf("article %d: entry %d, offsets %v", i, a.Entry, a.Offsets())
		}
	}
}

func TestRSS1RDF(t *testing.T) {
	arts := mustRead(t, "rss1.rdf", 2)
	want{
		format: FormatFeed, title: "New walking trail opens on the ridge", byline: "Hana Okafor", site: "Hill Town Weekly",
		source: "https://hills.example/trail", date: date("2024-02-10T08:00:00Z"),
		has: []string{"A twelve-kilometre trail"},
	}.check(t, arts[0])
	want{format: FormatFeed, title: "School roof to be replaced in summer", has: []string{"summer holidays"}}.check(t, arts[1])
}

func TestAtom(t *testing.T) {
	arts := mustRead(t, "atom.xml", 2)
	want{
		format: FormatFeed, title: "Flood barrier passes its first test", byline: "Lea Brandt", site: "River Post",
		source: "https://river.example/flood-barrier", date: date("2024-01-19T16:45:00Z"),
		has:    []string{"held back the river during Friday's storm", "> It did exactly what it was built to do."},
		hasNot: []string{"<em>"},
		quotes: 1,
	}.check(t, arts[0])
	want{format: FormatFeed, title: "Bus route 7 returns", date: date("2024-01-18T08:00:00Z"), has: []string{"Route 7 runs again"}}.check(t, arts[1])
}

func TestJSONFeed(t *testing.T) {
	arts := mustRead(t, "feed.json", 2)
	want{
		format: FormatFeed, title: "Pier repairs finished early", byline: "Kofi Mensah", site: "Lakeside Daily",
		source: "https://lakeside.example/pier", date: date("2024-04-02T10:00:00Z"),
		has: []string{"The old pier is open again", "1. New railings\n2. New lights"},
	}.check(t, arts[0])
	want{format: FormatFeed, title: "Swans return to the lake", has: []string{"The swans are back.\n\nVolunteers counted"}}.check(t, arts[1])
	if len(parasOf(arts[1])) != 2 {
		t.Errorf("plain content_text: %d paragraphs, want 2", len(parasOf(arts[1])))
	}
}

func TestFeedEncodings(t *testing.T) {
	arts := mustRead(t, "latin1-undeclared.xml", 2)
	want{format: FormatFeed, title: "Fête de l'été au bord du lac", site: "Le Journal du Lac", has: []string{"près de l'église, à côté du marché", "très réussi"}}.check(t, arts[0])
	want{format: FormatFeed, title: "Régate annulée à cause du vent", has: []string{"était trop fort"}}.check(t, arts[1])
	// UTF-16 with a BOM, its declaration saying so
	raw, err := os.ReadFile(filepath.Join(moduleRoot(t), "testdata", "formats", "rss2.xml"))
	if err != nil {
		t.Fatal(err)
	}
	u16 := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(strings.Replace(string(raw), `encoding="UTF-8"`, `encoding="UTF-16"`, 1))) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	if arts, err := Parse("utf16.xml", u16); err != nil || len(arts) != 3 || !strings.Contains(bodyOf(arts[0]), "“Students asked us") {
		t.Errorf("UTF-16 feed: %d articles, %v", len(arts), err)
	}
	arts = mustRead(t, "cp1251-declared.xml", 1)
	want{format: FormatFeed, title: "Новый парк открылся в центре города", site: "Городские новости", has: []string{"детской площадкой"}}.check(t, arts[0])
}

func TestMarkdownFrontMatter(t *testing.T) {
	a := mustRead(t, "front-matter.md", 1)[0]
	want{
		format: FormatMarkdown, title: "Night Market Returns to the Old Square", byline: "Sofia Reyes, Lin Wei",
		source: "https://square.example/night-market", date: date("2024-05-01T00:00:00Z"),
		has: []string{"> Forty stalls"}, hasNot: []string{"# Night Market", "title:"}, quotes: 1,
	}.check(t, a)
	if !a.Offsets() {
		t.Fatal("a markdown file read as it is has file offsets")
	}
	raw, _ := os.ReadFile(filepath.Join(moduleRoot(t), "testdata", "formats", "front-matter.md"))
	q := a.Quotes[0].Spans[0]
	if got, want := string(raw[a.FileOffset(q.Start):a.FileOffset(q.End)]), bodyOf(a)[q.Start:q.End]; got != want {
		t.Errorf("file[start:end] = %q, body has %q", got, want)
	}
}

// Escapes in front matter cannot reach the terminal as a command either.
func TestFrontMatterIsSafe(t *testing.T) {
	md := "---\ntitle: \"Red \\e[31mAlert\\u202e\"\nauthor: \"Ann\\x07 Lee\"\nurl: \"https://x.example/a\\e]52;c;aGk=\\a\"\n---\n\nThe body.\n"
	arts, err := Parse("evil.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Title != "Red Alert" || a.Byline != "Ann Lee" || a.Source != "https://x.example/a" {
		t.Errorf("title %q, byline %q, source %q: want them without their escapes", a.Title, a.Byline, a.Source)
	}
}

func TestPlainTextAndGzip(t *testing.T) {
	a := mustRead(t, "plain.txt", 1)[0]
	want{format: FormatText, title: "Ferry Service Adds a Late Crossing", has: []string{"petition signed"}, quotes: 1}.check(t, a)
	if !a.Offsets() || a.Markdown() {
		t.Errorf("plain text: offsets %v, markdown %v", a.Offsets(), a.Markdown())
	}
	g := mustRead(t, "bakery.txt.gz", 1)[0]
	want{format: FormatText, title: "Bakery Wins Regional Bread Prize", has: []string{"rye bread"}, quotes: 1}.check(t, g)
	if g.Offsets() || g.FileOffset(3) != -1 || !strings.HasSuffix(g.Path, "bakery.txt.gz") {
		t.Errorf("gzip: offsets %v, FileOffset %d, path %q", g.Offsets(), g.FileOffset(3), g.Path)
	}
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// Every format also loads compressed, under a name that says nothing.
func TestGzipOfEveryFormat(t *testing.T) {
	for _, name := range []string{"page.html", "rss2.xml", "rss1.rdf", "atom.xml", "feed.json", "latin1-undeclared.xml", "front-matter.md"} {
		plain, err := readTestdata(t, name)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := os.ReadFile(filepath.Join(moduleRoot(t), "testdata", "formats", name))
		packed, err := Parse("download", gz(raw))
		if err != nil && name != "front-matter.md" {
			t.Errorf("%s.gz: %v", name, err)
		}
		if len(packed) != len(plain) {
			t.Fatalf("%s.gz: %d articles, want %d", name, len(packed), len(plain))
		}
		for i := range plain {
			if packed[i].Title != plain[i].Title || bodyOf(packed[i]) != bodyOf(plain[i]) {
				t.Errorf("%s.gz article %d differs: %q", name, i, packed[i].Title)
			}
		}
	}
}

// The content decides the format, not the name.
func TestDetectionByContent(t *testing.T) {
	dir := filepath.Join(moduleRoot(t), "testdata", "formats")
	cases := []struct {
		file, as string
		format   Format
	}{
		{"page.html", "saved.txt", FormatHTML},
		{"rss2.xml", "news.html", FormatFeed},
		{"atom.xml", "notes.txt", FormatFeed},
		{"feed.json", "feed", FormatFeed},
		{"rss1.rdf", "x.md.bak", FormatFeed},
		{"rss2.xml", "story.md", FormatFeed}, // a feed's root outweighs the extension
		{"plain.txt", "story.html", FormatText},
		{"front-matter.md", "story.txt", FormatMarkdown}, // front matter says markdown
	}
	for _, c := range cases {
		raw, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		arts, err := Parse(c.as, raw)
		if err != nil || len(arts) == 0 {
			t.Errorf("%s as %s: %v", c.file, c.as, err)
			continue
		}
		if arts[0].Format != c.format {
			t.Errorf("%s as %s: format %s, want %s", c.file, c.as, arts[0].Format, c.format)
		}
	}
	// markdown may start with HTML
	md := []byte("<div align=\"center\">Banner</div>\n\n# Title\n\nThe text of a note kept as markdown.\n")
	if arts, err := Parse("note.md", md); err != nil || arts[0].Format != FormatMarkdown {
		t.Errorf("markdown starting with HTML: %v %+v", err, arts)
	}
}

// Files that fail say why.
func TestFormatErrors(t *testing.T) {
	cases := []struct {
		name, data, why string
	}{
		{"sitemap.xml", `<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>`, "XML but not a feed (its root is <urlset>"},
		{"data.json", `{"name": "not a feed"}`, "JSON but not a JSON Feed"},
		{"broken.json", `{"version": "https://jsonfeed.org/version/1", "items": [`, "JSON but not a JSON Feed"},
		{"empty.html", `<html><head><title>Nothing</title></head><body></body></html>`, "HTML page with no article text"},
		{"empty.xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`, "feed with no entries"},
		{"bin.html", "<html>\x00\x01\x02\x00", "binary file"},
	}
	for _, c := range cases {
		arts, err := Parse(c.name, []byte(c.data))
		if err == nil || len(arts) != 0 {
			t.Errorf("%s: %d articles, error %v", c.name, len(arts), err)
			continue
		}
		if !strings.Contains(err.Error(), c.why) {
			t.Errorf("%s: error %q, want it to say %q", c.name, err, c.why)
		}
	}
}

// A feed broken part way keeps the entries before the break, and says so.
func TestBrokenFeedKeepsGoodEntries(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(moduleRoot(t), "testdata", "formats", "rss2.xml"))
	if err != nil {
		t.Fatal(err)
	}
	second := bytes.Index(raw, []byte("<title>Rain delays"))
	arts, err := Parse("cut.xml", raw[:second+20]) // cut short inside the second entry
	if len(arts) != 1 || arts[0].Title != "Library extends its opening hours" {
		t.Fatalf("%d articles from a cut feed", len(arts))
	}
	if err == nil || !strings.Contains(err.Error(), "broken after entry 1") {
		t.Errorf("error %v, want it to say where the feed broke", err)
	}
	blank := bytes.Replace(raw, []byte("<item>"), []byte("<item></item><item>"), 1)
	arts, err = Parse("blank.xml", blank)
	if len(arts) != 3 || err == nil || !strings.Contains(err.Error(), "entry 1 has no title, text or link") {
		t.Errorf("blank entry: %d articles, error %v", len(arts), err)
	}
	if len(arts) == 3 && arts[0].Entry != 1 {
		t.Errorf("entries keep their index in the feed: first is %d, want 1", arts[0].Entry)
	}
}

// Markup in pages and feeds cannot reach the terminal as a command, and
// deep nesting is capped.
func TestConvertedTextIsSafe(t *testing.T) {
	page := "<html><head><title>T\x1b[2J</title></head><body><article><p>Para one with an escape &#27;]52;c;aGk=&#7; inside, long enough to be an article for readability to keep it as the content.</p>" +
		"<p>Another paragraph with a bidi \u202e override and a C1 \u009b2J control, plus more words for the extractor to weigh.</p>" +
		strings.Repeat("<blockquote>", 40) + "<p>deep quote text that goes on for a while so it counts</p>" + strings.Repeat("</blockquote>", 40) +
		"</article></body></html>"
	arts, err := Parse("evil.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	for _, s := range []string{a.Title, bodyOf(a)} {
		for _, r := range s {
			if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || r == '\u202e' {
				t.Errorf("control %U in %q", r, s)
			}
		}
	}
	if strings.Contains(bodyOf(a), strings.Repeat("> ", maxNesting+1)) {
		t.Errorf("block quotes nested deeper than %d:\n%s", maxNesting, bodyOf(a))
	}
	if !strings.Contains(bodyOf(a), "deep quote text") {
		t.Errorf("the text of deep quotes is lost:\n%s", bodyOf(a))
	}
}
