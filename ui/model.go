// Package ui is the reader's terminal interface: three panes (the list of
// articles, the reading pane and the quotes sidebar) on Bubble Tea.
package ui

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"newsreader/internal/snapshot"
	"newsreader/internal/state"
	"newsreader/store"
	"newsreader/store/search"
)

// Options configure the reader.
type Options struct {
	Source  store.Source     // what to load
	Preload []*store.Article // articles already loaded (tests); Source is then ignored
	// Snapshot, when set, restores the library as a former run left it and
	// keeps it for the next once loaded (see package snapshot).
	Snapshot *snapshot.Library
	Theme    Theme
	Profile  termenv.Profile // color profile for glamour's output
	Version  string

	Marks        *state.Marks        // read, starred and position, kept across runs; nil keeps them for the session
	Keys         map[string][]string // key overrides by action name
	Sort         string              // list order: "date", "title", "quotes", "source"; "" keeps files in path order
	SidebarWidth int                 // the list's width in cells; 0 lets the layout choose
	ReadAfter    time.Duration       // an article shown this long counts as read; 0 only at its end
	GlamourStyle string              // a glamour style name or JSON file; "" follows the theme
	Mouse        bool                // start with mouse reporting on
	Warnings     []string            // problems with the config or state, shown once
	OpenURL      func(url string) error
	EditCommand  func(path string) (*exec.Cmd, error)
	Clipboard    func(text string) error
	Watch        bool // follow files added, changed or removed on disk
	// After makes a timer message; nil is tea.Tick. Tests deliver timer messages themselves.
	After func(d time.Duration, msg tea.Msg) tea.Cmd
}

// inputMode says what the text input is for.
type inputMode int

const (
	inputNone     inputMode = iota
	inputFilter             // ranked search of the list
	inputFind               // find in the article
	inputSpeakers           // filter of the speakers view
)

// Model is the root of the reader: it owns focus, layout and background work.
type Model struct {
	opts     Options
	store    *store.Store
	st       *Styles
	keys     *KeyMap
	help     *help.Model // the bubbles' models are pointed to: a Model is copied at every call
	helpMemo *helpMemo
	rd       renderer
	w, h     int
	focus    Pane
	lay      Layout
	list     listPane
	reader   readerPane
	quotes   quotesPane

	speakers   speakersPane
	speakersOn bool // the speakers view stands in the list's place
	// speakersDue: the view is open and its list on the way; enterDue:
	// enter came before it, and opens the first speaker's quotes when it comes
	speakersDue, enterDue bool

	input        *textinput.Model
	mode         inputMode
	searchSeq    int                // the newest query sent; older answers are dropped
	searchCancel context.CancelFunc // the query on its way
	searchAsked  bool               // its answer is wanted: the results shown wait for it, not paging
	searchShown  int                // the query whose results the list shows
	searchRanked int                // hits the index ranked for them: the next page starts there
	searchMore   bool               // the index may have more: a page was full
	paging       bool               // the next page of the results shown is being fetched
	pageCancel   context.CancelFunc
	toEnd        bool // G in the results: the pages are fetched to the end, and the last selected
	chosen       bool // ↓ or ↑ chose an article while the query was typed
	// replacing: the input opened on the last query, shown selected; a
	// letter typed replaces it, a cursor key keeps it to edit
	replacing   bool
	awaiting    string // enter came before this query's answer: show it when it comes,
	openAwaited bool   // and read its best hit, unless a key or the mouse did something since
	suggestion  string // the query with its unknown words corrected
	index       *search.Index
	indexOne    *sync.Mutex // one batch indexes at a time, on all cores

	showErrors bool
	viewFrom   Pane // the pane the links or errors view was opened from: esc goes back to it
	errOffset  int
	errs       []store.LoadError

	loading    bool // files are being read, or their articles indexed
	filesRead  bool // the last batch of the load has come
	indexing   int  // batches of articles being indexed
	heldBack   bool // the next batch waits for the index to catch up
	quoteCount int
	spin       *spinner.Model
	progress   store.Batch // the last batch, for the count and rate
	batches    <-chan store.Batch
	changes    <-chan []store.Change // files that changed on disk
	cancel     context.CancelFunc

	cache    *renderCache
	inflight map[renderKey]bool

	mem           *memory
	readSeq       int // which shown article a read tick is for
	flashText     string
	flashSeq      int
	showLinks     bool
	links         []store.Link
	linkCursor    int
	mouseOn       bool
	snapshotTaken bool            // the snapshot is written, or being written, once loading ends
	indexTaken    bool            // the snapshot's index is the reader's
	restore       *state.Position // where to go back to once its article loads
	moved         bool            // the user has moved: no restoring any more
}

// New builds the reader.
func New(opts Options) Model {
	keys, st := DefaultKeyMap(), NewStyles(opts.Theme)
	keys.Override(opts.Keys)
	m := Model{opts: opts, keys: &keys, st: &st, focus: ListPane, store: store.New(), index: search.New(), indexOne: &sync.Mutex{}, mem: newMemory(opts.Marks), mouseOn: opts.Mouse}
	if p, ok := m.mem.position(); ok {
		m.restore = &p
	}
	h := help.New()
	m.help = &h
	m.helpMemo = &helpMemo{}
	m.help.Styles.ShortKey = m.st.StatusKey
	m.help.Styles.FullKey = m.st.StatusKey
	m.help.Styles.ShortDesc = m.st.Dim
	m.help.Styles.FullDesc = m.st.Dim
	m.help.Styles.ShortSeparator = m.st.Dim
	m.help.Styles.FullSeparator = m.st.Dim
	style := "light"
	switch {
	case opts.Theme.NoColor:
		style = "notty"
	case opts.Theme.Dark:
		style = "dark"
	}
	if opts.GlamourStyle != "" {
		style = opts.GlamourStyle
	}
	m.rd = renderer{style: style, profile: opts.Profile}
	m.list = newListPane(m.st, m.keys, m.mem)
	m.list.setSort(opts.Sort)
	m.reader = newReaderPane(m.st, m.keys)
	m.quotes = newQuotesPane(m.st, m.keys)
	m.speakers = newSpeakersPane(m.st, m.keys)
	in := textinput.New()
	m.input = &in
	m.input.Prompt = "/ "
	m.input.PromptStyle = m.st.Prompt
	m.input.Cursor.SetMode(cursor.CursorStatic)
	m.input.CharLimit = 200
	sp := spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(m.st.Accent))
	m.spin = &sp
	m.cache = newRenderCache(64 << 20)
	m.inflight = map[renderKey]bool{}
	if opts.Preload != nil {
		m.index.AddBatch(m.store.Add(opts.Preload...).Added)
		m.index.Compact()
		m.list.add(opts.Preload)
		m.restorePosition(opts.Preload)
		for _, a := range opts.Preload {
			m.quoteCount += len(a.Quotes)
		}
	} else {
		ctx, cancel := context.WithCancel(context.Background())
		m.cancel = cancel
		snap := opts.Snapshot
		switch {
		case opts.Source.FS == nil && opts.Watch && snap != nil:
			m.batches, m.changes = snap.WatchAndLoad(ctx, opts.Source)
		case opts.Source.FS == nil && opts.Watch:
			// in the background: walking a big folder to watch it must not delay the first frame
			m.batches, m.changes = store.WatchAndLoad(ctx, opts.Source)
		case snap != nil:
			m.batches = snap.Load(ctx, opts.Source)
		default:
			m.batches = store.Load(ctx, opts.Source)
		}
		m.loading = true
	}
	m.selectionChanged()
	if len(opts.Warnings) > 0 {
		m.flashText = strings.Join(opts.Warnings, "; ")
		for _, w := range opts.Warnings { // kept in the errors view after the flash
			m.errs = append(m.errs, store.LoadError{Path: "settings", Err: errors.New(w)})
		}
	}
	return m
}

