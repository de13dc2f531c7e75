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
	pos, end int
	kind     tokKind
	cap      bool // a word that starts with a capital
	part     int  // the part, for a quote
	para     int
}

// tokenize cuts every paragraph into tokens once; a quote part becomes one token.
func (e *extractor) tokenize() {
	e.toks = e.toks[:0]
	pi := 0 // next part
	for para, p := range e.paras {
		for i := p.Start; i < p.End; {
			if pi < len(e.parts) && e.parts[pi].para == para && i >= e.parts[pi].open {
				e.parts[pi].tok = len(e.toks)
				e.toks = append(e.toks, tok{pos: e.parts[pi].open, end: e.parts[pi].close, kind: tQuote, part: pi, para: para})
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
			case c == '<' && tagEnd(e.text[i:stop]) > 0:
				i += tagEnd(e.text[i:stop]) // markup reads as a space
			case c < 0x80 && isWordByte(c):
				i = e.word(i, stop, para)
			case c < 0x80:
				e.punct(i, i+1, para)
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
	e.toks = append(e.toks, tok{pos: i, end: j, kind: tPunct, para: para})
}

// word reads a word from i: letters and digits joined by - ' ’ and the dots
// of U.S. or Sen. or J. that belong to it.
func (e *extractor) word(i, stop, para int) int {
	j := i
	for j < stop {
		c := e.text[j]
		if c < 0x80 {
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
	e.toks = append(e.toks, tok{pos: i, end: j, kind: tWord, cap: unicode.IsUpper(r), para: para})
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
	return abbrevs[strings.ToLower(w)]
}

// abbrevs are words whose period does not end a sentence.
var abbrevs = wordSet(`mr mrs ms dr sen sens rep reps gov gen lt col sgt capt prof jr sr st rev pres atty supt
insp cmdr adm maj cpl pvt amb hon messrs mmes mme mlle fr msgr no vs etc inc corp co ltd jan feb mar apr aug sept
sep oct nov dec ave blvd mt ft calif fla ill mass mich minn penn tenn tex wis ariz colo conn del ga ind kan ky la md
miss mo mont neb nev okla ore pa va vt wash wyo ala ark`)

func (e *extractor) s(t tok) string { return e.text[t.pos:t.end] }

// lower is a word in lower case without its final period.
func (e *extractor) lower(t tok) string {
	return strings.ToLower(strings.TrimSuffix(e.s(t), "."))
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
