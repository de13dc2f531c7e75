// Package testcorpus finds the shared corpora beside the project for tests
// and benchmarks, which skip when they are absent.
package testcorpus

import (
	"os"
	"path/filepath"
	"testing"

	"newsreader/internal/corpusgen"
)

// Shared returns the shared folder, ../shared from the module root, or
// skips the test when there is none.
func Shared(tb testing.TB) string {
	tb.Helper()
	dir, err := corpusgen.FindShared()
	if err != nil {
		tb.Skip(err)
	}
	return dir
}

// BBC returns the BBC corpus folder, or skips the test.
func BBC(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(Shared(tb), "corpora", "bbc")
	if _, err := os.Stat(dir); err != nil {
		tb.Skip("no BBC corpus: ", err)
	}
	return dir
}
