package ui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"newsreader/store"
)

// Batches arrive in any order; the list is always in reading order, and
// of articles that sort alike the one that came first stays first.
func TestListAddKeepsOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		var arts []*store.Article
		for range rng.IntN(200) + 1 {
			arts = append(arts, &store.Article{Path: fmt.Sprintf("%03d.txt", rng.IntN(100)), Entry: rng.IntN(3)})
		}
		l := newListPane(nil, nil, newMemory(nil))
		rng.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
		rest := slices.Clone(arts) // in the order they come
		for len(rest) > 0 {
			n := min(len(rest), rng.IntN(40)+1)
			l.add(rest[:n])
			rest = rest[n:]
		}
		want := slices.Clone(arts)
		slices.SortStableFunc(want, func(a, b *store.Article) int {
			if store.ArticleLess(a, b) {
				return -1
			}
			if store.ArticleLess(b, a) {
				return 1
			}
			return 0
		})
		if !slices.Equal(l.all, want) {
			t.Fatalf("round %d: list out of reading order", round)
		}
	}
}
