package cli

// BenchmarkLoadLibrary is `newsreader list` in-process, but printing: the
// generated files read, parsed, their quotes found, duplicates put aside
// and the search index built. NEWSREADER_BENCH_N articles, 10,000 unless
// set (skipped without ../shared):
//
//	NEWSREADER_BENCH_N=100000 go test -run XXX -bench LoadLibrary -benchtime 3x ./internal/cli

import (
	"io"
	"runtime"
	"strings"
	"testing"

	"newsreader/internal/testcorpus"
	"newsreader/store"
)

func BenchmarkLoadLibrary(b *testing.B) {
	n := testcorpus.BenchN(b)
	dir := testcorpus.GeneratedDir(b, n)
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
