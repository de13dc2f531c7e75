package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// The reader's four marks (quote, selected quote, find match, current
// match) each look different from the others, in every profile the reader
// draws with: with 16 colors, every quote was on the same yellow, the
// selected one only bold, in the text's light gray; without color, the
// current match and the selected quote were both reverse video.
func TestReadingMarksDiffer(t *testing.T) {
	defer lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		name    string
		profile termenv.Profile
		theme   Theme
	}{
		{"truecolor dark", termenv.TrueColor, Theme{Dark: true}},
		{"256 light", termenv.ANSI256, Theme{}},
		{"16 colors dark", termenv.ANSI, Theme{Dark: true}},
		{"16 colors light", termenv.ANSI, Theme{}},
		{"NO_COLOR", termenv.ANSI, Theme{Dark: true, NoColor: true}},
	} {
		lipgloss.SetColorProfile(c.profile)
		st := NewStyles(c.theme)
		marks := map[string]lipgloss.Style{"quote": st.Quote, "selected quote": st.QuoteSelected, "match": st.Match, "current match": st.MatchCurrent}
		seen := map[string]string{}
		for name, s := range marks {
			code := strings.TrimSuffix(s.Render("x"), "x\x1b[0m")
			if code == "" || code == "x" {
				t.Errorf("%s: the %s is not marked", c.name, name)
			}
			if other, ok := seen[code]; ok {
				t.Errorf("%s: the %s and the %s look alike (%q)", c.name, name, other, code)
			}
			seen[code] = name
		}
		if c.theme.NoColor {
			// a match is drawn over the quote it is in: bold alone (on
			// reverse, nothing on many terminals) does not tell them apart
			for _, m := range []string{"match", "current match"} {
				for _, q := range []string{"quote", "selected quote"} {
					if attrs(marks[m]) == attrs(marks[q]) {
						t.Errorf("%s: the %s in a %s differs by bold at most", c.name, m, q)
					}
				}
			}
		} else {
			// colors: a background of its own for each
			bgs := map[string]string{}
			for name, s := range marks {
				r := s.Render("x")
				bg := ""
				for _, p := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(r[:strings.IndexByte(r, 'x')], "\x1b["), "m"), ";") {
					if bg != "" || strings.HasPrefix(p, "4") && len(p) == 2 || strings.HasPrefix(p, "10") && len(p) == 3 || p == "48" {
						bg += p + ";"
					}
				}
				if other, ok := bgs[bg]; ok {
					t.Errorf("%s: the %s and the %s have one background (%q)", c.name, name, other, bg)
				}
				bgs[bg] = name
			}
		}
		if c.profile == termenv.ANSI && !c.theme.NoColor {
			// dark text on the quotes' colors, whatever the terminal's text is
			for _, name := range []string{"quote", "match", "current match"} {
				if code := marks[name].Render("x"); !strings.Contains(code, "30") {
					t.Errorf("%s: the %s is not dark text: %q", c.name, name, code)
				}
			}
		}
	}
}

// attrs is what a style's reverse and underline say, bold left out.
func attrs(s lipgloss.Style) string {
	return fmt.Sprint(s.GetReverse(), s.GetUnderline())
}
