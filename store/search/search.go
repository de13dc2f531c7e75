package search

import (
	"context"
	"math"
	"slices"

	"newsreader/store"
)

// Result is the answer to one query.
type Result struct {
	Query Query // as read, with any correction applied
	Hits  []Hit // best first
	Total int   // articles that match, of which Hits are the best
	// Estimated says Total is an estimate: a phrase of common words was not
	// looked for in articles that could not rank among the hits, and Total
	// counts as many of them as the share of those checked that held it.
	Estimated bool
	// Suggestion is the query with each word that is in no article
	// replaced by the nearest indexed word; Hits answer it. "" when every
	// word was found.
	Suggestion string
}

// Hit is one article that answers a query.
type Hit struct {
	Article *store.Article
	Score   float64
	// Matches counts the matched words and phrases in the article as the
	// reader shows it: a plain text's title is its first line or sentence,
	// counted once, in the text.
	Matches int

	Snippet string       // one line of the text around the best match
	Marks   []store.Span // the matches inside Snippet, as byte ranges

	Ranges      []store.Span // every match in the article's body, in order
	TitleRanges []store.Span // every match in Article.Title
	// Words are the distinct words and phrases matched, as written in the
	// article, for the reader's find. Quotes matched by speaker: are not words.
	Words []string
}

// BM25F: k1 and b as usual; a word in the title counts titleWeight times
// one in the text, each field normalised by its own mean length.
const (
	k1          = 1.2
	bodyB       = 0.75
	titleB      = 0.5
	titleWeight = 3.0
	speakerIDF  = 2.0 // a quote by the speaker weighs as a fairly rare word
	maxPrefix   = 256 // a prefix stands for at most this many words, the most common
)

// Search answers a query with at most limit hits (all when limit <= 0).
func (x *Index) Search(query string, limit int) Result {
	r, _ := x.SearchContext(context.Background(), query, limit)
	return r
}

// SearchContext is Search that stops early, with ctx's error, once ctx
// is done: a query overtaken by the next keystroke need not finish.
func (x *Index) SearchContext(ctx context.Context, query string, limit int) (Result, error) {
	return x.search(ctx, query, 0, limit, true)
}

// SearchPage is SearchContext for the hits ranked from from on, at most
// limit of them: a list shows the next page of a long answer as it is
// scrolled to. The first page after the first ranks every hit, once: the
// ranking is kept, while the index is unchanged, for the pages after.
func (x *Index) SearchPage(ctx context.Context, query string, from, limit int) (Result, error) {
	return x.search(ctx, query, from, limit, true)
}

// ranking is one query's hits in order, before their details are worked
// out, as the index was when it was asked.
type ranking struct {
	query string
	gen   uint64 // Index.gen when ranked
	cq    *compiled
	res   Result // all but the hits
	hits  []scored
	all   bool // every hit, not only the best
}

// holds reports whether the ranking answers query, ranked to from+limit
// (all when limit <= 0), on the index as of gen.
func (r *ranking) holds(query string, gen uint64, from, limit int) bool {
	return r != nil && r.query == query && r.gen == gen && (r.all || limit > 0 && len(r.hits) >= from+limit)
}

// changed says the index answers differently now: the kept ranking is
// dropped, so that it keeps no article alive. Call it after the change.
func (x *Index) changed() {
	x.gen.Add(1)
	if x.last.Load() != nil {
		x.last.Store(nil)
	}
}

// search answers a query with the hits ranked from from on; without
// details, the hits have only their article and score.
func (x *Index) search(ctx context.Context, query string, from, limit int, details bool) (Result, error) {
	gen := x.gen.Load() // before the snapshot: a change after it makes the ranking stale
	r := x.last.Load()
	if !r.holds(query, gen, from, limit) {
		depth := 0 // a page after the first: rank them all, once, for every page
		if from == 0 && limit > 0 {
			depth = limit // as the query is typed: only the best
		}
		var err error
		if r, err = x.rank(ctx, query, depth); err != nil || r.cq == nil {
			return r.res, err
		}
		r.gen = gen
		x.last.Store(r) // one query's: the one before goes
	}
	res := r.res
	hits := r.hits[min(from, len(r.hits)):]
	if limit > 0 {
		hits = hits[:min(limit, len(hits))]
	}
	res.Hits = make([]Hit, len(hits))
	var m matcher
	for i, h := range hits {
		if i%32 == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
		}
		res.Hits[i] = Hit{Article: h.art}
		if details {
			res.Hits[i] = m.hit(r.cq, h.art)
		}
		res.Hits[i].Score = h.score
	}
	x.doneReading() // the details read the words of the query, in the index
	return res, nil
}

