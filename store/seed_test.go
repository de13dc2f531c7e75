package store

import (
	"os"
	"path/filepath"
	"testing"
)

// The seed article has four quotes: three by Vladimir Putin (one split by
// its attribution) and one by Ilham Aliyev.
func TestSeedQuotes(t *testing.T) {
	path := filepath.Join("..", "seeds", "000_8dc520a2081ff3ad.txt")
	arts, err := ReadFile(nil, path)
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	raw, _ := os.ReadFile(path)
	count := map[string]int{}
	spans := 0
	for _, q := range a.Quotes {
		for _, s := range q.Spans {
			spans++
			count[q.Speaker]++
			start, end := a.FileOffset(s.Start), a.FileOffset(s.End)
			if string(raw[start:end]) != bodyOf(a)[s.Start:s.End] {
				t.Errorf("file[%d:%d] = %q, body has %q", start, end, raw[start:end], bodyOf(a)[s.Start:s.End])
			}
		}
	}
	if spans != 4 || count["Vladimir Putin"] != 3 || count["Ilham Aliyev"] != 1 {
		t.Errorf("quotes by speaker = %v (%d spans); want 3 Vladimir Putin, 1 Ilham Aliyev", count, spans)
	}
	if a.Title == "" || len([]rune(a.Title)) > 80 {
		t.Errorf("headline %q", a.Title)
	}
}
