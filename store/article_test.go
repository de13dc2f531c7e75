package store

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func parseOne(t *testing.T, name, data string) *Article {
	t.Helper()
	arts, err := Parse(name, []byte(data))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	if len(arts) != 1 {
		t.Fatalf("Parse(%s): %d articles", name, len(arts))
	}
	return arts[0]
}

func TestTitles(t *testing.T) {
	tests := []struct {
		name, data, title, bodyStart string
	}{
		{"title line", "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.\n", "Ad sales boost Time Warner profit", "Ad sales boost Time Warner profit\n\nQuarterly"},
		{"title with question mark", "Is this the end?\n\nBody text here.", "Is this the end?", "Is this the end?\n\nBody"},
		{"no blank line: headline from the first sentence", "Short first sentence. Then more.\nSecond para.", "Short first sentence", "Short"},
		{"first line ends with a period", "This is a sentence.\n\nAnother.", "This is a sentence", "This is"},
		{"abbreviation does not end the sentence", "Mr. Smith went to Washington. He stayed.", "Mr. Smith went to Washington", "Mr."},
		{"long sentence cut near 80 cells", "During a visit to Baku, Russian President Vladimir Putin reaffirmed Moscow’s commitment to its historical role as a mediator in peace negotiations.",
			"During a visit to Baku, Russian President Vladimir Putin reaffirmed Moscow’s…", "During"},
		{"blank lines before the title", "\n\n  Headline here\n\nText.", "Headline here", "  Headline here\n\nText."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "x.txt", tt.data)
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if !strings.HasPrefix(bodyOf(a), tt.bodyStart) {
				t.Errorf("body starts %q, want %q", bodyOf(a)[:min(20, len(bodyOf(a)))], tt.bodyStart)
			}
			if w := cells(a.Title); w > 80 {
				t.Errorf("title is %d cells wide", w)
			}
		})
	}
}

func TestHeadlineCJK(t *testing.T) {
	h := headline(strings.Repeat("中文新闻", 40))
	if w := cells(h); w > 80 || w < 60 {
		t.Errorf("CJK headline is %d cells: %q", w, h)
	}
	if !utf8.ValidString(h) {
		t.Errorf("headline cut inside a rune: %q", h)
	}
}

func TestParagraphs(t *testing.T) {
	lines := parseOne(t, "a.txt", "Title\n\nOne line.\nTwo line.\nThree line.")
	if len(parasOf(lines)) != 4 || lines.Wrapped || !lines.TitleLine { // the title line, then three
		t.Errorf("line paragraphs: %d, wrapped %v; want 4, false", len(parasOf(lines)), lines.Wrapped)
	}
	wrapped := parseOne(t, "b.txt", "Title\n\nThis paragraph is\nhard wrapped at\nshort widths.\n\nAnd this one\nis too.\n")
	if len(parasOf(wrapped)) != 3 || !wrapped.Wrapped {
		t.Errorf("wrapped paragraphs: %d, wrapped %v; want 3, true", len(parasOf(wrapped)), wrapped.Wrapped)
	}
	for _, p := range parasOf(wrapped) {
		if s := bodyOf(wrapped)[p.Start:p.End]; strings.HasPrefix(s, " ") || strings.HasSuffix(s, "\n") {
			t.Errorf("paragraph not trimmed: %q", s)
		}
	}
}

