package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// part is one run of quoted words between an opening and a closing mark.
type part struct {
	span    Span
	open    int  // offset of the opening mark
	close   int  // offset just past the closing mark (or the paragraph end)
	para    int  // paragraph index
	openEnd bool // no closing mark before the paragraph ended
	group   int  // utterance it belongs to
}

type extractor struct {
	text   string
	paras  []Span
	parts  []part
	quotes []Quote
}

type markKind int

const (
	notMark markKind = iota
	opening
	closing
	either // a straight quote, or a curly one that may point the wrong way
)

// classify tells whether the rune at i (of width n) can open or close a quote.
func (e *extractor) classify(i, n int, r rune, p Span) markKind {
	prev, next := e.prevRune(i, p.Start), e.nextRune(i+n, p.End)
	before := prev == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:;,", prev)
	after := next == 0 || unicode.IsSpace(next) || unicode.IsPunct(next) && !strings.ContainsRune("“‘'\"(¿¡[…", next)
	switch r {
	case '“', '„', '«', '「', '『':
		if r == '“' && !before && after {
			return closing // “ used as a closing mark, as some sites do
		}
		return opening
	case '”', '»', '」', '』':
		if before && !after && r == '”' {
			return opening // a closing mark pointing the wrong way
		}
		return closing
	case '"':
		switch {
		case before && !after:
			return opening
		case !before && after:
			return closing
		}
		return either
	}
	return notMark
}

func (e *extractor) prevRune(i, lo int) rune {
	if i <= lo {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(e.text[lo:i])
	return r
}

func (e *extractor) nextRune(i, hi int) rune {
	if i >= hi {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(e.text[i:hi])
	return r
}

func isMarkRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '「', '」', '『', '』':
		return true
	}
	return false
}

// findSpans pairs opening and closing marks paragraph by paragraph.
func (e *extractor) findSpans() {
	for pi, p := range e.paras {
		inside := false
		var cur part
		for i := p.Start; i < p.End; {
			r, n := utf8.DecodeRuneInString(e.text[i:p.End])
			if !isMarkRune(r) {
				i += n
				continue
			}
			k := e.classify(i, n, r, p)
			switch {
			case !inside && (k == opening || k == either):
				inside = true
				cur = part{open: i, para: pi, span: Span{Start: i + n}}
			case inside && (k == closing || k == either):
				cur.span.End = i
				cur.close = i + n
				e.addPart(cur)
				inside = false
			case inside && k == opening && i == p.Start:
				// cannot happen: a paragraph starts outside
			}
			i += n
		}
		if inside {
			cur.span.End = p.End
			cur.close = p.End
			cur.openEnd = true
			e.addPart(cur)
		}
	}
}

// addPart trims the spaces around the words and keeps parts that hold a word.
func (e *extractor) addPart(p part) {
	s := e.text[p.span.Start:p.span.End]
	lead := len(s) - len(strings.TrimLeft(s, " \t\n\u00a0"))
	p.span.Start += lead
	p.span.End = p.span.Start + len(strings.TrimRight(s[lead:], " \t\n\u00a0"))
	if !strings.ContainsFunc(e.text[p.span.Start:p.span.End], unicode.IsLetter) {
		return
	}
	e.parts = append(e.parts, p)
}

// words counts the words of a span.
func words(s string) int {
	return len(strings.Fields(s))
}
