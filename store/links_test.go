package store

import (
	"reflect"
	"testing"
)

func TestLinks(t *testing.T) {
	md := func(body string) *Article { return withBody(&Article{Format: FormatMarkdown}, body) }
	txt := func(body string) *Article { return withBody(&Article{Format: FormatText}, body) }
	l := func(text, url string) Link { return Link{Text: text, URL: url} }
	bare := func(url string) Link { return Link{Text: url, URL: url} }
	tests := []struct {
		name string
		a    *Article
		want []Link
	}{
		{"no links", txt("Nothing to open here."), nil},
		{"inline link with title", md(`See [the *full* report](https://ex.com/r?a=1&b=2 "Report").`),
			[]Link{l("the full report", "https://ex.com/r?a=1&b=2")}},
		{"reference link", md("Read [the ruling][r] today.\n\n[r]: https://court.example/ruling \"R\"\n"),
			[]Link{l("the ruling", "https://court.example/ruling")}},
		{"autolink", md("More at <https://auto.example/x>."), []Link{bare("https://auto.example/x")}},
		{"email autolink", md("Write to <tips@paper.example>."), []Link{l("tips@paper.example", "mailto:tips@paper.example")}},
		{"mailto link", md("[Email us](mailto:desk@paper.example)"), []Link{l("Email us", "mailto:desk@paper.example")}},
		{"bare URL ends before the full stop", txt("Details: https://bare.example/path. Next sentence."),
			[]Link{bare("https://bare.example/path")}},
		{"bare URL in brackets and straight quotes", txt(`Also (https://paren.example/a_(b)) and "https://q.example/x", here.`),
			[]Link{bare("https://paren.example/a_(b)"), bare("https://q.example/x")}},
		{"bare URL in curly quotes", txt("He wrote “https://curly.example/a” on the wall."),
			[]Link{bare("https://curly.example/a")}},
		{"non-ASCII path", txt("See https://fr.wikipedia.org/wiki/Éric_Zemmour for more."),
			[]Link{bare("https://fr.wikipedia.org/wiki/Éric_Zemmour")}},
		{"scheme in capitals", txt("HTTPS://UP.EXAMPLE/X"), []Link{bare("HTTPS://UP.EXAMPLE/X")}},
		{"markdown syntax in a text article is prose", txt("[x](https://e.example/a) and more"),
			[]Link{bare("https://e.example/a")}},
		{"order of appearance across kinds", md("First https://one.example/ then [two](https://two.example/) then <https://three.example/>"),
			[]Link{bare("https://one.example/"), l("two", "https://two.example/"), bare("https://three.example/")}},
		{"duplicates once, at the first place", md("https://dup.example/ and [again](https://dup.example/) and https://other.example/ and https://dup.example/"),
			[]Link{l("again", "https://dup.example/"), bare("https://other.example/")}},
		{"markdown text kept when the bare address comes later", md("[Story](https://s.example/) — https://s.example/"),
			[]Link{l("Story", "https://s.example/")}},
		{"other schemes dropped", md("[x](javascript:alert(1)) [f](ftp://f.example/) [g](file:///etc/passwd) [rel](/local) ftp://f.example/ data:text/html,hi"),
			nil},
		{"http without a host dropped", md("[x](https:///nohost) [y](http:)"), nil},
		{"spaces stripped from a bracketed destination", md("[y](<https://sp ace.example/a b>)"),
			[]Link{l("y", "https://space.example/ab")}},
		{"character reference to ESC stripped", md("[z](https://e.example/&#x1b;]52;c;aGk=&#7;x)"),
			[]Link{l("z", "https://e.example/]52;c;aGk=x")}},
		{"backslash escape resolved", md(`[q](https://e.example/a\_b)`), []Link{l("q", "https://e.example/a_b")}},
		{"bidi override stripped from URL and text", md("[ab\u202ecd](https://e.example/\u202eexe.txt)"),
			[]Link{l("abcd", "https://e.example/exe.txt")}},
		{"image not listed, its link is", md("![chart](https://img.example/c.png) [![logo](https://img.example/l.png)](https://home.example/)"),
			[]Link{l("logo", "https://home.example/")}},
		{"empty link text shows the address", md("[](https://empty.example/)"), []Link{bare("https://empty.example/")}},
		{"code span text", md("[`go test`](https://go.example/test)"), []Link{l("go test", "https://go.example/test")}},
		{"link text over two lines", md("[the long\ntitle](https://e.example/)"), []Link{l("the long title", "https://e.example/")}},
		{"bare URL across an escape and emphasis in markdown", md(`Go to *https://em.example/a\_b* now, or https://esc.example/x\_y.`),
			[]Link{bare("https://em.example/a_b"), bare("https://esc.example/x_y")}},
		{"bare URL in a heading", md("## Live at https://live.example/\n\ntext"), []Link{bare("https://live.example/")}},
		{"a link does not glue to the next word", md("[a](https://a.example/)https://b.example/"),
			[]Link{l("a", "https://a.example/"), bare("https://b.example/")}},
		{"URL in a code block still listed", md("Run:\n\n    curl https://api.example/v1\n"), []Link{bare("https://api.example/v1")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Links(bodyOf(tt.a)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Links(%q)\n got %q\nwant %q", bodyOf(tt.a), got, tt.want)
			}
		})
	}
}

