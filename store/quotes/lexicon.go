package quotes

import "strings"

// wordSet is one list of words (speech verbs, titles, …): a bit of the
// lexicon's classes.
type wordSet uint32

// lexicon holds every word of every list with the lists it is in, in an
// open-addressing table hashed on a word's length and a few of its bytes.
// A word is looked up once for all its lists, in about a third of the
// instructions of a Go map of strings, which the cues ask millions of times
// when a store loads. It is filled while the package initializes and only
// read after.
type lexicon struct {
	keys    [lexSize]string
	classes [lexSize]wordSet
	sets    wordSet // the last list's bit
}

const (
	lexBits = 12
	lexSize = 1 << lexBits
	lexMax  = 24 // no listed word is longer
)

var lex lexicon

// newWordSet adds a list of words given as one string, at package init.
func newWordSet(s string) wordSet {
	set := wordSet(1)
	if lex.sets != 0 {
		set = lex.sets << 1
	}
	if set == 0 {
		panic("quotes: more word lists than bits")
	}
	lex.sets = set
	for _, w := range strings.Fields(s) {
		if len(w) > lexMax {
			panic("quotes: listed word too long: " + w)
		}
		h := lexHash(w)
		for lex.keys[h] != "" && lex.keys[h] != w {
			h = (h + 1) & (lexSize - 1)
		}
		lex.keys[h] = w
		lex.classes[h] |= set
	}
	return set
}

// class is the lists w, in lower case, is in.
func (l *lexicon) class(w string) wordSet {
	if len(w) == 0 || len(w) > lexMax {
		return 0
	}
	for h := lexHash(w); ; h = (h + 1) & (lexSize - 1) {
		switch k := l.keys[h]; k {
		case w:
			return l.classes[h]
		case "":
			return 0
		}
	}
}

// classFold is the lists w is in, whatever the case of its ASCII letters;
// it folds into a buffer on the stack, where strings.ToLower would allocate.
func (l *lexicon) classFold(w string) wordSet {
	if len(w) == 0 || len(w) > lexMax {
		return 0
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
