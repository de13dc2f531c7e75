package ui

import (
	"errors"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"newsreader/internal/config"
	"newsreader/internal/state"
	"newsreader/store"
)

func habitModel(t *testing.T, opts Options, arts ...*store.Article) Model {
	t.Helper()
	opts.Preload, opts.Theme, opts.Profile, opts.After = arts, Theme{Dark: true}, termenv.Ascii, noTimer
	return settle(t, New(opts), tea.WindowSizeMsg{Width: 140, Height: 40})
}

func threeArticles(t *testing.T) []*store.Article { return threeArticlesIn(t, "") }

// threeArticlesIn are threeArticles read from the folder dir.
func threeArticlesIn(t *testing.T, dir string) []*store.Article {
	return []*store.Article{
		parse(t, dir+"a.md", "---\ntitle: Alpha\nurl: https://example.com/alpha\n---\n\nSee [the report](https://example.com/report) and <https://example.org/x>.\n\n“Alpha words are here today,” said Ann Lee."),
		parse(t, dir+"b.txt", "Beta\n\nNothing quoted."),
		parse(t, dir+"c.txt", "Gamma\n\n“Gamma words said aloud,” said Bo Day."),
	}
}

func TestReadAndStar(t *testing.T) {
	m := habitModel(t, Options{ReadAfter: time.Second}, threeArticles(t)...)
	a := m.list.selected()
	if m.mem.isRead(a) {
		t.Fatal("read before it was shown long enough")
	}
	m = settle(t, m, readTickMsg{seq: m.readSeq})
	if !m.mem.isRead(a) {
		t.Error("not read after ReadAfter")
	}
	m = settle(t, m, readTickMsg{seq: m.readSeq - 1})
	m = press(t, m, "j")
	b := m.list.selected()
	m = settle(t, m, readTickMsg{seq: m.readSeq - 1}) // the tick of the article before
	if m.mem.isRead(b) {
		t.Error("a stale tick marked the next article read")
	}
	m = press(t, m, "m")
	if !m.mem.isRead(b) || !strings.Contains(screen(m), "Marked read") {
		t.Error("m did not mark read")
	}
	m = press(t, m, "m", "u")
	if m.list.mode != modeUnread || m.list.rows() != 2 || !strings.Contains(screen(m), "Unread · 2 of 3") {
		t.Errorf("u: mode %v rows %d", m.list.mode, m.list.rows())
	}
	// marked read in the unread view: the row stays, the count goes down
	m = press(t, m, "m")
	if m.list.rows() != 2 || !strings.Contains(screen(m), "Unread · 1 of 3") {
		t.Errorf("m in the unread view: rows %d\n%s", m.list.rows(), screen(m))
	}
	m = press(t, m, "m")
	if !strings.Contains(screen(m), "Unread · 2 of 3") {
		t.Errorf("m again in the unread view:\n%s", screen(m))
	}
	m = press(t, m, "u", "G", "*")
	c := m.list.selected()
	if !m.mem.isStarred(c) {
		t.Fatal("* did not star")
	}
	m = press(t, m, "'")
	if m.list.rows() != 1 || m.list.selected() != c || !strings.Contains(screen(m), "★") {
		t.Errorf("starred view: %d rows", m.list.rows())
	}
	m = press(t, m, "esc")
	if m.list.mode != modeAll {
		t.Error("esc did not leave the starred view")
	}
}

// A starred article shows its unread dot too, each mark in its own cell, so
// titles stay in one column (found in review: the star took the dot's place).
func TestStarKeepsReadMark(t *testing.T) {
	m := habitModel(t, Options{}, threeArticles(t)...)
	m = press(t, m, "*")
	s := screen(m)
	if !strings.Contains(s, "▌•★Alpha") || !strings.Contains(s, " • Beta") {
		t.Errorf("starred unread row:\n%s", s)
	}
	m = press(t, m, "m")
	if s := screen(m); !strings.Contains(s, "▌ ★Alpha") || !strings.Contains(s, " • Beta") {
		t.Errorf("starred read row:\n%s", s)
	}
	m = press(t, m, "*")
	if s := screen(m); !strings.Contains(s, "▌  Alpha") {
		t.Errorf("read row:\n%s", s)
	}
}

