package ui

import (
	"newsreader/internal/storetest"
	"os"
	"strings"
	"testing"
	"time"

	"newsreader/store"
)

func TestEscapeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# not a heading", `\# not a heading`},
		{"- not a list", nbHyphen + " not a list"}, // no list mark, and wraps as a word
		{"+ not a list", `\+ not a list`},
		{"1. not a list", `1\. not a list`},
		{"*not emphasis*", `\*not emphasis\*`},
		{"[not](a link)", `\[not\](a link)`},
		{"a &#27; entity", `a &amp;\#27; entity`},
		{"AT&T ~1", "AT&amp;T &#126;1"},
		{"see https://x.example/~r/a_b.html.", "see https://x.example/~r/a_b.html."},
		{"(www.x.example/a_b)", `(www.x.example/a_b)`},
		{"http://nohost_x_", `http://nohost\_x\_`},
		{"= not a heading", "= not a heading"},
		{"<b>html</b>", `\<b\>html\</b\>`},
		{"well-known", "well-known"},
	}
	for _, tt := range tests {
		if got := escapeInline(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A plain-text article renders as written: markdown punctuation stays.
func TestPlainTextRendersAsWritten(t *testing.T) {
	a := parse(t, "a.txt", "Title\n\n# Not a heading\n\n*stars* and _underscores_ stay\n\n1. not a list\n\n"+
		"AT&T and Q&A, &amp; and &#27; as typed, ~tilde~ and ~~strike~~\n\n= equals\n\nsee https://x.example/~r/a_b_c/?q=1&v=2.")
	r, err := (renderer{style: "dark"}).render(a, 60)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(strings.Join(r.plain, " ")), " ") // wrapping aside
	for _, want := range []string{"# Not a heading", "*stars* and _underscores_ stay", "1. not a list",
		"AT&T and Q&A, &amp; and &#27; as typed, ~tilde~ and ~~strike~~", "= equals", "see https://x.example/~r/a_b_c/?q=1&v=2."} {
		if !strings.Contains(text, want) {
			t.Errorf("rendered text lacks %q:\n%s", want, text)
		}
	}
}

// Every quote of the seed is found in the rendered lines at every width,
// and the highlighted cells hold exactly the quote's words.
func TestRenderFindsQuotes(t *testing.T) {
	a := seedArticles(t)[0]
	for _, w := range []int{20, 40, 73, 120} {
		r, err := (renderer{style: "dark"}).render(a, w)
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range a.Quotes {
			if r.quoteTop[i] < 0 {
				t.Fatalf("width %d: quote %d not found", w, i)
			}
			var got []string
			for _, c := range r.quotes[i] {
				got = append(got, cutCells(r.plain[c.line], c.start, c.end))
			}
			want := strings.Fields(q.Text(storetest.Body(a)))
			if g := strings.Fields(strings.Join(got, " ")); strings.Join(g, " ") != strings.Join(want, " ") {
				t.Errorf("width %d quote %d: highlighted %q\nwant %q", w, i, strings.Join(g, " "), strings.Join(want, " "))
			}
		}
		for _, l := range r.lines {
			if strings.ContainsAny(l, "\u200b\u200c") {
				t.Fatalf("sentinel left in %q", l)
			}
		}
	}
}

// cutCells returns the cells [start, end) of a plain line.
func cutCells(s string, start, end int) string {
	var b strings.Builder
	col := 0
	for _, r := range s {
		if col >= start && col < end {
			b.WriteRune(r)
		}
		col += max(1, len(string(r))/3) // CJK-free test text: one cell per rune
	}
	return b.String()
}

func TestNestingCapped(t *testing.T) {
	deep := strings.Repeat("> ", 200) + "deep quote\n\n" + strings.Repeat("*", 300) + "x" + strings.Repeat("*", 300)
	a := parse(t, "deep.md", "# Deep\n\n"+deep)
	r, err := (renderer{style: "dark"}).render(a, 80)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(r.plain, ""), "deep quote") {
		t.Error("capped text lost")
	}
	md, _ := articleMarkdown(a, storetest.Body(a), storetest.Paras(a))
	for _, l := range strings.Split(md, "\n") {
		if n := strings.Count(l, ">"); n > maxNesting {
			t.Errorf("%d blockquote markers reach glamour: %.40q", n, l)
		}
		if strings.Contains(l, "****") {
			t.Errorf("a run of emphasis reaches glamour: %.40q", l)
		}
	}
}

