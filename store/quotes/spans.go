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
	cont    bool // opened where the part before ran on unclosed: the same quote goes on
	kept    bool // its utterance is a quote of the article, not a term or a title
	frag    bool // a word or two, or a title, in marks inside the writer's sentence
	group   int  // utterance it belongs to
	tok     int  // its token
}

type extractor struct {
	text   string
	paras  []Span
	parts  []part
	quotes []Quote
	marks  []mark // scratch, one paragraph's marks
	toks   []tok
	caps   []int32 // the tokens that are words with a capital
	low    string  // the text with the ASCII letters of its tokens in lower case
	lowb   []byte
	curly  int8 // the text quotes with curly marks: 1, -1 when not, 0 until asked
	people []person
	named  bool            // people gathered
	quoted map[uint64]int  // how often each quote's words stand in marks, once asked
	wins   []Span          // scratch, one paragraph's stretches read word by word
	next   [len(leads)]int // where each lead byte of a mark is next found in the text
}

type markRole uint8

const (
	opening markRole = iota + 1
	closing
	either // a straight mark: which way it points depends on what is open
)

// mark is one quotation mark found in a paragraph.
type mark struct {
	pos, end int // bytes of the mark, an entity such as &ldquo; included
	role     markRole
	single   bool // ‘ ’ ' and kin, which double as apostrophes
	strong   bool // a single closer right after the quote's last punctuation
	low      bool // „ and ‚, which German closes with “ and ‘
	straight bool // " or '': inside a quote it closes, whatever the spaces say
}

// glyph is what a mark looks like once entities are read.
type glyph struct {
	r    rune
	n    int  // bytes taken in the text
	pair bool // '' or `` standing for a double mark (NYT, Penn Treebank)
}

// leads are the bytes that can start a quotation mark. The scan jumps from
// one to the next with IndexByte, which reads many bytes at a time.
var leads = [...]byte{'"', '\'', '`', '&', '<', 0xE2, 0xC2, 0xE3}

// entities are the HTML spellings of quotation marks that reach the reader
// in scraped text.
var entities = map[string]rune{
	"&quot;": '"', "&#34;": '"', "&#x22;": '"', "&ldquo;": '“', "&rdquo;": '”', "&bdquo;": '„',
	"&#8220;": '“', "&#8221;": '”', "&#8222;": '„', "&#x201c;": '“', "&#x201d;": '”', "&#x201C;": '“',
	"&#x201D;": '”', "&laquo;": '«', "&raquo;": '»', "&#171;": '«', "&#187;": '»', "&lsquo;": '‘',
	"&rsquo;": '’', "&#8216;": '‘', "&#8217;": '’', "&#x2018;": '‘', "&#x2019;": '’', "&#39;": '\'',
	"&apos;": '\'', "&#039;": '\'', "&sbquo;": '‚', "&lsaquo;": '‹', "&rsaquo;": '›',
}

// glyphAt reads a possible quotation mark at i.
func (e *extractor) glyphAt(i, hi int) glyph {
	s := e.text[i:hi]
	switch s[0] {
	case '\'':
		if len(s) > 1 && s[1] == '\'' {
			return glyph{'"', 2, true}
		}
		return glyph{'\'', 1, false}
	case '`':
		if len(s) > 1 && s[1] == '`' {
			return glyph{'“', 2, true}
		}
		return glyph{}
	case '&':
		j := strings.IndexByte(s[:min(len(s), 9)], ';')
		if j < 0 {
			return glyph{}
		}
		if r, ok := entities[s[:j+1]]; ok {
			return glyph{r, j + 1, false}
		}
		return glyph{}
	}
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '‘', '’':
		// ‘‘ and ’’ stand for double marks (AP wires, typesetters)
		if strings.HasPrefix(s[n:], s[:n]) {
			d := '“'
			if r == '’' {
				d = '”'
			}
			return glyph{d, 2 * n, true}
		}
		return glyph{r, n, false}
	case '"', '“', '”', '„', '‟', '«', '»', '「', '」', '『', '』', '‚', '‹', '›':
		return glyph{r, n, false}
	}
	return glyph{}
}

func isSingle(r rune) bool {
	return r == '\'' || r == '‘' || r == '’' || r == '‚' || r == '‹' || r == '›'
}