// Only unread, from a read article: the next unread one where it stood,
// not the top of the list (found in review).
func TestOnlyUnreadStaysInPlace(t *testing.T) {
	m := habitModel(t, Options{}, threeArticles(t)...)
	m = press(t, m, "j", "m", "u")
	if m.list.rows() != 2 || m.list.selected() == nil || m.list.selected().Title != "Gamma" {
		t.Errorf("u from the read Beta: %d rows, selected %v", m.list.rows(), m.list.selected())
	}
	m = press(t, m, "u", "G", "m", "u") // the last read: the last unread before it
	if m.list.selected() == nil || m.list.selected().Title != "Alpha" {
		t.Errorf("u from the read last: selected %v", m.list.selected())
	}
}

func TestReadAtEnd(t *testing.T) {
	a := longArticle(t)
	m := habitModel(t, Options{}, a)
	m = press(t, m, "tab", "G")
	if !m.mem.isRead(a) {
		t.Error("scrolling to the end did not mark read")
	}
}

func TestLinksAndBrowser(t *testing.T) {
	var opened []string
	m := habitModel(t, Options{OpenURL: func(u string) error { opened = append(opened, u); return nil }}, threeArticles(t)...)
	m = press(t, m, "l")
	s := screen(m)
	if !strings.Contains(s, "Links · 2") || !strings.Contains(s, "1. the report") || !strings.Contains(s, "https://example.org/x") {
		t.Fatalf("links view:\n%s", s)
	}
	m = press(t, m, "j", "enter")
	if len(opened) != 1 || opened[0] != "https://example.org/x" || !strings.Contains(screen(m), "Opening https://example.org/x") {
		t.Errorf("opened %q", opened)
	}
	m = press(t, m, "1")
	if len(opened) != 2 || opened[1] != "https://example.com/report" {
		t.Errorf("1 opened %q", opened)
	}
	m = press(t, m, "esc", "o")
	if len(opened) != 3 || opened[2] != "https://example.com/alpha" {
		t.Errorf("o opened %q", opened)
	}
}

