package store

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

func art(path string, entry int, title, body, source string) *Article {
	return withBody(&Article{Path: path, Entry: entry, Format: FormatText, Title: title, Source: source}, body)
}

func paths(arts []*Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.Path)
	}
	return out
}

func TestLinkKey(t *testing.T) {
	same := []string{
		"https://www.News.example/world/story-1/",
		"http://news.example/world/story-1",
		"https://news.example/world/story-1?utm_source=rss&utm_medium=feed#comments",
		" HTTPS://news.example/world/story-1",
	}
	for _, s := range same {
		if linkKey(s) != linkKey(same[0]) {
			t.Errorf("%s: key %q, want %q", s, linkKey(s), linkKey(same[0]))
		}
	}
	differ := []string{"https://news.example/world/story-2", "https://news.example/world/story-1?id=2", "https://other.example/world/story-1"}
	for _, s := range differ {
		if linkKey(s) == linkKey(same[0]) {
			t.Errorf("%s has the key of %s", s, same[0])
		}
	}
	for _, s := range []string{"", "The Times", "mailto:x@y.example", "/relative/path", "https://www.news.example/", "http:/news.example/a", "ftp://news.example/a"} {
		if linkKey(s) != "" {
			t.Errorf("%q is no web address, key %q", s, linkKey(s))
		}
	}
}

func TestStoreShowsOneCopy(t *testing.T) {
	page := art("a/page.html", 0, "Bridge reopens", "The bridge reopened on Thursday after repairs that took eleven weeks.", "https://news.example/bridge")
	entry := art("feed.xml", 3, "Bridge reopens", "The bridge reopened.", "https://news.example/bridge?utm_source=rss")
	text := art("z/bridge.txt", 0, "Bridge Reopens", "The *bridge* reopened on Thursday after repairs that took eleven weeks.", "")
	other := art("b/other.txt", 0, "Bridge reopens", "A different story under the same headline.", "")

	s := New()
	u := s.Add(entry, other)
	if len(u.Added) != 2 || u.Duplicates != 0 {
		t.Fatalf("first add: %+v", u)
	}
	u = s.Add(text, page)
	// page and entry share a link, page and text a title and words: one article
	if !slices.Equal(paths(u.Added), []string{"a/page.html"}) || !slices.Equal(paths(u.Removed), []string{"feed.xml"}) || u.Duplicates != 1 {
		t.Errorf("second add: added %v removed %v dups %d", paths(u.Added), paths(u.Removed), u.Duplicates)
	}
	if got := paths(s.Articles()); !slices.Equal(got, []string{"b/other.txt", "a/page.html"}) {
		t.Errorf("shown %v", got)
	}
	if s.Len() != 2 || s.Duplicates() != 2 {
		t.Errorf("len %d, duplicates %d", s.Len(), s.Duplicates())
	}
	if s.Article(entry.ID) != entry {
		t.Error("a held-back copy is still found by ID")
	}

	// the shown copy's file goes; with it gone nothing bridges the feed
	// entry (same link) and the text file (same words): both are shown
	u = s.RemoveFile("a/page.html")
	if !slices.Equal(paths(u.Removed), []string{"a/page.html"}) || !slices.Equal(paths(u.Added), []string{"feed.xml", "z/bridge.txt"}) {
		t.Errorf("remove: added %v removed %v", paths(u.Added), paths(u.Removed))
	}
	if got := paths(s.Articles()); !slices.Equal(got, []string{"b/other.txt", "feed.xml", "z/bridge.txt"}) {
		t.Errorf("after remove, shown %v", got)
	}
	if s.Article(page.ID) != nil {
		t.Error("a removed article is still found by ID")
	}
}

// Which copy is shown does not depend on the order files load in.
func TestStoreChoiceIsDeterministic(t *testing.T) {
	mk := func() []*Article {
		var arts []*Article
		for _, p := range []string{"c.txt", "a.txt", "b.txt", "d.md"} {
			arts = append(arts, art(p, 0, "Same story", "Exactly the same words in every copy.", ""))
		}
		arts = append(arts, art("e.html", 0, "Other", "Longer text of another story with more words.", "https://x.example/s"),
			art("f.xml", 0, "Other summary", "Short.", "https://x.example/s"))
		return arts
	}
	var first []string
	for round := range 20 {
		arts := mk()
		rand.New(rand.NewPCG(uint64(round), 1)).Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
		s := New()
		for _, a := range arts { // one at a time, as batches arrive
			s.Add(a)
		}
		got := paths(s.Articles())
		slices.Sort(got)
		if first == nil {
			first = got
			if !slices.Equal(got, []string{"a.txt", "e.html"}) {
				t.Fatalf("shown %v, want a.txt (first in order) and e.html (fullest)", got)
			}
		} else if !slices.Equal(got, first) {
			t.Fatalf("round %d shows %v, round 0 %v", round, got, first)
		}
	}
}

