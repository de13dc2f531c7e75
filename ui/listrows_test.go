package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// The list keeps the rows it drew last; a screen drawn with them is the
// screen drawn afresh, after every kind of change a row depends on.
func TestListRowsKeptAreTheRowsDrawnAfresh(t *testing.T) {
	arts := seedArticles(t)
	for i := range 12 {
		arts = append(arts, parse(t, fmt.Sprintf("a%02d.txt", i), fmt.Sprintf("Council report %d\n\nThe council met for the %dth time.\n\n\"We will build it,\" said Mayor Ann Bell.\n", i, i+1)))
	}
	// in colors, so that the selected row's style shows, focused or not
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	m := settle(t, New(Options{Preload: arts, Theme: Theme{Dark: true}, Profile: termenv.TrueColor, After: noTimer}), tea.WindowSizeMsg{Width: 120, Height: 30})
	afresh := func(m Model) string {
		m.list.drawn = &drawnRows{last: map[rowKey]string{}, next: map[rowKey]string{}}
		return m.View()
	}
	steps := []struct {
		name string
		msgs []tea.Msg
	}{
		{"first frame", nil},
		{"down", keys("j")},
		{"mark read", keys("m")},
		{"star", keys("*")},
		{"down twice", keys("j", "j")},
		{"up", keys("k")},
		{"focus the reader", keys("tab")},
		{"focus the quotes", keys("tab")},
		{"back to the list", keys("shift+tab", "shift+tab")},
		{"only unread", keys("u")},
		{"all again", keys("u")},
		{"narrower", []tea.Msg{tea.WindowSizeMsg{Width: 90, Height: 30}}},
		{"search", append(keys("/"), typeText("council")...)},
		{"another search, the same articles", typeText(" council mayor")},
		{"read the best", keys("enter")},
		{"back to the results", keys("shift+tab")},
		{"next result", keys("j")},
		{"clear the search", keys("esc")},
		{"bottom", keys("G")},
		{"wider", []tea.Msg{tea.WindowSizeMsg{Width: 150, Height: 30}}},
		{"top", keys("g")},
		{"mark unread", keys("m")},
	}
	for _, s := range steps {
		m = settle(t, m, s.msgs...)
		// twice: the second draw takes every row from the first
		if got, want := m.View(), afresh(m); got != want {
			t.Fatalf("%s: the screen drawn with the rows kept differs:\n%s\nwant\n%s", s.name, got, want)
		}
		if got, want := m.View(), afresh(m); got != want {
			t.Fatalf("%s, drawn again: the screen differs:\n%s\nwant\n%s", s.name, got, want)
		}
	}
}
