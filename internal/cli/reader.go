package cli

import (
	"context"
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"

	"newsreader/store"
	"newsreader/ui"
)

// runReader starts the reader in the terminal; when stdout is not a
// terminal it prints the list instead.
func runReader(paths []string, env Env) int {
	src := source(paths, env)
	out, isFile := env.Stdout.(*os.File)
	if !isFile || !term.IsTerminal(int(out.Fd())) {
		arts, errs := store.LoadAll(context.Background(), src)
		for _, e := range errs {
			fmt.Fprintf(env.Stderr, "newsreader: %s: %s\n", oneLine(e.Path), oneLine(e.Err.Error()))
		}
		printList(onceEach(arts, env), false, env)
		if len(errs) > 0 {
			return 1
		}
		return 0
	}
	theme, profile := detectTheme(out)
	m := ui.New(ui.Options{Source: src, Theme: theme, Profile: profile, Version: Version})
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithOutput(out))
	if _, err := p.Run(); err != nil {
		fmt.Fprintf(env.Stderr, "newsreader: %v\n", err)
		return 1
	}
	return 0
}

// detectTheme asks the terminal once, before the program starts, whether
// its background is dark and which colors it has. NO_COLOR and TERM=dumb
// give a monochrome screen.
func detectTheme(out *os.File) (ui.Theme, termenv.Profile) {
	o := termenv.NewOutput(out)
	profile := o.EnvColorProfile()
	noColor := os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" || profile == termenv.Ascii
	dark := true
	if !noColor {
		dark = o.HasDarkBackground()
	}
	if noColor && os.Getenv("TERM") != "dumb" {
		// attributes (bold, reverse, underline) still mark selection and quotes
		profile = termenv.ANSI
	}
	lipgloss.SetColorProfile(profile)
	lipgloss.SetHasDarkBackground(dark)
	return ui.Theme{Dark: dark, NoColor: noColor}, profile
}
