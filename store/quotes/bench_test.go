package quotes_test

import (
	"io/fs"
	"newsreader/internal/storetest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"newsreader/internal/testcorpus"
	"newsreader/store"
	"newsreader/store/quotes"
)

// corpus loads the articles of a folder of ../shared/corpora, or skips.
func corpus(b *testing.B, name string) []*store.Article {
	b.Helper()
	root := filepath.Join(testcorpus.Shared(b), "corpora", name)
	if _, err := os.Stat(root); err != nil {
		b.Skipf("%s is absent", root)
	}
	var arts []*store.Article
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".txt" {
			return err
		}
		as, err := store.ReadFile(nil, p)
		if err == nil {
			arts = append(arts, as...)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return arts
}

// BenchmarkExtractBBC is extraction alone over the 2,225 BBC articles; the
// MB/s it reports is the throughput of quotes at load time, on one core.
func BenchmarkExtractBBC(b *testing.B) {
	arts := corpus(b, "bbc")
	var size int64
	for _, a := range arts {
		size += int64(len(storetest.Body(a)))
	}
	b.SetBytes(size)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, a := range arts {
			n += len(quotes.Extract(storetest.Body(a), storetest.Paras(a)))
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "quotes/op")
}

// BenchmarkParseBBC is the whole of loading an article from its bytes
// (decode, clean, paragraphs, quotes), to set extraction against.
func BenchmarkParseBBC(b *testing.B) {
	arts := corpus(b, "bbc")
	files := make(map[string][]byte, len(arts))
	var size int64
	for _, a := range arts {
		data, err := os.ReadFile(a.Path)
		if err != nil {
			b.Fatal(err)
		}
		files[a.Path] = data
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for p, data := range files {
			if _, err := store.Parse(p, data); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkStagesBBC splits loading an article into its stages, timed file
// by file in the same pass so that a busy machine slows them alike: decode
// (bytes to clean text), parse (title, paragraphs, words: store.Parse less
// the other two) and extract (quotes). It reports each stage's share of
// Parse in percent.
func BenchmarkStagesBBC(b *testing.B) {
	arts := corpus(b, "bbc")
	type file struct {
		path string
		data []byte
		art  *store.Article
	}
	var files []file
	for _, a := range arts {
		data, err := os.ReadFile(a.Path)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, file{a.Path, data, a})
	}
	var decode, parse, extract time.Duration
	for b.Loop() {
		for _, f := range files {
			t0 := time.Now()
			if _, _, _, err := store.Decode(f.data); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			if _, err := store.Parse(f.path, f.data); err != nil {
				b.Fatal(err)
			}
			t2 := time.Now()
			quotes.Extract(storetest.Body(f.art), storetest.Paras(f.art))
			t3 := time.Now()
			decode, parse, extract = decode+t1.Sub(t0), parse+t2.Sub(t1), extract+t3.Sub(t2)
		}
	}
	rest := parse - decode - extract
	b.ReportMetric(100*float64(decode)/float64(parse), "%decode")
	b.ReportMetric(100*float64(rest)/float64(parse), "%parse")
	b.ReportMetric(100*float64(extract)/float64(parse), "%extract")
}
