package search

// Benchmarks on articles generated from the BBC corpus (skipped without
// ../shared). The size is NEWSREADER_BENCH_N articles, 10,000 unless set:
//
//	NEWSREADER_BENCH_N=100000 go test -run XXX -bench . -cpu 1 -benchtime 1x ./store/search

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"newsreader/internal/storetest"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"newsreader/internal/corpusgen"
	"newsreader/internal/testcorpus"
	"newsreader/store"
	"newsreader/store/search/internal/benchq"
)

func benchSize(b *testing.B) int {
	n, err := benchq.Size()
	if err != nil {
		b.Fatal(err)
	}
	return n
}

var generated struct {
	sync.Mutex
	*benchq.Corpus
}

// benchArticles are the generated articles, parsed as the reader parses a file.
func benchArticles(b *testing.B) ([]*store.Article, int64) {
	n := benchSize(b)
	generated.Lock()
	defer generated.Unlock()
	if generated.Corpus == nil || len(generated.Files) != n {
		c, err := benchq.Generate(testcorpus.BBC(b), n)
		if err != nil {
			b.Fatal(err)
		}
		generated.Corpus = c
	}
	return generated.Articles, generated.Bytes
}

// BenchmarkParseThenIndex parses the generated files (decode, parse,
// quotes: what a load does but reading) and indexes the articles, a
// thousand at a time, and reports indexing's CPU time as a share of
// parsing's. Machines here are shared, so each thousand counts at its
// fastest of the b.N rounds: run it with -benchtime 5x or more.
func BenchmarkParseThenIndex(b *testing.B) {
	benchArticles(b)
	texts := generated.Files
	const chunk = 1000
	chunks := (len(texts) + chunk - 1) / chunk
	parse := make([]time.Duration, chunks)
	index := make([]time.Duration, chunks)
	fastest := func(d *time.Duration, v time.Duration) {
		if *d == 0 || v < *d {
			*d = v
		}
	}
	for range b.N {
		x := New()
		for c := range chunks {
			part := texts[c*chunk : min(len(texts), (c+1)*chunk)]
			start := processCPU()
			arts := make([]*store.Article, 0, len(part))
			for i, t := range part {
				a, err := store.Parse(corpusgen.FileName(c*chunk+i), t)
				if err != nil {
					b.Fatal(err)
				}
				arts = append(arts, a...)
			}
			fastest(&parse[c], processCPU()-start)
			start = processCPU()
			x.AddBatch(arts)
			fastest(&index[c], processCPU()-start)
		}
	}
	var p, ix time.Duration
	for c := range chunks {
		p += parse[c]
		ix += index[c]
	}
	n := float64(len(texts))
	b.ReportMetric(float64(p.Microseconds())/n, "parse-cpu-µs/article")
	b.ReportMetric(float64(ix.Microseconds())/n, "index-cpu-µs/article")
	b.ReportMetric(100*ix.Seconds()/p.Seconds(), "index/parse-%")
	b.ReportMetric(0, "ns/op")
}

func BenchmarkIndex(b *testing.B) {
	arts, size := benchArticles(b)
	b.SetBytes(size)
	b.ResetTimer()
	cpu := processCPU()
	for range b.N {
		x := New()
		x.AddBatch(arts)
	}
	cpu = processCPU() - cpu
	b.ReportMetric(float64(len(arts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(len(arts)*b.N), "cpu-µs/article")
	b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
}

// BenchmarkIndexMemory reports the heap the index holds per byte of
// article text (title and body) once loading is done and it is compacted,
// and in MB before Compact, with segments still open as while loading.
func BenchmarkIndexMemory(b *testing.B) {
	arts, size := benchArticles(b)
	var x *Index
	for range b.N {
		runtime.GC()
		var before, open, after runtime.MemStats
		runtime.ReadMemStats(&before)
		x = New()
		x.AddBatch(arts)
		runtime.GC()
		runtime.ReadMemStats(&open)
		x.Compact()
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(size), "index-bytes/text-byte")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "index-MB")
		b.ReportMetric(float64(open.HeapAlloc-before.HeapAlloc)/(1<<20), "open-index-MB")
		b.ReportMetric(float64(size)/(1<<20), "text-MB")
	}
	runtime.KeepAlive(x)
}

var built struct {
	sync.Mutex
	n int
	x *Index
}

func benchIndex(b *testing.B) (*Index, []*store.Article) {
	arts, _ := benchArticles(b)
	built.Lock()
	defer built.Unlock()
	if built.n != len(arts) {
		built.x = New()
		built.x.AddBatch(arts)
		built.n = len(arts)
	}
	return built.x, arts
}

// BenchmarkQuery times each query of a fixed set and reports the
// percentiles; run it with -cpu 1 for one core.
func BenchmarkQuery(b *testing.B) {
	x, arts := benchIndex(b)
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = storetest.Body(a)
	}
	queries := benchq.Queries(texts, 1000)
	for _, limit := range []int{20, 500} {
		b.Run(fmt.Sprintf("limit=%d", limit), func(b *testing.B) { timeQueries(b, x, queries, limit) })
	}
}

// BenchmarkQueryReleased is BenchmarkQuery as the reader answers: the
// articles loaded from files and their bodies released, so that every hit's
// snippet reads its file again; 200 hits, as the list asks for.
func BenchmarkQueryReleased(b *testing.B) {
	dir := testcorpus.GeneratedDir(b, benchSize(b))
	x := New()
	var texts []string
	for batch := range store.Load(context.Background(), store.Source{Paths: []string{dir}}) {
		for _, a := range batch.Articles {
			texts = append(texts, storetest.Body(a))
		}
		x.AddBatch(batch.Articles)
		for _, a := range batch.Articles {
			a.Release()
		}
	}
	queries := benchq.Queries(texts, 1000)
	texts = nil
	b.Run("limit=200", func(b *testing.B) { timeQueries(b, x, queries, 200) })
}

