//go:build !(linux || darwin)

package store

import (
	"errors"
	"io/fs"
	"os"
)

// openDisk opens the file for the caller to read (see readdisk_unix.go);
// no stamp is taken here, so no article is kept in a snapshot.
func openDisk(p string) ([]byte, Stamp, *os.File, error) {
	f, err := os.Open(p)
	return nil, Stamp{}, f, err
}

// StatFile returns the stamp of the file at path; stamps are taken on Linux
// and macOS only (see readdisk_unix.go).
func StatFile(path string) (Stamp, error) {
	return Stamp{}, &fs.PathError{Op: "stat", Path: path, Err: errors.ErrUnsupported}
}
