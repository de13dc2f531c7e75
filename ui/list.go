package ui

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"newsreader/store"
	"newsreader/store/search"
)

// listPane is the list of articles, or of search results while a query is on.
type listPane struct {
	st   *Styles
	keys *KeyMap
	w, h int // content size, inside the frame
	now  time.Time

	all     []*store.Article        // every article, in reading order
	results []search.Hit            // the ranked results of the query, as far as fetched
	found   int                     // how many articles the query matches: results and the pages not fetched yet
	listed  map[*store.Article]bool // the articles in results
	query   string                  // "" shows all

	mem      *memory
	less     func(a, b *store.Article) bool // the reading order
	mode     listMode
	filtered []*store.Article        // all, less what the mode hides; nil in modeAll
	flipped  map[*store.Article]bool // read or unread since filtered was made: the unread view's count

	cursor, offset int

	drawn *drawnRows // the rows drawn last, shared by the copies of the pane
}

// drawnRows keeps the rows of the last frame: moving the cursor redraws
// two rows, not every visible one (measuring and cutting styled text is
// most of a keystroke's time).
type drawnRows struct{ last, next map[rowKey]string }

func newDrawnRows() *drawnRows {
	return &drawnRows{last: map[rowKey]string{}, next: map[rowKey]string{}}
}

// rowKey is everything a row's drawing depends on. Articles do not change
// once loaded (a file read again gives new ones).
type rowKey struct {
	a                           *store.Article
	w                           int
	sel, focused, starred, read bool
	matches                     int // in the results of a query; -1 without one
}

// listMode chooses which articles the list shows.
type listMode int

const (
	modeAll listMode = iota
	modeUnread
	modeStarred
)

func newListPane(st *Styles, keys *KeyMap, mem *memory) listPane {
	return listPane{st: st, keys: keys, now: time.Now(), mem: mem, less: store.ArticleLess,
		drawn: newDrawnRows()}
}

// setSort orders the list by name ("date", "title", "quotes", "source").
func (l *listPane) setSort(name string) {
	less, ok := store.Order(name)
	if !ok {
		return
	}
	sel := l.selected()
	l.less = less
	sort.SliceStable(l.all, func(i, j int) bool { return less(l.all[i], l.all[j]) })
	l.refilter()
	if sel != nil {
		l.selectArticle(sel)
	}
}

// setMode shows all, only unread or only starred articles.
func (l *listPane) setMode(mode listMode) {
	sel := l.selected()
	l.mode = mode
	l.refilter()
	l.cursor, l.offset = 0, 0
	if sel == nil || l.selectArticle(sel) {
		return
	}
	// the article read is not shown now: the next one that is, where it stood
	for _, a := range l.all {
		if a == sel {
			break
		}
		if l.keeps(a) {
			l.cursor++
		}
	}
	l.cursor = min(l.cursor, max(0, len(l.shown())-1))
	l.scrollToCursor()
}

// refilter rebuilds the view of the mode from all.
func (l *listPane) refilter() {
	clear(l.flipped)
	if l.mode == modeAll {
		l.filtered = nil
		return
	}
	l.filtered = l.filtered[:0]
	for _, a := range l.all {
		if l.keeps(a) {
			l.filtered = append(l.filtered, a)
		}
	}
}

// marked notes that a's read mark changed: a row stays in the unread view
// until the view is made again, but it is no longer counted as unread.
func (l *listPane) marked(a *store.Article) {
	if l.mode != modeUnread {
		return
	}
	if l.flipped == nil {
		l.flipped = map[*store.Article]bool{}
	}
	if l.flipped[a] {
		delete(l.flipped, a)
	} else {
		l.flipped[a] = true
	}
}

// keeps is true for an article the mode shows.
func (l *listPane) keeps(a *store.Article) bool {
	return l.mode == modeAll || l.mode == modeUnread && !l.mem.isRead(a) || l.mode == modeStarred && l.mem.isStarred(a)
}

// shown are the articles the list shows without a query.
func (l *listPane) shown() []*store.Article {
	if l.mode != modeAll {
		return l.filtered
	}
	return l.all
}

// SetSize sets the content size.
func (l *listPane) SetSize(w, h int) {
	l.w, l.h = max(w, 0), max(h, 0)
	l.scrollToCursor()
}

