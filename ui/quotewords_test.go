package ui

import (
	"strings"
	"testing"
)

// A quote in markdown reads as its words: links show their text only.
func TestQuoteWordsHideLinkSyntax(t *testing.T) {
	md := parse(t, "a.md", "# Links\n\nThe minister said \"we will publish [the report](https://example.org/r?utm_source=x) and ![a chart](c.png) soon\" on Monday.\n")
	txt := parse(t, "a.txt", "Links\n\nThe minister said \"we will publish [the report](https://example.org/r) soon\" on Monday.\n")
	if len(md.Quotes) != 1 || len(txt.Quotes) != 1 {
		t.Fatalf("%d and %d quotes, want 1 each", len(md.Quotes), len(txt.Quotes))
	}
	if got, want := quoteWords(md, 0), "we will publish the report and a chart soon"; got != want {
		t.Errorf("markdown: %q, want %q", got, want)
	}
	// plain text is as written: brackets there are the writer's
	if got := quoteWords(txt, 0); !strings.Contains(got, "[the report](https://example.org/r)") {
		t.Errorf("plain text changed: %q", got)
	}
}

func TestCutQuoteLine(t *testing.T) {
	for _, c := range []struct {
		line string
		w    int
		want string
	}{
		{"and three million unemployed. …", 40, "and three million unemployed. …"},
		{"and three million unemployed. … ", 40, "and three million unemployed. …"},
		{"and three million", 40, "and three million…"},
	} {
		if got := cutQuoteLine(c.line, c.w); got != c.want {
			t.Errorf("cutQuoteLine(%q, %d) = %q, want %q", c.line, c.w, got, c.want)
		}
	}
}
