// Command newsreader reads news articles in the terminal: the list, the
// article, and the quotes in it with who said them.
package main

import (
	"embed"
	"os"

	"newsreader/internal/cli"
)

// seeds are the articles the reader ships with, so the installed binary
// works from any folder.
//
//go:embed seeds
var seeds embed.FS

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Env{Seeds: seeds, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
