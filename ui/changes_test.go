package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"newsreader/internal/state"
	"newsreader/store"
)

// quotedArticle is a long article with a quote every few paragraphs; edit
// adds a paragraph at its top and changes a word of its last.
func quotedArticle(edit bool) string {
	var b strings.Builder
	b.WriteString("Council votes on the bridge\n\n")
	if edit {
		b.WriteString("An edit adds these few words at the top.\n\n")
	}
	for i := range 40 {
		if i%5 == 0 {
			fmt.Fprintf(&b, "\u201cWe will build it in part %d,\u201d said Jane Roe.\n\n", i)
			continue
		}
		fmt.Fprintf(&b, "Paragraph %d tells how the council met again and talked about the bridge for a long while before anyone voted on it.\n\n", i)
	}
	if edit {
		b.WriteString("The vote is on Friday.\n")
	} else {
		b.WriteString("The vote is on Thursday.\n")
	}
	return b.String()
}

// changed feeds the model one batch of changes, with none after it.
func changed(t *testing.T, m Model, cs ...store.Change) Model {
	t.Helper()
	watch := make(chan []store.Change)
	close(watch)
	m.changes = watch
	return settle(t, m, changesMsg(cs))
}

// A file saved over (sed -i, an editor) keeps the reader where it was,
// even with a quote selected above the view: the quote is not scrolled to.
func TestRewrittenArticleKeepsScroll(t *testing.T) {
	a := parse(t, "a.txt", quotedArticle(false))
	m := testModel(t, 120, 30, a, parse(t, "b.txt", "Other\n\nText.\n"))
	m = press(t, m, "enter")
	for range 40 {
		m = press(t, m, "j")
	}
	top := m.reader.r.plain[m.reader.offset]
	if m.reader.offset < 20 {
		t.Fatalf("offset %d: the article is too short for the test", m.reader.offset)
	}
	m = changed(t, m, store.Change{Path: "a.txt", Articles: []*store.Article{parse(t, "a.txt", quotedArticle(true))}})
	if m.reader.article == a || m.reader.article == nil || m.reader.article.Path != "a.txt" {
		t.Fatalf("the reader shows %v, want the new version of a.txt", m.reader.article)
	}
	if got := m.reader.r.plain[m.reader.offset]; got != top {
		t.Errorf("top line was %q, now %q (offset %d)", top, got, m.reader.offset)
	}
}

// A file renamed (a remove and an add, in path order) keeps its article
// selected, at the same place, though the old name's row goes first.
func TestRenamedFileKeepsPlace(t *testing.T) {
	a := parse(t, "a.txt", quotedArticle(false))
	c := parse(t, "c.txt", "Other\n\nText.\n")
	m := testModel(t, 120, 30, a, c)
	m = press(t, m, "enter")
	for range 40 {
		m = press(t, m, "j")
	}
	top := m.reader.r.plain[m.reader.offset]
	m = changed(t, m,
		store.Change{Path: "a.txt", Removed: true},
		store.Change{Path: "b.txt", Articles: []*store.Article{parse(t, "b.txt", quotedArticle(false))}})
	if got := m.list.selected(); got == nil || got.Path != "b.txt" {
		t.Fatalf("selected %v, want the article now in b.txt", got)
	}
	if m.reader.article != m.list.selected() {
		t.Fatalf("the reader shows %v", m.reader.article)
	}
	if got := m.reader.r.plain[m.reader.offset]; got != top {
		t.Errorf("top line was %q, now %q (offset %d)", top, got, m.reader.offset)
	}
}

// starredAndRead opens the reader on first and other with the state in
// dir, and stars and marks read first, the article selected.
func starredAndRead(t *testing.T, dir string, first, other *store.Article) (Model, *state.Marks) {
	t.Helper()
	marks := state.Open(dir, state.Options{Delay: time.Hour})
	m := press(t, habitModel(t, Options{Marks: marks}, first, other), "*", "m")
	if !m.mem.isStarred(first) || !m.mem.isRead(first) {
		t.Fatalf("%s not starred and read", first.Path)
	}
	return m, marks
}

