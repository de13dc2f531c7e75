package ui

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"newsreader/internal/state"
	"newsreader/store"
	"newsreader/store/search"
)

// afresh is the screen drawn with no row kept.
func (m Model) afresh() string {
	m.list.drawn = newDrawnRows()
	return m.View()
}

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
		if got, want := m.View(), m.afresh(); got != want {
			t.Fatalf("%s: the screen drawn with the rows kept differs:\n%s\nwant\n%s", s.name, got, want)
		}
		if got, want := m.View(), m.afresh(); got != want {
			t.Fatalf("%s, drawn again: the screen differs:\n%s\nwant\n%s", s.name, got, want)
		}
	}
}

// Marks change off the UI goroutine (another reader's, merged when the
// state is flushed): a row is drawn with the marks its key was made of, so
// one drawn meanwhile is not kept under marks it does not show (found in
// review).
func TestListRowsWhileMarksChange(t *testing.T) {
	marks := state.Open(t.TempDir(), state.Options{})
	defer marks.Close()
	arts := seedArticles(t)
	for i := range 12 {
		arts = append(arts, parse(t, fmt.Sprintf("a%02d.txt", i), fmt.Sprintf("Council report %d\n\nThe council met.\n", i)))
	}
	m := settle(t, New(Options{Preload: arts, Marks: marks, Theme: Theme{Dark: true}, Profile: termenv.Ascii, After: noTimer}), tea.WindowSizeMsg{Width: 120, Height: 30})
	key := m.list.at(3).Key()
	for round := range 300 {
		var stop atomic.Bool
		var wg sync.WaitGroup
		wg.Go(func() { // a merge flipping the star, again and again
			for v := false; !stop.Load(); v = !v {
				marks.SetStarred(key, v)
			}
		})
		for range 3 {
			m.View()
		}
		stop.Store(true)
		wg.Wait()
		if got, want := m.View(), m.afresh(); got != want {
			t.Fatalf("round %d: a row shows marks it is not kept for:\n%s\nwant\n%s", round, got, want)
		}
	}
}

// A row is the bar, the title and the meta, exactly the pane's width; the
// meta is dimmed on every row but the selected one, which is drawn whole in
// the selection's style.
func TestRowTextAndStyles(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	quoted := func(name, title string) *store.Article {
		return parse(t, name, title+"\n\n\"We will build it,\" said Mayor Ann Bell.\n")
	}
	thisYear, lastYear, site, bare := quoted("a.txt", "This year"), quoted("b.txt", "Years ago"), quoted("c.txt", "From a site"), parse(t, "d.txt", "No quotes\n\nThe council met.\n")
	now := time.Now()
	thisYear.Date = time.Date(now.Year(), 3, 7, 0, 0, 0, 0, time.UTC)
	lastYear.Date = time.Date(2019, 3, 7, 0, 0, 0, 0, time.UTC)
	site.Site = "example.org"
	m := settle(t, New(Options{Preload: []*store.Article{thisYear, lastYear, site, bare}, Theme: Theme{Dark: true}, Profile: termenv.TrueColor, After: noTimer}), tea.WindowSizeMsg{Width: 160, Height: 30})
	l := &m.list
	l.w = 60 // wide enough for dates and sites
	want := map[*store.Article]string{thisYear: "7 Mar 1m ❝1  ", lastYear: "Mar 2019 1m ❝1  ", site: "example.org 1m ❝1  ", bare: "1m     "}
	for i := range l.rows() {
		a := l.at(i)
		row := l.row(i, true, false, false)
		text := ansi.Strip(row)
		if w := ansi.StringWidth(text); w != l.w {
			t.Errorf("%s: row is %d cells, the pane %d", a.Title, w, l.w)
		}
		meta := want[a]
		if !strings.Contains(text, a.Title) || !strings.HasSuffix(text, " "+meta) {
			t.Errorf("row %q: want the title %q and the meta %q", text, a.Title, meta)
		}
		switch {
		case i == l.cursor:
			if !strings.HasPrefix(row, "\x1b[") {
				t.Errorf("selected row %q is not drawn in the selection's style", row)
			}
		case !strings.HasSuffix(row, " "+l.st.paint.listMeta.Draw(meta)):
			t.Errorf("row %q: its meta is not dimmed", row)
		case strings.HasPrefix(row, "\x1b["):
			t.Errorf("row %q: more than its meta is styled", row)
		}
	}
	l.query, l.results = "council", []search.Hit{{Article: bare, Matches: 2}}
	if got := ansi.Strip(l.row(0, true, false, false)); !strings.HasSuffix(got, " 2× 1m     ") {
		t.Errorf("result row %q: want the matches counted", got)
	}
}

// A count of quotes takes three cells and a space, so the minutes of a row
// with ❝19 stand under those of a row with ❝4, and neither touches the
// frame (found in review).
func TestMetaKeepsColumns(t *testing.T) {
	var many strings.Builder
	many.WriteString("Many\n\n")
	for i := range 19 {
		fmt.Fprintf(&many, "“Words number %d are here,” said Ann Lee.\n\n", i)
	}
	m := testModel(t, 160, 30, parse(t, "a.txt", many.String()), parse(t, "b.txt", "Few\n\n“Only these,” said Bo Day.\n"))
	l := &m.list
	l.w = 40
	var cols []int
	for i := range l.rows() {
		row := ansi.Strip(l.row(i, true, false, false))
		cols = append(cols, ansi.StringWidth(row[:max(0, strings.Index(row, "1m"))]))
	}
	if len(cols) != 2 || cols[0] != cols[1] || cols[0] == 0 {
		t.Errorf("minutes at columns %v", cols)
	}
	for i := range l.rows() {
		if row := ansi.Strip(l.row(i, true, false, false)); !strings.HasSuffix(row, " ") {
			t.Errorf("row %q touches the frame", row)
		}
	}
}

// A title that starts with a mark joining the glyph before it (a variation
// selector, a skin tone, a combining accent, a zero-width joiner) leaves the
// row exactly the pane's width, its meta whole (found in review).
func TestRowOfATitleStartingWithAJoiner(t *testing.T) {
	for _, title := range []string{"\ufe0f Alarm raised", "\U0001F3FB Tone first", "\u0301Accent first", "\u200dJoiner first", "\ufe0f\u0301 Two marks"} {
		a := parse(t, "a.txt", title+"\n\n\"We will build it,\" said Mayor Ann Bell.\n")
		a.Date = time.Date(2019, 3, 7, 0, 0, 0, 0, time.UTC)
		m := testModel(t, 160, 30, a, parse(t, "b.txt", "Another\n\nThe council met.\n"))
		l := &m.list
		for _, w := range []int{28, 40, 60} {
			l.w = w
			for _, sel := range []bool{false, true} {
				l.cursor = 1
				if sel {
					l.cursor = 0
				}
				row := ansi.Strip(l.row(0, true, false, false))
				if got := ansi.StringWidth(row); got != w || !strings.HasSuffix(row, " 1m ❝1  ") {
					t.Errorf("title %q, width %d, selected %v: row %q is %d cells", title, w, sel, row, got)
				}
			}
		}
	}
}
