package search

import "math/bits"

// evaluator finds and scores the articles of one segment at a time.
type evaluator struct {
	q    *compiled
	st   stats
	accs []acc
	cand []uint64
	cs   []cursor
	pl   [][]uint32 // positions of each phrase word in the current article
	idx  []int      // how far phraseCount has read each of pl
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
	postings(t uint32) []byte
}

// segment evaluates the query on one segment, pushes the matching articles
// to top and returns how many matched.
func (e *evaluator) segment(docs []docInfo, src postingSource, top *topK) int {
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
	// positive clauses first, so the candidates narrow before the rest
	for pass := range 2 {
		for i := range e.q.clauses {
			c := &e.q.clauses[i]
			if c.Not != (pass == 1) {
				continue
			}
			a := &e.accs[i]
			a.reset(n)
			e.fill(c, a, docs, src)
			for w := range e.cand {
				if c.Not {
					e.cand[w] &^= a.bits[w]
				} else {
					e.cand[w] &= a.bits[w]
				}
			}
		}
	}
	avgT := float64(e.st.titleLen) / float64(max(e.st.docs, 1))
	avgB := float64(e.st.bodyLen) / float64(max(e.st.docs, 1))
	found := 0
	for w, word := range e.cand {
		for word != 0 {
			doc := uint32(w*64 + bits.TrailingZeros64(word))
			word &= word - 1
			found++
			d := &docs[doc]
			normT := 1 - titleB + titleB*float64(d.titleLen)/max(avgT, 1)
			normB := 1 - bodyB + bodyB*float64(d.bodyLen)/max(avgB, 1)
			score := 0.0
			for i := range e.q.clauses {
				c := &e.q.clauses[i]
				if c.Not {
					continue
				}
				a := &e.accs[i]
				tf := titleWeight*float64(a.title[doc])/normT + float64(a.body[doc])/normB
				score += c.idf * tf * (k1 + 1) / (k1 + tf)
			}
			top.push(scored{score: score, art: d.art})
		}
	}
	return found
}

// fill finds where one clause matches in the segment.
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
	case c.isPhrase():
		e.phrase(c, a, docs, src)
	default:
		for _, t := range c.terms {
			cur := newCursor(src.postings(t))
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

// phrase finds the articles where the clause's words stand in a row.
func (e *evaluator) phrase(c *cclause, a *acc, docs []docInfo, src postingSource) {
	k := len(c.slots)
	e.cs = e.cs[:0]
	for _, t := range c.slots {
		d := src.postings(t)
		if len(d) == 0 {
			return
		}
		e.cs = append(e.cs, newCursor(d))
	}
	e.pl = grow(e.pl, k)
	for i := range e.cs {
		if !e.cs[i].advance() {
			return
		}
	}
	for {
		target := uint32(0)
		for i := range e.cs {
			target = max(target, e.cs[i].doc)
		}
		same := true
		for i := range e.cs {
			if e.cs[i].doc < target && !e.cs[i].seek(target) {
				return
			}
			same = same && e.cs[i].doc == target
		}
		if !same {
			continue
		}
		for i := range e.cs {
			e.pl[i] = e.cs[i].positions(e.pl[i][:0])
		}
		body, title := e.phraseCount(e.pl[:k], &docs[target], c.Field)
		a.hit(target, body, title)
		for i := range e.cs {
			if !e.cs[i].advance() {
				return
			}
		}
	}
}

// phraseCount counts where the position lists follow each other, in the
// text and in the title, as the field allows.
func (e *evaluator) phraseCount(pl [][]uint32, d *docInfo, f Field) (body, title uint32) {
	e.idx = resize(e.idx, len(pl))
	idx := e.idx
	k := uint32(len(pl))
	for _, p := range pl[0] {
		all := true
		for i := 1; i < len(pl); i++ {
			want := p + uint32(i)
			for idx[i] < len(pl[i]) && pl[i][idx[i]] < want {
				idx[i]++
			}
			if idx[i] >= len(pl[i]) {
				return
			}
			if pl[i][idx[i]] != want {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		inTitle := p+k <= d.titleLen
		switch {
		case f == InTitle && inTitle, f == Anywhere && inTitle:
			title++
		case f == Anywhere && p > d.titleLen, f == InQuote && inQuote(d.quotes, p, k):
			body++
		}
	}
	return
}
