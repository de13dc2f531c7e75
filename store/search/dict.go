package search

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// dict is the vocabulary: every folded word seen, its stem, and how many
// articles of the sealed segments hold it. Term and stem IDs are dense and
// never change, so segments index their tables by them.
type dict struct {
	mu     sync.RWMutex
	table  termTable
	terms  []string
	tails  []uint64 // term -> its bytes 8 to 16, zero-padded (see longSame)
	stemOf []uint32 // term -> stem
	// the stems as the terms: their table, and each stem's word and tail
	stemTable termTable
	stems     []string
	stemTails []uint64
	family    [][]uint32 // stem -> terms
	df        []uint32   // term -> articles in sealed segments
	stemDF    []uint32   // stem -> articles in sealed segments
	masks     []uint32   // term -> letters it holds, to skip far terms fast when correcting typos
	common    []uint8    // term -> its place in commonWords + 1; 0 when not one

	sortMu sync.Mutex
	sorted []uint32 // term IDs in word order, covering the first len(sorted) terms
}

func newDict() *dict {
	return &dict{table: newTermTable(), stemTable: newTermTable()}
}

// lookup returns the ID of a folded word, if it is known. The caller holds mu.
func (d *dict) lookup(term []byte) (uint32, bool) {
	return d.table.get(term, d.table.keyOf(term), d.terms, d.tails)
}

// insert adds a word, returning its ID. The caller holds mu for writing.
func (d *dict) insert(term string) uint32 {
	if id, ok := d.lookup([]byte(term)); ok {
		return id
	}
	id := uint32(len(d.terms))
	d.terms = append(d.terms, term)
	d.tails = append(d.tails, wordTail(term))
	d.table.put([]byte(term), id, d.terms, d.tails)
	st := stem(term)
	sid, ok := d.stemIDOf(st)
	if !ok {
		sid = uint32(len(d.family))
		d.stems = append(d.stems, st)
		d.stemTails = append(d.stemTails, wordTail(st))
		d.stemTable.put([]byte(st), sid, d.stems, d.stemTails)
		d.family = append(d.family, nil)
		d.stemDF = append(d.stemDF, 0)
	}
	d.family[sid] = append(d.family[sid], id)
	d.stemOf = append(d.stemOf, sid)
	d.df = append(d.df, 0)
	d.masks = append(d.masks, letterMask(term))
	d.common = append(d.common, commonIndex[term])
	return id
}

// commonWords are the words most frequent in English news. Two of them in
// a row are indexed as one more term as well, "to the" (Lucene's common
// grams): a phrase of them would otherwise read the positions of the
// commonest words in every article.
var commonWords = [...]string{"the", "of", "to", "and", "a", "in", "is", "that", "for", "it", "on", "was", "with", "he",
	"as", "at", "by", "be", "has", "have", "from", "his", "are", "said", "will", "but", "not",
	"this", "an", "its", "they", "had", "who", "been", "were", "which", "their", "or", "i", "we",
	"after", "would", "also", "more", "than", "there", "she", "her", "can", "all", "one", "up",
	"out", "about", "into", "if", "new", "could", "so", "no"}

// commonIndex is each common word's place in commonWords + 1.
var commonIndex = func() map[string]uint8 {
	m := make(map[string]uint8, len(commonWords))
	for i, w := range commonWords {
		m[w] = uint8(i + 1)
	}
	return m
}()

// isPair: a term made of two common words, "to the".
func isPair(term string) bool { return strings.IndexByte(term, ' ') >= 0 }

// stem is the English stem of a folded word; words with digits or other
// scripts are their own stem.
func stem(term string) string {
	for i := 0; i < len(term); i++ {
		c := term[i]
		if (c < 'a' || c > 'z') && c != '\'' {
			return term
		}
	}
	return porter2(term)
}

// stemID is the stem of a query word, if any indexed word has it. The
// caller holds mu.
func (d *dict) stemID(word string) (uint32, bool) {
	return d.stemIDOf(stem(word))
}

