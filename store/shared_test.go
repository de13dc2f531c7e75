package store

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// fullCorpus runs the corpus tests on every file instead of a sample, so the
// default `go test ./...` stays fast: go test ./store -run Corpus -corpus
var fullCorpus = flag.Bool("corpus", false, "run the corpus tests on every file of ../shared, not a sample")

// sharedDir is ../shared beside the module root, or skips the test when it
// is absent (the project builds without it).
func sharedDir(tb testing.TB, sub ...string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the package")
		}
		dir = parent
	}
	p := filepath.Join(append([]string{dir, "..", "shared"}, sub...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent", p)
	}
	return p
}

// moduleRoot is the folder holding go.mod.
func moduleRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := filepath.Abs("..")
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}