func TestEntityControlsRemoved(t *testing.T) {
	a := parse(t, "e.md", "# E\n\nEsc &#27;[2J here &#x1b;]52;c;eA==&#7; and `&#27;` in code and &#155;.")
	r, err := (renderer{style: "dark"}).render(a, 80)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range r.lines {
		checkControls(t, l)
	}
}

func TestCJKWrapped(t *testing.T) {
	a := parse(t, "cjk.txt", "中文\n\n"+strings.Repeat("这是一个很长的中文段落，没有空格。", 20))
	r, err := (renderer{style: "dark"}).render(a, 30)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range r.lines {
		checkScreen(t, l, 30, 1)
	}
	if len(r.lines) < 10 {
		t.Errorf("CJK paragraph not wrapped: %d lines", len(r.lines))
	}
}

func TestSplitChunks(t *testing.T) {
	a := bigArticle(t, 300<<10)
	md, refs := articleMarkdown(a, storetest.Body(a), storetest.Paras(a))
	chunks := splitChunks(md)
	if len(chunks) < 10 {
		t.Fatalf("%d chunks of a 300 KB article", len(chunks))
	}
	if strings.Join(chunks, "") != md {
		t.Error("the chunks do not add up to the document")
	}
	pairs := 0
	for i, c := range chunks {
		o, cl := strings.Count(c, "\u200b"), strings.Count(c, "\u200c")
		if o != cl {
			t.Errorf("chunk %d splits a quote: %d opens, %d closes", i, o, cl)
		}
		pairs += o
		if len(c) > 3*chunkSize {
			t.Errorf("chunk %d is %d bytes", i, len(c))
		}
	}
	if pairs != len(refs) {
		t.Errorf("%d sentinel pairs for %d spans", pairs, len(refs))
	}
}

// A 2 MB line is cut into paragraphs glamour can wrap, and anything past
// the display limit is replaced by a note.
func TestPathologicalLine(t *testing.T) {
	line := strings.Repeat("word ", 3<<20/5)
	a := parse(t, "line.txt", "Title\n\n"+line)
	md, _ := articleMarkdown(a, storetest.Body(a), storetest.Paras(a))
	chunks := splitChunks(md)
	joined := strings.Join(chunks, "")
	if !strings.Contains(joined, "not shown") || len(joined) > maxRendered+64<<10 {
		t.Errorf("not truncated with a note: %d bytes", len(joined))
	}
	for _, c := range chunks {
		for _, block := range strings.Split(c, "\n\n") {
			if len(block) > maxBlock+1024 {
				t.Fatalf("a %d-byte paragraph reaches glamour", len(block))
			}
		}
	}
}

// Every quote of a long article is found once all its parts are rendered.
func TestLongArticleQuotes(t *testing.T) {
	a := bigArticle(t, 200<<10)
	r, err := (renderer{style: "dark"}).render(a, 80)
	if err != nil {
		t.Fatal(err)
	}
	for i, top := range r.quoteTop {
		if top < 0 {
			t.Fatalf("quote %d of %d not found", i, len(a.Quotes))
		}
		got := cutCells(r.plain[r.quotes[i][0].line], r.quotes[i][0].start, r.quotes[i][0].end)
		if !strings.HasPrefix(a.Quotes[i].Text(storetest.Body(a)), strings.TrimSpace(got)) {
			t.Fatalf("quote %d highlighted %q", i, got)
		}
	}
}