// add merges newly loaded articles, keeping the selected one selected.
func (l *listPane) add(arts []*store.Article) {
	if len(arts) == 0 {
		return
	}
	sel := l.selected()
	sorted := make([]*store.Article, len(arts))
	copy(sorted, arts)
	sort.SliceStable(sorted, func(i, j int) bool { return l.less(sorted[i], sorted[j]) })
	// merged in place from the end, in room grown once in a while: a new
	// list each batch was 800 KB at 100,000 articles, for the collector.
	// What sorts before the first new article stays where it is, unread:
	// batches come mostly in order
	n := len(l.all)
	first := sort.Search(n, func(i int) bool { return l.less(sorted[0], l.all[i]) })
	l.all = slices.Grow(l.all, len(sorted))[:n+len(sorted)]
	i, j := n-1, len(sorted)-1
	for w := len(l.all) - 1; j >= 0; w-- {
		// the new after the old they equal, as a stable merge puts them
		if i >= first && l.less(sorted[j], l.all[i]) {
			l.all[w] = l.all[i]
			i--
		} else {
			l.all[w] = sorted[j]
			j--
		}
	}
	l.refilter()
	if l.query == "" && sel != nil {
		l.selectArticle(sel)
	}
}

// remove drops articles that are gone or replaced. The selection stays on
// its article, or on the one that replaces it (store.Successor), or on the
// row where it was.
func (l *listPane) remove(gone []*store.Article, replacement func(*store.Article) *store.Article) {
	if len(gone) == 0 {
		return
	}
	sel := l.selected()
	drop := make(map[*store.Article]bool, len(gone))
	for _, a := range gone {
		drop[a] = true
	}
	l.all = slices.DeleteFunc(l.all, func(a *store.Article) bool { return drop[a] })
	l.results = slices.DeleteFunc(l.results, func(h search.Hit) bool { return drop[h.Article] })
	l.refilter()
	switch {
	case sel == nil:
	case !drop[sel]:
		l.selectArticle(sel)
	case replacement(sel) != nil && l.selectArticle(replacement(sel)):
	default:
		l.cursor = clamp(l.cursor, 0, max(0, l.rows()-1))
		l.scrollToCursor()
	}
}

// rows is the number of entries shown.
func (l *listPane) rows() int {
	if l.query != "" {
		return len(l.results)
	}
	return len(l.shown())
}

func (l *listPane) at(i int) *store.Article {
	if i < 0 || i >= l.rows() {
		return nil
	}
	if l.query != "" {
		return l.results[i].Article
	}
	return l.shown()[i]
}

// selected is the article under the cursor, or nil.
func (l *listPane) selected() *store.Article { return l.at(l.cursor) }

// selectArticle moves the cursor to a, when it is shown.
func (l *listPane) selectArticle(a *store.Article) bool {
	if l.query == "" {
		shown := l.shown()
		i := sort.Search(len(shown), func(i int) bool { return !l.less(shown[i], a) })
		if i < len(shown) && shown[i] == a {
			l.cursor = i
			l.scrollToCursor()
			return true
		}
		return false
	}
	for i, h := range l.results {
		if h.Article == a {
			l.cursor = i
			l.scrollToCursor()
			return true
		}
	}
	return false
}

// rowHeight is 2 while showing results (title and snippet), else 1.
func (l *listPane) rowHeight() int {
	if l.query != "" && l.h >= 4 {
		return 2
	}
	return 1
}

func (l *listPane) visibleRows() int { return max(1, l.h/l.rowHeight()) }

func (l *listPane) move(d int) {
	if l.rows() == 0 {
		return
	}
	l.cursor = clamp(l.cursor+d, 0, l.rows()-1)
	l.scrollToCursor()
}

func (l *listPane) scrollToCursor() {
	n := l.visibleRows()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+n {
		l.offset = l.cursor - n + 1
	}
	l.offset = clamp(l.offset, 0, max(0, l.rows()-n))
}

