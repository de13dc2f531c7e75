// Package search is the reader's full-text search: an in-memory inverted
// index with word positions over the titles, text and quotes of the loaded
// articles, ranked by BM25F (title matches weigh more), with a small query
// language (see Syntax). It takes articles while it answers queries.
package search

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"newsreader/store"
)

// segmentDocs is how many articles a segment holds before it is sealed
// into its compact form; a query keeps one bitmap of this many bits per clause.
const segmentDocs = 4096

// Index is the search index. It is safe for concurrent use: Add and
// AddBatch may run while Search answers.
type Index struct {
	dict     *dict
	speakers *speakers
	scratch  sync.Pool // *analysis

	segmentDocs int    // segmentDocs, but in tests
	afterRead   func() // see AfterReading

	mu     sync.RWMutex
	sealed []*segment
	open   []*builder // every open segment, for queries
	idle   []*builder // open segments no Add is writing to
	stats  stats      // of the sealed segments
	gone   int        // articles of the sealed segments no query finds (see Restore)

	// gen counts the changes to what queries find; last is the last
	// query's ranking, for the next page of it while gen is the same.
	gen  atomic.Uint64
	last atomic.Pointer[ranking]
}

// New returns an empty index.
func New() *Index {
	return &Index{dict: newDict(), speakers: newSpeakers(), segmentDocs: segmentDocs}
}

// AfterReading has f called each time a query or Save is done reading a
// sealed segment, and once more: an index restored from a mapped file
// gives back the pages read there, so that memory does not keep them.
// Call it before the index is queried.
func (x *Index) AfterReading(f func()) { x.afterRead = f }

// doneReading calls the function given to AfterReading.
func (x *Index) doneReading() {
	if x.afterRead != nil {
		x.afterRead()
	}
}

// stats are what BM25 needs of a collection: its size and its mean lengths.
type stats struct {
	docs              int
	titleLen, bodyLen int64
}

func (s *stats) add(o stats) {
	s.docs += o.docs
	s.titleLen += o.titleLen
	s.bodyLen += o.bodyLen
}

// docInfo is what a segment keeps of one article.
type docInfo struct {
	art *store.Article
	// Positions count words: the title's are [0, titleLen), the text's
	// start at titleLen+1 so that no phrase runs from the title into the text.
	titleLen, bodyLen uint32
	quotes            []quoteRange
}

// quoteRange is one span of a quotation, as word positions [from, to).
type quoteRange struct {
	from, to uint32
	speaker  uint32 // speaker ID + 1; 0 when nobody is named
}

// Len is the number of articles indexed that a query can find.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	n := x.stats.docs - x.gone
	for _, b := range x.open {
		b.mu.RLock()
		n += len(b.docs)
		b.mu.RUnlock()
	}
	return n
}

// AddBatch indexes articles on all cores.
func (x *Index) AddBatch(arts []*store.Article) {
	workers := min(runtime.GOMAXPROCS(0), (len(arts)+63)/64)
	if workers <= 1 {
		for _, a := range arts {
			x.Add(a)
		}
		return
	}
	var wg sync.WaitGroup
	chunk := (len(arts) + workers - 1) / workers
	for w := range workers {
		part := arts[min(w*chunk, len(arts)):min((w+1)*chunk, len(arts))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, a := range part {
				x.Add(a)
			}
		}()
	}
	wg.Wait()
}

// Add indexes one article: its title, its text and its quotes.
func (x *Index) Add(a *store.Article) {
	an, _ := x.scratch.Get().(*analysis)
	if an == nil {
		an = &analysis{}
	}
	an.analyze(x, a)
	b := x.checkout()
	b.add(an)
	x.changed()
	x.scratch.Put(an)
	if len(b.docs) >= x.segmentDocs {
		x.seal(b)
		return
	}
	x.mu.Lock()
	x.idle = append(x.idle, b)
	x.mu.Unlock()
}

