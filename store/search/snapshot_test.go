package search

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"newsreader/store"
)

// snapWords make the generated articles: stems with several words
// (negotiate, negotiations), words for prefixes, and common words in a row.
var snapWords = strings.Fields(`economy economic economist market markets marketing price prices priced
	oil gas energy minister ministers government election elections vote voted voters talks negotiate
	negotiations negotiated deal deals bank banks banking football match player players club clubs goal
	goals film films music band award awards court judge case police report reports reported growth
	shares profit profits budget tax taxes plan plans school schools health hospital`)

var snapSpeakers = []string{"Tony Blair", "Gordon Brown", "Michael Howard", "Vladimir Putin", "Alex Ferguson", "Kate Moss"}

// snapArticles makes n articles from snapWords, each with a word of its
// own (item<i>), most with quotes by one of snapSpeakers, in 2 to
// 1+sentences sentences.
func snapArticles(t testing.TB, n int, seed uint64, sentences int) []*store.Article {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	word := func() string { return snapWords[rng.IntN(len(snapWords))] }
	arts := make([]*store.Article, n)
	for i := range arts {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s of the %s item%d\n\n", strings.ToUpper(word()[:1])+word()[1:], word(), word(), i)
		for range 2 + rng.IntN(sentences) {
			switch rng.IntN(4) {
			case 0:
				fmt.Fprintf(&b, "\"We will %s the %s of the %s,\" said %s. ", word(), word(), word(), snapSpeakers[rng.IntN(len(snapSpeakers))])
			case 1:
				fmt.Fprintf(&b, "The %s %s rose in the %s and the %s. ", word(), word(), word(), word())
			default:
				fmt.Fprintf(&b, "%s %s %s %s to the %s. ", strings.ToUpper(word()[:1])+word()[1:], word(), word(), word(), word())
			}
		}
		arts[i] = article(t, fmt.Sprintf("n%04d.txt", i), b.String())
	}
	return arts
}

// snapQueries cover the query language: words and their stems, phrases
// with common words ("of the" is one term), prefixes, fields, speakers,
// exclusions and typos.
var snapQueries = []string{
	"oil", "negotiations", "NEGOTIATE", `"negotiations"`, "market prices", `"of the"`, `"the oil"`,
	`"rose in the"`, `"to the"`, `"we will"`, "econom*", "ne*", "play*", "title:budget", "title:\"of the\"",
	"quote:deal", `quote:"we will"`, "speaker:blair", "speaker:\"tony blair\"", "speaker:bro*",
	"speaker:putin -oil", "-football said", "negotiatons", "minster", "ecomony growth", "item7", "item42 oil",
}

// ordinals numbers the articles by their place in arts.
func ordinals(arts []*store.Article) func(*store.Article) (uint32, bool) {
	at := make(map[*store.Article]uint32, len(arts))
	for i, a := range arts {
		at[a] = uint32(i)
	}
	return func(a *store.Article) (uint32, bool) {
		i, ok := at[a]
		return i, ok
	}
}

