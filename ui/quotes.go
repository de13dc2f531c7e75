package ui

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"newsreader/store"
)

// maxQuoteLines caps how tall one quote stands in the sidebar.
const maxQuoteLines = 8

// quotesPane lists the quotes of the current article with their speakers.
type quotesPane struct {
	st   *Styles
	keys *KeyMap
	w, h int

	article *store.Article
	blocks  []quoteBlock // wrapped for the current width
	offset  int          // first visible line
}

// quoteBlock is one quote wrapped to the sidebar: its text lines and the
// speaker line.
type quoteBlock struct {
	text    []string
	speaker string
	top     int // first line in the pane's content
}

func newQuotesPane(st *Styles, keys *KeyMap) quotesPane {
	return quotesPane{st: st, keys: keys}
}

func (q *quotesPane) SetSize(w, h int) {
	if w != q.w {
		q.w, q.h = max(w, 0), max(h, 0)
		q.wrap()
	}
	q.w, q.h = max(w, 0), max(h, 0)
}

func (q *quotesPane) setArticle(a *store.Article) {
	if q.article == a {
		return
	}
	q.article, q.offset = a, 0
	q.wrap()
}

// wrap lays every quote out for the width; it runs when the article or
// the width changes, never per key.
func (q *quotesPane) wrap() {
	q.blocks = q.blocks[:0]
	if q.article == nil || q.w <= 2 {
		return
	}
	tw := q.w - 3 // the selection bar, a space, and a cell of air on the right
	top := 0
	for i, qt := range q.article.Quotes {
		text := "“" + quoteWords(q.article, i) + "”"
		lines := strings.Split(ansi.Wrap(text, tw, ""), "\n")
		if len(lines) > maxQuoteLines {
			lines = lines[:maxQuoteLines]
			lines[maxQuoteLines-1] = cutQuoteLine(lines[maxQuoteLines-1], tw)
		}
		sp := "— unattributed"
		if qt.Speaker != "" {
			sp = "— " + cleanLine(qt.Speaker)
		}
		b := quoteBlock{text: lines, speaker: truncate(sp, tw), top: top}
		top += len(lines) + 2 // text, speaker, a blank line
		q.blocks = append(q.blocks, b)
	}
}

// cutQuoteLine ends the last line shown of a longer quote with an
// ellipsis: one, not a second after the one that joins the quote's parts.
func cutQuoteLine(line string, w int) string {
	line = strings.TrimRight(line, " ")
	if !strings.HasSuffix(line, "…") {
		line += "…"
	}
	return truncate(line, w)
}

func (q *quotesPane) total() int {
	if len(q.blocks) == 0 {
		return 0
	}
	last := q.blocks[len(q.blocks)-1]
	return last.top + len(last.text) + 1
}

// reveal scrolls so that the selected quote is in view.
func (q *quotesPane) reveal(sel int) {
	if sel < 0 || sel >= len(q.blocks) {
		return
	}
	b := q.blocks[sel]
	bottom := b.top + len(b.text) + 1
	if b.top < q.offset {
		q.offset = b.top
	}
	if bottom > q.offset+q.h {
		q.offset = min(b.top, bottom-q.h)
	}
	q.offset = clamp(q.offset, 0, max(0, q.total()-q.h))
}

// update handles keys when the sidebar has the focus; it returns the
// quote to select, or -2 for no change.
func (q *quotesPane) update(msg keyMsg, sel int) int {
	n := len(q.blocks)
	if n == 0 {
		return -2
	}
	k := q.keys
	switch {
	case key.Matches(msg, k.Up):
		return clamp(sel-1, 0, n-1)
	case key.Matches(msg, k.Down):
		if sel < 0 {
			return 0
		}
		return clamp(sel+1, 0, n-1)
	case key.Matches(msg, k.Top):
		return 0
	case key.Matches(msg, k.Bottom):
		return n - 1
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.HalfDown):
		return clamp(sel+max(1, q.h/4), 0, n-1)
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.HalfUp):
		return clamp(sel-max(1, q.h/4), 0, n-1)
	}
	return -2
}

func (q *quotesPane) title() string {
	if q.article == nil {
		return "Quotes"
	}
	return fmt.Sprintf("Quotes · %d", len(q.article.Quotes))
}

func (q *quotesPane) note(sel int) string {
	if len(q.blocks) == 0 || sel < 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", sel+1, len(q.blocks))
}

// view draws the visible lines; the selected quote gets a bar and bold text.
func (q *quotesPane) view(sel int) []string {
	if q.article == nil {
		return nil
	}
	if len(q.blocks) == 0 {
		return []string{noteIndent + q.st.Dim.Render(truncate("No quotes in this article", q.w-len(noteIndent)))}
	}
	out := make([]string, 0, q.h)
	for bi, b := range q.blocks {
		if b.top+len(b.text)+1 <= q.offset {
			continue
		}
		if b.top >= q.offset+q.h {
			break
		}
		selected := bi == sel
		bar := "  "
		if selected {
			bar = q.st.paint.bar.Draw("┃") + " "
		}
		lines := make([]string, 0, len(b.text)+2)
		for _, t := range b.text {
			if selected {
				lines = append(lines, bar+q.st.paint.sideSelected.Draw(t))
			} else {
				lines = append(lines, bar+q.st.paint.sideQuote.Draw(t))
			}
		}
		if selected {
			lines = append(lines, bar+q.st.paint.speakerSelected.Draw(b.speaker))
		} else {
			lines = append(lines, bar+q.st.paint.speaker.Draw(b.speaker))
		}
		lines = append(lines, "")
		for i, l := range lines {
			if y := b.top + i; y >= q.offset && y < q.offset+q.h {
				out = append(out, l)
			}
		}
	}
	return out
}

// mdLink is an inline markdown link or image: its text, then its target.
var mdLink = regexp.MustCompile(`!?\[([^\[\]]*)\]\([^()\s]*(?:\s+"[^"]*")?\)`)

// quoteWords is quote i of an article on one line, as it reads: in markdown
// (files, pages, feeds) a link shows its words, not its syntax and address.
func quoteWords(a *store.Article, i int) string {
	text := a.QuoteText(i)
	if a.Markdown() && strings.Contains(text, "](") {
		text = mdLink.ReplaceAllString(text, "$1")
	}
	return cleanLine(text)
}
