package quotes

import (
	"math/bits"
	"slices"
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
	part     int32 // the part, for a quote; for a word with capitals, where it stands in lower case in e.low, else -1
	para     int32
	cls      wordSet // the word lists it is in, with clsKnown, once asked: see cl
	kind     tokKind
	cap      bool // a word that starts with a capital
}

// clsKnown marks the lists of a token as looked up: no list has this bit.
const clsKnown wordSet = 1 << 31

// cl is the word lists the word t is in (lower, in lower case without its
// final period), looked up the first time it is asked: the cues ask about
// the same words again and again.
func (e *extractor) cl(t *tok) wordSet {
	if t.cls == 0 {
		t.cls = e.lookUp(t) | clsKnown
	}
	return t.cls
}

// lookUp is lex.class(e.lower(*t)). A short word is packed with one read of
// 8 bytes where it stands, in the text or in e.low, when 8 bytes are there.
func (e *extractor) lookUp(t *tok) wordSet {
	w := e.lower(*t)
	if len(w) == 0 || len(w) > shortMax {
		return lex.class(w)
	}
	src, at := e.text, int(t.pos)
	if t.kind == tWord && t.part >= 0 {
		src, at = e.low, int(t.part)
	}
	if at+8 > len(src) {
		return lex.class(w)
	}
	k := load8(src, at)&(1<<(8*len(w))-1) | uint64(len(w))<<56
	return lex.findShort(k).class
}

// is tells whether the word t is in one of the lists sets.
func (e *extractor) is(t *tok, sets wordSet) bool { return e.cl(t)&sets != 0 }

// tokenize cuts the paragraphs into tokens once; a quote part becomes one
// token. Only the sentences around the quotes are read word by word: the
// cues stand there. Everywhere else only names and sentence ends are kept,
// and the words in lower case between them leave one break.
func (e *extractor) tokenize() {
	e.lowb = e.lowb[:0]
	e.toks, e.caps = e.toks[:0], e.caps[:0]
	first := 0 // the paragraph's first part
	for para, p := range e.paras {
		last := first
		for last < len(e.parts) && e.parts[last].para == para {
			last++
		}
		e.tokenizePara(para, p, first, last)
		first = last
	}
	e.low = string(e.lowb) // the words with capitals, in lower case
}

// windows are the stretches of paragraph p that are read word by word:
// the few sentences around each of its quotes (some 600 bytes before, 300
// after), the end of a paragraph that leads into a quote with a colon or
// ends before a quote that opens the next, a "— Jane Doe" line under a quote. The cues stand there.
func (e *extractor) windows(para int, p Span, first, last int) []Span {
	const before, after = 600, 300
	ws := e.wins[:0]
	switch {
	case first < last:
		for _, q := range e.parts[first:last] {
			w := Span{e.wordStart(p.Start, q.open-before), e.wordEnd(q.close+after, p.End)}
			if n := len(ws); n > 0 && w.Start <= ws[n-1].End {
				ws[n-1].End = max(ws[n-1].End, w.End)
				continue
			}
			ws = append(ws, w)
		}
	case last < len(e.parts) && e.parts[last].para == para+1 && (e.text[p.End-1] == ':' || e.text[p.End-1] == '.' && e.opensPara(e.parts[last])):
		ws = append(ws, Span{e.wordStart(p.Start, p.End-before), p.End})
	case first > 0 && e.parts[first-1].para == para-1 && startsWithDash(e.text[p.Start:p.End]):
		ws = append(ws, p)
	}
	e.wins = ws
	return ws
}

// opensPara is true for a quote part that opens its paragraph.
func (e *extractor) opensPara(q part) bool {
	return strings.TrimLeft(e.text[e.paras[q.para].Start:q.open], " \t") == ""
}

// wordStart is the first space at or after pos, no earlier than lo; wordEnd
// the first at or after pos, no later than hi: windows start and end
// between words.
func (e *extractor) wordStart(lo, pos int) int {
	if pos <= lo {
		return lo
	}
	if j := strings.IndexByte(e.text[pos:], ' '); j >= 0 {
		return pos + j
	}
	return len(e.text)
}

