package search

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"newsreader/internal/testcorpus"
	"newsreader/store"
)

// BenchmarkSearchToEnd pages through every hit of a common word and of two
// words, 200 at a time, as G in the list does, from articles loaded from
// files and released (each hit's details read its file again). Set
// NEWSREADER_BENCH_DIR to a generated directory to skip writing one:
//
//	NEWSREADER_BENCH_DIR=/tmp/benchcache/articles-100000 go test -run XXX -bench SearchToEnd -cpu 1 -benchtime 1x ./store/search
func BenchmarkSearchToEnd(b *testing.B) {
	dir := os.Getenv("NEWSREADER_BENCH_DIR")
	if dir == "" {
		dir = testcorpus.GeneratedDir(b, benchSize(b))
	}
	x := New()
	for batch := range store.Load(context.Background(), store.Source{Paths: []string{dir}}) {
		x.AddBatch(batch.Articles)
		for _, a := range batch.Articles {
			a.Release()
		}
	}
	x.Compact()
	for _, q := range []string{"said", "prime minister"} {
		b.Run(q, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			var hits, pages int
			var kept []Hit // as the list holds them
			var before, after runtime.MemStats
			var cpu, wall time.Duration
			for range b.N {
				hits, pages, kept = 0, 0, nil
				runtime.GC()
				runtime.ReadMemStats(&before)
				start, startCPU := time.Now(), threadCPU()
				for from := 0; ; from += 200 {
					r, err := x.SearchPage(context.Background(), q, from, 200)
					if err != nil {
						b.Fatal(err)
					}
					hits += len(r.Hits)
					kept = append(kept, r.Hits...)
					pages++
					if len(r.Hits) < 200 {
						break
					}
				}
				cpu += threadCPU() - startCPU
				wall += time.Since(start)
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(kept)
			}
			b.Logf("%q: %d hits in %d pages", q, hits, pages)
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms")
			b.ReportMetric(float64(wall.Milliseconds())/float64(b.N), "wall-ms")
			b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "held-MB")
			b.ReportMetric(0, "ns/op")
		})
	}
}
