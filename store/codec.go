package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"newsreader/store/quotes"
)

// An article in a snapshot is what a later run needs to show it, list its
// quotes and find it again without reading its file. Its numbers come
// first and its strings after them, all in one run, so that decoding
// copies them with one allocation. Numbers are uvarints unless marked;
// (s) is a string's length, its bytes being in the strings at the end.
//
//	flags, format       a byte each (see flagWrapped, formatCodes)
//	entry
//	stamp               size, modification time (varint), status-change
//	                    time less it (varint), inode, device
//	body size, words
//	key                 16 bytes
//	words hash          8 bytes, little-endian
//	(path) (title) (byline) (source) (site)
//	date                a byte (see dateKinds); unless none, seconds
//	                    (varint) and nanoseconds; unless UTC, the offset
//	                    (varint) and (zone name)
//	offsets             0 for none, else 1 + the number of segments, then
//	                    each: its step in the text (varint) << 1 | exact,
//	                    and in the file (varint)
//	quotes              how many; each: how many spans, then for each the
//	                    gap after the one before (the first's start) and
//	                    its length; then speaker and mention, each 0 for
//	                    none, 1 for a new name (its length), n+2 for the
//	                    nth name of the article
//	strings             path, title, byline, source, site, zone name, the
//	                    words of the quotes (as many bytes as their spans
//	                    hold), and the new names
//
// An article saved also holds what this build's parsing made of its file
// (title, quotes, the words' hash): a snapshot written by another build is
// to be read as none, whatever its layout (the snapshot keys its file by
// the build for this).

// The flags byte holds the article's bools.
const (
	flagWrapped = 1 << iota
	flagTitleLine
	flagConverted
	flagAgain
	flagSettled
	flagsAll = 1<<iota - 1
)

// formatCodes are the formats in the order of their codes.
var formatCodes = [...]Format{FormatText, FormatMarkdown, FormatHTML, FormatFeed}

// dateKinds are how a date's zone is kept.
const (
	dateNone  = iota // the zero time: no date
	dateUTC          // in UTC
	dateLocal        // in the zone of the machine, when it still has that offset
	dateFixed        // in a zone of that name and offset
)

// Bounds on what a snapshot may hold, from what loading can make: files
// are at most MaxFileSize, and their text at most three bytes a byte
// (Windows-1252 to UTF-8).
const (
	maxBody   = 4 * MaxFileSize
	maxSecond = 1 << 40   // about 35,000 years from 1970
	maxOffset = 26 * 3600 // a zone's offset from UTC, in seconds
)

