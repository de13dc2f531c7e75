package ui

import (
	"fmt"
	"github.com/charmbracelet/lipgloss"
	"math/rand"
	"newsreader/internal/storetest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"newsreader/store"
)

// hostileFiles are the classes of bad input, each a set of files written
// into a folder beside one good article.
var hostileFiles = []struct {
	class string
	files map[string]string
	bad   int // files that must be reported as errors
}{
	{"escape sequences", map[string]string{"esc.txt": "Title \x1b]0;owned\x07here\n\n\x1b[2J\x1b[HCSI \x1b[31mred\x1b[0m, OSC 8 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\, OSC 52 \x1b]52;c;ZXZpbA==\x07, DCS \x1bPq\x1b\\, APC \x1b_G\x1b\\, C1 \u009b2J \u009d0;t\u0007 \x9b bytes."}, 0},
	{"entity-encoded escapes in markdown", map[string]string{"ent.md": "# Entities &#27;[2J\n\nText &#27;]52;c;eA==&#7; and &#x1b;[31m and `&#27;[2J` and &#155;1m."}, 0},
	{"NUL bytes", map[string]string{"nul.txt": "Looks like text\x00\x00\x00 but is not"}, 1},
	{"invalid UTF-8 and a BOM", map[string]string{"bad-utf8.txt": "\xef\xbb\xbfTitle\r\n\r\nBody \xff\xfe\xfd with \x93smart\x94 quotes\r\nand a lone\rCR."}, 0},
	{"backspaces", map[string]string{"bs.txt": "Over\bstrike\n\nText with \b\b\b backspaces and a bell\x07."}, 0},
	{"zero-width and bidi", map[string]string{"bidi.txt": "Bidi \u202eevil\u202c title\n\nText \u2066isolate\u2069 and \u200bzero\u200c width \u200dchars \u202dLRO\u202c."}, 0},
	{"combining stacks", map[string]string{"zalgo.txt": "Zalgo\n\nH" + strings.Repeat("\u0301\u0302\u0303", 300) + "e" + strings.Repeat("\u0316", 500) + " said nothing."}, 0},
	{"wide CJK and emoji", map[string]string{"cjk.txt": "中文标题\n\n" + strings.Repeat("这是一个很长的中文段落没有空格。", 40) + "\n\n" + strings.Repeat("👨‍👩‍👧‍👦🏳️‍🌈🇯🇵", 60)}, 0},
	{"a 2 MB single line", map[string]string{"line.txt": "Long line\n\n" + strings.Repeat("word ", 2<<20/5)}, 0},
	{"5,000 quotes", map[string]string{"quotes.txt": "Many quotes\n\n" + manyQuotes(5000)}, 0},
	{"unterminated quotes", map[string]string{"open.txt": "Open\n\n“This never closes, said someone.\n\n\"Neither does this\n\n“Nor ‘this one."}, 0},
	{"deep nesting", map[string]string{"deep.md": "# Deep\n\n" + strings.Repeat("> ", 300) + "quote\n\n" + strings.Repeat("- ", 300) + "list\n\n" + strings.Repeat("*", 500) + "emph" + strings.Repeat("*", 500) + "\n\n" + strings.Repeat("  ", 400) + "- indented"}, 0},
	{"empty and white space", map[string]string{"empty.txt": "", "blank.txt": " \n\t\n \r\n"}, 2},
	{"binary with a text extension", map[string]string{"image.txt": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + strings.Repeat("\x00\xff", 100)}, 1},
}

func manyQuotes(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "“Quote %d is here,” said Person%d. ", i, i%50)
		if i%10 == 9 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// For each class: the reader starts, shows the good article and the bad
