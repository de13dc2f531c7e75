package search

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"sync"
	"unsafe"

	"newsreader/store"
)

// A snapshot is the index written to a file once loading is done, so that
// the next start reads it back instead of indexing every article again.
// All numbers are little-endian: u32 is 4 bytes, uv a uvarint, and every
// array of u32 or u16 starts at a multiple of 4 bytes from the start
// (zeros pad up to it), so that Restore reads it in place.
//
//	"nrsearch" u32 version
//	terms     u32 n, u32 size, then size bytes: n times uv length, the word
//	stems     u32 m, u32 size, then the m stems as the terms
//	stemOf    n u32; df: n u32; stemDF: m u32
//	sorted    u32 k, k u32: terms 0 to k-1 in word order
//	speakers  u32 s, u32 size, then the s names as the terms
//	segments  u32 g, then g times:
//	  docs    u32 count, u32 quotes, u32 size, then size bytes: for each
//	          article uv ordinal+1 (0: gone), uv titleLen, uv bodyLen,
//	          uv quotes, and for each quote uv from, uv to-from, uv speaker
//	  terms   u32 t, t u32 term IDs, t+1 u32 offsets, off[t] bytes of postings
//	  skips   u32 k, k u32 skipTerms, k+1 u32 skipOff, skipOff[k] times u32 next, u32 off
//	  at      u32 a, a u32 atTerms, then a times (count+63)/64 u32 base, count u16 rel
//
// What is cheap to work out again is not written: each word's tail, each
// term's letters and place among the common words, the tables of the terms
// and the stems, the stems' families, the speakers' words and the
// collection's statistics.

const (
	snapshotMagic   = "nrsearch"
	snapshotVersion = 1
)

// ErrNotCompact says Save met articles not in the compact form yet: Compact
// once every Add is done.
var ErrNotCompact = errors.New("search snapshot: some articles are not in the compact form yet")

// Save writes the index to w. Every article indexed must be in the compact
// form (Compact, and no Add running): it returns ErrNotCompact otherwise.
// ordinal gives each article its number in the caller's list; an article
// it reports false for is saved as gone (its postings stay, but Restore
// never returns it as a hit).

func (x *Index) Save(w io.Writer, ordinal func(*store.Article) (uint32, bool)) error {
	d := x.dict
	// first, so that the order covers no term the rest leaves out
	d.sortMu.Lock()
	sorted, _ := d.sortAll()
	d.sortMu.Unlock()

	x.mu.RLock()
	if len(x.open) > 0 {
		x.mu.RUnlock()
		return ErrNotCompact
	}
	sealed := slices.Clone(x.sealed)
	// the dictionary as it was when the segments were: seal counts a
	// segment's articles in df under both locks
	d.mu.RLock()
	n := len(d.terms)
	terms, stemOf := d.terms[:n:n], d.stemOf[:n:n]
	df, stemDF := slices.Clone(d.df), slices.Clone(d.stemDF)
	stems := d.stems[:len(d.family):len(d.family)]
	d.mu.RUnlock()
	x.mu.RUnlock()

	x.speakers.mu.RLock()
	names := make([]string, len(x.speakers.words))
	for name, id := range x.speakers.ids {
		names[id] = name
	}
	x.speakers.mu.RUnlock()

	sw := &snapWriter{w: bufio.NewWriterSize(w, 1<<16)}
	sw.write([]byte(snapshotMagic))
	sw.u32(snapshotVersion)
	sw.strings(terms)
	sw.strings(stems)
	sw.u32s(stemOf)
	sw.u32s(df)
	sw.u32s(stemDF)
	sw.u32(uint32(len(sorted)))
	sw.u32s(sorted)
	sw.strings(names)
	sw.u32(uint32(len(sealed)))
	x.doneReading() // the dictionary, when it is read in place
	for _, s := range sealed {
		sw.segment(s, ordinal)
		x.doneReading()
	}
	if sw.err != nil {
		return fmt.Errorf("search snapshot: %w", sw.err)
	}
	if err := sw.w.Flush(); err != nil {
		return fmt.Errorf("search snapshot: %w", err)
	}
	return nil
}

// snapWriter writes a snapshot, keeping the first error.
type snapWriter struct {
	w       *bufio.Writer
	n       int64 // bytes written, for the alignment
	err     error
	scratch []byte
}