// AppendArticle appends the article, as DecodeArticle reads it, to dst.
// Its body is not written: a decoded article reads it again from its file.
// It is meant for articles whose Stamp is ok; another is written all the
// same, but its copy, like every decoded one, has no body in memory and no
// fs.FS to read it from (a page or a feed entry would be converted again),
// and an article of a format this package does not make is not read back.
func AppendArticle(dst []byte, a *Article) []byte {
	flags := byte(0)
	for _, f := range [...]struct {
		on   bool
		flag byte
	}{{a.Wrapped, flagWrapped}, {a.TitleLine, flagTitleLine}, {a.converted, flagConverted}, {a.again, flagAgain}, {a.settled, flagSettled}} {
		if f.on {
			flags |= f.flag
		}
	}
	format := byte(0xff)
	for i, f := range formatCodes {
		if a.Format == f {
			format = byte(i)
		}
	}
	dst = append(dst, flags, format)
	dst = binary.AppendUvarint(dst, uint64(a.Entry))
	dst = binary.AppendUvarint(dst, uint64(a.stamp.Size))
	dst = binary.AppendVarint(dst, a.stamp.ModTime)
	dst = binary.AppendVarint(dst, a.stamp.Change-a.stamp.ModTime)
	dst = binary.AppendUvarint(dst, a.stamp.Inode)
	dst = binary.AppendUvarint(dst, a.stamp.Device)
	dst = binary.AppendUvarint(dst, uint64(a.size))
	dst = binary.AppendUvarint(dst, uint64(a.Words))
	dst = append(dst, a.key[:]...)
	dst = binary.LittleEndian.AppendUint64(dst, a.wordsHash)
	for _, s := range [...]string{a.Path, a.Title, a.Byline, a.Source, a.Site} {
		dst = binary.AppendUvarint(dst, uint64(len(s)))
	}

	zone := ""
	switch loc := a.Date.Location(); {
	case a.Date.IsZero():
		dst = append(dst, dateNone)
	case loc == time.UTC:
		dst = append(dst, dateUTC)
		dst = binary.AppendVarint(dst, a.Date.Unix())
		dst = binary.AppendUvarint(dst, uint64(a.Date.Nanosecond()))
	default:
		kind := byte(dateFixed)
		if loc == time.Local {
			kind = dateLocal
		}
		name, offset := a.Date.Zone()
		zone = name
		dst = append(dst, kind)
		dst = binary.AppendVarint(dst, a.Date.Unix())
		dst = binary.AppendUvarint(dst, uint64(a.Date.Nanosecond()))
		dst = binary.AppendVarint(dst, int64(offset))
		dst = binary.AppendUvarint(dst, uint64(len(zone)))
	}

	if a.offsets == nil {
		dst = append(dst, 0)
	} else {
		dst = binary.AppendUvarint(dst, uint64(len(a.offsets.segs))+1)
		text, file := 0, 0
		for _, s := range a.offsets.segs {
			exact := uint64(0)
			if s.exact {
				exact = 1
			}
			dst = binary.AppendUvarint(dst, zigzag(s.text-text)<<1|exact)
			dst = binary.AppendVarint(dst, int64(s.file-file))
			text, file = s.text, s.file
		}
	}

	// the names as they first come: a few an article, on the stack
	var table [16]string
	names := table[:0]
	dst = binary.AppendUvarint(dst, uint64(len(a.Quotes)))
	for _, q := range a.Quotes {
		dst = binary.AppendUvarint(dst, uint64(len(q.Spans)))
		end := 0
		for _, sp := range q.Spans {
			dst = binary.AppendUvarint(dst, uint64(sp.Start-end))
			dst = binary.AppendUvarint(dst, uint64(sp.End-sp.Start))
			end = sp.End
		}
		dst, names = appendName(dst, names, q.Speaker)
		dst, names = appendName(dst, names, q.Mention)
	}

	for _, s := range [...]string{a.Path, a.Title, a.Byline, a.Source, a.Site, zone, a.said} {
		dst = append(dst, s...)
	}
	for _, n := range names {
		dst = append(dst, n...)
	}
	return dst
}

// appendName appends a reference to name, among the names written before.
func appendName(dst []byte, names []string, name string) ([]byte, []string) {
	if name == "" {
		return append(dst, 0), names
	}
	for i, n := range names {
		if n == name {
			return binary.AppendUvarint(dst, uint64(i)+2), names
		}
	}
	return binary.AppendUvarint(append(dst, 1), uint64(len(name))), append(names, name)
}

func zigzag(v int) uint64   { return uint64(v<<1) ^ uint64(v>>63) }
func unzigzag(v uint64) int { return int(v>>1) ^ -int(v&1) }

// decoder reads an article's numbers; its first error stays, and ends the
// reading.
type decoder struct {
	src []byte
	off int
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("snapshot: "+format, args...)
	}
	d.off = len(d.src)
}

func (d *decoder) uvarint() uint64 {
	// most numbers here are under 128: one byte, no loop
	if d.off < len(d.src) && d.src[d.off] < 0x80 {
		d.off++
		return uint64(d.src[d.off-1])
	}
	return d.longUvarint()
}

