package search

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
)

// A term's postings are one stream of unsigned varints: for each article
// holding the term, the gap from the previous article's number, then a
// head, then the positions. Most terms occur once in an article, so then
// the head holds the position: pos<<3 | 4 | min(title occurrences, 3).
// Otherwise it is freq<<3 | min(title occurrences, 3), and the freq
// positions follow, each as the gap from the one before (the first from 0).

// builder is an open segment: articles are added to it until it is full.
type builder struct {
	mu     sync.RWMutex
	docs   []docInfo
	post   []termPostings // by term
	stemDF []uint32       // stem -> articles holding one of its words
	terms  []uint32       // the terms present, as first seen
	stems  []uint32       // the stems present, as first seen
	slabs  [][]byte       // the memory the posting lists are in
	used   int            // how much of the last slab is handed out
	free   [32][]block    // blocks posting lists moved out of, by size class
	skips  []termSkip     // the skips of every list, as their entries are written
	early  uint32         // see add
	stats  stats
}

// termSkip is a skip in term's postings: compact keeps those of the
// terms in many articles.
type termSkip struct {
	term uint32
	skip
}

// block is where a posting list is: 1<<class bytes at slabs[slab][off:].
type block struct{ slab, off uint32 }

// termPostings is one term's postings in an open segment: the first n
// bytes of its block. It holds no pointer, so that the garbage collector
// need neither scan the table nor be told of each write to it while it
// marks, which cost about 15% of Add's instructions.
type termPostings struct {
	block
	n     uint32
	last  uint32 // the last article's number + 1
	df    uint32 // articles holding the term
	class uint8  // the block is 1<<class bytes; 0 when there is none yet
}

// size is the size of the list's block.
func (tp *termPostings) size() int {
	if tp.class == 0 {
		return 0
	}
	return 1 << tp.class
}

// list is a term's postings.
func (b *builder) list(tp *termPostings) []byte {
	if tp.class == 0 {
		return nil
	}
	return b.slabs[tp.slab][tp.off : tp.off+tp.n]
}

// slabSize is the memory the posting lists of an open segment take at a
// time: one allocation the garbage collector need not scan, instead of one
// per term and growth.
const slabSize = 1 << 20

// minBlock is the size of a posting list's first block, a power of two
// like every block's, so that a block a list moved out of fits the next
// list to grow to its size.
const minBlock = 16

// room makes room for n more bytes at the end of tp's list, moving it to
// a block at least twice its size when it is full. The block it leaves is
// taken by the next list that grows to that size: else the old blocks of
// the lists, as large as the lists all told, would stay unused in the
// slabs. No query reads the lists meanwhile: Add holds the builder's lock.
func (b *builder) room(tp *termPostings, n int) {
	size := tp.size()
	if size-int(tp.n) >= n {
		return
	}
	class := bits.Len(uint(max(minBlock, 2*size, int(tp.n)+n) - 1))
	var to block
	if f := b.free[class]; len(f) > 0 {
		to = f[len(f)-1]
		b.free[class] = f[:len(f)-1]
	} else {
		to = b.carve(1 << class)
	}
	copy(b.slabs[to.slab][to.off:], b.list(tp))
	if tp.class > 0 {
		b.free[tp.class] = append(b.free[tp.class], tp.block)
	}
	tp.block, tp.class = to, uint8(class)
}

// carve takes a new block of size bytes from the last slab, or from a new
// one.
func (b *builder) carve(size int) block {
	if len(b.slabs) == 0 || len(b.slabs[len(b.slabs)-1])-b.used < size {
		b.freeSlab()
		b.slabs = append(b.slabs, make([]byte, max(slabSize, size)))
		b.used = 0
	}
	at := block{uint32(len(b.slabs) - 1), uint32(b.used)}
	b.used += size
	return at
}

// freeSlab gives what is left of the last slab to the free blocks.
func (b *builder) freeSlab() {
	if len(b.slabs) == 0 {
		return
	}
	end := len(b.slabs[len(b.slabs)-1])
	for end-b.used >= minBlock {
		class := bits.Len(uint(end-b.used)) - 1
		b.free[class] = append(b.free[class], block{uint32(len(b.slabs) - 1), uint32(b.used)})
		b.used += 1 << class
	}
	b.used = end
}

