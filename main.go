// Command newsreader reads news articles in the terminal: the list, the
// article, and the quotes in it with who said them.
package main

import (
	"embed"
	"os"
	"runtime/debug"

	"newsreader/internal/cli"
)

// seeds are the articles the reader ships with, so the installed binary
// works from any folder.
//
//go:embed seeds
var seeds embed.FS

func main() {
	// Most of the heap is what stays for the session (the index, the
	// articles): collecting when it has grown by half, not doubled, keeps
	// the peak near 1.5x what is live. GOGC still decides when it is set.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	os.Exit(cli.Main(os.Args[1:], cli.Env{Seeds: seeds, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
