package search

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestRoomReusesBlocks grows many posting lists at random, as Add does:
// each keeps its bytes though the blocks they leave are taken by others,
// and the slabs hold less than twice what the lists need.
func TestRoomReusesBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var b builder
	lists := make([]termPostings, 3000)
	want := make([][]byte, len(lists))
	for range 200000 {
		i := int(rng.ExpFloat64()*300) % len(lists) // some lists grow much more than others
		tp := &lists[i]
		n := 1 + rng.IntN(40)
		if rng.IntN(50) == 0 {
			n += rng.IntN(3000)
		}
		b.room(tp, n)
		if tp.size()-int(tp.n) < n {
			t.Fatalf("room for %d: %d left", n, tp.size()-int(tp.n))
		}
		room := b.slabs[tp.slab][tp.off : int(tp.off)+tp.size()]
		for range n {
			c := byte(rng.Uint32())
			room[tp.n] = c
			tp.n++
			want[i] = append(want[i], c)
		}
	}
	used, held := 0, 0
	for i := range lists {
		if !bytes.Equal(b.list(&lists[i]), want[i]) {
			t.Fatalf("list %d changed", i)
		}
		used += int(lists[i].n)
		held += lists[i].size()
	}
	for class, f := range b.free {
		held += len(f) << class
	}
	slabs := 0
	for _, s := range b.slabs {
		slabs += len(s)
	}
	if slabs > 2*used || held+len(b.slabs[len(b.slabs)-1])-b.used != slabs {
		t.Errorf("lists of %d bytes hold %d in blocks, %d in all, of %d in slabs", used, held, held+len(b.slabs[len(b.slabs)-1])-b.used, slabs)
	}
}

// TestCompactJumps: the skips and entry tables compact writes are those a
// cursor finds walking each term's postings.
func TestCompactJumps(t *testing.T) {
	texts := []string{talks, oil, vote}
	x := New()
	x.segmentDocs = 1 << 20
	for i := range 1500 {
		text := strings.Replace(texts[i%3], "\n\n", fmt.Sprintf(" %d word%d\n\n", i, i%13), 1)
		switch {
		case i >= 640 && i < 704:
			text += strings.Repeat(" the", 1100) // entries too long for "the" to keep where each is
		case i%7 == 0:
			text += strings.Repeat(" the prime minister", 200+i%300) // long entries
		}
		x.Add(article(t, fmt.Sprintf("j%04d.txt", i), text))
	}
	x.mu.RLock()
	b := x.open[0]
	x.mu.RUnlock()
	s := b.compact()
	if len(s.atTerms) == 0 || len(s.skipTerms) == 0 {
		t.Fatalf("%d terms with entry tables, %d with skips: the test checks little", len(s.atTerms), len(s.skipTerms))
	}

	var skipTerms, skipOff, atTerms []uint32
	var skips []skip
	var at []entries
	dropped := 0 // terms in most articles without a table
	for i := range s.terms {
		data := s.data[s.off[i]:s.off[i+1]]
		c := newCursor(data, jumps{})
		var docs []uint32
		var offs []uint32
		for n := 0; ; n++ {
			if c.posLeft > 0 {
				c.skipPositions()
			}
			off, next := len(data)-len(c.data), c.next
			if !c.advance() {
				break
			}
			if n > 0 && n%skipEvery == 0 {
				skips = append(skips, skip{next: next, off: uint32(off)})
			}
			docs, offs = append(docs, c.doc), append(offs, uint32(off))
		}
		if len(docs) < 2*skipEvery { // no skips for this term
			skips = skips[:len(skips)-max(0, (len(docs)-1)/skipEvery)]
			continue
		}
		skipTerms = append(skipTerms, uint32(i))
		skipOff = append(skipOff, uint32(len(skips)-(len(docs)-1)/skipEvery))
		if float64(len(docs)) < atShare*float64(len(s.docs)) {
			continue
		}
		e := entries{base: make([]uint32, (len(s.docs)+63)/64), rel: make([]uint16, len(s.docs))}
		for k := range e.base {
			e.base[k] = math.MaxUint32
		}
		ok := true
		for k, d := range docs {
			if e.base[d/64] == math.MaxUint32 {
				e.base[d/64] = offs[k]
			}
			if offs[k]-e.base[d/64]+1 > math.MaxUint16 {
				ok = false
				break
			}
			e.rel[d] = uint16(offs[k]-e.base[d/64]) + 1
		}
		if ok {
			atTerms, at = append(atTerms, uint32(i)), append(at, e)
		} else {
			dropped++
		}
	}
	skipOff = append(skipOff, uint32(len(skips)))
	if dropped == 0 {
		t.Error("every term in most articles has its table: the test checks little")
	}
	if !slices.Equal(s.skipTerms, skipTerms) || !slices.Equal(s.skipOff, skipOff) || !slices.Equal(s.skips, skips) {
		t.Errorf("skips differ: %d terms, %d skips; a cursor finds %d terms, %d skips", len(s.skipTerms), len(s.skips), len(skipTerms), len(skips))
	}
	if !slices.Equal(s.atTerms, atTerms) || !reflect.DeepEqual(s.at, at) {
		t.Errorf("entry tables differ: for %v; a cursor finds them for %v", s.atTerms, atTerms)
	}
}

// TestGoneNotFound: an article marked gone in a sealed segment is neither
// a hit nor counted in the total, whatever the clause that would match it.
func TestGoneNotFound(t *testing.T) {
	x := indexOf(t, talks, oil, vote)
	x.Compact()
	x.sealed[0].gone = []uint64{1} // a0.txt, talks
	x.gone = 1
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"negotiations", []string{"a2.txt"}},
		{`"the two sides"`, nil},
		{"speaker:putin", nil},
		{"speaker:blair", []string{"a1.txt"}},
		{"-geneva said", []string{"a1.txt", "a2.txt"}},
		{"negot*", []string{"a2.txt"}},
	} {
		r := x.Search(tt.query, 0)
		if got := found(r); !sameSet(got, tt.want) || r.Total != len(tt.want) {
			t.Errorf("%q found %v (total %d), want %v", tt.query, got, r.Total, tt.want)
		}
	}
	if x.Len() != 2 {
		t.Errorf("Len = %d, want 2", x.Len())
	}
}
