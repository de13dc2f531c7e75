// Package config reads the reader's settings from
// $XDG_CONFIG_HOME/newsreader/config.yaml (or a file named with --config).
// A setting that is unknown or wrong gives one warning naming its line, and
// the reader keeps the default for it: a typo never stops the reader.
package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	glamouransi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"go.yaml.in/yaml/v3"

	"newsreader/internal/xdg"
)

// Themes and list orders a config file may name.
var (
	themes = []string{"dark", "light", "auto"}
	sorts  = []string{"date", "title", "quotes", "source"}
)

// Limits of the numbers a config file may set.
const (
	MinSidebarWidth = 16
	MaxSidebarWidth = 120
	MaxReadAfter    = time.Hour
	maxFileSize     = 1 << 20
)

// Actions are the names the keys section may bind, in the order the help
// shows them. A fresh slice each call: callers may keep or change it.
func Actions() []string {
	return []string{
		"quit", "help", "next_pane", "prev_pane", "next_quote", "prev_quote", "errors", "speakers",
		"up", "down", "top", "bottom", "page_down", "page_up", "half_down", "half_up", "open", "next_article", "prev_article",
		"search", "next_match", "prev_match", "clear",
		"toggle_read", "only_unread", "star", "starred", "links", "open_source", "copy_quote", "copy_link", "edit", "mouse",
	}
}

// Config is the reader's settings: the defaults, with what the file set.
type Config struct {
	// Path is the file that was read, "" when there was none.
	Path string
	// Theme is "dark", "light" or "auto" (decided once at start).
	Theme string
	// GlamourStyle is a glamour style name ("dark", "dracula"...) or the
	// absolute path of a JSON style file; "" leaves it to the theme.
	GlamourStyle string
	// Paths are the articles to open when none are named; absolute.
	Paths []string
	// SidebarWidth is the article list's width in cells; 0 lets the layout choose.
	SidebarWidth int
	// Sort orders the list: "date", "title", "quotes" or "source".
	Sort string
	// Mouse turns on mouse reporting; off lets the terminal select text.
	Mouse bool
	// Keys replaces the keys of an action: action name -> keys as Bubble
	// Tea names them ("ctrl+d", "pgdown", " " for space).
	Keys map[string][]string
	// ReadAfter is how long an article stays open before it counts as
	// read; 0 means only scrolling to its end marks it.
	ReadAfter time.Duration
	// Warnings are the problems found, one a line as "file:line: what".
	Warnings []string
}

// Default is the configuration with no file.
func Default() Config {
	return Config{Theme: "auto", Sort: "date", Mouse: true, ReadAfter: 3 * time.Second}
}

// DefaultPath is $XDG_CONFIG_HOME/newsreader/config.yaml.
func DefaultPath(getenv func(string) string) (string, error) {
	dir, err := xdg.ConfigDir(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "config.yaml"), nil
}

// Load reads the config file. With path "" it reads the default file, and
// a missing one is no problem; a file named by the user must exist. Problems
// inside the file are Warnings, never an error. defaults are the actions the
// keys section may bind, with their default keys (a key the file gives an
// action may not be another's); nil means Actions(), their keys unknown.
func Load(path string, defaults map[string][]string) (Config, error) {
	named := path != ""
	if !named {
		var err error
		if path, err = DefaultPath(os.Getenv); err != nil {
			c := Default()
			c.Warnings = []string{"config: " + err.Error()}
			return c, nil
		}
	}
	data, err := readFile(path)
	switch {
	case err == nil:
		return Parse(path, data, defaults), nil
	case named:
		return Default(), fmt.Errorf("config: %w", err)
	case errors.Is(err, fs.ErrNotExist):
		return Default(), nil
	}
	c := Default()
	c.Warnings = []string{fmt.Sprintf("%s: %v; using the defaults", path, err)}
	return c, nil
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("%s: larger than %d KB, not a config file", path, maxFileSize>>10)
	}
	return data, nil
}

