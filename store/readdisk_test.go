package store

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// A file read from the disk is what os.ReadFile gives; what is not a
// regular file comes back open, to be read as a stream.
func TestOpenDisk(t *testing.T) {
	dir := t.TempDir()
	for _, body := range [][]byte{nil, []byte("x"), bytes.Repeat([]byte("a line of text\n"), 5000)} {
		p := filepath.Join(dir, "f.txt")
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readLimited(nil, p)
		if err != nil || !bytes.Equal(got, body) {
			t.Errorf("%d bytes: got %d bytes, err %v", len(body), len(got), err)
		}
	}
	if _, _, _, err := openDisk(filepath.Join(dir, "missing.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: err %v", err)
	}
	_, _, f, err := openDisk(dir)
	if err != nil || f == nil {
		t.Fatalf("a folder: file %v, err %v", f, err)
	}
	f.Close()
	if _, err := readLimited(nil, dir); err == nil {
		t.Error("a folder was read as a file")
	}
}

// An article read from a named pipe keeps its body: the pipe gives it once.
func TestPipeBodyKept(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe.txt")
	if err := mkfifo(p); err != nil {
		t.Skip("no named pipes here:", err)
	}
	go func() {
		if f, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
			f.WriteString("Piped\n\n“We read it once,” said Ann Lee.\n")
			f.Close()
		}
	}()
	arts, err := ReadFile(nil, p)
	if err != nil || len(arts) != 1 {
		t.Fatalf("ReadFile: %d articles, %v", len(arts), err)
	}
	arts[0].Release()
	if !arts[0].Held() {
		t.Error("the body of a pipe was let go: reading it again would wait for a writer")
	}
}
