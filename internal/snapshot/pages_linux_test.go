package snapshot

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unsafe"
)

// Restoring the index, then each query, gives back the pages of the
// snapshot they mapped into memory.
func TestQueriesGiveBackTheMappedPages(t *testing.T) {
	t.Parallel()
	cache, root := t.TempDir(), library(t)
	start(t, cache, root)
	warm := start(t, cache, root)
	if !warm.lib.restored || len(warm.lib.mapped) != 2 {
		t.Fatalf("the second start restored nothing (%d sections mapped)", len(warm.lib.mapped))
	}
	index := warm.lib.mapped[1]
	if n := mappedPages(t, index); n != 0 {
		t.Errorf("%d pages of the index are in memory once it is restored", n)
	}
	sum := byte(0)
	for _, c := range index {
		sum += c
	}
	if mappedPages(t, index) == 0 {
		t.Fatalf("reading the index (sum %d) mapped none of its pages", sum)
	}
	if len(warm.answers("bridge")) == 0 {
		t.Fatal("the query found nothing")
	}
	if n := mappedPages(t, index); n != 0 {
		t.Errorf("%d pages of the index are still in memory after a query", n)
	}
	if got := warm.answers("bridge"); len(got) == 0 {
		t.Error("the query finds nothing once the pages are given back")
	}
}

// mappedPages counts the pages of b in this process's memory.
func mappedPages(t *testing.T, b []byte) int {
	t.Helper()
	f, err := os.Open("/proc/self/pagemap")
	if err != nil {
		t.Skipf("no page map to read: %v", err)
	}
	defer f.Close()
	page := uintptr(os.Getpagesize())
	first := uintptr(unsafe.Pointer(unsafe.SliceData(b))) / page
	last := (uintptr(unsafe.Pointer(unsafe.SliceData(b))) + uintptr(len(b)) - 1) / page
	entries := make([]byte, 8*(last-first+1))
	if _, err := f.ReadAt(entries, int64(first*8)); err != nil {
		t.Fatalf("reading the page map: %v", err)
	}
	n := 0
	for i := 0; i < len(entries); i += 8 {
		if binary.LittleEndian.Uint64(entries[i:])&(1<<63) != 0 { // present
			n++
		}
	}
	return n
}

// Writing the snapshot again, after a file changed, gives back the pages of
// the old one that it read: the quotes' words and the index.
func TestSaveGivesBackTheMappedPages(t *testing.T) {
	t.Parallel()
	cache, root := t.TempDir(), library(t)
	for i := range 12 { // enough that one file changed is worth writing it again for
		write(t, filepath.Join(root, fmt.Sprintf("f%02d.txt", i)), fmt.Sprintf("Report %d\n\nThe committee met for the %dth time.\n", i, i+1), time.Minute)
	}
	settle()
	first := start(t, cache, root)
	before, err := os.Stat(first.lib.Path())
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "a.txt"), articles["a.txt"]+"\nThe bridge opens in May.\n", time.Minute)
	settle()
	changed := start(t, cache, root) // Save writes it all again
	if !changed.lib.restored || len(changed.lib.mapped) != 2 {
		t.Fatalf("the second start restored nothing (%d sections mapped)", len(changed.lib.mapped))
	}
	if after, err := os.Stat(changed.lib.Path()); err != nil || os.SameFile(before, after) {
		t.Fatalf("the snapshot was not written again (%v)", err)
	}
	for i, what := range []string{"articles", "index"} {
		if n := mappedPages(t, changed.lib.mapped[i]); n != 0 {
			t.Errorf("%d pages of the old snapshot's %s are in memory after it was written again", n, what)
		}
	}
}
