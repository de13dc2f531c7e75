// Package snapshot keeps the library as it was last loaded (its articles,
// their quotes and the search index) in a file of the user's cache folder,
// so that the next start takes every file that has not changed from it
// instead of reading, parsing and indexing it again. newsboat keeps a cache
// for the same reason; ours is one file per set of folders, checksummed,
// and only ever a shortcut: a snapshot that is missing, stale or damaged
// means a full load, never a wrong article.
package snapshot

import (
	"bufio"
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"newsreader/store"
	"newsreader/store/search"
)

// magic starts every snapshot; the version after it changes with the format.
const (
	magic   = "newsreader snapshot\n"
	version = 1
	// header: magic, version, the articles' length, where the index
	// starts and its length, the two sections' checksums
	headerLen = len(magic) + 4 + 8 + 8 + 8 + 4 + 4
	// align is where the index may start: on a page of any system's size
	align = 64 << 10
)

// keep is how many snapshots the cache folder holds: one per set of
// folders read, the least recently used go first.
const keep = 8

// minSize is Library.MinSize unless set: 4 MB, some 1,500 news articles.
const minSize = 4 << 20

// maxGone is the share of the index's articles that may be gone (their
// file changed or went since) before a snapshot is dropped and rebuilt:
// they cost memory and query time.
const maxGone = 0.1

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Library is the snapshot of one set of files and folders.
type Library struct {
	// MinSize is the size of the files below which a library is not kept:
	// it loads in a tenth of a second anyway, and its snapshot would push
	// out one that saves seconds (see keep). Tests set it to 0.
	MinSize int64

	file string // the snapshot
	key  string // the sources, as the snapshot records them

	index    *search.Index           // the snapshot's, restored; or a new one
	known    map[string]*entry       // by path: the articles of the snapshot
	indexed  map[*store.Article]bool // those of them in its index (not copies held back)
	restored bool                    // the index came from the snapshot
	shared   []byte                  // its articles, mapped: their quotes' words and held texts are read there
	mapped   [][]byte                // the sections mapped (see giveBack)

	mu     sync.Mutex
	loaded []*store.Article // every article Load sent, from the snapshot or not
	erred  map[string]bool  // files read with an error: not kept, to say it again

	saving atomic.Pointer[chan struct{}] // closed when the last Save is over
}

// Wait waits, at most d, for a Save under way: a reader that quits while
// its snapshot is written lets it finish.
func (l *Library) Wait(d time.Duration) {
	if l == nil {
		return
	}
	if done := l.saving.Load(); done != nil {
		select {
		case <-*done:
		case <-time.After(d):
		}
	}
}

// entry is one file of the snapshot.
type entry struct {
	stamp   store.Stamp
	arts    []*store.Article
	claimed atomic.Bool // Load took them: the file is as it was
}

// For returns the snapshot, in dir, of src; nil when there is none to keep:
// no folder, or files not on the disk (the built-in seeds).
func For(dir string, src store.Source) *Library {
	if dir == "" || src.FS != nil || len(src.Paths) == 0 {
		return nil
	}
	key, err := sourcesKey(src.Paths)
	build := buildID()
	if err != nil || build == "" {
		return nil
	}
	// a file for the folders and the build: builds used in turn (go run,
	// an installed one) do not replace each other's
	sum, b := sha256.Sum256([]byte(key)), sha256.Sum256([]byte(build))
	name := hex.EncodeToString(sum[:12]) + "-" + hex.EncodeToString(b[:4]) + ".snapshot"
	return &Library{MinSize: minSize, file: filepath.Join(dir, name), key: build + "\x02" + key}
}

// buildID names the reader's build: a snapshot holds the titles, quotes
// and index that one build made of the files, and another may make them
// otherwise. It is the Go build ID, a hash of the sources, where the
// executable is ELF (Linux); elsewhere the executable's size and time.
var buildID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	self := exe
	if _, err := os.Stat("/proc/self/exe"); err == nil {
		self = "/proc/self/exe" // the file running, even if exe was replaced since
	}
	if f, err := elf.Open(self); err == nil {
		defer f.Close()
		// a note: name size, description size, type, "Go\0\0", the ID
		if sec := f.Section(".note.go.buildid"); sec != nil {
			if b, err := sec.Data(); err == nil && len(b) > 16 {
				if n := int(binary.LittleEndian.Uint32(b[4:])); n <= len(b)-16 {
					return string(b[16 : 16+n])
				}
			}
		}
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d %d", fi.Size(), fi.ModTime().UnixNano())
})