// batchMsg is a batch of loaded articles, and what the store made of them:
// waitBatch gives them to the store before the message comes.
type batchMsg struct {
	store.Batch
	update store.Update
}

// speakersMsg is a fresh list of everyone quoted.
type speakersMsg []store.Speaker

// searchMsg is the answer to one query of the list.
type searchMsg struct {
	seq   int
	query string
	res   search.Result
	page  // how far the index ranked
}

// pageMsg is the next page of results of the query the list shows.
type pageMsg struct {
	seq   int // the query of the results it follows (searchShown)
	query string
	from  int // the rank of its first hit
	res   search.Result
	page
}

// page says how many hits the index ranked for an answer (some may not
// be shown) and whether it ranked as many as it was asked for: then there
// may be more.
type page struct {
	ranked int
	more   bool
}

// searchPage is how many results a query is answered with, and fetched at
// a time as the list is scrolled towards their end: the index ranks every
// match, but works out only these (reading their files again for the
// snippets and counts).
const searchPage = 200

// endPage is how many results G fetches at a time on its way to the last:
// the same work per result, in fewer answers for the list to take.
const endPage = 10 * searchPage

// indexedMsg says a batch of articles can now be found.
type indexedMsg struct{}

// forgottenMsg says the articles of files changed or deleted can no longer
// be found.
type forgottenMsg struct{}

// changesMsg is a burst of files changed on disk.
type changesMsg []store.Change

func waitChanges(ch <-chan []store.Change) tea.Cmd {
	return func() tea.Msg {
		c, ok := <-ch
		if !ok {
			return nil
		}
		return changesMsg(c)
	}
}

// waitBatch waits for the next batch and gives it to the store, off the UI
// goroutine: at 100,000 articles the store took 1.1 s there in all, up to
// 47 ms a batch, and a key pressed meanwhile waited.
func waitBatch(ch <-chan store.Batch, st *store.Store) tea.Cmd {
	return func() tea.Msg {
		b, ok := <-ch
		if !ok {
			return batchMsg{Batch: store.Batch{Done: true}}
		}
		if b.Counted {
			st.Expect(b.Found)
		}
		u := st.Add(b.Articles...)
		return batchMsg{Batch: b, update: u}
	}
}

func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.batches != nil {
		cmds = append(cmds, waitBatch(m.batches, m.store), m.spin.Tick)
	}
	if m.changes != nil {
		cmds = append(cmds, waitChanges(m.changes))
	}
	if m.flashText != "" {
		cmds = append(cmds, m.after(8*time.Second, flashMsg{0}))
	}
	return tea.Batch(cmds...)
}

// Update routes a message: resizes, then keys (the text input first, then
// global keys, then the focused pane), then results of background work.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	// Keys typed faster than the terminal is read arrive as one message
	// ("jjl"); outside a text input each is a key of its own.
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes && len(k.Runes) > 1 && !k.Paste && m.mode == inputNone {
		var cmds []tea.Cmd
		var next tea.Model = m
		for i, r := range k.Runes {
			var cmd tea.Cmd
			next, cmd = next.(Model).Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: k.Alt})
			cmds = append(cmds, cmd)
			if nm := next.(Model); nm.mode != inputNone && i+1 < len(k.Runes) {
				// a key opened an input: the rest is typed into it
				next, cmd = nm.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: k.Runes[i+1:]})
				cmds = append(cmds, cmd)
				break
			}
		}
		return next, tea.Batch(cmds...)
	}
	// Esc pressed twice quickly reaches us as one alt+esc: it is two escapes.
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyEsc && k.Alt {
		next, c1 := m.Update(tea.KeyMsg{Type: tea.KeyEsc})
		next, c2 := next.(Model).Update(tea.KeyMsg{Type: tea.KeyEsc})
		return next, tea.Batch(c1, c2)
	}
	var cmds []tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.resize()
	case tea.KeyMsg:
		if m.mode == inputNone {
			m.openAwaited = false // what the key does comes first
			m.enterDue = false
		}
		m.toEnd = false // G sets it again
		var quit bool
		before, offset, quote := m.reader.article, m.reader.offset, m.reader.quote
		cmds, quit = m.handleKey(msg)
		if quit {
			if m.cancel != nil {
				m.cancel()
			}
			if m.moved { // a start left as it opened keeps the last place
				m.savePosition()
			}
			return m, tea.Quit
		}
		if m.reader.article != before || m.reader.offset != offset || m.reader.quote != quote {
			m.moved = true
			m.savePosition()
			if m.reader.article != before {
				cmds = append(cmds, m.articleShown())
			}
			m.markReadAtEnd()
		}
	case tea.MouseMsg:
		m.openAwaited, m.toEnd = false, false
		before := m.reader.article
		m.handleMouse(msg)
		if m.reader.article != before {
			cmds = append(cmds, m.articleShown())
		}
		m.savePosition()
	case readTickMsg:
		if msg.seq == m.readSeq && m.reader.article != nil {
			m.setRead(m.reader.article, true)
		}
	case flashMsg:
		if msg.seq == m.flashSeq {
			m.flashText = ""
		}
	case actionDoneMsg:
		if msg.err != nil {
			cmds = append(cmds, m.flash(cleanLine(msg.err.Error())))
		} else if msg.ok != "" {
			cmds = append(cmds, m.flash(msg.ok))
		}
	case batchMsg:
		m.takeIndex()
		cmds = append(cmds, m.handleBatch(msg))
		if q := m.liveQuery(); m.opts.Snapshot != nil && len(msg.Articles) > 0 && strings.TrimSpace(q) != "" {
			// the snapshot's articles are findable once the store shows them
			cmds = append(cmds, m.search(q))
		}
	case changesMsg:
		m.takeIndex()
		cmds = append(cmds, m.handleChanges(msg), waitChanges(m.changes))
	case renderedMsg:
		if msg.rest != nil {
			cmds = append(cmds, msg.rest) // the key stays in flight until the whole arrives
		} else {
			delete(m.inflight, msg.key)
			if msg.err == nil {
				m.cache.put(msg.key, msg.r)
			}
		}
		if a := m.reader.article; a != nil && msg.key.id == a.ID {
			if msg.err != nil {
				m.reader.err = msg.err
			} else if msg.key.width == m.reader.textWidth() {
				m.reader.setRendered(msg.r)
				m.syncQuotes()
			}
			if msg.r != nil && m.showLinks && m.links == nil {
				m.links = msg.r.links // asked for before they were found
			}
		}
	case searchMsg:
		if msg.seq == m.searchSeq {
			m.searchAsked = false
		}
		if msg.seq == m.searchSeq && (m.mode == inputFilter || msg.query == m.list.query || msg.query == m.awaiting) {
			found := msg.res.Total
			if !msg.more {
				found = len(msg.res.Hits)
			}
			m.list.setResults(msg.query, msg.res.Hits, found)
			m.suggestion = msg.res.Suggestion
			m.searchShown, m.searchRanked, m.searchMore = msg.seq, msg.ranked, msg.more
			m.selectionChanged()
			cmds = append(cmds, m.followEnd())
			if msg.query == m.awaiting {
				if m.openAwaited && m.list.selected() != nil {
					m.openResult()
				}
				m.awaiting, m.openAwaited = "", false
			}
		}
	case pageMsg:
		if msg.seq == m.searchShown && msg.query == m.list.query && msg.from == m.searchRanked {
			found := msg.res.Total
			if !msg.more {
				found = 0 // the list holds them all now
			}
			m.list.addResults(msg.res.Hits, found)
			m.searchRanked += msg.ranked
			m.searchMore, m.paging = msg.more, false
			cmds = append(cmds, m.followEnd())
		}
	case compactedMsg:
		if m.filesRead && m.indexing == 0 {
			m.loading = false // loaded means findable too
			if !m.snapshotTaken {
				m.snapshotTaken = true
				cmds = append(cmds, m.saveSnapshot())
			}
		}
	case snapshotSavedMsg:
		if msg.err != nil {
			m.errs = append(m.errs, store.LoadError{Path: "snapshot", Err: msg.err})
		}
	case indexedMsg:
		m.indexing--
		if m.heldBack && m.indexing < maxIndexing {
			m.heldBack = false
			cmds = append(cmds, waitBatch(m.batches, m.store))
		}
		if m.filesRead && m.indexing == 0 {
			cmds = append(cmds, m.compact())
		}
		if q := m.liveQuery(); strings.TrimSpace(q) != "" { // the answer may have grown
			cmds = append(cmds, m.search(q))
		}
	case forgottenMsg:
		if q := m.liveQuery(); strings.TrimSpace(q) != "" { // the answer may have shrunk
			cmds = append(cmds, m.search(q))
		}
	case speakersMsg:
		m.speakers.set(msg)
		m.speakersDue = false
		if m.enterDue && m.speakersOn && m.focus == ListPane && m.mode == inputNone {
			m.openSpeaker()
		}
		m.enterDue = false
	case spinner.TickMsg:
		if m.loading {
			var cmd tea.Cmd
			*m.spin, cmd = m.spin.Update(msg)
			cmds = append(cmds, cmd)
		}
	}
	cmds = append(cmds, m.ensureRendered(), m.nextPage())
	m.syncKeys()
	return m, tea.Batch(cmds...)
}

