package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
)

// Encoding names how the bytes of a file were read.
type Encoding string

const (
	UTF8        Encoding = "utf-8"
	UTF16LE     Encoding = "utf-16le"
	UTF16BE     Encoding = "utf-16be"
	Windows1252 Encoding = "windows-1252"
)

// ErrBinary is returned for files that are not text.
var ErrBinary = errors.New("binary file (NUL bytes or mostly non-text)")

// Decode turns the bytes of a file into clean UTF-8 text: it honours a BOM,
// falls back to Windows-1252 for bytes that are not UTF-8, turns CRLF and lone
// CR into LF, and drops every control character and escape sequence so that no
// byte of an article can reach the terminal as a command. The returned map
// gives, for each byte of the text, its offset in the original bytes.
func Decode(raw []byte) (string, *OffsetMap, Encoding, error) {
	return decode(raw, false, false)
}

// decode is Decode; binaryChecked says looksBinary(raw) was false already
// (Parse asks before sniffing the format), so it is not asked twice; owned
// says nothing writes to raw again, so clean UTF-8 is not copied.
func decode(raw []byte, binaryChecked, owned bool) (string, *OffsetMap, Encoding, error) {
	enc := UTF8
	skip := 0
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		skip = 3
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		enc, skip = UTF16LE, 2
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		enc, skip = UTF16BE, 2
	}
	if enc == UTF8 {
		if !(binaryChecked && skip == 0) && looksBinary(raw[skip:]) {
			return "", nil, enc, ErrBinary
		}
		if !utf8.Valid(raw[skip:]) {
			enc = Windows1252
		}
	}
	var c cleaner
	c.init(raw, skip, owned && enc == UTF8)
	switch enc {
	case UTF8:
		c.cleanUTF8()
	case Windows1252:
		c.cleanBytes(cp1252)
	default:
		if err := c.cleanUTF16(enc == UTF16BE); err != nil {
			return "", nil, enc, err
		}
	}
	text, m := c.finish()
	return text, m, enc, nil
}

// looksBinary reports NUL bytes, or a large share of control bytes, in the
// first 8 KB (the same window git and grep look at).
func looksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctl := 0
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if belowSpace(binary.LittleEndian.Uint64(b[i:])) == 0 {
			continue // eight bytes and no control among them: most of any text
		}
		for _, c := range b[i : i+8] {
			ctl += int(binaryControl[c])
		}
	}
	for _, c := range b[i:] {
		ctl += int(binaryControl[c])
	}
	return ctl >= 8 && ctl*4 > len(b)
}

// binaryControl marks the C0 controls that text files do not hold.
var binaryControl = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = 1
	}
	for _, c := range []byte{'\n', '\r', '\t', 0x1b, '\f'} {
		t[c] = 0
	}
	return t
}()

// Eight bytes at a time (SWAR): each byte's top bit answers for that byte,
// with no carry from one byte into the next since the low seven bits are
// added to at most 0x7f.
const (
	lows  = 0x7f7f7f7f7f7f7f7f
	highs = 0x8080808080808080
)

// belowSpace has the top bit of each byte of x that is below 0x20.
func belowSpace(x uint64) uint64 {
	return ^((x & lows) + 0x6060606060606060 | x) & highs
}

// printable has the top bit of each byte of x that is in 0x20..0x7e.
func printable(x uint64) uint64 {
	return ((x & lows) + 0x6060606060606060) &^ ((x & lows) + 0x0101010101010101) &^ x & highs
}

var cp1252 = func() (t [256]rune) {
	dec := charmap.Windows1252.NewDecoder()
	for i := range 256 {
		out, err := dec.Bytes([]byte{byte(i)})
		r, _ := utf8.DecodeRune(out)
		if err != nil || r == utf8.RuneError {
			r = '\uFFFD'
		}
		t[i] = r
	}
	return t
}()

// OffsetMap maps byte offsets in cleaned text back to offsets in the file.
// It is a list of segments; inside an exact segment bytes were copied one to
// one, elsewhere (a CRLF, a decoded byte) every offset maps to the segment's
// start in the file.
type OffsetMap struct {
	segs []segment
}

type segment struct {
	text, file int
	exact      bool
}

// File returns the offset in the file of byte off of the text.
func (m *OffsetMap) File(off int) int {
	if m == nil || len(m.segs) == 0 {
		return off
	}
	lo, hi := 0, len(m.segs)
	for lo < hi { // last segment with text <= off
		mid := (lo + hi) / 2
		if m.segs[mid].text <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return off
	}
	s := m.segs[lo-1]
	if s.exact {
		return s.file + off - s.text
	}
	return s.file
}