// checkout takes an open segment for one Add, making one when all are busy.
func (x *Index) checkout() *builder {
	x.mu.Lock()
	defer x.mu.Unlock()
	if n := len(x.idle); n > 0 {
		b := x.idle[n-1]
		x.idle = x.idle[:n-1]
		return b
	}
	b := &builder{}
	x.open = append(x.open, b)
	return b
}

// Compact seals every open segment, however few articles it holds, so that
// an index done loading keeps all its postings in the compact form: an open
// segment takes several times the memory. Queries are answered meanwhile,
// and Add may go on during and after it; a segment an Add is writing to
// while Compact runs is left open.
func (x *Index) Compact() {
	x.mu.Lock()
	idle := x.idle
	x.idle = nil
	x.mu.Unlock()
	for _, b := range idle {
		x.seal(b)
	}
}

// Compacted reports whether every article indexed is in the compact form.
func (x *Index) Compacted() bool {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.open) == 0
}

// seal turns an open segment that no Add writes to any more into a compact
// one. The builder is left as it is for the queries still reading it.
func (x *Index) seal(b *builder) {
	s := b.compact()
	x.mu.Lock()
	defer x.mu.Unlock()
	x.dict.mu.Lock()
	for _, t := range s.terms {
		x.dict.df[t] += b.post[t].df
	}
	for _, st := range b.stems {
		x.dict.stemDF[st] += b.stemDF[st]
	}
	x.dict.mu.Unlock()
	x.sealed = append(x.sealed, s)
	x.open = slices.DeleteFunc(x.open, func(o *builder) bool { return o == b })
	x.stats.add(b.stats)
	x.changed()
}

// analysis is one article broken into words, before it goes into a segment.
// It is scratch space, reused from article to article.
type analysis struct {
	doc     docInfo
	folded  []byte        // the folded words, one after the other
	ends    []uint32      // end of each word in folded
	ids     []uint32      // each word's term
	missed  []int         // words not yet in the dictionary
	pending []pendingWord // words not in the cache
	early   uint32        // see resolve

	slot     []uint32 // term -> its index in terms + 1, 0 when absent
	terms    []uint32 // the distinct terms, in order of first occurrence
	stems    []uint32 // the distinct stems of the terms
	stemMark []uint32 // stem -> gen when it is among stems
	stemBuf  []uint32 // the stem of each of terms
	gen      uint32   // which article this is, for stemMark
	freq     []uint32 // occurrences of each distinct term
	title    []uint32 // of which in the title
	first    []uint32 // where each distinct term's positions start in pos
	pos      []uint32 // positions grouped by term
	cur      []uint32
	local    []uint32 // each word's, then each pair's, index in terms
	cache    wordCache
	extra    []occurrence // the pairs of common words
	pair     []byte
	pairIDs  [len(commonWords) * len(commonWords)]uint32 // each pair's term + 1, 0 until it is looked up
	spans    []spanSpeaker
}

// pendingWord is word i, with its key, to look up in the table.
type pendingWord struct {
	key key
	i   uint32
}

type spanSpeaker struct {
	store.Span
	speaker uint32
}

