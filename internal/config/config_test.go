package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseFullFile(t *testing.T) {
	dir := t.TempDir()
	style := filepath.Join(dir, "paper.json")
	if err := os.WriteFile(style, []byte(`{"document": {"margin": 1}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "config.yaml")
	c := Parse(name, []byte(`# my reader
theme: light
glamour_style: paper.json
paths:
  - news
  - /srv/feeds
sidebar_width: 40
sort: quotes
mouse: off
read_after: 5
keys:
  down: [j, ctrl+n]
  star: space
  copy_quote: [alt+c, y]
  quit: Q
`), nil)
	if len(c.Warnings) > 0 {
		t.Fatalf("warnings: %q", c.Warnings)
	}
	want := Config{
		Path:         name,
		Theme:        "light",
		GlamourStyle: style,
		Paths:        []string{filepath.Join(dir, "news"), "/srv/feeds"},
		SidebarWidth: 40,
		Sort:         "quotes",
		Mouse:        false,
		Keys:         map[string][]string{"down": {"j", "ctrl+n"}, "star": {" "}, "copy_quote": {"alt+c", "y"}, "quit": {"Q"}},
		ReadAfter:    5 * time.Second,
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
}

// Each bad line gives exactly one warning naming it, keeps that setting's
// default, and leaves the good lines working.
func TestParseBadValuesKeepDefaults(t *testing.T) {
	def := Default()
	tests := []struct {
		name, line string
		warning    string // the whole message after "config.yaml:2: "
		check      func(Config) bool
	}{
		{"theme", "theme: sepia", "theme must be dark, light or auto", func(c Config) bool { return c.Theme == def.Theme }},
		{"theme not a word", "theme: [dark]", "theme must be dark, light or auto", func(c Config) bool { return c.Theme == def.Theme }},
		{"sidebar too narrow", "sidebar_width: 3", "sidebar_width must be a whole number of cells from 16 to 120", func(c Config) bool { return c.SidebarWidth == 0 }},
		{"sidebar not a number", "sidebar_width: wide", "sidebar_width must be a whole number of cells from 16 to 120", func(c Config) bool { return c.SidebarWidth == 0 }},
		{"read_after negative", "read_after: -1", "read_after must be a number of seconds from 0 to 3600", func(c Config) bool { return c.ReadAfter == def.ReadAfter }},
		{"mouse", "mouse: sometimes", "mouse must be on or off", func(c Config) bool { return c.Mouse }},
		{"unknown key", "sidbar_width: 30", `unknown key "sidbar_width" (did you mean sidebar_width?)`, func(c Config) bool { return c.SidebarWidth == 0 }},
		{"unknown key, nothing close", "colour_scheme: red", `unknown key "colour_scheme"`, func(c Config) bool { return true }},
		{"paths not paths", "paths: {a: b}", "paths must be a path or a list of paths", func(c Config) bool { return c.Paths == nil }},
		{"glamour style missing", "glamour_style: /nonexistent/style.json",
			"glamour_style: open /nonexistent/style.json: no such file or directory (a style name is one of ascii, dark, dracula, light, notty, pink or tokyo-night)",
			func(c Config) bool { return c.GlamourStyle == "" }},
		{"keys not a list of actions", "keys: [j, k]", "keys must list actions, each with its keys (down: [j, ctrl+n])", func(c Config) bool { return c.Keys == nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			after, check := "read_after: 2", func(c Config) bool { return c.ReadAfter == 2*time.Second }
			if strings.HasPrefix(tt.line, "read_after") {
				after, check = "mouse: off", func(c Config) bool { return !c.Mouse }
			}
			c := Parse("config.yaml", []byte("sort: title\n"+tt.line+"\n"+after+"\n"), nil)
			if want := []string{"config.yaml:2: " + tt.warning}; !reflect.DeepEqual(c.Warnings, want) {
				t.Errorf("warnings\n got %q\nwant %q", c.Warnings, want)
			}
			if !tt.check(c) {
				t.Errorf("the bad value changed the setting: %+v", c)
			}
			if c.Sort != "title" || !check(c) {
				t.Errorf("the good lines around it were lost: %+v", c)
			}
		})
	}
}

func TestParseSortWarning(t *testing.T) {
	c := Parse("config.yaml", []byte("sort: popularity\n"), nil)
	if want := []string{"config.yaml:1: sort must be date, title, quotes or source"}; !reflect.DeepEqual(c.Warnings, want) || c.Sort != "date" {
		t.Errorf("got %q, sort %q", c.Warnings, c.Sort)
	}
}

func TestParseWholeFile(t *testing.T) {
	tests := []struct{ name, text, warning string }{
		{"empty", "", ""},
		{"comments only", "# nothing yet\n", ""},
		{"unclosed bracket: the line that opens it", "theme: dark\nsort: [date\nmouse: off\n", "config.yaml:2: did not find expected ',' or ']'; the whole file is ignored"},
		{"parser error found at the end", "[a\n", "config.yaml:2: did not find expected ',' or ']'; the whole file is ignored"},
		{"missing colon", "theme: dark\nmouse: off\nsort\nkeys: {}\n", "config.yaml:3: could not find expected ':'; the whole file is ignored"},
		{"duplicate in a mapping value, wrong indentation", "theme: dark\n  sort: date\n", "config.yaml:2: mapping values are not allowed in this context; the whole file is ignored"},
		{"key expected", "keys:\n  down: j\n up: k\n", "config.yaml:3: did not find expected key; the whole file is ignored"},
		{"tab indentation", "keys:\n\tdown: j\n", "config.yaml:2: found character that cannot start any token; the whole file is ignored"},
		{"not a mapping", "- theme\n- dark\n", "config.yaml:1: the file must be a list of settings (key: value); it is ignored"},
		{"a bare word", "dark\n", "config.yaml:1: the file must be a list of settings (key: value); it is ignored"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Parse("config.yaml", []byte(tt.text), nil)
			var want []string
			if tt.warning != "" {
				want = []string{tt.warning}
			}
			if !reflect.DeepEqual(c.Warnings, want) {
				t.Errorf("warnings\n got %q\nwant %q", c.Warnings, want)
			}
			c.Warnings, c.Path = nil, ""
			if !reflect.DeepEqual(c, Default()) {
				t.Errorf("settings changed: %+v", c)
			}
		})
	}
}

func TestParseKeys(t *testing.T) {
	c := Parse("config.yaml", []byte(`keys:
  down: [j, pagedown, ctrl+n]
  nxt_quote: n
  star: [s]
  speakers: s
  links: []
  help: ["alt+?", "?", "?"]
  up: [k]
  up: [w]
`), nil)
	want := []string{
		`config.yaml:2: down: "pagedown" is not a key (write a letter, or a name such as enter, space, pgdown, ctrl+d, alt+j)`,
		`config.yaml:3: unknown action "nxt_quote" (did you mean next_quote?)`,
		`config.yaml:5: speakers: s is already the key of star; speakers keeps its default keys`,
		`config.yaml:6: links has no valid key; its default keys stay`,
		`config.yaml:9: keys for up are set again; this one is ignored`,
	}
	if !reflect.DeepEqual(c.Warnings, want) {
		t.Errorf("warnings\n got %q\nwant %q", c.Warnings, want)
	}
	wantKeys := map[string][]string{"down": {"j", "ctrl+n"}, "star": {"s"}, "help": {"alt+?", "?"}, "up": {"k"}}
	if !reflect.DeepEqual(c.Keys, wantKeys) {
		t.Errorf("keys\n got %q\nwant %q", c.Keys, wantKeys)
	}
}

func TestKeyNamesAreBubbleTeas(t *testing.T) {
	valid := keyNames()
	for _, k := range []string{"enter", "esc", "tab", "shift+tab", "up", "pgdown", "home", "ctrl+c", "ctrl+d", "f5", "backspace", " "} {
		if !valid[k] {
			t.Errorf("%q missing from Bubble Tea's key names", k)
		}
	}
	for _, k := range []string{"", "pagedown", "return", "space"} {
		if valid[k] {
			t.Errorf("%q should not be a Bubble Tea key name", k)
		}
	}
}

func TestParseActionsFromCaller(t *testing.T) {
	c := Parse("config.yaml", []byte("keys:\n  quit: x\n  star: s\n"), map[string][]string{"quit": {"q"}})
	if want := []string{`config.yaml:3: unknown action "star"`}; !reflect.DeepEqual(c.Warnings, want) {
		t.Errorf("warnings %q, want %q", c.Warnings, want)
	}
	if want := map[string][]string{"quit": {"x"}}; !reflect.DeepEqual(c.Keys, want) {
		t.Errorf("keys %q, want %q", c.Keys, want)
	}
}

func TestParseValueForms(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip(err)
	}
	c := Parse("/etc/nr/config.yaml", []byte(`paths: ~/news
read_after: 1.5s
mouse: yes
theme: Dark
glamour_style: dracula
base: &w 30
sidebar_width: *w
`), nil)
	if want := []string{`/etc/nr/config.yaml:6: unknown key "base"`}; !reflect.DeepEqual(c.Warnings, want) {
		t.Errorf("warnings %q, want %q", c.Warnings, want)
	}
	if want := []string{filepath.Join(home, "news")}; !reflect.DeepEqual(c.Paths, want) {
		t.Errorf("paths %q, want %q", c.Paths, want)
	}
	if c.ReadAfter != 1500*time.Millisecond || !c.Mouse || c.Theme != "dark" || c.GlamourStyle != "dracula" || c.SidebarWidth != 30 {
		t.Errorf("got %+v", c)
	}
	// null values keep the defaults quietly
	c = Parse("c.yaml", []byte("theme:\nmouse: ~\n"), nil)
	if len(c.Warnings) > 0 || c.Theme != "auto" || !c.Mouse {
		t.Errorf("null values: %+v", c)
	}
}

func TestParseGlamourStyleFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"document": `), 0o600); err != nil {
		t.Fatal(err)
	}
	c := Parse(filepath.Join(dir, "config.yaml"), []byte("glamour_style: bad.json\n"), nil)
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], ":1: glamour_style: "+bad+" is not a glamour style file") || c.GlamourStyle != "" {
		t.Errorf("bad style file: %q, style %q", c.Warnings, c.GlamourStyle)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)

	// no file at the default place: the defaults, no warning
	c, err := Load("", nil)
	if err != nil || len(c.Warnings) > 0 || c.Path != "" {
		t.Fatalf("no file: %+v, %v", c, err)
	}
	// the default file is read
	file := filepath.Join(dir, "newsreader", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("theme: dark\nthem: light\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err = Load("", nil)
	if err != nil || c.Theme != "dark" || c.Path != file {
		t.Fatalf("default file: %+v, %v", c, err)
	}
	if want := []string{file + `:2: unknown key "them" (did you mean theme?)`}; !reflect.DeepEqual(c.Warnings, want) {
		t.Errorf("warnings %q, want %q", c.Warnings, want)
	}
	// a file the user named must exist
	if _, err := Load(filepath.Join(dir, "missing.yaml"), nil); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("named missing file: err = %v", err)
	}
	// an unreadable default file: a warning and the defaults
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(file, 0o700); err != nil {
		t.Fatal(err)
	}
	c, err = Load("", nil)
	if err != nil || len(c.Warnings) != 1 || !strings.HasPrefix(c.Warnings[0], file+": ") || c.Theme != "auto" {
		t.Errorf("unreadable default file: %+v, %v", c, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("theme: dark\nkeys:\n  down: [j]\n")
	f.Add("a: &x [*x]\n")
	f.Add("paths: [~, '', null]\nread_after: 1e9\n")
	f.Fuzz(func(t *testing.T, text string) {
		c := Parse("c.yaml", []byte(text), nil)
		for _, w := range c.Warnings {
			if !strings.HasPrefix(w, "c.yaml") || strings.Contains(w, "\n") {
				t.Errorf("warning %q does not name the file on one line", w)
			}
		}
		if c.Theme != "dark" && c.Theme != "light" && c.Theme != "auto" {
			t.Errorf("theme %q", c.Theme)
		}
	})
}

func TestParseKeysRepeatedAfterBadOnes(t *testing.T) {
	c := Parse("config.yaml", []byte("keys:\n  quit: [pagedown]\n  quit: [x]\n"), nil)
	want := []string{
		`config.yaml:2: quit: "pagedown" is not a key (write a letter, or a name such as enter, space, pgdown, ctrl+d, alt+j)`,
		`config.yaml:2: quit has no valid key; its default keys stay`,
		`config.yaml:3: keys for quit are set again; this one is ignored`,
	}
	if !reflect.DeepEqual(c.Warnings, want) || c.Keys != nil {
		t.Errorf("warnings\n got %q\nwant %q\nkeys %q", c.Warnings, want, c.Keys)
	}
}

// A key the file gives one action that another action has (by default, or
// earlier in the file) is reported on its line, and the action keeps its
// default keys; swapping two actions' keys is no clash.
func TestParseKeyClashes(t *testing.T) {
	defaults := map[string][]string{"down": {"down", "j"}, "up": {"up", "k"}, "next_quote": {"]"}, "page_down": {" ", "pgdown"}, "star": {"*"}}
	for _, tt := range []struct {
		text string
		want []string
		keys map[string][]string
	}{
		{"keys:\n  next_quote: [j]\n", []string{"config.yaml:2: next_quote: j is already the key of down; next_quote keeps its default keys, ]"}, nil},
		{"keys:\n  next_quote:\n    - .\n    - space\n", []string{"config.yaml:4: next_quote: space is already the key of page_down; next_quote keeps its default keys, ]"}, nil},
		{"keys:\n  down: [k]\n  up: [j]\n", nil, map[string][]string{"down": {"k"}, "up": {"j"}}},
		{"keys:\n  star: [x]\n  next_quote: [x]\n", []string{"config.yaml:3: next_quote: x is already the key of star; next_quote keeps its default keys, ]"}, map[string][]string{"star": {"x"}}},
		// one clashing key is enough: up keeps all its defaults
		{"keys:\n  up: [k, j]\n", []string{"config.yaml:2: up: j is already the key of down; up keeps its default keys, up/k"}, nil},
	} {
		c := Parse("config.yaml", []byte(tt.text), defaults)
		if !reflect.DeepEqual(c.Warnings, tt.want) || !reflect.DeepEqual(c.Keys, tt.keys) {
			t.Errorf("%q:\nwarnings %q\n    want %q\nkeys %q, want %q", tt.text, c.Warnings, tt.want, c.Keys, tt.keys)
		}
	}
}
