package store

import (
	"slices"
	"testing"
	"time"

	"newsreader/store/quotes"
)

func TestSortArticlesBy(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }
	a := &Article{Path: "a.txt", Title: "Zebra", Date: day(1), Source: "bbc"}
	b := &Article{Path: "b.txt", Title: "Apple", Quotes: make([]quotes.Quote, 2), Source: "abc"}
	c := &Article{Path: "c.txt", Title: "Mango", Date: day(3), Quotes: make([]quotes.Quote, 1), Source: "bbc"}
	d := &Article{Path: "d.txt", Title: "Apple", Date: day(1)}
	for order, want := range map[string][]*Article{
		"date":   {c, a, d, b}, // newest first, undated last, ties by file
		"title":  {b, d, c, a},
		"quotes": {b, c, a, d},
		"source": {d, b, a, c},
		"":       {a, b, c, d},
	} {
		arts := []*Article{d, c, b, a}
		if known := SortArticlesBy(arts, order); known != (order != "") || !slices.Equal(arts, want) {
			t.Errorf("%q: known %v, order %v", order, known, paths(arts))
		}
	}
}
