package cli

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"newsreader/store"
	"newsreader/store/search"
)

// library is everything loaded the way the reader loads it: each article
// once, its quotes found, and the search index built while loading goes on.
type library struct {
	store   *store.Store
	index   *search.Index
	allRead bool
}

// loadLibrary loads paths, reports each file that failed on stderr, and
// returns when the index holds every article.
func loadLibrary(src store.Source, env Env) library {
	lib := library{store: store.New(), index: search.New(), allRead: true}
	toIndex := make(chan []*store.Article, 1) // texts read wait in memory until indexed: keep few
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)/2) { // the other cores parse
		wg.Add(1)
		go func() {
			defer wg.Done()
			for arts := range toIndex {
				lib.index.AddBatch(arts)
				release(arts)
			}
		}()
	}
	for b := range store.Load(context.Background(), src) {
		for _, e := range b.Errors {
			fmt.Fprintf(env.Stderr, "newsreader: %s: %s\n", oneLine(e.Path), oneLine(e.Err.Error()))
			lib.allRead = false
		}
		if u := lib.store.Add(b.Articles...); len(u.Added) > 0 {
			toIndex <- u.Added
		}
	}
	close(toIndex)
	wg.Wait()
	lib.index.Compact() // nothing more to add: the compact form only
	if n := lib.store.Duplicates(); n > 0 {
		fmt.Fprintf(env.Stderr, "newsreader: %d duplicate %s not listed (same link, or same title and text as one listed)\n", n, plural(n, "article", "articles"))
	}
	return lib
}

// release lets go of the bodies that their files can give again: once
// indexed, memory holds what the list, the quotes and search need.
func release(arts []*store.Article) {
	for _, a := range arts {
		a.Release()
	}
}

// articles are the articles shown, in path order.
func (l library) articles() []*store.Article {
	arts := slices.Clone(l.store.Articles())
	store.SortArticles(arts)
	return arts
}