// A title line is the heading once, and a quote in it is highlighted there.
func TestTitleLineHeading(t *testing.T) {
	a := parse(t, "h.txt", "Mayor: “We will rebuild the harbour this year”\n\nThe mayor spoke on Tuesday.")
	r := mustRender(t, a, 60)
	text := strings.Join(r.plain, "\n")
	if strings.Count(text, "Mayor:") != 1 {
		t.Errorf("the title shows %d times:\n%s", strings.Count(text, "Mayor:"), text)
	}
	if len(r.quoteTop) != 1 || r.quoteTop[0] < 0 || r.quoteTop[0] > 2 {
		t.Errorf("headline quote at line %v", r.quoteTop)
	}
}

// A glamour style file from the config is used.
func TestGlamourStyleFile(t *testing.T) {
	path := t.TempDir() + "/style.json"
	if err := os.WriteFile(path, []byte(`{"document":{"margin":7},"paragraph":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	a := parse(t, "s.txt", "Styled\n\nSome text here.")
	r, err := (renderer{style: path}).render(a, 40)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range r.plain {
		if strings.HasPrefix(l, "       Some text") { // the file's margin of 7
			found = true
		}
	}
	if !found {
		t.Errorf("style file not used:\n%s", strings.Join(r.plain, "\n"))
	}
}

func TestHideLinkTargets(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Take [Charlie Blackmon](http://x.example/b?utm_source=a), for instance", "Take [Charlie Blackmon](#), for instance"},
		{`[a](<http://x.example/a b>) and [c](http://x.example/(c) "Title") end`, "[a](#) and [c](#) end"},
		{"![photo](http://x.example/p.jpg) stays", "![photo](http://x.example/p.jpg) stays"},
		{"[![logo](l.png)](http://x.example/)", "[![logo](l.png)](#)"},
		{"`[code](http://x.example/)` stays", "`[code](http://x.example/)` stays"},
		{"```\n[code](http://x.example/)\n```\n[out](http://x.example/)", "```\n[code](http://x.example/)\n```\n[out](#)"},
		{`\[not](http://x.example/) a link`, `\[not](http://x.example/) a link`},
		{"[unclosed](http://x.example/ and more", "[unclosed](http://x.example/ and more"},
		{"no links here", "no links here"},
	}
	for _, tt := range tests {
		if got := hideLinkTargets(tt.in); got != tt.want {
			t.Errorf("hideLinkTargets(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// A page's links render as their words, without the addresses.
func TestLinksRenderAsText(t *testing.T) {
	a := parse(t, "a.md", "# Title\n\nTake [Charlie Blackmon](http://www.baseball-reference.com/players/b/blackch02.shtml?utm_campaign=Linker), for instance.\n")
	r, err := (renderer{style: "dark"}).render(a, 60)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(strings.Join(r.plain, " ")), " ")
	if !strings.Contains(text, "Take Charlie Blackmon, for instance.") || strings.Contains(text, "baseball-reference") {
		t.Errorf("rendered %q", text)
	}
	if links := r.links; len(links) != 1 || !strings.Contains(links[0].URL, "baseball-reference") {
		t.Errorf("the address is gone from the links view too: %v", links)
	}
}

func TestArticleMetaShowsTheSourceHost(t *testing.T) {
	a := &store.Article{Byline: "Alex Steers", Site: "RotoAuthority.com", Source: "http://feedproxy.google.com/~r/Roto/~3/oAy/stock.html?utm_source=x"}
	if got, want := articleMeta(a), "By Alex Steers · RotoAuthority.com · feedproxy.google.com"; got != want {
		t.Errorf("meta %q, want %q", got, want)
	}
	a = &store.Article{Site: "BBC News", Source: "https://www.bbc.co.uk/news/x"}
	if got, want := articleMeta(a), "BBC News · bbc.co.uk"; got != want {
		t.Errorf("meta %q, want %q", got, want)
	}
	a = &store.Article{Site: "bbc.co.uk", Source: "https://www.bbc.co.uk/news/x"}
	if got, want := articleMeta(a), "bbc.co.uk"; got != want {
		t.Errorf("meta %q, want %q (the host once)", got, want)
	}
	for _, by := range []string{"By ROBERT BURNS", "By: John Smith"} {
		if got := articleMeta(&store.Article{Byline: by}); got != by {
			t.Errorf("a byline that says by: %q", got)
		}
	}
	a = &store.Article{Byline: "Al Jazeera", Site: "Al Jazeera", Date: time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC)}
	if got, want := articleMeta(a), "By Al Jazeera · 20 November 2019"; got != want {
		t.Errorf("meta %q, want %q (a site that is the byline once)", got, want)
	}
	a = &store.Article{Source: "The Times"}
	if got := articleMeta(a); got != "The Times" {
		t.Errorf("a source that is no address: %q", got)
	}
}

// Lines are filled greedily: no line could have taken the next line's
// first word. Glamour broke after "--" and left a word alone on a line,
// and around a spaced dash ("revenues - £160m - will") put the dash
// outside the margin.
func TestWrapIsGreedyAroundHyphens(t *testing.T) {
	text := "# Title\n\nWe always think we know something after a month. We think it's enough time. It feels like enough time to know, if we just regress things back from their extremes who's improved and who's toast. Take [**Charlie Blackmon**](http://x.example/b), for instance: weknow he's not the best player in baseball--but don't we also know that he's at least good? A well-known, long-running, twenty-year-old debate---one of many---goes on and on in the press box.\n\nYet aviation analyst Mike Powell of Dresdner Kleinwort Wasserstein says BA's estimated annual surcharge revenues - £160m - will still be way short of its additional fuel costs - a predicted extra £250m. And there was little to alarm them in the first 30 minutes as Chelsea - deprived of Arjen Robben and Didier Drogba through injury - struggled -- and -- fell."
	a := parse(t, "a.md", text)
	for w := 30; w <= 90; w++ {
		r, err := (renderer{style: "dark"}).render(a, w)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range r.plain {
			lines = append(lines, strings.TrimSpace(l))
		}
		for i := 0; i+1 < len(lines); i++ {
			if lines[i] == "" || lines[i+1] == "" {
				continue
			}
			if strings.HasPrefix(r.plain[i+1], "-") {
				t.Errorf("width %d: a dash outside the margin: %q", w, r.plain[i+1])
			}
			next := strings.Fields(lines[i+1])[0]
			if len([]rune(lines[i]))+1+len([]rune(next)) <= w-4 {
				t.Errorf("width %d: %q could have taken %q", w, lines[i], next)
			}
		}
	}
}

// A text with no title line has its headline cut from its first sentence:
// the reader shows the text whole, not the cut headline above it too.
func TestNoHeadingRepeatsTheFirstSentence(t *testing.T) {
	a := parse(t, "lead.txt", "During a visit to Baku, the president reaffirmed the commitment of his country to its historical role as a mediator.\nMore words follow here.")
	md, _ := articleMarkdown(a, storetest.Body(a), storetest.Paras(a))
	if strings.Contains(md, "# ") || strings.Count(md, "During a visit") != 1 {
		t.Errorf("markdown:\n%s", md)
	}
	titled := parse(t, "titled.txt", "Putin in Baku\n\nDuring a visit to Baku, the president spoke.")
	if md, _ := articleMarkdown(titled, storetest.Body(titled), storetest.Paras(titled)); !strings.HasPrefix(md, "# Putin in Baku") {
		t.Errorf("a title line is no heading any more:\n%s", md)
	}
}

// A dash between spaces in prose stands as a non-breaking hyphen while
// glamour wraps; markdown's own dashes are left alone: a table's rule row,
// a list item's mark after quote marks or another list's (found in review).
func TestSpacedDashesKeepMarkdown(t *testing.T) {
	syntax := "|  Team  |  Points  |\n|  ---  |  ---  |\n|  Leeds  |  3  |\n\n> - first item in a quoted list\n> - second item\n\n1. - nested dash item\n\n- a list item\n"
	if got := protectHyphens(syntax); got != syntax {
		t.Errorf("markdown changed:\n%s", got)
	}
	if got := protectHyphens("revenues - £160m - will"); got != "revenues "+nbHyphen+" £160m "+nbHyphen+" will" {
		t.Errorf("prose dashes: %q", got)
	}
}