// Shift returns a map for text[base:]: offsets in the substring map to the same file offsets.
func (m *OffsetMap) Shift(base int) *OffsetMap {
	if base == 0 {
		return m
	}
	out := &OffsetMap{segs: []segment{{0, m.File(base), m.exactAt(base)}}}
	if m != nil {
		for _, s := range m.segs {
			if s.text > base {
				out.segs = append(out.segs, segment{s.text - base, s.file, s.exact})
			}
		}
	}
	return out
}

func (m *OffsetMap) exactAt(off int) bool {
	exact := true
	if m != nil {
		for _, s := range m.segs {
			if s.text > off {
				break
			}
			exact = s.exact
		}
	}
	return exact
}

// Identity reports whether every offset maps to itself.
func (m *OffsetMap) Identity() bool {
	if m == nil {
		return true
	}
	for _, s := range m.segs {
		if !s.exact || s.text != s.file {
			return false
		}
	}
	return true
}

type cleaner struct {
	raw  []byte
	pos  int             // next raw byte
	out  strings.Builder // its String() is the text, not a copy of it
	segs []segment
	// While shared, the text so far is raw[pos:end], not yet copied to out:
	// most files are clean, and their text is then the file's bytes.
	shared bool
	from   int
	end    int
	// whether the current segment is an exact copy with file = text + delta
	inExact bool
	delta   int
}

// init starts cleaning raw after skip bytes. share says the text may be
// raw itself while it is clean: nothing writes to raw again.
func (c *cleaner) init(raw []byte, skip int, share bool) {
	c.raw = raw
	c.pos = skip
	c.shared, c.from, c.end = share, skip, skip
	if !share {
		c.out.Grow(len(raw))
	}
}

// len is the length of the text so far.
func (c *cleaner) len() int {
	if c.shared {
		return c.end - c.from
	}
	return c.out.Len()
}

// unshare copies the text so far to out, which takes what comes next.
func (c *cleaner) unshare() {
	if !c.shared {
		return
	}
	c.shared = false
	c.out.Grow(len(c.raw))
	c.out.Write(c.raw[c.from:c.end])
}

// copyExact appends raw[from:to] unchanged.
func (c *cleaner) copyExact(from, to int) {
	if from >= to {
		return
	}
	d := from - c.len()
	if !c.inExact || d != c.delta {
		c.segs = append(c.segs, segment{c.len(), from, true})
		c.inExact, c.delta = true, d
	}
	if c.shared && from == c.end {
		c.end = to
		return
	}
	c.unshare()
	c.out.Write(c.raw[from:to])
}

// replace appends s for raw[from:to].
func (c *cleaner) replace(from, to int, s string) {
	_ = to
	c.unshare()
	c.segs = append(c.segs, segment{c.out.Len(), from, false})
	c.inExact = false
	c.out.WriteString(s)
}

func (c *cleaner) finish() (string, *OffsetMap) {
	// a trailing segment marks the end, so that offsets at the end map to the end of the file
	c.segs = append(c.segs, segment{c.len(), len(c.raw), true})
	m := &OffsetMap{segs: c.segs}
	if m.Identity() {
		m = nil
	}
	if c.shared {
		if c.end == c.from {
			return "", m
		}
		// raw is not written to again (see init), so the string stays as it is
		return unsafe.String(&c.raw[c.from], c.end-c.from), m
	}
	return c.out.String(), m
}

// cleanUTF8 copies valid UTF-8, dropping what must not reach a terminal.
func (c *cleaner) cleanUTF8() {
	raw := c.raw
	run := c.pos // start of the pending exact run
	i := c.pos
	for i < len(raw) {
		if i+8 <= len(raw) && printable(binary.LittleEndian.Uint64(raw[i:])) == highs {
			i += 8 // eight printable ASCII bytes, copied with the run
			continue
		}
		b := raw[i]
		if b >= 0x20 && b < 0x7f || b == '\n' || b == '\t' {
			i++
			continue
		}
		if b < 0x80 {
			c.copyExact(run, i)
			i = c.control(i)
			run = i
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if keep(r) {
			i += n
			continue
		}
		c.copyExact(run, i)
		switch {
		case r == 0x9b: // C1 CSI: drop its parameters too
			i = skipCSI(raw, i+n)
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			i = skipString(raw, i+n)
		case r == '\u2028' || r == '\u2029':
			c.replace(i, i+n, "\n")
			i += n
		default:
			i += n
		}
		run = i
	}
	c.copyExact(run, i)
}

// control handles an ASCII control byte at raw[i] and returns the next offset.
func (c *cleaner) control(i int) int {
	raw := c.raw
	switch raw[i] {
	case '\r':
		if i+1 < len(raw) && raw[i+1] == '\n' {
			c.replace(i, i+2, "\n")
			return i + 2
		}
		c.replace(i, i+1, "\n")
		return i + 1
	case 0x1b:
		return skipEscape(raw, i)
	case '\f', '\v':
		c.replace(i, i+1, "\n")
		return i + 1
	}
	return i + 1 // other C0 controls and DEL are dropped
}

// keep reports whether a non-ASCII rune may be shown.
func keep(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls
		return false
	case r == '\u200b' || r == '\u200c' || r == '\ufeff': // zero-width (our highlight sentinels) and stray BOMs
		return false
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f', r == '\u061c':
		return false // bidi overrides would reorder the screen
	case r == '\u2028' || r == '\u2029':
		return false
	case r >= 0xfff9 && r <= 0xfffb: // interlinear annotation controls
		return false
	}
	return true
}