// Parse reads a config file's bytes; name is how warnings call the file,
// and relative paths in it are taken from its folder. defaults are as Load's.
func Parse(name string, data []byte, defaults map[string][]string) Config {
	actions := Actions()
	if defaults != nil {
		actions = slices.Sorted(maps.Keys(defaults))
	}
	c := Default()
	c.Path = name
	p := parser{name: name, dir: filepath.Dir(name), actions: actions, defaults: defaults, c: &c}
	p.parse(data)
	return c
}

type parser struct {
	name     string
	dir      string
	actions  []string
	defaults map[string][]string
	c        *Config
	lines    []int // each warning's line, for keeping them in line order
}

func (p *parser) warn(line int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	p.lines = append(p.lines, line)
	if line > 0 {
		p.c.Warnings = append(p.c.Warnings, fmt.Sprintf("%s:%d: %s", p.name, line, msg))
		return
	}
	p.c.Warnings = append(p.c.Warnings, fmt.Sprintf("%s: %s", p.name, msg))
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// parserProblems are the syntax errors yaml v3's parser (not its scanner)
// reports; for these it prints the line counted from 0 (decode.go, fail).
var parserProblems = []string{
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected '-' indicator",
	"did not find expected <document start>", "did not find expected <stream-start>", "did not find expected key",
	"did not find expected node content", "found duplicate %TAG directive", "found duplicate %YAML directive",
	"found incompatible YAML document", "found undefined tag handle",
}

// syntaxError turns yaml's message into the 1-based line and the problem.
func syntaxError(err error) (int, string) {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, err.Error()
	}
	// no line means the first: yaml leaves out line 0
	line, _ := strconv.Atoi(m[1])
	if m[1] == "" || slices.Contains(parserProblems, m[2]) {
		line++
	}
	return line, m[2]
}

func (p *parser) parse(data []byte) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := syntaxError(err)
		p.warn(line, "%s; the whole file is ignored", msg)
		return
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return // an empty file
	}
	root := resolve(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return // only comments
	}
	if root.Kind != yaml.MappingNode {
		p.warn(root.Line, "the file must be a list of settings (key: value); it is ignored")
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := resolve(root.Content[i]), resolve(root.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			p.warn(k.Line, "a setting's name must be a word")
			continue
		}
		if first, ok := seen[k.Value]; ok {
			p.warn(k.Line, "%q is set again (first on line %d); this one is ignored", k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue // "theme:" with no value keeps the default
		}
		switch k.Value {
		case "theme":
			if s, ok := p.oneOf(v, "theme", themes); ok {
				p.c.Theme = s
			}
		case "sort":
			if s, ok := p.oneOf(v, "sort", sorts); ok {
				p.c.Sort = s
			}
		case "glamour_style":
			p.glamourStyle(v)
		case "paths":
			p.paths(v)
		case "sidebar_width":
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || n < MinSidebarWidth || n > MaxSidebarWidth {
				p.warn(v.Line, "sidebar_width must be a whole number of cells from %d to %d", MinSidebarWidth, MaxSidebarWidth)
				continue
			}
			p.c.SidebarWidth = n
		case "read_after":
			d, ok := seconds(v)
			if !ok || d < 0 || d > MaxReadAfter {
				p.warn(v.Line, "read_after must be a number of seconds from 0 to %.0f", MaxReadAfter.Seconds())
				continue
			}
			p.c.ReadAfter = d
		case "mouse":
			on, ok := onOff(v)
			if !ok {
				p.warn(v.Line, "mouse must be on or off")
				continue
			}
			p.c.Mouse = on
		case "keys":
			p.keys(v)
		default:
			p.warn(k.Line, "unknown key %q%s", k.Value, suggest(k.Value, settings))
		}
	}
}

// settings are the names parse knows, for suggestions.
var settings = []string{"theme", "sort", "glamour_style", "paths", "sidebar_width", "read_after", "mouse", "keys"}

// resolve follows an alias (&anchor / *alias) to its value.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func (p *parser) oneOf(v *yaml.Node, name string, allowed []string) (string, bool) {
	s := strings.ToLower(strings.TrimSpace(v.Value))
	if v.Kind != yaml.ScalarNode || !slices.Contains(allowed, s) {
		p.warn(v.Line, "%s must be %s", name, orList(allowed))
		return "", false
	}
	return s, true
}

