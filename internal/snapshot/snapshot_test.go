package snapshot

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"newsreader/store"
	"newsreader/store/search"
)

// run is one start of the reader over root: what it loaded and found.
type run struct {
	lib      *Library
	st       *store.Store
	idx      *search.Index
	restored int
	errs     []store.LoadError
}

func start(t *testing.T, cache, root string) run {
	t.Helper()
	return startKeeping(t, cache, root, 0)
}

// startKeeping is start, keeping libraries of min bytes or more.
func startKeeping(t *testing.T, cache, root string, min int64) run {
	t.Helper()
	src := store.Source{Paths: []string{root}}
	r := run{lib: For(cache, src), st: store.New()}
	r.lib.MinSize = min
	for b := range r.lib.Load(context.Background(), src) {
		r.idx = r.lib.Index()
		r.errs = append(r.errs, b.Errors...)
		u := r.st.Add(b.Articles...)
		var fresh []*store.Article
		for _, a := range u.Added {
			if r.lib.Indexed(a) {
				r.restored++
				continue
			}
			fresh = append(fresh, a)
		}
		r.idx.AddBatch(fresh)
		for _, a := range fresh {
			a.Release()
		}
	}
	r.idx.Compact()
	if err := r.lib.Save(); err != nil {
		t.Fatalf("Save: %v", err)
	}
	return r
}

// sortedErrors are the errors' texts in order, one string.
func sortedErrors(errs []store.LoadError) string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = fmt.Sprint(e)
	}
	slices.Sort(out)
	return fmt.Sprint(out)
}

// answers is what a query finds, as the reader shows it, best first. (The
// scores move a little with articles gone from the index, which count in
// its statistics; the search package checks a restored index scores alike.)
func (r run) answers(q string) []string {
	var out []string
	for _, h := range r.idx.Search(q, 50).Hits {
		if r.st.Shown(h.Article) {
			out = append(out, h.Article.Path)
		}
	}
	return out
}

func (r run) listing(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, a := range r.st.Articles() {
		text, _, err := a.Text()
		if err != nil {
			t.Fatalf("%s: Text: %v", a.Path, err)
		}
		var qs []string
		for i, q := range a.Quotes {
			qs = append(qs, q.Speaker+": "+a.QuoteText(i))
		}
		out = append(out, fmt.Sprintf("%s|%s|%s|%d|%s|%d", a.Path, a.Title, a.Date.Format(time.RFC3339), a.Words, strings.Join(qs, ";"), len(text)))
	}
	slices.Sort(out)
	return out
}

var articles = map[string]string{
	"a.txt": "Council backs the new bridge\n\nThe council voted on Tuesday to build the bridge.\n\n\"It will change the town,\" said Mayor Jane Porter.\n",
	"b.md":  "# Floods close the school\n\nHeavy rain closed the school for a week.\n\n\"We have never seen water like it,\" head teacher Tom Reed said.\n",
	"c.txt": "Bakery wins a national prize\n\nA bakery on the high street won the prize for its bread.\n\n\"I am over the moon,\" said owner Ann Bell.\n",
}

// library writes the articles into a folder and waits until their stamps
// are settled (see store.Article.Stamp).
func library(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range articles {
		write(t, filepath.Join(root, name), text, time.Minute)
	}
	settle()
	return root
}

// settle waits until files written before are trusted by their stamps: the
// status-change time counts, and no test can set it back.
func settle() { time.Sleep(2100 * time.Millisecond) }

func write(t *testing.T, path, text string, ago time.Duration) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	when := time.Now().Add(-ago)
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
}

var queries = []string{"bridge", "school", "\"the town\"", "prize", "moon", "water", "harbour"}

const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Town news</title>
<item><title>Library extends its hours</title><link>http://example.com/library</link><description>The library opens on Sundays from May.</description></item>
<item></item></channel></rss>`

const page = `<html><head><title>Harbour to reopen</title></head><body><article><h1>Harbour to reopen</h1><p>The mayor said "we will rebuild the harbour this year" on Monday, and the port's director agreed with every word of it.</p><p>Work starts in the spring, when the boats are out.</p></article></body></html>`

