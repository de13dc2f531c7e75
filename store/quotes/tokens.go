package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tPunct
	tQuote // a whole quote part, marks included
)

// tok is a word or a punctuation mark of the text outside the quotes, or a
// whole quote part, so that the words around a quote read as a sentence.
type tok struct {
	pos, end int32
	part     int32 // the part, for a quote
	para     int32
	kind     tokKind
	cap      bool // a word that starts with a capital
}

// tokenize cuts the paragraphs into tokens once; a quote part becomes one
// token. Paragraphs with no quote in or after them only need their names,
// so there the words in lower case are skipped and leave one break.
func (e *extractor) tokenize() {
	e.lowb = append(e.lowb[:0], e.text...) // folded by word as it reads
	e.toks = e.toks[:0]
	pi := 0 // next part
	for para, p := range e.paras {
		// a quote here, or in the next paragraph when this one ends in a colon
		full := pi < len(e.parts) && (e.parts[pi].para == para || e.parts[pi].para == para+1 && e.text[p.End-1] == ':') ||
			pi > 0 && e.parts[pi-1].para == para-1 && startsWithDash(e.text[p.Start:p.End]) // "— Jane Doe" under a quote
		for i := p.Start; i < p.End; {
			if pi < len(e.parts) && e.parts[pi].para == para && i >= e.parts[pi].open {
				e.parts[pi].tok = len(e.toks)
				e.toks = append(e.toks, tok{pos: int32(e.parts[pi].open), end: int32(e.parts[pi].close), kind: tQuote, part: int32(pi), para: int32(para)})
				i = max(i, e.parts[pi].close)
				pi++
				continue
			}
			stop := p.End
			if pi < len(e.parts) && e.parts[pi].para == para {
				stop = e.parts[pi].open
			}
			c := e.text[i]
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				i++
			case !full && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9'):
				for i < stop && isWordByte(e.text[i]) {
					i++
				}
				e.brk(i, para)
			case c == '<' && tagEnd(e.text[i:stop]) > 0:
				i += tagEnd(e.text[i:stop]) // markup reads as a space
			case c < 0x80 && isWordByte(c):
				i = e.word(i, stop, para)
			case c < 0x80:
				if full || c == '.' || c == '?' || c == '!' { // sentence ends tell who a pronoun stands for
					e.punct(i, i+1, para)
				} else {
					e.brk(i, para)
				}
				i++
			default:
				r, n := utf8.DecodeRuneInString(e.text[i:stop])
				switch {
				case unicode.IsLetter(r) || unicode.IsDigit(r):
					i = e.word(i, stop, para)
				case unicode.IsSpace(r):
					i += n
				default:
					e.punct(i, i+n, para)
					i += n
				}
			}
			if i > stop && stop < p.End {
				i = stop
			}
		}
	}
	e.low = string(e.lowb)
}

func startsWithDash(s string) bool {
	return strings.HasPrefix(s, "-") || strings.HasPrefix(s, "—") || strings.HasPrefix(s, "–") || strings.HasPrefix(s, "―")
}

// brk stands for skipped words, so that names on either side stay apart.
func (e *extractor) brk(i, para int) {
	if n := len(e.toks); n > 0 && e.toks[n-1].kind == tWord {
		e.punct(i, i, para)
	}
}

// tagEnd is the length of the HTML or XML tag at the start of s, 0 when
// there is none.
func tagEnd(s string) int {
	if len(s) < 3 || !(s[1] == '/' || s[1] == '!' || s[1] >= 'a' && s[1] <= 'z' || s[1] >= 'A' && s[1] <= 'Z') {
		return 0
	}
	for i := 1; i < len(s) && i < 300; i++ {
		switch s[i] {
		case '>':
			return i + 1
		case '<', '\n':
			return 0
		}
	}
	return 0
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '@' || c == '#'
}

func (e *extractor) punct(i, j, para int) {
	e.toks = append(e.toks, tok{pos: int32(i), end: int32(j), kind: tPunct, para: int32(para)})
}

// word reads a word from i: letters and digits joined by - ' ’ and the dots
// of U.S. or Sen. or J. that belong to it.
func (e *extractor) word(i, stop, para int) int {
	j := i
	text, low := e.text[:stop], e.lowb[:stop]
	for j < len(text) {
		c := text[j]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				low[j] = c + 'a' - 'A'
				j++
				continue
			}
			if isWordByte(c) {
				j++
				continue
			}
			if (c == '-' || c == '\'' || c == '.' || c == '&') && j+1 < stop && isWordByte(e.text[j+1]) && e.text[j+1] != '@' {
				j++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(e.text[j:stop])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += n
			continue
		}
		if r == '’' && j+n < stop {
			if r2, _ := utf8.DecodeRuneInString(e.text[j+n : stop]); unicode.IsLetter(r2) {
				j += n
				continue
			}
		}
		break
	}
	if j < stop && e.text[j] == '.' && (e.keepsDot(i, j) || j+1 < stop && strings.IndexByte("),", e.text[j+1]) >= 0) {
		j++
	}
	r, _ := utf8.DecodeRuneInString(e.text[i:j])
	e.toks = append(e.toks, tok{pos: int32(i), end: int32(j), kind: tWord, cap: unicode.IsUpper(r), para: int32(para)})
	return j
}

// keepsDot tells whether the period after a word is part of it: an initial,
// a title (Sen.), or a dotted abbreviation (U.S., D-Mo.).
func (e *extractor) keepsDot(i, j int) bool {
	w := e.text[i:j]
	if strings.IndexByte(w, '.') >= 0 {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) && unicode.IsUpper(r) {
		return true
	}
	return j-i <= 6 && abbrevs[string(e.lowb[i:j])]
}

// abbrevs are words whose period does not end a sentence.
var abbrevs = wordSet(`mr mrs ms dr sen sens rep reps gov gen lt col sgt capt prof jr sr st rev pres atty supt
insp cmdr adm maj cpl pvt amb hon messrs mmes mme mlle fr msgr no vs etc inc corp co ltd jan feb mar apr aug sept
sep oct nov dec ave blvd mt ft calif fla ill mass mich minn penn tenn tex wis ariz colo conn del ga ind kan ky la md
miss mo mont neb nev okla ore pa va vt wash wyo ala ark`)

func (e *extractor) s(t tok) string { return e.text[t.pos:t.end] }

// lower is a word in lower case without its final period; ASCII letters
// only are folded, which is all the word lists need.
func (e *extractor) lower(t tok) string {
	end := t.end
	if end > t.pos+1 && e.low[end-1] == '.' {
		end--
	}
	return e.low[t.pos:end]
}

func (e *extractor) isPunct(t tok, set string) bool {
	if t.kind != tPunct {
		return false
	}
	r, _ := utf8.DecodeRuneInString(e.s(t))
	return strings.ContainsRune(set, r)
}

const dashes = "—–―-"

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
