package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"newsreader/internal/snapshot"
	"newsreader/store"
)

func waitFor(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// A new user's first minute: the seed loads from a folder, ] walks the
// quotes with their speakers, q quits.
func TestFlowQuotes(t *testing.T) {
	m := New(Options{Source: store.Source{Paths: []string{filepath.Join("..", "seeds")}}, Theme: Theme{Dark: true}, Profile: termenv.Ascii})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(160, 45))
	waitFor(t, tm, "1 article · 4 quotes")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("]")})
	waitFor(t, tm, "1/4")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("]")})
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("]")})
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("]")})
	waitFor(t, tm, "4/4")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.reader.quote != 3 {
		t.Errorf("selected quote %d, want 3", final.reader.quote)
	}
	if sp := final.reader.article.Quotes[3].Speaker; sp != "Ilham Aliyev" {
		t.Errorf("last quote's speaker %q", sp)
	}
}

// Search from the list, open the best result with its matches found.
func TestFlowSearch(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "Weather today\n\nSunny skies over the capital.",
		"b.txt": "Election night\n\nThe election was close. Turnout for the election was high.",
		"c.txt": "Markets\n\nShares rose after the election.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := New(Options{Source: store.Source{Paths: []string{dir}}, Theme: Theme{Dark: true}, Profile: termenv.Ascii})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 30))
	waitFor(t, tm, "3 articles")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	tm.Type("election")
	waitFor(t, tm, "2 found")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "find 1/3")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
	waitFor(t, tm, "find 2/3")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.focus != ReaderPane || final.reader.article.Title != "Election night" {
		t.Errorf("focus %v on %q", final.focus, final.reader.article.Title)
	}
}

// A folder with bad files: the good articles show and the errors are listed.
func TestFlowLoadErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Good one\n\nFine text."), 0o644)
	os.WriteFile(filepath.Join(dir, "bin.txt"), []byte("\x00\x01\x02\x03"), 0o644)
	os.WriteFile(filepath.Join(dir, "esc.txt"), []byte("Evil \x1b]52;c;ZXZpbA==\x07title\x1b[2J\n\nBody \x1b[31mred."), 0o644)
	m := New(Options{Source: store.Source{Paths: []string{dir}}, Theme: Theme{Dark: true}, Profile: termenv.Ascii})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 30))
	waitFor(t, tm, "1 error (e)")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("e")})
	waitFor(t, tm, "binary file")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if len(final.list.all) != 2 {
		t.Errorf("%d articles shown, want 2", len(final.list.all))
	}
	checkScreen(t, final.View(), 120, 30)
}

// Files added, changed and removed while the reader runs: the list follows
// within a second and the reader stays on its article.
func TestFlowWatch(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Alpha story\n\nFirst text.")
	write("b.txt", "Beta story\n\n“Words from the first version here,” said Ann Lee.")
	m := New(Options{Source: store.Source{Paths: []string{dir}}, Watch: true, Theme: Theme{Dark: true}, Profile: termenv.Ascii})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 30))
	waitFor(t, tm, "2 articles")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	waitFor(t, tm, "first version")
	write("b.txt", "Beta story\n\n“Words from the second version now,” said Ann Lee.")
	waitFor(t, tm, "second version")
	write("c.txt", "Gamma story\n\nNew text.")
	waitFor(t, tm, "3 articles")
	os.Remove(filepath.Join(dir, "a.txt"))
	waitFor(t, tm, "2 articles")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if a := final.reader.article; a == nil || a.Title != "Beta story" || final.list.selected() != a {
		t.Errorf("the reader left its article: %v", a)
	}
}

// The same article in two files is listed once.
func TestFlowDuplicates(t *testing.T) {
	dir := t.TempDir()
	text := "Same story\n\nThe very same text in both files, word for word."
	os.WriteFile(filepath.Join(dir, "one.txt"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(dir, "two.txt"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(dir, "other.txt"), []byte("Other\n\nDifferent."), 0o644)
	m := New(Options{Source: store.Source{Paths: []string{dir}}, Theme: Theme{Dark: true}, Profile: termenv.Ascii})
	m = settle(t, m, append([]tea.Msg{tea.WindowSizeMsg{Width: 100, Height: 30}}, m.Init()())...)
	if len(m.list.all) != 2 {
		t.Errorf("%d articles listed, want 2", len(m.list.all))
	}
}

// Mouse in a running program: a click on a row reads it, the wheel over the
// text scrolls it, a click on a quote in the sidebar selects it.
func TestFlowMouse(t *testing.T) {
	dir := t.TempDir()
	var long strings.Builder
	long.WriteString("Harbour plan\n\n")
	for i := range 40 {
		fmt.Fprintf(&long, "Paragraph %d about the harbour and the council, long enough to wrap.\n\n", i)
		if i%10 == 5 {
			fmt.Fprintf(&long, "“Statement %d on the harbour plan,” said Anna Kowalski.\n\n", i)
		}
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Alpha\n\nShort."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte(long.String()), 0o644)
	m := New(Options{Source: store.Source{Paths: []string{dir}}, Theme: Theme{Dark: true}, Profile: termenv.Ascii})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(140, 30))
	waitFor(t, tm, "2 articles")
	l := layout(140, 30, ListPane, 1, 0)
	tm.Send(tea.MouseMsg{X: l.Panes[ListPane].X + 4, Y: 2, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	waitFor(t, tm, "Quotes · 4")
	r := l.Panes[ReaderPane]
	for range 5 {
		tm.Send(tea.MouseMsg{X: r.X + 10, Y: 10, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	}
	q := l.Panes[QuotesPane]
	tm.Send(tea.MouseMsg{X: q.X + 5, Y: 1 + 4, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}) // the second quote's block
	waitFor(t, tm, "2/4")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.reader.article.Title != "Harbour plan" || final.focus != QuotesPane || final.reader.quote != 1 {
		t.Errorf("article %q focus %v quote %d", final.reader.article.Title, final.focus, final.reader.quote)
	}
}

// The second start takes the library from the snapshot the first left:
// the same articles, findable, none indexed again.
func TestFlowSnapshot(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "Weather today\n\nSunny skies over the capital.",
		"b.txt": "Election night\n\nThe election was close. “It was a long night,” said Ann Bell.",
		"c.txt": "Markets\n\nShares rose after the election.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(2100 * time.Millisecond) // until their stamps are trusted: see store.Article.Stamp
	src := store.Source{Paths: []string{dir}}
	open := func() Model {
		snap := snapshot.For(cache, src)
		snap.MinSize = 0 // a library this small is not kept otherwise
		m := New(Options{Source: src, Snapshot: snap, Theme: Theme{Dark: true}, Profile: termenv.Ascii})
		tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 30))
		waitFor(t, tm, "3 articles · 1 quote")
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
		tm.Type("election")
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		waitFor(t, tm, "Search · 2")
		tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
		return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	}
	first := open()
	snap := first.opts.Snapshot.Path()
	deadline := time.Now().Add(5 * time.Second) // written in the background once loaded
	for _, err := os.Stat(snap); err != nil; _, err = os.Stat(snap) {
		if time.Now().After(deadline) {
			t.Fatalf("no snapshot after the first start: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	second := open()
	for _, a := range second.store.Articles() {
		if !second.opts.Snapshot.Indexed(a) {
			t.Errorf("%s: indexed again, not taken from the snapshot", a.Path)
		}
	}
	if n := len(second.store.Articles()); n != 3 {
		t.Errorf("%d articles from the snapshot, want 3", n)
	}
}