// setResults shows a query's ranked results: the best selected for a new
// query, the same article kept when the same query is answered again.
func (l *listPane) setResults(query string, hits []search.Hit, found int) {
	sel, same := l.selected(), query == l.query
	l.query, l.results, l.found = query, hits, max(found, len(hits))
	l.listed = make(map[*store.Article]bool, len(hits))
	for _, h := range hits {
		l.listed[h.Article] = true
	}
	l.cursor, l.offset = 0, 0
	if same && sel != nil {
		l.selectArticle(sel)
	}
}

// addResults puts the next page of the query's results after the others,
// the cursor where it was. An article already there is not listed twice
// (the ranking moves when articles are added while the pages come).
func (l *listPane) addResults(hits []search.Hit, found int) {
	if l.listed == nil {
		l.listed = map[*store.Article]bool{}
	}
	for _, h := range hits {
		if !l.listed[h.Article] {
			l.listed[h.Article] = true
			l.results = append(l.results, h)
		}
	}
	l.found = max(found, len(l.results))
}

// clearQuery goes back to every article, keeping the selection.
func (l *listPane) clearQuery() {
	sel := l.selected()
	l.query, l.results, l.found, l.listed = "", nil, 0, nil
	l.cursor, l.offset = 0, 0
	if sel != nil {
		l.selectArticle(sel)
	}
}

// update handles a key when the list has the focus; it reports whether the selection changed.
func (l *listPane) update(msg keyMsg) bool {
	before := l.selected()
	if d, ok := l.keys.move(msg, l.rows(), l.visibleRows()); ok {
		l.move(d)
	}
	return l.selected() != before
}

// title is the frame's title.
func (l *listPane) title() string {
	switch {
	case l.query != "":
		return fmt.Sprintf("Search · %d found", l.found)
	case l.mode == modeUnread:
		n := len(l.filtered)
		for a := range l.flipped {
			if l.mem.isRead(a) { // unread when the view was made
				n--
			}
		}
		return fmt.Sprintf("Unread · %d of %d", n, len(l.all))
	case l.mode == modeStarred:
		return fmt.Sprintf("Starred · %d of %d", len(l.filtered), len(l.all))
	}
	return fmt.Sprintf("Articles · %d", len(l.all))
}

// note is the frame's bottom label: the position in the list, out of
// every result found, pages not yet fetched included.
func (l *listPane) note() string {
	if l.rows() == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", l.cursor+1, max(l.rows(), l.found))
}

// onlyLeavesOut is true for a query of -words alone, which finds nothing:
// a search looks for words, and -word only leaves articles out of it.
func onlyLeavesOut(query string) bool {
	q := search.Parse(query)
	for _, c := range q.Clauses {
		if !c.Not {
			return false
		}
	}
	return len(q.Clauses) > 0
}

// wrapWords cuts s into lines of at most w cells, at its spaces where it
// can (x/ansi's wrapping, words longer than a line cut).
func wrapWords(s string, w int) []string {
	return strings.Split(ansi.Wrap(s, max(1, w), ""), "\n")
}

// view draws only the visible rows.
func (l *listPane) view(focused bool) []string {
	out := make([]string, 0, l.h)
	if l.rows() == 0 {
		msg := "No articles yet"
		switch {
		case l.query != "" && onlyLeavesOut(l.query):
			msg = "Nothing to find: -word leaves articles out; add a word to look for"
		case l.query != "":
			msg = "Nothing matches"
		case l.mode == modeUnread && len(l.all) > 0:
			msg = "All read"
		case l.mode == modeStarred:
			msg = "No starred articles: * stars one"
		}
		for _, line := range wrapWords(msg, l.w) { // a narrow list shows it all
			out = append(out, l.st.Dim.Render(truncate(line, l.w)))
		}
		return out
	}
	rh := l.rowHeight()
	d := l.drawn
	if d == nil { // a pane not made by newListPane
		d = newDrawnRows()
	}
	clear(d.next)
	for i := l.offset; i < l.rows() && len(out)+rh <= l.h; i++ {
		a := l.at(i)
		k := rowKey{a: a, w: l.w, sel: i == l.cursor, focused: focused, starred: l.mem.isStarred(a), read: l.mem.isRead(a), matches: -1}
		if l.query != "" {
			k.matches = l.results[i].Matches
		}
		r, ok := d.last[k]
		if !ok {
			r = l.row(i, focused, k.starred, k.read) // the marks as keyed: another reader's may come in meanwhile
		}
		d.next[k] = r
		out = append(out, r)
		if rh == 2 {
			out = append(out, l.snippetRow(i))
		}
	}
	d.last, d.next = d.next, d.last
	return out
}

