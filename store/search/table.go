package search

import (
	"encoding/binary"
	"math/rand/v2"
)

// termTable maps folded words to term IDs. It is a Go map made for this
// one job: the index looks up every word of every article, and a
// map[string]uint32 of 100,000 words costs two cache misses a lookup (the
// bucket, then the key's bytes elsewhere on the heap). Here a slot keeps
// the hash, the length and the first 8 bytes of its word, so a lookup of a
// word up to 8 bytes, most English words, reads one slot.
type termTable struct {
	seed  uint64
	slots []termSlot // a power of two, at most half full
	n     int
}

type termSlot struct {
	head uint64 // the first 8 bytes of the word, zero-padded
	tag  uint32 // the hash's high bits and the word's length (up to 255)
	id   uint32 // term ID + 1; 0 is an empty slot
}

func newTermTable() termTable {
	return termTable{seed: rand.Uint64(), slots: make([]termSlot, 1024)}
}

func wordHead(w []byte) uint64 {
	if len(w) >= 8 {
		return binary.LittleEndian.Uint64(w)
	}
	var h uint64
	for i := len(w) - 1; i >= 0; i-- {
		h = h<<8 | uint64(w[i])
	}
	return h
}

// key is what a lookup of w compares: its hash, its tag, its head and,
// for a word longer than 8 bytes, its next 8 bytes.
type key struct {
	hash uint64
	tag  uint32
	head uint64
	tail uint64
}

// keyOf hashes w a word (8 bytes) at a time: words are short, and a call
// to hash/maphash cost more than the whole hash.
func (t *termTable) keyOf(w []byte) key { return t.key(w, wordHead(w)) }

// key is keyOf for a caller that has w's head already.
func (t *termTable) key(w []byte, head uint64) key {
	h := (t.seed ^ uint64(len(w))*0x9e3779b97f4a7c15 ^ head) * 0xbf58476d1ce4e5b9
	var tail uint64
	if len(w) > 8 {
		tail = wordHead(w[8:])
		h ^= h >> 31
		h = (h ^ tail) * 0xbf58476d1ce4e5b9
		for rest := w[min(16, len(w)):]; len(rest) > 0; rest = rest[min(8, len(rest)):] {
			h ^= h >> 31
			h = (h ^ wordHead(rest)) * 0xbf58476d1ce4e5b9
		}
	}
	h ^= h >> 29
	return key{hash: h, tag: uint32(h>>32)&^0xff | uint32(min(len(w), 255)), head: head, tail: tail}
}

// headAt is wordHead(b[start:end]) for a b with 8 bytes to read from start.
func headAt(b []byte, start, end int) uint64 {
	v := binary.LittleEndian.Uint64(b[start:])
	if n := end - start; n < 8 {
		v &= 1<<(8*n) - 1
	}
	return v
}

// longSame reports whether w, longer than 8 bytes, is term id, which has
// the same length: terms are the words by ID and tails their bytes 8 to 16,
// so most words need not be read.
func longSame(w []byte, k key, id uint32, terms []string, tails []uint64) bool {
	return tails[id] == k.tail && (len(w) <= 16 || terms[id][16:] == string(w[16:]))
}

// wordTail is what key.tail is for w.
func wordTail(w string) uint64 {
	if len(w) <= 8 {
		return 0
	}
	return wordHead([]byte(w[8:min(16, len(w))]))
}

// find returns the slot holding w, or the empty slot where it would go.
func (t *termTable) find(w []byte, k key, terms []string, tails []uint64) *termSlot {
	mask := uint64(len(t.slots) - 1)
	for i := k.hash & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.id == 0 {
			return s
		}
		if s.tag == k.tag && s.head == k.head && (len(w) <= 8 || longSame(w, k, s.id-1, terms, tails)) {
			return s
		}
	}
}

// get returns w's term ID.
func (t *termTable) get(w []byte, k key, terms []string, tails []uint64) (uint32, bool) {
	s := t.find(w, k, terms, tails)
	return s.id - 1, s.id != 0
}

// put adds w as term id, which must not be there yet.
func (t *termTable) put(w []byte, id uint32, terms []string, tails []uint64) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]termSlot, 2*len(old))
		for _, s := range old {
			if s.id != 0 {
				w := []byte(terms[s.id-1])
				*t.find(w, t.keyOf(w), terms, tails) = s
			}
		}
	}
	k := t.keyOf(w)
	*t.find(w, k, terms, tails) = termSlot{head: k.head, tag: k.tag, id: id + 1}
	t.n++
}

// wordCache remembers the IDs of the words an Add looked up lately: the
// commonest words are most of a text, and the cache stays in the
// processor's cache where the table does not.
type wordCache [8192]termSlot

func (c *wordCache) get(w []byte, k key, terms []string, tails []uint64) (uint32, bool) {
	s := &c[k.hash>>51]
	if s.id == 0 || s.tag != k.tag || s.head != k.head || len(w) > 8 && !longSame(w, k, s.id-1, terms, tails) {
		return 0, false
	}
	return s.id - 1, true
}

func (c *wordCache) put(k key, id uint32) {
	c[k.hash>>51] = termSlot{head: k.head, tag: k.tag, id: id + 1}
}
