// Package cli is the newsreader command: the reader in the terminal and
// the headless commands for scripts.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"

	"newsreader/internal/config"
	"newsreader/store"
	"newsreader/ui"
)

// Version is the reader's version, shown by --version.
const Version = "0.1.0"

// Env is what the command reads and writes, so tests can run it in-process.
type Env struct {
	Seeds  fs.FS // the embedded seeds folder
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// CacheDir is where snapshots of the libraries read are kept, so that
	// the next start is fast; "" keeps none (tests).
	CacheDir string
}

const usage = `newsreader reads news articles in the terminal: the list, the article,
and every quotation in it with who said it.

Usage:
  newsreader [PATH...]                  read in the terminal (default: ./seeds, else the built-in seeds)
  newsreader quotes [--json] [PATH...]  print every quote found, with its speaker
  newsreader list [--json] [PATH...]    print one line per article, in the reader's order
  newsreader search [--json] [--limit N] QUERY [PATH...]  the articles that answer QUERY, best first
  newsreader --help                     this help
  newsreader --version                  the version

Options:
  --config FILE   settings (default $XDG_CONFIG_HOME/newsreader/config.yaml);
                  list, quotes and search read its paths when given no PATH,
                  list and quotes its sort
  --no-mouse      the reader leaves the mouse to the terminal, for selecting text

Environment:
  NEWSREADER_PPROF=DIR   write cpu.pprof and heap.pprof into DIR (go tool pprof)
  NEWSREADER_CACHE=DIR   keep snapshots of the folders read in DIR (default
                         $XDG_CACHE_HOME/newsreader); =off keeps none
  NO_COLOR=1             no colors; TERM=dumb: plain text

Flags may come before or after the other arguments; after -- every argument
is a QUERY or a PATH. A QUERY may start with '-' (search -football PATH).

PATHs are files or folders; folders are read recursively. Read by their
content: web pages (the article is extracted), RSS, Atom and JSON feeds
(one article per entry), markdown (with YAML front matter) and plain text,
gzip-compressed too; files over 20 MB are skipped. The same article in
several files is listed once.

quotes --json gives byte offsets (start, end) in the file as on disk; for
web pages, feeds and compressed files, whose text is converted, they are -1.
In the reader, press ? for the keys.
`

// Main runs the command and returns its exit code.
func Main(args []string, env Env) int {
	// NEWSREADER_PPROF=DIR profiles any command, the reader included
	if dir := os.Getenv("NEWSREADER_PPROF"); dir != "" {
		stop, err := startProfile(dir)
		if err != nil {
			fmt.Fprintf(env.Stderr, "newsreader: profile: %v\n", err)
			return 2
		}
		defer stop(env)
	}
	return dispatch(args, env)
}

func dispatch(args []string, env Env) int {
	if len(args) > 0 {
		switch args[0] {
		case "quotes":
			return runQuotes(args[1:], env)
		case "list":
			return runList(args[1:], env)
		case "search":
			return runSearch(args[1:], env)
		case "help":
			fmt.Fprint(env.Stdout, usage)
			return 0
		}
	}
	fl := flag.NewFlagSet("newsreader", flag.ContinueOnError)
	version := fl.Bool("version", false, "print the version")
	var rf readerFlags
	fl.StringVar(&rf.config, "config", "", "the config file (default $XDG_CONFIG_HOME/newsreader/config.yaml)")
	fl.BoolVar(&rf.noMouse, "no-mouse", false, "leave the mouse to the terminal, for selecting text")
	paths, code, ok := parseFlags(fl, args, env, func(w io.Writer) { fmt.Fprint(w, usage) }, false)
	if !ok {
		return code
	}
	if *version {
		fmt.Fprintf(env.Stdout, "newsreader %s%s\n", Version, buildInfo())
		return 0
	}
	return runReader(paths, rf, env)
}

func buildInfo() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	rev := ""
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 7 {
			rev = s.Value[:7]
		}
	}
	if rev == "" {
		return " (" + bi.GoVersion + ")"
	}
	return " (" + rev + ", " + bi.GoVersion + ")"
}

// source chooses what to read: the paths given, else ./seeds, else the
// seeds built into the binary.
func source(paths []string, env Env) store.Source {
	if len(paths) > 0 {
		return store.Source{Paths: paths}
	}
	if fi, err := os.Stat("seeds"); err == nil && fi.IsDir() {
		return store.Source{Paths: []string{"seeds"}}
	}
	return store.Source{FS: env.Seeds, Paths: []string{"seeds"}}
}

