//go:build !(linux || darwin)

package store

import "os"

// openDisk opens the file for the caller to read (see readdisk_unix.go).
func openDisk(p string) ([]byte, *os.File, error) {
	f, err := os.Open(p)
	return nil, f, err
}