// orList writes "a, b or c".
func orList(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// seconds reads a number of seconds, or a Go duration such as "1.5s".
func seconds(v *yaml.Node) (time.Duration, bool) {
	if v.Kind != yaml.ScalarNode {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v.Value, 64); err == nil {
		return time.Duration(s * float64(time.Second)), true
	}
	d, err := time.ParseDuration(v.Value)
	return d, err == nil
}

// onOff reads YAML's booleans and the on/off, yes/no people write.
func onOff(v *yaml.Node) (bool, bool) {
	if v.Kind != yaml.ScalarNode {
		return false, false
	}
	switch strings.ToLower(v.Value) {
	case "true", "on", "yes":
		return true, true
	case "false", "off", "no":
		return false, true
	}
	return false, false
}

// path makes a path from the file absolute: ~ is the home folder, and a
// relative path starts at the config file's folder, wherever the reader runs.
func (p *parser) path(s string) string {
	if s == "~" || strings.HasPrefix(s, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			s = filepath.Join(home, s[1:])
		}
	}
	if !filepath.IsAbs(s) {
		if dir, err := filepath.Abs(p.dir); err == nil {
			s = filepath.Join(dir, s)
		}
	}
	return filepath.Clean(s)
}

// listItems reads a value that may be one item or a list of them.
func listItems(v *yaml.Node) []*yaml.Node {
	if v.Kind != yaml.SequenceNode {
		return []*yaml.Node{v}
	}
	items := make([]*yaml.Node, len(v.Content))
	for i, it := range v.Content {
		items[i] = resolve(it)
	}
	return items
}

func (p *parser) paths(v *yaml.Node) {
	var out []string
	for _, it := range listItems(v) {
		if it.Kind != yaml.ScalarNode || strings.TrimSpace(it.Value) == "" || it.Tag == "!!null" {
			p.warn(it.Line, "paths must be a path or a list of paths")
			continue
		}
		out = append(out, p.path(it.Value))
	}
	if len(out) > 0 {
		p.c.Paths = out
	}
}

func (p *parser) glamourStyle(v *yaml.Node) {
	s := strings.TrimSpace(v.Value)
	if v.Kind != yaml.ScalarNode || s == "" {
		p.warn(v.Line, "glamour_style must be a style name or a style file")
		return
	}
	if _, ok := styles.DefaultStyles[s]; ok {
		p.c.GlamourStyle = s
		return
	}
	// checked now, so a bad file is one line at start and not a failed render later
	file := p.path(s)
	data, err := readFile(file)
	if err == nil {
		var sc glamouransi.StyleConfig
		if jerr := json.Unmarshal(data, &sc); jerr != nil {
			err = fmt.Errorf("%s is not a glamour style file: %v", file, jerr)
		}
	}
	if err != nil {
		names := slices.Sorted(maps.Keys(styles.DefaultStyles))
		p.warn(v.Line, "glamour_style: %v (a style name is one of %s)", err, orList(names))
		return
	}
	p.c.GlamourStyle = file
}

func (p *parser) keys(v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		p.warn(v.Line, "keys must list actions, each with its keys (down: [j, ctrl+n])")
		return
	}
	first := len(p.c.Warnings)
	valid := keyNames()
	seen := map[string]bool{}
	var order []string                // the actions the file binds, in its order
	at := map[string]map[string]int{} // action -> key -> its line
	for i := 0; i+1 < len(v.Content); i += 2 {
		a, ks := resolve(v.Content[i]), resolve(v.Content[i+1])
		if a.Kind != yaml.ScalarNode || !slices.Contains(p.actions, a.Value) {
			p.warn(a.Line, "unknown action %q%s", a.Value, suggest(a.Value, p.actions))
			continue
		}
		if seen[a.Value] {
			p.warn(a.Line, "keys for %s are set again; this one is ignored", a.Value)
			continue
		}
		seen[a.Value] = true
		var bound []string
		lines := map[string]int{}
		for _, it := range listItems(ks) {
			k, ok := keyName(it, valid)
			if !ok {
				p.warn(it.Line, "%s: %q is not a key (write a letter, or a name such as enter, space, pgdown, ctrl+d, alt+j)", a.Value, it.Value)
				continue
			}
			if !slices.Contains(bound, k) {
				bound = append(bound, k)
				lines[k] = it.Line
			}
		}
		if len(bound) == 0 {
			p.warn(ks.Line, "%s has no valid key; its default keys stay", a.Value)
			continue
		}
		if p.c.Keys == nil {
			p.c.Keys = map[string][]string{}
		}
		p.c.Keys[a.Value] = bound
		order = append(order, a.Value)
		at[a.Value] = lines
	}
	p.clashes(order, at)
	p.inLineOrder(first)
}

