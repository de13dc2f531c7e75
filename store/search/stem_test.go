package search

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"

	"newsreader/internal/testcorpus"
)

// stemCases are words that take the algorithm's rarer paths.
var stemCases = []string{
	"", "a", "ab", "abc", "'", "''", "'''", "'a", "''ab", "a'", "ab's", "abc's'", "y'all", "yyy", "yay", "sky's",
	"skis", "skies", "dying", "news", "innings", "proceeding", "succeeded", "generously", "communism",
	"arsenal", "generate", "commune", "ties", "cries", "pies", "dies", "caresses", "gas", "this", "gaps",
	"kiwis", "bleed", "agreed", "agreedly", "feed", "luxuriating", "hopping", "hoping", "filing", "failing",
	"cry", "by", "say", "crying", "sky", "happy", "enjoy", "youth", "yelling", "eying", "ygg", "ayyy",
	"conditional", "rational", "valency", "hesitancy", "digitizer", "conformabli", "radicalli",
	"differentli", "vileli", "analogousli", "vietnamization", "predication", "operator", "feudalism",
	"decisiveness", "hopefulness", "callousness", "formaliti", "sensitiviti", "sensibiliti", "fluentli",
	"careful", "lessli", "carefulli", "archaeology", "geology", "logi", "ogi", "triplicate", "formative",
	"formalize", "electriciti", "electrical", "hopeful", "goodness", "revival", "allowance", "inference",
	"airliner", "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment",
	"dependent", "adoption", "communion", "activate", "angulariti", "homologous", "effective", "bowdlerize",
	"probate", "rate", "cease", "controll", "roll", "fall", "feel", "mississippi", "don't", "won't",
	"o'brien", "rock'n'roll", "abl", "ment", "ement", "ization", "tional", "ied", "ies", "sses", "ss", "us",
	"eed", "eedly", "ingly", "edly", "ing", "ed", "bled", "sized", "hoped", "tapped", "fizzed", "boxed",
	"snowed", "fixing", "mixed", "played", "yelled", "bbbb", "aeiou", "yyyyyy", "quickly", "quietly",
}

func TestStem(t *testing.T) {
	check := func(w string) {
		t.Helper()
		if got, want := porter2(w), english.Stem(w, true); got != want {
			t.Errorf("porter2(%q) = %q, snowball %q", w, got, want)
		}
	}
	for _, w := range stemCases {
		check(w)
	}
	// made-up words: syllables, then the suffixes the steps look for
	rng := rand.New(rand.NewPCG(5, 6))
	parts := []string{"a", "e", "i", "o", "u", "y", "b", "c", "d", "l", "n", "r", "s", "t", "w", "x", "z", "'",
		"gener", "commun", "arsen", "bl", "at", "iz", "ee", "ll", "tt", "ss", "ie", "ye", "ay", "oy"}
	ends := []string{"y", "e", "l"}
	for _, t := range []*suffixes{step0Suffixes, step1aSuffixes, step1bSuffixes, step1bEndings, step2Suffixes, step3Suffixes, step4Suffixes} {
		for _, list := range t {
			ends = append(ends, list...)
		}
	}
	n := 200000
	if testing.Short() || raceEnabled {
		n = 20000
	}
	for range n {
		var b strings.Builder
		for range rng.IntN(5) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		for range rng.IntN(3) {
			b.WriteString(ends[rng.IntN(len(ends))])
		}
		check(b.String())
	}
}

// TestStemCorpora compares the stems of every word of the shared corpora.
func TestStemCorpora(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("long")
	}
	dir := filepath.Join(testcorpus.Shared(t), "corpora")
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, w := range Fold(string(data)) {
			if !seen[w] {
				seen[w] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for w := range seen {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz'") != "" {
			continue // stem leaves such words as they are
		}
		checked++
		if got, want := porter2(w), english.Stem(w, true); got != want {
			t.Errorf("porter2(%q) = %q, snowball %q", w, got, want)
		}
	}
	t.Logf("%d words", checked)
	if checked < 10000 {
		t.Errorf("only %d words checked", checked)
	}
}

func FuzzStem(f *testing.F) {
	for _, w := range stemCases {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// the alphabet stem hands to porter2
		b := []byte(s)
		for i, c := range b {
			b[i] = "abcdefghijklmnopqrstuvwxyz'ey"[int(c)%29]
		}
		w := string(b[:min(len(b), maxTermLen)])
		if got, want := porter2(w), english.Stem(w, true); got != want {
			t.Errorf("porter2(%q) = %q, snowball %q", w, got, want)
		}
	})
}

func BenchmarkStem(b *testing.B) {
	for range b.N {
		for _, w := range stemCases {
			stem(w)
		}
	}
}
