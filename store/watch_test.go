package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// watchWait is a generous bound for a change to arrive; the design target
// is well under a second, but CI machines under -race are slow.
const watchWait = 10 * time.Second

type watchRig struct {
	t       *testing.T
	dir     string
	changes <-chan []Change
}

func startWatch(t *testing.T, paths ...string) *watchRig {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	if len(paths) == 0 {
		paths = []string{dir}
	} else {
		for i := range paths {
			paths[i] = filepath.Join(dir, paths[i])
		}
	}
	for _, p := range paths {
		if strings.HasSuffix(p, ".txt") {
			os.WriteFile(p, []byte("Before\n\nThe text before the watch.\n"), 0o644)
		} else {
			os.MkdirAll(p, 0o755)
		}
	}
	ch, err := Watch(ctx, Source{Paths: paths})
	if err != nil {
		t.Fatal(err)
	}
	return &watchRig{t: t, dir: dir, changes: ch}
}

func (r *watchRig) write(name, text string) {
	r.t.Helper()
	p := filepath.Join(r.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// next waits for changes until one names path, and returns it; the changes
// before it in the same burst are returned too, for tests that count them.
func (r *watchRig) next(name string) (Change, []Change) {
	r.t.Helper()
	p := filepath.Join(r.dir, name)
	var seen []Change
	deadline := time.After(watchWait)
	for {
		select {
		case batch, ok := <-r.changes:
			if !ok {
				r.t.Fatalf("watch closed waiting for %s", name)
			}
			for _, c := range batch {
				seen = append(seen, c)
				if c.Path == p {
					return c, seen
				}
			}
		case <-deadline:
			r.t.Fatalf("no change for %s in %v; saw %+v", name, watchWait, seen)
		}
	}
}

// quiet checks that nothing more arrives for a while.
func (r *watchRig) quiet() {
	r.t.Helper()
	select {
	case batch := <-r.changes:
		r.t.Errorf("unexpected changes %+v", batch)
	case <-time.After(3 * watchQuiet):
	}
}

func TestWatchAddChangeRemove(t *testing.T) {
	r := startWatch(t)
	r.write("new.txt", "First Title\n\nThe first text of the article.\n")
	c, _ := r.next("new.txt")
	if c.Removed || c.Err != nil || len(c.Articles) != 1 || c.Articles[0].Title != "First Title" {
		t.Fatalf("added: %+v", c)
	}
	r.write("new.txt", "Second Title\n\nThe text, edited.\n")
	c, _ = r.next("new.txt")
	if len(c.Articles) != 1 || c.Articles[0].Title != "Second Title" {
		t.Fatalf("changed: %+v", c)
	}
	os.Remove(filepath.Join(r.dir, "new.txt"))
	c, _ = r.next("new.txt")
	if !c.Removed || len(c.Articles) != 0 {
		t.Fatalf("removed: %+v", c)
	}
	r.quiet()
}

// An editor's save (write a temporary, rename it over the file) is one
// change, and the temporary is never reported.
func TestWatchEditorSave(t *testing.T) {
	r := startWatch(t)
	r.write("story.md", "# Draft\n\nWords.\n")
	r.next("story.md")
	for range 3 { // three quick saves
		r.write(".story.md.swp", "swap")
		r.write("story.md.tmp~", "# Saved\n\nWords, saved.\n")
		os.Rename(filepath.Join(r.dir, "story.md.tmp~"), filepath.Join(r.dir, "story.md"))
		os.Remove(filepath.Join(r.dir, ".story.md.swp"))
	}
	c, seen := r.next("story.md")
	if len(seen) != 1 || len(c.Articles) != 1 || c.Articles[0].Title != "Saved" {
		t.Fatalf("save: %+v (all: %+v)", c, seen)
	}
	r.quiet()
	// touching a file without changing it is no change
	now := time.Now()
	os.Chtimes(filepath.Join(r.dir, "story.md"), now, now)
	r.write("story.md", "# Saved\n\nWords, saved.\n")
	r.quiet()
}

func TestWatchRenameAndFolders(t *testing.T) {
	r := startWatch(t)
	r.write("a.txt", "Alpha\n\nAlpha text.\n")
	r.next("a.txt")
	os.Rename(filepath.Join(r.dir, "a.txt"), filepath.Join(r.dir, "b.txt"))
	_, seen := r.next("b.txt")
	removed := false
	for _, c := range seen {
		removed = removed || c.Path == filepath.Join(r.dir, "a.txt") && c.Removed
	}
	if !removed {
		t.Errorf("rename: old name not removed: %+v", seen)
	}

	// a new folder is watched, and what is written into it at once is seen
	r.write("sub/deeper/c.txt", "Gamma\n\nGamma text.\n")
	c, _ := r.next("sub/deeper/c.txt")
	if len(c.Articles) != 1 || c.Articles[0].Title != "Gamma" {
		t.Fatalf("new folder: %+v", c)
	}
	r.write("sub/deeper/d.txt", "Delta\n\nDelta text.\n")
	r.next("sub/deeper/d.txt")

	// a folder moved out of the watched one takes its files with it
	outside := t.TempDir()
	os.Rename(filepath.Join(r.dir, "sub"), filepath.Join(outside, "sub"))
	gone := map[string]bool{}
	deadline := time.After(watchWait)
	for len(gone) < 2 {
		select {
		case batch := <-r.changes:
			for _, c := range batch {
				if c.Removed {
					gone[filepath.Base(c.Path)] = true
				}
			}
		case <-deadline:
			t.Fatalf("folder moved away: removed %v", gone)
		}
	}
	// its old watch is gone: writing in it now is not reported
	os.WriteFile(filepath.Join(outside, "sub", "deeper", "e.txt"), []byte("Eps\n\nx\n"), 0o644)
	r.quiet()
}

// A file given by itself is watched alone, through replacements too.
func TestWatchSingleFile(t *testing.T) {
	r := startWatch(t, "only.txt")
	r.write("other.txt", "Other\n\nNot watched.\n")
	r.write("only.txt.new", "Replaced\n\nNew text.\n")
	os.Rename(filepath.Join(r.dir, "only.txt.new"), filepath.Join(r.dir, "only.txt"))
	c, seen := r.next("only.txt")
	if len(seen) != 1 || len(c.Articles) != 1 || c.Articles[0].Title != "Replaced" {
		t.Fatalf("single file: %+v (all %+v)", c, seen)
	}
}

// A file that cannot be read says why, and its old articles go.
func TestWatchUnreadable(t *testing.T) {
	r := startWatch(t)
	r.write("feed.xml", `<?xml version="1.0"?><urlset></urlset>`)
	c, _ := r.next("feed.xml")
	if c.Err == nil || !strings.Contains(c.Err.Error(), "not a feed") || len(c.Articles) != 0 {
		t.Fatalf("unreadable: %+v", c)
	}
}

func TestWatchStore(t *testing.T) {
	s := New()
	a := art("x/one.txt", 0, "One", "one", "")
	s.Add(a, art("x/two.txt", 0, "Two", "two", ""))
	u := s.Apply(Change{Path: "x/one.txt", Removed: true})
	if len(u.Removed) != 1 || u.Removed[0] != a || s.Len() != 1 {
		t.Errorf("apply removal: %+v, len %d", u, s.Len())
	}
}

func TestWatchRefusesEmbedded(t *testing.T) {
	if _, err := Watch(context.Background(), Source{FS: os.DirFS("."), Paths: []string{"."}}); err == nil {
		t.Error("watching an embedded source: no error")
	}
}

// BenchmarkWatchLatency is the time from writing a file to its change
// arriving: go test ./store -run '^$' -bench WatchLatency -benchtime 20x
func BenchmarkWatchLatency(b *testing.B) {
	dir := b.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch, err := Watch(ctx, Source{Paths: []string{dir}})
	if err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(dir, "story.txt")
	i := 0
	var worst time.Duration
	for b.Loop() {
		i++
		t0 := time.Now()
		os.WriteFile(p, []byte("Title "+strings.Repeat("x", i)+"\n\nBody.\n"), 0o644)
	wait:
		for {
			select {
			case batch := <-ch:
				for _, c := range batch {
					if c.Path == p {
						break wait
					}
				}
			case <-time.After(watchWait):
				b.Fatal("no change")
			}
		}
		worst = max(worst, time.Since(t0))
	}
	b.ReportMetric(float64(worst.Milliseconds()), "worst-ms")
}

// WatchAndLoad loads what is there, then reports what changes after.
func TestWatchAndLoad(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("First\n\nThe first article.\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	batches, changes := WatchAndLoad(ctx, Source{Paths: []string{dir}})
	var titles []string
	for b := range batches {
		for _, a := range b.Articles {
			titles = append(titles, a.Title)
		}
		for _, e := range b.Errors {
			t.Errorf("load error: %v", e)
		}
	}
	if len(titles) != 1 || titles[0] != "First" {
		t.Fatalf("loaded %q, want [First]", titles)
	}
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Second\n\nThe second article.\n"), 0o644)
	deadline := time.After(watchWait)
	for {
		select {
		case cs, ok := <-changes:
			if !ok {
				t.Fatal("the changes closed")
			}
			for _, c := range cs {
				if filepath.Base(c.Path) == "b.txt" && len(c.Articles) == 1 {
					return
				}
			}
		case <-deadline:
			t.Fatal("no change for b.txt")
		}
	}
}

// A source that cannot be watched still loads, and says why it is not watched.
func TestWatchAndLoadUnwatchable(t *testing.T) {
	fsys := fstest.MapFS{"news/a.txt": {Data: []byte("First\n\nThe first article.\n")}}
	batches, changes := WatchAndLoad(context.Background(), Source{FS: fsys, Paths: []string{"news"}})
	var n int
	var watchErr bool
	for b := range batches {
		n += len(b.Articles)
		for _, e := range b.Errors {
			watchErr = watchErr || e.Path == "watch"
		}
	}
	if n != 1 || !watchErr {
		t.Errorf("loaded %d articles (want 1), watch error reported: %v", n, watchErr)
	}
	if _, ok := <-changes; ok {
		t.Error("changes of an unwatchable source did not close")
	}
}

// Files that were there before the watch started are known to it: a
// folder of them moved away reports each one removed, plain files and
// files in a folder below alike (their noting is left until the watch
// runs, off the load's path).
func TestWatchKnowsTheFilesBefore(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"sub/a.txt", "sub/deeper/b.txt", "sub/.hidden.txt"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("Before\n\nThe text before the watch.\n"), 0o644)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch, err := Watch(ctx, Source{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	os.Rename(filepath.Join(dir, "sub"), filepath.Join(t.TempDir(), "sub"))
	gone := map[string]bool{}
	deadline := time.After(watchWait)
	for len(gone) < 2 {
		select {
		case batch := <-ch:
			for _, c := range batch {
				if c.Removed {
					gone[filepath.Base(c.Path)] = true
				}
			}
		case <-deadline:
			t.Fatalf("folder moved away: removed %v, want a.txt and b.txt", gone)
		}
	}
	if gone[".hidden.txt"] {
		t.Errorf("a hidden file was watched: %v", gone)
	}
}

// A path that is not there is said once, by Load: the watch neither says
// it again nor, when no path is there, that it has nothing to watch.
func TestWatchAndLoadMissingPath(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("First\n\nThe first article.\n"), 0o644)
	missing := filepath.Join(dir, "missing")
	for _, paths := range [][]string{{dir, missing}, {missing}} {
		ctx, cancel := context.WithCancel(context.Background())
		batches, changes := WatchAndLoad(ctx, Source{Paths: paths})
		var said []string
		for b := range batches {
			for _, e := range b.Errors {
				said = append(said, e.Path+": "+e.Err.Error())
			}
		}
		timeout := time.After(300 * time.Millisecond) // the watch's setup is sent at once
	wait:
		for {
			select {
			case cs, ok := <-changes:
				if !ok {
					break wait
				}
				for _, c := range cs {
					if c.Err != nil {
						said = append(said, c.Path+": "+c.Err.Error())
					}
				}
			case <-timeout:
				break wait
			}
		}
		cancel()
		if want := []string{missing + ": no such file or directory"}; !slices.Equal(said, want) {
			t.Errorf("%d paths: errors %q, want %q", len(paths), said, want)
		}
	}
}
