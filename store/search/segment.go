package search

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"
)

// A term's postings are one stream of unsigned varints: for each article
// holding the term, the gap from the previous article's number, then
// freq<<2 | min(occurrences in the title, 3), then the freq positions,
// each as the gap from the one before (the first from 0).

// builder is an open segment: articles are added to it until it is full.
type builder struct {
	mu     sync.RWMutex
	docs   []docInfo
	post   []termPostings // by term
	stemDF []uint32       // stem -> articles holding one of its words
	terms  []uint32       // the terms present, as first seen
	stems  []uint32       // the stems present, as first seen
	slab   []byte         // free space the posting lists grow into
	stats  stats
}

// termPostings is one term's postings in an open segment.
type termPostings struct {
	buf  []byte
	last uint32 // the last article's number + 1
	df   uint32 // articles holding the term
}

// slabSize is the memory the posting lists of an open segment take at a
// time: one allocation the garbage collector need not scan, instead of one
// per term and growth.
const slabSize = 1 << 20

// room makes room for n more bytes at the end of p, moving it to a new
// place in the slab twice its size when it is full.
func (b *builder) room(p *[]byte, n int) {
	if cap(*p)-len(*p) >= n {
		return
	}
	size := max(16, 2*cap(*p), len(*p)+n)
	if len(b.slab) < size {
		b.slab = make([]byte, max(slabSize, size))
	}
	moved := append(b.slab[:0:size], *p...)
	b.slab = b.slab[size:]
	*p = moved
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
		if int(t) >= len(b.post) {
			b.post = append(b.post, make([]termPostings, int(t)+1+4096-len(b.post))...)
		}
		tp := &b.post[t]
		if tp.df == 0 {
			b.terms = append(b.terms, t)
		}
		tp.df++
		ps := an.pos[an.first[j]:an.first[j+1]]
		b.room(&tp.buf, (2+len(ps))*binary.MaxVarintLen32)
		buf := binary.AppendUvarint(tp.buf, uint64(doc-tp.last))
		buf = binary.AppendUvarint(buf, uint64(an.freq[j])<<2|uint64(min(an.title[j], 3)))
		prev := uint32(0)
		for _, p := range ps {
			buf = binary.AppendUvarint(buf, uint64(p-prev))
			prev = p
		}
		tp.buf, tp.last = buf, doc+1
	}
	for _, st := range an.stems {
		if int(st) >= len(b.stemDF) {
			b.stemDF = append(b.stemDF, make([]uint32, int(st)+1+4096-len(b.stemDF))...)
		}
		if b.stemDF[st] == 0 {
			b.stems = append(b.stems, st)
		}
		b.stemDF[st]++
	}
	b.stats.docs++
	b.stats.titleLen += int64(d.titleLen)
	b.stats.bodyLen += int64(d.bodyLen)
}

func (b *builder) postings(t uint32) []byte {
	if int(t) >= len(b.post) {
		return nil
	}
	return b.post[t].buf
}

func (b *builder) termDF(t uint32) int {
	if int(t) >= len(b.post) {
		return 0
	}
	return int(b.post[t].df)
}

// segment is a sealed segment: its posting lists packed in one array.
type segment struct {
	docs  []docInfo
	terms []uint32 // sorted
	off   []uint32 // where each term's postings start in data; one more at the end
	data  []byte
}

// compact packs a builder no Add writes to any more.
func (b *builder) compact() *segment {
	s := &segment{docs: b.docs, terms: slices.Clone(b.terms)}
	slices.Sort(s.terms)
	size := 0
	for _, t := range s.terms {
		size += len(b.post[t].buf)
	}
	s.data = make([]byte, 0, size)
	s.off = make([]uint32, 0, len(s.terms)+1)
	for _, t := range s.terms {
		s.off = append(s.off, uint32(len(s.data)))
		s.data = append(s.data, b.post[t].buf...)
	}
	s.off = append(s.off, uint32(len(s.data)))
	return s
}

func (s *segment) postings(t uint32) []byte {
	i, ok := slices.BinarySearch(s.terms, t)
	if !ok {
		return nil
	}
	return s.data[s.off[i]:s.off[i+1]]
}

// cursor walks one term's postings in a segment.
type cursor struct {
	data []byte
	next uint32 // the number after the current article
	// the current article
	doc, freq, title uint32
	posLeft          uint32 // its positions not read yet, at the start of data
}

func newCursor(data []byte) cursor { return cursor{data: data} }

// advance moves to the next article; false at the end. The positions of
// the article left are skipped.
func (c *cursor) advance() bool {
	if c.posLeft > 0 {
		c.skipPositions()
	}
	if len(c.data) == 0 {
		return false
	}
	gap, n := binary.Uvarint(c.data)
	f, m := binary.Uvarint(c.data[n:])
	c.data = c.data[n+m:]
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
		if c.data[i] < 0x80 {
			left--
		}
		i++
	}
	c.data = c.data[i:]
	c.posLeft = 0
}

// positions appends the current article's positions to dst.
func (c *cursor) positions(dst []uint32) []uint32 {
	p := uint32(0)
	for ; c.posLeft > 0; c.posLeft-- {
		gap, n := binary.Uvarint(c.data)
		c.data = c.data[n:]
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
