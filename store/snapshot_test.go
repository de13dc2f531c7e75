//go:build linux || darwin

package store

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"
)

// Load takes what Known gives for a file instead of reading it, and reads
// the rest as ever.
func TestLoadKnown(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"a.txt": releaseText, "b.txt": releaseText, "c.md": "# Markdown\n\nSome words.\n", "empty.txt": ""}
	stamps := map[string]Stamp{}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := StatFile(p)
		if err != nil {
			t.Fatal(err)
		}
		stamps[p] = s
	}
	// articles no read of these files makes: an empty file reads as an error
	known := map[string][]*Article{
		filepath.Join(dir, "a.txt"):     {{Path: filepath.Join(dir, "a.txt"), Title: "known a"}},
		filepath.Join(dir, "empty.txt"): {{Path: filepath.Join(dir, "empty.txt"), Title: "known empty"}},
		filepath.Join(dir, "b.txt"):     {{Path: filepath.Join(dir, "elsewhere.txt"), Title: "not b"}},
	}
	var mu sync.Mutex
	asked := map[string]Stamp{}
	src := Source{Paths: []string{dir}, Known: func(p string, s Stamp) []*Article {
		mu.Lock()
		defer mu.Unlock()
		asked[p] = s
		return known[p]
	}}
	var arts []*Article
	var last Batch
	for b := range Load(context.Background(), src) {
		arts = append(arts, b.Articles...)
		if len(b.Errors) > 0 {
			t.Errorf("errors: %v", b.Errors)
		}
		last = b
	}
	titles := map[string]string{}
	for _, a := range arts {
		titles[filepath.Base(a.Path)] = a.Title
	}
	want := map[string]string{"a.txt": "known a", "empty.txt": "known empty", "b.txt": "Harbour to reopen", "c.md": "Markdown"}
	if len(titles) != len(want) || len(arts) != len(want) {
		t.Errorf("articles %v, want %v", titles, want)
	}
	for name, title := range want {
		if titles[name] != title {
			t.Errorf("%s: title %q, want %q", name, titles[name], title)
		}
	}
	if last.Files != len(files) || last.Found != len(files) || !last.Done {
		t.Errorf("last batch: %d files of %d found, done %v; want %d", last.Files, last.Found, last.Done, len(files))
	}
	for p, s := range stamps {
		if asked[p] != s {
			t.Errorf("%s: Known asked with %+v, want %+v", filepath.Base(p), asked[p], s)
		}
	}

	// an embedded folder is read as it is
	calls := 0
	fsys := fstest.MapFS{"a.txt": {Data: []byte(releaseText)}}
	got, _ := LoadAll(context.Background(), Source{FS: fsys, Paths: []string{"."}, Known: func(string, Stamp) []*Article { calls++; return nil }})
	if len(got) != 1 || calls != 0 {
		t.Errorf("embedded: %d articles, Known called %d times", len(got), calls)
	}
}

// A run saves its articles; the next one takes them for the files that
// have not changed, reads those that have, and each article read from
// the snapshot reads its body from its file.
func TestLoadFromSnapshot(t *testing.T) {
	dir := writeSnapshotFiles(t)
	var snapshot []byte
	bodies := map[string]string{}
	for _, a := range readSettled(t, dir) {
		bodies[a.Path], _, _ = a.Text()
		a.Release()
		snapshot = AppendArticle(snapshot, a)
	}
	type entry struct {
		stamp Stamp
		arts  []*Article
	}
	saved := map[string]*entry{}
	decoded := map[*Article]bool{}
	for len(snapshot) > 0 {
		a, n, err := DecodeArticle(snapshot)
		if err != nil {
			t.Fatal(err)
		}
		snapshot = snapshot[n:]
		s, _ := a.Stamp()
		e := saved[a.Path]
		if e == nil {
			e = &entry{stamp: s}
			saved[a.Path] = e
		}
		e.arts = append(e.arts, a)
		decoded[a] = true
	}

	changed := filepath.Join(dir, "plain.txt")
	writeOld(t, changed, "A new story\n\nIt is not the one saved.\n")
	src := Source{Paths: []string{dir}, Known: func(p string, s Stamp) []*Article {
		if e := saved[p]; e != nil && e.stamp == s {
			return e.arts
		}
		return nil
	}}
	arts, errs := LoadAll(context.Background(), src)
	if len(errs) > 0 || len(arts) != len(snapshotFiles) {
		t.Fatalf("%d articles of %d files, errors %v", len(arts), len(snapshotFiles), errs)
	}
	for _, a := range arts {
		if a.Path == changed {
			if decoded[a] || a.Title != "A new story" {
				t.Errorf("the changed file gave %q, from the snapshot %v", a.Title, decoded[a])
			}
			continue
		}
		if !decoded[a] {
			t.Errorf("%s: read again, not taken from the snapshot", a.Path)
		}
		if body, _, err := a.Text(); err != nil || body != bodies[a.Path] {
			t.Errorf("%s: body %v", a.Path, err)
		}
	}
}
