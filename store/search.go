package store

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hit is one article that answers a query.
type Hit struct {
	Article *Article
	Score   float64
	Matches int    // how many times the query's words occur
	Snippet string // one line around the best match
	// Marks are the byte ranges of the matched words in Snippet.
	Marks []Span
}

// ScanSearch ranks articles by a query by scanning their text: every word
// must occur (case-insensitive, in the title or the body); title matches
// weigh more. It is the simple engine, for small collections and as a
// reference for the index.
func ScanSearch(arts []*Article, query string, limit int) []Hit {
	terms := strings.Fields(foldString(query))
	if len(terms) == 0 {
		return nil
	}
	var hits []Hit
	for _, a := range arts {
		title, body := foldString(a.Title), foldString(a.Body)
		score, total := 0.0, 0
		ok := true
		for _, t := range terms {
			nt, nb := strings.Count(title, t), strings.Count(body, t)
			if nt+nb == 0 {
				ok = false
				break
			}
			total += nt + nb
			score += 3*float64(min(nt, 3)) + math.Log1p(float64(nb))
		}
		if !ok {
			continue
		}
		score /= math.Log(float64(a.Words) + math.E)
		h := Hit{Article: a, Score: score, Matches: total}
		h.Snippet, h.Marks = snippet(a.Body, body, terms)
		hits = append(hits, h)
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}

// foldString lowercases s when that keeps byte offsets, so that offsets in
// the folded text are offsets in s.
func foldString(s string) string {
	f := strings.ToLower(s)
	if len(f) != len(s) {
		b := []byte(s)
		for i := 0; i < len(b); i++ {
			if b[i] < utf8.RuneSelf {
				b[i] = byte(unicode.ToLower(rune(b[i])))
			}
		}
		return string(b)
	}
	return f
}

// snippet returns about 80 bytes of body around the first match, on word boundaries.
func snippet(body, folded string, terms []string) (string, []Span) {
	first := -1
	for _, t := range terms {
		if i := strings.Index(folded, t); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < 0 {
		first = 0
	}
	start := max(0, first-30)
	for start > 0 && body[start-1] != ' ' && body[start-1] != '\n' && first-start < 50 {
		start--
	}
	for start < len(body) && !utf8.RuneStart(body[start]) {
		start++
	}
	end := min(len(body), start+100)
	for end < len(body) && body[end] != ' ' && end-start < 130 {
		end++
	}
	for end < len(body) && !utf8.RuneStart(body[end]) {
		end++
	}
	s := strings.ReplaceAll(body[start:end], "\n", " ")
	var marks []Span
	fs := folded[start:end]
	for _, t := range terms {
		for off := 0; ; {
			i := strings.Index(fs[off:], t)
			if i < 0 {
				break
			}
			marks = append(marks, Span{Start: off + i, End: off + i + len(t)})
			off += i + len(t)
		}
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].Start < marks[j].Start })
	if start > 0 {
		s = "…" + s
		for i := range marks {
			marks[i].Start += len("…")
			marks[i].End += len("…")
		}
	}
	if end < len(body) {
		s += "…"
	}
	return s, marks
}
