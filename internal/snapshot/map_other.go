//go:build !unix

package snapshot

import (
	"io"
	"os"
)

// mapSection reads n bytes of f from off.
func mapSection(f *os.File, off int64, n int) ([]byte, error) {
	b := make([]byte, n)
	_, err := io.ReadFull(io.NewSectionReader(f, off, int64(n)), b)
	return b, err
}
