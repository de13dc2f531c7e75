package ui

import (
	"errors"
	"github.com/muesli/termenv"

	"fmt"
	"newsreader/store"
	"newsreader/store/search"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

func screen(m Model) string { return ansi.Strip(m.View()) }

func TestStartsOnFirstArticle(t *testing.T) {
	m := testModel(t, 160, 45, seedArticles(t)...)
	if m.focus != ListPane {
		t.Errorf("focus = %v, want list", m.focus)
	}
	if m.list.selected() == nil || m.reader.r == nil {
		t.Fatal("first article not selected and rendered")
	}
	s := screen(m)
	for _, want := range []string{"Articles · 1", "Quotes · 4", "— Vladimir Putin", "— Ilham Aliyev", "It is widely known", "1 article · 4 quotes"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	checkScreen(t, m.View(), 160, 45)
}

// ] walks every quote in order, each in view in the reader and selected in the sidebar.
func TestNextQuoteWalksEveryQuote(t *testing.T) {
	a := longArticle(t)
	m := testModel(t, 120, 30, a)
	for i := range a.Quotes {
		m = press(t, m, "]")
		if m.reader.quote != i {
			t.Fatalf("after %d presses quote = %d", i+1, m.reader.quote)
		}
		if !m.reader.quoteInView(i) {
			t.Errorf("quote %d not in view (offset %d, top %d)", i, m.reader.offset, m.reader.r.quoteTop[i])
		}
		if want := "— " + a.Quotes[i].Speaker; !strings.Contains(screen(m), want) {
			t.Errorf("quote %d: sidebar does not show %q", i, want)
		}
	}
	last := m.reader.offset
	m = press(t, m, "]")
	if m.reader.quote != len(a.Quotes)-1 || m.reader.offset != last {
		t.Errorf("] past the last quote moved to %d", m.reader.quote)
	}
	if !strings.Contains(screen(m), "That was the last quote") {
		t.Error("] past the last quote says nothing")
	}
	m = press(t, m, "[")
	if m.reader.quote != len(a.Quotes)-2 {
		t.Errorf("[ went to %d", m.reader.quote)
	}
}

// longArticle has quotes far below the fold, the last near the end.
func longArticle(t testing.TB) *articleT {
	var b strings.Builder
	b.WriteString("A long report\n\n")
	speakers := []string{"Jane Doe", "John Roe", "Mary Major"}
	for i := range 12 {
		fmt.Fprintf(&b, "Paragraph %d has ordinary reporting text that goes on for a while so that the article is long enough to scroll past several screens of a terminal.\n\n", i)
		if i%4 == 3 {
			fmt.Fprintf(&b, "“This is statement number %d and it matters,” %s said on Tuesday.\n\n", i, speakers[i/4])
		}
	}
	b.WriteString("Closing remarks fill the end.\n\n“The very last word is mine and nobody else’s,” said Jane Doe.")
	return parse(t, "long.txt", b.String())
}

func TestScrollMovesQuoteHighlight(t *testing.T) {
	m := testModel(t, 120, 30, longArticle(t))
	m = press(t, m, "tab")
	if m.focus != ReaderPane {
		t.Fatalf("tab focused %v", m.focus)
	}
	m = press(t, m, "G")
	if m.reader.quote < 0 || !m.reader.quoteInView(m.reader.quote) {
		t.Errorf("at the bottom the highlighted quote %d is not in view", m.reader.quote)
	}
	m = press(t, m, "g")
	if m.reader.offset != 0 || m.reader.quote < 0 || !m.reader.quoteInView(m.reader.quote) {
		t.Errorf("at the top: offset %d, quote %d", m.reader.offset, m.reader.quote)
	}
}

func TestQuotesPaneJumps(t *testing.T) {
	a := longArticle(t)
	m := testModel(t, 120, 30, a)
	m = press(t, m, "tab", "tab", "j", "j", "enter")
	if m.focus != QuotesPane || m.reader.quote != 1 || !m.reader.quoteInView(1) {
		t.Errorf("focus %v quote %d", m.focus, m.reader.quote)
	}
	m = press(t, m, "G")
	if m.reader.quote != len(a.Quotes)-1 || !m.reader.quoteInView(len(a.Quotes)-1) {
		t.Errorf("G selected %d", m.reader.quote)
	}
}

func TestFindInArticle(t *testing.T) {
	m := testModel(t, 120, 30, longArticle(t))
	m = press(t, m, "tab", "/")
	m = settle(t, m, typeText("paragraph")...)
	n := len(m.reader.find.matches)
	if n != 12 {
		t.Fatalf("%d matches of 'paragraph', want 12", n)
	}
	if !strings.Contains(screen(m), "1/12") {
		t.Errorf("status does not show 1/12")
	}
	m = press(t, m, "enter", "n", "n")
	if m.reader.find.cur != 2 || !strings.Contains(screen(m), "3/12") {
		t.Errorf("after n n: current %d", m.reader.find.cur)
	}
	cur := m.reader.find.matches[2]
	if cur.line < m.reader.offset || cur.line >= m.reader.offset+m.reader.h {
		t.Errorf("current match on line %d not in view [%d,%d)", cur.line, m.reader.offset, m.reader.offset+m.reader.h)
	}
	m = press(t, m, "N", "N", "N")
	if m.reader.find.cur != 11 {
		t.Errorf("N wraps to the last match: %d", m.reader.find.cur)
	}
	m = press(t, m, "esc")
	if m.reader.find.query != "" || len(m.reader.find.matches) != 0 {
		t.Errorf("esc kept the find")
	}
}

func TestListSearch(t *testing.T) {
	arts := append(seedArticles(t),
		parse(t, "b.txt", "Football results\n\nThe match ended in a draw."),
		parse(t, "c.txt", "Baku talks\n\nPutin and Aliyev met in Baku. Baku was sunny."))
	m := testModel(t, 120, 30, arts...)
	m = press(t, m, "/")
	m = settle(t, m, typeText("baku")...)
	if m.list.query != "baku" || len(m.list.results) != 2 {
		t.Fatalf("query %q, %d results", m.list.query, len(m.list.results))
	}
	if m.list.selected().Title != "Baku talks" {
		t.Errorf("best result %q", m.list.selected().Title)
	}
	m = press(t, m, "enter")
	if m.focus != ReaderPane || m.reader.find.query != "baku" || len(m.reader.find.matches) == 0 {
		t.Errorf("enter: focus %v find %q (%d)", m.focus, m.reader.find.query, len(m.reader.find.matches))
	}
	m = press(t, m, "shift+tab", "esc")
	if m.list.query != "" || len(m.list.all) != 3 || m.list.selected().Title != "Baku talks" {
		t.Errorf("esc: query %q, selection %q", m.list.query, m.list.selected().Title)
	}
	// q is a letter while typing
	m = press(t, m, "/", "q")
	if m.mode != inputFilter || m.input.Value() != "q" {
		t.Errorf("q while typing: mode %v value %q", m.mode, m.input.Value())
	}
}

// A stale search answer (for an older query) never replaces a newer one.
func TestStaleSearchDropped(t *testing.T) {
	m := testModel(t, 120, 30, seedArticles(t)...)
	m = press(t, m, "/")
	next, _ := m.Update(keys("x")[0])
	m = next.(Model)
	stale := searchMsg{seq: m.searchSeq - 1, query: "old"}
	next, _ = m.Update(stale)
	m = next.(Model)
	if m.list.query == "old" {
		t.Error("a stale answer was shown")
	}
}

// A rendering for another width or article is cached but not shown.
func TestStaleRenderDropped(t *testing.T) {
	arts := append(seedArticles(t), parse(t, "b.txt", "Other\n\nText."))
	m := testModel(t, 120, 30, arts...)
	other := arts[1]
	r, err := m.rd.render(other, m.reader.w)
	if err != nil {
		t.Fatal(err)
	}
	next, _ := m.Update(renderedMsg{key: renderKey{other.ID, m.reader.w}, r: r})
	m = next.(Model)
	if m.reader.r.key.id != arts[0].ID {
		t.Error("a rendering of another article replaced the shown one")
	}
}

func TestResizeKeepsPlace(t *testing.T) {
	m := testModel(t, 160, 30, longArticle(t))
	m = press(t, m, "tab", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
	top := strings.Fields(m.reader.r.plain[m.reader.offset])
	m = settle(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	if m.reader.r.key.width != m.reader.w {
		t.Fatal("not re-rendered at the new width")
	}
	now := m.reader.r.plain[m.reader.offset]
	if len(top) > 0 && !strings.Contains(strings.Join(m.reader.r.plain[max(0, m.reader.offset-1):m.reader.offset+2], " "), top[0]) {
		t.Errorf("top line was %q, now %q", strings.Join(top, " "), now)
	}
}

func TestHelpToggles(t *testing.T) {
	m := testModel(t, 120, 30, seedArticles(t)...)
	short := screen(m)
	if !strings.Contains(short, "? help") || !strings.Contains(short, "] next quote") {
		t.Errorf("short help missing:\n%s", short)
	}
	m = press(t, m, "?")
	full := screen(m)
	for _, want := range []string{"ctrl+d", "half page down", "prev pane", "prev quote"} {
		if !strings.Contains(full, want) {
			t.Errorf("full help lacks %q", want)
		}
	}
	checkScreen(t, m.View(), 120, 30)
	m = press(t, m, "?")
	if m.help.ShowAll {
		t.Error("? did not close the full help")
	}
}

func TestNarrowShowsFocusedPane(t *testing.T) {
	m := testModel(t, 60, 20, seedArticles(t)...)
	if s := screen(m); !strings.Contains(s, "Articles") || strings.Contains(s, "Quotes ·") {
		t.Errorf("narrow list view:\n%s", s)
	}
	m = press(t, m, "tab", "tab")
	if s := screen(m); !strings.Contains(s, "Quotes · 4") || strings.Contains(s, "Articles ·") {
		t.Errorf("narrow quotes view:\n%s", s)
	}
}

func TestErrorsView(t *testing.T) {
	m := testModel(t, 120, 30, seedArticles(t)...)
	m = settle(t, m, loaded(m, store.Batch{Errors: []store.LoadError{loadErr("bad.txt", "binary file"), loadErr("huge.txt", "too large")}, Done: true}))
	m = press(t, m, "e")
	s := screen(m)
	if !strings.Contains(s, "Load errors · 2") || !strings.Contains(s, "bad.txt") || !strings.Contains(s, "binary file") {
		t.Errorf("errors view:\n%s", s)
	}
	m = press(t, m, "esc")
	if m.showErrors {
		t.Error("esc did not close the errors view")
	}
	// a long reason is shown whole, over lines, not cut
	long := "config.yaml:3: unknown key \"theme_mod\" in the settings file (did you mean \"theme_mode\"?)"
	m = testModel(t, 80, 24, seedArticles(t)...)
	m = settle(t, m, loaded(m, store.Batch{Errors: []store.LoadError{loadErr("config.yaml", long)}, Done: true}))
	m = press(t, m, "e")
	if s := screen(m); !strings.Contains(s, "(did you mean") || !strings.Contains(s, "theme_mode") {
		t.Errorf("a long reason is cut:\n%s", s)
	}
}

// e with nothing to show says so, rather than doing nothing (found in review).
func TestNoLoadErrorsFlash(t *testing.T) {
	m := testModel(t, 120, 30, seedArticles(t)...)
	m = press(t, m, "e")
	if m.showErrors || !strings.Contains(screen(m), "No load errors") {
		t.Errorf("e with no load errors:\n%s", screen(m))
	}
	m = press(t, m, "/", "e") // typed into the search, not the key
	if m.input.Value() != "e" {
		t.Errorf("e while typing: input %q", m.input.Value())
	}
}

// o on an article with no web address says so; the key is off (out of the
// short help) but not dead.
func TestOpenWithoutAddressFlash(t *testing.T) {
	m := testModel(t, 120, 30, parse(t, "b.txt", "Beta\n\nNothing quoted."))
	m = press(t, m, "o")
	if !strings.Contains(screen(m), "This article has no web address") {
		t.Errorf("o without an address:\n%s", screen(m))
	}
}

// A message standing in a pane's text starts where the text does, two cells
// in, not against the border (found in review).
func TestPaneNotesIndented(t *testing.T) {
	m := testModel(t, 120, 30)
	if s := screen(m); !strings.Contains(s, "│  No article selected") {
		t.Errorf("no article:\n%s", s)
	}
	m = testModel(t, 120, 30, parse(t, "b.txt", "Beta\n\nNothing quoted, and https://b.example/x."))
	if s := screen(m); !strings.Contains(s, "│  No quotes in this article") {
		t.Errorf("no quotes:\n%s", s)
	}
	m.reader.r = nil // a rendering on its way
	if s := screen(m); !strings.Contains(s, "│  Rendering…") {
		t.Errorf("rendering:\n%s", s)
	}
	m = testModel(t, 120, 30, parse(t, "c.txt", "Gamma\n\nNo address here."))
	m = press(t, m, "l")
	if s := screen(m); !strings.Contains(s, "┃  No links in this article") {
		t.Errorf("no links:\n%s", s)
	}
}

// Every size from 1x1 up: nothing panics, nothing is wider or taller than the terminal.
func TestEverySizeFits(t *testing.T) {
	m := testModel(t, 80, 24, append(seedArticles(t), longArticle(t))...)
	sizes := [][2]int{{1, 1}, {2, 2}, {3, 3}, {5, 2}, {10, 5}, {200, 1}, {1, 60}}
	for w := 1; w <= 200; w += 7 {
		for h := 1; h <= 60; h += 5 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	for _, s := range sizes {
		m = settle(t, m, tea.WindowSizeMsg{Width: s[0], Height: s[1]})
		checkScreen(t, m.View(), s[0], s[1])
		for _, k := range []string{"tab", "]", "j", "?"} {
			m = press(t, m, k)
			checkScreen(t, m.View(), s[0], s[1])
		}
		m = press(t, m, "?")
	}
}

func TestQuit(t *testing.T) {
	m := testModel(t, 80, 24, seedArticles(t)...)
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := m.Update(keys(k)[0])
		if cmd == nil {
			t.Fatalf("%s gave no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s did not quit", k)
		}
	}
}

type articleT = store.Article

func loadErr(path, msg string) store.LoadError {
	return store.LoadError{Path: path, Err: errors.New(msg)}
}

func TestSpeakersView(t *testing.T) {
	arts := append(seedArticles(t),
		parse(t, "b.txt", "Second\n\n“A different talk on a different day,” Putin said.\n\n“Something else entirely said here,” said Ann Lee."))
	m := testModel(t, 160, 45, arts...)
	m = press(t, m, "tab", "s")
	if !m.speakersOn || m.focus != ListPane {
		t.Fatalf("s: speakers %v focus %v", m.speakersOn, m.focus)
	}
	s := screen(m)
	if !strings.Contains(s, "Speakers · 3") || !strings.Contains(s, "Vladimir Putin") {
		t.Fatalf("speakers view:\n%s", s)
	}
	if m.speakers.selected().Name != "Vladimir Putin" || len(m.speakers.selected().Quotes) != 4 {
		t.Errorf("most quoted first: %+v", m.speakers.selected())
	}
	m = press(t, m, "enter", "G")
	if !strings.Contains(screen(m), "Vladimir Putin · 4 quotes") {
		t.Errorf("quotes of a speaker:\n%s", screen(m))
	}
	if m.reader.article != arts[1] || m.reader.quote != 0 || !m.reader.quoteInView(0) {
		t.Errorf("the last quote's article is not shown at the quote: %q quote %d", m.reader.article.Title, m.reader.quote)
	}
	// a quote of one line has its article's title right under it, then a
	// blank row before the next quote
	rows := m.speakers.view(true)
	for i, r := range rows {
		if strings.Contains(r, "“A different talk on a different day,”") {
			if i+2 >= len(rows) || !strings.Contains(rows[i+1], "in Second") || strings.TrimSpace(strings.Trim(ansi.Strip(rows[i+2]), "┃")) != "" {
				t.Errorf("one-line quote rows: %q", rows[i:min(i+3, len(rows))])
			}
		}
	}
	m = press(t, m, "enter")
	if m.focus != ReaderPane {
		t.Errorf("enter on a quote: focus %v", m.focus)
	}
	// J and K go through the speaker's quotes from the reader too
	m = press(t, m, "K")
	if m.speakers.qcursor != 2 || m.reader.article != arts[0] || !m.reader.quoteInView(m.reader.quote) {
		t.Errorf("K from the reader: quote %d, article %q", m.speakers.qcursor, m.reader.article.Title)
	}
	m = press(t, m, "J", "J")
	if m.speakers.qcursor != 3 || !strings.Contains(screen(m), "That was the last quote of theirs") {
		t.Errorf("J past the last quote: %d\n%s", m.speakers.qcursor, screen(m))
	}
	m = press(t, m, "?")
	if !strings.Contains(screen(m), "their next quote") {
		t.Errorf("the help does not say what J does here:\n%s", screen(m))
	}
	m = press(t, m, "esc")
	m = press(t, m, "shift+tab", "esc", "/")
	m = settle(t, m, typeText("lee")...)
	if len(m.speakers.shown) != 1 || m.speakers.shown[0].Name != "Ann Lee" {
		t.Errorf("filter: %+v", m.speakers.shown)
	}
	m = press(t, m, "esc", "esc")
	if m.speakersOn {
		t.Error("esc did not close the speakers view")
	}
}

// A long article shows its first part at once, then the whole.
func TestLongArticleProgressive(t *testing.T) {
	a := bigArticle(t, 300<<10)
	m := New(Options{Preload: []*articleT{a}, Theme: Theme{Dark: true}, Profile: termenv.Ascii})
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = next.(Model)
	msg := cmd().(renderedMsg)
	for msg.r == nil && msg.rest == nil { // a batch of one
		t.Fatalf("unexpected message %#v", msg)
	}
	if msg.rest == nil || !msg.r.partial {
		t.Fatal("the first message is not a first part")
	}
	next, cmd = m.Update(msg)
	m = next.(Model)
	firstLines := len(m.reader.r.lines)
	if firstLines < m.reader.h || !strings.Contains(screen(m), "Paragraph 0") {
		t.Fatalf("first part: %d lines", firstLines)
	}
	m = press(t, m, "G") // the list has focus: G goes to its bottom; ] jumps in the reader
	m = press(t, m, "]")
	m = settle(t, m, cmd())
	if m.reader.r.partial || len(m.reader.r.lines) <= firstLines {
		t.Fatalf("whole: partial %v, %d lines", m.reader.r.partial, len(m.reader.r.lines))
	}
	m = press(t, m, "tab", "G")
	last := len(a.Quotes) - 1
	if !m.reader.quoteInView(last) || !m.reader.quoteInView(m.reader.quote) {
		t.Errorf("at the bottom: the last quote in view %v, the selected (%d) in view %v", m.reader.quoteInView(last), m.reader.quote, m.reader.quoteInView(m.reader.quote))
	}
}

// A phrase found across the line break of wrapping, highlighted on both lines.
func TestFindAcrossWrap(t *testing.T) {
	a := parse(t, "w.txt", "Wrap\n\n"+strings.Repeat("word ", 9)+"South Caucasus region and more words after it.")
	m := testModel(t, 100, 30, a)
	m.reader.SetSize(30, 20)
	m = settle(t, m, renderedMsg{key: renderKey{a.ID, 30}, r: mustRender(t, a, 30)})
	m.reader.runFind("south caucasus", false)
	if len(m.reader.find.matches) != 1 {
		t.Fatalf("%d matches", len(m.reader.find.matches))
	}
	got := ""
	for _, c := range m.reader.find.matches[0].ranges {
		got += cutCells(m.reader.r.plain[c.line], c.start, c.end) + "|"
	}
	if got != "South|Caucasus|" {
		t.Errorf("highlighted %q", got)
	}
}

// The words a search matched are found whole: "prices", not the "price"
// in it, when both were matched (found in review).
func TestFindTermsTakeTheLongest(t *testing.T) {
	got := ""
	for _, m := range findMatches([]string{"House prices rise; the price data show it."}, []string{"price", "prices"}, true) {
		for _, c := range m.ranges {
			got += cutCells("House prices rise; the price data show it.", c.start, c.end) + "|"
		}
	}
	if got != "prices|price|" {
		t.Errorf("found %q", got)
	}
}

func mustRender(t *testing.T, a *articleT, w int) *rendered {
	r, err := (renderer{style: "dark"}).render(a, w)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The index behind /: stemming, the words found shown by the find, a typo corrected.
func TestSearchEngineInTheList(t *testing.T) {
	arts := []*articleT{
		parse(t, "a.txt", "Ceasefire talks\n\nThe sides will negotiate a ceasefire next week, officials said."),
		parse(t, "b.txt", "Football\n\nThe match ended in a draw."),
		parse(t, "c.txt", "Budget\n\n“We will not negotiate with ourselves,” said Ann Lee."),
	}
	m := testModel(t, 120, 30, arts...)
	m = press(t, m, "/")
	m = settle(t, m, typeText("negotiations")...)
	if len(m.list.results) != 2 {
		t.Fatalf("negotiations found %d articles", len(m.list.results))
	}
	m = press(t, m, "enter")
	if m.focus != ReaderPane || len(m.reader.find.matches) == 0 || !slicesContains(m.reader.find.terms, "negotiate") {
		t.Errorf("find seeded with %q, %d matches", m.reader.find.terms, len(m.reader.find.matches))
	}
	m = press(t, m, "shift+tab", "/")
	m = settle(t, m, typeText(" speaker:lee")...)
	if len(m.list.results) != 1 || m.list.selected() != arts[2] {
		t.Errorf("speaker:lee gave %d results", len(m.list.results))
	}
	m = press(t, m, "esc", "/")
	m = settle(t, m, typeText("ceasfire")...)
	if len(m.list.results) != 1 || !strings.Contains(screen(m), "showing ceasefire") {
		t.Errorf("typo: %d results, suggestion %q", len(m.list.results), m.suggestion)
	}
	if s := screen(m); !strings.Contains(s, `"exact phrase"`) && !strings.Contains(s, "speaker:") {
		t.Errorf("the query language is not in the help:\n%s", s)
	}
}

// The list's count of a result is what the reader's find then steps
// through (found in review: "Profile: Gordon Brown 23×", then "find 1/21"):
// a title line is counted once, and a search's words are found whole, not
// the "Brown" of "Brownite" nor the "prime minister" of "prime ministers".
func TestSearchCountIsTheFindCount(t *testing.T) {
	arts := []*articleT{
		parse(t, "a.txt", "Profile: Gordon Brown\n\nGordon Brown spoke. The Brownites cheered Mr Brown.\n\nThe prime minister and two prime ministers agreed with the prime minister's aide."),
	}
	for _, tt := range []struct{ query, row, find string }{
		{"gordon brown", "5×", "find: gordon brown 1/5"},
		{`"prime minister"`, "2×", `find: "prime minister" 1/2`},
	} {
		m := testModel(t, 120, 30, arts...)
		m = press(t, m, "/")
		m = settle(t, m, typeText(tt.query)...)
		if s := screen(m); !strings.Contains(s, tt.row) {
			t.Errorf("%s: the row does not say %s:\n%s", tt.query, tt.row, s)
		}
		m = press(t, m, "enter")
		if got := fmt.Sprintf("find: %s %s", m.reader.find.query, m.reader.findStatus()); got != tt.find {
			t.Errorf("%s: the reader says %q, want %q", tt.query, got, tt.find)
		}
	}
}

func slicesContains(s []string, w string) bool {
	for _, x := range s {
		if strings.EqualFold(x, w) {
			return true
		}
	}
	return false
}

// Keys sent faster than the terminal is read come as one message: each
// still counts, and after / the rest is the query.
func TestKeysInOneMessage(t *testing.T) {
	a := longArticle(t)
	m := testModel(t, 120, 30, a)
	m = settle(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("]]]")})
	if m.reader.quote != 2 {
		t.Errorf("]]] selected quote %d, want 2", m.reader.quote)
	}
	arts := append(seedArticles(t), parse(t, "b.txt", "Baku talks\n\nBaku."))
	m = testModel(t, 120, 30, arts...)
	m = settle(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j/baku")})
	if m.mode != inputFilter || m.input.Value() != "baku" {
		t.Errorf("j/baku: mode %v, query %q", m.mode, m.input.Value())
	}
	// esc twice in a row arrives as alt+esc: it leaves the input and clears the search
	m = settle(t, m, tea.KeyMsg{Type: tea.KeyEsc, Alt: true})
	if m.mode != inputNone || m.list.rows() != len(arts) {
		t.Errorf("esc esc: mode %v, %d of %d shown", m.mode, m.list.rows(), len(arts))
	}
}

// Loading holds the next batch back while one is being indexed, and ends
// once the last is indexed and the index compacted: loaded means findable.
func TestLoadingEndsWhenIndexed(t *testing.T) {
	first, second := seedArticles(t), []*store.Article{parse(t, "b.txt", "Baku talks\n\nBaku.")}
	m := testModel(t, 120, 30)
	batches := make(chan store.Batch, 1)
	batches <- store.Batch{Done: true}
	close(batches) // as the loader does after the last batch
	m.loading, m.batches = true, batches
	next, cmd1 := m.Update(loaded(m, store.Batch{Articles: first}))
	m = next.(Model)
	if m.indexing != 1 || m.heldBack {
		t.Fatalf("a batch in: indexing %d, held back %v", m.indexing, m.heldBack)
	}
	next, cmd2 := m.Update(loaded(m, store.Batch{Articles: second}))
	m = next.(Model)
	if m.indexing != maxIndexing || !m.heldBack || !m.loading {
		t.Fatalf("two batches in: indexing %d, held back %v, loading %v", m.indexing, m.heldBack, m.loading)
	}
	m = settle(t, m, cmd1(), cmd2()) // indexes them, then reads the last batch
	want := len(first) + len(second)
	if m.loading || m.heldBack || !m.index.Compacted() || m.index.Len() != want {
		t.Errorf("done: loading %v, held back %v, compacted %v, %d of %d indexed", m.loading, m.heldBack, m.index.Compacted(), m.index.Len(), want)
	}
}

// Enter typed before the index has answered still reads the best hit, once
// the answer comes; esc meanwhile cancels it.
func TestEnterBeforeTheAnswer(t *testing.T) {
	arts := []*articleT{
		parse(t, "a.txt", "Budget\n\nThe budget was passed on Monday."),
		parse(t, "b.txt", "Ceasefire talks\n\nThe sides will negotiate a ceasefire next week, officials said."),
	}
	typed := func(q string, after ...string) []tea.Msg {
		return append(append(keys("/"), typeText(q)...), keys(after...)...)
	}
	m := settle(t, testModel(t, 120, 30, arts...), typed("ceasefire", "enter")...)
	if m.focus != ReaderPane || m.reader.article != arts[1] || m.list.query != "ceasefire" {
		t.Errorf("enter before the answer: focus %v, reading %v, query %q", m.focus, m.reader.article != nil && m.reader.article == arts[1], m.list.query)
	}
	// a key pressed meanwhile comes first: the answer shows, nothing opens
	m = settle(t, testModel(t, 120, 30, arts...), typed("ceasefire", "enter", "j")...)
	if m.focus != ListPane || m.list.query != "ceasefire" || m.reader.find.query != "" {
		t.Errorf("j before the answer: focus %v, query %q, find %q", m.focus, m.list.query, m.reader.find.query)
	}
	m = settle(t, testModel(t, 120, 30, arts...), typed("ceasefire", "enter", "esc")...)
	if m.focus != ListPane || m.reader.article != arts[0] || m.list.query != "" || m.awaiting != "" {
		t.Errorf("esc while waiting: focus %v, query %q, awaiting %q", m.focus, m.list.query, m.awaiting)
	}
}

// While loading, each batch indexed asks the search again: the query in the
// input, not the one whose answer the list shows, or typing is undone.
func TestSearchAgainWhileLoading(t *testing.T) {
	arts := []*articleT{
		parse(t, "a.txt", "Football\n\nThe ball went in."),
		parse(t, "b.txt", "Ballet\n\nThe ballet opened."),
	}
	m := settle(t, testModel(t, 120, 30, arts...), append(keys("/"), typeText("ball")...)...)
	next, typing := m.Update(typeText("e")[0])
	m = next.(Model)
	m.indexing = 1
	next, indexed := m.Update(indexedMsg{})
	m = next.(Model)
	m = settle(t, m, typing(), indexed())
	if m.list.query != "balle" || m.input.Value() != "balle" {
		t.Errorf("list shows %q for the input %q", m.list.query, m.input.Value())
	}
}

// The full help shows every key at any common width: groups that do not fit
// side by side go on below, not off the edge.
func TestFullHelpShowsEveryKey(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {100, 24}, {120, 24}, {160, 24}} {
		w, h := size[0], size[1]
		m := press(t, testModel(t, w, h, seedArticles(t)...), "?")
		s := screen(m)
		checkScreen(t, s, w, h)
		for _, g := range m.helpKeys().full {
			for _, b := range g {
				// every key, even one that does nothing yet (n with no find open)
				if !b.Enabled() || !strings.Contains(s, b.Help().Desc) {
					t.Errorf("%d columns: %q (%s) is not in the help", w, b.Help().Desc, b.Help().Key)
				}
			}
		}
	}
}

// However narrow, the help line ends with ? and q: the way to every other key.
func TestHelpLineKeepsHelpAndQuit(t *testing.T) {
	for _, w := range []int{32, 50, 60, 80, 100} {
		m := testModel(t, w, 20, seedArticles(t)...)
		s := screen(m)
		checkScreen(t, s, w, 20)
		last := s[strings.LastIndexByte(s, '\n')+1:]
		if !strings.Contains(last, "? help • q quit") || !strings.Contains(last, "…") {
			t.Errorf("%d columns: help line %q", w, last)
		}
	}
}

// A file changed on disk: the index no longer counts its old article,
// though it never showed it (the list shows what the store holds).
func TestChangedFileLeavesNoOldCountInSearch(t *testing.T) {
	a := parse(t, "a.txt", "Zebra crossing moved\n\nThe zebra crossing on the high street moved last week.\n")
	b := parse(t, "b.txt", "Bridge reopens\n\nThe bridge reopened on Thursday.\n")
	m := testModel(t, 120, 40, a, b)
	if got := m.index.Search("zebra", 10).Total; got != 1 {
		t.Fatalf("before the change, zebra counted %d times, want 1", got)
	}
	edited := parse(t, "a.txt", "Crossing moved\n\nThe crossing on the high street moved last week.\n")
	watch := make(chan []store.Change)
	close(watch) // no more changes after this one
	m.changes = watch
	m = settle(t, m, changesMsg{{Path: "a.txt", Articles: []*store.Article{edited}}})
	if got := m.index.Search("zebra", 10).Total; got != 0 {
		t.Errorf("after the change, zebra counted %d times, want 0", got)
	}
	if got := m.index.Search("crossing", 10).Total; got != 1 {
		t.Errorf("after the change, crossing counted %d times, want 1 (the new article)", got)
	}
}

// A file changed on disk while the speakers view is open: the view shows
// the new speakers (the command that gathers them was dropped).
func TestChangedFileRefreshesSpeakers(t *testing.T) {
	a := parse(t, "a.txt", "Talks\n\n“We will win the vote in November,” said Jane Roe.\n")
	m := testModel(t, 120, 40, a)
	m = press(t, m, "s")
	if !m.speakersOn || !strings.Contains(screen(m), "Jane Roe") {
		t.Fatalf("speakers view:\n%s", screen(m))
	}
	edited := parse(t, "a.txt", "Talks\n\n“We will win the vote in November,” said Ann Lee.\n")
	watch := make(chan []store.Change)
	close(watch)
	m.changes = watch
	m = settle(t, m, changesMsg{{Path: "a.txt", Articles: []*store.Article{edited}}})
	if s := screen(m); !strings.Contains(s, "Ann Lee") || strings.Contains(s, "Jane Roe") {
		t.Errorf("after the change the speakers view shows:\n%s", s)
	}
}

// A file changed under an open speaker's quotes, leaving fewer of them than
// the cursor was at: the view draws the last one, it does not fail.
func TestSpeakerQuotesShrink(t *testing.T) {
	said := func(n int) *store.Article {
		var b strings.Builder
		b.WriteString("Talks\n\n")
		for i := range n {
			fmt.Fprintf(&b, "“We will win vote number %d in November,” said Ann Lee.\n\n", i)
		}
		return parse(t, "a.txt", b.String())
	}
	m := testModel(t, 120, 30, said(10))
	m = press(t, press(t, press(t, m, "s"), "enter"), "G")
	if m.speakers.qcursor != 9 {
		t.Fatalf("G: quote %d", m.speakers.qcursor)
	}
	m = changed(t, m, store.Change{Path: "a.txt", Articles: []*store.Article{said(2)}})
	_ = m.View()
	if m.speakers.qcursor != 1 || !strings.Contains(screen(m), "2/2") {
		t.Errorf("after the change: quote %d\n%s", m.speakers.qcursor, screen(m))
	}
}

// The help drawn from the memo is the help drawn afresh, whatever changed
// since the last frame: the width, a key's words, a key turned off, the
// full help.
func TestHelpMemoRedrawsWhatChanged(t *testing.T) {
	km := DefaultKeyMap()
	h := help.New()
	h.Width = 80
	hm := &helpMemo{}
	keys := helpKeys{short: []key.Binding{km.Down, km.Up, km.Open, km.Quit}, full: [][]key.Binding{{km.Down, km.Up}, {km.Open, km.Quit}}, kept: 1}
	check := func(step string) {
		t.Helper()
		if got, want := hm.draw(&h, keys), helpView(&h, keys); got != want {
			t.Fatalf("%s: memo drew %q, afresh %q", step, got, want)
		}
	}
	check("first")
	check("again")
	h.Width = 20
	check("narrower")
	h.Width = 80
	check("wider")
	open := km.Open
	open.SetHelp("enter", "read it")
	keys.short[2] = open
	check("other words")
	keys.short[1].SetEnabled(false)
	check("a key off")
	h.ShowAll = true
	check("full help")
	keys.full[1][0] = km.Down
	check("full help changed")
}

// A frame drawn with the memos (the help line, the marked lines of an
// article) is the frame drawn without them, key after key: moving between
// quotes, scrolling, finding in the article, going to another article and
// coming back.
func TestMemosDrawWhatAFreshViewDraws(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor) // or every mark looks alike
	defer lipgloss.SetColorProfile(termenv.Ascii)
	arts := append(seedArticles(t), bigArticle(t, 20<<10))
	m := New(Options{Preload: arts, Theme: Theme{Dark: true}, Profile: termenv.TrueColor, After: noTimer})
	m = settle(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	steps := []string{"tab", "]", "]", "j", "j", "[", "/", "s", "a", "i", "d", "enter", "n", "n", "N",
		"shift+tab", "j", "tab", "]", "]", "j", "shift+tab", "k", "tab", "G", "g", "?", "?"}
	marked := 0
	for i, k := range steps {
		m = press(t, m, k)
		got := m.View()
		if strings.Contains(got, "\x1b[") && m.reader.r != nil && len(m.reader.r.marked.next) > 0 {
			marked++
		}
		saved, savedHelp := markedLines{}, *m.helpMemo
		if r := m.reader.r; r != nil {
			saved, r.marked = r.marked, markedLines{}
		}
		*m.helpMemo = helpMemo{}
		want := m.View()
		if r := m.reader.r; r != nil {
			r.marked = saved
		}
		*m.helpMemo = savedHelp
		if got != want {
			t.Fatalf("after %q (key %d) the memos drew:\n%s\nafresh:\n%s", k, i, got, want)
		}
	}
	if marked < len(steps)/2 {
		t.Fatalf("lines were marked after only %d of %d keys: the memo of marked lines went untested", marked, len(steps))
	}
}

// bakuArticles are the seed and two more, both of which a search for
// "baku" finds.
func bakuArticles(t *testing.T) []*articleT {
	return append(seedArticles(t),
		parse(t, "b.txt", "Football results\n\nThe match ended in a draw in Baku."),
		parse(t, "c.txt", "Baku talks\n\nPutin and Aliyev met in Baku. Baku was sunny."))
}

// esc leaves the article for the list (a find first, a search after), and
// J/K read on from the reader without going back to the list.
func TestEscBackAndNextArticle(t *testing.T) {
	m := testModel(t, 120, 30, bakuArticles(t)...)
	first := m.list.selected()
	m = press(t, m, "enter", "esc")
	if m.focus != ListPane || m.list.selected() != first {
		t.Fatalf("esc from the reader: focus %v, selected %q", m.focus, m.list.selected().Title)
	}
	m = press(t, m, "enter", "J")
	second := m.list.selected()
	if m.focus != ReaderPane || second == first || m.reader.article != second {
		t.Fatalf("J: focus %v, reading %v, selected %v", m.focus, m.reader.article, second)
	}
	m = press(t, m, "K")
	if m.reader.article != first || m.list.selected() != first {
		t.Errorf("K: reading %q", m.reader.article.Title)
	}
	// a find closes first, then the article
	m = press(t, m, "J", "/")
	m = settle(t, m, typeText("baku")...)
	m = press(t, m, "enter", "esc")
	if m.focus != ReaderPane || m.reader.find.query != "" {
		t.Errorf("first esc: focus %v, find %q", m.focus, m.reader.find.query)
	}
	m = press(t, m, "esc")
	if m.focus != ListPane {
		t.Errorf("second esc: focus %v", m.focus)
	}
	// a search result read (its words found in it): esc clears the find,
	// esc goes back to the results, then esc clears them
	m = press(t, m, "/")
	m = settle(t, m, typeText("baku")...)
	m = press(t, m, "enter", "esc", "esc")
	if m.focus != ListPane || m.list.query != "baku" {
		t.Errorf("esc from a result: focus %v, query %q", m.focus, m.list.query)
	}
	m = press(t, m, "esc")
	if m.list.query != "" {
		t.Errorf("esc in the results: query %q", m.list.query)
	}
	checkScreen(t, m.View(), 120, 30)
}

// While a query is typed, ↓ and ↑ go through the results (enter reads the
// one chosen) and ctrl+c still quits; q and j are letters.
func TestTypingMovesAndQuits(t *testing.T) {
	m := testModel(t, 120, 30, bakuArticles(t)...)
	m = press(t, m, "/")
	m = settle(t, m, typeText("baku")...)
	best := m.list.selected()
	m = press(t, m, "down")
	if m.mode != inputFilter || m.input.Value() != "baku" || m.list.selected() == best {
		t.Fatalf("down while typing: mode %v, value %q, selected %q", m.mode, m.input.Value(), m.list.selected().Title)
	}
	chosen := m.list.selected()
	if !strings.Contains(screen(m), "enter read it") || !strings.Contains(screen(m), "↓/↑ choose") {
		t.Errorf("the hint does not say enter reads the one chosen:\n%s", screen(m))
	}
	m = press(t, m, "up", "down", "enter")
	if m.focus != ReaderPane || m.reader.article != chosen {
		t.Errorf("enter after down: reading %v, want %q", m.reader.article, chosen.Title)
	}
	// nothing typed: an article chosen with ↓ opens with enter
	m = press(t, m, "esc", "esc", "esc", "g")
	m = press(t, m, "/", "down", "enter")
	if m.focus != ReaderPane || m.list.cursor != 1 {
		t.Errorf("/ down enter: focus %v, cursor %d", m.focus, m.list.cursor)
	}
	m = press(t, m, "/")
	_, cmd := m.Update(keys("ctrl+c")[0])
	if cmd == nil {
		t.Fatal("ctrl+c while typing gave no command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("ctrl+c while typing did not quit")
	}
}

// A short article is rendered at once even while two long ones are still
// rendering: it does not wait behind them.
func TestShortArticleDoesNotWaitBehindLongRenders(t *testing.T) {
	m := testModel(t, 120, 30, seedArticles(t)...)
	short := parse(t, "s.txt", "Short\n\nA few words.")
	short.ID = 100 // not the seed's: nothing cached for it
	m.reader.setArticle(short)
	m.inflight = map[renderKey]bool{{-1, 80}: true, {-2, 80}: true}
	if m.ensureRendered() == nil {
		t.Error("a short article waits behind two renders")
	}
	long := parse(t, "l.txt", "Long\n\n"+strings.Repeat("word ", quickRenderWords+1))
	long.ID = 101
	m.reader.setArticle(long)
	if m.ensureRendered() != nil {
		t.Error("a long article did not wait its turn")
	}
}

// A query of -words alone finds nothing, and says why.
func TestOnlyNegativeQuerySaysWhy(t *testing.T) {
	m := testModel(t, 120, 30, seedArticles(t)...)
	m = press(t, m, "/")
	m = settle(t, m, typeText("-putin")...)
	if s := screen(m); !strings.Contains(s, "Nothing to find: -word leaves") || !strings.Contains(s, "look for") {
		t.Errorf("-putin alone:\n%s", s)
	}
}

// Found in a review: esc closes the full help with nothing else to clear;
// esc in the quotes closes a find before it leaves the article; J at the
// last article says so, and J shows the article, not the errors view.
func TestEscAndJAtTheEdges(t *testing.T) {
	m := testModel(t, 120, 30, bakuArticles(t)...)
	m = press(t, m, "?", "esc")
	if m.help.ShowAll {
		t.Error("esc left the full help open")
	}
	m = press(t, m, "enter", "/")
	m = settle(t, m, typeText("baku")...)
	m = press(t, m, "enter", "tab", "esc")
	if m.focus != QuotesPane || m.reader.find.query != "" {
		t.Errorf("esc in the quotes: focus %v, find %q", m.focus, m.reader.find.query)
	}
	m = press(t, m, "G", "J")
	m.list.cursor = m.list.rows() - 1
	m = press(t, m, "J")
	if !strings.Contains(screen(m), "That was the last article") {
		t.Error("J at the last article says nothing")
	}
	m = settle(t, m, loaded(m, store.Batch{Errors: []store.LoadError{loadErr("bad.txt", "binary file")}, Done: true}))
	m = press(t, m, "e", "K")
	if m.showErrors {
		t.Error("K left the errors view over the article it showed")
	}
}

// A screen too short for every key says so on the full help's last line,
// and how to close it.
func TestFullHelpTooShortSaysSo(t *testing.T) {
	m := press(t, testModel(t, 80, 16, seedArticles(t)...), "?")
	s := screen(m)
	checkScreen(t, s, 80, 16)
	if !strings.Contains(s, "more keys in a taller window") || !strings.Contains(s, "esc closes") {
		t.Errorf("80x16 full help:\n%s", s)
	}
}

// Found in review: with a search shown, u and ' do nothing (the search is
// not filtered by them) and esc clears the search before an unread view;
// ↓ typed before the hits of the query come does not go through old ones.
func TestSearchOverUnreadView(t *testing.T) {
	m := testModel(t, 120, 30, bakuArticles(t)...)
	m = press(t, m, "u", "/")
	m = settle(t, m, typeText("baku")...)
	m = press(t, m, "enter", "esc", "esc", "u")
	if m.list.mode != modeUnread || m.list.query != "baku" {
		t.Fatalf("u with a search shown: mode %v, query %q", m.list.mode, m.list.query)
	}
	m = press(t, m, "esc")
	if m.list.query != "" || m.list.mode != modeUnread {
		t.Errorf("esc: query %q, mode %v; want the search cleared first", m.list.query, m.list.mode)
	}
	// a query typed whose hits have not come: ↓ waits for them
	m = press(t, m, "esc", "/")
	before := m.list.selected()
	next, _ := m.Update(keys("x")[0]) // typed, its search not run
	m = next.(Model)
	next, _ = m.Update(keys("down")[0])
	m = next.(Model)
	if m.list.selected() != before {
		t.Errorf("down before the hits came moved through the old list")
	}
}

// Every result of a search can be reached: the list fetches the next page
// as the selection nears the end of those shown, and says how many were
// found all along (found in review: G stopped at 200/200 of 935, and the
// count went once the input closed).
func TestSearchReachesEveryResult(t *testing.T) {
	const n = 2*searchPage + 50
	m := searched(t, budgets(t, n, true), "enter", "esc", "esc")
	found := fmt.Sprintf("%d found", n)
	if s := screen(m); !strings.Contains(s, "Search · "+found) || !strings.Contains(s, "search: budget · "+found) {
		t.Errorf("the frame or the status does not say %s:\n%s", found, s)
	}
	seen := map[*articleT]bool{}
	for _, h := range m.list.results {
		seen[h.Article] = true
	}
	for range 3 {
		m = press(t, m, "G")
		for _, h := range m.list.results {
			seen[h.Article] = true
		}
	}
	if got, want := m.list.note(), fmt.Sprintf("%d/%d", n, n); got != want || len(seen) != n || len(m.list.results) != n {
		t.Errorf("after G G G: %s, %d results, %d articles seen; want %s, all %d once", got, len(m.list.results), len(seen), want, n)
	}
	if s := screen(m); !strings.Contains(s, "search: budget · "+found) {
		t.Errorf("the status does not say %s at the end:\n%s", found, s)
	}
}

// A page of results answers the query it was asked for, from the rank it
// was asked from: one for an older query, or one already taken, is dropped.
func TestStalePageDropped(t *testing.T) {
	m := searched(t, budgets(t, searchPage+10, false), "esc")
	stale := search.Result{Hits: []search.Hit{{Article: parse(t, "x.txt", "Budget x\n\nThe budget.")}}}
	for _, msg := range []pageMsg{
		{seq: m.searchSeq - 1, query: "budget", from: m.searchRanked, res: stale},
		{seq: m.searchSeq, query: "budge", from: m.searchRanked, res: stale},
		{seq: m.searchSeq, query: "budget", from: 0, res: stale},
	} {
		before := len(m.list.results)
		m = settle(t, m, msg)
		if len(m.list.results) != before {
			t.Errorf("a stale page (%+v) was taken", msg)
		}
	}
}

// A resize re-renders the article in two parts: the find keeps its
// current match, in view, as the selected quote is kept.
func TestFindKeptAcrossResize(t *testing.T) {
	a := bigArticle(t, 60<<10)
	m := testModel(t, 160, 45, a)
	m = press(t, m, "enter", "/")
	m = settle(t, m, typeText("ordinary")...)
	m = press(t, m, "enter")
	m = press(t, m, "N", "N", "N") // near the end: past the first part of a re-render
	want := m.reader.find.cur
	if n := len(m.reader.find.matches); want != n-3 {
		t.Fatalf("after N N N: match %d of %d", want+1, n)
	}
	m = settle(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if m.reader.r == nil || m.reader.r.partial || m.reader.r.key.width != m.reader.w {
		t.Fatal("not re-rendered whole at the new width")
	}
	if got := m.reader.find.cur; got != want {
		t.Errorf("after the resize: match %d, want %d", got+1, want+1)
	}
	if l := m.reader.find.matches[m.reader.find.cur].line; l < m.reader.offset || l >= m.reader.offset+m.reader.h {
		t.Errorf("the current match (line %d) is out of view (%d-%d)", l, m.reader.offset, m.reader.offset+m.reader.h)
	}
	m = press(t, m, "n")
	if got := m.reader.find.cur; got != want+1 {
		t.Errorf("n after the resize: match %d, want %d", got+1, want+2)
	}
}

// A resize deep in a long article comes back to the same text once the
// whole re-render arrives, though its first part did not reach it.
func TestResizeKeepsPlaceInLongArticle(t *testing.T) {
	a := bigArticle(t, 60<<10)
	m := testModel(t, 160, 45, a)
	m = press(t, m, "enter")
	m.reader.offset = m.reader.maxOffset() * 3 / 4
	word := m.reader.r.words[m.reader.offset]
	m = settle(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if m.reader.r.partial || m.reader.r.key.width != m.reader.w {
		t.Fatal("not re-rendered whole at the new width")
	}
	if got := m.reader.r.words[m.reader.offset]; got < word-20 || got > word+20 {
		t.Errorf("the top of the view is at word %d, was %d", got, word)
	}
}

// esc closes the links or errors view and goes back to the pane it was
// opened from.
func TestViewEscReturnsFocus(t *testing.T) {
	for _, c := range []struct {
		view, from string
		keys       []string
		want       Pane
	}{
		{"links", "list", []string{"l", "esc"}, ListPane},
		{"errors", "list", []string{"e", "esc"}, ListPane},
		{"links", "list, closed with l", []string{"l", "l"}, ListPane},
		{"errors", "list, closed with e", []string{"e", "e"}, ListPane},
		{"links", "reader", []string{"enter", "l", "esc"}, ReaderPane},
		{"errors", "quotes", []string{"tab", "tab", "e", "esc"}, QuotesPane},
		{"links then errors", "list", []string{"l", "e", "esc"}, ListPane},
	} {
		m := testModel(t, 160, 45, seedArticles(t)...)
		m.errs = []store.LoadError{{Path: "x.txt", Err: errors.New("unreadable")}}
		m.syncKeys()
		m = press(t, m, c.keys[:len(c.keys)-1]...)
		if !m.showLinks && !m.showErrors || m.focus != ReaderPane {
			t.Fatalf("%s from the %s: not shown in the reader's place", c.view, c.from)
		}
		m = press(t, m, c.keys[len(c.keys)-1])
		if m.showLinks || m.showErrors {
			t.Errorf("%s from the %s: still shown", c.view, c.from)
		}
		if m.focus != c.want {
			t.Errorf("%s from the %s: focus %v after esc, want %v", c.view, c.from, m.focus, c.want)
		}
	}
}

// With no quotes pane on screen, ] says whose quote it went to, and the
// help keeps ] however narrow the line.
func TestQuoteJumpWithoutQuotesPane(t *testing.T) {
	a := parse(t, "q.txt", "Talks\n\n“We will talk,” said Vladimir Putin.\n\nMore text.\n\n“Not \x1b[2Jnow,” said Ann \x1b]52;c;eA==\x07Lee.\n")
	if len(a.Quotes) != 2 {
		t.Fatalf("%d quotes", len(a.Quotes))
	}
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		m := testModel(t, size[0], size[1], a)
		m = press(t, m, "]")
		s := screen(m)
		if !strings.Contains(s, "quote 1/2 — Vladimir Putin") {
			t.Errorf("%dx%d, ]: the status line does not say whose quote:\n%s", size[0], size[1], s)
		}
		if !strings.Contains(s, "] next quote") {
			t.Errorf("%dx%d: ] is not in the help:\n%s", size[0], size[1], s)
		}
		m = press(t, m, "]")
		checkScreen(t, m.View(), size[0], size[1])
		if s := screen(m); !strings.Contains(s, "quote 2/2 — Ann") {
			t.Errorf("%dx%d, ] ]: the status line does not say whose quote:\n%s", size[0], size[1], s)
		}
	}
	// with the quotes pane on screen, it is the pane that says who
	m := testModel(t, 160, 45, a)
	if m = press(t, m, "]"); strings.Contains(screen(m), "quote 1/2") {
		t.Error("160x45: a flash besides the quotes pane")
	}
}

// On a wide screen the article is set at most maxTextWidth wide, in a
// frame as wide as before; its quotes are highlighted where they are.
func TestTextWidthCapped(t *testing.T) {
	m := testModel(t, 250, 70, seedArticles(t)...)
	m = press(t, m, "]")
	if m.reader.w <= maxTextWidth {
		t.Fatalf("the reader is %d wide: too narrow to test", m.reader.w)
	}
	if m.reader.r == nil || m.reader.r.key.width != maxTextWidth {
		t.Fatalf("rendered at %v, want %d", m.reader.r.key, maxTextWidth)
	}
	for i, l := range m.reader.r.lines {
		if w := ansi.StringWidth(l); w > maxTextWidth {
			t.Fatalf("line %d is %d wide", i, w)
		}
	}
	s := m.View()
	checkScreen(t, s, 250, 70)
	r := m.lay.Panes[ReaderPane]
	top := []rune(ansi.Strip(strings.Split(s, "\n")[0]))
	if top[r.X] != '╭' && top[r.X] != '┏' || top[r.X+r.W-1] != '╮' && top[r.X+r.W-1] != '┓' {
		t.Errorf("the reader's frame is not %d wide from %d: %q", r.W, r.X, string(top))
	}
	// the selected quote is found in the text where the highlight says
	q := m.reader.r.quotes[m.reader.quote][0]
	line := []rune(ansi.Strip(m.reader.r.lines[q.line]))
	words := quoteWords(m.reader.article, m.reader.quote)
	first := strings.Fields(words)[0]
	if got := string(line[q.start:min(q.end, len(line))]); !strings.Contains(got, first) && !strings.Contains(first, strings.TrimSpace(got)) {
		t.Errorf("the highlight covers %q, the quote starts %q", got, first)
	}
}

// G in a search's results goes to the last of them, the pages between
// fetched as they come; another key before a page comes cancels it.
func TestSearchGGoesToLastResult(t *testing.T) {
	const n = 3*searchPage + 50
	arts := budgets(t, n, true)
	results := func() Model { return searched(t, arts, "enter", "esc", "esc") }
	m := press(t, results(), "G")
	if got, want := m.list.note(), fmt.Sprintf("%d/%d", n, n); got != want || m.list.selected() != m.list.at(n-1) || m.reader.article != m.list.selected() {
		t.Errorf("after G: %s, want %s, the last shown in the reader", got, want)
	}
	if m.toEnd {
		t.Error("G still going at the end")
	}

	// k pressed while the second page is on its way: the page is taken, the cursor stays
	m = results() // a model copied shares its list's maps: a new one
	next, cmd := m.Update(keys("G")[0])
	m = next.(Model)
	next, _ = m.Update(keys("k")[0])
	m = next.(Model)
	at := m.list.cursor
	m = settle(t, m, cmd())
	if len(m.list.results) <= searchPage || m.list.cursor != at {
		t.Errorf("G then k: %d results, cursor %d, want it at %d", len(m.list.results), m.list.cursor, at)
	}
}

// A query typed and left with esc before its answer came leaves the
// results shown as they were, paging on (found in review: / x enter esc
// in one burst over 250 results for "budget", then G, stopped at 200/250).
func TestLeftQueryKeepsPaging(t *testing.T) {
	const n = searchPage + 50
	m := searched(t, budgets(t, n, false), "enter", "esc", "esc")
	if m.list.query != "budget" || len(m.list.results) != searchPage {
		t.Fatalf("%q shows %d results, want budget's first %d", m.list.query, len(m.list.results), searchPage)
	}
	var later []tea.Msg // the answer to x comes after esc
	for _, k := range keys("/", "x", "enter", "esc") {
		next, cmd := m.Update(k)
		m = next.(Model)
		if cmd != nil {
			later = append(later, cmd())
		}
	}
	m = settle(t, m, later...)
	m = press(t, m, "G")
	if got, want := m.list.note(), fmt.Sprintf("%d/%d", n, n); m.list.query != "budget" || got != want {
		t.Errorf("after / x enter esc, then G: %q at %s, want budget at %s", m.list.query, got, want)
	}
}

// G on its way to the last result selects no row between, and shows no
// article of them: each page's last row was selected and rendered, to be
// left as the next page came.
func TestSearchGSkipsTheRowsBetween(t *testing.T) {
	n := searchPage + endPage + 50
	m := searched(t, budgets(t, n, false), "enter", "esc", "esc")
	next, cmd := m.Update(keys("G")[0])
	m = next.(Model)
	at, shown := m.list.cursor, m.reader.article
	pages := 0
	m, queue := settleUntil(t, m, func(msg tea.Msg) bool {
		_, page := msg.(pageMsg)
		if page {
			pages++
		}
		return page
	}, cmd())
	if pages == 0 || len(m.list.results) <= searchPage || len(m.list.results) == n {
		t.Fatalf("after G and a page: %d results of %d", len(m.list.results), n)
	}
	if m.list.cursor != at || m.reader.article != shown {
		t.Errorf("a page on the way to the end moved the selection from %d to %d", at, m.list.cursor)
	}
	m = settle(t, m, queue...)
	if got, want := m.list.note(), fmt.Sprintf("%d/%d", n, n); got != want || m.reader.article != m.list.at(n-1) {
		t.Errorf("after G: %s, want %s, the last shown in the reader", got, want)
	}
}

// budgets are n articles that all answer "budget"; ranked ones repeat the
// word a different number of times, so their scores differ.
func budgets(t *testing.T, n int, ranked bool) []*articleT {
	var arts []*articleT
	for i := range n {
		more := ""
		if ranked {
			more = strings.Repeat(", the budget", i%7)
		}
		arts = append(arts, parse(t, fmt.Sprintf("a%04d.txt", i), fmt.Sprintf("Budget %d\n\nThe budget%s was debated.", i, more)))
	}
	return arts
}

// searched is a model over arts that searched for "budget" and left the
// input (enter, then esc back to the list and esc out of the article).
func searched(t *testing.T, arts []*articleT, leave ...string) Model {
	m := testModel(t, 120, 30, arts...)
	m = press(t, m, "/")
	m = settle(t, m, typeText("budget")...)
	return press(t, m, leave...)
}
