// Package testcorpus finds the shared corpora beside the project for tests
// and benchmarks, which skip when they are absent.
package testcorpus

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Shared returns the shared folder, ../shared from the module root, or
// skips the test when there is none.
func Shared(tb testing.TB) string {
	tb.Helper()
	dir, err := SharedDir()
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

// SharedDir finds the shared folder: ../shared beside the nearest folder
// at or above the working directory that holds a go.mod and has one
// (a nested module's go.mod is passed over).
func SharedDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if fi, err := os.Stat(shared); err == nil && fi.IsDir() {
				return shared, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no ../shared beside the module")
		}
		dir = parent
	}
}
