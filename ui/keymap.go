package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
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
		"search": &k.Search, "next_match": &k.NextMatch, "prev_match": &k.PrevMatch, "clear": &k.Clear,
		"toggle_read": &k.ToggleRead, "only_unread": &k.OnlyUnread, "star": &k.Star, "starred": &k.Starred,
		"links": &k.Links, "open_source": &k.OpenSource, "copy_quote": &k.CopyQuote, "copy_link": &k.CopyLink,
		"edit": &k.Edit, "mouse": &k.Mouse,
	}
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
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }
