package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

const (
	sentinelOpen  = '\u200b' // marks where a quote starts in rendered output
	sentinelClose = '\u200c' // and where it ends
)

// sanitize keeps printable text, newlines and well-formed SGR sequences of s
// and drops everything else: glamour passes OSC 52 and OSC 8 through and
// decodes &#27; into a live ESC, so its output is untrusted too. Tabs become
// spaces, since a terminal moves them to a stop that widths cannot see.
func sanitize(s string, keepSentinels bool) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		seq, _, n, _ := ansi.DecodeSequence(s, ansi.NormalState, nil)
		if n <= 0 {
			n = 1
			seq = s[:1]
		}
		s = s[n:]
		switch c := seq[0]; {
		case c == '\n':
			b.WriteByte('\n')
		case c == '\t':
			b.WriteString("    ")
		case c == 0x1b:
			if isSGR(seq) {
				b.WriteString(seq)
			}
		case c < 0x20 || c == 0x7f:
			// other C0 controls: dropped
		default:
			writeText(&b, seq, keepSentinels)
		}
	}
	return b.String()
}

// isPlain reports text with no control, escape or suspicious rune at all.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			return false
		}
	}
	return true
}

// isSGR reports ESC [ params m, the only sequence the reader lets through.
func isSGR(seq string) bool {
	if len(seq) < 3 || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return false
	}
	for i := 2; i < len(seq)-1; i++ {
		if c := seq[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// writeText writes a grapheme, dropping C1 controls, bidi overrides and
// invalid bytes, and capping combining-mark stacks.
func writeText(b *strings.Builder, g string, keepSentinels bool) {
	if len(g) > 64 { // a stack of combining marks: keep the base and a few marks
		cut := 0
		for i := range g {
			if i > 16 {
				break
			}
			cut = i
		}
		g = g[:cut]
	}
	for len(g) > 0 {
		r, n := utf8.DecodeRuneInString(g)
		if okRune(r, n, keepSentinels) {
			b.WriteString(g[:n])
		}
		g = g[n:]
	}
}

func okRune(r rune, n int, keepSentinels bool) bool {
	switch {
	case r == utf8.RuneError && n <= 1:
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return false
	case r == sentinelOpen || r == sentinelClose:
		return keepSentinels
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f', r == '\u061c', r == '\ufeff':
		return false
	}
	return true
}

// cleanLine makes text from an article safe for one line of the screen:
// no controls, no escapes, no line breaks.
func cleanLine(s string) string {
	if isPlain(s) {
		return s
	}
	s = sanitize(s, false)
	s = ansi.Strip(s)
	return dropJoiners(strings.Join(strings.Fields(s), " "))
}

// dropJoiners drops the marks s starts with that would join the glyph
// drawn before it (a variation selector, a skin tone, a combining accent,
// a zero-width joiner): after a list row's bar they made one character of
// the two, and the row a cell short or long (found in review).
func dropJoiners(s string) string {
	for s != "" {
		if c, _, _, _ := uniseg.FirstGraphemeClusterInString("x"+s, -1); len(c) == 1 {
			return s
		}
		_, n := utf8.DecodeRuneInString(s)
		s = s[n:]
	}
	return s
}
