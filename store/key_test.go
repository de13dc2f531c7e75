package store

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestKeyFollowsContentNotFile(t *testing.T) {
	const text = "Bank raises rates\n\nThe bank said \"rates will rise\" on Monday.\n"
	parse := func(name, data string) *Article {
		t.Helper()
		arts, err := Parse(name, []byte(data))
		if err != nil || len(arts) != 1 {
			t.Fatalf("Parse(%q): %v, %d articles", name, err, len(arts))
		}
		return arts[0]
	}
	a := parse("business/001.txt", text)
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(a.Key()) {
		t.Fatalf("Key() = %q, want 32 hex digits", a.Key())
	}
	if b := parse("moved/renamed.txt", text); b.Key() != a.Key() {
		t.Errorf("moved file: key %s, want %s", b.Key(), a.Key())
	}
	// CRLF line ends are cleaned away, so a file saved on Windows is the same article
	if b := parse("crlf.txt", "Bank raises rates\r\n\r\nThe bank said \"rates will rise\" on Monday.\r\n"); b.Key() != a.Key() {
		t.Errorf("CRLF copy: key %s, want %s", b.Key(), a.Key())
	}
	if b := parse("x.txt", "Bank raises rates\n\nThe bank said \"rates will rise\" on Tuesday.\n"); b.Key() == a.Key() {
		t.Error("a changed body kept the key")
	}
	if b := parse("x.txt", "Bank lifts rates\n\nThe bank said \"rates will rise\" on Monday.\n"); b.Key() == a.Key() {
		t.Error("a changed title kept the key")
	}
}

func TestKeySeparatesTitleFromBody(t *testing.T) {
	a := withBody(&Article{Title: "ab"}, "c")
	b := withBody(&Article{Title: "a"}, "bc")
	if a.Key() == b.Key() {
		t.Errorf("title/body boundary is lost: both %s", a.Key())
	}
}

// BenchmarkKey hashes every BBC article once, as marking a whole list would.
func BenchmarkKey(b *testing.B) {
	dir := sharedDir(b, "corpora", "bbc")
	arts, errs := LoadAll(b.Context(), Source{Paths: []string{dir}})
	if len(arts) == 0 {
		b.Skipf("no articles under %s (%d errors)", dir, len(errs))
	}
	var n int64
	for _, a := range arts {
		n += int64(len(a.Title) + len(bodyOf(a)))
	}
	b.SetBytes(n)
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			_ = a.Key()
		}
	}
}

func TestSuccessor(t *testing.T) {
	parse := func(name, data string) []*Article {
		t.Helper()
		arts, err := Parse(name, []byte(data))
		if err != nil {
			t.Fatalf("Parse(%q): %v", name, err)
		}
		return arts
	}
	name := func(a *Article) string {
		if a == nil {
			return "none"
		}
		return strconv.Quote(a.Title)
	}
	const text = "Bank raises rates\n\nThe bank said \"rates will rise\" on Monday.\n"
	old := parse("a.txt", text)[0]
	renamed := parse("b.txt", text)[0]
	edited := parse("a.txt", "Bank raises rates\n\nThe bank said \"rates will rise\" on Tuesday.\n")[0]
	other := parse("c.txt", "Bridge reopens\n\nThe bridge reopened.\n")[0]
	if got := Successor(old, []*Article{old}, []*Article{other, renamed}); got != renamed {
		t.Errorf("renamed file: got %v, want the article of b.txt", got)
	}
	if got := Successor(old, []*Article{old}, []*Article{other, edited}); got != edited {
		t.Errorf("edited file: got %v, want the new article of a.txt", got)
	}
	if got := Successor(old, []*Article{old}, []*Article{other}); got != nil {
		t.Errorf("another article: got %v, want none", got)
	}

	feed := func(items ...string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>` + strings.Join(items, "") + `</channel></rss>`
	}
	item := func(title, link, body string) string {
		return "<item><title>" + title + "</title><link>" + link + "</link><description>" + body + "</description></item>"
	}
	before := parse("f.xml", feed(item("One", "https://x.test/1", "First story."), item("Two", "https://x.test/2", "Second story.")))
	after := parse("f.xml", feed(item("Zero", "https://x.test/0", "New story."), item("One", "https://x.test/1", "First story, corrected."), item("Two", "https://x.test/2", "Second story.")))
	if got := Successor(before[0], before, after); got != after[1] {
		t.Errorf("feed entry moved down and edited: got %v, want %q", got, after[1].Title)
	}
	if got := Successor(before[1], before, after); got != after[2] {
		t.Errorf("feed entry moved down: got %v, want %q", got, after[2].Title)
	}
	gone := parse("f.xml", feed(item("Zero", "https://x.test/0", "New story.")))
	if got := Successor(before[0], before, gone); got != nil {
		t.Errorf("feed entry gone: got %q, want none (entry 0 is another story)", got.Title)
	}

	// a file saved over with another story is not the same article, though
	// it is the same file's only entry
	today := parse("today.md", "# Bank raises rates\n\nThe bank said rates will rise.\n")[0]
	storm := parse("today.md", "# Storm closes the bridge\n\nThe bridge is shut until Monday.\n")[0]
	if got := Successor(today, []*Article{today}, []*Article{storm}); got != nil {
		t.Errorf("another story over today.md: got %q, want none", got.Title)
	}
	if fixed := parse("today.md", "# Bank raises rates\n\nThe bank said that rates will rise.\n")[0]; Successor(today, []*Article{today}, []*Article{fixed}) != fixed {
		t.Error("today.md with a typo fixed: not the same article")
	}

	// every item links to the home page: the link tells nothing, the title does
	home := parse("h.xml", feed(item("Two", "https://x.test/", "Second story."), item("One", "https://x.test/", "First story.")))
	homeAfter := parse("h.xml", feed(item("Three", "https://x.test/", "Third story."), item("Two", "https://x.test/", "Second story, corrected.")))
	if got := Successor(home[1], home, homeAfter); got != nil {
		t.Errorf("the oldest item dropped, all linking home: got %q, want none", got.Title)
	}
	if got := Successor(home[0], home, homeAfter); got != homeAfter[1] {
		t.Errorf("an item linking home, edited: got %s, want %q", name(got), homeAfter[1].Title)
	}

	// no links and one title every day: only an item's words tell it
	day := func(d string) string { return item("Briefing", "", "The news of "+d+".") }
	brief := parse("b.xml", feed(day("Monday"), day("Sunday")))
	briefAfter := parse("b.xml", feed(day("Tuesday"), day("Monday")))
	if got := Successor(brief[1], brief, briefAfter); got != nil {
		t.Errorf("Sunday's briefing dropped: got %q (%s), want none", got.Title, got.Key())
	}
	if got := Successor(brief[0], brief, briefAfter); got != briefAfter[1] {
		t.Errorf("Monday's briefing moved down: got %s, want it", name(got))
	}

	// one item a day with the same title: a new link is a new story
	single := parse("s.xml", feed(item("Briefing", "https://x.test/mon", "Monday.")))
	singleAfter := parse("s.xml", feed(item("Briefing", "https://x.test/tue", "Tuesday.")))
	if got := Successor(single[0], single, singleAfter); got != nil {
		t.Errorf("the day's briefing replaced: got %q, want none", got.Source)
	}
}
