//go:build unix

package snapshot

import (
	"os"
	"syscall"
)

// mapsFiles says that mapSection maps: what it gives is not in the heap.
const mapsFiles = true

// mapSection maps n bytes of f from off (a multiple of align) into memory,
// read-only, for the rest of the run. Snapshots are replaced by renaming,
// never written in place, so the bytes mapped never change; removing the
// file leaves them be. Only something that wrote it in place while the
// reader runs (truncate, cp over it; the file is the user's own, mode 0600)
// would make a query, or showing a restored quote or page, fault (when
// cut short) or show bytes never checked (the UI and the CLI clean what
// they print all the same).
func mapSection(f *os.File, off int64, n int) ([]byte, error) {
	if n == 0 {
		return nil, nil
	}
	return syscall.Mmap(int(f.Fd()), off, n, syscall.PROT_READ, syscall.MAP_SHARED)
}

// unmapSection undoes mapSection, once nothing made from the bytes is kept.
func unmapSection(b []byte) {
	syscall.Munmap(b)
}
