package ui

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"newsreader/store"
)

// renderKey is what a rendering was computed for.
type renderKey struct {
	id, width int
}

// cellRange is a run of cells [start, end) on one rendered line.
type cellRange struct {
	line, start, end int
}

// rendered is an article laid out for one width: the lines to draw and
// where each quote landed.
type rendered struct {
	key   renderKey
	lines []string // styled, sanitized, none wider than the width
	plain []string // the same lines without styles, for find
	// quotes[i] are the cell ranges of quote i; quoteTop[i] its first line or -1
	quotes   [][]cellRange
	quoteTop []int
	words    []int // words[i] is the number of words before line i, to keep the place on resize
	bytes    int
	partial  bool         // the first part of a long article; the whole follows
	links    []store.Link // the article's links, found with its text
	marked   markedLines  // its lines as last marked; the UI goroutine's alone
}

// renderer turns articles into rendered lines. Each call makes its own
// glamour renderer: they are cheap and not safe for concurrent use.
type renderer struct {
	style   string
	profile termenv.Profile
}

// renderedMsg carries a rendering back to the UI. A long article comes in
// two messages: its first part, so the first screen shows at once, then
// the whole; rest renders the remainder.
type renderedMsg struct {
	key  renderKey
	r    *rendered
	err  error
	rest tea.Cmd
}

// renderCmd renders an article off the UI goroutine.
func (rd renderer) renderCmd(a *store.Article, width int) tea.Cmd {
	key := renderKey{a.ID, width}
	return func() tea.Msg {
		// the body may be read again from its file here, off the UI goroutine
		text, paras, err := a.Text()
		if err != nil {
			return renderedMsg{key: key, err: err}
		}
		md, refs := articleMarkdown(a, text, paras)
		links := a.Links(text)
		chunks := splitChunks(md)
		if len(chunks) == 1 {
			r, err := rd.renderChunks(key, chunks, len(a.Quotes), refs)
			return renderedMsg{key: key, r: withLinks(r, links), err: err}
		}
		first, err := rd.renderChunks(key, chunks[:1], len(a.Quotes), refs)
		if err != nil {
			return renderedMsg{key: key, err: err}
		}
		first.partial = true
		rest := func() tea.Msg {
			r, err := rd.renderChunks(key, chunks, len(a.Quotes), refs)
			return renderedMsg{key: key, r: withLinks(r, links), err: err}
		}
		return renderedMsg{key: key, r: withLinks(first, links), rest: rest}
	}
}

// withLinks gives a rendering the article's links.
func withLinks(r *rendered, links []store.Link) *rendered {
	if r != nil {
		r.links = links
	}
	return r
}

// render lays a whole article out at a width of cells.
func (rd renderer) render(a *store.Article, width int) (*rendered, error) {
	text, paras, err := a.Text()
	if err != nil {
		return nil, err
	}
	md, refs := articleMarkdown(a, text, paras)
	r, err := rd.renderChunks(renderKey{a.ID, width}, splitChunks(md), len(a.Quotes), refs)
	return withLinks(r, a.Links(text)), err
}

// renderChunks renders pieces of one markdown document, in parallel, and
// lays them out as one.
func (rd renderer) renderChunks(key renderKey, chunks []string, nquotes int, refs []spanRef) (*rendered, error) {
	outs := make([]string, len(chunks))
	errs := make([]error, len(chunks))
	next := make(chan int, len(chunks))
	for i := range chunks {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(len(chunks), runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				outs[i], errs[i] = rd.renderMarkdown(chunks[i], key.width)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for i := range outs {
		outs[i] = strings.Trim(outs[i], "\n")
	}
	return layoutRendered(key, strings.Join(outs, "\n\n"), nquotes, refs), nil
}

// renderTimeout is how long one part may take in glamour before it is
// shown as plain text instead: a backstop for markdown the caps missed.
const renderTimeout = 2 * time.Second

// renderMarkdown is glamour, guarded: a glamour bug must not end the
// reader, and a part that takes too long is laid out as plain text.
func (rd renderer) renderMarkdown(md string, width int) (string, error) {
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: fmt.Errorf("rendering failed: %v", p)}
			}
		}()
		out, err := rd.glamour(md, width)
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		return r.out, r.err
	case <-time.After(renderTimeout):
		return plainLayout(md, width), nil
	}
}