// ones it can, reports the rest, and no frame carries anything but text
// and SGR, nor a line wider than the terminal.
func TestHostileInput(t *testing.T) {
	for _, tc := range hostileFiles {
		t.Run(tc.class, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "good.txt"), []byte("A good article\n\n“Fine words from a fine person,” said Ann Lee."), 0o644)
			for name, data := range tc.files {
				os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
			}
			m := New(Options{Source: store.Source{Paths: []string{dir}}, Theme: Theme{Dark: true}, Profile: termenv.TrueColor, After: noTimer}) // no real clock: a flash would wait its 4 s
			m = settle(t, m, append([]tea.Msg{tea.WindowSizeMsg{Width: 100, Height: 30}}, m.Init()())...)
			if m.loading {
				t.Fatal("still loading")
			}
			wantArts := 1 + len(tc.files) - tc.bad
			if len(m.list.all) != wantArts || len(m.errs) != tc.bad {
				t.Fatalf("%d articles and %d errors, want %d and %d: %v", len(m.list.all), len(m.errs), wantArts, tc.bad, m.errs)
			}
			for i := range m.list.all {
				if m.reader.r == nil || m.reader.r.partial || m.reader.article != m.list.all[i] {
					t.Fatalf("article %d (%s) not rendered", i, m.list.all[i].Path)
				}
				checkScreen(t, m.View(), 100, 30)
				for _, k := range []string{"tab", "G", "]", "/", "x", "enter", "shift+tab", "j"} {
					m = press(t, m, k)
					checkScreen(t, m.View(), 100, 30)
				}
			}
			if tc.bad > 0 {
				m = press(t, m, "e")
				checkScreen(t, m.View(), 100, 30)
			}
		})
	}
}

// Folders: a loop of links, thousands of files in one folder, a deep tree.
func TestHostileFolders(t *testing.T) {
	dir := t.TempDir()
	os.Symlink(dir, filepath.Join(dir, "loop"))
	many := filepath.Join(dir, "many")
	os.Mkdir(many, 0o755)
	for i := range 3000 {
		os.WriteFile(filepath.Join(many, "a"+strconv.Itoa(i)+".txt"), []byte("Article "+strconv.Itoa(i)+"\n\nText."), 0o644)
	}
	deep := dir
	for i := range 60 {
		deep = filepath.Join(deep, "d"+strconv.Itoa(i))
	}
	os.MkdirAll(deep, 0o755)
	os.WriteFile(filepath.Join(deep, "deep.txt"), []byte("Deep one\n\nText."), 0o644)
	m := New(Options{Source: store.Source{Paths: []string{dir}}, Theme: Theme{Dark: true}, Profile: termenv.Ascii})
	m = settle(t, m, append([]tea.Msg{tea.WindowSizeMsg{Width: 100, Height: 30}}, m.Init()())...)
	if len(m.list.all) != 3001 || len(m.errs) != 0 {
		t.Errorf("%d articles, errors %v", len(m.list.all), m.errs)
	}
	checkScreen(t, m.View(), 100, 30)
}

// The monkey: random keys, resizes from 1x1 to 300x100 and loads, with a
// check after every step. NEWSREADER_MONKEY=10000 runs longer.
func TestMonkey(t *testing.T) {
	steps := 800
	if n, err := strconv.Atoi(os.Getenv("NEWSREADER_MONKEY")); err == nil {
		steps = n
	}
	seed := int64(1)
	if n, err := strconv.ParseInt(os.Getenv("NEWSREADER_MONKEY_SEED"), 10, 64); err == nil {
		seed = n
	}
	rng := rand.New(rand.NewSource(seed))
	arts := append(seedArticles(t), longArticle(t), parse(t, "cjk.txt", "中文\n\n"+strings.Repeat("中文段落。", 100)),
		parse(t, "esc.md", "# Esc &#27;[2J\n\n> > > nested \x1b[31m\n\n- a\n- b"))
	m := testModel(t, 80, 24, arts...)
	w, h := 80, 24
	names := []string{"j", "k", "tab", "shift+tab", "]", "[", "enter", "esc", "/", "n", "N", "g", "G", "space", "b",
		"ctrl+d", "ctrl+u", "?", "e", "s", "a", "x", "backspace", "up", "down", "pgdown"}
	for i := range steps {
		var msg tea.Msg
		switch r := rng.Intn(20); {
		case r == 0:
			w, h = 1+rng.Intn(300), 1+rng.Intn(100)
			msg = tea.WindowSizeMsg{Width: w, Height: h}
		case r == 1:
			a := parse(t, fmt.Sprintf("new%d.txt", i), fmt.Sprintf("Loaded %d\n\n“Late words here for you,” said Bo Day.", i))
			msg = loaded(m, store.Batch{Articles: []*store.Article{a}, Done: true})
		default:
			msg = keys(names[rng.Intn(len(names))])[0]
		}
		if k, ok := msg.(tea.KeyMsg); ok && k.String() == "q" {
			continue
		}
		m = settle(t, m, msg)
		checkScreen(t, m.View(), w, h)
		if n := m.list.rows(); n > 0 && (m.list.cursor < 0 || m.list.cursor >= n) {
			t.Fatalf("step %d: list cursor %d of %d", i, m.list.cursor, n)
		}
		if a := m.reader.article; a != nil && (m.reader.quote < -1 || m.reader.quote >= len(a.Quotes)) {
			t.Fatalf("step %d: quote %d of %d", i, m.reader.quote, len(a.Quotes))
		}
		if m.reader.offset < 0 || m.reader.offset > max(0, m.reader.maxOffset()) {
			t.Fatalf("step %d: offset %d of %d", i, m.reader.offset, m.reader.maxOffset())
		}
	}
}