// An article's file edited: its new version (a new key) keeps its star and
// read mark, in the state file too; a file moved keeps them as before.
func TestEditedFileKeepsMarks(t *testing.T) {
	dir := t.TempDir()
	m, marks := starredAndRead(t, dir, parse(t, "a.txt", "Talks\n\nThe council met on Monday.\n"), parse(t, "b.txt", "Other\n\nText.\n"))
	edited := parse(t, "a.txt", "Talks\n\nThe council met on Tuesday.\n")
	m = changed(t, m, store.Change{Path: "a.txt", Articles: []*store.Article{edited}})
	if !m.mem.isStarred(edited) || !m.mem.isRead(edited) {
		t.Errorf("the edited article: starred %v, read %v; want both", m.mem.isStarred(edited), m.mem.isRead(edited))
	}
	moved := parse(t, "c.txt", "Talks\n\nThe council met on Tuesday.\n")
	m = changed(t, m, store.Change{Path: "a.txt", Removed: true}, store.Change{Path: "c.txt", Articles: []*store.Article{moved}})
	if !m.mem.isStarred(moved) || !m.mem.isRead(moved) {
		t.Errorf("the moved article: starred %v, read %v; want both", m.mem.isStarred(moved), m.mem.isRead(moved))
	}
	if err := marks.Close(); err != nil {
		t.Fatal(err)
	}
	again := state.Open(dir, state.Options{})
	defer again.Close()
	if mk := again.Mark(edited.Key()); !mk.Read || !mk.Starred {
		t.Errorf("state file: %+v for the edited article", mk)
	}
}

// Another story written over a file is not the article that was there:
// it is neither starred nor read, on screen or in the state file.
func TestOverwrittenFileLosesMarks(t *testing.T) {
	dir := t.TempDir()
	m, marks := starredAndRead(t, dir, parse(t, "today.md", "# Talks\n\nThe council met on Monday.\n"), parse(t, "z.txt", "Other\n\nText.\n"))
	storm := parse(t, "today.md", "# Storm closes the bridge\n\nThe bridge is shut until Friday.\n")
	m = changed(t, m, store.Change{Path: "today.md", Articles: []*store.Article{storm}})
	if m.mem.isStarred(storm) || m.mem.isRead(storm) {
		t.Errorf("the new story: starred %v, read %v; want neither", m.mem.isStarred(storm), m.mem.isRead(storm))
	}
	if err := marks.Close(); err != nil {
		t.Fatal(err)
	}
	again := state.Open(dir, state.Options{})
	defer again.Close()
	if mk := again.Mark(storm.Key()); mk.Read || mk.Starred {
		t.Errorf("state file: %+v for the new story", mk)
	}
}

// A hit's file deleted while its query is typed: the count follows, as it
// does when a file that matches is added.
func TestDeletedHitLeavesTheCount(t *testing.T) {
	m := testModel(t, 120, 30, parse(t, "a.txt", "Bridge reopens\n\nThe bridge reopened on Thursday.\n"))
	m = press(t, m, "/")
	m = settle(t, m, typeText("zebras")...)
	m = changed(t, m, store.Change{Path: "z.txt", Articles: []*store.Article{parse(t, "z.txt", "Zoo news\n\nThe zebras came home.\n")}})
	if s := screen(m); !strings.Contains(s, "1 found") {
		t.Fatalf("after the file came:\n%s", s)
	}
	m = changed(t, m, store.Change{Path: "z.txt", Removed: true})
	if s := screen(m); strings.Contains(s, "1 found") || !strings.Contains(s, "0 found") {
		t.Errorf("after the file went:\n%s", s)
	}
	if m.list.found != 0 || m.list.rows() != 0 {
		t.Errorf("found %d, rows %d; want none", m.list.found, m.list.rows())
	}
}

// / over a search shows its query, selected: typing replaces it, so what
// is searched is what the box shows; → keeps it to edit.
func TestSearchAgainReplacesTheQuery(t *testing.T) {
	m := testModel(t, 120, 30,
		parse(t, "a.txt", "Angie wins\n\nAngie won the seat on Thursday.\n"),
		parse(t, "b.txt", "Budget day\n\nThe budget is out on Friday.\n"))
	m = press(t, m, "/")
	m = settle(t, m, typeText("angie")...)
	m = press(t, m, "enter", "tab", "tab") // read it, then back to the list
	if m.focus != ListPane || m.list.query != "angie" {
		t.Fatalf("focus %v, query %q", m.focus, m.list.query)
	}
	m = press(t, m, "/")
	if s := screen(m); !strings.Contains(s, "/ angie") {
		t.Fatalf("/ over the search does not show its query:\n%s", s)
	}
	m = settle(t, m, typeText("title:budget")...)
	if m.input.Value() != "title:budget" || m.list.query != "title:budget" {
		t.Errorf("typed over the old query: box %q, searched %q; want title:budget", m.input.Value(), m.list.query)
	}
	m = press(t, m, "enter", "tab", "tab", "/")
	m = settle(t, m, tea.KeyMsg{Type: tea.KeyRight})
	m = settle(t, m, typeText(" day")...)
	if m.input.Value() != "title:budget day" || m.list.query != "title:budget day" {
		t.Errorf("→ then typing: box %q, searched %q; want the old query edited", m.input.Value(), m.list.query)
	}
}