// codeMark is put before the first line of each code block for a first
// rendering, to find the column glamour puts the block's text at. Word
// joiner: zero cells wide, as the quote sentinels.
const codeMark = '\u2060'

// glamour renders md at a width. Glamour leaves code lines to its word
// wrapper, which breaks a line too long for the pane at the pane's edge,
// without the block's indent, and the rest came out as a line of its own
// (with a blank one where the break fell at a space). So a document with
// code is rendered once with marks that say where each block's text starts;
// when some code line does not fit there, it is wrapped in the markdown at
// its block's width, each piece a code line of its own, and rendered again.
func (rd renderer) glamour(md string, width int) (string, error) {
	md = strings.ReplaceAll(md, string(codeMark), "")
	blocks := codeBlocks(md)
	if len(blocks) == 0 {
		return rd.glamourOnce(md, width)
	}
	var b strings.Builder
	b.Grow(len(md) + len(blocks)*3)
	pos := 0
	for _, bl := range blocks {
		b.WriteString(md[pos:bl.lines[0].start])
		b.WriteRune(codeMark)
		pos = bl.lines[0].start
	}
	b.WriteString(md[pos:])
	out, err := rd.glamourOnce(b.String(), width)
	if err != nil {
		return "", err
	}
	cols := markCols(out)
	out = strings.ReplaceAll(out, string(codeMark), "")
	if len(cols) != len(blocks) {
		return out, nil // a block glamour did not draw: leave it as it came
	}
	wrapped, changed := wrapCode(md, blocks, cols, width)
	if !changed {
		return out, nil
	}
	return rd.glamourOnce(wrapped, width)
}

// codeLine is one line of a code block in markdown: md[start:end] is its
// text, md[prefix:start] what comes before it on its line (block quote
// marks, list indent, the indent of indented code).
type codeLine struct{ prefix, start, end int }

type codeBlock struct{ lines []codeLine }

