package ui

import (
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

		Accept: b("enter", "done", "enter"),
		Cancel: b("esc", "cancel", "esc"),
	}
}

// helpKeys adapts a set of bindings to bubbles' help.KeyMap.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }
