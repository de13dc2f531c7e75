package cli

import (
	"context"
	"fmt"
	"os/signal"
	"runtime"
	"slices"
	"sync"
	"syscall"

	"newsreader/internal/snapshot"
	"newsreader/store"
	"newsreader/store/search"
)

// library is everything loaded the way the reader loads it: each article
// once, its quotes found, and the search index built while loading goes on.
type library struct {
	store   *store.Store
	index   *search.Index
	allRead bool
	saved   chan error // the snapshot being written; nil when none is
}

// loadLibrary loads paths, reports each file that failed on stderr, and
// returns when the index holds every article.
func loadLibrary(src store.Source, env Env) library {
	lib := library{store: store.New(), index: search.New(), allRead: true}
	snap := snapshot.For(env.CacheDir, src)
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
	var batches <-chan store.Batch
	if snap != nil {
		batches = snap.Load(context.Background(), src)
	} else {
		batches = store.Load(context.Background(), src)
	}
	took := false
	for b := range batches {
		if b.Counted {
			lib.store.Expect(b.Found) // once: the same count again does nothing
		}
		if snap != nil && !took {
			// once, before anything is indexed (see Load): the indexers read it
			lib.index, took = snap.Index(), true
		}
		for _, e := range b.Errors {
			fmt.Fprintf(env.Stderr, "newsreader: %s: %s\n", oneLine(e.Path), oneLine(e.Err.Error()))
			lib.allRead = false
		}
		u := lib.store.Add(b.Articles...)
		// those of the snapshot are in the index already
		if fresh := slices.DeleteFunc(u.Added, snap.Indexed); len(fresh) > 0 {
			toIndex <- fresh
		}
	}
	close(toIndex)
	wg.Wait()
	lib.index.Compact() // nothing more to add: the compact form only
	if n := lib.store.Duplicates(); n > 0 {
		fmt.Fprintf(env.Stderr, "newsreader: %d duplicate %s not listed (same link, or same title and text as one listed)\n", n, plural(n, "article", "articles"))
	}
	if snap != nil {
		// written while the answer is printed (see close); a reader of
		// the answer that stops early (| head) must not stop it halfway
		signal.Ignore(syscall.SIGPIPE)
		lib.saved = make(chan error, 1)
		go func() { lib.saved <- snap.Save() }()
	}
	return lib
}

// close waits for the snapshot to be written, and says when it could not be.
func (l library) close(env Env) {
	if l.saved == nil {
		return
	}
	if err := <-l.saved; err != nil {
		fmt.Fprintf(env.Stderr, "newsreader: keeping a snapshot of the library: %s\n", oneLine(err.Error()))
	}
}

// release lets go of the bodies that their files can give again: once
// indexed, memory holds what the list, the quotes and search need.
func release(arts []*store.Article) {
	for _, a := range arts {
		a.Release()
	}
}

// articles are the articles shown, in the order the reader's list has
// with that sort setting.
func (l library) articles(order string) []*store.Article {
	arts := slices.Clone(l.store.Articles())
	store.SortArticlesBy(arts, order)
	return arts
}
