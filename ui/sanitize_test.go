package ui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"\x1b[1;31mred\x1b[0m", "\x1b[1;31mred\x1b[0m"},
		{"\x1b[38:5:196mx", "\x1b[38:5:196mx"},
		{"a\x1b]52;c;ZXZpbA==\x07b", "ab"},
		{"a\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\b", "alinkb"},
		{"a\x1b[2Jb\x1b[Hc", "abc"},
		{"a\x1bPdcs\x1b\\b", "ab"},
		{"a\x1b_apc\x1b\\b", "ab"},
		{"a\u009b2Jb", "a2Jb"},
		{"bell\x07 back\bspace", "bell backspace"},
		{"tab\there", "tab    here"},
		{"rtl\u202eevil\u202c", "rtlevil"},
		{"\xff\xfebad", "bad"},
		{"line\nbreak", "line\nbreak"},
		{"x\u200by\u200cz", "xyz"},
	}
	for _, tt := range tests {
		if got := sanitize(tt.in, false); got != tt.want {
			t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := sanitize("x\u200by\u200cz", true); got != "x\u200by\u200cz" {
		t.Errorf("sentinels dropped when kept: %q", got)
	}
	stack := "e" + strings.Repeat("\u0301", 500)
	if got := sanitize(stack, false); len(got) > 64 {
		t.Errorf("combining stack kept %d bytes", len(got))
	}
}

func TestCleanLine(t *testing.T) {
	if got := cleanLine("Title\x1b[2J with\nnewline\tand\x1b]0;x\x07 escapes"); got != "Title with newline and escapes" {
		t.Errorf("cleanLine = %q", got)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"\x1b[31mx", "\x1b]52;c;x\x07", "\u009b1m", "a\tb", "\x1b[", "\x1b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkControls(t, sanitize(s, false))
		checkControls(t, cleanLine(s))
	})
}

// The paints must carry the styles' codes: an empty paint draws nothing.
func TestPaintsCarryStyles(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	st := NewStyles(Theme{Dark: true})
	for name, p := range map[string]Paint{"frameFocused": st.paint.frameFocused, "listSelected": st.paint.listSelected, "bar": st.paint.bar, "dim": st.paint.dim} {
		if got := p.Draw("x"); !strings.HasPrefix(got, "\x1b[") || !strings.Contains(got, "x") {
			t.Errorf("%s draws %q", name, got)
		}
	}
	mono := NewStyles(Theme{NoColor: true})
	if got := mono.paint.listSelected.Draw("x"); got != "\x1b[1;7mx\x1b[0m" && got != "\x1b[7;1mx\x1b[0m" {
		t.Errorf("monochrome selection draws %q", got)
	}
}

func TestPlainColAtEnd(t *testing.T) {
	if got := plainCol("abc", 3); got != 3 {
		t.Errorf("plainCol at the end = %d", got)
	}
	if got := plainCol("aé", 2); got != 1 { // inside é: back to its start
		t.Errorf("plainCol inside a rune = %d", got)
	}
}