func (w *snapWriter) write(b []byte) {
	if w.err != nil {
		return
	}
	_, w.err = w.w.Write(b)
	w.n += int64(len(b))
}

func (w *snapWriter) u32(v uint32) {
	w.write(binary.LittleEndian.AppendUint32(w.scratch[:0], v))
}

// align pads to a multiple of 4 bytes.
func (w *snapWriter) align() {
	if pad := -w.n & 3; pad > 0 {
		w.write(make([]byte, pad))
	}
}

// fixed writes n values of size bytes each, put by put, aligned.
func (w *snapWriter) fixed(n, size int, put func(b []byte, i int) []byte) {
	w.align()
	const chunk = 1 << 14
	for i := 0; i < n; {
		b := w.scratch[:0]
		for end := min(n, i+chunk/size); i < end; i++ {
			b = put(b, i)
		}
		w.scratch = b
		w.write(b)
	}
}

func (w *snapWriter) u32s(vs []uint32) {
	w.fixed(len(vs), 4, func(b []byte, i int) []byte { return binary.LittleEndian.AppendUint32(b, vs[i]) })
}

// strings writes a count, the size of the list, and each string after its length.
func (w *snapWriter) strings(ss []string) {
	size := 0
	for _, s := range ss {
		size += varintLen(uint64(len(s))) + len(s)
	}
	w.u32(uint32(len(ss)))
	w.u32(uint32(size))
	for _, s := range ss {
		w.write(binary.AppendUvarint(w.scratch[:0], uint64(len(s))))
		w.write(unsafe.Slice(unsafe.StringData(s), len(s)))
	}
}

func (w *snapWriter) segment(s *segment, ordinal func(*store.Article) (uint32, bool)) {
	quotes := 0
	var docs []byte
	for i, d := range s.docs {
		ord := uint64(0) // gone
		if d.art != nil && !s.isGone(i) {
			if o, ok := ordinal(d.art); ok {
				ord = uint64(o) + 1
			}
		}
		docs = binary.AppendUvarint(docs, ord)
		docs = binary.AppendUvarint(docs, uint64(d.titleLen))
		docs = binary.AppendUvarint(docs, uint64(d.bodyLen))
		docs = binary.AppendUvarint(docs, uint64(len(d.quotes)))
		for _, q := range d.quotes {
			docs = binary.AppendUvarint(docs, uint64(q.from))
			docs = binary.AppendUvarint(docs, uint64(q.to-q.from))
			docs = binary.AppendUvarint(docs, uint64(q.speaker))
		}
		quotes += len(d.quotes)
	}
	w.u32(uint32(len(s.docs)))
	w.u32(uint32(quotes))
	w.u32(uint32(len(docs)))
	w.write(docs)

	w.align()
	w.u32(uint32(len(s.terms)))
	w.u32s(s.terms)
	w.u32s(s.off)
	w.write(s.data)

	w.align()
	w.u32(uint32(len(s.skipTerms)))
	w.u32s(s.skipTerms)
	w.u32s(s.skipOff)
	w.fixed(len(s.skips), 8, func(b []byte, i int) []byte {
		return binary.LittleEndian.AppendUint32(binary.LittleEndian.AppendUint32(b, s.skips[i].next), s.skips[i].off)
	})

	w.align()
	w.u32(uint32(len(s.atTerms)))
	w.u32s(s.atTerms)
	for _, e := range s.at {
		w.u32s(e.base)
		w.fixed(len(e.rel), 2, func(b []byte, i int) []byte { return binary.LittleEndian.AppendUint16(b, e.rel[i]) })
	}
}