// around returns the runes either side of [i, j) within the paragraph,
// reading an HTML tag next to the mark as a space.
func (e *extractor) around(i, j int, p Span) (prev, next rune) {
	if i > p.Start {
		prev, _ = utf8.DecodeLastRuneInString(e.text[p.Start:i])
		if prev == '>' {
			prev = ' '
		}
	}
	if j < p.End {
		next, _ = utf8.DecodeRuneInString(e.text[j:p.End])
		if next == '<' {
			next = ' '
		}
	}
	return prev, next
}

// boundaryBefore is true when a mark after r starts a run of words.
func boundaryBefore(r rune) bool {
	if r < 0x80 {
		return r == 0 || r <= ' ' && unicode.IsSpace(r) || strings.IndexByte("([{-/:;\"", byte(r)) >= 0
	}
	return unicode.IsSpace(r) || strings.ContainsRune("—–\u00a0“‘«„‚‹「『", r)
}

// boundaryAfter is true when a mark before r ends a run of words.
func boundaryAfter(r rune) bool {
	if r < 0x80 {
		return r == 0 || r <= ' ' && unicode.IsSpace(r) || strings.IndexByte(".,;:!?)]}-\"*", byte(r)) >= 0
	}
	return unicode.IsSpace(r) || strings.ContainsRune("—–…”’»›」』", r)
}

// classify reads which way a mark points from its glyph, corrected by the
// space around it: “ glued to the end of a word closes, ” before a word opens.
func classify(g rune, prev, next rune) markRole {
	l, r := boundaryBefore(prev), boundaryAfter(next)
	if prev == 0 && !isSingle(g) {
		return opening // nothing is open before a paragraph: ” … what I learned
	}
	switch g {
	case '"', '\'':
		switch {
		case l && !r:
			return opening
		case !l && r:
			return closing
		}
		return either
	case '“', '„', '‟', '«', '‘', '‚', '‹', '「', '『':
		if !l && r && g != '「' && g != '『' {
			return closing
		}
		return opening
	default: // ” » ’ › 」 』
		if l && !r && g != '」' && g != '』' {
			return opening
		}
		return closing
	}
}

// elisions are words that begin with an apostrophe, which is no opening mark.
var elisions = []string{"em ", "til ", "tis ", "twas ", "cause ", "bout ", "n ", "n’", "n'", "round ", "fraid ", "kay", "nuff", "ello"}

// scanMarks lists the quotation marks of a paragraph, leaving out
// apostrophes (don't, Jones’, ’90s, rock ’n’ roll).
func (e *extractor) scanMarks(p Span) []mark {
	ms := e.marks[:0]
	text := e.text[:p.End]
	next := &e.next
	for i := p.Start; ; {
		for k, at := range next {
			if at < i {
				next[k] = indexFrom(e.text, i, leads[k])
			}
		}
		i = min(next[0], next[1], next[2], next[3], next[4], next[5], next[6], next[7])
		if i >= len(text) {
			break
		}
		c := text[i]
		if c == '<' { // the marks of a tag's attributes quote nothing: <a href="…">
			i += max(1, tagEnd(text[i:]))
			continue
		}
		// the common apostrophe between two letters (don't, it’s) is no mark
		if c == '\'' && i > p.Start && i+1 < len(text) && isLetterByte(text[i-1]) && isLetterByte(text[i+1]) && text[i+1] != '\'' {
			i++
			continue
		}
		if c == 0xE2 && i > p.Start && i+3 < len(text) && text[i+1] == 0x80 && text[i+2] == 0x99 && isLetterByte(text[i-1]) && isLetterByte(text[i+3]) {
			i += 3
			continue
		}
		g := e.glyphAt(i, p.End)
		if g.n == 0 {
			i++
			continue
		}
		prev, next := e.around(i, i+g.n, p)
		m := mark{pos: i, end: i + g.n, single: isSingle(g.r), low: g.r == '„' || g.r == '‚', straight: g.r == '"'}
		i += g.n
		if g.pair && g.r == '“' && g.n == 2 {
			m.role = opening // `` is never a closing mark
		} else {
			m.role = classify(g.r, prev, next)
		}
		if m.single {
			letterBefore := unicode.IsLetter(prev) || unicode.IsDigit(prev)
			if letterBefore && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
				continue // don't, Jones’s, 1990's
			}
			if m.role == opening && unicode.IsDigit(next) {
				continue // ’90s
			}
			if m.role == opening && hasElision(e.text[m.end:p.End]) {
				continue
			}
			if m.role == closing {
				m.strong = strings.ContainsRune(".,!?…", prev) || next != 0 && strings.ContainsRune(",.;:!?)", next)
			}
		}
		if m.role == either && !m.single && unicode.IsDigit(prev) && (next == 0 || unicode.IsSpace(next) || next == ',') {
			m.role = closing // 6'2" or 12": inches, read as a closing mark that a lone opener never takes
		}
		ms = append(ms, m)
	}
	e.marks = ms
	return ms
}

