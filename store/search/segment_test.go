package search

import (
	"bytes"
	"math/rand/v2"
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
