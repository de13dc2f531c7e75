package ui

import (
	"newsreader/internal/state"
	"newsreader/store"
)

// memory is what the reader remembers of articles: read, starred, and where
// reading stopped. With no state file it remembers for the session only.
// Keys are hashed when an article is read (store.Article.Key), so drawing a
// row costs no hashing.
type memory struct {
	marks *state.Marks

	read, starred map[string]bool // without marks
}

func newMemory(marks *state.Marks) *memory {
	return &memory{marks: marks, read: map[string]bool{}, starred: map[string]bool{}}
}

func (m *memory) key(a *store.Article) string { return a.Key() }

func (m *memory) isRead(a *store.Article) bool {
	if m.marks != nil {
		return m.marks.IsRead(m.key(a))
	}
	return m.read[m.key(a)]
}

func (m *memory) isStarred(a *store.Article) bool {
	if m.marks != nil {
		return m.marks.IsStarred(m.key(a))
	}
	return m.starred[m.key(a)]
}

func (m *memory) setRead(a *store.Article, read bool) {
	if m.marks != nil {
		m.marks.SetRead(m.key(a), read)
		return
	}
	m.read[m.key(a)] = read
}

func (m *memory) setStarred(a *store.Article, starred bool) {
	if m.marks != nil {
		m.marks.SetStarred(m.key(a), starred)
		return
	}
	m.starred[m.key(a)] = starred
}

// carry gives an article's new version (its file edited, so its key
// changed) the read mark and star of the old one.
func (m *memory) carry(old, now *store.Article) {
	from, to := m.key(old), m.key(now)
	if from == to {
		return
	}
	if m.marks != nil {
		m.marks.Carry(from, to)
		return
	}
	if m.read[from] {
		m.read[to] = true
	}
	if m.starred[from] {
		m.starred[to] = true
	}
}

// savePosition remembers where reading is, for the next start.
func (m *memory) savePosition(a *store.Article, word, quote int) {
	if m.marks == nil || a == nil {
		return
	}
	m.marks.SetPosition(state.Position{Article: m.key(a), Path: a.Path, Word: word, Quote: quote + 1})
}

// position is where reading stopped last time; ok is false when nothing is kept.
func (m *memory) position() (state.Position, bool) {
	if m.marks == nil {
		return state.Position{}, false
	}
	p := m.marks.Position()
	return p, p.Article != ""
}
