package ui

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"newsreader/internal/clip"
	"newsreader/store"
)

// readTickMsg comes ReadAfter after an article was shown; seq tells whether
// the reader is still on it.
type readTickMsg struct{ seq int }

// flashMsg clears the status message it names.
type flashMsg struct{ seq int }

// actionDoneMsg reports an outside action (browser, clipboard, editor).
type actionDoneMsg struct {
	ok  string
	err error
}

// after delivers msg after d, by the Options' timer.
func (m *Model) after(d time.Duration, msg tea.Msg) tea.Cmd {
	if m.opts.After != nil {
		return m.opts.After(d, msg)
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// flash shows a short message in the status bar for a few seconds.
func (m *Model) flash(msg string) tea.Cmd {
	m.flashText = msg
	m.flashSeq++
	seq := m.flashSeq
	return m.after(4*time.Second, flashMsg{seq})
}

// articleShown starts the clock that marks the shown article read.
func (m *Model) articleShown() tea.Cmd {
	m.readSeq++
	if m.reader.article == nil || m.opts.ReadAfter <= 0 {
		return nil
	}
	seq := m.readSeq
	return m.after(m.opts.ReadAfter, readTickMsg{seq})
}

// markReadAtEnd marks the article read once its end is in view.
func (m *Model) markReadAtEnd() {
	r := m.reader.r
	if a := m.reader.article; a != nil && r != nil && !r.partial && m.reader.offset >= m.reader.maxOffset() {
		m.setRead(a, true)
	}
}

// setRead marks a read or unread, and tells the list when that changes.
func (m *Model) setRead(a *store.Article, read bool) {
	if m.mem.isRead(a) != read {
		m.mem.setRead(a, read)
		m.list.marked(a)
	}
}

// current is the article the keys act on: the reader's, or the list's.
func (m *Model) current() *store.Article {
	if m.focus == ListPane && !m.speakersOn {
		return m.list.selected()
	}
	return m.reader.article
}

// habitKey handles the keys of reading habits; ok is false for other keys.
func (m *Model) habitKey(msg tea.KeyMsg) (cmd tea.Cmd, ok bool) {
	k := m.keys
	a := m.current()
	switch {
	case key.Matches(msg, k.ToggleRead):
		if a == nil {
			return nil, true
		}
		read := !m.mem.isRead(a)
		m.setRead(a, read)
		if read {
			return m.flash("Marked read"), true
		}
		return m.flash("Marked unread"), true
	case key.Matches(msg, k.Star):
		if a == nil {
			return nil, true
		}
		star := !m.mem.isStarred(a)
		m.mem.setStarred(a, star)
		if m.list.mode == modeStarred {
			m.list.refilter()
		}
		if star {
			return m.flash("Starred"), true
		}
		return m.flash("Unstarred"), true
	case key.Matches(msg, k.OnlyUnread):
		m.toggleMode(modeUnread)
		return nil, true
	case key.Matches(msg, k.Starred):
		m.toggleMode(modeStarred)
		return nil, true
	case key.Matches(msg, k.Links):
		m.linkCursor = 0
		if m.showLinks {
			m.closeView()
			return nil, true
		}
		m.openView()
		m.showLinks = true
		m.links = nil
		if m.reader.r != nil { // found with the text when it was rendered
			m.links = m.reader.r.links
		}
		return nil, true
	case pressed(msg, k.OpenSource): // off without a web address, but it says so
		if a == nil || a.SourceURL() == "" {
			return m.flash("This article has no web address"), true
		}
		return m.openURL(a.SourceURL()), true
	case key.Matches(msg, k.CopyQuote):
		return m.copyQuote(), true
	case key.Matches(msg, k.CopyLink):
		u := ""
		if m.showLinks && m.linkCursor < len(m.links) {
			u = m.links[m.linkCursor].URL
		} else if a != nil {
			u = a.SourceURL()
		}
		if u == "" {
			return m.flash("No link to copy"), true
		}
		return m.copy(u, "Copied the link"), true
	case key.Matches(msg, k.Edit):
		return m.edit(a), true
	case key.Matches(msg, k.Mouse):
		m.mouseOn = !m.mouseOn
		if m.mouseOn {
			return tea.Batch(tea.EnableMouseCellMotion, m.flash("Mouse on")), true
		}
		return tea.Batch(tea.DisableMouse, m.flash("Mouse off: the terminal selects text")), true
	}
	return nil, false
}

func (m *Model) toggleMode(mode listMode) {
	if m.list.mode == mode {
		mode = modeAll
	}
	m.speakersOn = false
	m.list.setMode(mode)
	m.setFocus(ListPane)
	m.selectionChanged()
}

// openURL shows the address, then starts the browser off the UI goroutine.
func (m *Model) openURL(u string) tea.Cmd {
	if m.opts.OpenURL == nil {
		return m.flash("No browser is set up")
	}
	open := m.opts.OpenURL
	return tea.Batch(m.flash("Opening "+cleanLine(u)), func() tea.Msg {
		if err := open(u); err != nil {
			return actionDoneMsg{err: err}
		}
		return nil
	})
}

// copyQuote copies the selected quote, or the first in view, as
// “words” — Speaker, Title.
func (m *Model) copyQuote() tea.Cmd {
	a := m.reader.article
	if a == nil || len(a.Quotes) == 0 {
		return m.flash("No quote to copy")
	}
	i := m.reader.quote
	if i < 0 {
		i = max(0, m.reader.nextQuote(1))
	}
	return m.copy(clip.Quote(quoteWords(a, i), a.Quotes[i].Speaker, a.Title), "Copied the quote")
}

// copy puts text on the clipboard with OSC 52, on this key press only.
func (m *Model) copy(text, done string) tea.Cmd {
	if m.opts.Clipboard == nil {
		return m.flash("No clipboard here")
	}
	write := m.opts.Clipboard
	return tea.Batch(m.flash(done), func() tea.Msg {
		if err := write(cleanClip(text)); err != nil {
			return actionDoneMsg{err: err}
		}
		return nil
	})
}

// cleanClip keeps what a clipboard should get from an article: text, no controls.
func cleanClip(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f {
			return -1
		}
		return r
	}, s)
}