func (an *analysis) analyze(x *Index, a *store.Article) {
	an.folded, an.ends, an.ids, an.missed = an.folded[:0], an.ends[:0], an.ids[:0], an.missed[:0]
	an.doc = docInfo{art: a, quotes: an.doc.quotes[:0]}
	// the body is held while an article is being indexed; a file gone since
	// leaves the title findable
	body, _, _ := a.Text()
	// room for the folded words, which are as long as the text but for rare letters
	tok := newTokenizerAfter(a.Title, slices.Grow(an.folded[:0], len(a.Title)+len(body)+16))
	ends := an.ends[:0] // a local, not a field: see tokenizer on write barriers
	for tok.next() {
		ends = append(ends, uint32(tok.n))
	}
	an.doc.titleLen = uint32(len(ends))
	an.spans = an.spans[:0]
	last, lastID := "", uint32(0) // quotes of one speaker often follow each other
	for _, q := range a.Quotes {
		sp := uint32(0)
		if q.Speaker != "" {
			if q.Speaker != last {
				last, lastID = q.Speaker, x.speakers.id(q.Speaker)+1
			}
			sp = lastID
		}
		for _, s := range q.Spans {
			an.spans = append(an.spans, spanSpeaker{s, sp})
		}
	}
	slices.SortFunc(an.spans, func(a, b spanSpeaker) int { return a.Start - b.Start })
	spans := an.spans
	k, open := 0, -1 // the span a word is in, and the span of the last quote range
	tok = newTokenizerAfter(body, tok.folded())
	for tok.next() {
		ends = append(ends, uint32(tok.n))
		if len(spans) == 0 {
			continue
		}
		for k < len(spans) && spans[k].End <= tok.Start {
			k++
		}
		if k < len(spans) && spans[k].Start <= tok.Start && tok.End <= spans[k].End {
			p := uint32(len(ends)) // the text's word i is at titleLen+1+i
			if open == k {
				an.doc.quotes[len(an.doc.quotes)-1].to = p + 1
			} else {
				an.doc.quotes = append(an.doc.quotes, quoteRange{from: p, to: p + 1, speaker: spans[k].speaker})
				open = k
			}
		}
	}
	an.folded, an.ends = tok.folded(), ends
	an.doc.bodyLen = uint32(len(an.ends)) - an.doc.titleLen
	an.resolve(x.dict)
	an.pairs(x.dict)
	an.group()
	// the distinct stems, for the stems' article counts
	an.gen++
	an.stems = an.stems[:0]
	// the terms' stems first, in a loop of their own: their misses overlap
	sts := slices.Grow(an.stemBuf[:0], len(an.terms))[:len(an.terms)]
	x.dict.mu.RLock()
	stemOf := x.dict.stemOf
	x.dict.mu.RUnlock()
	for j, t := range an.terms {
		sts[j] = stemOf[t]
	}
	an.stemBuf = sts
	for _, st := range sts {
		if int(st) >= len(an.stemMark) {
			an.stemMark = append(an.stemMark, make([]uint32, int(st)+1-len(an.stemMark)+1024)...)
		}
		if an.stemMark[st] != an.gen {
			an.stemMark[st] = an.gen
			an.stems = append(an.stems, st)
		}
	}
}

// resolve finds each word's term, adding the words never seen before.
func (an *analysis) resolve(d *dict) {
	an.ids = slices.Grow(an.ids[:0], len(an.ends))[:len(an.ends)]
	n := len(an.folded)
	an.folded = append(an.folded, make([]byte, 8)...) // so headAt may read 8 bytes past any word
	defer func() { an.folded = an.folded[:n] }()
	d.mu.RLock()
	start := uint32(0)
	pending := an.pending[:0]
	for i, end := range an.ends {
		w := an.folded[start:end]
		k := d.table.key(w, headAt(an.folded, int(start), int(end)))
		start = end
		if id, ok := an.cache.get(w, k, d.terms, d.tails); ok {
			an.ids[i] = id
			continue
		}
		pending = append(pending, pendingWord{k, uint32(i)})
	}
	// The words not in the cache are looked up in the table, which is
	// mostly out of the processor's caches: read their slots first in a
	// loop that does nothing else, so that the misses overlap.
	slots, early := d.table.slots, uint32(0)
	for _, p := range pending {
		early += slots[p.key.hash&uint64(len(slots)-1)].id
	}
	an.early = early
	for _, p := range pending {
		i, start := p.i, uint32(0)
		if i > 0 {
			start = an.ends[i-1]
		}
		id, ok := d.table.get(an.folded[start:an.ends[i]], p.key, d.terms, d.tails)
		if ok {
			an.cache.put(p.key, id)
		} else {
			an.missed = append(an.missed, int(i))
		}
		an.ids[i] = id
	}
	an.pending = pending
	d.mu.RUnlock()
	if len(an.missed) == 0 {
		return
	}
	d.mu.Lock()
	for _, i := range an.missed {
		start := uint32(0)
		if i > 0 {
			start = an.ends[i-1]
		}
		an.ids[i] = d.insert(string(an.folded[start:an.ends[i]]))
	}
	d.mu.Unlock()
}