func (d *decoder) longUvarint() uint64 {
	v, n := binary.Uvarint(d.src[d.off:])
	if n <= 0 {
		d.fail("an article is cut short or holds a broken number")
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) varint() int64 {
	v := d.uvarint()
	return int64(v>>1) ^ -int64(v&1)
}

// upTo reads a number that may not pass limit.
func (d *decoder) upTo(limit int, what string) int {
	v := d.uvarint()
	if v > uint64(limit) {
		d.fail("%s %d is over %d", what, v, limit)
		return 0
	}
	return int(v)
}

func (d *decoder) byte() byte {
	if d.off >= len(d.src) {
		d.fail("an article is cut short")
		return 0
	}
	d.off++
	return d.src[d.off-1]
}

func (d *decoder) bytes(n int) []byte {
	if n > len(d.src)-d.off {
		d.fail("an article is cut short")
		return nil
	}
	d.off += n
	return d.src[d.off-n : d.off]
}

// DecodeArticle reads one article written by AppendArticle from the start
// of src and returns it and the bytes it took. It never panics, whatever
// src holds: every count and length is checked against what src has left
// before anything is made of that size. The article's strings are copies;
// its ID is 0, and its text key is left for the store to make.
func DecodeArticle(src []byte) (*Article, int, error) {
	return decodeArticle(src, nil)
}

// DecodeArticleShared is DecodeArticle, but the words of the article's
// quotes are not copied: they are read from shared, which must hold the
// same bytes as src and keep them, readable, for the rest of the run (a
// file mapped into memory that is never written in place). Most quotes are
// never shown, so their words then stay on the disk, not in the heap.
func DecodeArticleShared(src, shared []byte) (*Article, int, error) {
	if len(shared) != len(src) {
		return nil, 0, errors.New("snapshot: the shared bytes are not the article's")
	}
	return decodeArticle(src, shared)
}

func decodeArticle(src, shared []byte) (*Article, int, error) {
	d := &decoder{src: src}
	a := &Article{}
	flags := d.byte()
	if flags&^flagsAll != 0 {
		d.fail("unknown flags %#x", flags)
	}
	a.Wrapped, a.TitleLine = flags&flagWrapped != 0, flags&flagTitleLine != 0
	a.converted, a.again, a.settled = flags&flagConverted != 0, flags&flagAgain != 0, flags&flagSettled != 0
	if f := d.byte(); int(f) < len(formatCodes) {
		a.Format = formatCodes[f]
	} else {
		d.fail("unknown format %d", f)
	}
	a.Entry = d.upTo(math.MaxInt32, "entry")
	a.stamp.Size = int64(d.upTo(MaxFileSize, "file size"))
	a.stamp.ModTime = d.varint()
	a.stamp.Change = a.stamp.ModTime + d.varint()
	a.stamp.Inode = d.uvarint()
	a.stamp.Device = d.uvarint()
	a.size = int32(d.upTo(maxBody, "body size"))
	a.Words = d.upTo(int(a.size), "word count")
	copy(a.key[:], d.bytes(len(a.key)))
	if h := d.bytes(8); h != nil {
		a.wordsHash = binary.LittleEndian.Uint64(h)
	}

	// the lengths of the strings, each at most what src holds, and so
	// their sum at most twice that: no sum below overflows
	var lens [6]int // path, title, byline, source, site, zone name
	for i := range 5 {
		lens[i] = d.upTo(len(src), "string length")
	}
	kind := d.byte()
	var sec int64
	var nsec, offset int
	switch kind {
	case dateNone:
	case dateUTC, dateLocal, dateFixed:
		if sec = d.varint(); sec > maxSecond || sec < -maxSecond {
			d.fail("a date %d s from 1970 is out of range", sec)
		}
		nsec = d.upTo(999_999_999, "nanoseconds")
		if kind != dateUTC {
			if o := d.varint(); o > maxOffset || o < -maxOffset {
				d.fail("a zone's offset of %d s is out of range", o)
			} else {
				offset = int(o)
			}
			lens[5] = d.upTo(len(src), "string length")
		}
	default:
		d.fail("unknown date kind %d", kind)
	}
	total := 0
	for _, n := range lens {
		total += n
	}

	// the offset map is read twice: once to check it and count its
	// segments, then into an array of that size
	segsAt := d.off
	nsegs := d.upTo(len(src), "offset segments")
	hasMap := nsegs > 0
	if hasMap {
		nsegs--
		d.segments(nsegs, nil)
	}
	var refBuf [16]quoteRef
	var spanBuf [32]Span
	var endBuf [16]int
	refs, spans, ends, said := d.quotes(int(a.size), refBuf[:0], spanBuf[:0], endBuf[:0])
	if d.err != nil {
		return nil, 0, d.err
	}
	nameBytes := 0
	if len(ends) > 0 {
		nameBytes = ends[len(ends)-1]
	}
	if total+said+nameBytes > len(src)-d.off {
		return nil, 0, errors.New("snapshot: an article is cut short")
	}
	end := d.off + total + said + nameBytes

	// one copy for the strings (the quotes' words among them, unless they
	// are shared), one for the names, which the store may keep after the
	// article (its speakers)
	strs := src[d.off:end]
	words := strs[total : total+said]
	var block string
	if shared == nil {
		block = string(strs[:total+said])
		a.said = block[total:]
	} else {
		block = string(strs[:total])
		if said > 0 {
			a.said = unsafe.String(&shared[d.off+total], said)
		}
	}
	at := 0
	for i, f := range [...]*string{&a.Path, &a.Title, &a.Byline, &a.Source, &a.Site} {
		*f = block[at : at+lens[i]]
		at += lens[i]
	}
	zone := block[at : at+lens[5]]
	if a.Path == "" || strings.IndexByte(a.Path, 0) >= 0 {
		return nil, 0, errors.New("snapshot: an article's path is empty or holds a NUL")
	}
	// title to zone name in one run, each beginning a character
	if !isCleanText(block[lens[0]:total], false) {
		return nil, 0, fmt.Errorf("snapshot: %q is not clean text", block[lens[0]:total])
	}
	for _, s := range [...]string{a.Byline, a.Source, a.Site, zone} {
		if s != "" && !utf8.RuneStart(s[0]) {
			return nil, 0, errors.New("snapshot: a string is cut inside a character")
		}
	}
	// the copy read is checked, not the shared bytes, which stay unread
	if !isCleanText(unsafe.String(unsafe.SliceData(words), len(words)), true) {
		return nil, 0, errors.New("snapshot: the words of the quotes are not clean text")
	}

	switch kind {
	case dateUTC:
		a.Date = time.Unix(sec, int64(nsec)).UTC()
	case dateLocal, dateFixed:
		a.Date = time.Unix(sec, int64(nsec))
		// the machine's zone, while it keeps that offset there
		if n, o := a.Date.Zone(); kind == dateFixed || n != zone || o != offset {
			a.Date = a.Date.In(time.FixedZone(zone, offset))
		}
	}

	if hasMap {
		d.off = segsAt
		d.uvarint()
		a.offsets = &OffsetMap{segs: make([]segment, nsegs)}
		d.segments(nsegs, a.offsets.segs)
	}
	if len(refs) > 0 {
		names := string(strs[total+said:])
		if !isCleanText(names, true) {
			return nil, 0, errors.New("snapshot: a name is not clean text")
		}
		name := func(n int) (string, bool) {
			if n == 0 {
				return "", true
			}
			start, end := 0, ends[n-1]
			if n > 1 {
				start = ends[n-2]
			}
			// each name begins a character, as it was cut from names
			return names[start:end], end == len(names) || utf8.RuneStart(names[end])
		}
		a.Quotes = make([]quotes.Quote, len(refs))
		spans := slices.Clone(spans)
		for i, r := range refs {
			speaker, ok1 := name(r.speaker)
			mention, ok2 := name(r.mention)
			if !ok1 || !ok2 {
				return nil, 0, errors.New("snapshot: a name is cut inside a character")
			}
			a.Quotes[i] = quotes.Quote{Spans: spans[:r.spans:r.spans], Speaker: speaker, Mention: mention}
			spans = spans[r.spans:]
		}
		// each part of said begins a character, as QuoteParts cuts it
		off := 0
		for _, q := range a.Quotes {
			for _, sp := range q.Spans {
				if off < len(words) && !utf8.RuneStart(words[off]) {
					return nil, 0, errors.New("snapshot: a quote's words are cut inside a character")
				}
				off += sp.End - sp.Start
			}
		}
	}
	return a, end, nil
}

// segments reads n segments of an offset map into segs, or only checks
// them with segs nil.
func (d *decoder) segments(n int, segs []segment) {
	text, file := 0, 0
	for i := 0; i < n && d.err == nil; i++ {
		v := d.uvarint()
		text += unzigzag(v >> 1)
		file += int(d.varint())
		if text < 0 || text > maxBody || file < 0 || file > maxBody {
			d.fail("a file offset out of range")
			return
		}
		if segs != nil {
			segs[i] = segment{text, file, v&1 != 0}
		}
	}
}

// quoteRef is a quote as read, before the arrays of the article's quotes
// and its names are made.
type quoteRef struct {
	spans            int // its number of spans
	speaker, mention int // 0 for none, else 1 + the name's number
}

// quotes reads an article's quotes, whose spans lie in a body of size
// bytes, appending them to refs, their spans to spans, and the offsets
// at which their new names end, among all of them, to ends; said is the
// number of bytes of their words. Arrays on the caller's stack hold most
// articles' quotes.
func (d *decoder) quotes(size int, refs []quoteRef, spans []Span, ends []int) (_ []quoteRef, _ []Span, _ []int, said int) {
	nquotes := d.upTo(len(d.src), "quote count")
	b, i := d.src, d.off
	bad := ""
	var v uint64
	// next reads the number at i; most are one byte, read here, as this
	// loop runs over every quote of every article of a snapshot
	next := func() {
		if i < len(b) && b[i] < 0x80 {
			v, i = uint64(b[i]), i+1
		} else {
			v, i = uvarintAt(b, i)
		}
	}
quotes:
	for range nquotes {
		if next(); v == 0 || v > uint64(len(b)) {
			bad = "a quote of no words, or of too many parts"
			break
		}
		q := quoteRef{spans: int(v)}
		end := 0
		for range q.spans {
			// the first start is from 0, the next ones from the end before
			if next(); v > uint64(size-end) {
				bad = "a quote's start is past the body"
				break quotes
			}
			start := end + int(v)
			if next(); v > uint64(size-start) {
				bad = "a quote's end is past the body"
				break quotes
			}
			end = start + int(v)
			if said += end - start; said > len(b) {
				bad = "the words of the quotes are longer than the snapshot"
				break quotes
			}
			spans = append(spans, Span{Start: start, End: end})
		}
		for k := range 2 { // speaker, mention
			who := 0
			switch next(); {
			case v == 1: // a new name, of this length
				last := 0
				if len(ends) > 0 {
					last = ends[len(ends)-1]
				}
				if next(); v > uint64(len(b)-last) {
					bad = "the names are longer than the snapshot"
					break quotes
				}
				ends = append(ends, last+int(v))
				who = len(ends)
			case v > uint64(len(ends))+1:
				bad = "a name's number is of no name before it"
				break quotes
			case v > 1:
				who = int(v) - 1
			}
			if k == 0 {
				q.speaker = who
			} else {
				q.mention = who
			}
		}
		refs = append(refs, q)
	}
	if bad == "" && i > len(b) {
		bad = "an article is cut short or holds a broken number"
	}
	if bad != "" {
		d.fail("%s", bad)
	} else {
		d.off = i
	}
	return refs, spans, ends, said
}

// uvarintAt is the number at b[i:] and the offset after it, past len(b)
// when there is none.
func uvarintAt(b []byte, i int) (uint64, int) {
	if i < len(b) && b[i] < 0x80 {
		return uint64(b[i]), i + 1
	}
	if i >= len(b) {
		return 0, len(b) + 1
	}
	v, n := binary.Uvarint(b[i:])
	if n <= 0 {
		return 0, len(b) + 1
	}
	return v, i + n
}

// isCleanText reports whether s is text as the cleaning of files leaves it
// (see Decode): UTF-8 with no control character but tabs, and newlines
// when lines is true. Such text cannot command a terminal.
func isCleanText(s string, lines bool) bool {
	for i := 0; i < len(s); {
		// printable ASCII, most of any text, 32 bytes at a time: no top
		// bit, none below 0x20 (+0x60 sets it) and no 0x7f (+1 sets it)
		for ; i+32 <= len(s); i += 32 {
			w0, w1, w2, w3 := load64(s, i), load64(s, i+8), load64(s, i+16), load64(s, i+24)
			const space, del = 0x60 * ones, ones
			if (w0|w1|w2|w3)&highs != 0 || (w0+space)&(w1+space)&(w2+space)&(w3+space)&highs != highs ||
				((w0+del)|(w1+del)|(w2+del)|(w3+del))&highs != 0 {
				break
			}
		}
		if i+8 <= len(s) && printable(load64(s, i)) == highs {
			i += 8
			continue
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' && lines {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !keep(r) {
			return false
		}
		i += n
	}
	return true
}
