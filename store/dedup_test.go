package store

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// foldWords is wordsOf in one pass: the same words for any text.
func TestFoldWordsMatchesWordsOf(t *testing.T) {
	for _, s := range []string{"", "The Cat sat.", "see [the report](https://x.example/a-b) and <https://x.example/y> end",
		"Ünïcödé WORDS, 123 and ΑΒΓ δ", "trailing space ", "a](unclosed", "<http no close", "mixed-case İstanbul ǅ", "<http>", "<https://a>b"} {
		got := string(foldWords(nil, s))
		want := strings.Join(wordsOf(s), " ")
		if want != "" {
			want += " "
		}
		if got != want {
			t.Errorf("foldWords(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFoldWords(f *testing.F) {
	f.Add("The [x](y) <http://z> Ü")
	f.Fuzz(func(t *testing.T, s string) {
		got := string(foldWords(nil, s))
		want := strings.Join(wordsOf(s), " ")
		if want != "" {
			want += " "
		}
		if got != want && utf8.ValidString(s) {
			t.Errorf("foldWords(%q) = %q, want %q", s, got, want)
		}
	})
}

// fnvOf is FNV-1a of the folded words, the slow way: what hashWords must equal.
func fnvOf(s string) uint64 {
	h := uint64(fnvOffset)
	for _, b := range foldWords(nil, s) {
		h = (h ^ uint64(b)) * fnvPrime
	}
	return h
}

func TestHashWordsIsHashOfFoldWords(t *testing.T) {
	for _, s := range []string{"", "The Cat sat.", "see [the report](https://x.example/a-b) and <https://x.example/y> end",
		"Ünïcödé WORDS, 123 and ΑΒΓ δ", "a](unclosed", "<http no close", "](x)](y", "<https://a>b<http://", "x\xffy",
		"[a link](over\ntwo lines) and more", strings.Repeat("Word, “quoted” — dash. ", 300)} {
		if got, want := hashWords(s), fnvOf(s); got != want {
			t.Errorf("hashWords(%q) = %x, want %x", s, got, want)
		}
	}
}

func FuzzHashWords(f *testing.F) {
	f.Add("The [x](y) <http://z> Ü")
	f.Add("](](](")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hashWords(s), fnvOf(s); got != want {
			t.Errorf("hashWords(%q) = %x, want %x", s, got, want)
		}
	})
}

// Cutting a body into pieces for hashing never changes the key.
func TestTextKeyPieces(t *testing.T) {
	body := strings.Repeat("Ünïcödé words, [a link](http://x/y) and more. ", 500)
	one := textKey("T", body)
	if one != textKey("t", strings.ToUpper(body)) {
		t.Error("case changes the key")
	}
	if one == textKey("T", body+" extra") {
		t.Error("a different text has the same key")
	}
}

func BenchmarkTextKey(b *testing.B) {
	body := strings.Repeat("The council met on Tuesday, and “nothing was decided,” said Ann Lee. ", 40)
	b.SetBytes(int64(len(body)))
	for i := 0; i < b.N; i++ {
		textKey("A title", body)
	}
}