// rank finds and orders the best depth hits of a query (all when depth
// <= 0). Its cq is nil when the query can find nothing.
func (x *Index) rank(ctx context.Context, query string, depth int) (*ranking, error) {
	q := Parse(query)
	snap := x.snapshot()
	cq, corrected := x.compile(q, snap)
	r := &ranking{query: query, res: Result{Query: cq.query}}
	if corrected {
		r.res.Suggestion = cq.query.String()
	}
	if !cq.answerable() {
		return r, nil
	}
	cq.weigh(snap)
	top := topK{limit: depth}
	ev := evaluator{q: cq, st: snap.stats}
	for _, c := range cq.clauses {
		if !c.Not && c.isPhrase() {
			ev.phrases++
		}
	}
	res := &r.res
	for _, s := range snap.sealed {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		res.Total += ev.segment(s.docs, s.gone, s, &top)
		x.doneReading()
	}
	for _, b := range snap.open {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		b.mu.RLock()
		res.Total += ev.segment(b.docs, nil, b, &top)
		b.mu.RUnlock()
	}
	if ev.unchecked > 0 {
		// as many of them hold the phrase as of the articles checked
		res.Total += int(math.Round(float64(ev.unchecked) * float64(ev.held) / float64(max(ev.checked, 1))))
		res.Estimated = true
	}
	r.cq, r.hits = cq, top.sorted()
	r.all = depth <= 0 || len(r.hits) < depth
	return r, nil
}

// snapshot is what one query reads of the index: the segments as they
// were when it started, and the collection's statistics.
type snapshot struct {
	sealed []*segment
	open   []*builder
	stats  stats
	x      *Index
}

func (x *Index) snapshot() *snapshot {
	x.mu.RLock()
	defer x.mu.RUnlock()
	s := &snapshot{sealed: slices.Clone(x.sealed), open: slices.Clone(x.open), stats: x.stats, x: x}
	for _, b := range s.open {
		b.mu.RLock()
		s.stats.add(b.stats)
		b.mu.RUnlock()
	}
	return s
}

// termDF is how many articles hold term t; stemDF how many hold a word of
// stem st.
func (s *snapshot) termDF(t uint32) int  { return s.df(t, false) }
func (s *snapshot) stemDF(st uint32) int { return s.df(st, true) }

// df counts in the sealed segments, then in each open one.
func (s *snapshot) df(id uint32, isStem bool) int {
	d := s.x.dict
	d.mu.RLock()
	n := int(d.df[id])
	if isStem {
		n = int(d.stemDF[id])
	}
	d.mu.RUnlock()
	for _, b := range s.open {
		b.mu.RLock()
		switch {
		case !isStem:
			n += b.termDF(id)
		case int(id) < len(b.stemDF):
			n += int(b.stemDF[id])
		}
		b.mu.RUnlock()
	}
	return n
}

// compiled is a query resolved against the dictionary.
type compiled struct {
	query   Query
	clauses []cclause
}

type cclause struct {
	Clause
	terms    []uint32        // word or prefix: any of these terms
	slots    []uint32        // phrase: the term of each word
	parts    []part          // phrase: the terms to read, pairs of common words as one
	stem     uint32          // word: its stem
	missing  bool            // some word is in no article
	speakers []bool          // speaker: which speaker IDs + 1 match
	surfaces map[string]bool // word or prefix: the folded words that match
	first    [256]bool       // the first bytes of the words that match, to pass over the rest fast
	idf      float64
}

