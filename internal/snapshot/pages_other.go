//go:build !linux

package snapshot

// dropPages does nothing where there is no madvise to call (see pages_linux.go).
func dropPages([]byte) {}
