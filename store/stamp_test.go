//go:build linux || darwin

package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
	"time"
)

// writeOld writes a file and sets its times a minute back.
func writeOld(t *testing.T, p, text string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Minute)
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
}

// An article keeps the stamp its file had when it was read; it may be
// kept in a snapshot only once the file had settled before that read.
func TestArticleStamp(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(p, []byte(releaseText), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := StatFile(p)
	if err != nil {
		t.Fatal(err)
	}
	a := loadOne(t, nil, p)
	s, ok := a.Stamp()
	if s != want {
		t.Errorf("stamp %+v, want %+v", s, want)
	}
	if ok && time.Since(time.Unix(0, want.Change)) < settleTime {
		t.Error("a file just written may be kept")
	}
	// setting the times back moves the status-change time to now: the
	// file settles 2 s later
	later := time.Unix(0, want.Change).Add(settleTime)
	for _, c := range []struct {
		at time.Time
		ok bool
	}{{later.Add(-time.Millisecond), false}, {later, true}, {later.Add(time.Hour), true}} {
		arts, err := readArticles(nil, p, c.at)
		if err != nil {
			t.Fatal(err)
		}
		if s, ok := arts[0].Stamp(); ok != c.ok || s != want {
			t.Errorf("read at change+%v: stamp %+v, %v; want %+v, %v", c.at.Sub(time.Unix(0, want.Change)), s, ok, want, c.ok)
		}
	}
}

// A page's converted body, which its file cannot give again, is kept while
// it is held, and only then; an embedded file is never kept.
func TestStampOnlyForBodiesOnDisk(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	html := "<html><head><title>Harbour to reopen</title></head><body><article><h1>Harbour to reopen</h1><p>The mayor said \"we will rebuild the harbour this year\" on Monday, and the port's director agreed with every word of it.</p><p>Work starts in the spring, when the boats are out.</p></article></body></html>"
	writeOld(t, page, html)
	fsys := fstest.MapFS{"story.txt": {Data: []byte(releaseText), ModTime: time.Now().Add(-time.Hour)}}
	later := time.Now().Add(time.Minute)
	arts, err := readArticles(nil, page, later)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := arts[0].Stamp(); !ok || !arts[0].Held() {
		t.Error("a page whose body is held is not kept")
	}
	arts[0].text.Store(nil) // as if let go: nothing would give it back
	if _, ok := arts[0].Stamp(); ok {
		t.Error("a page's converted body, not held, was taken for one the file gives again")
	}
	if arts, err = readArticles(fsys, "story.txt", later); err != nil {
		t.Fatal(err)
	}
	if s, ok := arts[0].Stamp(); ok || s != (Stamp{}) {
		t.Errorf("an embedded file: stamp %+v, %v; want none", s, ok)
	}
}

// Any change to a file's bytes, times or identity changes its stamp.
func TestStatFileSeesChanges(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	writeOld(t, p, releaseText)
	stat := func() Stamp {
		t.Helper()
		s, err := StatFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	before := stat()
	if before.Size != int64(len(releaseText)) || before.Inode == 0 {
		t.Fatalf("stamp %+v: want the size %d and an inode", before, len(releaseText))
	}
	if again := stat(); again != before {
		t.Errorf("the stamp of an unchanged file moved: %+v, then %+v", before, again)
	}
	changes := []struct {
		name   string
		change func() error
	}{
		{"same length, new words", func() error {
			return os.WriteFile(p, []byte(releaseText[:len(releaseText)-2]+"!\n"), 0o644)
		}},
		{"touched", func() error {
			at := time.Now().Add(-time.Hour)
			return os.Chtimes(p, at, at)
		}},
		{"replaced by a copy with the same times", func() error {
			s := stat()
			q := filepath.Join(dir, "b.txt")
			if err := os.WriteFile(q, []byte(releaseText), 0o644); err != nil {
				return err
			}
			at := time.Unix(0, s.ModTime)
			if err := os.Chtimes(q, at, at); err != nil {
				return err
			}
			return os.Rename(q, p)
		}},
	}
	for _, c := range changes {
		before := stat()
		if err := c.change(); err != nil {
			t.Fatal(err)
		}
		if after := stat(); after == before {
			t.Errorf("%s: the stamp stayed %+v", c.name, after)
		}
	}

	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(p, link); err != nil {
		t.Fatal(err)
	}
	if s, err := StatFile(link); err != nil || s != stat() {
		t.Errorf("through a link: %+v, %v; want the file's %+v", s, err, stat())
	}
	if _, err := StatFile(dir); err == nil {
		t.Error("a folder has a stamp")
	}
	if _, err := StatFile(filepath.Join(dir, "missing.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: err %v", err)
	}
}

// A page decoded from a snapshot takes back the text it was loaded with,
// and no other.
func TestHoldGivesBackThePage(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	writeOld(t, page, "<html><head><title>Harbour to reopen</title></head><body><article><h1>Harbour to reopen</h1><p>The mayor said \"we will rebuild the harbour this year\" on Monday, and the port's director agreed with every word of it.</p><p>Work starts in the spring, when the boats are out.</p></article></body></html>")
	arts, err := readArticles(nil, page, time.Now().Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	text, paras, _ := arts[0].Text()
	held, ok := arts[0].HeldText()
	if !ok || held != text {
		t.Fatalf("HeldText = %q, %v; want the body", held, ok)
	}
	a, _, err := DecodeArticle(AppendArticle(nil, arts[0]))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Hold(text[:len(text)-1] + "!"); err == nil {
		t.Error("Hold took a text that is not the article's")
	}
	if a.Held() {
		t.Fatal("held after a refused text")
	}
	if err := a.Hold(text); err != nil {
		t.Fatal(err)
	}
	got, gotParas, err := a.Text()
	if err != nil || got != text || !slices.Equal(gotParas, paras) {
		t.Errorf("Text after Hold: %q %v %v; want %q %v", got, gotParas, err, text, paras)
	}
	if _, ok := a.Stamp(); !ok {
		t.Error("a held page from a snapshot cannot be kept again")
	}
}
