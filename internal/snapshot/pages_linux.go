package snapshot

import "syscall"

// dropPages lets the system take back the pages of the mapping b: they stay
// in its cache of the file, and a read maps them again. The system keeps a
// file in pages of up to 2 MB and maps a whole one at a read, so a query
// that reads a few posting lists took most of the index into memory.
// b is a mapping of a file (mapSection), never memory of the heap.
func dropPages(b []byte) {
	if len(b) > 0 {
		syscall.Madvise(b, syscall.MADV_DONTNEED) // advice: when refused, only memory is lost
	}
}