func TestLinksFromParsedMarkdown(t *testing.T) {
	arts, err := Parse("story.md", []byte("---\ntitle: Rates\nurl: https://paper.example/rates\n---\n# Rates\n\nThe [Bank](https://bank.example/) said so.\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Link{{Text: "Bank", URL: "https://bank.example/"}}
	if got := arts[0].Links(bodyOf(arts[0])); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Pages and feed entries are converted to markdown: their links keep their
// words, as in a markdown file.
func TestLinksFromConvertedBodies(t *testing.T) {
	for _, tt := range []struct{ name, data string }{
		{"page.html", `<html><head><title>Rescue</title></head><body><article><h1>Rescue</h1>
<p>The man was <a href="https://cbsloc.al/32Gk132">sentenced to life in federal prison</a> on Monday, police said in a long statement to reporters.</p>
<p>More details are in the court filings released later that week by the prosecutors who tried the case.</p>
</article></body></html>`},
		{"feed.xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Rescue</title><link>https://paper.example/rescue</link>
<description>&lt;p&gt;The man was &lt;a href="https://cbsloc.al/32Gk132"&gt;sentenced to life in federal prison&lt;/a&gt; on Monday.&lt;/p&gt;</description></item>
</channel></rss>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse(tt.name, []byte(tt.data))
			if err != nil || len(arts) == 0 {
				t.Fatalf("Parse: %v, %d articles", err, len(arts))
			}
			want := []Link{{Text: "sentenced to life in federal prison", URL: "https://cbsloc.al/32Gk132"}}
			if got := arts[0].Links(bodyOf(arts[0])); !reflect.DeepEqual(got, want) {
				t.Errorf("body %q\n got %q\nwant %q", bodyOf(arts[0]), got, want)
			}
		})
	}
}

func FuzzLinks(f *testing.F) {
	f.Add("[a](https://x.example/) https://y.example/ <z@w.example>", true)
	f.Add("(https://p.example/a_(b)) “https://c.example/”", false)
	f.Add("[z](https://e.example/&#x1b;]52) ![i](https://i.example/)", true)
	f.Fuzz(func(t *testing.T, body string, markdown bool) {
		a := withBody(&Article{Format: FormatText}, body)
		if markdown {
			a.Format = FormatMarkdown
		}
		seen := map[string]bool{}
		for _, l := range a.Links(bodyOf(a)) {
			if _, ok := cleanURL(l.URL); !ok {
				t.Errorf("unclean URL %q", l.URL)
			}
			if seen[l.URL] {
				t.Errorf("URL %q twice", l.URL)
			}
			seen[l.URL] = true
			if l.Text == "" {
				t.Errorf("empty text for %q", l.URL)
			}
		}
	})
}

// BenchmarkLinks finds the links of every news-text article, read as text
// and as markdown.
func BenchmarkLinks(b *testing.B) {
	dir := sharedDir(b, "corpora", "news-text")
	arts, _ := LoadAll(b.Context(), Source{Paths: []string{dir}})
	if len(arts) == 0 {
		b.Skip("no articles")
	}
	var n int64
	for _, a := range arts {
		n += int64(len(bodyOf(a)))
	}
	for _, f := range []Format{FormatText, FormatMarkdown} {
		b.Run(string(f), func(b *testing.B) {
			as := make([]*Article, len(arts))
			texts := make([]string, len(arts))
			for i, a := range arts {
				as[i], texts[i] = &Article{Format: f}, bodyOf(a)
			}
			b.SetBytes(n)
			for b.Loop() {
				for i := range as {
					_ = as[i].Links(texts[i])
				}
			}
		})
	}
}

// FuzzHasScheme checks that the quick filter never hides an address the
// full pattern would find.
func FuzzHasScheme(f *testing.F) {
	for _, s := range []string{"see https://a.example/", "HTTP://A.EXAMPLE", "mailto:x@y.example", "Mailto:x", "a:b http:/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if hasScheme(line) {
			return
		}
		for _, m := range bareURL().FindAllString(line, -1) {
			if _, ok := cleanURL(m); ok {
				t.Errorf("hasScheme(%q) = false, but the pattern finds %q", line, m)
			}
		}
	})
}

func TestSourceURL(t *testing.T) {
	for _, tt := range []struct{ source, want string }{
		{"https://paper.example/2024/rates", "https://paper.example/2024/rates"},
		{" https://paper.example/a b ", "https://paper.example/ab"},
		{"BBC News", ""},
		{"", ""},
		{"mailto:desk@paper.example", ""},
		{"javascript:alert(1)", ""},
		{"paper.example/rates", ""},
	} {
		a := &Article{Source: tt.source}
		if got := a.SourceURL(); got != tt.want {
			t.Errorf("SourceURL(%q) = %q, want %q", tt.source, got, tt.want)
		}
	}
}
