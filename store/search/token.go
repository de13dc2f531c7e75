package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxTermLen caps a folded term: longer runs (URLs, garbage) are cut, the
// same way in the text and in the query, so they still match each other.
const maxTermLen = 64

// tokenizer walks the words of a text. A word is a run of letters and
// digits; an apostrophe between letters stays inside it ("don't"), as does
// a point or comma between digits ("1.13bn", "11,000"). A final "'s" is
// left out of the word, so "Blair's" is the word "Blair".
//
// The state is kept in numbers rather than slices where it changes each
// word: a pointer written while the garbage collector marks costs a write
// barrier, and loading writes many words while it allocates.
type tokenizer struct {
	text string
	pos  int
	buf  []byte // buf[:n] holds the folded words read so far, one after the other
	n    int
	// the current word: its bytes in text, and its folded form buf[from:n]
	Start, End int
	from       int
}

func newTokenizer(text string) tokenizer { return tokenizer{text: text} }

// newTokenizerAfter reads text, adding its folded words after those of
// folded, which it may reuse.
func newTokenizerAfter(text string, folded []byte) tokenizer {
	return tokenizer{text: text, buf: folded, n: len(folded)}
}

// term is the current word, folded.
func (t *tokenizer) term() []byte { return t.buf[t.from:t.n] }

// folded is every word read so far, folded.
func (t *tokenizer) folded() []byte { return t.buf[:t.n] }

// next moves to the next word; false at the end of the text.
func (t *tokenizer) next() bool {
	for t.scan() {
		if t.n > t.from { // a run of accents alone folds to nothing
			return true
		}
	}
	return false
}

func (t *tokenizer) scan() bool {
	s := t.text
	i := t.pos
	// skip to the start of a word
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	if i >= len(s) {
		t.pos = i
		return false
	}
	t.Start = i
	if end, n, ok := t.asciiWord(i); ok {
		t.pos, t.End, t.n, t.from = end, end, n, t.n
		return true
	}
	b, mark := t.buf[:t.n], t.n
	end := i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				// a run of ASCII letters and digits, folded as it is read
				if cap(b)-len(b) < len(s)-i {
					b = slices.Grow(b, len(s)-i)
				}
				k, room := len(b), b[:cap(b)]
				for i < len(s) {
					c := s[i]
					if c >= utf8.RuneSelf || !asciiWord[c] {
						break
					}
					room[k] = asciiFold[c]
					k++
					i++
				}
				b, end = room[:k], i
				continue
			}
			if (c == '.' || c == ',') && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1]) {
				b = append(b, c)
				i++
				continue
			}
			if c == '\'' && wordAfter(s, i+1) {
				b = appendApostrophe(b, mark)
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isApostrophe(r) && wordAfter(s, i+n) {
			b = appendApostrophe(b, mark)
			i += n
			continue
		}
		if !isWordRune(r) {
			break
		}
		b = appendFolded(b, r)
		i += n
		end = i
	}
	t.pos = i
	t.End = end
	// an apostrophe before letters that fold to nothing ends no word, nor hides a possessive
	for k := len(b); k > mark && b[k-1] == '\''; k-- {
		b = b[:k-1]
	}
	// the possessive: "Blair's" is "Blair"
	for k := len(b); k-mark > 2 && b[k-1] == 's' && b[k-2] == '\''; k -= 2 {
		b = b[:k-2]
		t.End = possessiveStart(s, t.Start, t.End)
	}
	if len(b)-mark > maxTermLen {
		b = b[:mark+cutLen(b[mark:])]
	}
	// an apostrophe before a lone accent, or a cut, must not end the word
	for k := len(b); k > mark && (b[k-1] == '\'' || b[k-1] == '.' || b[k-1] == ','); k-- {
		b = b[:k-1]
	}
	if cap(b) != cap(t.buf) {
		t.buf = b
	}
	t.n, t.from = len(b), mark
	return true
}