// A bare address is said once, with no empty row where words would be, and
// every link is one blank line from the next (found in review: a blank row
// under each bare address, so one blank line after a link and two after others).
func TestLinksViewSpacing(t *testing.T) {
	a := parse(t, "l.md", "Links\n\nSee https://one.example/a and [the ruling](https://court.example/r) and https://two.example/b.")
	m := habitModel(t, Options{}, a)
	m = press(t, m, "l", "j")
	var got []string
	for _, l := range m.linksView() {
		got = append(got, strings.TrimRight(l, " "))
	}
	want := []string{
		"  1. https://one.example/a",
		"",
		"┃ 2. the ruling",
		"┃    https://court.example/r",
		"",
		"  3. https://two.example/b",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links view:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// a short pane: the selected link is shown whole, at the end of the page
	m.reader.h = 4
	m = press(t, m, "j")
	got = got[:0]
	for _, l := range m.linksView() {
		got = append(got, strings.TrimRight(l, " "))
	}
	want = []string{"  2. the ruling", "     https://court.example/r", "", "┃ 3. https://two.example/b"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("short pane:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCopyQuote(t *testing.T) {
	var copied []string
	m := habitModel(t, Options{Clipboard: func(s string) error { copied = append(copied, s); return nil }}, threeArticles(t)...)
	m = press(t, m, "]", "y")
	if len(copied) != 1 || copied[0] != "“Alpha words are here today” — Ann Lee, Alpha" {
		t.Errorf("copied %q", copied)
	}
	m = press(t, m, "Y")
	if len(copied) != 2 || copied[1] != "https://example.com/alpha" {
		t.Errorf("Y copied %q", copied)
	}
}

func TestEditFile(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/e.txt"
	if err := writeFile(path, "Editable\n\nText."); err != nil {
		t.Fatal(err)
	}
	arts, _ := store.ReadFile(nil, path)
	var asked string
	m := habitModel(t, Options{EditCommand: func(p string) (*exec.Cmd, error) { asked = p; return exec.Command("true"), nil }}, arts...)
	_, cmd := m.Update(keys("E")[0])
	if cmd == nil || asked != path {
		t.Fatalf("E asked for %q", asked)
	}
	m2 := habitModel(t, Options{EditCommand: func(string) (*exec.Cmd, error) { return nil, errors.New("x") }}, seedArticles(t)...)
	m2 = press(t, m2, "E")
	if asked != path || m2.flashText == "" {
		t.Error("editing needs a file on disk")
	}
}

func TestKeyOverrides(t *testing.T) {
	m := habitModel(t, Options{Keys: map[string][]string{"quit": {"x"}, "next_quote": {"."}}}, seedArticles(t)...)
	if s := screen(m); !strings.Contains(s, "x quit") || !strings.Contains(s, ". next quote") {
		t.Errorf("help does not show the new keys:\n%s", s)
	}
	m = press(t, m, ".")
	if m.reader.quote != 0 {
		t.Error(". did not go to the next quote")
	}
	_, cmd := m.Update(keys("x")[0])
	if cmd == nil {
		t.Fatal("x did nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("x did not quit")
	}
	km := DefaultKeyMap()
	acts := km.actions()
	for _, a := range config.Actions() {
		if acts[a] == nil {
			t.Errorf("config action %q has no key", a)
		}
	}
	if d := DefaultKeys(); len(d) != len(config.Actions()) || !slices.Equal(d["down"], []string{"down", "j"}) {
		t.Errorf("DefaultKeys: %q", d)
	}
}

func TestMouse(t *testing.T) {
	m := habitModel(t, Options{}, append(threeArticles(t), longArticle(t))...)
	click := func(x, y int) tea.MouseMsg {
		return tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}
	}
	list := m.lay.Panes[ListPane]
	m = settle(t, m, click(list.X+5, list.Y+1+2))
	if m.list.cursor != 2 || m.reader.article != m.list.selected() {
		t.Fatalf("click on the third row: cursor %d", m.list.cursor)
	}
	m = settle(t, m, click(list.X+5, list.Y+1+3)) // the long article
	reader := m.lay.Panes[ReaderPane]
	m = settle(t, m, tea.MouseMsg{X: reader.X + 10, Y: reader.Y + 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.reader.offset != 3 || m.focus != ListPane {
		t.Errorf("wheel over the reader: offset %d focus %v", m.reader.offset, m.focus)
	}
	quotes := m.lay.Panes[QuotesPane]
	b := m.quotes.blocks[1]
	m = settle(t, m, click(quotes.X+4, quotes.Y+1+b.top-m.quotes.offset))
	if m.focus != QuotesPane || m.reader.quote != 1 || !m.reader.quoteInView(1) {
		t.Errorf("click on the second quote: focus %v quote %d", m.focus, m.reader.quote)
	}
}

// The place is restored at the next start: article, scroll and quote.
func TestPositionRestored(t *testing.T) {
	dir := t.TempDir()
	arts := append(threeArticles(t), longArticle(t))
	marks := state.Open(dir, state.Options{})
	m := habitModel(t, Options{Marks: marks}, arts...)
	m = press(t, m, "G", "]", "]", "]")
	want := m.reader.quote
	top := m.reader.r.plain[m.reader.offset]
	m = press(t, m, "q")
	if err := marks.Close(); err != nil {
		t.Fatal(err)
	}

	again := append(threeArticles(t), longArticle(t)) // the same files, read again
	marks2 := state.Open(dir, state.Options{})
	defer marks2.Close()
	m2 := habitModel(t, Options{Marks: marks2}, again...)
	if m2.reader.article.Title != "A long report" || m2.reader.quote != want {
		t.Fatalf("restored %q quote %d, want quote %d", m2.reader.article.Title, m2.reader.quote, want)
	}
	if got := m2.reader.r.plain[m2.reader.offset]; got != top {
		t.Errorf("top line %q, want %q", got, top)
	}
}

// The place is found by the article's content, as its marks are: the same
// folder reached through a link restores it.
func TestPositionRestoredThroughALink(t *testing.T) {
	dir := t.TempDir()
	want := leftAt(t, dir, Options{}, "j", "j")
	marks2 := state.Open(dir, state.Options{})
	defer marks2.Close()
	m2 := habitModel(t, Options{Marks: marks2}, threeArticlesIn(t, "link/")...)
	if m2.reader.article == nil || m2.reader.article.Title != want {
		t.Errorf("restored %v, want %q", m2.reader.article, want)
	}
}

// The place restored from an early batch stays when later batches come.
func TestPositionRestoredWhileLoading(t *testing.T) {
	dir := t.TempDir()
	want := leftAt(t, dir, Options{}, "j", "j")

	marks2 := state.Open(dir, state.Options{})
	defer marks2.Close()
	m2 := habitModel(t, Options{Marks: marks2})
	again := threeArticles(t)
	m2 = settle(t, m2, loaded(m2, store.Batch{Articles: again}))
	if m2.reader.article == nil || m2.reader.article.Title != want {
		t.Fatalf("restored %v, want %q", m2.reader.article, want)
	}
	more := []*store.Article{parse(t, "d.txt", "Delta\n\nMore words."), parse(t, "e.txt", "Epsilon\n\nAnd more.")}
	m2 = settle(t, m2, loaded(m2, store.Batch{Articles: more, Done: true}))
	if m2.reader.article.Title != want || m2.list.selected().Title != want {
		t.Errorf("after the next batch: reading %q, selected %q, want %q", m2.reader.article.Title, m2.list.selected().Title, want)
	}
}

// A kept place that is not among what loads leaves the list at its top,
// however the batches sort; quitting without moving keeps the old place.
func TestTopWhenPlaceNotLoaded(t *testing.T) {
	dir := t.TempDir()
	want := leftAt(t, dir, Options{Sort: "title"}, "j", "j")

	marks2 := state.Open(dir, state.Options{})
	m2 := habitModel(t, Options{Marks: marks2, Sort: "title"})
	first := []*store.Article{parse(t, "x.txt", "Xray\n\nWords."), parse(t, "y.txt", "Yankee\n\nWords.")}
	m2 = settle(t, m2, loaded(m2, store.Batch{Articles: first}))
	above := []*store.Article{parse(t, "d.txt", "Delta\n\nMore words."), parse(t, "e.txt", "Echo\n\nAnd more.")}
	m2 = settle(t, m2, loaded(m2, store.Batch{Articles: above, Done: true}))
	if m2.list.cursor != 0 || m2.list.selected().Title != "Delta" || m2.reader.article.Title != "Delta" {
		t.Fatalf("selected %q at %d, reading %q; want the top, Delta", m2.list.selected().Title, m2.list.cursor, m2.reader.article.Title)
	}
	m2 = press(t, m2, "q")
	if err := marks2.Close(); err != nil {
		t.Fatal(err)
	}

	marks3 := state.Open(dir, state.Options{})
	defer marks3.Close()
	m3 := habitModel(t, Options{Marks: marks3, Sort: "title"}, threeArticles(t)...)
	if m3.reader.article.Title != want {
		t.Errorf("a start without a move kept %q as the place, want %q", m3.reader.article.Title, want)
	}
}

// leftAt reads threeArticles with the state in dir, presses keys, quits,
// and returns the title of the article left at.
func leftAt(t *testing.T, dir string, opts Options, keys ...string) string {
	t.Helper()
	marks := state.Open(dir, state.Options{})
	opts.Marks = marks
	m := press(t, habitModel(t, opts, threeArticles(t)...), keys...)
	title := m.reader.article.Title
	press(t, m, "q")
	if err := marks.Close(); err != nil {
		t.Fatal(err)
	}
	return title
}

func writeFile(path, text string) error { return os.WriteFile(path, []byte(text), 0o644) }

func TestSettingsWarnings(t *testing.T) {
	m := habitModel(t, Options{Warnings: []string{`config.yaml:3: unknown key "sidbar_width" (did you mean "sidebar_width"?)`}}, seedArticles(t)...)
	if !strings.Contains(screen(m), "config.yaml:3: unknown key") {
		t.Errorf("warning not shown:\n%s", screen(m))
	}
	m = press(t, m, "e")
	if !strings.Contains(screen(m), "settings") || !strings.Contains(screen(m), "sidbar_width") {
		t.Errorf("warning not in the errors view:\n%s", screen(m))
	}
}