func (m *Model) handleBatch(msg batchMsg) tea.Cmd {
	b := msg.Batch
	first := m.list.selected() == nil
	m.progress = b
	indexing := m.update(msg.update)
	if m.restore != nil {
		shown := m.reader.article
		m.restorePosition(b.Articles)
		first = first || m.reader.article != shown
	}
	if !m.moved && m.list.cursor != 0 {
		// until the user moves (or the last place is found), the top of
		// the list is what is shown
		m.list.cursor, m.list.offset = 0, 0
		first = true
	}
	m.errs = append(m.errs, b.Errors...)
	cmd := indexing
	if first {
		m.selectionChanged()
		cmd = tea.Batch(cmd, m.articleShown())
	}
	if m.speakersOn && (b.Done || len(b.Articles) > 0) {
		cmd = tea.Batch(cmd, m.loadSpeakers())
	}
	if b.Done {
		m.filesRead = true
		if m.indexing == 0 {
			return tea.Batch(cmd, m.compact())
		}
		return cmd
	}
	if m.indexing >= maxIndexing {
		// the texts of articles read wait in memory until they are indexed
		m.heldBack = true
		return cmd
	}
	return tea.Batch(cmd, waitBatch(m.batches, m.store))
}

// update shows what a change to the store did: new articles in the list,
// gone ones out of it; it returns the indexing of the new ones.
func (m *Model) update(u store.Update) tea.Cmd {
	m.list.add(u.Added)
	for _, a := range u.Added {
		m.quoteCount += len(a.Quotes)
	}
	for _, a := range u.Removed {
		m.quoteCount -= len(a.Quotes)
	}
	m.list.remove(u.Removed, func(old *store.Article) *store.Article { return store.Successor(old, u.Gone, u.Added) })
	// those of the snapshot are in the index already
	index := m.indexCmd(slices.DeleteFunc(slices.Clone(u.Added), m.opts.Snapshot.Indexed))
	if len(u.Gone) == 0 {
		return index
	}
	// the old articles of a file changed or deleted: no query counts them
	idx, gone := m.index, u.Gone
	return tea.Batch(index, func() tea.Msg {
		idx.Forget(gone)
		return forgottenMsg{}
	})
}

// handleChanges applies files changed on disk. The article being read,
// when it changed, is shown again at the same place.
func (m *Model) handleChanges(changes []store.Change) tea.Cmd {
	shown, quote := m.reader.article, m.reader.quote
	word, top := m.reader.anchor, ""
	if r := m.reader.r; r != nil {
		word = r.words[min(m.reader.offset, len(r.lines))]
		if m.reader.offset < len(r.plain) {
			top = r.plain[m.reader.offset]
		}
	}
	sel := m.list.selected()
	var cmds []tea.Cmd
	var added, gone []*store.Article
	for _, c := range changes {
		u := m.store.Apply(c)
		added = append(added, u.Added...)
		gone = append(gone, u.Gone...)
		for _, old := range u.Gone {
			if now := store.Successor(old, u.Gone, c.Articles); now != nil {
				m.mem.carry(old, now) // an edit makes a new key: the marks follow
			}
		}
		cmds = append(cmds, m.update(u))
		m.errs = slices.DeleteFunc(m.errs, func(e store.LoadError) bool { return e.Path == c.Path })
		if c.Err != nil {
			m.errs = append(m.errs, store.LoadError{Path: c.Path, Err: c.Err})
		}
	}
	if sel != nil && m.list.selected() != sel && !m.store.Shown(sel) {
		// a file renamed is a remove and an add, maybe in two changes of
		// the batch: the selection follows its article to the new name
		if next := store.Successor(sel, gone, added); next != nil {
			m.list.selectArticle(next)
		}
	}
	if m.speakersOn {
		cmds = append(cmds, m.loadSpeakers())
	}
	// the same article, rewritten or renamed
	same := func(a *store.Article) bool {
		return a != nil && shown != nil && store.Successor(shown, gone, added) == a
	}
	// the list's selection follows a rewritten file; in the speakers view
	// the reader follows it only to the same article's new version
	if a := m.list.selected(); a != shown && (!m.speakersOn || same(a)) {
		m.selectionChanged()
		if same(a) {
			m.reader.keepPlace(word, quote, top) // the same article, rewritten
		}
		cmds = append(cmds, m.articleShown())
	}
	return tea.Batch(cmds...)
}