// indexFrom is where byte c is next found in text from i, len(text) if nowhere.
func indexFrom(text string, i int, c byte) int {
	if j := strings.IndexByte(text[i:], c); j >= 0 {
		return i + j
	}
	return len(text)
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func hasElision(s string) bool {
	if len(s) > 6 {
		s = s[:6]
	}
	s = strings.ToLower(s)
	for _, w := range elisions {
		if strings.HasPrefix(s, w) || len(s) == len(w)-1 && s+" " == w {
			return true
		}
	}
	return false
}

// findSpans pairs opening and closing marks paragraph by paragraph. Double
// marks nest (“… ‘…’ …”) and only the outermost quote is kept; single marks
// make a quote only outside double ones, or around them (‘… “…” …’).
func (e *extractor) findSpans() {
	reset := func() {
		for k := range e.next {
			e.next[k] = -1 // not looked for yet
		}
	}
	reset()
	end := 0
	for pi, p := range e.paras {
		if p.Start < end {
			reset() // paragraphs out of order: look again
		}
		end = p.End
		ms := e.scanMarks(p)
		if len(ms) == 0 {
			continue
		}
		first := len(e.parts)
		e.pairDoubles(ms, pi, p)
		e.pairSingles(ms, pi, p, first)
	}
}

// pairDoubles pairs the double marks of one paragraph.
func (e *extractor) pairDoubles(ms []mark, pi int, p Span) {
	depth := 0
	var cur part
	var lowOpen, outerStraight bool
	var inner []part // quotes closed inside an open one
	innerOpen, innerStart := 0, 0
	for _, m := range ms {
		if m.single {
			continue
		}
		switch {
		case depth == 0 && m.role != closing:
			depth = 1
			cur = part{open: m.pos, para: pi, span: Span{Start: m.end}}
			lowOpen, outerStraight, inner = m.low, m.straight, inner[:0]
		case depth == 0:
			// a closing mark with nothing open: a stray, or a quote whose opening mark is missing
		case depth == 1 && lowOpen && e.closesLow(m):
			depth = 0
			cur.span.End, cur.close = m.pos, m.end
			e.addPart(cur)
		case depth == 1 && m.role == opening && m.straight == outerStraight && e.endsSentenceAt(cur.span.Start, m.pos):
			// “… 26 weeks. “We are going …”: a mark opening after a full
			// sentence starts the quote's next paragraph, run into this one
			cur.span.End, cur.close, cur.openEnd = m.pos, m.pos, true
			e.addPart(cur)
			cur = part{open: m.pos, para: pi, span: Span{Start: m.end}, cont: true}
			lowOpen, outerStraight, inner = m.low, m.straight, inner[:0]
		case m.role == opening && !m.straight:
			depth++ // a nested quote in double marks
			if depth == 2 {
				innerOpen, innerStart = m.pos, m.end
			}
		default:
			depth--
			switch depth {
			case 0:
				cur.span.End, cur.close = m.pos, m.end
				e.addPart(cur)
			case 1:
				inner = append(inner, part{open: innerOpen, para: pi, span: Span{innerStart, m.pos}, close: m.end})
			}
		}
	}
	if depth == 0 {
		return
	}
	// "Smith defended Trump’s “remark” …: in a text of curly quotes, a
	// straight mark that opens a paragraph and never closes marks an
	// excerpt, not a quote; one after a quote in the paragraph (…,” he
	// said. "The Bureau …) runs on into the next paragraph
	if outerStraight && (len(inner) > 0 || cur.open == p.Start && e.isCurly()) {
		for _, q := range inner {
			e.addPart(q)
		}
		return
	}
	cur.span.End, cur.close, cur.openEnd = p.End, p.End, true
	e.addPart(cur)
}

// isCurly tells whether the text quotes with curly marks: two “ and two ”
// at least. Few paragraphs ask, so it is counted the first time one does.
func (e *extractor) isCurly() bool {
	if e.curly == 0 {
		e.curly = -1
		if atLeast2(e.text, "“") && atLeast2(e.text, "”") {
			e.curly = 1
		}
	}
	return e.curly > 0
}

// atLeast2 tells whether sub stands twice or more in s.
func atLeast2(s, sub string) bool {
	i := strings.Index(s, sub)
	return i >= 0 && strings.Contains(s[i+len(sub):], sub)
}

// endsSentenceAt is true when the words from start to pos close a sentence.
func (e *extractor) endsSentenceAt(start, pos int) bool {
	s := strings.TrimRight(e.text[start:pos], " \t\u00a0")
	if len(s) == len(e.text[start:pos]) || !hasLetter(s) {
		return false // no space before the mark: it closes
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '?' || r == '!' || r == '…'
}

// closesLow tells whether a “ after a „ closes it, as German writes „so“.
func (e *extractor) closesLow(m mark) bool {
	return strings.HasPrefix(e.text[m.pos:], "“") || strings.HasPrefix(e.text[m.pos:], "&ldquo;")
}

// pairSingles pairs single marks outside the double quotes found from index
// first on; a single quote around double ones replaces them.
func (e *extractor) pairSingles(ms []mark, pi int, p Span, first int) {
	inDouble := func(pos int) bool {
		for _, q := range e.parts[first:] {
			if pos >= q.open && pos < q.close {
				return true
			}
		}
		return false
	}
	var found []part
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if !m.single || m.role == closing || inDouble(m.pos) {
			continue
		}
		// the closer: the first strong one before the next opener, else the first
		best := -1
		for j := i + 1; j < len(ms); j++ {
			c := ms[j]
			if !c.single || inDouble(c.pos) {
				continue
			}
			if c.role == opening {
				break
			}
			if best < 0 || c.strong && !ms[best].strong {
				best = j
			}
			if c.strong {
				break
			}
		}
		if best < 0 {
			continue
		}
		c := ms[best]
		found = append(found, part{open: m.pos, close: c.end, para: pi, span: Span{m.end, c.pos}})
		i = best
	}
	if len(found) == 0 {
		return
	}
	// merge: keep double parts not inside a single quote, then add the single ones
	doubles := append([]part(nil), e.parts[first:]...)
	e.parts = e.parts[:first]
	d := 0
	for _, s := range found {
		for d < len(doubles) && doubles[d].open < s.open {
			if doubles[d].close <= s.open {
				e.parts = append(e.parts, doubles[d])
			}
			d++
		}
		for d < len(doubles) && doubles[d].close <= s.close {
			d++ // inside the single quote
		}
		e.addPart(s)
	}
	e.parts = append(e.parts, doubles[d:]...)
}

// addPart trims the spaces around the words and keeps parts that hold a word.
func (e *extractor) addPart(p part) {
	s := e.text[p.span.Start:p.span.End]
	t := strings.TrimLeft(s, " \t\n\u00a0")
	p.span.Start += len(s) - len(t)
	p.span.End = p.span.Start + len(strings.TrimRight(t, " \t\n\u00a0"))
	if !hasLetter(e.text[p.span.Start:p.span.End]) {
		return
	}
	e.parts = append(e.parts, p)
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
		if c >= 0x80 {
			return strings.ContainsFunc(s[i:], unicode.IsLetter)
		}
	}
	return false
}

// words counts the words of a span, up to limit: the callers only ask
// whether a quote is short.
func words(s string, limit int) int {
	n := 0
	for i := 0; i < len(s); {
		for i < len(s) && isBlank(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		if n++; n > limit {
			break
		}
		for i < len(s) && !isBlank(s[i]) {
			i++
		}
	}
	return n
}

func isBlank(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }
