package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Theme says how the screen is colored. It is decided once at start-up:
// asking the terminal later makes its reply arrive as typed keys.
type Theme struct {
	Dark    bool // dark background
	NoColor bool // NO_COLOR, or a terminal without colors: attributes only
}

// Styles is every style the reader draws with, built once from a Theme.
type Styles struct {
	Theme Theme

	FrameFocused, Frame             lipgloss.Style // pane borders
	TitleFocused, Title             lipgloss.Style // pane titles in the border
	Dim, Accent, Bold, Error, Muted lipgloss.Style

	ListSelected, ListSelectedBlur lipgloss.Style // selected row, focused or not
	ListMeta                       lipgloss.Style
	ListMatch                      lipgloss.Style // matched query words in titles and snippets

	Quote, QuoteSelected     lipgloss.Style // quotes highlighted in the reading pane
	Match, MatchCurrent      lipgloss.Style // find matches in the reading pane
	SideQuote, SideSelected  lipgloss.Style // quotes in the sidebar
	Speaker, SpeakerSelected lipgloss.Style
	SideBar                  lipgloss.Style // the bar beside the selected quote

	StatusBar, StatusKey lipgloss.Style
	Prompt               lipgloss.Style

	// the same styles as paints, for what is drawn on every frame
	paint paints
}

// paints are the hot-path styles reduced to their escape codes.
type paints struct {
	frame, frameFocused, title, titleFocused, dim          Paint
	listSelected, listSelectedBlur, listMeta, listMatch    Paint
	sideQuote, sideSelected, speaker, speakerSelected, bar Paint
}

// Paint is a style reduced to the escape codes around its text: drawing
// with it is a concatenation instead of lipgloss's layout pass, which cost
// most of a keystroke when every border and row went through Render.
type Paint struct{ pre, post string }

// paintOf works for styles without padding, margins, width or borders.
func paintOf(st lipgloss.Style) Paint {
	r := st.Render("x")
	i := strings.IndexByte(r, 'x')
	if i < 0 || strings.Count(r, "x") != 1 {
		return Paint{}
	}
	return Paint{pre: r[:i], post: r[i+1:]}
}

// Draw paints s.
func (p Paint) Draw(s string) string {
	if p.pre == "" && p.post == "" {
		return s
	}
	return p.pre + s + p.post
}

// NewStyles builds the styles for a theme.
func NewStyles(t Theme) Styles {
	c := func(light, dark string) lipgloss.TerminalColor {
		if t.NoColor {
			return lipgloss.NoColor{}
		}
		if t.Dark {
			return lipgloss.Color(dark)
		}
		return lipgloss.Color(light)
	}
	accent := c("#5A3FC0", "#B4A0FF")
	dim := c("#8A8A8A", "#6C6C6C")
	text := c("#1A1A1A", "#E4E4E4")
	// with 16 colors the hex ones fell on one yellow for every quote,
	// selected or not, under the text's light gray: in that profile the
	// marks get colors of their own, dark text on each
	c16 := func(light, dark, ansi string) lipgloss.TerminalColor {
		if t.NoColor {
			return lipgloss.NoColor{}
		}
		hex := light
		if t.Dark {
			hex = dark
		}
		return lipgloss.CompleteColor{TrueColor: hex, ANSI256: hex, ANSI: ansi}
	}
	quoteFG := c16("", "", "0") // black on yellow; the text's own color in more colors
	quoteBG := c16("#FFF2B3", "#3D3510", "3")
	quoteSelBG := c16("#FFD24D", "#8A6D00", "5") // magenta
	quoteSelFG := c16("#000000", "#FFFFFF", "15")
	matchFG := c16("", "", "0")
	matchBG := c16("#B3E5FC", "#0E4D66", "6")    // cyan
	matchCurBG := c16("#FF8A3D", "#D9661F", "9") // bright red
	matchCurFG := c16("#000000", "#FFFFFF", "0")
	selBG := c("#E3DBFF", "#3B2F73")
	errColor := c("#C62828", "#FF6B6B")

	s := Styles{Theme: t}
	s.FrameFocused = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Frame = lipgloss.NewStyle().Foreground(dim)
	s.TitleFocused = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Title = lipgloss.NewStyle().Foreground(dim)
	s.Dim = lipgloss.NewStyle().Foreground(dim)
	s.Muted = lipgloss.NewStyle().Foreground(dim)
	s.Accent = lipgloss.NewStyle().Foreground(accent)
	s.Bold = lipgloss.NewStyle().Bold(true)
	s.Error = lipgloss.NewStyle().Foreground(errColor).Bold(true)
	s.ListSelected = lipgloss.NewStyle().Background(selBG).Foreground(text).Bold(true)
	s.ListSelectedBlur = lipgloss.NewStyle().Bold(true)
	s.ListMeta = lipgloss.NewStyle().Foreground(dim)
	s.ListMatch = lipgloss.NewStyle().Foreground(accent).Bold(true).Underline(true)
	s.Quote = lipgloss.NewStyle().Background(quoteBG).Foreground(quoteFG)
	s.QuoteSelected = lipgloss.NewStyle().Background(quoteSelBG).Foreground(quoteSelFG).Bold(true)
	s.Match = lipgloss.NewStyle().Background(matchBG).Foreground(matchFG)
	s.MatchCurrent = lipgloss.NewStyle().Background(matchCurBG).Foreground(matchCurFG).Bold(true)
	s.SideQuote = lipgloss.NewStyle().Foreground(text)
	s.SideSelected = lipgloss.NewStyle().Foreground(text).Bold(true)
	s.Speaker = lipgloss.NewStyle().Foreground(dim).Italic(true)
	s.SpeakerSelected = lipgloss.NewStyle().Foreground(accent).Italic(true)
	s.SideBar = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.StatusBar = lipgloss.NewStyle().Foreground(dim)
	s.StatusKey = lipgloss.NewStyle().Foreground(accent)
	s.Prompt = lipgloss.NewStyle().Foreground(accent).Bold(true)
	if t.NoColor {
		// without color, attributes carry the meaning
		s.ListSelected = lipgloss.NewStyle().Reverse(true).Bold(true)
		// quotes underlined, the selected one bold too; find matches in
		// reverse video, the current one bold and underlined too: a match
		// is drawn over the quote it is in, and stays told from it
		s.Quote = lipgloss.NewStyle().Underline(true)
		s.QuoteSelected = lipgloss.NewStyle().Underline(true).Bold(true)
		s.Match = lipgloss.NewStyle().Reverse(true)
		s.MatchCurrent = lipgloss.NewStyle().Reverse(true).Bold(true).Underline(true)
	}
	// drawn on every frame: reduced to escape codes once
	s.paint = paints{
		frame: paintOf(s.Frame), frameFocused: paintOf(s.FrameFocused), title: paintOf(s.Title), titleFocused: paintOf(s.TitleFocused),
		dim: paintOf(s.Dim), listSelected: paintOf(s.ListSelected), listSelectedBlur: paintOf(s.ListSelectedBlur),
		listMeta: paintOf(s.ListMeta), listMatch: paintOf(s.ListMatch), sideQuote: paintOf(s.SideQuote),
		sideSelected: paintOf(s.SideSelected), speaker: paintOf(s.Speaker), speakerSelected: paintOf(s.SpeakerSelected),
		bar: paintOf(s.SideBar),
	}
	return s
}
