package search

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"
)

// A posting list has two streams per term. The article stream holds, for
// each article with the term, the gap from the previous article's number
// and then freq<<2 | min(occurrences in the title, 3). The position stream
// holds each occurrence's position as the gap from the previous one in the
// same article (the first from 0). Both are unsigned varints.

// builder is an open segment: articles are added to it until it is full.
type builder struct {
	mu      sync.RWMutex
	docs    []docInfo
	docPost [][]byte // term -> article stream
	posPost [][]byte // term -> position stream
	last    []uint32 // term -> the last article's number + 1
	termDF  []uint32 // term -> articles holding it
	stemDF  []uint32 // stem -> articles holding one of its words
	marks   []uint32 // stem -> the last article counted + 1
	terms   []uint32 // the terms present, as first seen
	stems   []uint32 // the stems present, as first seen
	stats   stats
}

// add appends one analysed article.
func (b *builder) add(an *analysis) {
	b.mu.Lock()
	defer b.mu.Unlock()
	doc := uint32(len(b.docs))
	d := an.doc
	d.quotes = slices.Clone(d.quotes)
	b.docs = append(b.docs, d)
	for j, t := range an.terms {
		if int(t) >= len(b.docPost) {
			n := int(t) + 1 + 4096
			b.docPost = append(b.docPost, make([][]byte, n-len(b.docPost))...)
			b.posPost = append(b.posPost, make([][]byte, n-len(b.posPost))...)
			b.last = append(b.last, make([]uint32, n-len(b.last))...)
			b.termDF = append(b.termDF, make([]uint32, n-len(b.termDF))...)
		}
		if b.termDF[t] == 0 {
			b.terms = append(b.terms, t)
		}
		b.termDF[t]++
		dp := binary.AppendUvarint(b.docPost[t], uint64(doc-b.last[t]))
		b.docPost[t] = binary.AppendUvarint(dp, uint64(an.freq[j])<<2|uint64(min(an.title[j], 3)))
		b.last[t] = doc + 1
		pp, prev := b.posPost[t], uint32(0)
		for _, p := range an.pos[an.first[j]:an.first[j+1]] {
			pp = binary.AppendUvarint(pp, uint64(p-prev))
			prev = p
		}
		b.posPost[t] = pp
		st := an.stems[j]
		if int(st) >= len(b.stemDF) {
			n := int(st) + 1 + 4096
			b.stemDF = append(b.stemDF, make([]uint32, n-len(b.stemDF))...)
			b.marks = append(b.marks, make([]uint32, n-len(b.marks))...)
		}
		if b.marks[st] != doc+1 {
			b.marks[st] = doc + 1
			if b.stemDF[st] == 0 {
				b.stems = append(b.stems, st)
			}
			b.stemDF[st]++
		}
	}
	b.stats.docs++
	b.stats.titleLen += int64(d.titleLen)
	b.stats.bodyLen += int64(d.bodyLen)
}

func (b *builder) postings(t uint32) ([]byte, []byte) {
	if int(t) >= len(b.docPost) {
		return nil, nil
	}
	return b.docPost[t], b.posPost[t]
}

// segment is a sealed segment: its posting lists packed in two arrays.
type segment struct {
	docs    []docInfo
	terms   []uint32 // sorted
	docOff  []uint32 // where each term's article stream starts; one more at the end
	posOff  []uint32
	docData []byte
	posData []byte
}

// compact packs a builder no Add writes to any more.
func (b *builder) compact() *segment {
	s := &segment{docs: b.docs, terms: slices.Clone(b.terms)}
	slices.Sort(s.terms)
	var nd, np int
	for _, t := range s.terms {
		nd += len(b.docPost[t])
		np += len(b.posPost[t])
	}
	s.docData = make([]byte, 0, nd)
	s.posData = make([]byte, 0, np)
	s.docOff = make([]uint32, 0, len(s.terms)+1)
	s.posOff = make([]uint32, 0, len(s.terms)+1)
	for _, t := range s.terms {
		s.docOff = append(s.docOff, uint32(len(s.docData)))
		s.posOff = append(s.posOff, uint32(len(s.posData)))
		s.docData = append(s.docData, b.docPost[t]...)
		s.posData = append(s.posData, b.posPost[t]...)
	}
	s.docOff = append(s.docOff, uint32(len(s.docData)))
	s.posOff = append(s.posOff, uint32(len(s.posData)))
	return s
}

func (s *segment) postings(t uint32) ([]byte, []byte) {
	i, ok := slices.BinarySearch(s.terms, t)
	if !ok {
		return nil, nil
	}
	return s.docData[s.docOff[i]:s.docOff[i+1]], s.posData[s.posOff[i]:s.posOff[i+1]]
}

// cursor walks one term's posting lists in a segment.
type cursor struct {
	docs, pos []byte
	next      uint32 // the number after the current article
	// the current article
	doc, freq, title uint32
	posLeft          uint32 // its positions not read yet
}

func newCursor(docs, pos []byte) cursor { return cursor{docs: docs, pos: pos} }

// advance moves to the next article; false at the end. The positions of
// the article left are skipped.
func (c *cursor) advance() bool {
	if c.posLeft > 0 {
		c.skipPositions()
	}
	if len(c.docs) == 0 {
		return false
	}
	gap, n := binary.Uvarint(c.docs)
	f, m := binary.Uvarint(c.docs[n:])
	c.docs = c.docs[n+m:]
	c.doc = c.next + uint32(gap)
	c.next = c.doc + 1
	c.freq, c.title = uint32(f>>2), uint32(f&3)
	c.posLeft = c.freq
	return true
}

// seek moves to the first article at or after doc; false at the end.
func (c *cursor) seek(doc uint32) bool {
	for c.next <= doc || c.next == 0 {
		if !c.advance() {
			return false
		}
	}
	return true
}

// skipPositions passes over the current article's positions: each ends in
// a byte below 0x80.
func (c *cursor) skipPositions() {
	i, left := 0, c.posLeft
	for left > 0 {
		if c.pos[i] < 0x80 {
			left--
		}
		i++
	}
	c.pos = c.pos[i:]
	c.posLeft = 0
}

// positions appends the current article's positions to dst.
func (c *cursor) positions(dst []uint32) []uint32 {
	p := uint32(0)
	for ; c.posLeft > 0; c.posLeft-- {
		gap, n := binary.Uvarint(c.pos)
		c.pos = c.pos[n:]
		p += uint32(gap)
		dst = append(dst, p)
	}
	return dst
}

// speakers names everyone quoted, with the folded words of each name.
type speakers struct {
	mu    sync.RWMutex
	ids   map[string]uint32
	words [][]string
}

func newSpeakers() *speakers { return &speakers{ids: make(map[string]uint32)} }

func (s *speakers) id(name string) uint32 {
	s.mu.RLock()
	id, ok := s.ids[name]
	s.mu.RUnlock()
	if ok {
		return id
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.ids[name]; ok {
		return id
	}
	id = uint32(len(s.words))
	s.ids[name] = id
	s.words = append(s.words, Fold(name))
	return id
}

// matching returns, for each speaker ID + 1, whether the name holds the words.
func (s *speakers) matching(words []string, prefix bool) []bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]bool, len(s.words)+1)
	for id, name := range s.words {
		out[id+1] = nameHas(name, words, prefix)
	}
	return out
}

// nameHas reports whether every word is one of the name's words; with
// prefix, the last word may be the start of one.
func nameHas(name, words []string, prefix bool) bool {
	for i, w := range words {
		found := false
		for _, n := range name {
			if n == w || prefix && i == len(words)-1 && strings.HasPrefix(n, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(words) > 0
}
