package quotes

import "strings"

// wordSet is one list of words (speech verbs, titles, …): a bit of the
// lexicon's classes.
type wordSet uint32

// lexicon holds every word of every list with the lists it is in, in an
// open-addressing table hashed on a word's length and a few of its bytes.
// A word is looked up once for all its lists, in about a third of the
// instructions of a Go map of strings, which the cues ask millions of times
// when a store loads. A slot packs where the word stands in one string of
// all words and its length, so that the table stays small enough for the
// processor's first cache. It is filled while the package initializes and
// only read after. Most words are short: those of up to shortMax bytes
// stand in a table of their own, their bytes packed in one integer that
// is compared at once.
type lexicon struct {
	short   [shortSize]shortSlot
	slots   [lexSize]uint32 // offset in words << 8 | length; 0 for none
	classes [lexSize]wordSet
	words   string
	sets    wordSet // the last list's bit
}

// shortSlot is a short word, packed, with its lists; key 0 for none.
type shortSlot struct {
	key   uint64
	class wordSet
}

const (
	lexBits   = 12
	lexSize   = 1 << lexBits
	lexMax    = 24 // no listed word is longer
	shortMax  = 7  // the bytes of a short word and its length fill 64 bits
	shortBits = 11
	shortSize = 1 << shortBits
)

// pack is the bytes of a word of up to shortMax bytes and its length in
// one integer, never 0; packFold the same in lower case.
func pack(w string) uint64 {
	k := uint64(len(w)) << 56
	for i := 0; i < len(w); i++ {
		k |= uint64(w[i]) << (8 * i)
	}
	return k
}

func packFold(w string) uint64 {
	k := uint64(len(w)) << 56
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		k |= uint64(c) << (8 * i)
	}
	return k
}

// findShort is the slot of the packed word k, or the empty slot where it would go.
func (l *lexicon) findShort(k uint64) *shortSlot {
	for h := uint32((k * 0x9E3779B97F4A7C15) >> (64 - shortBits)); ; h = (h + 1) & (shortSize - 1) {
		if s := &l.short[h]; s.key == k || s.key == 0 {
			return s
		}
	}
}

var lex lexicon

// newWordSet adds a list of words given as one string, at package init.
func newWordSet(s string) wordSet {
	set := wordSet(1)
	if lex.sets != 0 {
		set = lex.sets << 1
	}
	if set == 0 || set == clsKnown {
		panic("quotes: more word lists than bits")
	}
	lex.sets = set
	words := []byte(lex.words)
	for _, w := range strings.Fields(s) {
		if len(w) > lexMax {
			panic("quotes: listed word too long: " + w)
		}
		if len(w) <= shortMax {
			s := lex.findShort(pack(w))
			s.key = pack(w)
			s.class |= set
			continue
		}
		h := lex.find(w)
		if lex.slots[h] == 0 {
			lex.slots[h] = uint32(len(words))<<8 | uint32(len(w))
			words = append(words, w...)
			lex.words = string(words)
		}
		lex.classes[h] |= set
	}
	return set
}

// find is the slot of w, or the empty slot where it would go.
func (l *lexicon) find(w string) uint32 {
	for h := lexHash(w); ; h = (h + 1) & (lexSize - 1) {
		s := l.slots[h]
		if s == 0 || int(s&0xff) == len(w) && l.words[s>>8:s>>8+s&0xff] == w {
			return h
		}
	}
}

// class is the lists w, in lower case, is in.
func (l *lexicon) class(w string) wordSet {
	if len(w) == 0 || len(w) > lexMax {
		return 0
	}
	if len(w) <= shortMax {
		return l.findShort(pack(w)).class
	}
	return l.classes[l.find(w)]
}

// classFold is the lists w is in, whatever the case of its ASCII letters;
// it folds into a buffer on the stack, where strings.ToLower would allocate.
func (l *lexicon) classFold(w string) wordSet {
	if len(w) == 0 || len(w) > lexMax {
		return 0
	}
	if len(w) <= shortMax {
		return l.findShort(packFold(w)).class
	}
	var b [lexMax]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return l.class(string(b[:len(w)]))
}

func lexHash(w string) uint32 {
	h := uint32(len(w))*0x9E3779B1 ^ (uint32(w[0]) | uint32(w[len(w)-1])<<8 | uint32(w[len(w)/2])<<16 | uint32(w[len(w)*3/4])<<24)
	h *= 0x85EBCA6B
	return h >> (32 - lexBits)
}

// has tells whether w, in lower case, is in the list; hasFold, in any case.
func (s wordSet) has(w string) bool     { return lex.class(w)&s != 0 }
func (s wordSet) hasFold(w string) bool { return lex.classFold(w)&s != 0 }

// in tells whether w is in any of the lists.
func in(w string, sets wordSet) bool { return lex.class(w)&sets != 0 }
