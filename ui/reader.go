package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"newsreader/store"
)

type keyMsg = tea.KeyMsg

// readerPane shows one rendered article and scrolls through it.
type readerPane struct {
	st   *Styles
	keys *KeyMap
	w, h int

	article *store.Article
	r       *rendered // may be for another width while a new one renders
	err     error
	offset  int
	quote   int // selected quote, -1 for none
	// anchor is the word at the top of the view, kept while re-rendering so
	// that a resize stays on the same text
	anchor int
	// reanchor: the first part of a re-render did not reach the anchor;
	// the whole goes back to it unless the view moved meanwhile
	reanchor bool
	// placed: the anchor, not the selected quote, says where the first
	// rendering opens (an article rewritten on disk, shown again in place);
	// placedLine is the line that was at the top, looked for near the
	// anchor, as words added or taken above it move the anchor
	placed     bool
	placedLine string

	find findState
}

// findState is the find in the article: every match, and the current one.
type findState struct {
	query   string   // as shown
	terms   []string // what is looked for: the query, or the words a search matched
	whole   bool     // the terms are found as whole words (a search's are)
	matches []findMatch
	cur     int
	// wanted is the current match +1 while the rendering (the first part
	// of a re-render) does not reach it; 0 for none
	wanted int
}

// findMatch is one occurrence: one range, or several when it runs over a
// line break.
type findMatch struct {
	line   int // its first line
	ranges []cellRange
}

func newReaderPane(st *Styles, keys *KeyMap) readerPane {
	return readerPane{st: st, keys: keys, quote: -1}
}

func (p *readerPane) SetSize(w, h int) {
	p.w, p.h = max(w, 0), max(h, 0)
	p.clampOffset()
}

// setArticle shows a new article from its top.
func (p *readerPane) setArticle(a *store.Article) {
	if p.article == a {
		return
	}
	p.article, p.r, p.err = a, nil, nil
	p.offset, p.anchor, p.quote, p.placed, p.placedLine = 0, 0, -1, false, ""
	p.find = findState{query: p.find.query, terms: p.find.terms, whole: p.find.whole}
}

// setRendered installs a rendering of the current article, keeping the
// reader's place by the word at the top.
func (p *readerPane) setRendered(r *rendered) {
	old := p.r
	if old != nil && old.key == r.key {
		// the whole of a long article after its first part: same lines, more of them
		p.r = r
		if p.reanchor {
			p.offset = r.lineAtWords(p.anchor)
			p.clampOffset()
			p.reanchor = false
		}
		wanted := p.find.wanted > 0
		p.refind()
		if wanted && p.find.wanted == 0 {
			p.showMatch()
		}
		if !p.placed && p.quote >= 0 && p.quote < len(old.quoteTop) && old.quoteTop[p.quote] < 0 {
			p.showQuote(p.quote)
		}
		return
	}
	if old != nil {
		p.anchor = old.words[min(p.offset, len(old.lines))]
	}
	p.r, p.err = r, nil
	p.reanchor = false
	if old != nil || p.anchor > 0 {
		p.offset = r.lineAtWords(p.anchor)
		if old == nil && p.placed {
			p.offset = r.lineNear(p.placedLine, p.offset)
		}
		p.reanchor = r.partial && p.offset > p.maxOffset()
	}
	p.clampOffset()
	p.refind()
	if p.quote >= 0 && old == nil && !p.placed {
		p.showQuote(p.quote)
	}
}

// keepPlace opens the article, once rendered, at the word and quote the
// reader was at: the same article, rewritten.
func (p *readerPane) keepPlace(word, quote int, top string) {
	p.anchor, p.placed, p.placedLine = word, true, top
	if p.article != nil && quote < len(p.article.Quotes) {
		p.quote = quote
	}
}

// maxTextWidth is the widest the article is set, however wide the pane:
// longer lines are hard to follow (glow caps its width too). The pane's
// frame keeps its width.
const maxTextWidth = 100

// textWidth is the width the article is rendered at.
func (p *readerPane) textWidth() int { return min(p.w, maxTextWidth) }

// current reports whether the rendering fits the pane's width.
func (p *readerPane) current() bool { return p.r != nil && p.r.key.width == p.textWidth() }

func (p *readerPane) maxOffset() int {
	if p.r == nil {
		return 0
	}
	return max(0, len(p.r.lines)-p.h)
}

func (p *readerPane) clampOffset() { p.offset = clamp(p.offset, 0, p.maxOffset()) }

