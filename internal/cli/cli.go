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

	"newsreader/store"
)

// Version is the reader's version, shown by --version.
const Version = "0.1.0"

// Env is what the command reads and writes, so tests can run it in-process.
type Env struct {
	Seeds  fs.FS // the embedded seeds folder
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

const usage = `newsreader reads news articles in the terminal: the list, the article,
and every quotation in it with who said it.

Usage:
  newsreader [PATH...]                  read in the terminal (default: ./seeds, else the built-in seeds)
  newsreader quotes [--json] PATH...    print every quote found, with its speaker
  newsreader list [--json] PATH...      print one line per article
  newsreader search [--json] [--limit N] QUERY PATH...  the articles that answer QUERY, best first
  newsreader --help                     this help
  newsreader --version                  the version

PATHs are files or folders; folders are read recursively. Plain text and
markdown (with YAML front matter) are read, gzip-compressed too.
In the reader, press ? for the keys.
`

// Main runs the command and returns its exit code.
func Main(args []string, env Env) int {
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
	fl.SetOutput(env.Stderr)
	fl.Usage = func() { fmt.Fprint(env.Stderr, usage) }
	version := fl.Bool("version", false, "print the version")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, usage)
			return 0
		}
		return 2
	}
	if *version {
		fmt.Fprintf(env.Stdout, "newsreader %s%s\n", Version, buildInfo())
		return 0
	}
	return runReader(fl.Args(), env)
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

// subcommand parses a headless command's flags; it needs at least one PATH.
func subcommand(name string, args []string, env Env) (*flag.FlagSet, *bool, []string, bool) {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	asJSON := fl.Bool("json", false, "print one JSON object per line")
	fl.Usage = func() { fmt.Fprintf(env.Stderr, "usage: newsreader %s [--json] PATH...\n", name) }
	if err := fl.Parse(args); err != nil {
		return nil, nil, nil, false
	}
	paths := fl.Args()
	if len(paths) == 0 {
		fl.Usage()
		return nil, nil, nil, false
	}
	return fl, asJSON, paths, true
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
