package ui

import (
	"fmt"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"
)

// Crash is a panic caught in the reader, with where it happened.
type Crash struct {
	Value any
	Stack []byte
}

func (c *Crash) Error() string { return fmt.Sprintf("panic: %v", c.Value) }

// panicMsg carries a panic out of a command to the guard.
type panicMsg struct{ c *Crash }

// Guard wraps a model so that a panic in Update, View or any command it
// returns ends the program cleanly (the terminal restored) and is kept for
// a crash report, instead of killing the process from a goroutine.
type Guard struct {
	m   tea.Model
	box *crashBox // shared by the copies Bubble Tea makes
}

type crashBox struct{ c *Crash }

// NewGuard guards m.
func NewGuard(m tea.Model) Guard { return Guard{m: m, box: &crashBox{}} }

// Crashed is the panic that ended the program, or nil.
func (g Guard) Crashed() *Crash { return g.box.c }

// Model is the guarded model.
func (g Guard) Model() tea.Model { return g.m }

func (g Guard) Init() tea.Cmd { return guardCmd(g.m.Init()) }

func (g Guard) Update(msg tea.Msg) (_ tea.Model, cmd tea.Cmd) {
	if p, ok := msg.(panicMsg); ok {
		g.box.c = p.c
		return g, tea.Quit
	}
	if g.box.c != nil { // View panicked: stop now
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.box.c = &Crash{Value: r, Stack: debug.Stack()}
			cmd = tea.Quit
		}
	}()
	m, c := g.m.Update(msg)
	g.m = m
	return g, guardCmd(c)
}

func (g Guard) View() (v string) {
	if g.box.c != nil {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			g.box.c = &Crash{Value: r, Stack: debug.Stack()}
			v = ""
		}
	}()
	return g.m.View()
}

// guardCmd makes a command report a panic as a message; the commands of a
// batch are guarded one by one, since Bubble Tea runs them apart.
func guardCmd(c tea.Cmd) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = panicMsg{&Crash{Value: r, Stack: debug.Stack()}}
			}
		}()
		msg = c()
		if b, ok := msg.(tea.BatchMsg); ok {
			for i := range b {
				b[i] = guardCmd(b[i])
			}
		}
		return msg
	}
}
