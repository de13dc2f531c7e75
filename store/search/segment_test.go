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
	lists := make([][]byte, 3000)
	want := make([][]byte, len(lists))
	for range 200000 {
		i := int(rng.ExpFloat64()*300) % len(lists) // some lists grow much more than others
		n := 1 + rng.IntN(40)
		if rng.IntN(50) == 0 {
			n += rng.IntN(3000)
		}
		b.room(&lists[i], n)
		if cap(lists[i])-len(lists[i]) < n {
			t.Fatalf("room for %d: %d left", n, cap(lists[i])-len(lists[i]))
		}
		for range n {
			c := byte(rng.Uint32())
			lists[i] = append(lists[i], c)
			want[i] = append(want[i], c)
		}
	}
	used, held := 0, 0
	for i := range lists {
		if !bytes.Equal(lists[i], want[i]) {
			t.Fatalf("list %d changed", i)
		}
		used += len(lists[i])
		held += cap(lists[i])
	}
	for _, f := range b.free {
		for _, block := range f {
			held += cap(block)
		}
	}
	if held+len(b.slab) > 2*used {
		t.Errorf("lists of %d bytes hold %d in blocks, %d more in the slab", used, held, len(b.slab))
	}
}