// handleKey returns the commands to run and whether to quit.
func (m *Model) handleKey(msg tea.KeyMsg) ([]tea.Cmd, bool) {
	k := m.keys
	if m.mode != inputNone {
		if msg.Type == tea.KeyCtrlC { // q is a letter while typing; ctrl+c still quits
			return nil, true
		}
		return m.handleInputKey(msg), false
	}
	if m.help.ShowAll {
		switch {
		case key.Matches(msg, k.Quit):
			return nil, true
		case key.Matches(msg, k.Help), key.Matches(msg, k.Clear), msg.Type == tea.KeyEsc: // esc closes it even with nothing to clear
			m.help.ShowAll = false
			m.resize()
		}
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Quit):
		return nil, true
	case key.Matches(msg, k.Help):
		m.help.ShowAll = true
		m.resize()
	case key.Matches(msg, k.NextPane):
		m.setFocus((m.focus + 1) % paneCount)
	case key.Matches(msg, k.PrevPane):
		m.setFocus((m.focus + paneCount - 1) % paneCount)
	case key.Matches(msg, k.NextQuote), key.Matches(msg, k.PrevQuote):
		return []tea.Cmd{m.stepQuote(key.Matches(msg, k.NextQuote))}, false
	case key.Matches(msg, k.Speakers):
		return []tea.Cmd{m.toggleSpeakers()}, false
	case key.Matches(msg, k.NextArticle), key.Matches(msg, k.PrevArticle):
		return []tea.Cmd{m.nextArticle(key.Matches(msg, k.NextArticle))}, false
	case m.speakersOn && m.focus == ListPane && key.Matches(msg, k.Clear):
		if !m.speakers.back() {
			m.speakersOn = false
		}
	case key.Matches(msg, k.Errors):
		if m.showErrors {
			m.closeView()
			break
		}
		m.openView()
		m.showErrors, m.errOffset = true, 0
	case pressed(msg, k.Errors): // disabled, so off the help, but it says why it opens nothing
		return []tea.Cmd{m.flash("No load errors")}, false
	case m.showErrors && key.Matches(msg, k.Clear):
		m.closeView()
	case m.showLinks && m.focus == ReaderPane && key.Matches(msg, k.Clear):
		m.closeView()
	case m.showLinks && m.focus == ReaderPane && !key.Matches(msg, k.Links) && !key.Matches(msg, k.CopyLink) && !key.Matches(msg, k.NextPane) && !key.Matches(msg, k.PrevPane):
		return []tea.Cmd{m.linksKey(msg)}, false
	case key.Matches(msg, k.Search):
		return []tea.Cmd{m.startInput()}, false
	case key.Matches(msg, k.Clear):
		m.clear()
	case m.showErrors && m.focus == ReaderPane:
		m.scrollErrors(msg)
	default:
		if cmd, ok := m.habitKey(msg); ok {
			return []tea.Cmd{cmd}, false
		}
		m.paneKey(msg)
	}
	return nil, false
}

// paneKey gives a key to the focused pane.
func (m *Model) paneKey(msg tea.KeyMsg) {
	k := m.keys
	switch {
	case m.focus == ListPane && m.speakersOn:
		if key.Matches(msg, k.Open) {
			if m.speakersDue && m.speakers.selected() == nil {
				m.enterDue = true // typed before the list came: it opens once there
				return
			}
			m.openSpeaker()
			return
		}
		if m.speakers.update(msg) {
			m.showQuoteOf(*m.speakers.quoteRef())
		}
	case m.focus == ListPane:
		if key.Matches(msg, k.Open) {
			switch {
			case m.list.selected() == nil:
			case m.list.query != "":
				m.openResult()
			default:
				m.setFocus(ReaderPane)
			}
			return
		}
		if m.list.update(msg) {
			m.selectionChanged()
		}
		if key.Matches(msg, k.Bottom) && m.list.query != "" && m.searchMore {
			m.toEnd = true // the next pages come as the last is selected: followEnd goes on
		}
	case m.focus == ReaderPane:
		m.reader.update(msg)
		m.syncQuotes()
	case m.focus == QuotesPane:
		if key.Matches(msg, k.Open) {
			if m.reader.quote < 0 {
				m.selectQuote(0)
			} else {
				m.selectQuote(m.reader.quote)
			}
			return
		}
		if sel := m.quotes.update(msg, m.reader.quote); sel != -2 {
			m.selectQuote(sel)
		}
	}
}

func (m *Model) handleInputKey(msg tea.KeyMsg) []tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		if m.mode == inputSpeakers {
			m.speakers.applyFilter("")
		} else if m.mode == inputFilter {
			m.list.clearQuery()
			m.dropSearch()
			m.stopPaging()
			m.selectionChanged()
		} else {
			m.reader.runFind("", false)
		}
		m.stopInput()
		return nil
	case key.Matches(msg, k.Accept):
		mode := m.mode
		m.stopInput()
		if mode != inputFilter {
			return nil
		}
		if q := m.input.Value(); strings.TrimSpace(q) != "" && q != m.list.query {
			m.awaiting, m.openAwaited = q, true // typed faster than the index answers: its answer is on the way
			return nil
		}
		switch {
		case m.list.query != "" && m.list.selected() != nil:
			m.openResult()
		case m.list.query == "" && m.chosen && m.list.selected() != nil:
			m.setFocus(ReaderPane) // nothing typed, an article chosen with ↓: enter opens it, as in the list
		}
		return nil
	}
	if d := arrow(msg); d != 0 && m.mode != inputFind {
		// ↓ and ↑ go through the results while the query is typed
		if m.mode == inputFilter && strings.TrimSpace(m.input.Value()) != "" && m.input.Value() != m.list.query {
			return nil // the hits of what is typed are on their way: not through the old ones
		}
		if m.mode == inputSpeakers {
			if m.speakers.update(msg) {
				m.showQuoteOf(*m.speakers.quoteRef())
			}
		} else {
			if m.moveSelection(d) {
				m.chosen = true
			}
		}
		return nil
	}
	before := m.input.Value()
	if m.replacing {
		switch msg.Type {
		case tea.KeyRunes, tea.KeySpace, tea.KeyBackspace, tea.KeyDelete:
			m.input.SetValue("") // the last query was selected: what is typed replaces it
		}
		m.selectInput(false)
	}
	var cmd tea.Cmd
	*m.input, cmd = m.input.Update(msg)
	cmds := []tea.Cmd{cmd}
	if q := m.input.Value(); q != before {
		if m.mode == inputSpeakers {
			m.speakers.applyFilter(q)
		} else if m.mode == inputFilter {
			cmds = append(cmds, m.search(q))
		} else {
			m.reader.runFind(q, true)
			m.syncQuotes()
		}
	}
	return cmds
}

// arrow is 1 for ↓, -1 for ↑ and 0 for other keys: while typing, j and k
// are letters.
func arrow(msg tea.KeyMsg) int {
	switch msg.Type {
	case tea.KeyDown:
		return 1
	case tea.KeyUp:
		return -1
	}
	return 0
}

// openResult reads the selected search result with its matches found:
// every word the search matched in it, as written there.
func (m *Model) openResult() {
	m.setFocus(ReaderPane)
	for _, h := range m.list.results {
		if h.Article == m.list.selected() && len(h.Words) > 0 {
			m.reader.runFindTerms(m.list.query, h.Words, true)
			return
		}
	}
}

