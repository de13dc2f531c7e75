//go:build !unix

package snapshot

import (
	"io"
	"os"
)

// mapsFiles says that mapSection maps: here it does not, and strings
// read from it would keep the whole section in the heap.
const mapsFiles = false

// mapSection reads n bytes of f from off.
func mapSection(f *os.File, off int64, n int) ([]byte, error) {
	b := make([]byte, n)
	_, err := io.ReadFull(io.NewSectionReader(f, off, int64(n)), b)
	return b, err
}

func unmapSection([]byte) {}