func TestMarkdown(t *testing.T) {
	a := parseOne(t, "a.md", "---\ntitle: \"Front matter title\"\nauthor: [Jane Doe, John Roe]\ndate: 2024-03-05\nurl: https://example.com/a\n---\n\n# Heading title\n\nBody text.\n")
	if a.Format != FormatMarkdown || a.Title != "Front matter title" || a.Byline != "Jane Doe, John Roe" || a.Source != "https://example.com/a" {
		t.Errorf("got %+v", a)
	}
	if want := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC); !a.Date.Equal(want) {
		t.Errorf("date = %v", a.Date)
	}
	if !strings.HasPrefix(bodyOf(a), "# Heading title") {
		t.Errorf("a heading that differs from the title stays in the body: %q", bodyOf(a))
	}

	b := parseOne(t, "b.md", "# The Title\n\nFirst paragraph.")
	if b.Title != "The Title" || bodyOf(b) != "First paragraph." {
		t.Errorf("title %q body %q", b.Title, bodyOf(b))
	}

	arts, err := Parse("c.md", []byte("---\ntitle: [unclosed\n---\nBody here.\n"))
	if err == nil || len(arts) != 1 || bodyOf(arts[0]) != "Body here." {
		t.Errorf("broken front matter: err %v, %d articles", err, len(arts))
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"empty.txt", "", "empty"},
		{"blank.txt", "  \n\t\n", "white space"},
		{"bin.txt", "GIF89a\x00\x00\x01", "binary"},
		{"escapes.txt", "\x1b[2J\x1b[H", "no readable text"},
	} {
		_, err := Parse(tt.name, []byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestWordsAndReadingTime(t *testing.T) {
	a := parseOne(t, "a.txt", "T\n\n"+strings.Repeat("word ", 459))
	if a.Words != 460 || a.ReadingMinutes() != 2 { // the title counts
		t.Errorf("words %d minutes %d", a.Words, a.ReadingMinutes())
	}
}

func TestMarkdownCodeIsNotProse(t *testing.T) {
	a := parseOne(t, "code.md", "# Code\n\n“Real words said by a real person here,” said Ann Lee.\n\n```\nfmt.Println(\"not a quote at all in code\")\n\n\"still code\" here\n```\n\n    indented \"code\" line here too\n\nAfter.")
	if len(a.Quotes) != 1 || a.Quotes[0].Speaker != "Ann Lee" {
		t.Errorf("quotes %+v", a.Quotes)
	}
	for _, p := range parasOf(a) {
		if s := bodyOf(a)[p.Start:p.End]; strings.Contains(s, "code") {
			t.Errorf("code in a paragraph: %q", s)
		}
	}
}

func TestFolderPapersSkipped(t *testing.T) {
	for name, skip := range map[string]bool{"README.TXT": true, "LICENSE": true, "readme.md": true, "news.txt": false, "licensed.txt": false} {
		if skipFile(name) != skip {
			t.Errorf("skipFile(%q) = %v", name, !skip)
		}
	}
}

// A quote in the headline is found like any other.
func TestHeadlineQuote(t *testing.T) {
	a := parseOne(t, "h.txt", "Mayor: “We will rebuild the harbour this year”\n\nThe mayor spoke on Tuesday.")
	if a.Title != "Mayor: “We will rebuild the harbour this year”" || len(a.Quotes) != 1 {
		t.Fatalf("title %q, quotes %+v", a.Title, a.Quotes)
	}
	if q := a.Quotes[0]; bodyOf(a)[q.Spans[0].Start:q.Spans[0].End] != "We will rebuild the harbour this year" {
		t.Errorf("quote %q", bodyOf(a)[q.Spans[0].Start:q.Spans[0].End])
	}
}

// countWords counts what strings.FieldsFunc splits on spaces, tabs and newlines.
func TestCountWords(t *testing.T) {
	sep := func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }
	for _, s := range []string{"", " ", "one", " one  two\tthree\nfour ", "\n\n\t", "a\rb c\u00a0d", "“quoted,” he said."} {
		if got, want := countWords(s), len(strings.FieldsFunc(s, sep)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzCountWords(f *testing.F) {
	f.Add(" one  two\tthree\nfour ")
	f.Fuzz(func(t *testing.T, s string) {
		n := 0
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }) {
			if w != "" {
				n++
			}
		}
		if got := countWords(s); got != n {
			t.Errorf("countWords(%q) = %d, want %d", s, got, n)
		}
	})
}

func TestHeadlineSkipsDatelinesAndBylines(t *testing.T) {
	tests := []struct{ data, title, byline string }{
		{"BUFFALO, N.Y. — Hours before Zach Parise’s two-goal performance Tuesday, Wild coach Bruce Boudreau spoke.\n\nMore.", "Hours before Zach Parise’s two-goal performance Tuesday, Wild coach Bruce…", ""},
		{"Dekalb, Ill. — Mike Glass threw for three touchdowns.\n\nMore.", "Mike Glass threw for three touchdowns", ""},
		{"WASHINGTON (Reuters) - Scientists on Monday unveiled the first map.", "Scientists on Monday unveiled the first map", ""},
		{"(Reuters) — The New York State Attorney General is investigating WeWork.", "The New York State Attorney General is investigating WeWork", ""},
		{"HAYWARD, Calif. (AP) — The Latest on a stabbing on a train.", "The Latest on a stabbing on a train", ""},
		{"NY Post: Megyn Kelly Is No Different\n\nText.", "NY Post: Megyn Kelly Is No Different", ""}, // a title line is kept whole
		{"NEW DELHI: Their American dream shattered, they came home.", "Their American dream shattered, they came home", ""},
		{"SIOUX FALLS, S.D. – People across the nation are talking about it.", "People across the nation are talking about it", ""},
		{"WASHINGTON — “We will not yield,” the senator said.", "“We will not yield,” the senator said", ""},
		{"DUBAI, United Arab Emirates — Dubai's flagship carrier ordered jets.", "Dubai's flagship carrier ordered jets", ""},
		{"Staff Reports\n\nPolice arrested six people Monday during an investigation.\n\nMore.", "Police arrested six people Monday during an investigation", "Staff Reports"},
		{"By Jane Doe\n\nThe council met on Monday.", "The council met on Monday", "Jane Doe"},
		// not datelines
		{"Obama — the former president — spoke on Monday.", "Obama — the former president — spoke on Monday", ""},
		{"NY Daily News: Paris Terror Attacks Highlight Threat. More.", "NY Daily News: Paris Terror Attacks Highlight Threat", ""},
		{"BYLINE: Amber Phillips\n\nThe debate is over.", "The debate is over", "Amber Phillips"},
		{"Washington, DC, United States: Getting to the Moon is hard.", "Washington, DC, United States: Getting to the Moon is hard", ""},
		{"LOOK WHAT YOU MADE ME DO\n\nBrace yourself.", "LOOK WHAT YOU MADE ME DO", ""},
	}
	for _, tt := range tests {
		a := parseOne(t, "x.txt", tt.data)
		if a.Title != tt.title || a.Byline != tt.byline {
			t.Errorf("%.40q: title %q byline %q, want %q %q", tt.data, a.Title, a.Byline, tt.title, tt.byline)
		}
		if !strings.HasPrefix(tt.data, strings.TrimSpace(bodyOf(a)[:min(len(bodyOf(a)), 10)])) {
			t.Errorf("%.40q: the body lost its start: %.20q", tt.data, bodyOf(a))
		}
	}
}

// collapseSpace gives what strings.Fields and Join give, the plain case
// included, which it returns without them.
func TestCollapseSpace(t *testing.T) {
	ins := []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "né  x", "Bridge reopens", "x\u2003y"}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{" ", "\t", "\n", "a", "b", "\u00a0", "é"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		ins = append(ins, b.String())
	}
	for _, s := range ins {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
