// Package store is the reader's domain: articles loaded into memory, their
// quotes and speakers, and search. It imports no UI package.
package store

import (
	"maps"
	"slices"
	"sync"
)

// Store holds the loaded articles. It is safe for concurrent use: loading
// adds while the UI reads. Of the copies of one article in several files
// (same link, or same title and text) it shows one: the fullest, then the
// first in path order, whatever order they arrive in.
type Store struct {
	mu     sync.RWMutex
	shown  []*Article // in the order added; replaced, never changed in place, on removal
	nextID int
	byID   map[int]*Article
	byPath map[string][]*Article
	group  map[*Article]*dupGroup // every held article, shown or not
	byKey  map[string]*dupGroup
	// held articles by folded title: the text key is made for those that share one
	byTitle map[string][]*Article

	bySpeaker map[string][]QuoteRef // of the articles shown
	expected  int                   // the articles Expect made room for
}

// Update is what a change to the store did to the articles it shows.
type Update struct {
	Added      []*Article // now shown, in the reader's order
	Removed    []*Article // no longer shown: gone, or a fuller copy of them came
	Gone       []*Article // no longer held, shown or not: their file changed or went
	Duplicates int        // of the articles given, how many are held back as copies
}

// New returns an empty store.
func New() *Store {
	return &Store{byID: map[int]*Article{}, byPath: map[string][]*Article{}, group: map[*Article]*dupGroup{}, byKey: map[string]*dupGroup{}, byTitle: map[string][]*Article{}}
}

// Expect makes room for n articles in all: a load that has counted its
// files says how many, and the store's tables grow once instead of by
// doubling, which left each old table to the collector. Saying the same
// number again does nothing.
func (s *Store) Expect(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n <= max(len(s.byID), s.expected) {
		return
	}
	s.expected = n
	s.byID = grown(s.byID, n)
	s.byPath = grown(s.byPath, n)
	s.group = grown(s.group, n)
	s.byTitle = grown(s.byTitle, n)
}

// grown is a copy of m with room for n entries.
func grown[K comparable, V any](m map[K]V, n int) map[K]V {
	g := make(map[K]V, n)
	maps.Copy(g, m)
	return g
}

// Add adds articles, giving each its ID, and says which are shown.
func (s *Store) Add(arts ...*Article) Update {
	s.mu.Lock()
	defer s.mu.Unlock()
	var log changeLog
	dups := s.add(arts, &log)
	u := log.update(dups)
	s.apply(u)
	return u
}

// RemoveFile forgets the articles of a file (it was deleted).
func (s *Store) RemoveFile(path string) Update {
	return s.ReplaceFile(path, nil)
}

// ReplaceFile swaps the articles of a file for its new ones (it changed).
func (s *Store) ReplaceFile(path string, arts []*Article) Update {
	s.mu.Lock()
	defer s.mu.Unlock()
	var log changeLog
	gone := s.byPath[path]
	for _, a := range gone {
		delete(s.byID, a.ID)
		s.forgetTitle(a)
		s.leave(a, &log)
	}
	delete(s.byPath, path)
	dups := s.add(arts, &log)
	u := log.update(dups)
	u.Gone = gone
	s.apply(u)
	return u
}

// add holds new articles and returns how many are not shown.
func (s *Store) add(arts []*Article, log *changeLog) int {
	for _, a := range arts {
		if _, held := s.group[a]; held {
			continue
		}
		a.ID = s.nextID
		s.nextID++
		s.byID[a.ID] = a
		s.byPath[a.Path] = append(s.byPath[a.Path], a)
		s.noteTitle(a)
		s.join(a, log)
	}
	dups := 0
	for _, a := range arts {
		if s.group[a].shown != a {
			dups++
		}
	}
	return dups
}

// apply brings the shown list up to date.
func (s *Store) apply(u Update) {
	if len(u.Removed) > 0 {
		gone := make(map[*Article]bool, len(u.Removed))
		for _, a := range u.Removed {
			gone[a] = true
		}
		// a new slice: readers may still hold the old one
		s.shown = slices.DeleteFunc(slices.Clone(s.shown), func(a *Article) bool { return gone[a] })
		for _, a := range u.Removed {
			for _, q := range a.Quotes {
				if refs, ok := s.bySpeaker[q.Speaker]; ok {
					// a new slice: Speakers() hands out the old one
					if refs = slices.DeleteFunc(slices.Clone(refs), func(r QuoteRef) bool { return r.Article == a }); len(refs) > 0 {
						s.bySpeaker[q.Speaker] = refs
					} else {
						delete(s.bySpeaker, q.Speaker)
					}
				}
			}
		}
	}
	s.shown = append(s.shown, u.Added...)
	for _, a := range u.Added {
		s.addSpeakers(a)
	}
}

// Shown reports whether a is one of the articles shown: held, and not a
// copy of another or removed since.
func (s *Store) Shown(a *Article) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	g := s.group[a]
	return g != nil && g.shown == a
}

// Len is the number of articles shown.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.shown)
}

// Duplicates is how many articles the store holds back as copies of one it shows.
func (s *Store) Duplicates() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.group) - len(s.shown)
}

// Article returns the article with the given ID, shown or held back, or nil.
func (s *Store) Article(id int) *Article {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.byID[id]
}

// Articles returns the articles shown, in the order they were added. The
// slice is shared: do not modify it.
func (s *Store) Articles() []*Article {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.shown[:len(s.shown):len(s.shown)]
}
