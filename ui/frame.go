package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// fit pads or cuts a styled line to exactly w cells.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	switch {
	case sw == w:
		return s
	case sw < w:
		return s + strings.Repeat(" ", w-sw)
	}
	return ansi.Truncate(s, w, "")
}

// truncate cuts plain text to w cells with an ellipsis.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// truncateLeft keeps the end of s, which for a path is the file's name.
func truncateLeft(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw <= w {
		return s
	}
	return "…" + ansi.TruncateLeft(s, sw-w+1, "")
}

// frame draws a box of w x h cells around content lines, with a title in
// the top border and a note in the bottom one. The focused pane gets a heavy
// border, so focus shows without color too.
func frame(st *Styles, focused bool, title, note string, content []string, w, h int) []string {
	out := make([]string, 0, h)
	if w <= 0 || h <= 0 {
		return out
	}
	if w < 3 || h < 3 { // too small for a box: the content alone
		for i := range h {
			line := ""
			if i < len(content) {
				line = content[i]
			}
			out = append(out, fit(line, w))
		}
		return out
	}
	bs, ts := st.paint.frame, st.paint.title
	tl, tr, bl, br, hz, vt := "╭", "╮", "╰", "╯", "─", "│"
	if focused {
		bs, ts = st.paint.frameFocused, st.paint.titleFocused
		tl, tr, bl, br, hz, vt = "┏", "┓", "┗", "┛", "━", "┃"
	}
	inner := w - 2
	top, bottom := borderLine(bs, ts, tl, tr, hz, title, inner), borderLine(bs, st.paint.dim, bl, br, hz, note, inner)
	side := bs.Draw(vt)
	// the box is written as one string and its lines are cut from it: one
	// allocation for the pane, not three a line, at every key
	n := len(top) + len(bottom) + (h-2)*(2*len(side)+inner)
	for _, line := range content[:min(len(content), h-2)] {
		n += len(line)
	}
	var b strings.Builder
	b.Grow(n)
	var stack [128]int
	ends := stack[:0]
	b.WriteString(top)
	ends = append(ends, b.Len())
	for i := range h - 2 {
		line := ""
		if i < len(content) {
			line = content[i]
		}
		b.WriteString(side)
		writeFit(&b, line, inner)
		b.WriteString(side)
		ends = append(ends, b.Len())
	}
	b.WriteString(bottom)
	ends = append(ends, b.Len())
	box, start := b.String(), 0
	for _, end := range ends {
		out = append(out, box[start:end])
		start = end
	}
	return out
}

// writeFit writes s as fit(s, w) gives it.
func writeFit(b *strings.Builder, s string, w int) {
	if w <= 0 {
		return
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		b.WriteString(ansi.Truncate(s, w, ""))
		return
	}
	b.WriteString(s)
	writeSpaces(b, w-sw)
}

// blanks are written a slice at a time: padding allocates nothing.
const blanks = "                                                                "

func writeSpaces(b *strings.Builder, n int) {
	for n > 0 {
		k := min(n, len(blanks))
		b.WriteString(blanks[:k])
		n -= k
	}
}

// borderLine is "╭─ Title ─────╮", the label cut to fit.
func borderLine(bs, ls Paint, left, right, hz, label string, inner int) string {
	if label == "" || inner < 5 {
		return bs.Draw(left + strings.Repeat(hz, inner) + right)
	}
	label = truncate(label, inner-4)
	rest := inner - 3 - ansi.StringWidth(label)
	return bs.Draw(left+hz) + ls.Draw(" "+label+" ") + bs.Draw(strings.Repeat(hz, max(0, rest))+right)
}

// compose puts the panes' lines side by side (each already exactly its
// width), the lines of tail under them, at most h lines in all: the frame
// in one string, written once.
func compose(cols [][]string, tail []string, h int) string {
	rows := 0
	for _, c := range cols {
		rows = max(rows, len(c))
	}
	rows = min(rows, h)
	tail = tail[:min(len(tail), max(0, h-rows))]
	n := rows + len(tail)
	for _, c := range cols {
		for _, line := range c[:min(len(c), rows)] {
			n += len(line)
		}
	}
	for _, line := range tail {
		n += len(line)
	}
	var b strings.Builder
	b.Grow(n)
	for i := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, c := range cols {
			if i < len(c) {
				b.WriteString(c[i])
			}
		}
	}
	for i, line := range tail {
		if rows > 0 || i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}
