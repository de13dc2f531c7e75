package store

import (
	"encoding/binary"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
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

// hashFolded is the hash of folded words the straightforward way: the
// bytes cut into eight-byte blocks, the last filled out with zeros, mixed
// one after the other.
func hashFolded(b []byte) uint64 {
	var h uint64
	for ; len(b) > 0; b = b[min(8, len(b)):] {
		var block [8]byte
		copy(block[:], b)
		h = mum(binary.LittleEndian.Uint64(block[:])^wyp0, h^wyp1)
	}
	return mum(h^wyp2, wyp3)
}

// hashRef is hashWords the slow way: the folded words built, then hashed.
// hashWords must equal it on every text.
func hashRef(s string) uint64 { return hashFolded(foldWords(nil, s)) }

func TestHashWordsIsHashOfFoldWords(t *testing.T) {
	for _, s := range []string{"", "The Cat sat.", "see [the report](https://x.example/a-b) and <https://x.example/y> end",
		"Ünïcödé WORDS, 123 and ΑΒΓ δ", "a](unclosed", "<http no close", "](x)](y", "<https://a>b<http://", "x\xffy",
		"[a link](over\ntwo lines) and more", strings.Repeat("Word, “quoted” — dash. ", 300)} {
		if got, want := hashWords(s), hashRef(s); got != want {
			t.Errorf("hashWords(%q) = %x, want %x", s, got, want)
		}
	}
}

func FuzzHashWords(f *testing.F) {
	f.Add("The [x](y) <http://z> Ü")
	f.Add("](](](")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hashWords(s), hashRef(s); got != want {
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

// wordPieces are what random texts are made of: letters and digits of both
// cases, runs long and short, separators, the markup that is skipped (whole,
// cut short, unclosed), letters and punctuation outside ASCII, bytes that
// are not UTF-8.
var wordPieces = []string{
	"a", "Z", "9", "the", "Council", "ABCDEFGHIJ", "x1y2z3w4v5", "supercalifragilistic",
	" ", "  ", "\n", "\t", ",", ". ", "-", "'", "/", "\x00", "\x7f", "@", "[", "`", "{", "}", "_", "\\", "^", "|", "~", ":", "?",
	"](", ")", "](x)", "](https://a.example/b)", "]", "(", "<", ">", "<http", "<http://", "<https://", "<http://a.example/>", "<https://b>",
	"é", "É", "ß", "İ", "ǅ", "Ω", "δ", "ж", "中文", "²", "½", "ª", "µ", "\u00a0", "\u200b", "\u2028",
	"’", "“", "”", "—", "…", "\u203f", "\u2070", "\u2160", "🙂",
	"\xe2", "\xe2\x80", "\xe2\x80\x41", "\xc3", "\xff", "\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
}

func randomText(rng *rand.Rand) string {
	var b strings.Builder
	for n := rng.IntN(40); n > 0; n-- {
		b.WriteString(wordPieces[rng.IntN(len(wordPieces))])
	}
	return b.String()
}

// The fast hash equals the hash of the built words on random texts, and on
// every prefix and suffix of some, so every way a run meets the end of the
// text is tried.
func TestHashWordsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	seen := map[uint64]string{} // and texts of other words hash apart
	for range 20000 {
		s := randomText(rng)
		got, want := hashWords(s), hashRef(s)
		if got != want {
			t.Fatalf("hashWords(%q) = %x, want %x", s, got, want)
		}
		folded := string(foldWords(nil, s))
		if other, ok := seen[got]; ok && other != folded {
			t.Fatalf("%q and %q hash alike", other, folded)
		}
		seen[got] = folded
	}
	for range 500 {
		s := randomText(rng) + randomText(rng) + randomText(rng)
		for i := range len(s) + 1 {
			for _, p := range []string{s[:i], s[i:]} {
				if got, want := hashWords(p), hashRef(p); got != want {
					t.Fatalf("hashWords(%q) = %x, want %x", p, got, want)
				}
			}
		}
	}
}

// The same on every string of the fuzz corpora under testdata/fuzz (all
// the targets', not only FuzzHashWords': texts found to be hard for the
// other parsers are hard texts here too), whole and at every start.
func TestHashWordsFuzzCorpora(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
	if err != nil || len(files) == 0 {
		t.Skip("no fuzz corpora", err)
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			lit, ok := strings.CutPrefix(line, "string(")
			if !ok {
				lit, ok = strings.CutPrefix(line, "[]byte(")
			}
			lit, ok2 := strings.CutSuffix(lit, ")")
			if !ok || !ok2 {
				continue
			}
			s, err := strconv.Unquote(lit)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			n++
			for i := range len(s) + 1 {
				if got, want := hashWords(s[i:]), hashRef(s[i:]); got != want {
					t.Fatalf("%s: hashWords(%q) = %x, want %x", f, s[i:], got, want)
				}
			}
		}
	}
	t.Logf("%d strings from %d files", n, len(files))
}

// The same on real files as they are on disk (text, markdown, pages,
// feeds), whole and cut at a few places: a sample of ../shared/corpora,
// every file with -corpus. Skipped without the corpora.
func TestHashWordsCorpus(t *testing.T) {
	dir := sharedDir(t, "corpora")
	n, bytes := 0, 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		if !*fullCorpus && n%7 != 0 {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		s := string(data)
		bytes += len(s)
		for _, p := range []string{s, s[min(len(s), 1):], s[min(len(s), 5):], s[:len(s)/2], s[:max(0, len(s)-3)]} {
			if got, want := hashWords(p), hashRef(p); got != want {
				t.Fatalf("%s (%d of %d bytes): hashWords = %x, want %x", path, len(p), len(s), got, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files, %d bytes checked", n, bytes)
}

// BenchmarkHashWords hashes the body of every BBC article once, as finding
// duplicates would if every title were shared: go test ./store -run XXX -bench HashWords
func BenchmarkHashWords(b *testing.B) {
	dir := sharedDir(b, "corpora", "bbc")
	arts, errs := LoadAll(b.Context(), Source{Paths: []string{dir}})
	if len(arts) == 0 {
		b.Skipf("no articles under %s (%d errors)", dir, len(errs))
	}
	var n int64
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = bodyOf(a)
		n += int64(len(texts[i]))
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, t := range texts {
			hashWords(t)
		}
	}
}