func (p *readerPane) scroll(d int) {
	p.reanchor = false
	p.offset += d
	p.clampOffset()
	p.followQuote()
}

// followQuote moves the quote selection to a quote in view when the
// selected one scrolled out.
func (p *readerPane) followQuote() {
	if p.r == nil || len(p.r.quoteTop) == 0 {
		return
	}
	if p.quote >= 0 && p.quoteInView(p.quote) {
		return
	}
	for i, top := range p.r.quoteTop {
		if top >= p.offset && top < p.offset+p.h {
			p.quote = i
			return
		}
	}
}

func (p *readerPane) quoteInView(i int) bool {
	if p.r == nil || i < 0 || i >= len(p.r.quotes) {
		return false
	}
	for _, c := range p.r.quotes[i] {
		if c.line >= p.offset && c.line < p.offset+p.h {
			return true
		}
	}
	return false
}

// showQuote selects quote i and scrolls it into the top third of the view.
func (p *readerPane) showQuote(i int) {
	p.quote = i
	if p.r == nil || i < 0 || i >= len(p.r.quoteTop) || p.r.quoteTop[i] < 0 {
		return
	}
	top := p.r.quoteTop[i]
	p.offset, p.reanchor = top-p.h/3, false
	p.clampOffset()
}

// nextQuote is the quote after the selected one; with none selected, the
// first at or below the top of the view.
func (p *readerPane) nextQuote(d int) int {
	n := 0
	if p.article != nil {
		n = len(p.article.Quotes)
	}
	if n == 0 {
		return -1
	}
	if p.quote < 0 {
		if d < 0 {
			return -1
		}
		if p.r == nil {
			return 0
		}
		for i, top := range p.r.quoteTop {
			if top >= p.offset {
				return i
			}
		}
		return n - 1
	}
	return clamp(p.quote+d, 0, n-1)
}

func (p *readerPane) update(msg keyMsg) {
	k := p.keys
	switch {
	case key.Matches(msg, k.Up):
		p.scroll(-1)
	case key.Matches(msg, k.Down):
		p.scroll(1)
	case key.Matches(msg, k.PageDown):
		p.scroll(max(1, p.h-1))
	case key.Matches(msg, k.PageUp):
		p.scroll(-max(1, p.h-1))
	case key.Matches(msg, k.HalfDown):
		p.scroll(max(1, p.h/2))
	case key.Matches(msg, k.HalfUp):
		p.scroll(-max(1, p.h/2))
	case key.Matches(msg, k.Top):
		p.offset, p.reanchor = 0, false
		p.followQuote()
	case key.Matches(msg, k.Bottom):
		p.offset, p.reanchor = p.maxOffset(), false
		p.followQuote()
	case key.Matches(msg, k.NextMatch):
		p.stepMatch(1)
	case key.Matches(msg, k.PrevMatch):
		p.stepMatch(-1)
	}
}

// runFind finds every case-insensitive occurrence of query in the rendered
// text. jump scrolls to the first match at or below the view's top.
func (p *readerPane) runFind(query string, jump bool) {
	p.find = findState{query: query, terms: []string{query}}
	p.locate(jump)
}

// runFindTerms finds the words a search matched, as whole words: where
// the search found them, so that the find counts what the list said.
func (p *readerPane) runFindTerms(label string, terms []string, jump bool) {
	p.find = findState{query: label, terms: terms, whole: true}
	p.locate(jump)
}

// locate finds the find's terms in the rendered text.
func (p *readerPane) locate(jump bool) {
	if p.r == nil || p.find.query == "" {
		return
	}
	p.find.matches = findMatches(p.r.plain, p.find.terms, p.find.whole)
	for i, m := range p.find.matches {
		if m.line >= p.offset {
			p.find.cur = i
			break
		}
	}
	if jump {
		p.showMatch()
	}
}

// refind runs the find again on a new rendering, keeping its current
// match; one the first part of a re-render does not reach is kept for the
// whole.
func (p *readerPane) refind() {
	if p.find.query != "" {
		cur := p.find.cur
		if p.find.wanted > 0 {
			cur = p.find.wanted - 1
		}
		p.find.matches, p.find.cur, p.find.wanted = nil, 0, 0
		p.locate(false)
		switch {
		case cur < len(p.find.matches):
			p.find.cur = cur
		case p.r.partial:
			p.find.wanted = cur + 1
		}
	}
}