func (e *extractor) wordEnd(pos, hi int) int {
	if pos >= hi {
		return hi
	}
	if j := strings.IndexByte(e.text[pos:hi], ' '); j >= 0 {
		return pos + j
	}
	return hi
}

// tokenizePara cuts paragraph p, whose quote parts are e.parts[first:last].
func (e *extractor) tokenizePara(para int, p Span, first, last int) {
	wins := e.windows(para, p, first, last)
	k, w := first, 0
	for i := p.Start; i < p.End; {
		if k < last && i >= e.parts[k].open {
			e.parts[k].tok = len(e.toks)
			e.toks = append(e.toks, tok{pos: int32(e.parts[k].open), end: int32(e.parts[k].close), kind: tQuote, part: int32(k), para: int32(para)})
			i = max(i, e.parts[k].close)
			k++
			continue
		}
		stop := p.End
		if k < last {
			stop = e.parts[k].open
		}
		for w < len(wins) && wins[w].End <= i {
			w++
		}
		if w < len(wins) && i >= wins[w].Start {
			i = e.scanWords(i, min(stop, wins[w].End), stop, para)
		} else if w < len(wins) {
			i = e.scanNames(i, min(stop, wins[w].Start), stop, para)
		} else {
			i = e.scanNames(i, stop, stop, para)
		}
	}
}

// byte classes for the scanners
const (
	bSpace = 1 << iota
	bWord  // letters, digits, @ and #
	bUpper // A to Z
	bLook  // what scanNames stops at: capitals, sentence ends, tags, UTF-8
	bOther // other marks
	bFast  // what ends a word in lower case that scanWords reads itself: a space, a mark other than a joiner
)

var byteClass = func() (t [256]uint8) {
	for _, c := range []byte(" \t\n\r") {
		t[c] = bSpace
	}
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = bWord | bUpper | bLook
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '@', c == '#':
			t[c] = bWord
		case c >= 0x80, c == '.', c == '?', c == '!', c == '<':
			t[c] = bLook
		case t[c] == 0:
			t[c] = bOther
		}
		if t[c]&(bSpace|bOther) != 0 && !isJoiner(byte(c)) {
			t[c] |= bFast
		}
	}
	return
}()

// scanWords reads every word and mark from i to end, no word past stop.
func (e *extractor) scanWords(i, end, stop, para int) int {
	text := e.text[:stop]
	for i < end && i < len(text) {
		c := text[i]
		switch cl := byteClass[c]; {
		case cl&bSpace != 0:
			i++
		case cl&bWord != 0 && cl&bUpper == 0:
			// most words are ASCII in lower case and end at a space or a
			// comma: read them here; the others go to word
			j := lowerRun(text, i+1)
			if j < len(text) && byteClass[text[j]]&bFast == 0 {
				i = e.word(i, stop, para)
				continue
			}
			e.add(i, j, -1, para, tWord, false, 0)
			i = j
			if i < end && text[i] == ' ' {
				i++ // the space after it, without another turn
			}
		case cl&bWord != 0:
			i = e.word(i, stop, para)
		case c == '<' && tagEnd(text[i:]) > 0:
			i += tagEnd(text[i:]) // markup reads as a space
		case c < 0x80:
			e.punct(i, i+1, para)
			i++
		default:
			i = e.other(i, stop, para)
		}
	}
	return i
}

// The runs of ASCII letters and digits are read 8 bytes at a time, as one
// integer whose bytes are classified together: a word's end is then found
// without a branch per byte, which the processor mispredicts at the end of
// every word.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// load8 is the 8 bytes of s from i, the first in the lowest byte.
func load8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// store8 writes x to the first 8 bytes of b, the lowest byte first.
func store8(b []byte, x uint64) {
	_ = b[7]
	b[0], b[1], b[2], b[3] = byte(x), byte(x>>8), byte(x>>16), byte(x>>24)
	b[4], b[5], b[6], b[7] = byte(x>>32), byte(x>>40), byte(x>>48), byte(x>>56)
}

// between sets the high bit of each byte of y whose low 7 bits are from
// lo to hi; y has the high bit of every byte set, so that no byte borrows.
func between(y uint64, lo, hi byte) uint64 {
	return (y - ones*uint64(lo)) &^ (y - ones*uint64(hi+1)) & highs
}

