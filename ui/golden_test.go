package ui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// View() goldens at fixed sizes: layout changes show up as a diff.
// Regenerate with: go test ./ui -run TestGolden -update
func TestGoldenSeed(t *testing.T) {
	for _, s := range [][2]int{{160, 45}, {100, 30}, {60, 20}} {
		t.Run(fmt.Sprintf("%dx%d", s[0], s[1]), func(t *testing.T) {
			m := testModel(t, s[0], s[1], seedArticles(t)...)
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}

func TestGoldenQuoteSelected(t *testing.T) {
	m := testModel(t, 120, 32, seedArticles(t)...)
	m = press(t, m, "]", "]", "]")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestGoldenFullHelp(t *testing.T) {
	m := testModel(t, 120, 32, seedArticles(t)...)
	m = press(t, m, "tab", "?")
	golden.RequireEqual(t, []byte(m.View()))
}
