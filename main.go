// Command newsreader reads news articles in the terminal: the list, the
// article, and the quotes in it with who said them.
package main

import (
	"embed"
	"os"
	"runtime"
	"runtime/debug"

	"newsreader/internal/cli"
	"newsreader/internal/xdg"
)

// seeds are the articles the reader ships with, so the installed binary
// works from any folder.
//
//go:embed seeds
var seeds embed.FS

func main() {
	if os.Getenv("NEWSREADER_PPROF") == "" {
		// no heap profile is asked for: its samples cost 1.5 MB at 10,000 articles
		runtime.MemProfileRate = 0
	}
	if os.Getenv("GOGC") == "" { // GOGC, when set, decides
		// Most of the heap is what stays for the session (the articles, the
		// index): collecting when it has grown by a third, not doubled, keeps
		// the peak near 1.33x what is live, for some 5% more CPU in a first
		// load (10,000 articles: 57 MB against 63-66 MB, warm, once a few
		// articles are read).
		debug.SetGCPercent(33)
	}
	os.Exit(cli.Main(os.Args[1:], cli.Env{Seeds: seeds, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, CacheDir: cacheDir()}))
}

// cacheDir is where snapshots of the libraries read are kept:
// NEWSREADER_CACHE names another folder, or "off" keeps none.
func cacheDir() string {
	switch v := os.Getenv("NEWSREADER_CACHE"); {
	case v == "off":
		return ""
	case v != "":
		return v
	}
	dir, err := xdg.CacheDir(os.Getenv)
	if err != nil {
		return ""
	}
	return dir
}