// asciiWord reads the common word, ASCII letters and digits ended by a
// byte that cannot go on with it, folding it 8 bytes at a time after
// buf[:n]: it returns where the word ends in text and in buf. ok is false
// for any other word, and near the end of text or of buf's room, which
// scan reads byte by byte.
func (t *tokenizer) asciiWord(i int) (end, n int, ok bool) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	s, k := t.text, t.n
	room := t.buf[:cap(t.buf)]
	for {
		if len(s)-i < 8 || len(room)-k < 8 {
			return 0, 0, false
		}
		v := load64(s, i)
		hi := v & highs
		v7 := v &^ hi
		digit := (v7 + 0x50*ones) &^ (v7 + 0x46*ones)              // 0x30 to 0x39
		l := v7 | 0x20*ones                                        // upper case to lower
		letter := (l + 0x1f*ones) &^ (l + 0x05*ones) &^ hi & highs // 0x61 to 0x7a
		stop := ^(digit|letter)&highs | hi
		binary.LittleEndian.PutUint64(room[k:], v|letter>>2)
		if stop == 0 {
			i, k = i+8, k+8
			continue
		}
		m := bits.TrailingZeros64(stop) / 8
		i, k = i+m, k+m
		c := s[i]
		if c >= utf8.RuneSelf || c == '\'' || (c == '.' || c == ',') && isDigit(s[i-1]) || k-t.n > maxTermLen {
			return 0, 0, false
		}
		return i, k, true
	}
}

// load64 is the 8 bytes at s[i], little-endian.
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// appendApostrophe keeps one apostrophe between letters, and none first:
// the letters around it may fold to nothing (a lone accent).
func appendApostrophe(b []byte, mark int) []byte {
	if len(b) == mark || b[len(b)-1] == '\'' {
		return b
	}
	return append(b, '\'')
}

// possessiveStart is where the "'s" ending at end begins.
func possessiveStart(s string, start, end int) int {
	if end-start < 2 || s[end-1] != 's' && s[end-1] != 'S' {
		return end
	}
	if r, n := utf8.DecodeLastRuneInString(s[start : end-1]); isApostrophe(r) {
		return end - 1 - n
	}
	return end
}

// cutLen is where a folded term longer than maxTermLen is cut, on a rune boundary.
func cutLen(b []byte) int {
	n := maxTermLen
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ'
}

// wordAfter reports a letter or digit at s[i], so an apostrophe is inside a word.
func wordAfter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if s[i] < utf8.RuneSelf {
		return asciiWord[s[i]]
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

var asciiWord, asciiFold = func() (w [128]bool, f [128]byte) {
	for c := range 128 {
		f[c] = byte(c)
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			w[c] = true
		case c >= 'A' && c <= 'Z':
			w[c] = true
			f[c] = byte(c) + 'a' - 'A'
		}
	}
	return
}()

// latinFold holds the folded form of the runes below 0x530 (Latin, Greek,
// Cyrillic), computed once: the text of most articles needs no more.
var latinFold = func() (t [0x530]string) {
	for r := rune(0x80); r < 0x530; r++ {
		t[r] = foldSlow(r)
	}
	return
}()

// appendFolded appends the folded form of one rune: lower case, accents off.
func appendFolded(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(dst, asciiFold[r])
	}
	if r < rune(len(latinFold)) {
		return append(dst, latinFold[r]...)
	}
	return append(dst, foldSlow(r)...)
}

// letters that do not decompose into a base letter and an accent
var foldSpecial = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l", 'þ': "th", 'Þ': "th", 'ı': "i", 'ð': "d", 'Ð': "d",
	'ς': "σ",
}

// foldSlow lowercases r and drops its accents through the compatibility
// decomposition (so "é" is "e" and the ligature "ﬁ" is "fi").
func foldSlow(r rune) string {
	if s, ok := foldSpecial[r]; ok {
		return s
	}
	var out []byte
	for _, d := range norm.NFKD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		if !isWordRune(d) || isApostrophe(d) {
			continue // a compatibility form with punctuation in it ("½" is "1⁄2", "ŉ" is "ʼn")
		}
		d = unicode.ToLower(d)
		if s, ok := foldSpecial[d]; ok {
			out = append(out, s...)
			continue
		}
		out = utf8.AppendRune(out, d)
	}
	return string(out)
}

// Fold returns the words of s, folded the way the index folds them.
func Fold(s string) []string {
	var out []string
	t := newTokenizer(s)
	for t.next() {
		out = append(out, string(t.term()))
	}
	return out
}