// skipEscape skips an escape sequence starting with ESC at raw[i].
func skipEscape(raw []byte, i int) int {
	i++
	if i >= len(raw) {
		return i
	}
	switch raw[i] {
	case '[':
		return skipCSI(raw, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(raw, i+1)
	}
	if raw[i] >= 0x20 && raw[i] < 0x30 { // intermediate bytes, then a final byte
		for i < len(raw) && raw[i] >= 0x20 && raw[i] < 0x30 {
			i++
		}
	}
	if i < len(raw) && raw[i] >= 0x30 && raw[i] < 0x7f {
		i++
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte.
func skipCSI(raw []byte, i int) int {
	for i < len(raw) && raw[i] >= 0x20 && raw[i] < 0x40 {
		i++
	}
	if i < len(raw) && raw[i] >= 0x40 && raw[i] < 0x7f {
		i++
	}
	return i
}

// skipString skips an OSC/DCS/APC/PM/SOS body up to BEL or ST (ESC \ or
// U+009C). An unterminated string ends at the end of the line, so that one
// stray ESC ] cannot swallow the rest of an article.
func skipString(raw []byte, i int) int {
	for i < len(raw) {
		switch raw[i] {
		case 0x07:
			return i + 1
		case '\n':
			return i
		case 0x1b:
			if i+1 < len(raw) && raw[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case 0xc2:
			if i+1 < len(raw) && raw[i+1] == 0x9c {
				return i + 2
			}
		}
		i++
	}
	return i
}

// cleanBytes decodes a single-byte encoding.
func (c *cleaner) cleanBytes(table [256]rune) {
	raw := c.raw
	run := c.pos
	i := c.pos
	var buf [4]byte
	for i < len(raw) {
		b := raw[i]
		if b >= 0x20 && b < 0x7f || b == '\n' || b == '\t' {
			i++
			continue
		}
		c.copyExact(run, i)
		if b < 0x80 {
			i = c.control(i)
		} else {
			r := table[b]
			if keep(r) {
				n := utf8.EncodeRune(buf[:], r)
				c.replace(i, i+1, string(buf[:n]))
			}
			i++
		}
		run = i
	}
	c.copyExact(run, i)
}

// cleanUTF16 decodes UTF-16 text after its BOM.
func (c *cleaner) cleanUTF16(bigEndian bool) error {
	raw := c.raw
	if (len(raw)-c.pos)%2 != 0 {
		raw = raw[:len(raw)-1]
	}
	units := make([]uint16, 0, (len(raw)-c.pos)/2)
	for i := c.pos; i+1 < len(raw); i += 2 {
		if bigEndian {
			units = append(units, uint16(raw[i])<<8|uint16(raw[i+1]))
		} else {
			units = append(units, uint16(raw[i+1])<<8|uint16(raw[i]))
		}
	}
	runes := utf16.Decode(units)
	// UTF-16 offsets cannot be byte copies: map each rune to its code units.
	var buf [4]byte
	off := c.pos
	zero := 0
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		w := 2
		if r > 0xffff {
			w = 4
		}
		switch {
		case r == 0:
			zero++
		case r == '\r':
			if i+1 < len(runes) && runes[i+1] == '\n' {
				i++
				c.replace(off, off+4, "\n")
				off += 2
			} else {
				c.replace(off, off+w, "\n")
			}
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f:
		case r >= 0x80 && !keep(r):
		default:
			n := utf8.EncodeRune(buf[:], r)
			c.replace(off, off+w, string(buf[:n]))
		}
		off += w
	}
	if zero > 0 && zero*10 > len(runes) {
		return ErrBinary
	}
	if !utf8.ValidString(c.out.String()) {
		return fmt.Errorf("invalid UTF-16")
	}
	return nil
}