// compile resolves each clause; a word that is in no article is replaced
// by the nearest indexed word, and corrected says so.
func (x *Index) compile(q Query, snap *snapshot) (*compiled, bool) {
	cq := &compiled{query: Query{Clauses: slices.Clone(q.Clauses)}}
	corrected := false
	for i := range cq.query.Clauses {
		c := x.resolve(cq.query.Clauses[i], snap)
		if !c.Not && !c.Prefix && c.Field != BySpeaker && x.beginsWords(c) {
			// "gove", half typed: the words it begins (government,
			// governor), not the nearest word (move)
			fixed := c.Clause
			fixed.Prefix = true
			cq.query.Clauses[i] = fixed
			c, corrected = x.resolve(fixed, snap), true
		} else if c.missing && !c.Not && !c.Prefix && c.Field != BySpeaker {
			fixed := c.Clause
			fixed.Words = slices.Clone(c.Words)
			changed := false
			for j, w := range fixed.Words {
				if x.known(w, c.Phrase) {
					continue
				}
				if n := x.dict.nearest(w, func(t uint32) int { return snap.termDF(t) }); n != "" {
					fixed.Words[j], changed = n, true
				}
			}
			if changed {
				cq.query.Clauses[i] = fixed
				c, corrected = x.resolve(fixed, snap), true
			}
		} else if n := x.misspelt(c, snap); n != "" {
			fixed := c.Clause
			fixed.Words = []string{n}
			cq.query.Clauses[i] = fixed
			c, corrected = x.resolve(fixed, snap), true
		}
		cq.clauses = append(cq.clauses, c)
	}
	return cq, corrected
}

// beginsWords is true for a clause of one word, three letters or more,
// that is in no article as typed but starts words that are: a word still
// being typed.
func (x *Index) beginsWords(c cclause) bool {
	if c.Phrase || len(c.Words) != 1 || len(c.Words[0]) < 3 || x.known(c.Words[0], true) {
		return false
	}
	// as typed it is in no article ("gover" stems as "governess" does, so
	// its stem may be)
	return len(x.dict.withPrefix(c.Words[0], 1, func(uint32) int { return 0 })) > 0
}

// misspelt is the word a clause of one word was meant to be when the word
// as typed is in no article and only a rare word shares its stem, while a
// word a letter or two away is ten times as common: "goverment" stems as
// "governess" does, but means "government". "" when it is no such word.
func (x *Index) misspelt(c cclause, snap *snapshot) string {
	if c.missing || c.Not || c.Prefix || c.Phrase || c.Field == BySpeaker || len(c.Words) != 1 {
		return ""
	}
	w := c.Words[0]
	if x.known(w, true) {
		return ""
	}
	family := snap.stemDF(c.stem)
	n := x.dict.nearest(w, func(t uint32) int { return snap.termDF(t) })
	if n == "" || stem(n) == stem(w) {
		return ""
	}
	x.dict.mu.RLock()
	id, ok := x.dict.lookup([]byte(n))
	x.dict.mu.RUnlock()
	if !ok || snap.termDF(id) < 10*max(1, family) {
		return ""
	}
	return n
}

// known reports whether a word is indexed: as written for a phrase,
// else as any word of its stem.
func (x *Index) known(w string, exact bool) bool {
	x.dict.mu.RLock()
	defer x.dict.mu.RUnlock()
	if exact {
		_, ok := x.dict.lookup([]byte(w))
		return ok
	}
	_, ok := x.dict.stemID(w)
	return ok
}

