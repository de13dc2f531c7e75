package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// KeyMap is every key the reader knows. Help is generated from it, so what
// the help bar says is what the keys do.
type KeyMap struct {
	// global
	Quit, Help, NextPane, PrevPane key.Binding
	NextQuote, PrevQuote           key.Binding
	Errors, Speakers               key.Binding

	// moving in the focused pane
	Up, Down, Top, Bottom              key.Binding
	PageDown, PageUp, HalfDown, HalfUp key.Binding
	Open                               key.Binding
	NextArticle, PrevArticle           key.Binding // from any pane, as newsboat's J/K

	// search and find
	Search, NextMatch, PrevMatch, Clear key.Binding

	// reading habits
	ToggleRead, OnlyUnread, Star, Starred  key.Binding
	Links, OpenSource, CopyQuote, CopyLink key.Binding
	Edit, Mouse                            key.Binding

	// while typing a query
	Accept, Cancel key.Binding
}

// DefaultKeyMap returns the reader's keys.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Quit:      b("q", "quit", "q", "ctrl+c"),
		Help:      b("?", "help", "?"),
		NextPane:  b("tab", "next pane", "tab"),
		PrevPane:  b("shift+tab", "prev pane", "shift+tab"),
		NextQuote: b("]", "next quote", "]"),
		PrevQuote: b("[", "prev quote", "["),
		Errors:    b("e", "load errors", "e"),
		Speakers:  b("s", "speakers", "s"),

		Up:       b("↑/k", "up", "up", "k"),
		Down:     b("↓/j", "down", "down", "j"),
		Top:      b("g/home", "top", "g", "home"),
		Bottom:   b("G/end", "bottom", "G", "end"),
		PageDown: b("space/pgdn", "page down", " ", "pgdown", "f"),
		PageUp:   b("b/pgup", "page up", "b", "pgup"),
		HalfDown: b("ctrl+d", "half page down", "ctrl+d"),
		HalfUp:   b("ctrl+u", "half page up", "ctrl+u"),
		Open:     b("enter", "open", "enter"),

		NextArticle: b("J", "next article", "J"),
		PrevArticle: b("K", "prev article", "K"),

		Search:    b("/", "search", "/"),
		NextMatch: b("n", "next match", "n"),
		PrevMatch: b("N", "prev match", "N"),
		Clear:     b("esc", "clear", "esc"),

		ToggleRead: b("m", "mark read/unread", "m"),
		OnlyUnread: b("u", "only unread", "u"),
		Star:       b("*", "star", "*"),
		Starred:    b("'", "starred", "'"),
		Links:      b("l", "links", "l"),
		OpenSource: b("o", "open in browser", "o"),
		CopyQuote:  b("y", "copy quote", "y"),
		CopyLink:   b("Y", "copy link", "Y"),
		Edit:       b("E", "edit file", "E"),
		Mouse:      b("M", "mouse on/off", "M"),

		Accept: b("enter", "done", "enter"),
		Cancel: b("esc", "cancel", "esc"),
	}
}

// actions names the bindings a config file may rebind, by the names
// internal/config knows.
func (k *KeyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"quit": &k.Quit, "help": &k.Help, "next_pane": &k.NextPane, "prev_pane": &k.PrevPane,
		"next_quote": &k.NextQuote, "prev_quote": &k.PrevQuote, "errors": &k.Errors, "speakers": &k.Speakers,
		"up": &k.Up, "down": &k.Down, "top": &k.Top, "bottom": &k.Bottom, "page_down": &k.PageDown,
		"page_up": &k.PageUp, "half_down": &k.HalfDown, "half_up": &k.HalfUp, "open": &k.Open,
		"next_article": &k.NextArticle, "prev_article": &k.PrevArticle,
		"search": &k.Search, "next_match": &k.NextMatch, "prev_match": &k.PrevMatch, "clear": &k.Clear,
		"toggle_read": &k.ToggleRead, "only_unread": &k.OnlyUnread, "star": &k.Star, "starred": &k.Starred,
		"links": &k.Links, "open_source": &k.OpenSource, "copy_quote": &k.CopyQuote, "copy_link": &k.CopyLink,
		"edit": &k.Edit, "mouse": &k.Mouse,
	}
}