// Restore makes an index from what Save wrote. arts[i] is the article
// whose ordinal was i; an ordinal out of range or a nil there makes that
// article gone: its postings stay but it is never a hit. data is kept
// (posting lists and words are read in place), so the caller must never
// change it. The index takes more articles with Add as usual.
func Restore(data []byte, arts []*store.Article) (*Index, error) {
	r := &snapReader{data: data, what: "header"}
	if string(r.take(int64(len(snapshotMagic)))) != snapshotMagic {
		return nil, errors.New("search snapshot: not a snapshot of the search index")
	}
	if v := r.u32(); v != snapshotVersion {
		return nil, fmt.Errorf("search snapshot: version %d, this reader knows %d", v, snapshotVersion)
	}
	x := New()
	d := x.dict
	r.what = "terms"
	d.terms = r.strings()
	r.what = "stems"
	d.stems = r.strings()
	stems := d.stems
	// the tables of the terms and the stems are most of the work with a
	// large vocabulary, so they are made beside the rest
	var wg sync.WaitGroup
	var tableErr, stemsErr error
	if r.err == nil {
		wg.Go(func() { tableErr = d.derive() })
		wg.Go(func() { stemsErr = d.deriveStems() })
	}
	r.what = "stemOf"
	d.stemOf = r.u32s(len(d.terms))
	for _, st := range d.stemOf {
		if int(st) >= len(stems) {
			r.fail("stem %d of %d", st, len(stems))
			break
		}
	}
	d.family = families(d.stemOf, len(stems))
	r.what = "df"
	d.df = slices.Clone(r.u32s(len(d.terms))) // seal adds to them
	d.stemDF = slices.Clone(r.u32s(len(stems)))
	r.what = "sorted"
	d.sorted = r.u32s(r.count(4))
	if r.err == nil && len(d.sorted) > len(d.terms) {
		r.fail("%d terms sorted of %d", len(d.sorted), len(d.terms))
	}
	if r.err == nil && !permutation(d.sorted) {
		r.fail("not the terms 0 to %d", len(d.sorted)-1)
	}
	r.what = "speakers"
	names := r.strings()
	for _, name := range names {
		x.speakers.id(name)
	}
	if r.err == nil && len(x.speakers.words) != len(names) {
		r.fail("a speaker is there twice")
	}
	r.what = "segments"
	x.sealed = make([]*segment, r.count(16))
	for i := range x.sealed {
		r.what = fmt.Sprintf("segment %d", i)
		x.sealed[i] = r.segment(len(d.terms), len(names), arts)
		if r.err != nil {
			break
		}
		for _, doc := range x.sealed[i].docs {
			x.stats.add(stats{docs: 1, titleLen: int64(doc.titleLen), bodyLen: int64(doc.bodyLen)})
		}
		for _, g := range x.sealed[i].gone {
			x.gone += bits.OnesCount64(g)
		}
	}
	if r.err == nil && r.at != len(data) {
		r.what = "end"
		r.fail("%d bytes more", len(data)-r.at)
	}
	wg.Wait()
	if err := cmp.Or(r.err, tableErr, stemsErr); err != nil {
		return nil, err
	}
	return x, nil
}

// derive works out what the dictionary keeps of each term besides the
// word itself, and the term table.
func (d *dict) derive() error {
	n := len(d.terms)
	d.tails = make([]uint64, n)
	d.masks = make([]uint32, n)
	d.common = make([]uint8, n)
	for id, t := range d.terms {
		if t == "" {
			return fmt.Errorf("search snapshot: terms: term %d is empty", id)
		}
		d.tails[id] = wordTail(t)
		d.masks[id] = letterMask(t)
		if len(t) <= 5 { // no common word is longer
			d.common[id] = commonIndex[t]
		}
	}
	var err error
	if d.table, err = buildTable(d.terms, d.tails); err != nil {
		return fmt.Errorf("search snapshot: terms: %w", err)
	}
	return nil
}

// deriveStems makes the stems' tails and table.
func (d *dict) deriveStems() error {
	d.stemTails = make([]uint64, len(d.stems))
	for id, st := range d.stems {
		d.stemTails[id] = wordTail(st)
	}
	var err error
	if d.stemTable, err = buildTable(d.stems, d.stemTails); err != nil {
		return fmt.Errorf("search snapshot: stems: %w", err)
	}
	return nil
}