func (m *Model) startInput() tea.Cmd {
	switch {
	case m.focus == ListPane && m.speakersOn:
		m.speakers.back()
		m.mode = inputSpeakers
		m.input.Prompt = "speaker: "
		m.input.SetValue(m.speakers.filter)
	case m.focus == ListPane:
		m.mode = inputFilter
		m.chosen = false
		m.input.Prompt = "/ "
		m.input.SetValue(cmp.Or(m.awaiting, m.list.query))
		m.awaiting, m.openAwaited = "", false // its answer now shows as it comes, as the input's
	case m.focus == ReaderPane && m.reader.article != nil:
		m.mode = inputFind
		m.input.Prompt = "find: "
		m.input.SetValue(m.reader.find.query)
	default:
		return nil
	}
	m.input.CursorEnd()
	m.selectInput(m.input.Value() != "")
	return m.input.Focus()
}

// selectInput shows the input's text selected, to be replaced by what is
// typed, or no longer.
func (m *Model) selectInput(on bool) { m.replacing = on }

// liveQuery is the search the list is showing or is about to show.
func (m *Model) liveQuery() string {
	switch {
	case m.mode == inputFilter:
		return m.input.Value()
	case m.awaiting != "":
		return m.awaiting
	}
	return m.list.query
}

func (m *Model) stopInput() {
	m.mode = inputNone
	m.selectInput(false)
	m.input.Blur()
}

