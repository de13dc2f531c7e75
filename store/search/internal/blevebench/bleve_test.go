package blevebench

import (
	"fmt"
	"newsreader/internal/storetest"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"newsreader/internal/testcorpus"
	"newsreader/store"
	"newsreader/store/search/internal/benchq"
)

// article is what bleve indexes of an article: its title and its text,
// both through the English analyzer (stemming, stop words, possessives).
type article struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

// articles are the reader's benchmark articles: the same generator, seed
// and parsing.
func articles(b *testing.B) ([]*store.Article, int64) {
	n, err := benchq.Size()
	if err != nil {
		b.Fatal(err)
	}
	c, err := benchq.Generate(testcorpus.BBC(b), n)
	if err != nil {
		b.Fatal(err)
	}
	return c.Articles, c.Bytes
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// newIndex indexes the articles in memory: with scorch, bleve's index of
// today, unless BLEVE_INDEX=memonly asks for bleve.NewMemOnly (upsidedown
// over a tree in memory: on 10,000 articles it took 145 s and 600 MB).
func newIndex(b *testing.B, arts []*store.Article) bleve.Index {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	text.Store, text.DocValues = false, false // the reader keeps the text itself; positions stay, for phrases
	doc := bleve.NewDocumentMapping()
	doc.AddFieldMappingsAt("title", text)
	doc.AddFieldMappingsAt("body", text)
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	var idx bleve.Index
	var err error
	if os.Getenv("BLEVE_INDEX") == "memonly" {
		idx, err = bleve.NewMemOnly(m)
	} else {
		idx, err = bleve.NewUsing("", m, scorch.Name, scorch.Name, nil) // no path: in memory
	}
	if err != nil {
		b.Fatal(err)
	}
	batch := idx.NewBatch()
	for i, a := range arts {
		if err := batch.Index(strconv.Itoa(i), article{Title: a.Title, Body: storetest.Body(a)}); err != nil {
			b.Fatal(err)
		}
		if batch.Size() == 1000 || i == len(arts)-1 {
			if err := idx.Batch(batch); err != nil {
				b.Fatal(err)
			}
			batch.Reset()
		}
	}
	return idx
}

// BenchmarkBleveIndex: indexing time, CPU time and the heap the index holds.
func BenchmarkBleveIndex(b *testing.B) {
	arts, size := articles(b)
	for range b.N {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start, startCPU := time.Now(), processCPU()
		idx := newIndex(b, arts)
		wall, cpu := time.Since(start), processCPU()-startCPU
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(wall.Seconds(), "index-s")
		b.ReportMetric(float64(cpu.Microseconds())/float64(len(arts)), "cpu-µs/article")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(size), "index-bytes/text-byte")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "index-MB")
		idx.Close()
	}
	b.ReportMetric(0, "ns/op")
}

// toBleve reads a query of the benchmark set: words must all match, each
// in the title (weighing 3) or the text; a phrase likewise.
func toBleve(q string) query.Query {
	field := func(make func(string) query.Query, s string) query.Query {
		t, body := make(s), make(s)
		t.(query.FieldableQuery).SetField("title")
		t.(query.BoostableQuery).SetBoost(3)
		body.(query.FieldableQuery).SetField("body")
		return bleve.NewDisjunctionQuery(t, body)
	}
	if strings.HasPrefix(q, `"`) {
		return field(func(s string) query.Query { return bleve.NewMatchPhraseQuery(s) }, strings.Trim(q, `"`))
	}
	var words []query.Query
	for _, w := range strings.Fields(q) {
		words = append(words, field(func(s string) query.Query { return bleve.NewMatchQuery(s) }, w))
	}
	return bleve.NewConjunctionQuery(words...)
}

// BenchmarkBleveQuery: the percentiles of the benchmark queries, best 20
// (no highlighting: the reader's figures include its snippets).
func BenchmarkBleveQuery(b *testing.B) {
	arts, _ := articles(b)
	idx := newIndex(b, arts)
	defer idx.Close()
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = storetest.Body(a)
	}
	queries := benchq.Queries(texts, 1000)
	for _, limit := range []int{20, 500} {
		b.Run(fmt.Sprintf("limit=%d", limit), func(b *testing.B) {
			var times []time.Duration
			empty := 0
			for range b.N {
				for _, q := range queries {
					start := time.Now()
					res, err := idx.Search(bleve.NewSearchRequestOptions(toBleve(q), limit, 0, false))
					times = append(times, time.Since(start))
					if err != nil {
						b.Fatal(err)
					}
					if res.Total == 0 {
						empty++
					}
				}
			}
			slices.Sort(times)
			at := func(p float64) float64 {
				return float64(times[min(len(times)-1, int(p*float64(len(times))))].Microseconds()) / 1000
			}
			b.ReportMetric(at(0.5), "p50-ms")
			b.ReportMetric(at(0.99), "p99-ms")
			b.ReportMetric(at(1), "max-ms")
			b.ReportMetric(float64(empty)/float64(b.N), "queries-found-nothing")
			b.ReportMetric(0, "ns/op")
		})
	}
}