// lowerRun is the end of the run of letters in lower case, digits, @ and #
// from j. Its 8 bytes at a time read letters; a digit, @ or # goes byte by
// byte.
func lowerRun(text string, j int) int {
	for j < len(text) {
		if j+8 <= len(text) {
			x := load8(text, j)
			other := highs &^ (between(x|highs, 'a', 'z') &^ x)
			if other == 0 {
				j += 8
				continue
			}
			j += bits.TrailingZeros64(other) >> 3
		}
		if byteClass[text[j]]&(bWord|bUpper) != bWord {
			return j
		}
		j++
	}
	return j
}

// wordRun is the end of the run of ASCII letters, digits, @ and # from j,
// and whether a capital is among them.
func wordRun(text string, j int) (int, bool) {
	up := false
	for j < len(text) {
		if j+8 <= len(text) {
			x := load8(text, j)
			letters := between(x|highs|0x2020202020202020, 'a', 'z') &^ x // either case
			caps := letters &^ (x << 2)                                   // 0x20 clear
			other := highs &^ letters
			if other == 0 {
				up = up || caps != 0
				j += 8
				continue
			}
			n := bits.TrailingZeros64(other) // the high bit of the first other byte
			up = up || caps&(1<<(n-7)-1) != 0
			j += n >> 3
		}
		cl := byteClass[text[j]]
		if cl&bWord == 0 {
			return j, up
		}
		up = up || cl&bUpper != 0
		j++
	}
	return j, up
}

// scanNames reads from i to end what names and sentences need: words with
// a capital, sentence ends and other marks; the words in lower case
// between two names leave one break, so that names on either side stay apart.
func (e *extractor) scanNames(i, end, stop, para int) int {
	gap := false
	for i < end {
		var skipped uint8
		s := e.text[i:end]
		k := 0
		for ; k < len(s); k++ {
			cl := byteClass[s[k]]
			if cl&bLook != 0 {
				break
			}
			skipped |= cl
		}
		gap = gap || skipped&^(bSpace|bFast) != 0
		if i += k; i == end {
			break
		}
		c := e.text[i]
		cl := byteClass[c]
		if gap {
			e.brk(i, para)
			gap = false
		}
		switch {
		case cl&bUpper != 0:
			i = e.word(i, stop, para)
		case c == '<':
			if n := tagEnd(e.text[i:stop]); n > 0 {
				i += n
			} else {
				gap = true
				i++
			}
		case c < 0x80: // . ? !
			e.punct(i, i+1, para)
			i++
		default:
			i = e.other(i, stop, para)
		}
	}
	if gap {
		e.brk(i, para)
	}
	return i
}

// other reads what starts with a byte of UTF-8 at i: a word, a space or a mark.
func (e *extractor) other(i, stop, para int) int {
	r, n := utf8.DecodeRuneInString(e.text[i:stop])
	switch {
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return e.word(i, stop, para)
	case unicode.IsSpace(r):
		return i + n
	}
	e.punct(i, i+n, para)
	return i + n
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
	e.add(i, j, 0, para, tPunct, false, 0)
}

