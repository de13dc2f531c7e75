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
	out = append(out, borderLine(bs, ts, tl, tr, hz, title, inner))
	side := bs.Draw(vt)
	for i := range h - 2 {
		line := ""
		if i < len(content) {
			line = content[i]
		}
		out = append(out, side+fit(line, inner)+side)
	}
	out = append(out, borderLine(bs, st.paint.dim, bl, br, hz, note, inner))
	return out
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

// joinColumns puts blocks of lines side by side; each block's lines are
// already exactly its width.
func joinColumns(blocks ...[]string) []string {
	h := 0
	for _, b := range blocks {
		h = max(h, len(b))
	}
	out := make([]string, h)
	var sb strings.Builder
	for i := range h {
		n := 0
		for _, b := range blocks {
			if i < len(b) {
				n += len(b[i])
			}
		}
		sb.Reset()
		sb.Grow(n) // one allocation a line, not one per doubling
		for _, b := range blocks {
			if i < len(b) {
				sb.WriteString(b[i])
			}
		}
		out[i] = sb.String()
	}
	return out
}
