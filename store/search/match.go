package search

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"newsreader/store"
)

// The matcher works out a hit's details by reading the article again with
// the same tokenizer: the index keeps word positions, not byte offsets, and
// only the hits returned need offsets.

// snippet sizes in bytes: the text kept before the best match, the
// snippet's length, and how much further it may run to end at a space.
const (
	snippetLead  = 30
	snippetWidth = 110
	snippetSlack = 30
)

// mword is one word of the text: its bytes, and its folded form in matcher.buf.
type mword struct {
	start, end int
	from, to   int
}

// match is one matched word or phrase, or a quotation matched by speaker.
type match struct {
	store.Span
	clause int
	word   bool
}

type matcher struct {
	buf         []byte
	title, body []mword
	inTitle     []match
	inBody      []match
}

func (m *matcher) words(s string, dst []mword) []mword {
	dst = dst[:0]
	t := newTokenizerAfter(s, m.buf)
	for t.next() {
		dst = append(dst, mword{start: t.Start, end: t.End, from: t.from, to: t.n})
	}
	m.buf = t.folded()
	return dst
}

func (m *matcher) term(w mword) []byte { return m.buf[w.from:w.to] }

// hit works out everything about one article but its score.
func (m *matcher) hit(cq *compiled, a *store.Article) Hit {
	m.buf = m.buf[:0]
	m.title = m.words(a.Title, m.title)
	// a body not held is read again; a file changed since gives no snippet
	body, _, err := a.Text()
	aq := a.Quotes
	if err != nil {
		aq = nil // their spans are in a text that is gone
	}
	m.body = m.words(body, m.body)
	m.inTitle, m.inBody = m.inTitle[:0], m.inBody[:0]
	var quotes []store.Span
	if len(aq) > 0 {
		for _, q := range aq {
			quotes = append(quotes, q.Spans...)
		}
	}
	for ci := range cq.clauses {
		c := &cq.clauses[ci]
		if c.Not {
			continue
		}
		switch c.Field {
		case BySpeaker:
			for _, q := range aq {
				if c.MatchesSpeaker(q.Speaker) {
					for _, s := range q.Spans {
						m.inBody = append(m.inBody, match{Span: s, clause: ci})
					}
				}
			}
		case Anywhere:
			m.inTitle = m.find(c, ci, m.title, nil, m.inTitle)
			m.inBody = m.find(c, ci, m.body, nil, m.inBody)
		case InTitle:
			m.inTitle = m.find(c, ci, m.title, nil, m.inTitle)
		case InQuote:
			m.inBody = m.find(c, ci, m.body, quotes, m.inBody)
		}
	}
	byStart := func(a, b match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	}
	slices.SortFunc(m.inTitle, byStart)
	slices.SortFunc(m.inBody, byStart)
	h := Hit{Article: a, TitleRanges: merged(m.inTitle), Ranges: merged(m.inBody)}
	h.Matches = len(h.Ranges) + titleOnly(cq, m.inTitle, a.Format == store.FormatText)
	h.Words = distinctWords(a.Title, m.inTitle, body, m.inBody)
	h.Snippet, h.Marks = snippet(body, m.inBody, h.Ranges)
	return h
}

// titleOnly counts the matches in the title that the body's do not:
// the title of a plain text is its first line or sentence, so a word
// matched anywhere is counted once, where the reader shows it. Only
// title: clauses, which do not look in the body, count there.
func titleOnly(cq *compiled, inTitle []match, titleInBody bool) int {
	if !titleInBody {
		return len(merged(inTitle))
	}
	var only []match
	for _, m := range inTitle {
		if cq.clauses[m.clause].Field == InTitle {
			only = append(only, m)
		}
	}
	return len(merged(only))
}

// find appends the clause's matches among words. A clause for quotes only
// matches inside one of the quote spans.
func (m *matcher) find(c *cclause, ci int, words []mword, quotes []store.Span, dst []match) []match {
	if c.isPhrase() {
		k := len(c.Words)
	next:
		for i := 0; i+k <= len(words); i++ {
			if !c.first[m.buf[words[i].from]] {
				continue
			}
			for j, w := range c.Words {
				if string(m.term(words[i+j])) != w {
					continue next
				}
			}
			s := store.Span{Start: words[i].start, End: words[i+k-1].end}
			if c.Field == InQuote && !within(quotes, s) {
				continue
			}
			dst = append(dst, match{Span: s, clause: ci, word: true})
		}
		return dst
	}
	for _, w := range words {
		if !c.first[m.buf[w.from]] || !c.surfaces[string(m.term(w))] {
			continue
		}
		s := store.Span{Start: w.start, End: w.end}
		if c.Field == InQuote && !within(quotes, s) {
			continue
		}
		dst = append(dst, match{Span: s, clause: ci, word: true})
	}
	return dst
}

func within(spans []store.Span, s store.Span) bool {
	for _, q := range spans {
		if q.Start <= s.Start && s.End <= q.End {
			return true
		}
	}
	return false
}

// merged joins overlapping matches (sorted by start) into ranges.
func merged(ms []match) []store.Span {
	var out []store.Span
	for _, m := range ms {
		if n := len(out); n > 0 && m.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, m.End)
			continue
		}
		out = append(out, m.Span)
	}
	return out
}

// distinctWords are the matched words and phrases as written, each once
// whatever its case.
func distinctWords(title string, inTitle []match, body string, inBody []match) []string {
	var out []string
	seen := map[string]bool{}
	add := func(text string, ms []match) {
		for _, m := range ms {
			if !m.word {
				continue
			}
			w := text[m.Start:m.End]
			k := strings.Join(Fold(w), " ")
			if !seen[k] {
				seen[k] = true
				out = append(out, strings.Clone(w)) // not the whole text, for as long as the hit is kept
			}
		}
	}
	add(title, inTitle)
	add(body, inBody)
	return out
}

// snippet is one line of body around the best match: the one with the
// most different clauses matched close after it, then the most matches.
// marks are the ranges inside the snippet.
func snippet(body string, ms []match, ranges []store.Span) (string, []store.Span) {
	best := store.Span{}
	if len(ms) > 0 {
		bestKinds, bestCount := -1, -1
		reach := snippetWidth - snippetLead
		for i, m := range ms {
			var kinds uint64
			count := 0
			for _, n := range ms[i:] {
				if n.Start >= m.Start+reach {
					break
				}
				kinds |= 1 << (n.clause % 64)
				count++
			}
			k := bits.OnesCount64(kinds)
			if k > bestKinds || k == bestKinds && count > bestCount {
				best, bestKinds, bestCount = m.Span, k, count
			}
		}
	}
	start := max(0, best.Start-snippetLead)
	if start > 0 { // begin at a word
		if i := strings.IndexAny(body[start:best.Start], " \n"); i >= 0 {
			start += i + 1
		} else {
			start = best.Start
		}
	}
	end := min(len(body), start+snippetWidth)
	if end < len(body) {
		if i := strings.IndexAny(body[end:min(len(body), end+snippetSlack)], " \n"); i >= 0 {
			end += i
		}
	}
	for end < len(body) && !utf8.RuneStart(body[end]) {
		end++
	}
	line := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, body[start:end])
	shift := -start
	if start > 0 {
		line = "…" + line
		shift += len("…")
	}
	if end < len(body) {
		line += "…"
	}
	var marks []store.Span
	for _, r := range ranges {
		if r.End <= start || r.Start >= end {
			continue
		}
		marks = append(marks, store.Span{Start: max(r.Start, start) + shift, End: min(r.End, end) + shift})
	}
	return line, marks
}
