package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// boom panics where it is told to.
type boom struct{ where string }

func (b boom) Init() tea.Cmd { return nil }
func (b boom) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch b.where {
	case "update":
		panic("in update")
	case "cmd":
		return b, func() tea.Msg { panic("in a command") }
	case "batch":
		return b, tea.Batch(func() tea.Msg { return nil }, func() tea.Msg { panic("in a batch") })
	}
	return b, nil
}
func (b boom) View() string {
	if b.where == "view" {
		panic("in view")
	}
	return "ok"
}

func TestGuard(t *testing.T) {
	for _, where := range []string{"update", "cmd", "batch", "view"} {
		t.Run(where, func(t *testing.T) {
			g := NewGuard(boom{where})
			var m tea.Model = g
			_ = m.View()
			m, cmd := m.Update(tea.KeyMsg{})
			// run what the program would run until it quits
			for i := 0; cmd != nil && i < 10; i++ {
				msg := cmd()
				if b, ok := msg.(tea.BatchMsg); ok {
					for _, c := range b {
						if c != nil {
							if pm, ok := c().(panicMsg); ok {
								msg = pm
							}
						}
					}
				}
				if _, ok := msg.(tea.QuitMsg); ok {
					break
				}
				m, cmd = m.Update(msg)
			}
			c := g.Crashed()
			if c == nil || len(c.Stack) == 0 {
				t.Fatalf("panic %s not caught", where)
			}
			if cmd == nil {
				t.Fatal("no quit after the panic")
			}
			if _, ok := cmd().(tea.QuitMsg); !ok {
				t.Error("the guard did not quit")
			}
		})
	}
}