// entryLen is the length of an article's entry: the gap from the article
// before, the head, and the positions unless there is one.
func entryLen(gap uint32, ps []uint32, title uint64) int {
	if len(ps) == 1 {
		return varintLen(uint64(gap)) + varintLen(uint64(ps[0])<<3|4|title)
	}
	n := varintLen(uint64(gap)) + varintLen(uint64(len(ps))<<3|title)
	prev := uint32(0)
	for _, p := range ps {
		n += varintLen(uint64(p - prev))
		prev = p
	}
	return n
}

// putUvarint writes v at b[k:] as a varint, returning where it ends; b
// has room for it.
func putUvarint(b []byte, k int, v uint64) int {
	for v >= 0x80 {
		b[k] = byte(v) | 0x80
		v >>= 7
		k++
	}
	b[k] = byte(v)
	return k + 1
}

// varintLen is the length of v as a varint.
func varintLen(v uint64) int { return (bits.Len64(v|1) + 6) / 7 }

// add appends one analysed article.
func (b *builder) add(an *analysis) {
	b.mu.Lock()
	defer b.mu.Unlock()
	doc := uint32(len(b.docs))
	d := an.doc
	d.quotes = slices.Clone(d.quotes)
	b.docs = append(b.docs, d)
	// positions are below titleLen+1+bodyLen, and so are their gaps
	posLen := varintLen(uint64(d.titleLen) + 1 + uint64(d.bodyLen))
	top := -1
	for _, t := range an.terms {
		top = max(top, int(t))
	}
	if top >= len(b.post) {
		b.post = append(b.post, make([]termPostings, top+1+4096-len(b.post))...)
	}
	// Most of the time here goes to waiting for the rare terms' postings
	// to come from memory: read them first in a loop that does nothing
	// else, so that the processor fetches many at once.
	post, early := b.post, uint32(0)
	for _, t := range an.terms {
		early += post[t].df
	}
	b.early = early
	for j, t := range an.terms {
		tp := &b.post[t]
		switch {
		case tp.df == 0:
			b.terms = append(b.terms, t)
		case tp.df%skipEvery == 0:
			b.skips = append(b.skips, termSkip{t, skip{next: tp.last, off: tp.n}})
		}
		tp.df++
		ps := an.pos[an.first[j]:an.first[j+1]]
		title := uint64(min(an.title[j], 3))
		// the gap and the head, then the positions, each at most posLen
		// bytes; when that may not fit, the list grows by what it needs
		if need := 2*binary.MaxVarintLen32 + len(ps)*posLen; tp.size()-int(tp.n) < need {
			b.room(tp, entryLen(doc-tp.last, ps, title))
		}
		k, room := int(tp.n), b.slabs[tp.slab][tp.off:int(tp.off)+tp.size()]
		k = putUvarint(room, k, uint64(doc-tp.last))
		if len(ps) == 1 {
			k = putUvarint(room, k, uint64(ps[0])<<3|4|title)
		} else {
			k = putUvarint(room, k, uint64(len(ps))<<3|title)
			prev := uint32(0)
			for _, p := range ps {
				k = putUvarint(room, k, uint64(p-prev))
				prev = p
			}
		}
		tp.n, tp.last = uint32(k), doc+1
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

func (b *builder) postings(t uint32) ([]byte, jumps) {
	if int(t) >= len(b.post) {
		return nil, jumps{}
	}
	return b.list(&b.post[t]), jumps{}
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
	// the terms with skips (indexes in terms, sorted), and theirs in skips
	// from skipOff[i] to skipOff[i+1]: few terms are long enough
	skipTerms []uint32
	skipOff   []uint32
	skips     []skip
	// the terms in most articles (indexes in terms, sorted), and where
	// each article's entry is for each
	atTerms []uint32
	at      []entries
	// gone has a bit set for each article a snapshot was restored without
	// (see Restore): its postings stay, but no query finds it. nil when none.
	gone []uint64
}

// jumps let a cursor seek without reading every article on the way.
type jumps struct {
	skips []skip
	// at is, for a term in most articles, where each article's entry is:
	// "of england in" seeks "of" and "in" to every "england".
	at *entries
}

// entries holds where each article's entry is in a term's postings: the
// offset of the first entry of every 64 articles, and each article's
// entry's offset from there + 1, 0 where the term is absent. About 2
// bytes an article, for the dozen terms in most articles.
type entries struct {
	base []uint32
	rel  []uint16
}

// atShare is the share of a segment's articles a term must be in to keep
// where its every entry is.
const atShare = 0.85

// find returns the offset of the entry of the first article at or after
// doc that has one.
func (e *entries) find(doc uint32) (uint32, uint32, bool) {
	for d := doc; int(d) < len(e.rel); d++ {
		if r := e.rel[d]; r != 0 {
			return d, e.base[d/64] + uint32(r) - 1, true
		}
	}
	return 0, 0, false
}

// skipEvery is how many articles of a term's postings a skip passes: a
// phrase with "the" seeks through most articles.
const skipEvery = 64

// skip is a place to start reading a term's postings: the offset of an
// article's entry and the number after the article before it.
type skip struct{ next, off uint32 }

// compact packs a builder no Add writes to any more.
func (b *builder) compact() *segment {
	s := &segment{docs: b.docs, terms: slices.Clone(b.terms)}
	slices.Sort(s.terms)
	size := 0
	for _, t := range s.terms {
		size += int(b.post[t].n)
	}
	s.data = make([]byte, 0, size)
	s.off = make([]uint32, 0, len(s.terms)+1)
	// the skips add wrote, by term, each term's in order
	skips := b.skips
	slices.SortStableFunc(skips, func(a, b termSkip) int { return cmp.Compare(a.term, b.term) })
	for i, t := range s.terms {
		start := len(s.data)
		s.off = append(s.off, uint32(start))
		s.data = append(s.data, b.list(&b.post[t])...)
		for len(skips) > 0 && skips[0].term < t {
			skips = skips[1:] // a term in too few articles to keep them
		}
		if b.post[t].df < 2*skipEvery {
			continue
		}
		s.skipTerms = append(s.skipTerms, uint32(i))
		s.skipOff = append(s.skipOff, uint32(len(s.skips)))
		for len(skips) > 0 && skips[0].term == t {
			s.skips = append(s.skips, skips[0].skip)
			skips = skips[1:]
		}
		if float64(b.post[t].df) < atShare*float64(len(b.docs)) {
			continue
		}
		s.atTerms = append(s.atTerms, uint32(i))
		s.at = append(s.at, entries{base: make([]uint32, (len(b.docs)+63)/64), rel: make([]uint16, len(b.docs))})
		at := &s.at[len(s.at)-1]
		for k := range at.base {
			at.base[k] = math.MaxUint32
		}
		// where each article's entry is: the entries, read by offset rather
		// than with a cursor, which moves by storing slices, and each store
		// is a write barrier while the collector marks, several times the
		// cost of the reading
		list := s.data[start:]
		off, next := 0, uint32(0) // next: the number after the article before
		for off < len(list) {
			entry := off
			gap, k := uvarint(list[off:])
			off += k
			h, k := uvarint(list[off:])
			off += k
			if h&4 == 0 { // the positions follow
				off += skipVarints(list[off:], h>>3)
			}
			doc := next + gap
			next = doc + 1
			o, blk := uint32(entry), doc/64
			if at.base[blk] == math.MaxUint32 {
				at.base[blk] = o
			}
			if o-at.base[blk]+1 > math.MaxUint16 {
				// an unlikely long block: this term goes without
				s.atTerms, s.at = s.atTerms[:len(s.atTerms)-1], s.at[:len(s.at)-1]
				break
			}
			at.rel[doc] = uint16(o-at.base[blk]) + 1
		}
	}
	s.off = append(s.off, uint32(len(s.data)))
	s.skipOff = append(s.skipOff, uint32(len(s.skips)))
	s.skipTerms, s.skipOff, s.skips = slices.Clip(s.skipTerms), slices.Clip(s.skipOff), slices.Clip(s.skips)
	return s
}

func (s *segment) postings(t uint32) ([]byte, jumps) {
	i, ok := slices.BinarySearch(s.terms, t)
	if !ok {
		return nil, jumps{}
	}
	var j jumps
	if k, ok := slices.BinarySearch(s.skipTerms, uint32(i)); ok {
		j.skips = s.skips[s.skipOff[k]:s.skipOff[k+1]]
	}
	if k, ok := slices.BinarySearch(s.atTerms, uint32(i)); ok {
		j.at = &s.at[k]
	}
	return s.data[s.off[i]:s.off[i+1]], j
}

// cursor walks one term's postings in a segment.
type cursor struct {
	all []byte // the postings
	jumps
	data []byte // what is left to read
	next uint32 // the number after the current article
	// the current article
	doc, freq, title uint32
	posLeft          uint32 // its positions not read yet, at the start of data
	only             int32  // its one position, from the head; -1 when they follow
}

func newCursor(data []byte, j jumps) cursor {
	return cursor{all: data, jumps: j, data: data}
}

// advance moves to the next article; false at the end. The positions of
// the article left are skipped.
func (c *cursor) advance() bool {
	if c.posLeft > 0 {
		c.skipPositions()
	}
	if len(c.data) == 0 {
		return false
	}
	gap, n := uvarint(c.data)
	c.data = c.data[n:]
	c.head(c.next + gap)
	return true
}

// head reads the head of article doc's entry, at the start of data.
func (c *cursor) head(doc uint32) {
	h, m := uvarint(c.data)
	c.data = c.data[m:]
	c.doc, c.next = doc, doc+1
	c.title = h & 3
	if h&4 != 0 {
		c.freq, c.posLeft, c.only = 1, 0, int32(h>>3)
	} else {
		c.freq, c.posLeft, c.only = h>>3, h>>3, -1
	}
}

// seek moves to the first article at or after doc; false at the end.
func (c *cursor) seek(doc uint32) bool {
	if c.at != nil && c.next <= doc {
		d, o, ok := c.at.find(doc)
		if !ok {
			c.data, c.posLeft = nil, 0
			return false
		}
		_, n := uvarint(c.all[o:])
		c.data, c.posLeft = c.all[int(o)+n:], 0
		c.head(d)
		return true
	}
	if len(c.skips) > 0 && c.next <= doc {
		// the last skip to an article before doc, if it is ahead
		i, _ := slices.BinarySearchFunc(c.skips, doc, func(s skip, doc uint32) int { return int(s.next) - int(doc) })
		if i > 0 && c.skips[i-1].next > c.next {
			s := c.skips[i-1]
			c.data, c.next, c.posLeft = c.all[s.off:], s.next, 0
			if !c.advance() {
				return false
			}
		}
	}
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
	c.data = c.data[skipVarints(c.data, c.posLeft):]
	c.posLeft = 0
}

// skipVarints is the length of the first n varints of b. It reads 8 bytes
// at a time while they hold fewer than the varints left, so that all 8
// belong to them: a common word's positions are many.
func skipVarints(b []byte, n uint32) int {
	i := 0
	for n > 8 && i+8 <= len(b) {
		ends := uint32(bits.OnesCount64(^binary.LittleEndian.Uint64(b[i:]) & 0x8080808080808080))
		if ends >= n {
			break
		}
		n -= ends
		i += 8
	}
	for ; n > 0; i++ {
		if b[i] < 0x80 {
			n--
		}
	}
	return i
}

// positions appends the current article's positions to dst.
func (c *cursor) positions(dst []uint32) []uint32 {
	if c.only >= 0 {
		return append(dst, uint32(c.only))
	}
	n := len(dst)
	dst = slices.Grow(dst, int(c.posLeft))[:n+int(c.posLeft)]
	out := dst[n:]
	p, data := uint32(0), c.data
	for i := range out {
		if b := data[0]; b < 0x80 { // most gaps take one byte
			p += uint32(b)
			data = data[1:]
		} else {
			gap, k := binary.Uvarint(data)
			p += uint32(gap)
			data = data[k:]
		}
		out[i] = p
	}
	c.data, c.posLeft = data, 0
	return dst
}

// uvarint is binary.Uvarint with the one-byte case, most gaps, inlined.
func uvarint(b []byte) (uint32, int) {
	if len(b) > 0 && b[0] < 0x80 {
		return uint32(b[0]), 1
	}
	v, n := binary.Uvarint(b)
	return uint32(v), n
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
