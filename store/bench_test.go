package store_test

// Benchmarks of loading on articles generated from the BBC corpus (skipped
// without ../shared). The size is NEWSREADER_BENCH_N articles, 10,000
// unless set; the table asks for 100,000:
//
//	NEWSREADER_BENCH_N=100000 go test -run XXX -bench . -benchtime 3x ./store

import (
	"context"
	"testing"

	"newsreader/internal/corpusgen"
	"newsreader/internal/testcorpus"
	"newsreader/store"
)

// generated are n generated articles as the bytes of their files.
func generated(b *testing.B, n int) ([][]byte, int64) {
	src, err := corpusgen.Load(testcorpus.BBC(b))
	if err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	var size int64
	err = src.Generate(n, 1, func(i int, a corpusgen.Article) error {
		files = append(files, []byte(a.Text()))
		size += int64(len(files[i]))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return files, size
}

// BenchmarkParse is what loading does to a file once it is read, on one
// goroutine: decode, clean, find paragraphs, count words, extract quotes,
// key for duplicates.
func BenchmarkParse(b *testing.B) {
	files, size := generated(b, testcorpus.BenchN(b))
	b.SetBytes(size)
	b.ResetTimer()
	for range b.N {
		for i, f := range files {
			if _, err := store.Parse(corpusgen.FileName(i), f); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(files)), "µs/article")
}

// BenchmarkLoadFiles is store.Load of the generated files from disk, on all
// cores, and the store taking them (duplicates found): the reader's
// loading without the search index (see internal/cli's BenchmarkLoadLibrary
// for all of it).
func BenchmarkLoadFiles(b *testing.B) {
	n := testcorpus.BenchN(b)
	dir := testcorpus.GeneratedDir(b, n)
	b.ResetTimer()
	for range b.N {
		s := store.New()
		got := 0
		for batch := range store.Load(context.Background(), store.Source{Paths: []string{dir}}) {
			got += len(batch.Articles)
			s.Add(batch.Articles...)
		}
		if got != n {
			b.Fatalf("loaded %d of %d", got, n)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// parsedArticles are n generated articles as loading makes them.
func parsedArticles(b *testing.B, n int) []*store.Article {
	files, _ := generated(b, n)
	arts := make([]*store.Article, len(files))
	for i, f := range files {
		a, err := store.Parse(corpusgen.FileName(i), f)
		if err != nil || len(a) != 1 {
			b.Fatalf("%d articles, %v", len(a), err)
		}
		arts[i] = a[0]
	}
	return arts
}

// encodedArticles is the corpus parsed, and its articles as a snapshot
// writes them, one after the other.
func encodedArticles(b *testing.B) ([]*store.Article, []byte) {
	arts := parsedArticles(b, testcorpus.BenchN(b))
	var buf []byte
	for _, a := range arts {
		buf = store.AppendArticle(buf, a)
	}
	return arts, buf
}

// BenchmarkAppendArticle is writing a snapshot's articles, on one
// goroutine, into a buffer of their size.
func BenchmarkAppendArticle(b *testing.B) {
	arts, buf := encodedArticles(b)
	b.ResetTimer()
	for range b.N {
		buf = buf[:0]
		for _, a := range arts {
			buf = store.AppendArticle(buf, a)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
	b.ReportMetric(float64(len(buf))/float64(len(arts)), "bytes/article")
}

// BenchmarkDecodeArticle is reading them back, on one goroutine.
func BenchmarkDecodeArticle(b *testing.B) {
	arts, buf := encodedArticles(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for src := buf; len(src) > 0; {
			_, n, err := store.DecodeArticle(src)
			if err != nil {
				b.Fatal(err)
			}
			src = src[n:]
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
	b.ReportMetric(float64(len(buf))/float64(len(arts)), "bytes/article")
}
