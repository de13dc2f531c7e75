package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"newsreader/store"
)

// A described speaker ("a spokesman") is many people: drawn dim, unlike a name.
func TestSpeakersDimTheDescribed(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	st := NewStyles(Theme{Dark: true})
	keys := DefaultKeyMap()
	p := newSpeakersPane(&st, &keys)
	p.SetSize(30, 5)
	ref := []store.QuoteRef{{}}
	p.set([]store.Speaker{{Name: "Jane Roe", Quotes: ref}, {Name: "Ann Lee", Quotes: ref}, {Name: "a spokesman", Quotes: ref}})
	rows := p.view(true)
	if len(rows) != 3 {
		t.Fatalf("rows = %q", rows)
	}
	dim := st.paint.dim.Draw("x")
	dimOpen := dim[:strings.Index(dim, "x")]
	if !strings.HasPrefix(rows[2], dimOpen) || !strings.Contains(rows[2], "a spokesman") {
		t.Errorf("described row = %q, want it drawn with %q", rows[2], dimOpen)
	}
	if strings.HasPrefix(rows[1], dimOpen) {
		t.Errorf("named row drawn dim: %q", rows[1])
	}
}

// enter typed right after s, before the speakers are gathered, opens the
// first speaker's quotes once they come; another key in between cancels it.
func TestSpeakersEnterBeforeList(t *testing.T) {
	m := testModel(t, 160, 45, seedArticles(t)...)
	m = settle(t, m, keys("s", "enter")...) // one run: enter comes before the speakers
	if m.speakers.open != 0 || !strings.Contains(screen(m), "Vladimir Putin · 3 quotes") {
		t.Fatalf("s enter: open %d\n%s", m.speakers.open, screen(m))
	}
	if ref := m.speakers.quoteRef(); ref == nil || m.reader.article != ref.Article || m.reader.quote != ref.Quote {
		t.Errorf("the first quote is not shown in the reader: quote %d", m.reader.quote)
	}
	m = testModel(t, 160, 45, seedArticles(t)...)
	m = settle(t, m, keys("s", "enter", "esc")...)
	if m.speakers.open >= 0 {
		t.Errorf("s enter esc: the quotes of %q opened", m.speakers.shown[m.speakers.open].Name)
	}
}