// buildTable makes the table of words, whose tails are given.
//
// A word's slot is anywhere in a table of a million slots: put in the order
// of the IDs, each word would cost a miss of the processor's caches (half
// a million words took 90 ms). So the slots are filled in the order of
// where they go (linear probing finds a word whatever the order it came in).
func buildTable(words []string, tails []uint64) (termTable, error) {
	n := len(words)
	size := 1024
	for 2*(n+1) > size {
		size *= 2
	}
	t := termTable{seed: rand.Uint64(), slots: make([]termSlot, size), n: n}
	mask := uint64(size - 1)
	// the table in 4096 parts: the words of a part fill a few pages
	shift := max(bits.Len(uint(size))-1-12, 0)
	start := make([]uint32, size>>shift+1)
	bytesOf := func(w string) []byte { return unsafe.Slice(unsafe.StringData(w), len(w)) }
	for _, w := range words {
		start[(t.keyOf(bytesOf(w)).hash&mask)>>shift+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	// each word's slot and where it goes, by part
	type placed struct {
		termSlot
		home uint64
	}
	byPart := make([]placed, n)
	for id, w := range words {
		k := t.keyOf(bytesOf(w))
		home := k.hash & mask
		byPart[start[home>>shift]] = placed{termSlot{head: k.head, tag: k.tag, id: uint32(id) + 1}, home}
		start[home>>shift]++
	}
	slots := t.slots
	for _, p := range byPart {
		i := p.home
		for ; slots[i].id != 0; i = (i + 1) & mask {
			s := slots[i]
			if s.tag == p.tag && s.head == p.head {
				// the same length: the same bytes up to 8, then the tails and the rest
				w := words[p.id-1]
				if len(w) <= 8 || tails[s.id-1] == tails[p.id-1] && words[s.id-1][min(16, len(w)):] == w[min(16, len(w)):] {
					return termTable{}, fmt.Errorf("%q is there twice", w)
				}
			}
		}
		slots[i] = p.termSlot
	}
	return t, nil
}

// families lists each stem's terms, in the order of their IDs, in one
// array; each list's capacity ends where it does, so that insert's append
// moves it rather than write over the next.
func families(stemOf []uint32, stems int) [][]uint32 {
	start := make([]uint32, stems+1)
	for _, st := range stemOf {
		if int(st) < stems {
			start[st+1]++
		}
	}
	for i := 1; i <= stems; i++ {
		start[i] += start[i-1]
	}
	all := make([]uint32, len(stemOf))
	fill := slices.Clone(start[:stems])
	for id, st := range stemOf {
		if int(st) < stems {
			all[fill[st]] = uint32(id)
			fill[st]++
		}
	}
	family := make([][]uint32, stems)
	for st := range family {
		family[st] = all[start[st]:start[st+1]:start[st+1]]
	}
	return family
}

// permutation reports whether ids are 0 to len(ids)-1, each once.
func permutation(ids []uint32) bool {
	seen := make([]uint64, (len(ids)+63)/64)
	for _, id := range ids {
		if int(id) >= len(ids) || seen[id/64]&(1<<(id%64)) != 0 {
			return false
		}
		seen[id/64] |= 1 << (id % 64)
	}
	return true
}

// snapReader reads a snapshot in place. After the first error every read
// gives zero values, so a reading goes on to its end and is checked once.
type snapReader struct {
	data []byte
	at   int
	err  error
	what string // the part being read, for the errors
}

func (r *snapReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("search snapshot: %s: %s", r.what, fmt.Sprintf(format, args...))
	}
}

// take returns the next n bytes.
func (r *snapReader) take(n int64) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > int64(len(r.data)-r.at) {
		r.fail("truncated at byte %d: %d bytes wanted, %d left", r.at, n, len(r.data)-r.at)
		return nil
	}
	b := r.data[r.at : r.at+int(n) : r.at+int(n)]
	r.at += int(n)
	return b
}

