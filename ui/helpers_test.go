package ui

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"newsreader/store"
)

func init() {
	// pin colors so that goldens do not depend on the terminal running the tests
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
}

// seedArticles loads the project's seeds folder.
func seedArticles(t testing.TB) []*store.Article {
	t.Helper()
	arts, err := store.ReadFile(nil, filepath.Join("..", "seeds", "000_8dc520a2081ff3ad.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// parse builds an article from text, named like a file.
func parse(t testing.TB, name, text string) *store.Article {
	t.Helper()
	arts, err := store.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return arts[0]
}

func testModel(t testing.TB, w, h int, arts ...*store.Article) Model {
	t.Helper()
	m := New(Options{Preload: arts, Theme: Theme{Dark: true}, Profile: termenv.Ascii, After: noTimer})
	return settle(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// settle feeds messages to the model and runs the commands they return,
// synchronously, until nothing is left: the same work a program would do,
// without a terminal. Spinner ticks are dropped so it ends.
func settle(t testing.TB, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	m, _ = settleUntil(t, m, nil, msgs...)
	return m
}

// settleUntil is settle that stops once the model has taken a message stop
// is true for; it returns what was left to do.
func settleUntil(t testing.TB, m Model, stop func(tea.Msg) bool, msgs ...tea.Msg) (Model, []tea.Msg) {
	t.Helper()
	queue := append([]tea.Msg(nil), msgs...)
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("model did not settle")
		}
		msg := queue[0]
		queue = queue[1:]
		switch msg := msg.(type) {
		case nil, spinner.TickMsg:
			continue
		case tea.BatchMsg:
			for _, c := range msg {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		if reflect.TypeOf(msg).String() == "tea.sequenceMsg" || reflect.TypeOf(msg).String() == "tea.QuitMsg" {
			continue
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		if cmd != nil {
			queue = append(queue, cmd())
		}
		if stop != nil && stop(msg) {
			break
		}
	}
	return m, queue
}

// keys turns "j", "tab", "enter" and the like into key messages.
func keys(names ...string) []tea.Msg {
	var out []tea.Msg
	for _, n := range names {
		var k tea.KeyMsg
		switch n {
		case "tab":
			k = tea.KeyMsg{Type: tea.KeyTab}
		case "shift+tab":
			k = tea.KeyMsg{Type: tea.KeyShiftTab}
		case "enter":
			k = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			k = tea.KeyMsg{Type: tea.KeyEsc}
		case "down":
			k = tea.KeyMsg{Type: tea.KeyDown}
		case "up":
			k = tea.KeyMsg{Type: tea.KeyUp}
		case "pgdown":
			k = tea.KeyMsg{Type: tea.KeyPgDown}
		case "pgup":
			k = tea.KeyMsg{Type: tea.KeyPgUp}
		case "space":
			k = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
		case "ctrl+d":
			k = tea.KeyMsg{Type: tea.KeyCtrlD}
		case "ctrl+u":
			k = tea.KeyMsg{Type: tea.KeyCtrlU}
		case "ctrl+c":
			k = tea.KeyMsg{Type: tea.KeyCtrlC}
		case "backspace":
			k = tea.KeyMsg{Type: tea.KeyBackspace}
		default:
			if utf8.RuneCountInString(n) > 1 { // a name this does not know would be typed as letters
				panic("keys: no key named " + n)
			}
			k = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(n)}
		}
		out = append(out, k)
	}
	return out
}

func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

func press(t testing.TB, m Model, names ...string) Model {
	t.Helper()
	return settle(t, m, keys(names...)...)
}

// checkScreen asserts what every frame must satisfy: no line wider than the
// terminal, no more lines than it has, and no escape sequence but SGR.
func checkScreen(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%dx%d: line %d is %d cells wide: %q", w, h, i, lw, ansi.Strip(l))
		}
	}
	checkControls(t, view)
}

// checkControls fails on any control character or escape sequence other
// than SGR and newline.
func checkControls(t testing.TB, s string) {
	t.Helper()
	for len(s) > 0 {
		seq, _, n, _ := ansi.DecodeSequence(s, ansi.NormalState, nil)
		if n <= 0 {
			n = 1
			seq = s[:1]
		}
		switch c := seq[0]; {
		case c == 0x1b:
			if !isSGR(seq) {
				t.Fatalf("escape sequence %q reached the screen", seq)
			}
		case c == '\n':
		case c < 0x20 || c == 0x7f:
			t.Fatalf("control %q reached the screen", seq)
		default:
			for _, r := range seq {
				if r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
					t.Fatalf("control rune %U reached the screen", r)
				}
			}
		}
		s = s[n:]
	}
}

// noTimer drops timer messages: tests send them when they mean to.
func noTimer(time.Duration, tea.Msg) tea.Cmd { return nil }

// loaded is the message a batch becomes, taken by the model's store as
// waitBatch takes it.
func loaded(m Model, b store.Batch) batchMsg {
	ch := make(chan store.Batch, 1)
	ch <- b
	return waitBatch(ch, m.store)().(batchMsg)
}