// findMatches returns every occurrence of the terms, in order, ignoring
// case and the line breaks of wrapping (not those between paragraphs);
// whole keeps only those not inside a longer word.
func findMatches(lines []string, terms []string, whole bool) []findMatch {
	// the text as one string: wrapped lines joined by a space, paragraphs by a newline
	var b strings.Builder
	starts := make([]int, len(lines)) // where each line's text begins in b
	leads := make([]int, len(lines))  // and in the line
	for i, l := range lines {
		t := strings.TrimRight(l, " ")
		lead := len(t) - len(strings.TrimLeft(t, " "))
		if i > 0 {
			if t == "" || strings.TrimSpace(lines[i-1]) == "" {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		starts[i], leads[i] = b.Len(), lead
		b.WriteString(t[lead:])
	}
	text := foldLower(b.String())
	// where is a byte of text: its line and its byte in that line
	where := func(off int) (int, int) {
		i := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
		i = max(i, 0)
		return i, leads[i] + off - starts[i]
	}
	type hit struct{ start, end int }
	var hits []hit
	for _, term := range terms {
		q := foldLower(strings.Join(strings.Fields(term), " "))
		if q == "" {
			continue
		}
		for off := 0; ; {
			j := strings.Index(text[off:], q)
			if j < 0 {
				break
			}
			start, end := off+j, off+j+len(q)
			off = end
			if whole && (wordRuneBefore(text, start) || wordRuneAfter(text, end)) {
				continue
			}
			hits = append(hits, hit{start, end})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].start != hits[j].start {
			return hits[i].start < hits[j].start
		}
		return hits[i].end > hits[j].end // "prices", not the "price" in it
	})
	var out []findMatch
	last := -1
	for _, h := range hits {
		if h.start < last {
			continue // overlaps the one before
		}
		last = h.end
		l1, c1 := where(h.start)
		l2, c2 := where(h.end - 1)
		m := findMatch{line: l1}
		for l := l1; l <= l2; l++ {
			from, to := leads[l], len(strings.TrimRight(lines[l], " "))
			if l == l1 {
				from = c1
			}
			if l == l2 {
				to = c2 + 1
			}
			m.ranges = append(m.ranges, cellRange{l, plainCol(lines[l], from), plainCol(lines[l], to)})
		}
		out = append(out, m)
	}
	return out
}

// wordRuneBefore and wordRuneAfter report whether a letter or digit
// touches text[i] on that side: a match there is inside a longer word.
func wordRuneBefore(text string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(text[:i])
	return n > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordRuneAfter(text string, i int) bool {
	r, n := utf8.DecodeRuneInString(text[i:])
	return n > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// foldLower lowercases ASCII and keeps every byte offset.
func foldLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func (p *readerPane) stepMatch(d int) {
	n := len(p.find.matches)
	if n == 0 {
		return
	}
	p.find.cur = (p.find.cur + d + n) % n
	p.find.wanted = 0
	p.showMatch()
}

func (p *readerPane) showMatch() {
	if len(p.find.matches) == 0 {
		return
	}
	m := p.find.matches[p.find.cur]
	if m.line < p.offset || m.line >= p.offset+p.h {
		p.offset, p.reanchor = m.line-p.h/3, false
		p.clampOffset()
	}
}

// findStatus is "3/7", or "no match".
func (p *readerPane) findStatus() string {
	if p.find.query == "" {
		return ""
	}
	if p.find.wanted > 0 {
		return fmt.Sprintf("%d/…", p.find.wanted) // the rest of the article is rendering
	}
	if len(p.find.matches) == 0 {
		return "no match"
	}
	return fmt.Sprintf("%d/%d", p.find.cur+1, len(p.find.matches))
}

// percent is how far the view has scrolled.
func (p *readerPane) percent() int {
	if p.r == nil || p.maxOffset() == 0 {
		return 100
	}
	return p.offset * 100 / p.maxOffset()
}

func (p *readerPane) title() string {
	if p.article == nil {
		return "Reading"
	}
	return cleanLine(p.article.Title)
}

func (p *readerPane) note() string {
	if p.r == nil {
		return ""
	}
	n := fmt.Sprintf("%d%%", p.percent())
	if s := p.findStatus(); s != "" {
		n = "find " + s + " · " + n
	}
	return n
}

// noteIndent starts a message that stands in a pane's text, such as "No
// quotes in this article", where the text starts: glamour's left margin and
// the quotes' bar are two cells.
const noteIndent = "  "

// view draws the visible window of the rendering, with quotes and matches
// highlighted on those lines only.
func (p *readerPane) view() []string {
	switch {
	case p.article == nil:
		return []string{noteIndent + p.st.Dim.Render(truncate("No article selected", p.w-len(noteIndent)))}
	case p.err != nil:
		return []string{noteIndent + p.st.Error.Render(truncate("Cannot show this article: "+cleanLine(p.err.Error()), p.w-len(noteIndent)))}
	case p.r == nil:
		return []string{noteIndent + p.st.Dim.Render(truncate("Rendering…", p.w-len(noteIndent)))}
	}
	end := min(len(p.r.lines), p.offset+p.h)
	// highlights by line, for the visible lines
	type mark struct {
		cellRange
		style *lipgloss.Style // a Style is some 400 bytes: marks point to them
		prio  int
	}
	byLine := map[int][]mark{}
	for qi, rs := range p.r.quotes {
		st, prio := &p.st.Quote, 1
		if qi == p.quote {
			st, prio = &p.st.QuoteSelected, 2
		}
		for _, c := range rs {
			if c.line >= p.offset && c.line < end {
				byLine[c.line] = append(byLine[c.line], mark{c, st, prio})
			}
		}
	}
	if len(p.find.matches) > 0 {
		lo := sort.Search(len(p.find.matches), func(i int) bool { return p.find.matches[i].line >= p.offset-4 })
		for i := lo; i < len(p.find.matches) && p.find.matches[i].line < end; i++ {
			st, prio := &p.st.Match, 3
			if i == p.find.cur && p.find.wanted == 0 {
				st, prio = &p.st.MatchCurrent, 4
			}
			for _, c := range p.find.matches[i].ranges {
				if c.line >= p.offset && c.line < end {
					byLine[c.line] = append(byLine[c.line], mark{c, st, prio})
				}
			}
		}
	}
	out := make([]string, 0, end-p.offset)
	memo := p.r.marked.turn()
	for i := p.offset; i < end; i++ {
		line := p.r.lines[i]
		if ms := byLine[i]; len(ms) > 0 {
			// the marks decide the line: the styles are the pane's, one to a prio
			sum := uint64(14695981039346656037)
			for _, m := range ms {
				for _, v := range [3]int{m.start, m.end, m.prio} {
					sum = (sum ^ uint64(v)) * 1099511628211
				}
			}
			var ok bool
			if line, ok = memo.get(i, sum); !ok {
				ranges := make([]styledRange, len(ms))
				for k, m := range ms {
					ranges[k] = styledRange{m.start, m.end, m.style, m.prio}
				}
				line = highlight(p.r.lines[i], ranges)
			}
			memo.put(i, sum, line)
		}
		out = append(out, line)
	}
	clear(memo.last) // what this view did not mark again: a screenful is kept, no more
	return out
}

// markedLines keeps the lines the last view of a rendered article marked
// (quotes, find): scrolling or coming back to the article marks again only
// the lines that are new. Between views it holds one screenful.
type markedLines struct {
	last, next map[int]markedLine
}

type markedLine struct {
	sum  uint64 // of the marks
	line string
}

// turn starts a view: what it does not mark again is let go.
func (ml *markedLines) turn() *markedLines {
	if ml.last == nil {
		ml.last, ml.next = map[int]markedLine{}, map[int]markedLine{}
	}
	ml.last, ml.next = ml.next, ml.last
	clear(ml.next)
	return ml
}

func (ml *markedLines) get(i int, sum uint64) (string, bool) {
	m, ok := ml.last[i]
	return m.line, ok && m.sum == sum
}

func (ml *markedLines) put(i int, sum uint64, line string) { ml.next[i] = markedLine{sum, line} }

// styledRange is a run of cells to draw in a style; higher prio wins where
// ranges overlap.
type styledRange struct {
	start, end int
	style      *lipgloss.Style
	prio       int
}

// highlight restyles cell ranges of a styled line.
func highlight(line string, rs []styledRange) string {
	w := 0
	for _, r := range rs {
		w = max(w, r.end)
	}
	owner := make([]int, w) // index+1 of the winning range per cell
	for k, r := range rs {
		for c := max(r.start, 0); c < r.end; c++ {
			if o := owner[c]; o == 0 || rs[o-1].prio < r.prio {
				owner[c] = k + 1
			}
		}
	}
	var out []lipgloss.Range
	for c := 0; c < w; {
		o := owner[c]
		e := c + 1
		for e < w && owner[e] == o {
			e++
		}
		if o > 0 {
			out = append(out, lipgloss.NewRange(c, e, *rs[o-1].style))
		}
		c = e
	}
	return lipgloss.StyleRanges(line, out...)
}
