package store

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// The eight-byte tests answer for each byte exactly as the one-byte tests
// do, whatever the bytes beside it (no carry crosses a byte).
func TestSWARMatchesBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var b [8]byte
	check := func() {
		x := binary.LittleEndian.Uint64(b[:])
		below, print := belowSpace(x), printable(x)
		for i, c := range b {
			bit := uint64(0x80) << (8 * i)
			if got, want := below&bit != 0, c < 0x20; got != want {
				t.Fatalf("belowSpace(% x) byte %d (%#x): %v, want %v", b, i, c, got, want)
			}
			if got, want := print&bit != 0, c >= 0x20 && c < 0x7f; got != want {
				t.Fatalf("printable(% x) byte %d (%#x): %v, want %v", b, i, c, got, want)
			}
		}
	}
	for v := range 256 { // every byte value in every place, among random neighbours
		for i := range b {
			for j := range b {
				b[j] = byte(rng.IntN(256))
			}
			b[i] = byte(v)
			check()
		}
	}
	for range 100000 {
		binary.LittleEndian.PutUint64(b[:], rng.Uint64())
		check()
	}
}

// looksBinaryBytes is looksBinary a byte at a time, as it was written first.
func looksBinaryBytes(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	ctl := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1b && c != '\f' {
			ctl++
		}
	}
	return ctl >= 8 && ctl*4 > len(b)
}

func FuzzLooksBinary(f *testing.F) {
	f.Add([]byte("plain text\nwith lines\r\n"))
	f.Add([]byte("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10 abc"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := looksBinary(b), looksBinaryBytes(b); got != want {
			t.Errorf("looksBinary(%q) = %v, want %v", b, got, want)
		}
	})
}
