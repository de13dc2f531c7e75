// Package store is the reader's domain: articles loaded into memory, their
// quotes and speakers, and search. It imports no UI package.
package store

import "sync"

// Store holds the loaded articles. It is safe for concurrent use: loading
// adds while the UI reads.
type Store struct {
	mu        sync.RWMutex
	articles  []*Article
	bySpeaker map[string][]QuoteRef
}

// New returns an empty store.
func New() *Store { return &Store{} }

// Add appends articles, giving each its ID.
func (s *Store) Add(arts ...*Article) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range arts {
		a.ID = len(s.articles)
		s.articles = append(s.articles, a)
		s.addSpeakers(a)
	}
}

// Len is the number of articles.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.articles)
}

// Article returns the article with the given ID, or nil.
func (s *Store) Article(id int) *Article {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if id < 0 || id >= len(s.articles) {
		return nil
	}
	return s.articles[id]
}

// Articles returns the articles in the order they were added. The slice
// is shared: do not modify it.
func (s *Store) Articles() []*Article {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.articles[:len(s.articles):len(s.articles)]
}