// edit opens the article's file in $EDITOR (or $PAGER) and comes back.
func (m *Model) edit(a *store.Article) tea.Cmd {
	if a == nil {
		return nil
	}
	fi, err := os.Stat(a.Path)
	if err != nil || !fi.Mode().IsRegular() || strings.HasSuffix(a.Path, ".gz") {
		return m.flash("This article is not a plain file on disk")
	}
	if m.opts.EditCommand == nil {
		return m.flash("No editor is set up")
	}
	c, err := m.opts.EditCommand(a.Path)
	if err != nil {
		return m.flash(err.Error())
	}
	return tea.ExecProcess(c, func(err error) tea.Msg {
		if err != nil {
			return actionDoneMsg{err: fmt.Errorf("editor: %w", err)}
		}
		return actionDoneMsg{ok: "Back from the editor"}
	})
}

// linksKey moves in and opens from the links view.
func (m *Model) linksKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if d, ok := k.move(msg, len(m.links), m.reader.h/3); ok { // three lines a link
		m.linkCursor += d
	}
	switch {
	case key.Matches(msg, k.Open):
		if m.linkCursor < len(m.links) {
			return m.openURL(m.links[m.linkCursor].URL)
		}
	default:
		if s := msg.String(); len(s) == 1 && s[0] >= '1' && s[0] <= '9' {
			if n := int(s[0] - '1'); n < len(m.links) {
				m.linkCursor = n
				return m.openURL(m.links[n].URL)
			}
		}
	}
	m.linkCursor = clamp(m.linkCursor, 0, max(0, len(m.links)-1))
	return nil
}

// linksView lists the article's links, numbered, with their text and the
// address under it (a bare address is said once), one blank line between.
func (m Model) linksView() []string {
	if len(m.links) == 0 {
		return []string{noteIndent + m.st.paint.dim.Draw(truncate("No links in this article", m.reader.w-len(noteIndent)))}
	}
	w := max(0, m.reader.w-4)
	bare := func(l store.Link) bool { return cleanLine(l.Text) == cleanLine(l.URL) }
	rows := func(i int) int { // with the blank line before it, but for the first shown
		if bare(m.links[i]) {
			return 1
		}
		return 2
	}
	// the selected link ends the page when the ones before it do not all fit
	first, used := m.linkCursor, rows(m.linkCursor)
	for first > 0 && used+1+rows(first-1) <= m.reader.h {
		first--
		used += 1 + rows(first)
	}
	var out []string
	for i := first; i < len(m.links); i++ {
		gap := 0
		if i > first {
			gap = 1
		}
		if len(out)+gap+rows(i) > m.reader.h {
			break
		}
		if gap > 0 {
			out = append(out, "")
		}
		l := m.links[i]
		bar := "  "
		if i == m.linkCursor {
			bar = m.st.paint.bar.Draw("┃") + " "
		}
		text := truncate(cleanLine(l.Text), w)
		if i == m.linkCursor {
			text = m.st.paint.sideSelected.Draw(text)
		}
		out = append(out, bar+fmt.Sprintf("%d. ", i+1)+text)
		if !bare(l) {
			out = append(out, bar+"   "+m.st.paint.dim.Draw(truncate(cleanLine(l.URL), w-1)))
		}
	}
	return out
}