// sourcesKey names the paths as given and where they are: a relative path
// means another folder from elsewhere, and articles keep the path as given.
func sourcesKey(paths []string) (string, error) {
	parts := make([]string, 0, len(paths))
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", err
		}
		parts = append(parts, abs+"\x00"+filepath.Clean(p))
	}
	slices.Sort(parts)
	return strings.Join(slices.Compact(parts), "\x01"), nil
}

// Path is the snapshot's file.
func (l *Library) Path() string { return l.file }

// Load loads src (see store.Load), taking the articles of every file
// unchanged since the snapshot was written from it. The folders are walked
// and new files read while the snapshot is; the first batch comes once it
// is, and Index is then the index to add the other articles to.
func (l *Library) Load(ctx context.Context, src store.Source) <-chan store.Batch {
	src, ready := l.source(src)
	return l.note(ctx, after(ctx, ready, store.Load(ctx, src)))
}

// WatchAndLoad is Load, watching src as store.WatchAndLoad does.
func (l *Library) WatchAndLoad(ctx context.Context, src store.Source) (<-chan store.Batch, <-chan []store.Change) {
	src, ready := l.source(src)
	batches, changes := store.WatchAndLoad(ctx, src)
	return l.note(ctx, after(ctx, ready, batches)), after(ctx, ready, changes)
}