// search sends the list's query to the index, off the UI goroutine; the
// query before it is cancelled, and its answer would be dropped anyway.
func (m *Model) search(q string) tea.Cmd {
	m.dropSearch()
	seq := m.searchSeq
	m.stopPaging() // its results are about to be replaced
	if q != m.list.query {
		m.toEnd = false // G was for the results of another query
	}
	if strings.TrimSpace(q) == "" {
		m.list.clearQuery()
		m.suggestion = ""
		m.selectionChanged()
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.searchCancel, m.searchAsked = cancel, true
	idx, st := m.index, m.store
	depth := searchPage
	if q == m.list.query {
		depth = max(depth, m.searchRanked) // asked again as articles load: keep the pages scrolled through
	}
	return func() tea.Msg {
		res, p, err := shownHits(ctx, idx, st, q, 0, depth)
		if err != nil {
			return nil // overtaken by the next keystroke
		}
		return searchMsg{seq: seq, query: q, res: res, page: p}
	}
}

// dropSearch leaves the answer on its way unwanted: the results shown
// stay, and page on.
func (m *Model) dropSearch() {
	m.searchSeq++
	m.searchAsked = false
	if m.searchCancel != nil {
		m.searchCancel()
		m.searchCancel = nil
	}
}

// stopPaging cancels the page on its way: its results are not shown any more.
func (m *Model) stopPaging() {
	m.paging = false
	if m.pageCancel != nil {
		m.pageCancel()
		m.pageCancel = nil
	}
}

// nextPage fetches the next page of the results shown, off the UI
// goroutine, once the selection is within a screen of their end, or while
// G goes to the last. The page says which results it follows and from
// which rank: one for results no longer shown, or one already taken, is
// dropped. While another query's answer is on its way, none is fetched.
func (m *Model) nextPage() tea.Cmd {
	l := &m.list
	if l.query == "" || !m.searchMore || m.paging || m.searchAsked ||
		!m.toEnd && l.cursor < l.rows()-l.visibleRows()-1 {
		return nil
	}
	m.paging = true
	ctx, cancel := context.WithCancel(context.Background())
	m.pageCancel = cancel
	seq, q, from, limit := m.searchShown, l.query, m.searchRanked, searchPage
	if m.toEnd {
		limit = endPage
	}
	idx, st := m.index, m.store
	return func() tea.Msg {
		res, p, err := shownHits(ctx, idx, st, q, from, limit)
		if err != nil {
			return nil // its results were replaced
		}
		return pageMsg{seq: seq, query: q, from: from, res: res, page: p}
	}
}

// followEnd selects the last result once G has fetched the pages to it;
// nextPage asks for each page after the one that came. The rows between
// are not selected on the way, nor their articles shown.
func (m *Model) followEnd() tea.Cmd {
	if !m.toEnd || m.searchMore {
		return nil
	}
	m.toEnd = false
	if !m.moveSelection(m.list.rows()) {
		return nil
	}
	m.savePosition()
	return m.articleShown()
}

// shownHits asks the index for limit hits ranked from from on, and
// keeps those the store shows: the index keeps the copies a fuller one
// hides (and what a change replaced before it was compacted).
func shownHits(ctx context.Context, idx *search.Index, st *store.Store, q string, from, limit int) (search.Result, page, error) {
	res, err := idx.SearchPage(ctx, q, from, limit)
	if err != nil {
		return res, page{}, err
	}
	p := page{ranked: len(res.Hits), more: len(res.Hits) == limit}
	res.Hits = slices.DeleteFunc(res.Hits, func(h search.Hit) bool { return !st.Shown(h.Article) })
	return res, p, nil
}

// maxIndexing is how many batches may be in the index's hands while the
// next is read: one indexing on all cores (each open segment of the index is
// memory) and one waiting for it.
const maxIndexing = 2

// indexCmd makes articles findable, off the UI goroutine, while loading goes on.
func (m *Model) indexCmd(arts []*store.Article) tea.Cmd {
	if len(arts) == 0 {
		return nil
	}
	m.indexing++
	idx, one := m.index, m.indexOne
	return func() tea.Msg {
		// the next batch waits here, ready, rather than in the loader: the
		// index need not wait for the list to take it
		one.Lock()
		idx.AddBatch(arts)
		one.Unlock()
		for _, a := range arts {
			a.Release() // its file gives the body again when it is opened
		}
		return indexedMsg{}
	}
}

// compact seals the index's open segments, off the UI goroutine, once no
// batch is being indexed after loading: they take several times the memory
// of sealed ones. Files changed later are sealed the same way.
func (m *Model) compact() tea.Cmd {
	idx := m.index
	return func() tea.Msg {
		idx.Compact()
		return compactedMsg{}
	}
}

// compactedMsg says the index is in its compact form: loading is over.
type compactedMsg struct{}

// takeIndex makes the snapshot's index, restored before the first batch or
// change came, the reader's, before anything is added to it.
func (m *Model) takeIndex() {
	if m.opts.Snapshot != nil && !m.indexTaken {
		m.index, m.indexTaken = m.opts.Snapshot.Index(), true
	}
}

// saveSnapshot keeps the library loaded for the next start, off the UI
// goroutine: at 100,000 articles it writes some 200 MB.
func (m *Model) saveSnapshot() tea.Cmd {
	snap := m.opts.Snapshot
	if snap == nil {
		return nil
	}
	return func() tea.Msg { return snapshotSavedMsg{snap.Save()} }
}

// snapshotSavedMsg says the snapshot is written, or why not.
type snapshotSavedMsg struct{ err error }

// openView readies the reader's place for the links or errors view,
// remembering the pane it is opened from.
func (m *Model) openView() {
	if !m.showLinks && !m.showErrors {
		m.viewFrom = m.focus
	}
	m.showLinks, m.showErrors = false, false
	m.setFocus(ReaderPane)
}

// closeView closes the links or errors view and gives the focus back to
// the pane it was opened from.
func (m *Model) closeView() {
	m.showLinks, m.showErrors = false, false
	if m.focus == ReaderPane {
		m.setFocus(m.viewFrom)
	}
}

// clear leaves the find, the filter or the errors view.
func (m *Model) clear() {
	switch {
	case m.awaiting != "":
		m.awaiting, m.openAwaited = "", false
		m.dropSearch()
	case m.showErrors:
		m.closeView()
	case m.focus != ListPane && m.findOpen():
		m.reader.runFind("", false)
	case m.focus != ListPane:
		m.setFocus(ListPane) // back from the article, its search kept
	case m.list.query != "": // before the unread or starred view: the search is what shows
		m.list.clearQuery()
		m.dropSearch()
		m.stopPaging()
		m.selectionChanged()
	case m.list.mode != modeAll:
		m.list.setMode(modeAll)
		m.selectionChanged()
	case m.findOpen():
		m.reader.runFind("", false)
	}
}

// nextArticle shows the article after (or before) the selected one in the
// list, whichever pane has the focus: read on without going back to the list.
func (m *Model) nextArticle(forward bool) tea.Cmd {
	if m.speakersOn {
		return m.nextOfSpeaker(forward) // the list under the speakers is not on screen
	}
	m.showErrors, m.showLinks = false, false // the article is what J and K show
	if !m.moveSelection(step(forward)) {
		return m.flash(atEnd("article", forward))
	}
	return nil
}

// nextOfSpeaker shows the next or previous quote of the speaker whose
// quotes are listed, from any pane: J and K read through what they said.
func (m *Model) nextOfSpeaker(forward bool) tea.Cmd {
	sp := &m.speakers
	if sp.open < 0 {
		return nil
	}
	next := sp.qcursor + step(forward)
	if next < 0 || next >= len(sp.shown[sp.open].Quotes) {
		return m.flash(atEnd("quote of theirs", forward))
	}
	m.showErrors, m.showLinks = false, false
	sp.qcursor = next
	sp.scroll()
	m.showQuoteOf(*sp.quoteRef())
	return nil
}

// moveSelection moves the list's cursor by d and shows the article it
// lands on; false when it did not move (an end of the list).
func (m *Model) moveSelection(d int) bool {
	before := m.list.selected()
	m.list.move(d)
	if m.list.selected() == before {
		return false
	}
	m.selectionChanged()
	return true
}

// step is 1 forward, -1 back.
func step(forward bool) int {
	if forward {
		return 1
	}
	return -1
}

// atEnd is what a key that goes no further says: "That was the last quote".
func atEnd(what string, forward bool) string {
	if forward {
		return "That was the last " + what
	}
	return "That was the first " + what
}

func (m *Model) setFocus(p Pane) {
	if m.focus == p {
		return
	}
	m.focus = p
	m.resize() // narrow layouts show the focused pane
}

// selectionChanged shows the list's selected article in the reader and sidebar.
func (m *Model) selectionChanged() {
	a := m.list.selected()
	if a != m.reader.article {
		m.showLinks = false
	}
	m.reader.setArticle(a)
	m.quotes.setArticle(a)
	if a != nil {
		if r := m.cache.get(renderKey{a.ID, m.reader.textWidth()}); r != nil {
			m.reader.setRendered(r)
		}
	}
}

// toggleSpeakers opens or closes the speakers view in the list's place.
func (m *Model) toggleSpeakers() tea.Cmd {
	m.speakersOn = !m.speakersOn
	m.speakersDue = m.speakersOn
	if !m.speakersOn {
		m.selectionChanged()
		return nil
	}
	m.setFocus(ListPane)
	return m.loadSpeakers()
}

// openSpeaker is enter in the speakers view: it lists the selected
// speaker's quotes, or reads the quote selected among them.
func (m *Model) openSpeaker() {
	if !m.speakers.enter() {
		if ref := m.speakers.quoteRef(); ref != nil {
			m.showQuoteOf(*ref)
			m.setFocus(ReaderPane)
		}
		return
	}
	if ref := m.speakers.quoteRef(); ref != nil {
		m.showQuoteOf(*ref)
	}
}

// loadSpeakers gathers everyone quoted, off the UI goroutine.
func (m *Model) loadSpeakers() tea.Cmd {
	st := m.store
	return func() tea.Msg { return speakersMsg(st.Speakers()) }
}

// showQuoteOf shows an article in the reader at one of its quotes.
func (m *Model) showQuoteOf(ref store.QuoteRef) {
	m.list.selectArticle(ref.Article)
	m.reader.setArticle(ref.Article)
	m.quotes.setArticle(ref.Article)
	if r := m.cache.get(renderKey{ref.Article.ID, m.reader.textWidth()}); r != nil {
		m.reader.setRendered(r)
	}
	m.selectQuote(ref.Quote)
}

// selectQuote selects quote i in both the reader and the sidebar.
func (m *Model) selectQuote(i int) {
	if i < 0 || m.reader.article == nil || i >= len(m.reader.article.Quotes) {
		return
	}
	m.reader.showQuote(i)
	m.quotes.reveal(i)
}

// stepQuote selects the next (or previous) quote; at the last (or first)
// it stays, and says so: a key that does nothing says why.
func (m *Model) stepQuote(forward bool) tea.Cmd {
	n, cur := 0, m.reader.quote
	if m.reader.article != nil {
		n = len(m.reader.article.Quotes)
	}
	if n > 0 && (forward && cur == n-1 || !forward && cur == 0) {
		return m.flash(fmt.Sprintf("%s (%d of %d)", atEnd("quote", forward), cur+1, n))
	}
	m.selectQuote(m.reader.nextQuote(step(forward)))
	if m.lay.Panes[QuotesPane].W == 0 && m.reader.quote >= 0 {
		// no quotes pane to show who said it: the status line says
		return m.flash(quoteLabel(m.reader.article, m.reader.quote))
	}
	return nil
}

// quoteLabel is "quote 2/4 — Vladimir Putin".
func quoteLabel(a *store.Article, i int) string {
	who := "unattributed"
	if s := cleanLine(a.Quotes[i].Speaker); s != "" {
		who = s
	}
	return fmt.Sprintf("quote %d/%d — %s", i+1, len(a.Quotes), who)
}

// syncQuotes follows the reader's quote in the sidebar.
func (m *Model) syncQuotes() { m.quotes.reveal(m.reader.quote) }

// quickRenderWords is the length of an article glamour renders in a few
// milliseconds (5 KB is 10-30 ms here).
const quickRenderWords = 3000

// ensureRendered starts rendering the shown article at the reader's width
// unless it is cached or already under way.
func (m *Model) ensureRendered() tea.Cmd {
	a := m.reader.article
	if a == nil || m.reader.w <= 0 || m.reader.current() && !m.reader.r.partial {
		return nil
	}
	k := renderKey{a.ID, m.reader.textWidth()}
	if r := m.cache.get(k); r != nil {
		m.reader.setRendered(r)
		m.syncQuotes()
		return nil
	}
	// two renders at a time, so that running down the list does not pile
	// them up; a short article renders in milliseconds, and does not wait
	// behind a long one still rendering (found in review: 3 s behind 2 MB)
	if m.inflight[k] || len(m.inflight) >= 2 && a.Words > quickRenderWords {
		return nil
	}
	m.inflight[k] = true
	return m.rd.renderCmd(a, m.reader.textWidth())
}

// helpText is the help as drawn now: one line, or the full help.
func (m *Model) helpText() string { return m.helpMemo.draw(m.help, m.helpKeys()) }

// helpLines is how tall the help is: one line, or the full help.
func (m *Model) helpLines() int {
	if m.help.ShowAll {
		return strings.Count(m.helpText(), "\n") + 1
	}
	return 1
}

// resize lays the screen out again and tells every pane its size.
func (m *Model) resize() {
	m.help.Width = max(0, m.w-1) // after the space the help line starts with
	m.input.Width = max(1, m.w-20)
	m.lay = layout(m.w, m.h, m.focus, m.helpLines(), m.opts.SidebarWidth)
	inner := func(p Pane) (int, int) {
		r := m.lay.Panes[p]
		if r.W < 3 || r.H < 3 {
			return max(r.W, 0), max(r.H, 0)
		}
		return r.W - 2, r.H - 2
	}
	m.list.SetSize(inner(ListPane))
	m.speakers.SetSize(inner(ListPane))
	rw, rh := inner(ReaderPane)
	if m.lay.Panes[ReaderPane].W == 0 {
		// hidden: keep the width it has when shown, so no render is wasted
		rw, rh = m.reader.w, m.reader.h
	}
	m.reader.SetSize(max(0, rw-1), rh) // a cell of air before the right border
	m.quotes.SetSize(inner(QuotesPane))
	m.quotes.reveal(m.reader.quote)
}

// syncKeys enables only the keys that apply, so the help tells the truth.
func (m *Model) syncKeys() {
	k := m.keys
	hasQuotes := m.reader.article != nil && len(m.reader.article.Quotes) > 0
	k.NextQuote.SetEnabled(hasQuotes)
	k.PrevQuote.SetEnabled(hasQuotes)
	k.Errors.SetEnabled(len(m.errs) > 0)
	k.Speakers.SetEnabled(true)
	finding := m.findOpen()
	k.NextMatch.SetEnabled(finding)
	k.PrevMatch.SetEnabled(finding)
	k.Clear.SetEnabled(finding || m.list.query != "" || m.awaiting != "" || m.showErrors || m.speakersOn || m.showLinks || m.list.mode != modeAll || m.focus != ListPane)
	// in the speakers view, J and K go through the open speaker's quotes
	k.NextArticle.SetEnabled(!m.speakersOn && m.list.rows() > 0 || m.speakersOn && m.speakers.open >= 0)
	k.PrevArticle.SetEnabled(k.NextArticle.Enabled())
	next, prev := "next article", "prev article"
	if m.speakersOn {
		next, prev = "their next quote", "their prev quote"
	}
	k.NextArticle.SetHelp(k.NextArticle.Help().Key, next)
	k.PrevArticle.SetHelp(k.PrevArticle.Help().Key, prev)
	// the unread and starred views do not filter a search: not while one shows
	k.OnlyUnread.SetEnabled(m.list.query == "")
	k.Starred.SetEnabled(m.list.query == "")
	hasArticle := m.current() != nil
	for _, b := range []*key.Binding{&k.ToggleRead, &k.Star, &k.Links, &k.CopyQuote} {
		b.SetEnabled(hasArticle)
	}
	k.CopyQuote.SetEnabled(hasQuotes)
	k.OpenSource.SetEnabled(m.current() != nil && m.current().SourceURL() != "")
	k.Edit.SetEnabled(hasArticle && m.opts.EditCommand != nil)
}

// syntaxHelp shows the query language in the help, from the engine's own list.
func syntaxHelp() []key.Binding {
	var out []key.Binding
	for _, l := range search.Syntax() {
		short := l.Meaning
		if i := strings.IndexAny(short, "(,"); i > 0 {
			short = strings.TrimSpace(short[:i])
		}
		// no key types this: the binding only carries the help
		out = append(out, key.NewBinding(key.WithKeys("\x00syntax"+l.Example), key.WithHelp(l.Example, short)))
	}
	return out
}

// clearOrBack is esc as the full help lists it: it leaves the article for
// the list, and closes a search, a find or a view.
func clearOrBack(b key.Binding) key.Binding {
	b.SetHelp("esc", "back, clear")
	return b
}

// findOpen is true while a find is open in the reader: esc clears it first.
func (m *Model) findOpen() bool { return m.reader.find.query != "" }

// helpKeys are the keys that apply to the focused pane.
func (m *Model) helpKeys() helpKeys {
	k := *m.keys
	if m.mode == inputFilter {
		open := k.Accept
		open.SetHelp("enter", "read the best")
		if m.chosen {
			open.SetHelp("enter", "read it") // chosen with ↓
		}
		choose := key.NewBinding(key.WithKeys("\x00arrows"), key.WithHelp("↓/↑", "choose")) // the arrows, read in handleInputKey
		short := []key.Binding{open, choose, k.Cancel}
		for _, s := range [][2]string{{`"a b"`, "phrase"}, {"-w", "not"}, {"w*", "prefix"}, {"speaker:", "who"}, {"title:", "title"}, {"quote:", "quotes"}} {
			short = append(short, key.NewBinding(key.WithKeys("\x00syntax"+s[0]), key.WithHelp(s[0], s[1])))
		}
		return helpKeys{short: short, full: [][]key.Binding{{open, choose, k.Cancel}, syntaxHelp()}}
	}
	if m.mode != inputNone {
		return helpKeys{short: []key.Binding{k.Accept, k.Cancel}, full: [][]key.Binding{{k.Accept, k.Cancel}}}
	}
	find := k.Search
	find.SetHelp("/", "find")
	filter := k.Search
	filter.SetHelp("/", "search")
	jump := k.Open
	jump.SetHelp("enter", "jump to quote")
	var short []key.Binding
	switch {
	case m.focus == ListPane && m.speakersOn:
		open := k.Open
		if m.speakers.open < 0 {
			open.SetHelp("enter", "their quotes")
		} else {
			open.SetHelp("enter", "read it")
		}
		who := k.Search
		who.SetHelp("/", "filter")
		back := k.Clear
		back.SetEnabled(true)
		back.SetHelp("esc", "back")
		short = []key.Binding{k.Down, k.Up, open, who, back}
	case m.focus == ListPane:
		short = []key.Binding{k.Down, k.Up, k.Open, filter}
	case m.focus == ReaderPane:
		back := k.Clear
		if !m.findOpen() {
			back.SetHelp("esc", "back")
		}
		short = []key.Binding{k.Down, k.Up, k.PageDown, find, k.NextMatch, k.PrevMatch, back, k.NextArticle}
	case m.focus == QuotesPane:
		back := k.Clear
		back.SetHelp("esc", "back")
		short = []key.Binding{k.Down, k.Up, jump, back}
	}
	if m.lay.Panes[QuotesPane].W == 0 {
		// no quotes pane: ] is the way to the quotes, kept however narrow the line
		short = append(short, k.NextPane, k.Speakers, k.Errors, k.NextQuote, k.Help, k.Quit)
		return helpKeys{short: short, full: fullHelp(k, filter, find, jump), kept: 3}
	}
	short = append(short, k.NextQuote, k.NextPane, k.Speakers, k.Errors, k.Help, k.Quit)
	return helpKeys{short: short, full: fullHelp(k, filter, find, jump), kept: 2} // ? and q always show
}

// fullHelp is every key, in columns.
func fullHelp(k KeyMap, filter, find, jump key.Binding) [][]key.Binding {
	full := [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom, k.NextArticle, k.PrevArticle},
		{k.Open, filter, find, k.NextMatch, k.PrevMatch, clearOrBack(k.Clear)},
		{k.NextQuote, k.PrevQuote, jump, k.NextPane, k.PrevPane},
		{k.ToggleRead, k.OnlyUnread, k.Star, k.Starred, k.Links, k.OpenSource, k.CopyQuote, k.CopyLink, k.Edit, k.Mouse},
		{k.Speakers, k.Errors, k.Help, k.Quit},
	}
	// the full help lists every key, whether or not it does something now
	// (n finds the next match once there is a find): it is the reference
	for _, g := range full {
		for i := range g {
			g[i].SetEnabled(true)
		}
	}
	return full
}

