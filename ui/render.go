package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"newsreader/store"
)

// renderKey is what a rendering was computed for.
type renderKey struct {
	id, width int
}

// cellRange is a run of cells [start, end) on one rendered line.
type cellRange struct {
	line, start, end int
}

// rendered is an article laid out for one width: the lines to draw and
// where each quote landed.
type rendered struct {
	key   renderKey
	lines []string // styled, sanitized, none wider than the width
	plain []string // the same lines without styles, for find
	// quotes[i] are the cell ranges of quote i; quoteTop[i] its first line or -1
	quotes   [][]cellRange
	quoteTop []int
	words    []int // words[i] is the number of words before line i, to keep the place on resize
	bytes    int
}

// renderer turns articles into rendered lines. Each call makes its own
// glamour renderer: they are cheap and not safe for concurrent use.
type renderer struct {
	style   string
	profile termenv.Profile
}

// renderedMsg carries a finished rendering back to the UI.
type renderedMsg struct {
	key renderKey
	r   *rendered
	err error
}

// renderCmd renders an article off the UI goroutine.
func (rd renderer) renderCmd(a *store.Article, width int) tea.Cmd {
	key := renderKey{a.ID, width}
	return func() tea.Msg {
		r, err := rd.render(a, width)
		return renderedMsg{key: key, r: r, err: err}
	}
}

// render lays an article out at a width of cells.
func (rd renderer) render(a *store.Article, width int) (r *rendered, err error) {
	defer func() {
		if p := recover(); p != nil { // a glamour bug must not end the reader
			r, err = nil, fmt.Errorf("rendering failed: %v", p)
		}
	}()
	width = max(width, 1)
	md, refs := articleMarkdown(a)
	tr, err := glamour.NewTermRenderer(
		glamour.WithStandardStyle(rd.style),
		glamour.WithWordWrap(width+2), // glamour's output is two cells narrower than its wrap
		glamour.WithColorProfile(rd.profile),
	)
	if err != nil {
		return nil, err
	}
	out, err := tr.Render(md)
	if err != nil {
		return nil, err
	}
	return layoutRendered(renderKey{a.ID, width}, sanitize(out, true), len(a.Quotes), refs), nil
}

// layoutRendered splits glamour's output into lines no wider than the key's
// width and finds the quotes by their sentinels.
func layoutRendered(key renderKey, out string, nquotes int, refs []spanRef) *rendered {
	width := key.width
	out = strings.ReplaceAll(out, nbHyphen, "-")
	raw := strings.Split(strings.Trim(out, "\n"), "\n")
	r := &rendered{key: key, lines: make([]string, 0, len(raw))}
	for _, l := range raw {
		if ansi.StringWidth(l) <= width {
			r.lines = append(r.lines, l)
			continue
		}
		// glamour v1 does not wrap CJK: wrap what it left too wide
		r.lines = append(r.lines, strings.Split(ansi.Hardwrap(l, width, true), "\n")...)
	}
	type pos struct{ line, col int }
	var marks []pos
	r.plain = make([]string, len(r.lines))
	r.words = make([]int, len(r.lines)+1)
	for i, l := range r.lines {
		p := ansi.Strip(l)
		if strings.ContainsRune(p, sentinelOpen) || strings.ContainsRune(p, sentinelClose) {
			col := 0
			for _, c := range p {
				if c == sentinelOpen || c == sentinelClose {
					marks = append(marks, pos{i, col})
				}
				col += ansi.StringWidth(string(c))
			}
			r.lines[i] = stripSentinels(l)
			p = stripSentinels(p)
		}
		r.plain[i] = p
		r.words[i+1] = r.words[i] + len(strings.Fields(p))
		r.bytes += len(r.lines[i]) + len(p)
	}
	r.quotes = make([][]cellRange, nquotes)
	r.quoteTop = make([]int, nquotes)
	for i := range r.quoteTop {
		r.quoteTop[i] = -1
	}
	for k := 0; k+1 < len(marks) && k/2 < len(refs); k += 2 {
		q := refs[k/2].quote
		from, to := marks[k], marks[k+1]
		for line := from.line; line <= to.line; line++ {
			start, end := contentCols(r.plain[line])
			if line == from.line {
				start = from.col
			}
			if line == to.line {
				end = to.col
			}
			if end > start {
				r.quotes[q] = append(r.quotes[q], cellRange{line, start, end})
			}
		}
		if r.quoteTop[q] < 0 || from.line < r.quoteTop[q] {
			r.quoteTop[q] = from.line
		}
	}
	return r
}

func stripSentinels(s string) string {
	return strings.Map(func(r rune) rune {
		if r == sentinelOpen || r == sentinelClose {
			return -1
		}
		return r
	}, s)
}

// contentCols returns the first and last-plus-one cells of a line that are not spaces.
func contentCols(p string) (int, int) {
	t := strings.TrimLeft(p, " ")
	start := len(p) - len(t)
	t = strings.TrimRight(t, " ")
	return start, start + ansi.StringWidth(t)
}

// lineAtWords returns the line of r where the words-th word begins.
func (r *rendered) lineAtWords(words int) int {
	for i := range r.lines {
		if r.words[i+1] > words {
			return i
		}
	}
	return max(0, len(r.lines)-1)
}

// plainCol converts a byte index in a plain line to a cell column.
func plainCol(p string, idx int) int {
	if idx > len(p) {
		idx = len(p)
	}
	for idx > 0 && !utf8.RuneStart(p[idx]) && idx < len(p) {
		idx--
	}
	return ansi.StringWidth(p[:idx])
}