func (r *snapReader) u32() uint32 {
	if b := r.take(4); len(b) == 4 {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

// count reads a count of things of at least size bytes each, which must
// fit in what is left: a count can't make Restore allocate more than the
// snapshot's size.
func (r *snapReader) count(size int) int {
	n := int64(r.u32())
	if r.err == nil && n*int64(size) > int64(len(r.data)-r.at) {
		r.fail("%d of %d bytes each, but %d bytes left", n, size, len(r.data)-r.at)
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

// align passes the padding to a multiple of 4 bytes.
func (r *snapReader) align() { r.take(int64(-r.at & 3)) }

// fixedArray is n values of size bytes each, aligned: in place where the
// machine is little-endian and the bytes are aligned for T, else decoded.
func fixedArray[T any](r *snapReader, n, size int, decode func(b []byte) T) []T {
	r.align()
	b := r.take(int64(n) * int64(size))
	if len(b) == 0 {
		return nil
	}
	p := unsafe.Pointer(unsafe.SliceData(b))
	var zero T
	if littleEndian() && uintptr(p)%unsafe.Alignof(zero) == 0 {
		return unsafe.Slice((*T)(p), n)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = decode(b[i*size:])
	}
	return out
}

func littleEndian() bool { return binary.NativeEndian.Uint16([]byte{1, 0}) == 1 }

func (r *snapReader) u32s(n int) []uint32 {
	return fixedArray(r, n, 4, binary.LittleEndian.Uint32)
}

func (r *snapReader) u16s(n int) []uint16 {
	return fixedArray(r, n, 2, binary.LittleEndian.Uint16)
}

// strings reads what snapWriter.strings wrote; the strings are in data.
func (r *snapReader) strings() []string {
	n := r.count(1)
	b := r.take(int64(r.u32()))
	out := make([]string, n)
	for i := range out {
		l, k := binary.Uvarint(b)
		if k <= 0 || l > uint64(len(b)-k) {
			r.fail("string %d of %d runs past the end of the list", i, n)
			return nil
		}
		out[i] = unsafe.String(unsafe.SliceData(b[k:]), int(l))
		b = b[k+int(l):]
	}
	if r.err == nil && len(b) > 0 {
		r.fail("%d bytes after the last string", len(b))
	}
	return out
}

// segment reads one sealed segment and checks that everything a query
// reads through it is in range: terms below nterms, speakers up to
// nspeakers, offsets within the postings.
func (r *snapReader) segment(nterms, nspeakers int, arts []*store.Article) *segment {
	s := &segment{}
	r.docs(s, nspeakers, arts)

	r.align()
	t := r.count(4)
	s.terms = r.u32s(t)
	for i, id := range s.terms {
		if int(id) >= nterms || i > 0 && id <= s.terms[i-1] {
			r.fail("term %d of %d out of order or range", i, t)
			break
		}
	}
	s.off = r.u32s(t + 1)
	r.offsets(s.off, "postings")
	if r.err != nil {
		return s
	}
	s.data = r.take(int64(s.off[t]))
	// the length of term i's postings
	list := func(i uint32) uint64 { return uint64(s.off[i+1] - s.off[i]) }

	r.align()
	k := r.count(4)
	s.skipTerms = r.u32s(k)
	r.termIndexes(s.skipTerms, t)
	s.skipOff = r.u32s(k + 1)
	r.offsets(s.skipOff, "skips")
	if r.err != nil {
		return s
	}
	s.skips = fixedArray(r, int(s.skipOff[k]), 8, func(b []byte) skip {
		return skip{next: binary.LittleEndian.Uint32(b), off: binary.LittleEndian.Uint32(b[4:])}
	})
	for j := 0; j < k && r.err == nil; j++ {
		for _, sk := range s.skips[s.skipOff[j]:s.skipOff[j+1]] {
			if int(sk.next) > len(s.docs) || uint64(sk.off) > list(s.skipTerms[j]) {
				r.fail("a skip of term %d out of range", s.skipTerms[j])
				break
			}
		}
	}

	r.align()
	a := r.count(4)
	s.atTerms = r.u32s(a)
	r.termIndexes(s.atTerms, t)
	if a > 0 && r.err == nil {
		s.at = make([]entries, a)
	}
	for j := range s.at {
		e := &s.at[j]
		e.base = r.u32s((len(s.docs) + 63) / 64)
		e.rel = r.u16s(len(s.docs))
		if r.err != nil {
			break
		}
		n := list(s.atTerms[j])
		for doc, rel := range e.rel {
			if rel != 0 && uint64(e.base[doc/64])+uint64(rel)-1 >= n {
				r.fail("the entry of article %d for term %d is past its postings", doc, s.atTerms[j])
				break
			}
		}
	}
	return s
}

// docs reads a segment's articles.
func (r *snapReader) docs(s *segment, nspeakers int, arts []*store.Article) {
	n := r.count(4) // four uvarints at least each
	nq := r.count(3)
	b := r.take(int64(r.u32()))
	if r.err != nil {
		return
	}
	if n > len(b)/4 || nq > len(b)/3 {
		r.fail("%d articles and %d quotes in %d bytes", n, nq, len(b))
		return
	}
	s.docs = make([]docInfo, n)
	quotes := make([]quoteRange, nq)
	// next reads a uvarint of b, which must fit in a uint32 and in max
	next := func(max uint64) uint32 {
		v, k := binary.Uvarint(b)
		if k <= 0 || v > max {
			r.fail("a bad number at byte %d of the articles", r.at-len(b))
			b = nil
			return 0
		}
		b = b[k:]
		return uint32(v)
	}
	for i := range s.docs {
		d := &s.docs[i]
		ord := uint64(0)
		if v, k := binary.Uvarint(b); k > 0 {
			ord, b = v, b[k:]
		} else {
			r.fail("a bad ordinal at byte %d of the articles", r.at-len(b))
		}
		if ord > 0 && ord <= uint64(len(arts)) {
			d.art = arts[ord-1]
		}
		if d.art == nil {
			if s.gone == nil {
				s.gone = make([]uint64, (n+63)/64)
			}
			s.gone[i/64] |= 1 << (i % 64)
		}
		d.titleLen, d.bodyLen = next(math.MaxUint32), next(math.MaxUint32)
		if k := next(uint64(len(quotes))); k > 0 {
			d.quotes, quotes = quotes[:k:k], quotes[k:]
		}
		for j := range d.quotes {
			q := &d.quotes[j]
			q.from = next(math.MaxUint32)
			q.to = q.from + next(math.MaxUint32-uint64(q.from))
			q.speaker = next(uint64(nspeakers))
		}
		if r.err != nil {
			return
		}
	}
	if len(quotes) > 0 || len(b) > 0 {
		r.fail("%d quotes and %d bytes left after the articles", len(quotes), len(b))
	}
}

// offsets checks that offs start at 0 and never go back.
func (r *snapReader) offsets(offs []uint32, what string) {
	if r.err != nil {
		return
	}
	if offs[0] != 0 {
		r.fail("%s start at %d", what, offs[0])
		return
	}
	for i := 1; i < len(offs); i++ {
		if offs[i] < offs[i-1] {
			r.fail("%s offset %d goes back", what, i)
			return
		}
	}
}

// termIndexes checks that ids are indexes in a segment's t terms, in order.
func (r *snapReader) termIndexes(ids []uint32, t int) {
	for i, id := range ids {
		if int(id) >= t || i > 0 && id <= ids[i-1] {
			r.fail("term index %d of %d out of order or range", i, len(ids))
			return
		}
	}
}

// Each calls f with every article of the compact segments, in the order
// Save writes them; nil for those gone. The caller of Save learns with it
// which articles to give ordinals to.
func (x *Index) Each(f func(*store.Article)) {
	x.mu.RLock()
	sealed := slices.Clone(x.sealed)
	x.mu.RUnlock()
	for _, s := range sealed {
		for i, d := range s.docs {
			if s.isGone(i) {
				f(nil)
				continue
			}
			f(d.art)
		}
	}
}

// Forget makes the articles given ones no query finds or counts, as Restore
// does those it is not given: a snapshot's articles whose files turned out
// changed or gone, or the old articles of a file that changed since. Their
// postings stay. Only articles in the compact form are forgotten (Compact
// comes after each batch is indexed). Queries under way are not changed: a
// segment with articles forgotten is replaced by a copy.
func (x *Index) Forget(arts []*store.Article) {
	if len(arts) == 0 {
		return
	}
	drop := make(map[*store.Article]bool, len(arts))
	for _, a := range arts {
		drop[a] = true
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	for i, s := range x.sealed {
		var gone []uint64
		for j, d := range s.docs {
			if !drop[d.art] || s.isGone(j) {
				continue
			}
			if gone == nil {
				gone = make([]uint64, (len(s.docs)+63)/64)
				copy(gone, s.gone)
			}
			gone[j/64] |= 1 << (j % 64)
			x.gone++
		}
		if gone != nil {
			c := *s
			c.gone = gone
			x.sealed[i] = &c
		}
	}
	x.changed()
}

// isGone reports whether article i of the segment is one no query finds.
func (s *segment) isGone(i int) bool {
	return s.gone != nil && s.gone[i/64]&(1<<(i%64)) != 0
}

// Segments is how many compact segments the index has: each start that
// adds a few files to a restored index adds one.
func (x *Index) Segments() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.sealed)
}