// clashes gives an action the file gave a key another action has its
// default keys back: a key does one thing, or one of the two is lost. Of two
// actions the file binds, the one written first keeps the key; a default
// key of an action the file leaves alone stays that action's. A swap
// (down: [k], up: [j]) is no clash. Keys given back can clash with the file
// in turn, so this goes on until nothing clashes.
func (p *parser) clashes(order []string, at map[string]map[string]int) {
	holds := func(b, k string) bool {
		if ks, ok := p.c.Keys[b]; ok {
			return slices.Contains(ks, k)
		}
		return slices.Contains(p.defaults[b], k)
	}
	rank := map[string]int{}
	for i, a := range order {
		rank[a] = i
	}
	for changed := true; changed; {
		changed = false
	next:
		for _, a := range order {
			for _, k := range p.c.Keys[a] {
				for _, b := range p.actions {
					if b == a || !holds(b, k) {
						continue
					}
					if _, bound := p.c.Keys[b]; bound && rank[b] > rank[a] {
						continue // b, written after a, is the one to give it back
					}
					keep := "its default keys"
					if d := p.defaults[a]; len(d) > 0 {
						keep = "its default keys, " + keyList(d)
					}
					p.warn(at[a][k], "%s: %s is already the key of %s; %s keeps %s", a, keyList([]string{k}), b, a, keep)
					delete(p.c.Keys, a)
					changed = true
					continue next
				}
			}
		}
	}
	if len(p.c.Keys) == 0 {
		p.c.Keys = nil
	}
}

// keyList writes keys as the help does: "space" for " ", joined by "/".
func keyList(keys []string) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k
		if k == " " {
			names[i] = "space"
		}
	}
	return strings.Join(names, "/")
}

// inLineOrder sorts the warnings from first on by their line, as the file
// reads.
func (p *parser) inLineOrder(first int) {
	type warning struct {
		line int
		text string
	}
	ws := make([]warning, 0, len(p.c.Warnings)-first)
	for i := first; i < len(p.c.Warnings); i++ {
		ws = append(ws, warning{p.lines[i], p.c.Warnings[i]})
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].line < ws[j].line })
	for i, w := range ws {
		p.lines[first+i], p.c.Warnings[first+i] = w.line, w.text
	}
}

// keyNames are the names Bubble Tea gives keys (what key.Matches compares),
// taken from Bubble Tea itself so the two cannot drift apart.
func keyNames() map[string]bool {
	names := map[string]bool{}
	for t := tea.KeyType(-200); t < 200; t++ {
		if t == tea.KeyRunes {
			continue
		}
		if s := (tea.Key{Type: t}).String(); s != "" {
			names[s] = true
		}
	}
	return names
}

// keyName reads one key, as Bubble Tea spells it: a name, or one printable
// character, optionally after "alt+". "space" is accepted for " ".
func keyName(n *yaml.Node, valid map[string]bool) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Value == "" {
		return "", false
	}
	s := n.Value
	alt := strings.HasPrefix(s, "alt+") && len(s) > len("alt+")
	base := s
	if alt {
		base = s[len("alt+"):]
	}
	if strings.EqualFold(base, "space") {
		base = " "
	}
	r, size := utf8.DecodeRuneInString(base)
	ok := valid[base] || (size == len(base) && r != utf8.RuneError && unicode.IsPrint(r))
	if !ok {
		return "", false
	}
	if alt {
		return "alt+" + base, true
	}
	return base, true
}

// suggest offers the closest known name when it is near enough to be a typo.
func suggest(word string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(word, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// distance is the Levenshtein edit distance; names are short, so the
// quadratic table costs nothing.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