func (m *Model) scrollErrors(msg tea.KeyMsg) {
	d, _ := m.keys.move(msg, len(m.errs), m.reader.h/2) // two lines an error
	m.errOffset = clamp(m.errOffset+d, 0, max(0, len(m.errs)-m.reader.h/2))
}

// View draws the screen. It only lays out what Update prepared: no I/O,
// no markdown rendering.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	var cols [][]string
	for p := Pane(0); p < paneCount; p++ {
		r := m.lay.Panes[p]
		if r.W <= 0 || r.H <= 0 {
			continue
		}
		cols = append(cols, m.paneView(p, r))
	}
	var tail []string
	if m.lay.Status.W > 0 {
		tail = append(tail, fit(m.statusView(), m.w))
	}
	if m.lay.Help.H > 0 {
		hv := strings.Split(m.helpText(), "\n")
		if m.help.ShowAll && len(hv) > m.lay.Help.H && m.lay.Help.H > 0 {
			// too short for every key: the last line says so, and how to close
			hv = append(hv[:m.lay.Help.H-1:m.lay.Help.H-1], m.st.Dim.Render("… more keys in a taller window · ? or esc closes"))
		}
		for i := range m.lay.Help.H {
			l := ""
			if i < len(hv) {
				l = " " + hv[i]
			}
			tail = append(tail, fit(l, m.w))
		}
	}
	return compose(cols, tail, m.h) // each frame's lines are exactly its width
}