// row is one article: a bar when selected, the unread dot, the star, the
// title, and on the right its date, reading time and number of quotes.
func (l *listPane) row(i int, focused, starred, read bool) string {
	a := l.at(i)
	sel := i == l.cursor
	w := l.w
	if w <= 0 {
		return ""
	}
	bar := " "
	if sel {
		bar = "▌"
	}
	// the unread dot and the star each have their own cell: a starred
	// article still shows whether it was read
	if read {
		bar += " "
	} else {
		bar += "•"
	}
	if starred {
		bar += "★"
	} else {
		bar += " "
	}
	meta := l.meta(a, i)
	titleW := w - 3
	if mw := ansi.StringWidth(meta); mw > 0 && w >= 28 {
		titleW = w - 3 - mw - 1
	} else {
		meta = ""
	}
	title := truncate(cleanLine(a.Title), max(titleW, 0))
	left := bar + fit(title, max(titleW, 0))
	if meta != "" && !sel {
		// dim the meta of other rows; the bar, the title and the meta are
		// exactly w cells (titleW is what they leave)
		return left + " " + l.st.paint.listMeta.Draw(meta)
	}
	line := left
	if meta != "" {
		line += " " + meta
	}
	line = fit(line, w)
	switch {
	case sel && focused:
		return l.st.paint.listSelected.Draw(line)
	case sel:
		return l.st.paint.listSelectedBlur.Draw(line)
	}
	return line
}

// meta is "3 Mar · 4m ❝4" (date when known), or the match count in results.
// It is written into one buffer: it is drawn for every row a jump shows.
func (l *listPane) meta(a *store.Article, i int) string {
	b := make([]byte, 0, 48)
	if l.query != "" {
		b = append(strconv.AppendInt(b, int64(l.results[i].Matches), 10), "× "...)
	} else if !a.Date.IsZero() && l.w >= 44 {
		if a.Date.Year() == l.now.Year() {
			b = a.Date.AppendFormat(b, "2 Jan")
		} else {
			b = a.Date.AppendFormat(b, "Jan 2006")
		}
		b = append(b, ' ')
	} else if a.Site != "" && l.w >= 50 {
		b = append(append(b, truncate(cleanLine(a.Site), 12)...), ' ')
	}
	b = append(strconv.AppendInt(b, int64(a.ReadingMinutes()), 10), 'm', ' ')
	// the count in three cells and a space before the frame, so that "❝19"
	// under "❝4" keeps the minutes in line
	switch n := len(a.Quotes); {
	case n == 0:
		b = append(b, "    "...)
	case n < 10:
		b = append(strconv.AppendInt(append(b, "❝"...), int64(n), 10), "  "...)
	case n < 100:
		b = append(strconv.AppendInt(append(b, "❝"...), int64(n), 10), ' ')
	default:
		b = strconv.AppendInt(append(b, "❝"...), int64(n), 10)
	}
	return string(b)
}

// snippetRow is the dim line under a result, its matched words marked.
func (l *listPane) snippetRow(i int) string {
	h := l.results[i]
	w := l.w - 4
	if w <= 0 {
		return fit("", l.w)
	}
	s := cleanSnippet(h.Snippet)
	var b strings.Builder
	pos := 0
	for _, m := range h.Marks {
		if m.Start < pos || m.End > len(s) {
			continue
		}
		b.WriteString(l.st.paint.dim.Draw(s[pos:m.Start]))
		b.WriteString(l.st.paint.listMatch.Draw(s[m.Start:m.End]))
		pos = m.End
	}
	b.WriteString(l.st.paint.dim.Draw(s[pos:]))
	return fit("    "+ansi.Truncate(b.String(), w, "…"), l.w)
}

// cleanSnippet makes a snippet safe without moving its bytes: controls
// become spaces, so the match offsets still hold.
func cleanSnippet(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f {
			return ' '
		}
		return r
	}, s)
}
