package cli

// BenchmarkLoadLibrary is `newsreader list` in-process, but printing: the
// generated files read, parsed, their quotes found, duplicates put aside
// and the search index built. NEWSREADER_BENCH_N articles, 10,000 unless
// set (skipped without ../shared):
//
//	NEWSREADER_BENCH_N=100000 go test -run XXX -bench LoadLibrary -benchtime 3x ./internal/cli

import (
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"newsreader/internal/corpusgen"
	"newsreader/internal/testcorpus"
	"newsreader/store"
)

func BenchmarkLoadLibrary(b *testing.B) {
	n := 10000
	if s := os.Getenv("NEWSREADER_BENCH_N"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n <= 0 {
			b.Fatalf("NEWSREADER_BENCH_N=%q: want a positive number", s)
		}
	}
	src, err := corpusgen.Load(testcorpus.BBC(b))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := src.WriteDir(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	env := Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard}
	loadLibrary(store.Source{Paths: []string{dir}}, env) // the files into the page cache
	var peak uint64
	b.ResetTimer()
	for range b.N {
		lib := loadLibrary(store.Source{Paths: []string{dir}}, env)
		if got := lib.index.Len() + lib.store.Duplicates(); got != n {
			b.Fatalf("indexed %d and put aside %d copies of %d", lib.index.Len(), lib.store.Duplicates(), n)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(peak)/1e6, "heap-inuse-MB")
}
