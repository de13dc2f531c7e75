package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A code line wider than the pane wraps inside its block: every piece at
// the block's indent, no blank line among them. Glamour's word wrapper
// broke it at the pane's edge and put the rest at the page's margin.
func TestLongCodeLineWrapsInsideItsBlock(t *testing.T) {
	long := "curl -s https://example.com/api/v1/statistics/economy/growth?from=2003&to=2005 | jq ."
	indented := "    if err := parser.ParseDefaultNamespaceEntries(feed, entries, options); err != nil {"
	md := "# Code\n\nSome text before the code.\n\n```\n" + long + "\n" + indented + "\nshort\n```\n\n" +
		"    " + long + "\n\n- an item\n\n  ```\n  " + long + "\n  ```\n\nAfter.\n"
	for _, width := range []int{30, 40, 57} {
		a := parse(t, "a.md", md)
		r, err := (renderer{style: "dark"}).render(a, width)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range r.lines {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: a line %d cells wide: %q", width, w, ansi.Strip(l))
			}
		}
		// the three blocks, each from its first line to the line before the blank after it
		starts := []string{"curl", "curl", "curl"}
		from := 0
		for b, start := range starts {
			first := -1
			for i := from; i < len(r.plain); i++ {
				if strings.HasPrefix(strings.TrimLeft(r.plain[i], " "), start) {
					first = i
					break
				}
			}
			if first < 0 {
				t.Fatalf("width %d: block %d not found:\n%s", width, b, strings.Join(r.plain, "\n"))
			}
			col := strings.Index(r.plain[first], start)
			var text []string
			i := first
			for ; i < len(r.plain) && strings.TrimSpace(r.plain[i]) != ""; i++ {
				p := r.plain[i]
				// the indented line's pieces keep its indent too
				if len(p) <= col || strings.TrimSpace(p[:col]) != "" || p[col] == ' ' && !strings.HasPrefix(p[col:], "    ") {
					t.Errorf("width %d, block %d: line %d not at the block's column %d: %q", width, b, i, col, p)
				}
				text = append(text, strings.TrimSpace(p[min(col, len(p)):]))
			}
			got := strings.Join(text, " ")
			want := long
			if b == 0 {
				want = long + " " + strings.TrimSpace(indented) + " short"
			}
			if strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(want, " ", "") {
				t.Errorf("width %d, block %d: the block reads\n%q\nwant\n%q", width, b, got, want)
			}
			from = i
		}
	}
}
