package search

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"newsreader/internal/testcorpus"
	"newsreader/store"
)

// relevance holds queries a reader might type for a story, each with the
// article(s) that story is, chosen by reading them (several when the
// corpus holds the story twice). The words are the reader's, not copied
// from the headline.
var relevance = []struct {
	query string
	want  []string
}{
	{"ryanair boeing order", []string{"business/047.txt"}},
	{"yukos sues russian government", []string{"business/127.txt"}},
	{"hariri assassination beirut shares", []string{"business/167.txt"}},
	{"cannabis drug canada", []string{"business/327.txt"}},
	{"sunderland takeover bid", []string{"business/367.txt"}},
	{"worldcom ebbers accounting trial", []string{"business/087.txt"}},
	{"renault profits 2004", []string{"business/247.txt"}},
	{"japan elderly workers", []string{"business/287.txt"}},
	{"hotel rwanda berlin festival", []string{"entertainment/047.txt"}},
	{"celebrity jungle viewers", []string{"entertainment/207.txt"}},
	{"britney spears insurance", []string{"entertainment/247.txt"}},
	{"kidman paparazzi", []string{"entertainment/327.txt"}},
	{"rem glasgow gig", []string{"entertainment/287.txt"}},
	{"boothroyd lords speaker", []string{"politics/287.txt"}},
	{"attorney general iraq war legal advice", []string{"politics/327.txt"}},
	{"tory immigration asylum quotas", []string{"politics/087.txt"}},
	{"kenteris motorbike crash", []string{"sport/047.txt"}},
	{"sania mirza serena williams", []string{"sport/447.txt"}},
	{"martin johnson retires rugby", []string{"sport/367.txt"}},
	{"froze hard disk computer mishaps", []string{"tech/207.txt"}},
	{"text messages sent 2004 record", []string{"tech/287.txt"}},
	{"laptop battery all day", []string{"tech/367.txt"}},
	{"nintendo ds adapter music video", []string{"tech/247.txt"}},
	{"microsoft windows security fixes", []string{"tech/007.txt"}},
	{"americans own mp3 player survey", []string{"tech/047.txt", "tech/327.txt"}},
}

var bbcOnce struct {
	sync.Once
	arts []*store.Article
	err  error
}

// bbc loads the BBC corpus once for the tests that read it.
func bbc(t *testing.T) (string, []*store.Article) {
	dir := testcorpus.BBC(t)
	bbcOnce.Do(func() {
		arts, errs := store.LoadAll(context.Background(), store.Source{Paths: []string{dir}})
		bbcOnce.arts = arts
		if len(errs) > 0 {
			bbcOnce.err = errs[0]
		}
	})
	if bbcOnce.err != nil {
		t.Fatalf("loading the BBC corpus: %v", bbcOnce.err)
	}
	return dir, bbcOnce.arts
}

// TestRelevance: the article a reader expects is among the first three.
func TestRelevance(t *testing.T) {
	dir, arts := bbc(t)
	x := New()
	x.AddBatch(arts)
	for _, tt := range relevance {
		r := x.Search(tt.query, 3)
		var got []string
		for _, h := range r.Hits {
			rel, _ := filepath.Rel(dir, h.Article.Path)
			got = append(got, filepath.ToSlash(rel))
		}
		if !slices.ContainsFunc(got, func(p string) bool { return slices.Contains(tt.want, p) }) {
			var titles []string
			for _, h := range r.Hits {
				titles = append(titles, h.Article.Title)
			}
			t.Errorf("%q: top 3 %v (%s), want %v", tt.query, got, strings.Join(titles, " | "), tt.want)
		}
	}
}