// pairs finds two common words in a row, in the title or in the text, and
// adds the pair's term at the first one's position.
func (an *analysis) pairs(d *dict) {
	an.extra = an.extra[:0]
	d.mu.RLock()
	common := d.common
	d.mu.RUnlock()
	ids := an.ids
	for i := 1; i < len(ids); i++ {
		a, b := common[ids[i-1]], common[ids[i]]
		if a == 0 || b == 0 || uint32(i) == an.doc.titleLen {
			continue
		}
		p := uint32(i - 1)
		if p >= an.doc.titleLen {
			p++
		}
		slot := &an.pairIDs[int(a-1)*len(commonWords)+int(b-1)]
		if *slot == 0 {
			*slot = an.pairID(d, i) + 1
		}
		an.extra = append(an.extra, occurrence{*slot - 1, p})
	}
}

// pairID is the term of words i-1 and i, adding it when it is new.
func (an *analysis) pairID(d *dict, i int) uint32 {
	start := uint32(0)
	if i > 1 {
		start = an.ends[i-2]
	}
	pair := append(append(append(an.pair[:0], an.folded[start:an.ends[i-1]]...), ' '), an.folded[an.ends[i-1]:an.ends[i]]...)
	an.pair = pair
	d.mu.RLock()
	id, ok := d.lookup(pair)
	d.mu.RUnlock()
	if !ok {
		d.mu.Lock()
		id = d.insert(string(pair))
		d.mu.Unlock()
	}
	return id
}

// occurrence is a term at a position, when it is not a word of the text.
type occurrence struct{ term, pos uint32 }

// group gathers the positions of each distinct term.
func (an *analysis) group() {
	n := len(an.ids) + len(an.extra)
	if n == 0 {
		an.terms, an.title = an.terms[:0], an.title[:0]
		an.first, an.pos = append(an.first[:0], 0), an.pos[:0]
		return
	}
	// each occurrence's distinct term, numbered in order of first
	// occurrence; the branches are left out as the compiler can, since
	// whether a term is new is a coin toss
	terms := slices.Grow(an.terms[:0], n)[:n]
	freq := slices.Grow(an.freq[:0], n+1)[:n+1]
	title := slices.Grow(an.title[:0], n+1)[:n+1]
	clear(freq)
	clear(title)
	local := slices.Grow(an.local[:0], n)[:n]
	slot := an.slot
	m := uint32(0)
	for i := range n {
		var t uint32
		inTitle := false
		if i < len(an.ids) {
			t, inTitle = an.ids[i], uint32(i) < an.doc.titleLen
		} else {
			o := an.extra[i-len(an.ids)]
			t, inTitle = o.term, o.pos+2 <= an.doc.titleLen
		}
		if int(t) >= len(slot) {
			slot = append(slot, make([]uint32, int(t)+1-len(slot)+1024)...)
		}
		j := slot[t]
		terms[m] = t
		fresh := uint32(0)
		if j == 0 {
			fresh = 1
		}
		j += fresh * (m + 1)
		slot[t] = j
		m += fresh
		freq[j-1]++
		if inTitle {
			title[j-1]++
		}
		local[i] = j - 1
	}
	an.slot, an.local = slot, local
	an.terms, an.freq, an.title = terms[:m], freq[:m], title[:m]
	first := slices.Grow(an.first[:0], int(m)+1)[:m+1]
	off := uint32(0)
	for j, f := range an.freq {
		first[j] = off
		off += f
	}
	first[m] = off
	an.first = first
	pos := slices.Grow(an.pos[:0], int(off))[:off]
	cur := append(an.cur[:0], first...)
	for i, j := range local[:len(an.ids)] {
		p := uint32(i)
		if p >= an.doc.titleLen {
			p++
		}
		pos[cur[j]] = p
		cur[j]++
	}
	for i, j := range local[len(an.ids):] {
		pos[cur[j]] = an.extra[i].pos
		cur[j]++
	}
	an.pos, an.cur = pos, cur
	for _, t := range an.terms {
		slot[t] = 0
	}
}