// word reads a word from i: letters and digits joined by - ' ’ and the dots
// of U.S. or Sen. or J. that belong to it.
func (e *extractor) word(i, stop, para int) int {
	text := e.text[i:stop]
	j := 0
	var seen uint8
	dotted := false // a period inside: U.S
	for {
		var up bool
		j, up = wordRun(text, j) // the common run of ASCII letters and digits
		if up {
			seen |= bUpper
		}
		if j == len(text) {
			break
		}
		if c := text[j]; c < 0x80 {
			if (c == '-' || c == '\'' || c == '.' || c == '&') && j+1 < len(text) && byteClass[text[j+1]]&bWord != 0 && text[j+1] != '@' {
				dotted = dotted || c == '.'
				j++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += n
			continue
		}
		if r == '’' && j+n < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[j+n:]); unicode.IsLetter(r2) {
				j += n
				continue
			}
		}
		break
	}
	var cls wordSet
	if j < len(text) && text[j] == '.' {
		keep := dotted // the period after a word is part of it: U.S., an initial, a title (Sen.)
		if !keep {
			w := text[:j]
			if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
				keep = true
			} else if j <= 6 {
				// the word's lists, kept for the cues: whether the
				// period stays, the word in lower case is w folded
				cls = lex.classFold(w) | clsKnown
				keep = cls&abbrevs != 0
			}
		}
		if keep || j+1 < len(text) && (text[j+1] == ')' || text[j+1] == ',') {
			j++
		}
	}
	capital := text[0] >= 'A' && text[0] <= 'Z'
	if text[0] >= 0x80 {
		r, _ := utf8.DecodeRuneInString(text)
		capital = unicode.IsUpper(r)
	}
	if capital {
		e.caps = append(e.caps, int32(len(e.toks)))
	}
	low := int32(-1)
	if seen&bUpper != 0 { // keep a copy in lower case for the word lists
		n := len(e.lowb)
		low = int32(n)
		b := slices.Grow(e.lowb, j+8)
		room := b[:cap(b)] // 8 bytes at a time: what is written past the word is overwritten later
		k := 0
		for ; k < j && i+k+8 <= len(e.text); k += 8 {
			x := load8(e.text, i+k)
			store8(room[n+k:], x|(between(x|highs, 'A', 'Z')&^x)>>2) // 0x20 added to capitals
		}
		for ; k < j; k++ { // the last bytes of the text
			c := text[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			room[n+k] = c
		}
		e.lowb = b[:n+j]
	}
	e.add(i, i+j, low, para, tWord, capital, cls)
	return i + j
}

// add appends a token. It sets the fields one by one in place: a token
// made whole first and then copied is written to the stack in parts and read
// back at once, which stalls the processor on every word.
func (e *extractor) add(pos, end int, part int32, para int, kind tokKind, capital bool, cls wordSet) {
	n := len(e.toks)
	if n == cap(e.toks) {
		e.growToks()
	}
	e.toks = e.toks[:n+1]
	t := &e.toks[n]
	t.pos, t.end, t.part, t.para = int32(pos), int32(end), part, int32(para)
	t.cls, t.kind, t.cap = cls, kind, capital
}

func (e *extractor) growToks() { e.toks = slices.Grow(e.toks, 1) }

// isJoiner is true for the marks that can hold a word together: e-mail,
// don't, AT&T; word decides whether they do.
func isJoiner(c byte) bool { return c == '-' || c == '\'' || c == '&' }

// abbrevs are words whose period does not end a sentence.
var abbrevs = newWordSet(`mr mrs ms dr sen sens rep reps gov gen lt col sgt capt prof jr sr st rev pres atty supt
insp cmdr adm maj cpl pvt amb hon messrs mmes mme mlle fr msgr no vs etc inc corp co ltd jan feb mar apr aug sept
sep oct nov dec ave blvd mt ft calif fla ill mass mich minn penn tenn tex wis ariz colo conn del ga ind kan ky la md
miss mo mont neb nev okla ore pa va vt wash wyo ala ark`)

func (e *extractor) s(t tok) string { return e.text[t.pos:t.end] }

// lower is a word in lower case without its final period; ASCII letters
// only are folded, which is all the word lists need.
func (e *extractor) lower(t tok) string {
	w := e.lowerAll(t)
	if len(w) > 1 && w[len(w)-1] == '.' {
		w = w[:len(w)-1]
	}
	return w
}

// lowerAll is a word in lower case, its final period kept. Most words are in
// lower case in the text already; the others were copied when read.
func (e *extractor) lowerAll(t tok) string {
	if t.kind != tWord || t.part < 0 {
		return e.text[t.pos:t.end]
	}
	return e.low[t.part : t.part+t.end-t.pos]
}

func (e *extractor) isPunct(t tok, set string) bool {
	if t.kind != tPunct {
		return false
	}
	if t.end == t.pos {
		return false // a break
	}
	if c := e.text[t.pos]; c < 0x80 {
		return strings.IndexByte(set, c) >= 0
	}
	r, _ := utf8.DecodeRuneInString(e.s(t))
	return strings.ContainsRune(set, r)
}

const dashes = "—–―-"