func save(t testing.TB, x *Index, arts []*store.Article) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := x.Save(&buf, ordinals(arts)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func restore(t testing.TB, data []byte, arts []*store.Article) *Index {
	t.Helper()
	x, err := Restore(data, arts)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// limitedAnswers is answers at a limit, where the phrases not checked in
// articles that cannot rank make the totals estimates.
func limitedAnswers(x *Index, queries []string, limit int) []string {
	var out []string
	for _, q := range queries {
		r := x.Search(q, limit)
		out = append(out, fmt.Sprintf("%s: %d %v %q", q, r.Total, r.Estimated, r.Suggestion))
		for _, h := range r.Hits {
			out = append(out, fmt.Sprintf("%s %v", h.Article.Path, h.Score))
		}
	}
	return out
}

// TestSnapshotRoundTrip: an index restored from its snapshot answers every
// query as the index saved, with the same hits, scores, order and totals,
// whether the snapshot is read in place or, misaligned, copied.
func TestSnapshotRoundTrip(t *testing.T) {
	arts := snapArticles(t, 700, 1, 5)
	x := indexInOrder(arts, 200) // enough articles for skips and entry tables
	data := save(t, x, arts)
	// a copy one byte off the alignment of the original
	shifted := make([]byte, len(data)+1)[1:]
	copy(shifted, data)

	want := answers(x, snapQueries)
	wantTop := limitedAnswers(x, snapQueries, 5)
	for _, tt := range []struct {
		name string
		data []byte
	}{{"in place", data}, {"misaligned", shifted}} {
		y := restore(t, tt.data, arts)
		if got := answers(y, snapQueries); !slices.Equal(got, want) {
			t.Errorf("%s: the restored index answers otherwise:\n%s", tt.name, firstDiff(got, want))
		}
		if got := limitedAnswers(y, snapQueries, 5); !slices.Equal(got, wantTop) {
			t.Errorf("%s: the restored index's best 5 differ:\n%s", tt.name, firstDiff(got, wantTop))
		}
		if y.Len() != len(arts) || !y.Compacted() {
			t.Errorf("%s: Len %d, compacted %v; want %d, true", tt.name, y.Len(), y.Compacted(), len(arts))
		}
		// the test checks little unless the snapshot holds what a query can use
		sealed, skips, at := len(y.sealed), 0, 0
		for _, s := range y.sealed {
			skips += len(s.skipTerms)
			at += len(s.atTerms)
		}
		if sealed < 3 || skips == 0 || at == 0 {
			t.Errorf("%s: %d segments, %d terms with skips, %d with entry tables: the test checks little", tt.name, sealed, skips, at)
		}
		if diff := sameIndex(x, y); diff != "" {
			t.Errorf("%s: the restored index differs: %s", tt.name, diff)
		}
	}
	found := 0
	for _, line := range want {
		if strings.HasPrefix(line, "n0") {
			found++
		}
	}
	if found < 500 {
		t.Errorf("the queries found %d hits in all: the test checks little", found)
	}
	// a restored index saves to the same bytes
	if again := save(t, restore(t, data, arts), arts); !bytes.Equal(again, data) {
		t.Errorf("saved again after Restore: %d bytes, first %d", len(again), len(data))
	}
}

// sameIndex names the first part in which two indexes differ, "" if none.
func sameIndex(x, y *Index) string {
	dx, dy := x.dict, y.dict
	for _, part := range []struct {
		name string
		x, y any
	}{
		{"terms", dx.terms, dy.terms}, {"tails", dx.tails, dy.tails}, {"stemOf", dx.stemOf, dy.stemOf},
		{"stems", dx.stems, dy.stems}, {"stemTails", dx.stemTails, dy.stemTails}, {"stemTable.n", dx.stemTable.n, dy.stemTable.n},
		{"family", dx.family, dy.family}, {"df", dx.df, dy.df},
		{"stemDF", dx.stemDF, dy.stemDF}, {"masks", dx.masks, dy.masks}, {"common", dx.common, dy.common},
		{"sorted", dx.sorted, dy.sorted}, {"table.n", dx.table.n, dy.table.n},
		{"speakers", x.speakers.ids, y.speakers.ids}, {"speakers' words", x.speakers.words, y.speakers.words},
		{"stats", x.stats, y.stats}, {"segments", len(x.sealed), len(y.sealed)},
	} {
		if !reflect.DeepEqual(part.x, part.y) {
			return part.name
		}
	}
	// an article without quotes may have them nil or empty
	normal := func(s *segment) segment {
		c := *s
		c.docs = slices.Clone(s.docs)
		for i := range c.docs {
			if len(c.docs[i].quotes) == 0 {
				c.docs[i].quotes = nil
			}
		}
		return c
	}
	for i := range x.sealed {
		if !reflect.DeepEqual(normal(x.sealed[i]), normal(y.sealed[i])) {
			return fmt.Sprintf("segment %d", i)
		}
	}
	return ""
}

// indexInOrder indexes arts one after the other, so that the segments
// are filled one at a time.
func indexInOrder(arts []*store.Article, segmentDocs int) *Index {
	x := New()
	x.segmentDocs = segmentDocs
	for _, a := range arts {
		x.Add(a)
	}
	x.Compact()
	return x
}

// TestSnapshotGone: articles restored without their article (nil, out of
// range, or saved without an ordinal) are never found; the others are,
// with the scores of the index saved (the gone still count in the
// collection's statistics).
func TestSnapshotGone(t *testing.T) {
	arts := snapArticles(t, 500, 2, 5)
	x := New()
	x.segmentDocs = 128
	x.AddBatch(arts)
	x.Compact()
	number := ordinals(arts)
	data := save(t, x, arts)
	// the last 20 are left out of the list; every 7th is saved without a number
	unnumbered := func(a *store.Article) bool { i, _ := number(a); return i%7 == 3 }
	var buf bytes.Buffer
	if err := x.Save(&buf, func(a *store.Article) (uint32, bool) {
		i, ok := number(a)
		return i, ok && !unnumbered(a)
	}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		data []byte
		gone func(i int) bool
	}{
		{"nil", data, func(i int) bool { return i%5 == 1 }},
		{"out of range", data, func(i int) bool { return i >= 480 }},
		{"no ordinal", buf.Bytes(), func(i int) bool { return i%7 == 3 }},
		{"forgotten", data, func(i int) bool { return i%5 == 1 || i%7 == 3 }},
	} {
		list := slices.Clone(arts)
		goneCount := 0
		var stale []*store.Article
		for i := range list {
			if tt.gone(i) {
				stale = append(stale, list[i])
				list[i] = nil
				goneCount++
			}
		}
		if tt.name == "out of range" {
			list = list[:480]
		}
		var y *Index
		if tt.name == "forgotten" {
			// restored whole, then told which files changed: saved again,
			// they stay gone
			y = restore(t, tt.data, arts)
			y.Forget(stale)
			y.Forget(stale[:3]) // again: nothing more
			if y.Len() != len(arts)-goneCount {
				t.Errorf("forgotten, before saving: Len %d, want %d", y.Len(), len(arts)-goneCount)
			}
			y.Each(func(a *store.Article) {
				if i, _ := number(a); a != nil && tt.gone(int(i)) {
					t.Errorf("Each gives %s, forgotten", a.Path)
				}
			})
			y = restore(t, save(t, y, arts), arts)
		} else {
			y = restore(t, tt.data, list)
		}
		if y.Len() != len(arts)-goneCount {
			t.Errorf("%s: Len %d, want %d", tt.name, y.Len(), len(arts)-goneCount)
		}
		lost := 0
		for _, q := range snapQueries {
			r, all := y.Search(q, 0), x.Search(q, 0)
			var want []string
			wantTotal := all.Total
			for _, h := range all.Hits {
				if i, _ := number(h.Article); tt.gone(int(i)) {
					wantTotal--
					continue
				}
				want = append(want, fmt.Sprintf("%s %v %v", h.Article.Path, h.Score, h.Ranges))
			}
			var got []string
			for _, h := range r.Hits {
				got = append(got, fmt.Sprintf("%s %v %v", h.Article.Path, h.Score, h.Ranges))
			}
			if !slices.Equal(got, want) || r.Total != wantTotal {
				t.Errorf("%s: %q found %d (total %d), want %d (total %d):\n%s", tt.name, q, len(got), r.Total, len(want), wantTotal, firstDiff(got, want))
			}
			lost += len(all.Hits) - len(r.Hits)
		}
		if lost == 0 {
			t.Errorf("%s: no query found a gone article in the index saved: the test checks little", tt.name)
		}
	}
}

// TestSnapshotAddAfter: a restored index takes more articles, with words
// new and old, and answers as an index that took them all in one go.
func TestSnapshotAddAfter(t *testing.T) {
	arts := snapArticles(t, 800, 3, 5)
	// new words: in the new articles only, and new stems of old ones
	for i := 600; i < 800; i += 3 {
		arts[i] = article(t, fmt.Sprintf("n%04d.txt", i), fmt.Sprintf("Zebra negotiators item%d\n\nThe zebras of the zoo negotiated. \"Zebra crossings,\" said Zara Zed. Item%d.\n", i, i))
	}
	x := New()
	x.segmentDocs = 200
	x.AddBatch(arts[:600])
	x.Compact()
	y := restore(t, save(t, x, arts[:600]), arts[:600])
	y.segmentDocs = 64
	terms := len(y.dict.terms)
	y.AddBatch(arts[600:])
	one := New()
	one.AddBatch(arts)
	queries := append(slices.Clone(snapQueries), "zebra", "zebr*", `"the zebras"`, "speaker:zed", "negotiators", "item650 zebra", "zebar", "item7*")
	want := answers(one, queries)
	if got := answers(y, queries); !slices.Equal(got, want) {
		t.Errorf("added to a restored index, open segments: the answers differ from an index built in one go:\n%s", firstDiff(got, want))
	}
	y.Compact()
	if got := answers(y, queries); !slices.Equal(got, want) {
		t.Errorf("added to a restored index and compacted: the answers differ from an index built in one go:\n%s", firstDiff(got, want))
	}
	if len(y.dict.terms) <= terms {
		t.Errorf("%d terms after adding, %d before: the test adds no word", len(y.dict.terms), terms)
	}
	if r := y.Search("zebra", 0); r.Total != 67 {
		t.Errorf("zebra: %d found, want 67", r.Total)
	}
}

// TestSaveNotCompact: Save wants every article in the compact form, and
// says when a write fails.
func TestSaveNotCompact(t *testing.T) {
	arts := snapArticles(t, 50, 4, 5)
	x := New()
	x.AddBatch(arts)
	var buf bytes.Buffer
	if err := x.Save(&buf, ordinals(arts)); err == nil {
		t.Error("Save of an index with open segments: no error")
	}
	x.Compact()
	if err := x.Save(failingWriter{}, ordinals(arts)); err == nil {
		t.Error("Save to a writer that fails: no error")
	}
	if err := x.Save(&buf, ordinals(arts)); err != nil {
		t.Errorf("Save after Compact: %v", err)
	}
}

// TestSaveWhileAdding: Save beside Add and Search either says that some
// articles are not compact or writes a snapshot that restores to the
// articles sealed when it was taken.
func TestSaveWhileAdding(t *testing.T) {
	arts := snapArticles(t, 600, 6, 3)
	x := indexInOrder(arts[:200], 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i, a := range arts[200:] {
			x.Add(a)
			if i%50 == 0 {
				x.Compact()
				x.Search("oil", 5)
			}
		}
		x.Compact()
	}()
	saved, refused := 0, 0
	for adding := true; adding; {
		select {
		case <-done:
			adding = false
		default:
		}
		var buf bytes.Buffer
		if err := x.Save(&buf, ordinals(arts)); err != nil {
			refused++
			continue
		}
		saved++
		y := restore(t, buf.Bytes(), arts)
		if n := y.Len(); n < 200 || n > len(arts) {
			t.Fatalf("restored %d articles, want 200 to %d", n, len(arts))
		}
		if r := y.Search("item5", 0); r.Total != 1 {
			t.Fatalf("item5: %d found in a snapshot taken while adding, want 1", r.Total)
		}
	}
	if saved == 0 {
		t.Error("no Save succeeded, not even after the last Compact")
	}
	if y := restore(t, save(t, x, arts), arts); y.Len() != len(arts) {
		t.Errorf("restored %d articles once all were added, want %d", y.Len(), len(arts))
	}
	t.Logf("%d saved, %d refused", saved, refused)
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestRestoreBadInput: a snapshot cut short anywhere is an error; one with
// a byte changed outside the postings is an error or an index that
// answers; a length field made huge is an error, and never a huge
// allocation. Nothing panics.
func TestRestoreBadInput(t *testing.T) {
	arts := snapArticles(t, 130, 5, 1)
	x := indexInOrder(arts, 128) // one segment with skips and entry tables
	data := save(t, x, arts)
	clean := restore(t, data, arts)
	if len(clean.sealed[0].skipTerms) == 0 || len(clean.sealed[0].atTerms) == 0 {
		t.Fatal("no skips or entry tables: the test checks little")
	}

	// where the postings are, and where the first segment's tables start:
	// before them, any change leaves an index that answers without panic
	offset := func(p unsafe.Pointer) int { return int(uintptr(p) - uintptr(unsafe.Pointer(&data[0]))) }
	tables := offset(unsafe.Pointer(unsafe.SliceData(clean.sealed[0].terms)))
	inPostings := func(i int) bool {
		for _, s := range clean.sealed {
			if start := offset(unsafe.Pointer(unsafe.SliceData(s.data))); i >= start && i < start+len(s.data) {
				return true
			}
		}
		return false
	}

	// sampled is every byte of the header and the dictionary's start, and
	// every step-th byte further, to keep the test fast
	scale := 1
	if testing.Short() || raceEnabled {
		scale = 5
	}
	sampled := func(i, step int) bool { return i < 256 || i%(step*scale) == 0 }

	for n := range len(data) {
		if !sampled(n, 9) {
			continue
		}
		if _, err := Restore(data[:n], arts); err == nil {
			t.Fatalf("cut to %d of %d bytes: no error", n, len(data))
		}
	}
	if _, err := Restore(append(slices.Clone(data), 0), arts); err == nil {
		t.Error("a byte more: no error")
	}

	bad := slices.Clone(data)
	errs, ok := 0, 0
	for i := range data {
		if inPostings(i) || !sampled(i, 7) {
			continue
		}
		// a bit low, a bit high, or every bit, by turns
		v := [...]byte{data[i] ^ 1, data[i] ^ 0x80, 0xff}[i%3]
		if v == data[i] {
			v = 0
		}
		bad[i] = v
		y, err := Restore(bad, arts)
		switch {
		case err != nil:
			errs++
			if !strings.HasPrefix(err.Error(), "search snapshot: ") {
				t.Fatalf("byte %d to %#x: error %q", i, v, err)
			}
		case i < tables:
			ok++
			for _, q := range snapQueries[i%len(snapQueries):][:1] {
				y.Search(q, 10)
			}
		}
		bad[i] = data[i]
	}
	if errs == 0 || ok == 0 {
		t.Errorf("%d changes gave an error, %d an index to query: the test checks little", errs, ok)
	}

	// four bytes made huge, which makes every count and size outside the
	// postings huge in turn (the fourth, its highest byte, is in one of
	// the windows): Restore allocates no more than a small multiple of the
	// snapshot, and the header's are errors
	// (runtime/metrics, not ReadMemStats, which stops the world each time)
	allocated := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	for i := 0; i+4 <= len(data); i += 4 * scale {
		if inPostings(i) {
			continue
		}
		copy(bad[i:], []byte{0xff, 0xff, 0xff, 0x7f})
		metrics.Read(allocated)
		before := allocated[0].Value.Uint64()
		_, err := Restore(bad, arts)
		metrics.Read(allocated)
		if grew := allocated[0].Value.Uint64() - before; grew > 64*uint64(len(data))+1<<20 {
			t.Errorf("bytes %d to %d huge: Restore allocated %d bytes for a snapshot of %d", i, i+4, grew, len(data))
		}
		if i < 20 && err == nil {
			t.Errorf("bytes %d to %d huge in the header: no error", i, i+4)
		}
		copy(bad[i:], data[i:i+4])
	}
}

// FuzzRestore: whatever the bytes, Restore returns an error or an index,
// and never panics.
func FuzzRestore(f *testing.F) {
	arts := snapArticles(f, 130, 7, 1)
	data := save(f, indexInOrder(arts, 128), arts)
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add(save(f, indexInOrder(arts[:3], 128), arts))
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := Restore(b, arts)
		if err != nil {
			return
		}
		if x.Len() > x.stats.docs {
			t.Fatalf("Len %d of %d articles", x.Len(), x.stats.docs)
		}
		// whatever it restored, the rest of what a start does with it holds
		before := x.Len()
		x.Forget(arts[:5])
		if x.Len() > before || x.Len() < 0 {
			t.Fatalf("Len %d after forgetting, %d before", x.Len(), before)
		}
		x.Each(func(*store.Article) {})
		x.Search("oil -talks", 10)
		if err := x.Save(io.Discard, ordinals(arts)); err != nil {
			t.Fatalf("Save of a restored index: %v", err)
		}
	})
}
