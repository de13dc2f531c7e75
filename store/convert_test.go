package store

import (
	"strings"
	"testing"
)

// A data table becomes a markdown table: its cells ran together as one
// word ("YearGrowthInflation20032.2%1.4%").
func TestHTMLTableBecomesMarkdownTable(t *testing.T) {
	page := `<html><head><title>Economy grows again</title></head><body><article>
<h1>Economy grows again</h1>
<p>The economy grew faster than expected last year, the statistics office said on Tuesday, with inflation low and unemployment falling in most regions.</p>
<table><tr><th>Year</th><th>Growth</th><th>Inflation</th></tr><tr><td>2003</td><td>2.2%</td><td>1.4%</td></tr><tr><td>2004</td><td>3.1%</td><td>1.3%</td></tr></table>
<p>Economists said the figures were in line with forecasts, and that the central bank was unlikely to change interest rates at its next meeting in March.</p>
</article></body></html>`
	a, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	body := bodyOf(a)
	for _, row := range []string{"| Year | Growth | Inflation |\n|---|---|---|\n", "| 2003 | 2.2% | 1.4% |\n", "| 2004 | 3.1% | 1.3% |"} {
		if !strings.Contains(body, row) {
			t.Errorf("no %q in the body:\n%s", row, body)
		}
	}
}

func TestHTMLTables(t *testing.T) {
	for _, c := range []struct {
		name, html, want string
	}{
		{"no header: the first row is", `<table><tr><td><b>Pos</b></td><td><b>Driver</b></td></tr><tr><td>1</td><td>Kyle Busch</td></tr></table>`,
			"| **Pos** | **Driver** |\n|---|---|\n| 1 | Kyle Busch |"},
		{"a footer repeating the header is dropped", `<table><thead><tr><th>Pos</th><th>Player</th></tr></thead><tfoot><tr><th>Pos</th><th>Player</th></tr></tfoot><tbody><tr><td>DL</td><td>Larry Ogunjobi</td></tr></tbody></table>`,
			"| Pos | Player |\n|---|---|\n| DL | Larry Ogunjobi |"},
		// layout: a table of one cell, row or column is the page's frame
		{"one cell", `<table><tr><td>Only one cell with a paragraph of text.</td></tr></table>`,
			"Only one cell with a paragraph of text."},
		{"one row", `<table><tr><td>Left</td><td>Right</td></tr></table>`, "Left\n\nRight"},
		{"one column", `<table><tr><td>Top</td></tr><tr><td>Bottom</td></tr></table>`, "Top\n\nBottom"},
		{"blocks in cells", `<table><tr><td><p>Para one</p><p>two</p></td><td>Side</td></tr><tr><td>Foot</td><td>note</td></tr></table>`,
			"Para one\n\ntwo\n\nSide\n\nFoot\n\nnote"},
		{"nested", `<table><tr><td>Menu</td><td><table><tr><td>a</td><td>b</td></tr></table></td></tr><tr><td>Story</td><td>Ends</td></tr></table>`,
			"Menu\n\na\n\nb\n\nStory\n\nEnds"},
		{"presentation", `<table role="presentation"><tr><td>Left</td><td>Right</td></tr><tr><td>x</td><td>y</td></tr></table>`,
			"Left\n\nRight\n\nx\n\ny"},
	} {
		if got := htmlToMarkdown(c.html, ""); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