func TestStoreReplaceFile(t *testing.T) {
	s := New()
	s.Add(art("feed.xml", 0, "One", "First entry.", ""), art("feed.xml", 1, "Two", "Second entry.", ""), art("x.txt", 0, "Three", "Third.", ""))
	u := s.ReplaceFile("feed.xml", []*Article{art("feed.xml", 0, "One", "First entry, edited.", "")})
	if len(u.Removed) != 2 || len(u.Added) != 1 || bodyOf(u.Added[0]) != "First entry, edited." {
		t.Errorf("replace: %+v", u)
	}
	if len(u.Gone) != 2 || !slices.Equal(paths(u.Gone), []string{"feed.xml", "feed.xml"}) {
		t.Errorf("replace: gone %v, want the file's two old entries", paths(u.Gone))
	}
	if s.Len() != 2 {
		t.Errorf("len %d after replace, want 2", s.Len())
	}
	// an article shown and hidden within one call is in neither list
	a, b := art("p.txt", 0, "Dup", "Same words here.", ""), art("o.txt", 0, "Dup", "Same words here.", "")
	u = s.Add(a, b)
	if !slices.Equal(paths(u.Added), []string{"o.txt"}) || len(u.Removed) != 0 || u.Duplicates != 1 {
		t.Errorf("add of two copies: added %v removed %v dups %d", paths(u.Added), paths(u.Removed), u.Duplicates)
	}
}

// A slice handed out before a removal is not changed by it.
func TestStoreArticlesSnapshot(t *testing.T) {
	s := New()
	s.Add(art("a.txt", 0, "A", "a words", ""), art("b.txt", 0, "B", "b words", ""))
	snap := s.Articles()
	s.RemoveFile("a.txt")
	if snap[0].Path != "a.txt" || len(snap) != 2 || s.Len() != 1 {
		t.Errorf("snapshot changed: %v, store %v", paths(snap), paths(s.Articles()))
	}
}

// The text is hashed only for articles that share a title with another
// held one; a copy that comes later still finds the first.
func TestStoreHashesOnlySharedTitles(t *testing.T) {
	s := New()
	first, lone := art("a.txt", 0, "Same story", "The same words.", ""), art("b.txt", 0, "Another", "Other words.", "")
	s.Add(first, lone)
	if first.textKey != "" || lone.textKey != "" {
		t.Fatalf("text keys made for unique titles: %q %q", first.textKey, lone.textKey)
	}
	later := art("c.txt", 0, "Same Story", "The *same* words.", "")
	if u := s.Add(later); u.Duplicates != 1 || len(u.Added) != 0 {
		t.Errorf("a later copy: %+v", u)
	}
	if lone.textKey != "" {
		t.Error("the text of an article with a unique title was hashed")
	}
	s.RemoveFile("a.txt")
	if got := paths(s.Articles()); !slices.Equal(got, []string{"b.txt", "c.txt"}) {
		t.Errorf("after the first copy's file went, shown %v", got)
	}
}

// Expect grows the store's tables without losing what they hold.
func TestExpectKeepsWhatIsHeld(t *testing.T) {
	s := New()
	first := s.Add(art("a.txt", 0, "Bridge reopens", "The bridge reopened on Thursday.", ""), art("b.txt", 0, "Bridge reopens", "The bridge reopened on Thursday.", ""))
	s.Expect(100)
	table := reflect.ValueOf(s.byID).Pointer()
	s.Expect(100) // said again: nothing to do
	s.Expect(10)  // less than held: nothing to do
	if reflect.ValueOf(s.byID).Pointer() != table {
		t.Error("Expect made the tables again for a number it was given before")
	}
	s.Add(art("c.txt", 0, "Floods close the school", "Heavy rain closed the school.", ""), art("d.txt", 0, "Bridge reopens", "The bridge reopened on Thursday.", ""))
	if s.Len() != 2 || s.Duplicates() != 2 {
		t.Errorf("%d shown and %d copies, want 2 and 2", s.Len(), s.Duplicates())
	}
	for _, a := range first.Added {
		if s.Article(a.ID) != a || len(s.byPath[a.Path]) != 1 || s.group[a] == nil || len(s.byTitle[foldTitle(a.Title)]) != 3 {
			t.Errorf("%s is lost after Expect", a.Path)
		}
	}
}
