package search

import (
	"encoding/binary"
	"math"
	"math/bits"
)

// evaluator finds and scores the articles of one segment at a time.
type evaluator struct {
	q    *compiled
	st   stats
	accs []acc
	cand []uint64
	cs   []cursor
	pl   [][]uint32 // positions of each phrase word in the current article

	invAvgT, invAvgB float64 // 1 / the mean title and text lengths
	phrases          int     // positive phrase clauses
	// articles where a positive phrase was checked, held it, and was not
	// checked because they could not rank
	checked, held, unchecked int
	idx                      []int // how far phraseCount has read each of pl
}

// acc is one clause's answer in one segment: which articles match, and
// how often in the text and in the title.
type acc struct {
	bits        []uint64
	body, title []uint16
}

func (a *acc) reset(n int) {
	w := (n + 63) / 64
	a.bits = resize(a.bits, w)
	a.body = resize(a.body, n)
	a.title = resize(a.title, n)
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (a *acc) hit(doc uint32, body, title uint32) {
	if body+title == 0 {
		return
	}
	a.bits[doc/64] |= 1 << (doc % 64)
	a.body[doc] = uint16(min(uint32(a.body[doc])+body, 0xffff))
	a.title[doc] = uint16(min(uint32(a.title[doc])+title, 0xffff))
}

type postingSource interface {
	postings(t uint32) ([]byte, jumps)
}

// segment evaluates the query on one segment, pushes the matching articles
// to top and returns how many matched. The articles in gone are never
// candidates.
func (e *evaluator) segment(docs []docInfo, gone []uint64, src postingSource, top *topK) int {
	n := len(docs)
	if n == 0 {
		return 0
	}
	if len(e.accs) < len(e.q.clauses) {
		e.accs = make([]acc, len(e.q.clauses))
	}
	e.cand = resize(e.cand, (n+63)/64)
	for i := range e.cand {
		e.cand[i] = ^uint64(0)
	}
	if n%64 != 0 {
		e.cand[len(e.cand)-1] = 1<<(n%64) - 1
	}
	for w, g := range gone {
		e.cand[w] &^= g
	}
	e.invAvgT = 1 / max(float64(e.st.titleLen)/float64(max(e.st.docs, 1)), 1)
	e.invAvgB = 1 / max(float64(e.st.bodyLen)/float64(max(e.st.docs, 1)), 1)
	// The clauses that need no positions first, so the candidates narrow
	// before the phrases, whose positions are read only for candidates;
	// then those that leave articles out.
	for pass := range 3 {
		for i := range e.q.clauses {
			c := &e.q.clauses[i]
			if pass != e.passOf(c) {
				continue
			}
			a := &e.accs[i]
			a.reset(n)
			if c.isPhrase() {
				e.phrase(i, docs, src, top)
			} else {
				e.fill(c, a, docs, src)
			}
			for w := range e.cand {
				if c.Not {
					e.cand[w] &^= a.bits[w]
				} else {
					e.cand[w] &= a.bits[w]
				}
			}
		}
	}
	found := 0
	for w, word := range e.cand {
		for word != 0 {
			doc := uint32(w*64 + bits.TrailingZeros64(word))
			word &= word - 1
			found++
			top.push(scored{score: e.score(docs, doc, -1, 0, 0), art: docs[doc].art})
		}
	}
	return found
}

// passOf orders the clauses: 0 without positions, 1 phrases, 2 excluded.
func (e *evaluator) passOf(c *cclause) int {
	switch {
	case c.Not:
		return 2
	case c.isPhrase():
		return 1
	}
	return 0
}

// score is an article's score; clause skip, when not -1, counts with the
// given matches instead of its accumulator's.
func (e *evaluator) score(docs []docInfo, doc uint32, skip int, body, title uint32) float64 {
	d := &docs[doc]
	// each field's length normalisation, inverted once for all clauses
	perT := titleWeight / (1 - titleB + titleB*float64(d.titleLen)*e.invAvgT)
	perB := 1 / (1 - bodyB + bodyB*float64(d.bodyLen)*e.invAvgB)
	score := 0.0
	for i := range e.q.clauses {
		c := &e.q.clauses[i]
		if c.Not {
			continue
		}
		b, t := uint32(e.accs[i].body[doc]), uint32(e.accs[i].title[doc])
		if i == skip {
			b, t = body, title
		}
		tf := float64(t)*perT + float64(b)*perB
		score += c.idf * tf * (k1 + 1) / (k1 + tf)
	}
	return score
}

// fill finds where a clause other than a phrase matches in the segment.
func (e *evaluator) fill(c *cclause, a *acc, docs []docInfo, src postingSource) {
	switch {
	case c.Field == BySpeaker:
		for doc := range docs {
			k := uint32(0)
			for _, q := range docs[doc].quotes {
				if int(q.speaker) < len(c.speakers) && c.speakers[q.speaker] {
					k++
				}
			}
			a.hit(uint32(doc), k, 0)
		}
	default:
		for _, t := range c.terms {
			data, jumps := src.postings(t)
			if c.Field != InQuote {
				countDocs(data, a, c.Field == InTitle)
				continue
			}
			cur := newCursor(data, jumps)
			for cur.advance() {
				switch c.Field {
				case Anywhere:
					a.hit(cur.doc, cur.freq-cur.title, cur.title)
				case InTitle:
					a.hit(cur.doc, 0, cur.title)
				case InQuote:
					qs := docs[cur.doc].quotes
					if len(qs) == 0 {
						continue
					}
					e.pl = grow(e.pl, 1)
					e.pl[0] = cur.positions(e.pl[0][:0])
					k := uint32(0)
					for _, p := range e.pl[0] {
						if inQuote(qs, p, 1) {
							k++
						}
					}
					a.hit(cur.doc, k, 0)
				}
			}
		}
	}
}

// countDocs adds a term's occurrences in each article to a, those in the
// title only when titleOnly. It is cursor.advance unrolled: most of the
// time of a query of words is here.
func countDocs(data []byte, a *acc, titleOnly bool) {
	next := uint32(0)
	for len(data) > 0 {
		var gap, h uint32
		if b := data[0]; b < 0x80 {
			gap, data = uint32(b), data[1:]
		} else {
			v, n := binary.Uvarint(data)
			gap, data = uint32(v), data[n:]
		}
		if b := data[0]; b < 0x80 {
			h, data = uint32(b), data[1:]
		} else {
			v, n := binary.Uvarint(data)
			h, data = uint32(v), data[n:]
		}
		doc := next + gap
		next = doc + 1
		freq, title := uint32(1), h&3
		if h&4 == 0 {
			freq = h >> 3
			data = data[skipVarints(data, freq):]
		}
		if titleOnly {
			a.hit(doc, 0, title)
		} else {
			a.hit(doc, freq-title, title)
		}
	}
}

func grow(pl [][]uint32, n int) [][]uint32 {
	for len(pl) < n {
		pl = append(pl, nil)
	}
	return pl
}

// inQuote reports whether the words [p, p+n) lie inside one quote range.
func inQuote(qs []quoteRange, p, n uint32) bool {
	for _, q := range qs {
		if q.from <= p && p+n <= q.to {
			return true
		}
	}
	return false
}

// phrase finds the articles where the words of clause ci stand in a row,
// among the candidates left by the clauses before it. The part with the
// shortest postings leads; the others are sought to its articles.
//
// Reading positions is most of a phrase's cost when its words are common
// ("the company in" holds two of the commonest), so a positive phrase is not
// checked in an article that could not rank among the hits kept so far even
// if it held the phrase as often as the leading part occurs there. Such
// articles are counted apart, and the total becomes an estimate.
func (e *evaluator) phrase(ci int, docs []docInfo, src postingSource, top *topK) {
	c, a := &e.q.clauses[ci], &e.accs[ci]
	e.cs = e.cs[:0]
	lead := 0
	for i, p := range c.parts {
		d, j := src.postings(p.term)
		if len(d) == 0 {
			return
		}
		e.cs = append(e.cs, newCursor(d, j))
		if len(d) < len(e.cs[lead].all) {
			lead = i
		}
	}
	e.pl = grow(e.pl, len(e.cs))
	prune := !c.Not && e.phrases == 1
	l := &e.cs[lead]
	// cannotRank: even held as often as the parts read so far allow, the
	// phrase would not make the article a hit
	cannotRank := func(doc uint32, parts []cursor) bool {
		limit, full := top.threshold()
		if !prune || !full {
			return false
		}
		body, title := uint32(math.MaxUint32), uint32(math.MaxUint32)
		for i := range parts {
			body, title = min(body, parts[i].freq-parts[i].title), min(title, parts[i].title)
		}
		if c.Field == InTitle {
			body = 0
		}
		return e.score(docs, doc, ci, body, title) < limit
	}
next:
	for l.advance() {
		doc := l.doc
		if e.cand[doc/64]&(1<<(doc%64)) == 0 {
			continue
		}
		if cannotRank(doc, e.cs[lead:lead+1]) {
			e.unchecked++
			continue
		}
		for i := range e.cs {
			if i != lead && (!e.cs[i].seek(doc) || e.cs[i].doc != doc) {
				if !c.Not {
					e.checked++
				}
				continue next
			}
		}
		if cannotRank(doc, e.cs) { // the bound with every part's count
			e.unchecked++
			continue
		}
		if !c.Not {
			e.checked++
		}
		for i := range e.cs {
			e.pl[i] = e.cs[i].positions(e.pl[i][:0])
		}
		body, title := e.phraseCount(c, e.pl[:len(e.cs)], &docs[doc])
		a.hit(doc, body, title)
		if !c.Not && body+title > 0 {
			e.held++
		}
	}
}

// phraseCount counts where the position lists of the phrase's parts
// follow each other, in the text and in the title, as the field allows.
// The shortest list leads: in "the new" each "new" is looked for after a
// "the", not the other way.
func (e *evaluator) phraseCount(c *cclause, pl [][]uint32, d *docInfo) (body, title uint32) {
	k := uint32(len(c.Words))
	lead := 0
	for i := range pl {
		if len(pl[i]) < len(pl[lead]) {
			lead = i
		}
	}
	e.idx = resize(e.idx, len(pl))
	idx := e.idx
next:
	for _, q := range pl[lead] {
		if q < c.parts[lead].off {
			continue
		}
		p := q - c.parts[lead].off // where the phrase would start
		for i, list := range pl {
			if i == lead {
				continue
			}
			want, j := p+c.parts[i].off, idx[i]
			for j < len(list) && list[j] < want {
				j++
			}
			idx[i] = j
			if j == len(list) {
				break next
			}
			if list[j] != want {
				continue next
			}
		}
		inTitle := p+k <= d.titleLen
		switch {
		case c.Field == InTitle && inTitle, c.Field == Anywhere && inTitle:
			title++
		case c.Field == Anywhere && p > d.titleLen, c.Field == InQuote && inQuote(d.quotes, p, k):
			body++
		}
	}
	return
}
