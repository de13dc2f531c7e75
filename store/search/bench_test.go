package search

// Benchmarks on articles generated from the BBC corpus (skipped without
// ../shared). The size is NEWSREADER_BENCH_N articles, 10,000 unless set:
//
//	NEWSREADER_BENCH_N=100000 go test -run XXX -bench . -cpu 1 -benchtime 1x ./store/search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"newsreader/internal/corpusgen"
	"newsreader/internal/testcorpus"
	"newsreader/store"
)

func benchSize(b *testing.B) int {
	if s := os.Getenv("NEWSREADER_BENCH_N"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			b.Fatalf("NEWSREADER_BENCH_N=%q: want a positive number", s)
		}
		return n
	}
	return 10000
}

var generated struct {
	sync.Mutex
	n     int
	arts  []*store.Article
	bytes int64 // title and text
}

// benchArticles are the generated articles, parsed as the reader parses a file.
func benchArticles(b *testing.B) ([]*store.Article, int64) {
	n := benchSize(b)
	generated.Lock()
	defer generated.Unlock()
	if generated.n == n {
		return generated.arts, generated.bytes
	}
	src, err := corpusgen.Load(testcorpus.BBC(b))
	if err != nil {
		b.Fatal(err)
	}
	arts := make([]*store.Article, 0, n)
	var size int64
	err = src.Generate(n, 1, func(i int, a corpusgen.Article) error {
		parsed, err := store.Parse(corpusgen.FileName(i), []byte(a.Text()))
		if err != nil {
			return err
		}
		arts = append(arts, parsed...)
		size += int64(len(parsed[0].Title) + len(parsed[0].Body))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	generated.n, generated.arts, generated.bytes = n, arts, size
	return arts, size
}

func BenchmarkIndex(b *testing.B) {
	arts, size := benchArticles(b)
	b.SetBytes(size)
	b.ResetTimer()
	for range b.N {
		x := New()
		x.AddBatch(arts)
	}
	b.ReportMetric(float64(len(arts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkIndexMemory reports the heap the index holds per byte of
// article text (title and body).
func BenchmarkIndexMemory(b *testing.B) {
	arts, size := benchArticles(b)
	var x *Index
	for range b.N {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		x = New()
		x.AddBatch(arts)
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(size), "index-bytes/text-byte")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "index-MB")
		b.ReportMetric(float64(size)/(1<<20), "text-MB")
	}
	runtime.KeepAlive(x)
}

// benchQueries are one- to three-word queries and phrases of two and three
// words, taken from random articles so each finds at least one.
func benchQueries(arts []*store.Article, n int) []string {
	rng := rand.New(rand.NewPCG(2, 3))
	var out []string
	for len(out) < n {
		a := arts[rng.IntN(len(arts))]
		words := Fold(a.Body)
		var content []string // words a reader would type
		for _, w := range words {
			if len(w) >= 4 && !stopWord[w] {
				content = append(content, w)
			}
		}
		if len(content) < 3 || len(words) < 4 {
			continue
		}
		switch kind := len(out) % 4; kind {
		case 0, 1, 2:
			q := ""
			for i := range kind + 1 {
				if i > 0 {
					q += " "
				}
				q += content[rng.IntN(len(content))]
			}
			out = append(out, q)
		case 3:
			k := 2 + rng.IntN(2)
			i := rng.IntN(len(words) - k)
			q := `"`
			for j := range k {
				if j > 0 {
					q += " "
				}
				q += words[i+j]
			}
			out = append(out, q+`"`)
		}
	}
	return out
}

var stopWord = map[string]bool{"that": true, "with": true, "have": true, "this": true, "from": true, "they": true,
	"been": true, "were": true, "said": true, "which": true, "their": true, "will": true, "would": true, "there": true,
	"about": true, "also": true, "more": true, "than": true, "when": true, "what": true, "into": true, "some": true}

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
	queries := benchQueries(arts, 1000)
	for _, limit := range []int{20, 500} {
		b.Run(fmt.Sprintf("limit=%d", limit), func(b *testing.B) {
			var times []time.Duration
			for range b.N {
				for _, q := range queries {
					start := time.Now()
					r := x.Search(q, limit)
					times = append(times, time.Since(start))
					if r.Total == 0 {
						b.Fatalf("%q found nothing", q)
					}
				}
			}
			reportPercentiles(b, times)
		})
	}
}

func reportPercentiles(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	at := func(p float64) float64 {
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(at(1), "max-ms")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkLoad compares loading the generated articles from files
// (store.LoadAll: read, decode, parse, quotes) with loading them while the
// index takes each batch as it arrives.
func BenchmarkLoad(b *testing.B) {
	n := benchSize(b)
	src, err := corpusgen.Load(testcorpus.BBC(b))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := src.WriteDir(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	load := func(index bool) time.Duration {
		runtime.GC()
		start := time.Now()
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
		return time.Since(start)
	}
	load(false) // the files into the page cache
	var plain, indexed time.Duration
	for range b.N {
		plain += load(false)
		indexed += load(true)
	}
	b.ReportMetric(plain.Seconds()/float64(b.N), "load-s")
	b.ReportMetric(indexed.Seconds()/float64(b.N), "load+index-s")
	b.ReportMetric(100*(indexed.Seconds()/plain.Seconds()-1), "index-overhead-%")
	b.ReportMetric(0, "ns/op")
}
