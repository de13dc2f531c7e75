package search

import "github.com/kljensen/snowball/english"

// porter2 is the Porter2 (Snowball English) stem of a word of the letters
// a to z and apostrophes: exactly what github.com/kljensen/snowball's
// english.Stem(word, true) returns (MIT licence), whose steps it follows
// one by one, on bytes rather than runes and without allocating but for
// the result. The library converts every suffix it tries to runes, and
// stemming every new word of a load took a tenth of indexing. TestStem
// compares the two on every word of the corpora and on made-up words.
func porter2(word string) string {
	if len(word) <= 2 {
		return word
	}
	if s := specialStem(word); s != "" {
		return s
	}
	var w stemWord
	if len(word) > len(w.buf)-2 { // longer than any term: the steps add 2 bytes at most
		return english.Stem(word, true)
	}
	w.n = copy(w.buf[:], word)
	w.preprocess()
	w.step0()
	w.step1a()
	w.step1b()
	w.step1c()
	w.step2()
	w.step3()
	w.step4()
	w.step5()
	b := w.buf[:w.n]
	for i, c := range b {
		if c == 'Y' {
			b[i] = 'y'
		}
	}
	if string(b) == word {
		return word
	}
	return string(b)
}

// stemWord is a word being stemmed, with the starts of its regions R1 and
// R2; a 'Y' is a y that is a consonant. The word is buf[:n], and no
// slice of buf is kept, so that it stays on the stack.
type stemWord struct {
	buf       [maxTermLen + 8]byte
	n, r1, r2 int
}

func isStemVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// suffixes is a list of suffixes to try in order, by their last byte.
type suffixes [256][]string

func suffixList(list ...string) *suffixes {
	var t suffixes
	for _, s := range list {
		t[s[len(s)-1]] = append(t[s[len(s)-1]], s)
	}
	return &t
}