func (m Model) paneView(p Pane, r Rect) []string {
	focused := m.focus == p
	switch p {
	case ListPane:
		if m.speakersOn {
			return frame(m.st, focused, m.speakers.title(), m.speakers.note(), m.speakers.view(focused), r.W, r.H)
		}
		return frame(m.st, focused, m.list.title(), m.list.note(), m.list.view(focused), r.W, r.H)
	case ReaderPane:
		if m.showLinks {
			return frame(m.st, focused, fmt.Sprintf("Links · %d", len(m.links)), "enter opens · esc closes", m.linksView(), r.W, r.H)
		}
		if m.showErrors {
			return frame(m.st, focused, fmt.Sprintf("Load errors · %d", len(m.errs)), "esc to close", m.errorsView(), r.W, r.H)
		}
		return frame(m.st, focused, m.reader.title(), m.reader.note(), m.reader.view(), r.W, r.H)
	default:
		return frame(m.st, focused, m.quotes.title(), m.quotes.note(m.reader.quote), m.quotes.view(m.reader.quote), r.W, r.H)
	}
}

// errorsView lists the files that could not be read: the file, its
// folder cut from the left when long, and the reason under it.
func (m Model) errorsView() []string {
	if len(m.errs) == 0 {
		return []string{m.st.Dim.Render("No load errors")}
	}
	w := max(0, m.reader.w-2)
	var out []string
	for i := m.errOffset; i < len(m.errs) && len(out)+2 <= m.reader.h; i++ {
		e := m.errs[i]
		out = append(out, m.st.Error.Render("✗ ")+truncateLeft(cleanLine(e.Path), w))
		// the reason whole, over up to three lines: a setting's error says
		// what to change at its end ("… (did you mean theme_mode?)")
		reason := wrapWords(cleanLine(e.Err.Error()), w)
		for j, l := range reason {
			if j == 2 && len(reason) > 3 {
				l += " …"
			}
			if j == 3 || len(out) >= m.reader.h {
				break
			}
			out = append(out, "  "+m.st.Dim.Render(truncate(l, w)))
		}
	}
	return out
}

// statusView is the line above the help: load progress, counts, errors, or
// the text input while one is open.
func (m Model) statusView() string {
	w := m.w
	if m.mode != inputNone {
		right := ""
		if m.mode == inputSpeakers {
			right = fmt.Sprintf("%d of %d", len(m.speakers.shown), len(m.speakers.all))
		} else if m.mode == inputFilter && m.list.query != "" {
			right = fmt.Sprintf("%d found", m.list.found)
			if m.suggestion != "" {
				right = fmt.Sprintf("showing %s · %d found", cleanLine(m.suggestion), m.list.found)
			}
		} else if m.mode == inputFind {
			right = m.reader.findStatus()
		}
		left := m.input.View()
		if m.replacing {
			// drawn here: the input pads its width in its text's style
			left = m.input.PromptStyle.Render(m.input.Prompt) + m.st.ListSelected.Render(m.input.Value())
		}
		return fit(fit(left, max(0, w-len(right)-1))+" "+m.st.Dim.Render(right), w)
	}
	var left string
	n := len(m.list.all)
	if m.loading {
		p := m.progress
		files := fmt.Sprintf("%d files", p.Files)
		if p.Counted && p.Found > 0 {
			files = fmt.Sprintf("%d of %d files", p.Files, p.Found)
		}
		rate := ""
		if p.Elapsed > 200*time.Millisecond && p.Files > 0 {
			rate = fmt.Sprintf(" · %.0f/s", p.Rate())
		}
		left = m.spin.View() + fmt.Sprintf(" Loading · %s · %s%s", plural(n, "article"), files, rate)
	} else {
		left = " " + plural(n, "article") + " · " + plural(m.quoteCount, "quote")
	}
	if len(m.errs) > 0 {
		left += " · " + m.st.Error.Render(fmt.Sprintf("%s (e)", plural(len(m.errs), "error")))
	}
	if m.list.query != "" {
		left += " · " + m.st.Accent.Render("search: "+cleanLine(m.list.query)) + " · " + fmt.Sprintf("%d found", m.list.found)
	}
	if m.flashText != "" {
		left += " · " + m.st.Accent.Render(cleanLine(m.flashText))
	}
	return m.st.StatusBar.Render(fit(left, w))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
