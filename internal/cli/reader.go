package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"

	"newsreader/internal/clip"
	"newsreader/internal/config"
	"newsreader/internal/crash"
	"newsreader/internal/open"
	"newsreader/internal/snapshot"
	"newsreader/internal/state"
	"newsreader/ui"
)

// runReader starts the reader in the terminal; when stdout is not a
// terminal it prints the list instead.
func runReader(flagPaths []string, flags readerFlags, env Env) int {
	paths := flagPaths
	cfg, err := config.Load(flags.config, ui.DefaultKeys())
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreader: %v\n", err)
		return 2
	}
	if len(paths) == 0 {
		paths = cfg.Paths
	}
	if problems, none := noneOpens(paths); none {
		// nothing to read: say so here, not in a reader with nothing in it
		for _, p := range problems {
			fmt.Fprintf(env.Stderr, "newsreader: %s\n", p)
		}
		if len(flagPaths) == 0 {
			fmt.Fprintf(env.Stderr, "newsreader: none of the paths set in %s can be opened\n", oneLine(cfg.Path))
		}
		return 1
	}
	src := source(paths, env)
	out, isFile := env.Stdout.(*os.File)
	if !isFile || !term.IsTerminal(int(out.Fd())) {
		lib := loadLibrary(src, env)
		printList(lib.articles(cfg.Sort), false, env)
		lib.close(env)
		if !lib.allRead {
			return 1
		}
		return 0
	}
	theme, profile := detectTheme(out, cfg.Theme)
	opts := ui.Options{Source: src, Theme: theme, Profile: profile, Version: Version,
		Keys: cfg.Keys, Sort: cfg.Sort, SidebarWidth: cfg.SidebarWidth, ReadAfter: cfg.ReadAfter,
		GlamourStyle: cfg.GlamourStyle, Mouse: cfg.Mouse && !flags.noMouse, Warnings: cfg.Warnings, Watch: true,
		Snapshot: snapshot.For(env.CacheDir, src)}
	if dir, err := state.DefaultDir(); err == nil {
		opts.Marks = state.Open(dir, state.Options{})
		opts.Warnings = append(opts.Warnings, opts.Marks.Warnings()...)
		defer func() {
			if err := opts.Marks.Close(); err != nil {
				fmt.Fprintf(env.Stderr, "newsreader: saving what was read: %v\n", err)
			}
		}()
	} else {
		opts.Warnings = append(opts.Warnings, "read marks are not kept: "+err.Error())
	}
	opener := open.New()
	opts.OpenURL = opener.URL
	opts.EditCommand = opener.EditorCommand
	opts.Clipboard = func(text string) error {
		_, err := out.Write(clip.Sequence(text, os.Getenv))
		return err
	}
	g := ui.NewGuard(ui.New(opts))
	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithOutput(out)}
	if opts.Mouse {
		progOpts = append(progOpts, tea.WithMouseCellMotion())
	}
	_, err = tea.NewProgram(g, progOpts...).Run()
	opts.Snapshot.Wait(3 * time.Second) // the screen is restored: finish writing it
	if c := g.Crashed(); c != nil {
		return reportCrash(c, env)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreader: %v\n", err)
		return 1
	}
	for _, w := range opts.Warnings { // said in the reader too, but that screen is gone
		fmt.Fprintf(env.Stderr, "newsreader: %s\n", oneLine(w))
	}
	return 0
}

// noneOpens: there are paths and none of them can be opened; problems
// say why, in list's words ("path: no such file or directory").
func noneOpens(paths []string) (problems []string, none bool) {
	for _, p := range paths {
		f, err := os.Open(p)
		if err == nil {
			f.Close()
			return nil, false
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		problems = append(problems, oneLine(p)+": "+oneLine(err.Error()))
	}
	return problems, len(paths) > 0
}

// readerFlags are the reader's own options.
type readerFlags struct {
	config  string
	noMouse bool
}

// reportCrash writes the crash report and names it on stderr.
func reportCrash(c *ui.Crash, env Env) int {
	dir, err := crash.Dir()
	path := ""
	if err == nil {
		path, err = crash.Write(dir, Version, c.Value, c.Stack)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreader crashed: %v (no report: %v)\n%s", c.Value, err, c.Stack)
		return 70
	}
	fmt.Fprintf(env.Stderr, "newsreader crashed: %v\nA report is in %s\n", c.Value, path)
	return 70
}

// detectTheme asks the terminal once, before the program starts, whether
// its background is dark (unless the config says) and which colors it has.
// NO_COLOR and TERM=dumb give a monochrome screen.
func detectTheme(out *os.File, want string) (ui.Theme, termenv.Profile) {
	o := termenv.NewOutput(out)
	profile := o.EnvColorProfile()
	noColor := os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" || profile == termenv.Ascii
	dark := want != "light"
	if !noColor && want != "dark" && want != "light" {
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