// codeBlocks finds the fenced and indented code blocks of md, as glamour's
// parser (goldmark) sees them.
func codeBlocks(md string) []codeBlock {
	if !strings.Contains(md, "```") && !strings.Contains(md, "~~~") && !strings.Contains(md, "    ") && !strings.Contains(md, "\t") {
		return nil
	}
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	var blocks []codeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock:
			segs := n.Lines()
			var bl codeBlock
			for i := range segs.Len() {
				seg := segs.At(i)
				end := seg.Stop
				for end > seg.Start && (md[end-1] == '\n' || md[end-1] == '\r') {
					end--
				}
				bl.lines = append(bl.lines, codeLine{strings.LastIndexByte(md[:seg.Start], '\n') + 1, seg.Start, end})
			}
			if len(bl.lines) > 0 {
				blocks = append(blocks, bl)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return blocks
}

// markCols is the cell column of each codeMark in rendered output, in order.
func markCols(out string) []int {
	var cols []int
	for _, l := range strings.Split(out, "\n") {
		if !strings.ContainsRune(l, codeMark) {
			continue
		}
		p := ansi.Strip(l)
		for i, r := range p {
			if r == codeMark {
				cols = append(cols, ansi.StringWidth(p[:i]))
			}
		}
	}
	return cols
}

// wrapCode wraps the code lines of md wider than what is left of width
// after their block's column, at spaces where it can, each piece a line
// of the block with the line's prefix.
func wrapCode(md string, blocks []codeBlock, cols []int, width int) (string, bool) {
	var b strings.Builder
	pos, changed := 0, false
	for k, bl := range blocks {
		avail := max(width-cols[k], 8)
		for _, l := range bl.lines {
			line := strings.ReplaceAll(md[l.start:l.end], "\t", "    ") // as sanitize draws tabs
			if ansi.StringWidth(line) <= avail {
				continue
			}
			// every piece keeps the line's own indent, when it leaves room
			body := strings.TrimLeft(line, " ")
			lead := line[:len(line)-len(body)]
			if avail-len(lead) < 20 {
				body, lead = line, ""
			}
			pieces := strings.Split(ansi.Wrap(body, avail-len(lead), ""), "\n")
			if slices.ContainsFunc(pieces, closesFence) {
				continue // a piece would end the block: leave the line whole
			}
			changed = true
			b.WriteString(md[pos:l.start])
			for i, piece := range pieces {
				if i > 0 {
					b.WriteString("\n" + md[l.prefix:l.start])
				}
				b.WriteString(lead + piece)
			}
			pos = l.end
		}
	}
	b.WriteString(md[pos:])
	return b.String(), changed
}

// closesFence reports a line that could close a fenced code block.
func closesFence(l string) bool {
	t := strings.TrimSpace(l)
	return len(t) >= 3 && (strings.Trim(t, "`") == "" || strings.Trim(t, "~") == "")
}

func (rd renderer) glamourOnce(md string, width int) (string, error) {
	style := glamour.WithStandardStyle(rd.style)
	if strings.HasSuffix(rd.style, ".json") || strings.ContainsRune(rd.style, '/') {
		style = glamour.WithStylePath(rd.style) // a style file from the config
	}
	tr, err := glamour.NewTermRenderer(
		style,
		glamour.WithWordWrap(max(width, 1)+2), // glamour's output is two cells narrower than its wrap
		glamour.WithColorProfile(rd.profile),
	)
	if err != nil {
		return "", err
	}
	out, err := tr.Render(md)
	if err != nil {
		return "", err
	}
	return sanitize(out, true), nil
}

// plainLayout wraps markdown as plain text, for what glamour cannot lay
// out in time. The quote sentinels pass through, so quotes are still found.
func plainLayout(md string, width int) string {
	var b strings.Builder
	b.WriteString("  (shown as plain text: its markdown took too long to lay out)\n\n")
	for _, para := range strings.Split(md, "\n\n") {
		para = sanitize(strings.Join(strings.Fields(para), " "), true)
		for _, l := range strings.Split(ansi.Wrap(para, max(1, width-2), ""), "\n") {
			b.WriteString("  " + l + "\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Sizes for rendering long articles in parts.
const (
	chunkSize   = 12 << 10 // markdown bytes per part
	maxBlock    = 16 << 10 // longer paragraphs are cut, so one 2 MB line cannot stall glamour
	maxRendered = 2 << 20  // what is shown of a pathological article
)

// splitChunks cuts markdown into parts of about chunkSize at blank lines
// outside fenced code and outside quotes, so each part renders as it would
// in the whole. Paragraphs over maxBlock are cut at a space.
func splitChunks(md string) []string {
	if len(md) > maxRendered {
		cut := strings.LastIndexByte(md[:maxRendered], '\n')
		if cut < maxRendered-maxBlock { // no line break near the limit: cut at a space
			cut = max(cut, strings.LastIndexByte(md[:maxRendered], ' '))
		}
		if cut < 0 {
			cut = maxRendered
		}
		for cut > 0 && !utf8.RuneStart(md[cut]) {
			cut--
		}
		md = md[:cut] + "\n\n*[The article continues for " + sizeLabel(len(md)-cut) + " more, not shown: the reader shows the first " + sizeLabel(maxRendered) + ".]*\n"
	}
	if len(md) <= 2*chunkSize {
		return []string{md}
	}
	var chunks []string
	start, fence, open := 0, false, 0
	lineStart, blockStart := 0, 0
	for i := 0; i < len(md); i++ {
		c := md[i]
		switch {
		case c == 0xe2 && i+2 < len(md) && md[i+1] == 0x80 && md[i+2] == 0x8b: // sentinel open
			open++
		case c == 0xe2 && i+2 < len(md) && md[i+1] == 0x80 && md[i+2] == 0x8c:
			open--
		}
		if c != '\n' {
			// a paragraph too long for glamour: cut it at a space
			if i-blockStart > maxBlock && c == ' ' && open == 0 && !fence {
				md = md[:i] + "\n\n" + md[i+1:]
				blockStart = i + 2
			}
			continue
		}
		line := md[lineStart:i]
		lineStart = i + 1
		if strings.HasPrefix(strings.TrimLeft(line, " "), "```") || strings.HasPrefix(strings.TrimLeft(line, " "), "~~~") {
			fence = !fence
		}
		if strings.TrimSpace(line) == "" {
			blockStart = i + 1
			if i+1 < len(md) && md[i+1] != ' ' && md[i+1] != '\t' && md[i+1] != '\n' && !fence && open == 0 && i-start >= chunkSize {
				chunks = append(chunks, md[start:i+1])
				start = i + 1
			}
		}
	}
	return append(chunks, md[start:])
}

func sizeLabel(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)>>10)
}

// layoutRendered splits glamour's output into lines no wider than the key's
// width and finds the quotes by their sentinels.
func layoutRendered(key renderKey, out string, nquotes int, refs []spanRef) *rendered {
	width := key.width
	out = strings.ReplaceAll(out, nbHyphen, "-")
	raw := strings.Split(strings.Trim(out, "\n"), "\n")
	r := &rendered{key: key, lines: make([]string, 0, len(raw))}
	for _, l := range raw {
		if ansi.StringWidth(l) <= width {
			r.lines = append(r.lines, l)
			continue
		}
		// glamour v1 does not wrap CJK: wrap what it left too wide
		r.lines = append(r.lines, strings.Split(ansi.Hardwrap(l, width, true), "\n")...)
	}
	type pos struct{ line, col int }
	var marks []pos
	r.plain = make([]string, len(r.lines))
	r.words = make([]int, len(r.lines)+1)
	for i, l := range r.lines {
		p := ansi.Strip(l)
		if strings.ContainsRune(p, sentinelOpen) || strings.ContainsRune(p, sentinelClose) {
			col := 0
			for _, c := range p {
				if c == sentinelOpen || c == sentinelClose {
					marks = append(marks, pos{i, col})
				}
				col += ansi.StringWidth(string(c))
			}
			r.lines[i] = stripSentinels(l)
			p = stripSentinels(p)
		}
		r.plain[i] = p
		r.words[i+1] = r.words[i] + len(strings.Fields(p))
		r.bytes += len(r.lines[i]) + len(p)
	}
	r.quotes = make([][]cellRange, nquotes)
	r.quoteTop = make([]int, nquotes)
	for i := range r.quoteTop {
		r.quoteTop[i] = -1
	}
	for k := 0; k+1 < len(marks) && k/2 < len(refs); k += 2 {
		q := refs[k/2].quote
		from, to := marks[k], marks[k+1]
		for line := from.line; line <= to.line; line++ {
			start, end := contentCols(r.plain[line])
			if line == from.line {
				start = from.col
			}
			if line == to.line {
				end = to.col
			}
			if end > start {
				r.quotes[q] = append(r.quotes[q], cellRange{line, start, end})
			}
		}
		if r.quoteTop[q] < 0 || from.line < r.quoteTop[q] {
			r.quoteTop[q] = from.line
		}
	}
	return r
}

func stripSentinels(s string) string {
	return strings.Map(func(r rune) rune {
		if r == sentinelOpen || r == sentinelClose {
			return -1
		}
		return r
	}, s)
}

// contentCols returns the first and last-plus-one cells of a line that are not spaces.
func contentCols(p string) (int, int) {
	t := strings.TrimLeft(p, " ")
	start := len(p) - len(t)
	t = strings.TrimRight(t, " ")
	return start, start + ansi.StringWidth(t)
}

// lineAtWords returns the line of r where the words-th word begins.
func (r *rendered) lineAtWords(words int) int {
	for i := range r.lines {
		if r.words[i+1] > words {
			return i
		}
	}
	return max(0, len(r.lines)-1)
}

// plainCol converts a byte index in a plain line to a cell column.
func plainCol(p string, idx int) int {
	if idx > len(p) {
		idx = len(p)
	}
	for idx > 0 && idx < len(p) && !utf8.RuneStart(p[idx]) {
		idx--
	}
	return ansi.StringWidth(p[:idx])
}

// lineNear is the line of r nearest to at whose text is line, within a few
// lines of it; at itself when there is none.
func (r *rendered) lineNear(line string, at int) int {
	if strings.TrimSpace(line) == "" {
		return at
	}
	for d := 0; d <= 8; d++ {
		for _, i := range [2]int{at - d, at + d} {
			if i >= 0 && i < len(r.plain) && r.plain[i] == line {
				return i
			}
		}
	}
	return at
}