// DefaultKeys are the keys of each action a config file may rebind, by
// its name, so the config can tell a key that another action has.
func DefaultKeys() map[string][]string {
	k := DefaultKeyMap()
	keys := map[string][]string{}
	for name, b := range k.actions() {
		keys[name] = b.Keys()
	}
	return keys
}

// Override replaces the keys of the named actions; the help shows the new keys.
func (k *KeyMap) Override(keys map[string][]string) {
	acts := k.actions()
	for name, ks := range keys {
		b, ok := acts[name]
		if !ok || len(ks) == 0 {
			continue
		}
		names := make([]string, len(ks))
		for i, s := range ks {
			names[i] = s
			if s == " " {
				names[i] = "space"
			}
		}
		*b = key.NewBinding(key.WithKeys(ks...), key.WithHelp(strings.Join(names, "/"), b.Help().Desc))
	}
}

// move is how far a movement key goes in a list of n rows that shows page
// rows at once; ok is false for other keys. Top and bottom go all the way.
func (k *KeyMap) move(msg keyMsg, n, page int) (d int, ok bool) {
	page = max(1, page)
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.HalfDown):
		return max(1, page/2), true
	case key.Matches(msg, k.HalfUp):
		return -max(1, page/2), true
	case key.Matches(msg, k.Top):
		return -n, true
	case key.Matches(msg, k.Bottom):
		return n, true
	}
	return 0, false
}

// helpKeys adapts a set of bindings to bubbles' help.KeyMap.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
	// the last kept of short show however narrow the line: help and quit
	// always, one before them (]) while the ellipsis still fits beside them
	kept int
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// helpMemo keeps the last help drawn: it changes with the focus or the
// mode, not at every key, and drawing it is a fifth of a frame's allocations.
type helpMemo struct {
	sum  uint64
	text string
}

// draw is helpView(h, keys), drawn again only when what it shows changed.
func (hm *helpMemo) draw(h *help.Model, keys helpKeys) string {
	if hm == nil {
		return helpView(h, keys)
	}
	sum := keys.sum(h.Width, h.ShowAll)
	if sum != hm.sum || hm.text == "" {
		hm.sum, hm.text = sum, helpView(h, keys)
	}
	return hm.text
}

// sum is an FNV-1a hash of everything the help line shows.
func (h helpKeys) sum(width int, all bool) uint64 {
	const prime = 1099511628211
	x := uint64(14695981039346656037)
	mix := func(v uint64) { x = (x ^ v) * prime }
	str := func(s string) {
		for i := 0; i < len(s); i++ {
			mix(uint64(s[i]))
		}
		mix(0x100) // a separator no byte is
	}
	bind := func(b key.Binding) {
		if !b.Enabled() {
			mix(0x101)
			return
		}
		str(b.Help().Key)
		str(b.Help().Desc)
	}
	mix(uint64(width))
	mix(uint64(h.kept))
	for _, b := range h.short {
		bind(b)
	}
	if all {
		mix(0x102)
		for _, g := range h.full {
			mix(0x103)
			for _, b := range g {
				bind(b)
			}
		}
	}
	return x
}

// helpView is the help line, or with ShowAll the full help. Bubbles' full
// help drops the columns that do not fit the width; here, when they do not
// fit, a group goes on in the next column and columns go on in a band below,
// in the fewest lines, so that an 80-column terminal still shows every key.
func helpView(h *help.Model, keys helpKeys) string {
	if !h.ShowAll {
		return shortHelpView(h, keys)
	}
	var groups [][]key.Binding
	tallest := 0
	for _, g := range keys.full {
		var on []key.Binding
		for _, b := range g {
			if b.Enabled() {
				on = append(on, b)
			}
		}
		if len(on) > 0 {
			groups = append(groups, on)
			tallest = max(tallest, len(on))
		}
	}
	sepW := lipgloss.Width(h.FullSeparator)
	var best [][][]key.Binding
	bestLines := 0
	// whole groups side by side read best: cut them only when they do not fit
	// (and never less than half as tall, or groups come apart in shreds)
	for rows := tallest; rows >= max(1, (tallest+1)/2); rows-- {
		bands, lines := packHelp(groups, rows, h.Width, sepW)
		if best == nil || lines < bestLines {
			best, bestLines = bands, lines
		}
		if len(bands) == 1 && rows == tallest {
			break
		}
	}
	sep := h.Styles.FullSeparator.Inline(true).Render(h.FullSeparator)
	out := make([]string, 0, len(best))
	for _, band := range best {
		var cols []string
		for i, col := range band {
			if i > 0 {
				cols = append(cols, sep)
			}
			var ks, ds []string
			for _, b := range col {
				ks, ds = append(ks, b.Help().Key), append(ds, b.Help().Desc)
			}
			cols = append(cols, lipgloss.JoinHorizontal(lipgloss.Top,
				h.Styles.FullKey.Render(strings.Join(ks, "\n")), " ", h.Styles.FullDesc.Render(strings.Join(ds, "\n"))))
		}
		out = append(out, lipgloss.JoinHorizontal(lipgloss.Top, cols...))
	}
	return strings.Join(out, "\n\n")
}

