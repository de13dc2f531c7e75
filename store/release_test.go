package store

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

const releaseText = "Harbour to reopen\n\nThe mayor said \"we will rebuild the harbour this year\" on Monday.\n\n\"It will take time,\" said Ana Ruiz, the port's director. \"But we will.\"\n"

// loadOne reads one file as a load does.
func loadOne(t *testing.T, fsys *fstest.MapFS, p string) *Article {
	t.Helper()
	var arts []*Article
	var err error
	if fsys == nil {
		arts, err = ReadFile(nil, p)
	} else {
		arts, err = ReadFile(*fsys, p)
	}
	if err != nil || len(arts) != 1 {
		t.Fatalf("ReadFile(%s): %v, %d articles", p, err, len(arts))
	}
	return arts[0]
}

func TestReleasedBodyIsReadAgain(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "a.md"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(releaseText), 0o644); err != nil {
			t.Fatal(err)
		}
		a := loadOne(t, nil, p)
		body, paras, _ := a.Text()
		quotes := make([]string, len(a.Quotes))
		for i, q := range a.Quotes {
			quotes[i] = q.Text(body)
		}
		key := a.Key()
		a.Release()
		if a.Held() {
			t.Fatalf("%s: the body is still held after Release", name)
		}
		again, paras2, err := a.Text()
		if err != nil || again != body || !slices.Equal(paras, paras2) {
			t.Fatalf("%s: read again: %v\n%q %v\nwant %q %v", name, err, again, paras2, body, paras)
		}
		if len(quotes) < 2 {
			t.Fatalf("%s: %d quotes, want at least 2", name, len(quotes))
		}
		for i := range a.Quotes {
			if got := a.QuoteText(i); got != quotes[i] {
				t.Errorf("%s: quote %d without the body: %q, want %q", name, i, got, quotes[i])
			}
		}
		if a.Key() != key {
			t.Errorf("%s: the key changed with the body released", name)
		}

		// a file changed or gone since it was loaded is not taken for the article
		if err := os.WriteFile(p, []byte(releaseText+"\nOne more line.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := a.Text(); !errors.Is(err, ErrChanged) {
			t.Errorf("%s: changed file: err %v, want ErrChanged", name, err)
		}
		os.Remove(p)
		if _, _, err := a.Text(); err == nil {
			t.Errorf("%s: a file gone gave no error", name)
		}
	}
}

func TestReleaseKeepsWhatCannotBeReadAgain(t *testing.T) {
	var gz []byte
	{
		f, err := os.CreateTemp(t.TempDir(), "x")
		if err != nil {
			t.Fatal(err)
		}
		w := gzip.NewWriter(f)
		w.Write([]byte(releaseText))
		w.Close()
		f.Close()
		gz, _ = os.ReadFile(f.Name())
	}
	fsys := fstest.MapFS{
		"page.html":    {Data: []byte("<html><head><title>Harbour to reopen</title></head><body><article><h1>Harbour to reopen</h1><p>The mayor said \"we will rebuild the harbour this year\" on Monday, and the port's director agreed with every word of it.</p><p>Work starts in the spring, when the boats are out.</p></article></body></html>")},
		"story.txt.gz": {Data: gz},
		"story.txt":    {Data: []byte(releaseText)},
	}
	for _, p := range []string{"page.html", "story.txt.gz"} {
		a := loadOne(t, &fsys, p)
		a.Release()
		if !a.Held() {
			t.Errorf("%s: released a body its file cannot give again as it is", p)
		}
	}
	// an embedded folder gives its files again too
	a := loadOne(t, &fsys, "story.txt")
	a.Release()
	if body, _, err := a.Text(); a.Held() || err != nil || body == "" {
		t.Errorf("embedded file: held %v, read again %v", a.Held(), err)
	}
	// an article parsed from bytes has no file to read again
	arts, _ := Parse("x.txt", []byte(releaseText))
	arts[0].Release()
	if !arts[0].Held() {
		t.Error("released the body of an article with no file")
	}
}

// The key is what read marks and stars are stored under: it must not change
// from one version to the next.
func TestKeyIsTheStoredHash(t *testing.T) {
	arts, err := Parse("x.txt", []byte(releaseText))
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	sum := sha256.Sum256([]byte(a.Title + "\x00" + bodyOf(a)))
	if want := hex.EncodeToString(sum[:16]); a.Key() != want {
		t.Errorf("Key() = %s, want %s", a.Key(), want)
	}
}

// The reader renders an article while the index lets go of its body.
func TestTextWhileReleased(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(p, []byte(releaseText), 0o644); err != nil {
		t.Fatal(err)
	}
	a := loadOne(t, nil, p)
	want := bodyOf(a)
	done := make(chan error)
	for range 4 {
		go func() {
			for range 50 {
				if got, _, err := a.Text(); err != nil || got != want {
					done <- fmt.Errorf("Text() = %q, %v", got, err)
					return
				}
			}
			done <- nil
		}()
	}
	a.Release()
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// A body read again is checked by its length and its key, which also holds
// the title: an edit that keeps the length, or one to a front matter's title
// alone, is a change.
func TestTextKnowsEditsOfTheSameLength(t *testing.T) {
	dir := t.TempDir()
	const md = "---\ntitle: Harbour to reopen\n---\n\nThe mayor said \"we will rebuild the harbour\" on Monday.\n"
	for _, c := range []struct{ name, before, after string }{
		{"a.txt", releaseText, strings.Replace(releaseText, "Monday", "Friday", 1)},
		{"b.md", md, strings.Replace(md, "Harbour to", "Harbor to", 1)},
	} {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, []byte(c.before), 0o644); err != nil {
			t.Fatal(err)
		}
		a := loadOne(t, nil, p)
		a.Release()
		if _, _, err := a.Text(); err != nil {
			t.Fatalf("%s: unchanged: %v", c.name, err)
		}
		if err := os.WriteFile(p, []byte(c.after), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := a.Text(); !errors.Is(err, ErrChanged) {
			t.Errorf("%s: edited: err %v, want ErrChanged", c.name, err)
		}
	}
}