// stemIDOf is the ID of a stem, if any indexed word has it. The caller
// holds mu.
func (d *dict) stemIDOf(st string) (uint32, bool) {
	b := unsafe.Slice(unsafe.StringData(st), len(st)) // only read
	return d.stemTable.get(b, d.stemTable.keyOf(b), d.stems, d.stemTails)
}

// withPrefix returns the terms starting with p, at most limit of them, the
// most common first.
func (d *dict) withPrefix(p string, limit int, df func(uint32) int) []uint32 {
	d.sortMu.Lock()
	defer d.sortMu.Unlock()
	sorted, terms := d.sortAll()
	lo, _ := slices.BinarySearchFunc(sorted, p, func(id uint32, p string) int { return strings.Compare(terms[id], p) })
	var out []uint32
	for i := lo; i < len(sorted) && strings.HasPrefix(terms[sorted[i]], p); i++ {
		if !isPair(terms[sorted[i]]) {
			out = append(out, sorted[i])
		}
	}
	if len(out) > limit {
		slices.SortStableFunc(out, func(a, b uint32) int { return df(b) - df(a) })
		out = out[:limit]
	}
	return out
}

// sortAll brings sorted up to every term known, merging in the words new
// since, and returns it with the terms it covers. The caller holds sortMu.
func (d *dict) sortAll() ([]uint32, []string) {
	d.mu.RLock()
	n := len(d.terms)
	terms := d.terms[:n:n]
	d.mu.RUnlock()
	if len(d.sorted) < n {
		fresh := make([]uint32, 0, n-len(d.sorted))
		for id := len(d.sorted); id < n; id++ {
			fresh = append(fresh, uint32(id))
		}
		byWord := func(a, b uint32) int { return strings.Compare(terms[a], terms[b]) }
		slices.SortFunc(fresh, byWord)
		merged := make([]uint32, 0, n)
		i, j := 0, 0
		for i < len(d.sorted) && j < len(fresh) {
			if byWord(d.sorted[i], fresh[j]) < 0 {
				merged = append(merged, d.sorted[i])
				i++
			} else {
				merged = append(merged, fresh[j])
				j++
			}
		}
		d.sorted = append(append(merged, d.sorted[i:]...), fresh[j:]...)
	}
	return d.sorted, terms
}

// letterMask has bit i set when the word holds letter 'a'+i (digits and
// other runes share the last bits).
func letterMask(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			m |= 1 << (c - 'a')
		case c >= '0' && c <= '9':
			m |= 1 << 26
		default:
			m |= 1 << (27 + c%5)
		}
	}
	return m
}

// nearest is the indexed word closest to w by edit distance (a swap of
// two letters counts one), within one edit for short words and two for
// long ones; the most common wins a tie. "" when there is none.
func (d *dict) nearest(w string, df func(uint32) int) string {
	n := len(w)
	limit := 2
	switch {
	case n < 3:
		return ""
	case n < 6:
		limit = 1
	}
	d.mu.RLock()
	terms, masks := d.terms, d.masks
	d.mu.RUnlock()
	mask := letterMask(w)
	best, bestDist, bestDF := "", limit+1, 0
	var scratch [3][]int
	for id, t := range terms {
		if abs(len(t)-n) > limit || bits.OnesCount32(masks[id]^mask) > 2*limit {
			continue
		}
		if isPair(t) {
			continue
		}
		dist := editDistance(w, t, limit, &scratch)
		if dist > limit || dist > bestDist {
			continue
		}
		f := df(uint32(id))
		if dist < bestDist || f > bestDF {
			best, bestDist, bestDF = t, dist, f
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// editDistance is the optimal string alignment distance of a and b in
// bytes, or limit+1 once it is sure to exceed limit.
func editDistance(a, b string, limit int, rows *[3][]int) int {
	for i := range rows {
		if cap(rows[i]) < len(b)+1 {
			rows[i] = make([]int, len(b)+1)
		}
		rows[i] = rows[i][:len(b)+1]
	}
	prev2, prev, cur := rows[0], rows[1], rows[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		lowest := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			lowest = min(lowest, v)
		}
		if lowest > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