// packHelp cuts groups into columns of at most rows keys and lays them out
// in bands no wider than width (0: one band); lines is how tall that is,
// with a blank line between bands.
func packHelp(groups [][]key.Binding, rows, width, sepW int) (bands [][][]key.Binding, lines int) {
	var band [][]key.Binding
	used, tall := 0, 0
	for _, g := range groups {
		// as many columns as rows asks for, of even heights: 3+2, not 4+1
		n := (len(g) + rows - 1) / rows
		size := (len(g) + n - 1) / n
		for start := 0; start < len(g); start += size {
			col := g[start:min(len(g), start+size)]
			kw, dw := 0, 0
			for _, b := range col {
				kw, dw = max(kw, lipgloss.Width(b.Help().Key)), max(dw, lipgloss.Width(b.Help().Desc))
			}
			w := kw + 1 + dw
			if len(band) > 0 && width > 0 && used+sepW+w > width {
				bands, lines = append(bands, band), lines+tall+1
				band, used, tall = nil, 0, 0
			}
			if len(band) > 0 {
				used += sepW
			}
			band, used, tall = append(band, col), used+w, max(tall, len(col))
		}
	}
	if len(band) > 0 {
		bands, lines = append(bands, band), lines+tall
	}
	return bands, lines
}

// shortHelpView is the help line; when it is too long, the keys before the
// kept ones give way to an ellipsis, so that "? help" is always there to
// find the rest. (Bubbles' own cut keeps adding keys when its ellipsis
// would not fit.)
func shortHelpView(h *help.Model, keys helpKeys) string {
	sep := h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator)
	item := func(b key.Binding) string {
		return h.Styles.ShortKey.Inline(true).Render(b.Help().Key) + " " + h.Styles.ShortDesc.Inline(true).Render(b.Help().Desc)
	}
	var items []string
	var widths []int
	kept := 0 // of items, the kept bindings at the end that are enabled
	for i, b := range keys.short {
		if b.Enabled() {
			items = append(items, item(b))
			widths = append(widths, lipgloss.Width(items[len(items)-1]))
			if i >= len(keys.short)-keys.kept {
				kept++
			}
		}
	}
	sepW := lipgloss.Width(sep)
	total := 0
	for i, w := range widths {
		total += w
		if i > 0 {
			total += sepW
		}
	}
	if h.Width <= 0 || total <= h.Width {
		return strings.Join(items, sep)
	}
	ellipsis := " " + h.Styles.Ellipsis.Inline(true).Render(h.Ellipsis)
	var tail string
	var room int
	for {
		tail = strings.Join(items[len(items)-kept:], sep)
		room = h.Width - lipgloss.Width(tail) - lipgloss.Width(ellipsis)
		if kept > 0 {
			room -= sepW
		}
		if room >= 0 || kept <= alwaysKept {
			break
		}
		kept-- // the ellipsis, that says there are more keys, first
	}
	if room < 0 && kept > 0 {
		return tail // too narrow for more
	}
	var b strings.Builder
	used := 0
	for i, w := range widths[:len(items)-kept] {
		if i > 0 {
			w += sepW
		}
		if used+w > room {
			break
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(items[i])
		used += w
	}
	b.WriteString(ellipsis)
	if kept > 0 {
		b.WriteString(sep + tail)
	}
	return b.String()
}

// alwaysKept is how many of the kept keys show however narrow the help
// line: ? and q, the way to every other key and out.
const alwaysKept = 2

// pressed matches a key even while it is disabled: a key that has nothing to
// do now stays off the help but can still say so when pressed.
func pressed(msg keyMsg, b key.Binding) bool {
	b.SetEnabled(true)
	return key.Matches(msg, b)
}