// restorePosition goes back to where reading stopped last time, once that
// article has loaded and as long as the user has not moved yet.
func (m *Model) restorePosition(arts []*store.Article) {
	if m.restore == nil || m.moved {
		m.restore = nil
		return
	}
	p := *m.restore
	for _, a := range arts {
		if m.mem.key(a) != p.Article {
			continue // by content, as the marks: the folder may be reached by another path (a link)
		}
		m.restore = nil
		if !m.list.selectArticle(a) {
			return
		}
		m.moved = true // as if the user had come here: later batches keep it selected
		m.reader.setArticle(a)
		m.quotes.setArticle(a)
		m.reader.anchor = p.Word
		if p.Quote > 0 && p.Quote <= len(a.Quotes) {
			m.reader.quote = p.Quote - 1
		}
		return
	}
}

// savePosition remembers the reader's place for the next start.
func (m *Model) savePosition() {
	a := m.reader.article
	if a == nil {
		return
	}
	word := m.reader.anchor
	if r := m.reader.r; r != nil {
		word = r.words[min(m.reader.offset, len(r.lines))]
	}
	m.mem.savePosition(a, word, m.reader.quote)
}

// handleMouse routes the wheel to the pane under the pointer and a click to
// the row, quote or pane it lands on.
func (m *Model) handleMouse(msg tea.MouseMsg) {
	if msg.Action != tea.MouseActionPress {
		return
	}
	pane := Pane(-1)
	for p := Pane(0); p < paneCount; p++ {
		r := m.lay.Panes[p]
		if r.W > 0 && msg.X >= r.X && msg.X < r.X+r.W && msg.Y >= r.Y && msg.Y < r.Y+r.H {
			pane = p
		}
	}
	if pane < 0 {
		return
	}
	m.moved = true
	r := m.lay.Panes[pane]
	row, col := msg.Y-r.Y-1, msg.X-r.X-1 // inside the frame
	switch msg.Button {
	case tea.MouseButtonWheelUp, tea.MouseButtonWheelDown:
		d := 3
		if msg.Button == tea.MouseButtonWheelUp {
			d = -3
		}
		switch pane {
		case ListPane:
			if !m.speakersOn {
				m.list.move(d)
				m.selectionChanged()
			}
		case ReaderPane:
			m.reader.scroll(d)
			m.syncQuotes()
		case QuotesPane:
			m.quotes.offset = clamp(m.quotes.offset+d, 0, max(0, m.quotes.total()-m.quotes.h))
		}
	case tea.MouseButtonLeft:
		m.setFocus(pane)
		if row < 0 {
			return
		}
		switch pane {
		case ListPane:
			if m.speakersOn {
				return
			}
			if i := m.list.offset + row/m.list.rowHeight(); i < m.list.rows() {
				m.list.cursor = i
				m.selectionChanged()
			}
		case QuotesPane:
			line := m.quotes.offset + row
			for i, b := range m.quotes.blocks {
				if line >= b.top && line <= b.top+len(b.text) {
					m.selectQuote(i)
				}
			}
		case ReaderPane:
			if q := m.reader.quoteAt(m.reader.offset+row, col); q >= 0 {
				m.reader.quote = q
				m.quotes.reveal(q)
			}
		}
	}
}

// quoteAt is the quote drawn at a line and cell, or -1.
func (p *readerPane) quoteAt(line, col int) int {
	if p.r == nil {
		return -1
	}
	for q, rs := range p.r.quotes {
		for _, c := range rs {
			if c.line == line && col >= c.start && col < c.end {
				return q
			}
		}
	}
	return -1
}
