package corpusgen_test

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsreader/internal/corpusgen"
	"newsreader/internal/testcorpus"
	"newsreader/store"
)

func TestGenerate(t *testing.T) {
	src, err := corpusgen.Load(testcorpus.BBC(t))
	if err != nil {
		t.Fatal(err)
	}
	var a, b []corpusgen.Article
	collect := func(dst *[]corpusgen.Article) func(int, corpusgen.Article) error {
		return func(_ int, x corpusgen.Article) error { *dst = append(*dst, x); return nil }
	}
	if err := src.Generate(300, 7, collect(&a)); err != nil {
		t.Fatal(err)
	}
	src.Generate(300, 7, collect(&b))
	size, quotes, speakers := 0, 0, 0
	for i := range a {
		if a[i].Text() != b[i].Text() {
			t.Fatalf("article %d differs for the same seed", i)
		}
		size += len(a[i].Text())
		arts, err := store.Parse("gen.txt", []byte(a[i].Text()))
		if err != nil {
			t.Fatal(err)
		}
		if arts[0].Title != a[i].Title {
			t.Errorf("article %d: the reader reads title %q, want %q", i, arts[0].Title, a[i].Title)
		}
		for _, q := range arts[0].Quotes {
			quotes++
			if q.Speaker != "" {
				speakers++
			}
		}
	}
	if mean := size / len(a); mean < 2000 || mean > 3000 {
		t.Errorf("mean article size %d bytes, want about 2.5 KB", mean)
	}
	if quotes < len(a) || speakers < quotes/3 {
		t.Errorf("%d quotes, %d with a speaker, in %d articles: want quotes with speakers", quotes, speakers, len(a))
	}
	var c []corpusgen.Article
	src.Generate(300, 8, collect(&c))
	same := 0
	for i := range a {
		if a[i].Text() == c[i].Text() {
			same++
		}
	}
	if same > 10 {
		t.Errorf("%d of 300 articles the same for another seed", same)
	}
}

func TestWriteDirAndRSS(t *testing.T) {
	src, err := corpusgen.Load(testcorpus.BBC(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := src.WriteDir(dir, 1200, 1); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 999, 1000, 1199} {
		if _, err := os.Stat(filepath.Join(dir, corpusgen.FileName(i))); err != nil {
			t.Error(err)
		}
	}
	if err := src.WriteDir(dir, 1, 1); err == nil {
		t.Error("WriteDir into a folder with files: no error")
	}
	var buf bytes.Buffer
	if err := src.WriteRSS(&buf, 50, 1); err != nil {
		t.Fatal(err)
	}
	var feed struct {
		Items []struct {
			Title       string `xml:"title"`
			Description string `xml:"description"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != 50 {
		t.Fatalf("%d items, want 50", len(feed.Items))
	}
	first, _ := os.ReadFile(filepath.Join(dir, corpusgen.FileName(0)))
	if title, _, _ := strings.Cut(string(first), "\n"); feed.Items[0].Title != title {
		t.Errorf("feed item 0 is %q, file 0 is %q: not the same articles", feed.Items[0].Title, title)
	}
	if !strings.HasPrefix(feed.Items[0].Description, "<p>") {
		t.Errorf("description %.40q: want paragraphs as HTML", feed.Items[0].Description)
	}
}

func TestCheckOutside(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared")
	os.MkdirAll(filepath.Join(shared, "corpora"), 0o755)
	os.Symlink(shared, filepath.Join(dir, "link"))
	for _, p := range []string{shared, filepath.Join(shared, "corpora", "new", "x"), filepath.Join(dir, "link", "out"), filepath.Join(dir, "x", "..", "shared", "y")} {
		if err := corpusgen.CheckOutside(p, shared); err == nil {
			t.Errorf("%s: allowed inside %s", p, shared)
		}
	}
	for _, p := range []string{filepath.Join(dir, "out"), filepath.Join(dir, "shared2"), dir + "/sharedx/y"} {
		if err := corpusgen.CheckOutside(p, shared); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}
