package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot lists every file under dir with its size and modification time.
func snapshot(t *testing.T, dir string) []string {
	var out []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil {
			out = append(out, p+" "+fi.ModTime().String()+" "+fi.Mode().String())
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func TestLoadFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "First\n\n“Hello there, my friends,” she said.")
	write(t, filepath.Join(dir, "sub", "b.md"), "# Second\n\nText.")
	write(t, filepath.Join(dir, "sub", "deeper", "c.txt"), "Third\n\nText.")
	write(t, filepath.Join(dir, "bad.txt"), "\x00\x01binary")
	write(t, filepath.Join(dir, "empty.txt"), "")
	write(t, filepath.Join(dir, ".hidden.txt"), "Hidden\n\nNo.")
	write(t, filepath.Join(dir, "pic.png"), "\x89PNG")
	// a link back up makes a loop; it must be read once, not forever
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	arts, errs := LoadAll(ctx, Source{Paths: []string{dir, filepath.Join(dir, "nope.txt")}})
	var titles []string
	for _, a := range arts {
		titles = append(titles, a.Title)
	}
	if got := strings.Join(titles, "|"); got != "First|Second|Third" {
		t.Errorf("titles = %s", got)
	}
	var reasons []string
	for _, e := range errs {
		reasons = append(reasons, filepath.Base(e.Path)+": "+e.Err.Error())
	}
	want := []string{"bad.txt: binary", "dangling.txt: broken link", "empty.txt: empty", "nope.txt: no such file"}
	if len(reasons) != len(want) {
		t.Fatalf("errors = %q, want %d", reasons, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(reasons[i], w) {
			t.Errorf("error %d = %q, want prefix %q", i, reasons[i], w)
		}
	}
	if after := snapshot(t, dir); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("loading changed the folder:\n%s\n---\n%s", before, after)
	}
}

func TestLoadTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxFileSize + 1)
	f.Close()
	_, err = ReadFile(nil, p)
	if err == nil || err.Error() != "too large: 20971521 bytes (the limit is 20971520 bytes)" {
		t.Errorf("err = %v", err) // not "20.0 MB (the limit is 20.0 MB)"
	}
	f, _ = os.Create(p)
	f.Truncate(30 << 20)
	f.Close()
	if _, err = ReadFile(nil, p); err == nil || err.Error() != "too large: 30.0 MB (the limit is 20.0 MB)" {
		t.Errorf("err = %v", err)
	}
}

func TestLoadEmbedded(t *testing.T) {
	fsys := fstest.MapFS{
		"seeds/one.txt": {Data: []byte("One\n\nText.")},
		"seeds/two.txt": {Data: []byte("Two\n\nText.")},
	}
	arts, errs := LoadAll(context.Background(), Source{FS: fsys, Paths: []string{"seeds"}})
	if len(arts) != 2 || len(errs) != 0 || arts[0].Title != "One" {
		t.Errorf("%d articles, %v", len(arts), errs)
	}
}

func TestLoadGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("Gz\n\nBody."))
	zw.Close()
	gz := buf.Bytes()
	arts, err := Parse("a.txt.gz", gz)
	if err != nil || len(arts) != 1 || arts[0].Title != "Gz" || arts[0].Path != "a.txt.gz" {
		t.Fatalf("%v %+v", err, arts)
	}
}

func TestLoadCancel(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		write(t, filepath.Join(dir, strings.Repeat("x", i%5+1)+string(rune('a'+i%26))+".txt"), "T\n\nBody.")
	}
	ctx, cancel := context.WithCancel(context.Background())
	ch := Load(ctx, Source{Paths: []string{dir}})
	cancel()
	done := make(chan struct{})
	go func() {
		for range ch {
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("cancelled load did not close its channel")
	}
}