// note keeps what the batches hold: the copies the store holds back are
// in no index, but kept in the snapshot all the same.
func (l *Library) note(ctx context.Context, in <-chan store.Batch) <-chan store.Batch {
	l.erred = map[string]bool{}
	out := make(chan store.Batch) // the two before it buffer
	go func() {
		defer close(out)
		for b := range in {
			if b.Done {
				l.forget() // every file has been met
			}
			l.mu.Lock()
			l.loaded = append(l.loaded, b.Articles...)
			for _, e := range b.Errors {
				l.erred[e.Path] = true
			}
			l.mu.Unlock()
			select {
			case out <- b:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// forget makes the index forget the articles of the snapshot's files that
// the load did not take: changed or gone since it was written. Until then
// a query may count them, but finds none the store shows.
func (l *Library) forget() {
	var stale []*store.Article
	for _, e := range l.known {
		if !e.claimed.Load() {
			stale = append(stale, e.arts...)
		}
	}
	l.index.Forget(stale)
}

// Index is the index of the articles of the snapshot, or an empty one
// when there was none to read. Call it once a batch of Load has come.
func (l *Library) Index() *search.Index { return l.index }

// after passes on what in gives once ready is closed.
func after[T any](ctx context.Context, ready <-chan struct{}, in <-chan T) <-chan T {
	out := make(chan T, cap(in))
	go func() {
		defer close(out)
		select {
		case <-ready:
		case <-ctx.Done():
			return
		}
		for v := range in {
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// source is src asking the snapshot, once read, for each file's articles.
func (l *Library) source(src store.Source) (store.Source, <-chan struct{}) {
	ready := make(chan struct{})
	go func() {
		defer close(ready)
		l.open()
	}()
	src.Known = func(path string, s store.Stamp) []*store.Article {
		<-ready
		if e := l.known[path]; e != nil && e.stamp == s {
			e.claimed.Store(true)
			return e.arts
		}
		return nil
	}
	return src, ready
}

// Indexed reports whether an article came from the snapshot with its
// place in the index, and so must not be indexed again.
func (l *Library) Indexed(a *store.Article) bool {
	return l != nil && l.indexed[a]
}

// open reads the snapshot; a damaged one is removed.
func (l *Library) open() {
	idx, known, err := l.read()
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			os.Remove(l.file)
		}
		l.index = search.New()
		return
	}
	l.indexed = make(map[*store.Article]bool, len(known))
	idx.Each(func(a *store.Article) {
		if a != nil {
			l.indexed[a] = true
		}
	})
	l.index, l.known, l.restored = idx, known, true
	now := time.Now() // used: the snapshots least used go first (see tidy)
	os.Chtimes(l.file, now, now)
}

func (l *Library) read() (*search.Index, map[string]*entry, error) {
	f, err := os.Open(l.file)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close() // a mapping outlives it
	var h [headerLen]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return nil, nil, fmt.Errorf("snapshot: header: %w", err)
	}
	if string(h[:len(magic)]) != magic || binary.LittleEndian.Uint32(h[len(magic):]) != version {
		return nil, nil, errors.New("snapshot: not one of this version")
	}
	rest := h[len(magic)+4:]
	artLen, idxOff, idxLen := binary.LittleEndian.Uint64(rest), binary.LittleEndian.Uint64(rest[8:]), binary.LittleEndian.Uint64(rest[16:])
	artSum, idxSum := binary.LittleEndian.Uint32(rest[24:]), binary.LittleEndian.Uint32(rest[28:])
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := uint64(fi.Size())
	if artLen > size || idxOff > size || idxLen > size || uint64(headerLen)+artLen > idxOff || idxOff+idxLen != size || idxOff%align != 0 {
		return nil, nil, errors.New("snapshot: sections do not fit the file")
	}
	// the articles are decoded as they are read, and their quotes' words
	// are left in the file, mapped, where most stay unread (see
	// store.DecodeArticleShared)
	var mapped, shared []byte
	if mapsFiles {
		if mapped, err = mapSection(f, 0, headerLen+int(artLen)); err != nil {
			return nil, nil, err
		}
		shared = mapped[headerLen:]
	}
	var list []*store.Article
	defer func() {
		if list == nil && mapped != nil { // no article read from it is kept
			unmapSection(mapped)
		}
	}()
	defer holdGC()()
	sum := crc32.New(crcTable)
	r := &counter{r: bufio.NewReaderSize(io.TeeReader(io.LimitReader(f, int64(artLen)), sum), 256<<10)}
	decoded, err := l.decode(r, artLen, shared)
	if err != nil {
		return nil, nil, err
	}
	if sum.Sum32() != artSum {
		return nil, nil, errors.New("snapshot: the articles' checksum does not match")
	}
	pad := make([]byte, idxOff-uint64(headerLen)-artLen)
	if _, err := f.ReadAt(pad, int64(headerLen)+int64(artLen)); err != nil || slices.ContainsFunc(pad, func(b byte) bool { return b != 0 }) {
		return nil, nil, errors.New("snapshot: damaged between its sections")
	}
	// the index reads its postings in place, from the file mapped into
	// memory where the system can: only the postings queries read are
	// then in memory
	sum.Reset()
	if _, err := io.Copy(sum, io.NewSectionReader(f, int64(idxOff), int64(idxLen))); err != nil {
		return nil, nil, err
	}
	if sum.Sum32() != idxSum {
		return nil, nil, errors.New("snapshot: the index's checksum does not match")
	}
	known := make(map[string]*entry, len(decoded))
	for _, a := range decoded {
		s, _ := a.Stamp()
		e := known[a.Path]
		if e == nil {
			e = &entry{stamp: s}
			known[a.Path] = e
		} else if e.stamp != s {
			return nil, nil, fmt.Errorf("snapshot: two stamps for %q", a.Path)
		}
		e.arts = append(e.arts, a)
	}
	// every article is restored into the index; those of files the load
	// finds changed or gone are forgotten once it is over (see note): the
	// load's own stat of each file says which, after the watch is set up
	data, err := mapSection(f, int64(idxOff), int(idxLen))
	if err != nil {
		return nil, nil, err
	}
	idx, err := search.Restore(data, decoded)
	if err != nil {
		unmapSection(data)
		return nil, nil, err
	}
	// the queries read the index and the quotes in place: what they read
	// is given back as they go, or memory would grow to all of both
	l.mapped = [][]byte{mapped, data}
	idx.AfterReading(l.giveBack)
	l.giveBack() // what Restore read
	list, l.shared = decoded, shared
	return idx, known, nil
}

// giveBack gives the system back the pages of the snapshot that reads
// have mapped into memory; it keeps them in its cache, to map them again.
func (l *Library) giveBack() {
	for _, b := range l.mapped {
		dropPages(b)
	}
}

// held counts the reads of snapshots under way, and gcPercent is the
// collector's setting from before the first of them.
var (
	heldMu    sync.Mutex
	held      int
	gcPercent int
)

// holdGC stops the collector until the function it returns is called.
// Nearly all a snapshot's read allocates stays live, so a collection
// meanwhile frees almost nothing: at 100,000 articles, 18 of them took a
// quarter of the CPU while it was read, and the peak is the same without.
func holdGC() (release func()) {
	heldMu.Lock()
	defer heldMu.Unlock()
	if held == 0 {
		gcPercent = debug.SetGCPercent(-1)
	}
	held++
	return func() {
		heldMu.Lock()
		defer heldMu.Unlock()
		if held--; held == 0 {
			debug.SetGCPercent(gcPercent)
		}
	}
}

// decode reads the articles section, n bytes, from r: the sources' key,
// then the articles, each after its length. shared, when not nil, is
// the section mapped: the articles' quotes' words and held texts are read
// from it, at the offsets r counts, instead of being copied.
func (l *Library) decode(r *counter, n uint64, shared []byte) ([]*store.Article, error) {
	var buf, same []byte
	field := func(what string) ([]byte, error) {
		k, err := binary.ReadUvarint(r)
		if err != nil || k > n {
			return nil, fmt.Errorf("snapshot: bad %s length", what)
		}
		at := r.n
		buf = slices.Grow(buf[:0], int(k))[:k]
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, fmt.Errorf("snapshot: %s: %w", what, err)
		}
		if shared != nil {
			if r.n > int64(len(shared)) {
				return nil, fmt.Errorf("snapshot: %s: past the section", what)
			}
			same = shared[at:r.n]
		}
		return buf, nil
	}
	key, err := field("key")
	if err != nil {
		return nil, err
	}
	if string(key) != l.key {
		return nil, errors.New("snapshot: of other folders")
	}
	count, err := binary.ReadUvarint(r)
	if err != nil || count > n { // an article takes a byte at least
		return nil, errors.New("snapshot: bad article count")
	}
	list := make([]*store.Article, 0, count)
	for range count {
		b, err := field("article")
		if err != nil {
			return nil, err
		}
		var a *store.Article
		var k int
		if shared != nil {
			a, k, err = store.DecodeArticleShared(b, same)
		} else {
			a, k, err = store.DecodeArticle(b)
		}
		if err != nil {
			return nil, err
		}
		held, m := binary.Uvarint(b[k:])
		if m <= 0 || (held == 0 && k+m != len(b)) || (held > 0 && held-1 != uint64(len(b)-k-m)) {
			return nil, errors.New("snapshot: bad text after an article")
		}
		if held > 0 {
			var text string
			if shared != nil && k+m < len(b) { // Hold checks it against the article's key
				text = unsafe.String(&same[k+m], len(b)-k-m)
			} else {
				text = string(b[k+m:]) // or an empty text, which has no byte to point to
			}
			if err := a.Hold(text); err != nil {
				return nil, err
			}
		}
		if _, ok := a.Stamp(); !ok {
			return nil, errors.New("snapshot: an article without its file's stamp")
		}
		list = append(list, a)
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, errors.New("snapshot: bytes after the articles")
	}
	return list, nil
}

// counter counts the bytes read through it: where each article starts.
type counter struct {
	r *bufio.Reader
	n int64
}

func (c *counter) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// Save writes the snapshot of what Index holds, once loading is over and
// the index compact, unless the snapshot read at the start was the library
// as it is. It writes a new file and renames it over the old one, so a
// reader starting meanwhile finds the old snapshot or the new, whole.
func (l *Library) Save() error {
	if l == nil || l.index == nil {
		return nil
	}
	done := make(chan struct{})
	l.saving.Store(&done)
	defer close(done)
	idx := l.index
	if !idx.Compacted() {
		return nil // a change is being indexed: a later start writes it
	}
	of := func(a *store.Article) *entry { // the file of the snapshot it came from
		if e := l.known[a.Path]; e != nil && slices.Contains(e.arts, a) {
			return e
		}
		return nil
	}
	// what the snapshot may keep: not what changed since it was read,
	// nor files too fresh to be known again by their stamps
	added := 0 // articles it may keep that it does not hold
	l.mu.Lock()
	defer l.mu.Unlock()
	keepable := func(a *store.Article) bool {
		if e := of(a); e != nil {
			return e.claimed.Load()
		}
		_, ok := a.Stamp()
		ok = ok && !l.erred[a.Path] // a feed with a bad entry: read again, the error said again
		if ok {
			added++
		}
		return ok
	}
	var list []*store.Article
	docs, inIndex := 0, map[*store.Article]bool{}
	idx.Each(func(a *store.Article) {
		docs++
		if a != nil {
			inIndex[a] = true
			if keepable(a) {
				list = append(list, a)
			}
		}
	})
	indexed := len(list)
	for _, a := range l.loaded {
		if !inIndex[a] && keepable(a) {
			inIndex[a] = true // once
			list = append(list, a)
		}
	}
	unclaimed := 0
	for _, e := range l.known {
		if !e.claimed.Load() {
			unclaimed++
		}
	}
	if l.restored && added == 0 && unclaimed == 0 {
		return nil // the snapshot is the library as it is
	}
	size, sized := int64(0), map[string]bool{}
	for _, a := range list {
		if s, _ := a.Stamp(); !sized[a.Path] {
			size, sized[a.Path] = size+s.Size, true
		}
	}
	// too small to be worth it; or too much of it would be gone, or in
	// small segments, one a start: the next start builds it anew
	if size < l.MinSize || float64(docs-indexed) > maxGone*float64(docs) || len(list) == 0 || idx.Segments() > maxSegments(docs) {
		if err := os.Remove(l.file); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	}
	dir := filepath.Dir(l.file)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tidy(dir, l.file)
	tmp, err := os.CreateTemp(dir, "write-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // once renamed, there is nothing there
	if err := l.write(tmp, list, indexed, idx); err != nil {
		tmp.Close()
		if errors.Is(err, search.ErrNotCompact) {
			return nil // a change began to be indexed meanwhile: a later start writes it
		}
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), l.file)
}

// maxSegments is how many segments an index of docs articles may have
// before its snapshot is built anew: a start that reads new files adds up
// to one a core, sealed however few articles they hold.
func maxSegments(docs int) int {
	return docs/2048 + 16 + 2*runtime.GOMAXPROCS(0)
}

// write writes the snapshot of list, whose first indexed articles are in
// idx.
func (l *Library) write(f *os.File, list []*store.Article, indexed int, idx *search.Index) error {
	if _, err := f.Write(make([]byte, headerLen)); err != nil {
		return err
	}
	w := &summer{w: bufio.NewWriterSize(f, 1<<20), h: crc32.New(crcTable)}
	var buf, one []byte
	buf = binary.AppendUvarint(buf, uint64(len(l.key)))
	buf = append(buf, l.key...)
	buf = binary.AppendUvarint(buf, uint64(len(list)))
	ordinal := make(map[*store.Article]uint32, len(list))
	for i, a := range list {
		if i < indexed {
			ordinal[a] = uint32(i)
		}
		one = store.AppendArticle(one[:0], a)
		// and the text its file cannot give again, held: 0, or 1 + its length
		if text, ok := a.HeldText(); ok {
			one = binary.AppendUvarint(one, uint64(len(text))+1)
			one = append(one, text...)
		} else {
			one = append(one, 0)
		}
		buf = binary.AppendUvarint(buf, uint64(len(one)))
		buf = append(buf, one...)
		if len(buf) > 64<<10 {
			w.Write(buf)
			buf = buf[:0]
		}
		if i%4096 == 4095 {
			l.giveBack() // the quotes' words read from this snapshot's file
		}
	}
	w.Write(buf)
	l.giveBack()
	artLen, artSum := w.n, w.h.Sum32()
	// the index starts on a page, to be mapped into memory
	idxOff := (int64(headerLen) + artLen + align - 1) / align * align
	w.Write(make([]byte, idxOff-int64(headerLen)-artLen))
	w.n, w.h = 0, crc32.New(crcTable)
	err := idx.Save(w, func(a *store.Article) (uint32, bool) {
		i, ok := ordinal[a]
		return i, ok
	})
	if err != nil {
		return err
	}
	if w.err != nil {
		return w.err
	}
	if err := w.w.Flush(); err != nil {
		return err
	}
	var h [headerLen]byte
	copy(h[:], magic)
	rest := h[len(magic):]
	binary.LittleEndian.PutUint32(rest, version)
	binary.LittleEndian.PutUint64(rest[4:], uint64(artLen))
	binary.LittleEndian.PutUint64(rest[12:], uint64(idxOff))
	binary.LittleEndian.PutUint64(rest[20:], uint64(w.n))
	binary.LittleEndian.PutUint32(rest[28:], artSum)
	binary.LittleEndian.PutUint32(rest[32:], w.h.Sum32())
	_, err = f.WriteAt(h[:], 0)
	return err
}

// summer writes through a buffer, counting and checksumming; the first
// error sticks.
type summer struct {
	w   *bufio.Writer
	h   hash.Hash32
	n   int64
	err error
}

func (s *summer) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	s.h.Write(p)
	s.n += int64(len(p))
	_, s.err = s.w.Write(p)
	return len(p), s.err
}

// tidy removes all but the snapshots last used, and files left half written
// by a reader that stopped while saving.
func tidy(dir, current string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type snap struct {
		path string
		mod  time.Time
	}
	var snaps []snap
	for _, e := range ents {
		fi, err := e.Info()
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		switch {
		case strings.HasSuffix(e.Name(), ".tmp") && time.Since(fi.ModTime()) > 10*time.Minute:
			os.Remove(p)
		case strings.HasSuffix(e.Name(), ".snapshot") && p != current:
			snaps = append(snaps, snap{p, fi.ModTime()})
		}
	}
	sort.Slice(snaps, func(i, j int) bool { return snaps[i].mod.After(snaps[j].mod) })
	for i, s := range snaps {
		if i >= keep-1 {
			os.Remove(s.path)
		}
	}
}