// parseFlags parses args and returns the others, the positional ones;
// when it is not ok, the command exits with code. Flags may come before,
// between or after the positional arguments, as most commands take them;
// after "--" every argument is positional. When dashFirst is set, a first
// positional argument may start with '-' (search's "-football") as long
// as it is not one of fl's flags. -h and --help print the usage to stdout
// and exit 0, as asked for; a wrong flag is named, with the usage, on stderr.
func parseFlags(fl *flag.FlagSet, args []string, env Env, usage func(io.Writer), dashFirst bool) (pos []string, code int, ok bool) {
	fl.SetOutput(env.Stderr)
	fl.Usage = func() {}
	var err error
	for len(args) > 0 && err == nil {
		a := args[0]
		switch {
		case a == "--":
			pos = append(pos, args[1:]...)
			args = nil
		case len(a) < 2 || a[0] != '-':
			pos, args = append(pos, a), args[1:]
		case dashFirst && len(pos) == 0 && a[1] != '-' && !isFlag(fl, a):
			pos, args = append(pos, a), args[1:]
		default:
			// one flag at a time, with its value, so that the next
			// positional argument or "--" is seen here
			n := 1
			if f := fl.Lookup(flagName(a)); f != nil && !strings.Contains(a, "=") && !isBoolFlag(f) && len(args) > 1 {
				n = 2
			}
			err = fl.Parse(args[:n])
			args = args[n:]
		}
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		fl.SetOutput(env.Stdout)
		usage(env.Stdout)
		return nil, 0, false
	case err != nil:
		usage(env.Stderr)
		return nil, 2, false
	}
	return pos, 0, true
}

// flagName is the name in "-name", "--name" or "--name=value".
func flagName(a string) string {
	name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	name, _, _ = strings.Cut(name, "=")
	return name
}

// isFlag: a is one of fl's flags, or asks for help.
func isFlag(fl *flag.FlagSet, a string) bool {
	name := flagName(a)
	return fl.Lookup(name) != nil || name == "h" || name == "help"
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// headless is what a headless command was asked for.
type headless struct {
	asJSON bool
	paths  []string      // as given, else the config's
	cfg    config.Config // the settings, for the order of the list
}

// subcommand parses a headless command's flags; it needs at least one PATH,
// given or set in the config.
func subcommand(name string, args []string, env Env) (h headless, code int, ok bool) {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	j := fl.Bool("json", false, "print one JSON object per line")
	cfgFile := fl.String("config", "", "the config file")
	usage := func(w io.Writer) {
		fmt.Fprintf(w, "usage: newsreader %s [--json] [--config FILE] PATH...   (default: the config's paths)\n", name)
	}
	paths, code, ok := parseFlags(fl, args, env, usage, false)
	if !ok {
		return h, code, false
	}
	cfg, ok := settings(*cfgFile, env)
	if !ok {
		return h, 2, false
	}
	if len(paths) == 0 {
		paths = cfg.Paths
	}
	if len(paths) == 0 {
		usage(env.Stderr)
		return h, 2, false
	}
	return headless{asJSON: *j, paths: paths, cfg: cfg}, 0, true
}

// settings reads the config file as the reader does, and says its
// problems on stderr; ok is false when a file named with --config cannot
// be read.
func settings(file string, env Env) (config.Config, bool) {
	cfg, err := config.Load(file, ui.DefaultKeys())
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreader: %s\n", oneLine(err.Error()))
		return cfg, false
	}
	for _, w := range cfg.Warnings {
		fmt.Fprintf(env.Stderr, "newsreader: %s\n", oneLine(w))
	}
	return cfg, true
}

// loadAll loads everything and reports each error on stderr; ok is false
// when some input could not be read.
func loadAll(paths []string, env Env) ([]*store.Article, bool) {
	arts, errs := store.LoadAll(context.Background(), store.Source{Paths: paths})
	for _, e := range errs {
		fmt.Fprintf(env.Stderr, "newsreader: %s: %s\n", oneLine(e.Path), oneLine(e.Err.Error()))
	}
	return arts, len(errs) == 0
}

// oneLine makes a message safe for a terminal line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f {
			return ' '
		}
		return r
	}, s)
}