// timeQueries times each query and reports the percentiles of wall and
// CPU time, and the slowest queries.
func timeQueries(b *testing.B, x *Index, queries []string, limit int) {
	runtime.LockOSThread() // for the thread's CPU time
	defer runtime.UnlockOSThread()
	var wall, cpu []time.Duration
	type timed struct {
		q   string
		cpu time.Duration
		n   int
	}
	var slowest []timed
	for range b.N {
		for _, q := range queries {
			start, startCPU := time.Now(), threadCPU()
			r := x.Search(q, limit)
			cpu = append(cpu, threadCPU()-startCPU)
			wall = append(wall, time.Since(start))
			if r.Total == 0 {
				b.Fatalf("%q found nothing", q)
			}
			slowest = append(slowest, timed{q, cpu[len(cpu)-1], r.Total})
		}
	}
	slices.SortFunc(slowest, func(a, b timed) int { return int(b.cpu - a.cpu) })
	for _, t := range slowest[:min(5, len(slowest))] {
		b.Logf("slow: %q %v CPU, %d found", t.q, t.cpu, t.n)
	}
	reportPercentiles(b, "", wall)
	reportPercentiles(b, "cpu-", cpu)
	b.ReportMetric(0, "ns/op")
}

func reportPercentiles(b *testing.B, prefix string, times []time.Duration) {
	slices.Sort(times)
	at := func(p float64) float64 {
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), prefix+"p50-ms")
	b.ReportMetric(at(0.99), prefix+"p99-ms")
	b.ReportMetric(at(1), prefix+"max-ms")
}

// BenchmarkLoad compares loading the generated articles from files
// (store.Load: read, decode, parse, quotes) with loading them while the
// index takes each batch as it arrives; each figure is the fastest of the
// b.N rounds.
func BenchmarkLoad(b *testing.B) {
	n := benchSize(b)
	dir := testcorpus.GeneratedDir(b, n)
	load := func(index bool) (time.Duration, time.Duration) {
		runtime.GC()
		start, startCPU := time.Now(), processCPU()
		x := New()
		got := 0
		for batch := range store.Load(context.Background(), store.Source{Paths: []string{dir}}) {
			got += len(batch.Articles)
			if index {
				x.AddBatch(batch.Articles)
			}
		}
		if got != n || index && x.Len() != n {
			b.Fatalf("loaded %d and indexed %d of %d", got, x.Len(), n)
		}
		return time.Since(start), processCPU() - startCPU
	}
	load(false) // the files into the page cache
	// each at its fastest of the b.N rounds: the machines are shared
	var plain, indexed, plainCPU, indexedCPU time.Duration
	fastest := func(d *time.Duration, v time.Duration) {
		if *d == 0 || v < *d {
			*d = v
		}
	}
	for range b.N {
		w, c := load(false)
		fastest(&plain, w)
		fastest(&plainCPU, c)
		w, c = load(true)
		fastest(&indexed, w)
		fastest(&indexedCPU, c)
	}
	b.ReportMetric(plain.Seconds(), "load-s")
	b.ReportMetric(indexed.Seconds(), "load+index-s")
	b.ReportMetric(100*(indexed.Seconds()/plain.Seconds()-1), "index-overhead-%")
	b.ReportMetric(plainCPU.Seconds(), "load-cpu-s")
	b.ReportMetric(indexedCPU.Seconds(), "load+index-cpu-s")
	b.ReportMetric(100*(indexedCPU.Seconds()/plainCPU.Seconds()-1), "index-cpu-overhead-%")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkSnapshot saves the compacted index of the generated articles
// (to io.Discard) and restores it, and reports the snapshot's size and the
// heap a restored index holds besides the snapshot's bytes.
func BenchmarkSnapshot(b *testing.B) {
	arts, _ := benchArticles(b)
	x := New()
	x.AddBatch(arts)
	x.Compact()
	number := ordinals(arts)
	var buf bytes.Buffer
	if err := x.Save(&buf, number); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.Run("Save", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if err := x.Save(io.Discard, number); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(data))/(1<<20), "snapshot-MB")
	})
	b.Run("Restore", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Restore(data, arts); err != nil {
				b.Fatal(err)
			}
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		y, _ := Restore(data, arts)
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(y)
		b.ReportMetric(float64(len(data))/(1<<20), "snapshot-MB")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
		b.ReportMetric(float64(len(y.dict.terms)), "terms")
	})
}

// BenchmarkRestoreVocabulary restores an index of 500,000 words of random
// letters, each its own stem: the dictionary's worst case, where the term
// table and the stems' map are most of the work.
func BenchmarkRestoreVocabulary(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	arts := make([]*store.Article, 5000)
	for i := range arts {
		var text strings.Builder
		fmt.Fprintf(&text, "Title %d\n\n", i)
		for range 100 {
			for range 4 + rng.IntN(8) {
				text.WriteByte(byte('a' + rng.IntN(26)))
			}
			text.WriteString("ing ")
		}
		arts[i] = article(b, fmt.Sprintf("v%d.txt", i), text.String())
	}
	x := New()
	x.AddBatch(arts)
	x.Compact()
	var buf bytes.Buffer
	if err := x.Save(&buf, ordinals(arts)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := Restore(buf.Bytes(), arts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(x.dict.terms)), "terms")
	b.ReportMetric(float64(len(x.dict.family)), "stems")
}
