// Package quotes finds the quotations in a news article and who said them.
// Extraction is a pure function of the text: no I/O, no state.
package quotes

import (
	"math"
	"strings"
	"sync"
)

// Span is a byte range [Start, End) of the text.
type Span struct {
	Start, End int
}

// Quote is one utterance: the words inside its quotation marks (one span, or
// several when attribution splits it or it runs over paragraphs) and who said it.
type Quote struct {
	Spans   []Span
	Speaker string // the fullest name the article gives, "" when nobody can be named
	Mention string // the words of the text that named the speaker
}

// Start is the offset of the quote's first word.
func (q Quote) Start() int { return q.Spans[0].Start }

// Text is the quote's words, its parts joined with an ellipsis.
func (q Quote) Text(text string) string {
	parts := make([]string, len(q.Spans))
	for i, s := range q.Spans {
		parts[i] = text[s.Start:s.End]
	}
	return strings.Join(parts, " … ")
}

// Extract returns the quotes of text in order. paras are the paragraphs of
// the text; nil means every line is one.
func Extract(text string, paras []Span) []Quote {
	if len(text) > math.MaxInt32 { // offsets are kept in 32 bits
		return nil
	}
	if paras == nil {
		paras = lines(text)
	}
	e := pool.Get().(*extractor)
	defer e.release()
	e.text, e.paras = text, paras
	e.findSpans()
	if len(e.parts) == 0 {
		return nil
	}
	e.attribute()
	return e.quotes
}

// pool keeps the scratch slices of extractors between articles: loading
// extracts from thousands of them.
var pool = sync.Pool{New: func() any { return new(extractor) }}

func (e *extractor) release() {
	clear(e.people)
	*e = extractor{marks: e.marks[:0], parts: e.parts[:0], toks: e.toks[:0], caps: e.caps[:0], people: e.people[:0], lowb: e.lowb[:0], wins: e.wins[:0]}
	pool.Put(e)
}

func lines(text string) []Span {
	var out []Span
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		if end > i {
			out = append(out, Span{i, end})
		}
		i = end + 1
	}
	return out
}
