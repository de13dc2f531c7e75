package store

import (
	"regexp"
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