// FuzzLayout: any size and focus gives panes inside the screen.
func FuzzLayout(f *testing.F) {
	f.Add(80, 24, 0, 1)
	f.Add(1, 1, 2, 9)
	f.Fuzz(func(t *testing.T, w, h, focus, help int) {
		w, h = w%1000, h%1000
		l := layout(w, h, Pane((focus%3+3)%3), help%50, help%90)
		for _, r := range append(l.Panes[:], l.Status, l.Help) {
			if r.W < 0 || r.H < 0 || r.X < 0 || r.Y < 0 || r.X+r.W > max(w, 0) || r.Y+r.H > max(h, 0) {
				t.Fatalf("%dx%d: %+v outside", w, h, r)
			}
		}
	})
}

// FuzzArticleMarkdown: any article text gives markdown whose sentinels pair
// up one per quote span, and a rendering with nothing but SGR in it.
func FuzzArticleMarkdown(f *testing.F) {
	for _, s := range []string{"T\n\n“q,” he said.", "# H\n\n> > x", "&#27;[2J", "a\x1b]52;c;x\x07", "- - - -"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, md bool) {
		name := "a.txt"
		if md {
			name = "a.md"
		}
		arts, err := store.Parse(name, []byte(text))
		if err != nil {
			return
		}
		a := arts[0]
		out, refs := articleMarkdown(a, storetest.Body(a), storetest.Paras(a))
		if o, c := strings.Count(out, "\u200b"), strings.Count(out, "\u200c"); o != len(refs) || c != len(refs) {
			t.Fatalf("%d spans, %d opens, %d closes", len(refs), o, c)
		}
		if len(text) < 2000 {
			r, err := (renderer{style: "dark", profile: termenv.TrueColor}).render(a, 40)
			if err != nil {
				return
			}
			for _, l := range r.lines {
				checkScreen(t, l, 40, 1)
			}
		}
	})
}

// Every color profile, and no color: frames fit and carry only SGR.
func TestColorProfiles(t *testing.T) {
	defer lipgloss.SetColorProfile(termenv.Ascii)
	for _, tc := range []struct {
		name    string
		profile termenv.Profile
		theme   Theme
	}{
		{"truecolor", termenv.TrueColor, Theme{Dark: true}},
		{"256 light", termenv.ANSI256, Theme{Dark: false}},
		{"16 colors", termenv.ANSI, Theme{Dark: true}},
		{"NO_COLOR", termenv.ANSI, Theme{NoColor: true}},
		{"TERM=dumb", termenv.Ascii, Theme{NoColor: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lipgloss.SetColorProfile(tc.profile)
			m := New(Options{Preload: append(seedArticles(t), longArticle(t)), Theme: tc.theme, Profile: tc.profile, After: noTimer})
			m = settle(t, m, tea.WindowSizeMsg{Width: 130, Height: 35})
			for _, k := range []string{"]", "tab", "/", "w", "enter", "j", "s", "?"} {
				m = press(t, m, k)
				checkScreen(t, m.View(), 130, 35)
			}
			if tc.theme.NoColor && strings.Contains(m.View(), "38;") {
				t.Error("a color code with NO_COLOR")
			}
		})
	}
}
