package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
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

// A speaker's quotes fill the pane, though each takes three rows: at the
// top the next one starts in the rows left, at the end the one before.
func TestSpeakerQuotesFillThePane(t *testing.T) {
	var text strings.Builder
	text.WriteString("Many words\n\n")
	for i := range 7 {
		fmt.Fprintf(&text, "“Quote number %d is a long one, long enough for two rows of the pane,” said Ann Lee.\n\n", i)
	}
	a := parse(t, "a.txt", text.String())
	if len(a.Quotes) != 7 {
		t.Fatalf("%d quotes", len(a.Quotes))
	}
	for _, h := range []int{10, 11, 12} {
		m := testModel(t, 160, h+4, a) // the frame and the two bars
		m = press(t, m, "s", "enter")
		if m.speakers.h != h || m.speakers.open != 0 {
			t.Fatalf("pane %d rows, open %d", m.speakers.h, m.speakers.open)
		}
		for _, k := range []string{"g", "j", "G", "k"} {
			m = press(t, m, k)
			rows := m.speakers.view(true)
			if len(rows) != h || strings.TrimSpace(ansi.Strip(rows[h-1])) == "" && h%quoteRows != 0 {
				t.Errorf("%d rows, after %s: %d drawn, the last %q", h, k, len(rows), ansi.Strip(rows[len(rows)-1]))
			}
			sel := fmt.Sprintf("Quote number %d ", m.speakers.qcursor)
			found := false
			for _, r := range rows {
				if strings.Contains(r, "┃") && strings.Contains(r, sel) {
					found = true
				}
			}
			if !found {
				t.Errorf("%d rows, after %s: the selected quote %d is not drawn whole:\n%s", h, k, m.speakers.qcursor, strings.Join(rows, "\n"))
			}
		}
	}
}
