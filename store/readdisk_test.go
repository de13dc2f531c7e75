package store

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// readDisk gives what os.ReadFile gives, and leaves to the os package what
// is not a regular file.
func TestReadDisk(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("readDisk reads through the os package here")
	}
	dir := t.TempDir()
	for _, body := range [][]byte{nil, []byte("x"), bytes.Repeat([]byte("a line of text\n"), 5000)} {
		p := filepath.Join(dir, "f.txt")
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
		got, ok, err := readDisk(p)
		if !ok || err != nil || !bytes.Equal(got, body) {
			t.Errorf("%d bytes: got %d bytes, ok %v, err %v", len(body), len(got), ok, err)
		}
	}
	if _, ok, err := readDisk(filepath.Join(dir, "missing.txt")); !ok || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: ok %v, err %v", ok, err)
	}
	if _, ok, _ := readDisk(dir); ok {
		t.Error("a folder was read as a file")
	}
}
