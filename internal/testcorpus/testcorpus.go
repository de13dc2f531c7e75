// Package testcorpus finds the shared corpora beside the project for tests
// and benchmarks, which skip when they are absent.
package testcorpus

import (
	"os"
	"path/filepath"
	"strconv"
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

// BenchN is the size of the generated corpus benchmarks use:
// NEWSREADER_BENCH_N articles, 10,000 unless set.
func BenchN(tb testing.TB) int {
	tb.Helper()
	s := os.Getenv("NEWSREADER_BENCH_N")
	if s == "" {
		return 10000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		tb.Fatalf("NEWSREADER_BENCH_N=%q: want a positive number", s)
	}
	return n
}

// GeneratedDir writes n generated articles as files into a temporary
// folder and returns it, or skips without the BBC corpus.
func GeneratedDir(tb testing.TB, n int) string {
	tb.Helper()
	src, err := corpusgen.Load(BBC(tb))
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	if err := src.WriteDir(dir, n, 1); err != nil {
		tb.Fatal(err)
	}
	return dir
}