func TestSecondStartTakesTheSnapshot(t *testing.T) {
	t.Parallel()
	cache, root := t.TempDir(), library(t)
	// a copy: held back by the store, in no index, kept in the snapshot all the same
	write(t, filepath.Join(root, "copy.txt"), articles["a.txt"], time.Minute)
	// a page, whose converted text is kept with it; and a file that gives nothing
	write(t, filepath.Join(root, "page.html"), page, time.Minute)
	write(t, filepath.Join(root, "empty.txt"), "", time.Minute)
	// a feed with a bad entry: read every start, so that the error is said every start
	write(t, filepath.Join(root, "feed.xml"), feed, time.Minute)
	// and enough others that its entry, indexed again each start, is under maxGone
	const others = 12
	for i := range others {
		write(t, filepath.Join(root, fmt.Sprintf("f%02d.txt", i)), fmt.Sprintf("Report %d\n\nThe committee met for the %dth time.\n", i, i+1), time.Minute)
	}
	settle()
	cold := start(t, cache, root)
	if cold.restored != 0 {
		t.Fatalf("first start restored %d articles from an empty cache", cold.restored)
	}
	fi, err := os.Stat(cold.lib.Path())
	if err != nil {
		t.Fatalf("no snapshot after the first start: %v", err)
	}
	warm := start(t, cache, root)
	if want := len(articles) + 1 + others; warm.restored != want {
		t.Fatalf("second start restored %d articles, want %d", warm.restored, want)
	}
	// the same errors, in any order: the batches of a load come as its
	// readers finish, and a restored file's error is said before a read one's
	if got, want := sortedErrors(warm.errs), sortedErrors(cold.errs); got != want || !strings.Contains(want, "feed.xml") {
		t.Errorf("errors of the second start %s, want %s (with feed.xml's)", got, want)
	}
	if got, want := warm.listing(t), cold.listing(t); !slices.Equal(got, want) {
		t.Errorf("restored articles differ:\n got %q\nwant %q", got, want)
	}
	for _, q := range queries {
		if got, want := warm.answers(q), cold.answers(q); !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("%s: restored index finds %q, want %q (non-empty)", q, got, want)
		}
	}
	if mapsFiles {
		// the quotes' words and the page's text are read from the file mapped
		in := func(s string) bool {
			p, m := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.SliceData(warm.lib.shared)))
			return len(s) > 0 && p >= m && p+uintptr(len(s)) <= m+uintptr(len(warm.lib.shared))
		}
		shared := 0
		for _, a := range warm.st.Articles() {
			if !warm.lib.Indexed(a) {
				continue
			}
			for i := range a.Quotes {
				if !in(a.QuoteParts(i)[0]) {
					t.Errorf("%s: quote %d's words are a copy, not the snapshot's", a.Path, i)
				}
				shared++
			}
			if text, _, _ := a.Text(); a.Format == store.FormatHTML {
				if !in(text) {
					t.Errorf("%s: the page's text is a copy, not the snapshot's", a.Path)
				}
				shared++
			}
		}
		if shared < len(articles)+1 {
			t.Errorf("%d quotes and texts read from the snapshot, want %d at least", shared, len(articles)+1)
		}
	}
	if fi2, err := os.Stat(warm.lib.Path()); err != nil || !os.SameFile(fi, fi2) {
		t.Errorf("a start that changed nothing wrote the snapshot again (%v)", err)
	}
}

func TestChangedFileIsReadAgain(t *testing.T) {
	t.Parallel()
	cache, root := t.TempDir(), t.TempDir()
	for name, text := range articles {
		write(t, filepath.Join(root, name), text, time.Minute)
	}
	const others = 20 // so that what changes is a tenth or less: see maxGone
	for i := range others {
		write(t, filepath.Join(root, fmt.Sprintf("f%02d.txt", i)), fmt.Sprintf("Report %d\n\nThe committee met for the %dth time.\n", i, i+1), time.Minute)
	}
	settle()
	start(t, cache, root)
	write(t, filepath.Join(root, "a.txt"), "Council drops the bridge\n\nThe council dropped the plan for a ferry.\n", 30*time.Second)
	os.Remove(filepath.Join(root, "c.txt"))
	write(t, filepath.Join(root, "d.txt"), "Zoo gets a panda\n\nThe zoo welcomed a panda.\n", time.Minute)
	settle()
	r := start(t, cache, root)
	if r.restored != 1+others { // all but a.txt and c.txt
		t.Errorf("restored %d articles, want %d (the unchanged ones)", r.restored, 1+others)
	}
	for q, want := range map[string]int{"ferry": 1, "panda": 1, "prize": 0, "\"the town\"": 0, "school": 1, "committee": others} {
		if got := len(r.answers(q)); got != want {
			t.Errorf("%s: %d answers after the change, want %d", q, got, want)
		}
		// the index itself: the old articles of changed files are gone from the start
		if got := r.idx.Search(q, 50).Total; got != want {
			t.Errorf("%s: the index counts %d articles after the change, want %d", q, got, want)
		}
	}
	// the snapshot written now has the change: the next start takes it all
	again := start(t, cache, root)
	if again.restored != 3+others {
		t.Errorf("the start after restored %d articles, want %d", again.restored, 3+others)
	}
	if got := len(again.answers("ferry")); got != 1 {
		t.Errorf("ferry: %d answers from the new snapshot, want 1", got)
	}
	if got := len(again.answers("prize")); got != 0 {
		t.Errorf("prize: %d answers from the new snapshot, want none (its file is gone)", got)
	}
	// a change to more than a tenth: the snapshot is dropped, and the next start builds it anew
	for i := range others / 2 {
		write(t, filepath.Join(root, fmt.Sprintf("f%02d.txt", i)), fmt.Sprintf("Report %d\n\nThe board met.\n", i), 30*time.Second)
	}
	settle()
	if r := start(t, cache, root); r.restored != 3+others/2 {
		t.Errorf("after changing half: restored %d, want %d", r.restored, 3+others/2)
	}
	if _, err := os.Stat(r.lib.Path()); !os.IsNotExist(err) {
		t.Errorf("a snapshot with half its articles gone was kept: %v", err)
	}
	if r := start(t, cache, root); r.restored != 0 || len(r.answers("board")) != others/2 {
		t.Errorf("the start after the drop: restored %d, board found in %d", r.restored, len(r.answers("board")))
	}
	if r := start(t, cache, root); r.restored != 3+others {
		t.Errorf("and the one after: restored %d, want %d", r.restored, 3+others)
	}
}