var (
	step0Suffixes  = suffixList("'s'", "'s", "'")
	step1aSuffixes = suffixList("sses", "ied", "ies", "us", "ss", "s")
	step1bSuffixes = suffixList("eedly", "ingly", "edly", "ing", "eed", "ed")
	step1bEndings  = suffixList("at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
	step2Suffixes  = suffixList(step2List...)
	step3Suffixes  = suffixList(step3List...)
	step4Suffixes  = suffixList(step4List...)
)

// suffix is the first of the list that the word ends with, "" for none.
func (w *stemWord) suffix(t *suffixes) string {
	n := w.n
	if n == 0 {
		return ""
	}
	for _, s := range t[w.buf[n-1]] {
		if len(s) <= n && string(w.buf[n-len(s):n]) == s {
			return s
		}
	}
	return ""
}

// replace puts repl in place of the last n bytes.
func (w *stemWord) replace(n int, repl string) {
	w.n -= n
	w.n += copy(w.buf[w.n:], repl)
	w.r1, w.r2 = min(w.r1, w.n), min(w.r2, w.n)
}

// vnv is where the region after the first non-vowel following a vowel
// from start begins, the end of the word when there is none.
func (w *stemWord) vnv(start int) int {
	b := w.buf[:w.n]
	for j := start + 1; j < len(b); j++ {
		if isStemVowel(b[j-1]) && !isStemVowel(b[j]) {
			return j + 1
		}
	}
	return len(b)
}

func (w *stemWord) preprocess() {
	// the library trims the leading apostrophes, all but the last when
	// the word is nothing else
	n := 0
	for n < w.n-1 && w.buf[n] == '\'' {
		n++
	}
	w.n = copy(w.buf[:], w.buf[n:w.n])
	b := w.buf[:w.n]
	for i, c := range b {
		if c == 'y' && (i == 0 || isStemVowel(b[i-1])) {
			b[i] = 'Y'
		}
	}
	w.r1 = -1
	for _, p := range [...]string{"gener", "commun", "arsen"} {
		if len(p) <= len(b) && string(b[:len(p)]) == p {
			w.r1 = len(p)
			break
		}
	}
	if w.r1 < 0 {
		w.r1 = w.vnv(0)
	}
	w.r2 = w.vnv(w.r1)
}

func (w *stemWord) step0() {
	if s := w.suffix(step0Suffixes); s != "" {
		w.replace(len(s), "")
	}
}

func (w *stemWord) step1a() {
	switch s := w.suffix(step1aSuffixes); s {
	case "sses":
		w.replace(4, "ss")
	case "ies", "ied":
		if w.n > 4 {
			w.replace(3, "i")
		} else {
			w.replace(3, "ie")
		}
	case "s":
		for i := 0; i < w.n-2; i++ {
			if isStemVowel(w.buf[i]) {
				w.replace(1, "")
				return
			}
		}
	}
}

// endsShortSyllable: b[:i] ends in a vowel followed by a non-vowel other
// than w, x or Y and preceded by a non-vowel, or is a vowel and a non-vowel.
func (w *stemWord) endsShortSyllable(i int) bool {
	switch {
	case i == 2:
		return isStemVowel(w.buf[0]) && !isStemVowel(w.buf[1])
	case i >= 3:
		s1, s2, s3 := w.buf[i-1], w.buf[i-2], w.buf[i-3]
		return !isStemVowel(s1) && s1 != 'w' && s1 != 'x' && s1 != 'Y' && isStemVowel(s2) && !isStemVowel(s3)
	}
	return false
}

func (w *stemWord) isShort() bool {
	return w.r1 >= w.n && w.endsShortSyllable(w.n)
}

func (w *stemWord) step1b() {
	s := w.suffix(step1bSuffixes)
	switch s {
	case "":
		return
	case "eed", "eedly":
		if len(s) <= w.n-w.r1 {
			w.replace(len(s), "ee")
		}
		return
	}
	vowel := false
	for _, c := range w.buf[:w.n-len(s)] {
		if isStemVowel(c) {
			vowel = true
			break
		}
	}
	if !vowel {
		return
	}
	r1, r2 := w.r1, w.r2
	w.replace(len(s), "")
	switch w.suffix(step1bEndings) {
	case "":
		if w.isShort() {
			w.replace(0, "e")
			w.r1, w.r2 = w.n, w.n
			return
		}
	case "at", "bl", "iz":
		w.replace(0, "e")
	default:
		w.replace(1, "")
	}
	w.r1, w.r2 = min(r1, w.n), min(r2, w.n)
}

func (w *stemWord) step1c() {
	n := w.n
	if n > 2 && (w.buf[n-1] == 'y' || w.buf[n-1] == 'Y') && !isStemVowel(w.buf[n-2]) {
		w.buf[n-1] = 'i'
	}
}

var step2List = []string{
	"ational", "fulness", "iveness", "ization", "ousness",
	"biliti", "lessli", "tional", "alism", "aliti", "ation",
	"entli", "fulli", "iviti", "ousli", "anci", "abli",
	"alli", "ator", "enci", "izer", "bli", "ogi", "li",
}

func (w *stemWord) step2() {
	s := w.suffix(step2Suffixes)
	if s == "" || len(s) > w.n-w.r1 {
		return
	}
	n := w.n
	var repl string
	switch s {
	case "li":
		if n >= 3 {
			switch w.buf[n-3] {
			case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
				w.replace(2, "")
			}
		}
		return
	case "ogi":
		if n >= 4 && w.buf[n-4] == 'l' {
			w.replace(3, "og")
		}
		return
	case "tional":
		repl = "tion"
	case "enci":
		repl = "ence"
	case "anci":
		repl = "ance"
	case "abli":
		repl = "able"
	case "entli":
		repl = "ent"
	case "izer", "ization":
		repl = "ize"
	case "ational", "ation", "ator":
		repl = "ate"
	case "alism", "aliti", "alli":
		repl = "al"
	case "fulness":
		repl = "ful"
	case "ousli", "ousness":
		repl = "ous"
	case "iveness", "iviti":
		repl = "ive"
	case "biliti", "bli":
		repl = "ble"
	case "fulli":
		repl = "ful"
	case "lessli":
		repl = "less"
	}
	w.replace(len(s), repl)
}

var step3List = []string{"ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness"}

func (w *stemWord) step3() {
	s := w.suffix(step3Suffixes)
	if s == "" || len(s) > w.n-w.r1 {
		return
	}
	var repl string
	switch s {
	case "ative":
		if w.n-w.r2 >= 5 {
			w.replace(5, "")
		}
		return
	case "ational":
		repl = "ate"
	case "tional":
		repl = "tion"
	case "alize":
		repl = "al"
	case "icate", "iciti", "ical":
		repl = "ic"
	}
	w.replace(len(s), repl)
}

var step4List = []string{
	"ement", "ance", "ence", "able", "ible", "ment",
	"ent", "ant", "ism", "ate", "iti", "ous", "ive",
	"ize", "ion", "al", "er", "ic",
}

func (w *stemWord) step4() {
	s := w.suffix(step4Suffixes)
	if s == "" || len(s) > w.n-w.r2 {
		return
	}
	if s == "ion" {
		if n := w.n; n >= 4 && (w.buf[n-4] == 's' || w.buf[n-4] == 't') {
			w.replace(3, "")
		}
		return
	}
	w.replace(len(s), "")
}

func (w *stemWord) step5() {
	last := w.n - 1
	if w.r1 > last {
		return
	}
	switch {
	case w.buf[last] == 'e':
		if w.r2 <= last || !w.endsShortSyllable(last) {
			w.replace(1, "")
		}
	case w.r2 <= last && w.buf[last] == 'l' && last >= 1 && w.buf[last-1] == 'l':
		w.replace(1, "")
	}
}

// specialStem is the stem of the words the algorithm leaves to a list, ""
// for the others.
func specialStem(word string) string {
	switch word {
	case "skis":
		return "ski"
	case "skies":
		return "sky"
	case "dying":
		return "die"
	case "lying":
		return "lie"
	case "tying":
		return "tie"
	case "idly":
		return "idl"
	case "gently":
		return "gentl"
	case "ugly":
		return "ugli"
	case "early":
		return "earli"
	case "only":
		return "onli"
	case "singly":
		return "singl"
	case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes", "inning", "outing", "canning",
		"herring", "earring", "proceed", "exceed", "succeed":
		return word
	case "innings":
		return "inning"
	case "outings":
		return "outing"
	case "cannings":
		return "canning"
	case "herrings":
		return "herring"
	case "earrings":
		return "earring"
	case "proceeds", "proceeded", "proceeding":
		return "proceed"
	case "exceeds", "exceeded", "exceeding":
		return "exceed"
	case "succeeds", "succeeded", "succeeding":
		return "succeed"
	}
	return ""
}