func (x *Index) resolve(c Clause, snap *snapshot) cclause {
	cc := cclause{Clause: c}
	d := x.dict
	switch {
	case c.Field == BySpeaker:
		cc.speakers = x.speakers.matching(c.Words, c.Prefix)
		return cc
	case c.Prefix:
		cc.terms = d.withPrefix(c.Words[0], maxPrefix, snap.termDF)
		cc.missing = len(cc.terms) == 0
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	switch {
	case c.Prefix:
	case c.Phrase:
		for _, w := range c.Words {
			id, ok := d.lookup([]byte(w))
			cc.slots = append(cc.slots, id)
			cc.missing = cc.missing || !ok
		}
		if cc.missing {
			break
		}
		if len(cc.slots) == 1 {
			cc.terms = cc.slots
		}
		for i := 0; i < len(c.Words); i++ {
			if i+1 < len(c.Words) && d.common[cc.slots[i]] != 0 && d.common[cc.slots[i+1]] != 0 {
				// every such pair in the text is indexed: none means no match
				id, ok := d.lookup([]byte(c.Words[i] + " " + c.Words[i+1]))
				cc.parts = append(cc.parts, part{id, uint32(i)})
				cc.missing = cc.missing || !ok
				i++
				continue
			}
			cc.parts = append(cc.parts, part{cc.slots[i], uint32(i)})
		}
	default:
		st, ok := d.stemID(c.Words[0])
		cc.stem, cc.missing = st, !ok
		if ok {
			cc.terms = slices.Clone(d.family[st])
		}
	}
	if !c.isPhrase() {
		cc.surfaces = make(map[string]bool, len(cc.terms))
		for _, t := range cc.terms {
			cc.surfaces[d.terms[t]] = true
			cc.first[d.terms[t][0]] = true
		}
	} else {
		cc.first[c.Words[0][0]] = true
	}
	return cc
}

// part is a term of a phrase and its offset from the phrase's start.
type part struct{ term, off uint32 }

// isPhrase: several words that must stand together.
func (c Clause) isPhrase() bool { return c.Phrase && len(c.Words) > 1 }

// answerable: some clause must match for an article to be found, and
// every such clause can.
func (cq *compiled) answerable() bool {
	pos := false
	for _, c := range cq.clauses {
		if c.Not {
			continue
		}
		if c.missing {
			return false
		}
		pos = true
	}
	return pos
}

// weigh sets each clause's inverse document frequency.
func (cq *compiled) weigh(snap *snapshot) {
	n := float64(snap.stats.docs)
	idf := func(df int) float64 {
		return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	}
	for i := range cq.clauses {
		c := &cq.clauses[i]
		switch {
		case c.Not:
		case c.Field == BySpeaker:
			c.idf = speakerIDF
		case c.isPhrase():
			for _, t := range c.slots {
				c.idf += idf(snap.termDF(t))
			}
		case c.Prefix || c.Phrase:
			most := 0
			for _, t := range c.terms {
				most = max(most, snap.termDF(t))
			}
			c.idf = idf(most)
		default:
			c.idf = idf(snap.stemDF(c.stem))
		}
	}
}

// scored is one article that matches, before its details are worked out.
type scored struct {
	score float64
	art   *store.Article
}

// better orders hits: higher score first, then the reader's order.
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return store.ArticleLess(a.art, b.art)
}

// topK keeps the best limit hits (all when limit <= 0) in a heap whose
// root is the worst kept.
type topK struct {
	limit int
	h     []scored
}

// threshold is the score a hit must beat to be kept, once there are limit.
func (t *topK) threshold() (float64, bool) {
	if t.limit <= 0 || len(t.h) < t.limit {
		return 0, false
	}
	return t.h[0].score, true
}

func (t *topK) push(s scored) {
	if t.limit <= 0 || len(t.h) < t.limit {
		t.h = append(t.h, s)
		if t.limit > 0 {
			t.up(len(t.h) - 1)
		}
		return
	}
	if !better(s, t.h[0]) {
		return
	}
	t.h[0] = s
	t.down(0)
}

func (t *topK) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !better(t.h[p], t.h[i]) {
			return
		}
		t.h[p], t.h[i] = t.h[i], t.h[p]
		i = p
	}
}

func (t *topK) down(i int) {
	for {
		w := i
		for _, c := range []int{2*i + 1, 2*i + 2} {
			if c < len(t.h) && better(t.h[w], t.h[c]) {
				w = c
			}
		}
		if w == i {
			return
		}
		t.h[w], t.h[i] = t.h[i], t.h[w]
		i = w
	}
}

func (t *topK) sorted() []scored {
	slices.SortFunc(t.h, func(a, b scored) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	return t.h
}