func TestFilesOfTheSnapshotAreNotRead(t *testing.T) {
	t.Parallel()
	if os.Getuid() == 0 {
		t.Skip("root reads any file")
	}
	cache, root := t.TempDir(), library(t)
	start(t, cache, root)
	for name := range articles {
		if err := os.Chmod(filepath.Join(root, name), 0); err != nil {
			t.Fatal(err)
		}
	}
	r := start(t, cache, root)
	if len(r.errs) != 0 || r.restored != len(articles) {
		t.Errorf("unreadable but unchanged files: %d restored, errors %v", r.restored, r.errs)
	}
}

func TestDamagedSnapshotMeansAFullLoad(t *testing.T) {
	t.Parallel()
	cache, root := t.TempDir(), library(t)
	cold := start(t, cache, root)
	data, err := os.ReadFile(cold.lib.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []int{0, headerLen - 1, headerLen + 5, len(data) / 2, len(data) - 1} {
		bad := slices.Clone(data)
		bad[at] ^= 0x40
		if err := os.WriteFile(cold.lib.Path(), bad, 0o600); err != nil {
			t.Fatal(err)
		}
		r := start(t, cache, root)
		if r.restored != 0 {
			t.Errorf("byte %d damaged: %d articles restored", at, r.restored)
		}
		if got, want := r.listing(t), cold.listing(t); !slices.Equal(got, want) {
			t.Errorf("byte %d damaged: articles %q, want %q", at, got, want)
		}
		if got, want := r.answers("bridge"), cold.answers("bridge"); !slices.Equal(got, want) {
			t.Errorf("byte %d damaged: bridge finds %q, want %q", at, got, want)
		}
	}
	if err := os.WriteFile(cold.lib.Path(), data[:len(data)/3], 0o600); err != nil {
		t.Fatal(err)
	}
	if r := start(t, cache, root); r.restored != 0 || len(r.listing(t)) != len(articles) {
		t.Errorf("truncated snapshot: %d restored, %d articles", r.restored, len(r.listing(t)))
	}
}

func TestSnapshotIsOfItsFolders(t *testing.T) {
	t.Parallel()
	cache, root, other := t.TempDir(), library(t), library(t)
	a, b := For(cache, store.Source{Paths: []string{root}}), For(cache, store.Source{Paths: []string{other}})
	if a.Path() == b.Path() {
		t.Fatalf("two folders share the snapshot %s", a.Path())
	}
	start(t, cache, root)
	// the other folder's snapshot file, if it held root's, is refused by its key
	data, err := os.ReadFile(a.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b.Path(), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if r := start(t, cache, other); r.restored != 0 {
		t.Errorf("a snapshot of another folder gave %d articles", r.restored)
	}
	if For(cache, store.Source{FS: os.DirFS(root), Paths: []string{"."}}) != nil || For("", store.Source{Paths: []string{root}}) != nil {
		t.Error("a snapshot for files not on the disk, or without a cache folder")
	}
}

func TestFreshFilesAreNotKept(t *testing.T) {
	t.Parallel()
	cache, root := t.TempDir(), t.TempDir()
	for name, text := range articles {
		write(t, filepath.Join(root, name), text, 0) // written just now: not settled
	}
	r := start(t, cache, root)
	if _, err := os.Stat(r.lib.Path()); !os.IsNotExist(err) {
		t.Errorf("a snapshot of files written this second: %v", err)
	}
}

func TestTidyKeepsTheNewest(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i := range keep + 3 {
		p := filepath.Join(dir, fmt.Sprintf("%02d.snapshot", i))
		write(t, p, "x", time.Duration(keep+3-i)*time.Minute)
	}
	write(t, filepath.Join(dir, "write-1.tmp"), "x", 2*time.Hour)
	write(t, filepath.Join(dir, "write-2.tmp"), "x", time.Minute) // maybe being written
	current := filepath.Join(dir, "00.snapshot")                  // the oldest, but just written
	tidy(dir, current)
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	var names []string
	for _, p := range left {
		names = append(names, filepath.Base(p))
	}
	want := []string{"00.snapshot", "04.snapshot", "05.snapshot", "06.snapshot", "07.snapshot", "08.snapshot", "09.snapshot", "10.snapshot", "write-2.tmp"}
	if !slices.Equal(names, want) {
		t.Errorf("left %q, want %q", names, want)
	}
}

// A snapshot written by another build is not used: it may have made other
// titles, quotes or index of the same files.
func TestSnapshotOfAnotherBuild(t *testing.T) {
	cache, root := t.TempDir(), library(t)
	start(t, cache, root)
	if r := start(t, cache, root); r.restored != len(articles) {
		t.Fatalf("same build: restored %d, want %d", r.restored, len(articles))
	}
	real := buildID
	defer func() { buildID = real }()
	buildID = func() string { return "another build" }
	if r := start(t, cache, root); r.restored != 0 {
		t.Errorf("another build restored %d articles", r.restored)
	}
	buildID = real // and the first build's is still there
	if r := start(t, cache, root); r.restored != len(articles) {
		t.Errorf("back to the first build: restored %d, want %d", r.restored, len(articles))
	}
}

// A library that loads in no time is not kept, unless it is worth it.
func TestSmallLibraryIsNotKept(t *testing.T) {
	t.Parallel()
	cache, root := t.TempDir(), library(t)
	if For(cache, store.Source{Paths: []string{root}}).MinSize != minSize {
		t.Errorf("MinSize is not %d by default", minSize)
	}
	size := int64(0)
	for _, text := range articles {
		size += int64(len(text))
	}
	r := startKeeping(t, cache, root, size+1)
	if _, err := os.Stat(r.lib.Path()); !os.IsNotExist(err) {
		t.Errorf("a library of %d bytes kept with MinSize %d: %v", size, size+1, err)
	}
	r = startKeeping(t, cache, root, size)
	if _, err := os.Stat(r.lib.Path()); err != nil {
		t.Errorf("a library of %d bytes not kept with MinSize %d: %v", size, size, err)
	}
}

// A gzipped markdown file that is only a heading keeps an empty text: its
// snapshot is taken, not a crash (found in review).
func TestEmptyHeldTextIsRestored(t *testing.T) {
	t.Parallel()
	cache, root := t.TempDir(), t.TempDir()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte("# Heading\n"))
	zw.Close()
	write(t, filepath.Join(root, "h.md.gz"), b.String(), time.Minute)
	settle()
	cold := start(t, cache, root)
	warm := start(t, cache, root)
	if warm.restored != 1 {
		t.Fatalf("restored %d articles, want the heading's", warm.restored)
	}
	if got, want := warm.listing(t), cold.listing(t); !slices.Equal(got, want) {
		t.Errorf("restored %q, want %q", got, want)
	}
}

// Not parallel: the collector's setting is the process's.
func TestCollectorIsBackAfterReading(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(71))
	cache, root := t.TempDir(), library(t)
	start(t, cache, root)
	if r := start(t, cache, root); r.restored == 0 {
		t.Fatal("nothing restored: the snapshot was not read")
	}
	if got := debug.SetGCPercent(71); got != 71 {
		t.Errorf("after a snapshot is read the collector's percent is %d, want 71", got)
	}
	// reads that overlap give it back once the last is done
	a, b := holdGC(), holdGC()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("while held the percent is %d, want -1", got)
	}
	a()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("while one read still holds it the percent is %d, want -1", got)
	}
	b()
	if got := debug.SetGCPercent(71); got != 71 {
		t.Errorf("once both are done the percent is %d, want 71", got)
	}
}
