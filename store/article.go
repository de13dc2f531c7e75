package store

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"newsreader/store/quotes"
)

// Format is the kind of file an article came from.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html" // a saved web page; the body is its article as markdown
	FormatFeed     Format = "feed" // one entry of an RSS, Atom or JSON feed; the body is markdown
)

// Span is a byte range [Start, End) in an article's body.
type Span = quotes.Span

// Article is one news article held in memory.
type Article struct {
	ID     int    // position in the Store, set by Add
	Path   string // the file, as the user named it or as found under a folder
	Entry  int    // which article of a file that holds several (feeds), from 0
	Format Format

	Title  string
	Byline string
	Date   time.Time // zero when unknown
	Source string    // URL or outlet, when known
	Site   string    // the outlet's name, when known (a page's site, a feed's title)

	Words  int
	Quotes []quotes.Quote

	// Wrapped is true when the lines of a paragraph are hard-wrapped and
	// belong together (text files with blank lines between paragraphs).
	Wrapped bool
	// TitleLine is true when the first paragraph of the body is the title line.
	TitleLine bool

	// The body is the cleaned text: UTF-8, LF line ends, no control
	// characters. For markdown it is the markdown source after the front
	// matter and title; for pages and feeds, markdown converted from their
	// HTML. Read it with Text.
	text  atomic.Pointer[body] // nil once released (see Release)
	fsys  fs.FS                // where the file is read again from; nil means the disk
	size  int32                // the body's length: with key, to know the file again
	again bool                 // the body can be read again from the file: see Release

	converted bool  // the body is not a copy of the file's bytes: no file offsets
	settled   bool  // the file had been left alone a while when it was read: see Stamp
	stamp     Stamp // the file's when it was read from the disk; zero otherwise

	said      string   // the words of every quote, one after the other (see QuoteParts)
	key       [16]byte // see Key
	wordsHash uint64   // the body's words, folded (see hashWords)

	offsets *OffsetMap // body offset -> file offset
	textKey string     // title and words, to find copies in other files; set by the store (dedup.go)
}

// body is an article's text and its paragraphs, in order.
type body struct {
	text  string
	paras []Span
}

// ErrChanged says an article's file is no longer what was loaded.
var ErrChanged = errors.New("the file has changed since it was loaded")

// Text returns the article's body and its paragraphs. The bodies of text
// and markdown files are not held once loaded and indexed (Release): Text
// reads the file again, and fails when it has changed or gone since.
func (a *Article) Text() (string, []Span, error) {
	if b := a.text.Load(); b != nil {
		return b.text, b.paras, nil
	}
	data, err := readLimited(a.fsys, a.Path)
	if err != nil {
		return "", nil, fmt.Errorf("reading it again: %w", err)
	}
	arts, _ := parse(a.Path, data, false, true)
	if len(arts) != 1 || arts[0].Format != a.Format {
		return "", nil, ErrChanged
	}
	b := arts[0].text.Load()
	// the key is the same in every process, so an article saved by an
	// earlier run is checked as surely as one read in this one
	if len(b.text) != int(a.size) || bodyKey(arts[0].Title, b.text) != a.key {
		return "", nil, ErrChanged
	}
	return b.text, b.paras, nil
}

// Release lets go of the body when the file can give it again as it is
// (text and markdown, not compressed): memory then holds what the list, the
// quotes and the search need, not every article's text.
func (a *Article) Release() {
	if a.again {
		a.text.Store(nil)
	}
}

// Held reports whether the body is in memory.
func (a *Article) Held() bool { return a.text.Load() != nil }

// HeldText is the body when it is in memory: a snapshot keeps the texts
// that their files cannot give again (pages, feeds, compressed files).
func (a *Article) HeldText() (string, bool) {
	if b := a.text.Load(); b != nil {
		return b.text, true
	}
	return "", false
}

// Hold gives an article decoded from a snapshot its body back. The text
// must be the one it was loaded with: its length and key say so.
func (a *Article) Hold(text string) error {
	if len(text) != int(a.size) || bodyKey(a.Title, text) != a.key {
		return errors.New("snapshot: a text that is not its article's")
	}
	paras, _ := paragraphs(text, a.Markdown())
	a.text.Store(&body{text: text, paras: paras})
	return nil
}

// Offsets reports whether body offsets map to offsets in the file on disk.
// They do for plain text and markdown read as they are; they do not for web
// pages, feeds and compressed files, whose body is converted text.
func (a *Article) Offsets() bool { return !a.converted }

// FileOffset maps a byte offset in the body to the offset in the file on disk,
// or returns -1 when the article has no file offsets (see Offsets).
func (a *Article) FileOffset(off int) int {
	if a.converted {
		return -1
	}
	return a.offsets.File(off)
}

// Markdown reports whether the body is markdown (markdown files, pages, feeds)
// rather than plain text.
func (a *Article) Markdown() bool { return a.Format != FormatText && a.Format != "" }

// ReadingMinutes is the reading time at 230 words a minute, at least 1.
func (a *Article) ReadingMinutes() int {
	return max(1, (a.Words+115)/230)
}

// finish sets the body and, when full, what is derived from it: words,
// quotes, keys. The strings kept are copies, so that no part of the file's
// text stays in memory once the body is released.
func (a *Article) finish(text string, full bool) {
	paras, wrapped := paragraphs(text, a.Markdown())
	a.Wrapped = wrapped
	a.text.Store(&body{text: text, paras: paras})
	if !full {
		return
	}
	a.size = int32(len(text))
	a.Words = countWords(text)
	a.Quotes = quotes.Extract(text, paras)
	a.wordsHash = hashWords(text)
	a.key = bodyKey(a.Title, text)
	a.Title, a.Byline = strings.Clone(a.Title), strings.Clone(a.Byline)
	a.Source, a.Site = strings.Clone(a.Source), strings.Clone(a.Site)
	a.keepQuotes(text)
}

// keepQuotes copies the words of the quotes and the names of their
// speakers out of the text, in one string each.
func (a *Article) keepQuotes(text string) {
	if len(a.Quotes) == 0 {
		return
	}
	n := 0
	for _, q := range a.Quotes {
		for _, sp := range q.Spans {
			n += sp.End - sp.Start
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, q := range a.Quotes {
		for _, sp := range q.Spans {
			b.WriteString(text[sp.Start:sp.End])
		}
	}
	a.said = b.String()
	// the names and mentions, each once, in one copy too: an article names
	// a few people, so a look through them beats a map and a copy each
	var seen [16]string
	names := seen[:0]
	n = 0
	for _, q := range a.Quotes {
		for _, s := range [2]string{q.Speaker, q.Mention} {
			if s != "" && !slices.Contains(names, s) {
				names = append(names, s)
				n += len(s)
			}
		}
	}
	var nb strings.Builder
	nb.Grow(n)
	for _, s := range names {
		nb.WriteString(s)
	}
	all := nb.String()
	keep := func(s string) string {
		off := 0
		for _, c := range names {
			if c == s {
				return all[off : off+len(c)]
			}
			off += len(c)
		}
		return ""
	}
	for i := range a.Quotes {
		a.Quotes[i].Speaker = keep(a.Quotes[i].Speaker)
		a.Quotes[i].Mention = keep(a.Quotes[i].Mention)
	}
}

// QuoteParts is the words of quote i, part by part; they need no body.
func (a *Article) QuoteParts(i int) []string {
	off := 0
	for _, q := range a.Quotes[:i] {
		for _, sp := range q.Spans {
			off += sp.End - sp.Start
		}
	}
	q := a.Quotes[i]
	parts := make([]string, len(q.Spans))
	for k, sp := range q.Spans {
		n := sp.End - sp.Start
		parts[k] = a.said[off : off+n]
		off += n
	}
	return parts
}

// QuoteText is the words of quote i, its parts joined with an ellipsis.
func (a *Article) QuoteText(i int) string {
	return strings.Join(a.QuoteParts(i), " … ")
}

// bodyKey is what Key names an article by: a hash of its title and body.
func bodyKey(title, text string) [16]byte {
	h := sha256.New()
	// the hash only reads what it is given: the strings need no copies
	h.Write(unsafe.Slice(unsafe.StringData(title), len(title)))
	// the NUL keeps "ab"+"c" and "a"+"bc" apart; cleaned text never holds one
	h.Write([]byte{0})
	h.Write(unsafe.Slice(unsafe.StringData(text), len(text)))
	var sum [sha256.Size]byte
	// 128 bits: collisions stay out of reach for any reader's lifetime
	return [16]byte(h.Sum(sum[:0]))
}

// parseText reads a plain-text article. A short first line with no final
// period followed by a blank line is the title (the way news dumps store it);
// otherwise the headline comes from the first sentence.
func parseText(text string, m *OffsetMap, full bool) *Article {
	a := &Article{Format: FormatText}
	var body string
	start := skipBlankLines(text, 0)
	first, rest := lineAt(text, start)
	if t := strings.TrimSpace(first); t != "" && isTitleLine(t) && !isBylineLine(t) && strings.TrimSpace(lineOnly(text, rest)) == "" && rest < len(text) {
		// the title line stays in the body, as its first paragraph: headlines
		// quote people too ("Putin: ‘We will win’")
		a.Title = collapseSpace(t)
		a.TitleLine = true
		body = strings.TrimRight(text[start:], " \t\n")
		a.offsets = m.Shift(start)
	} else {
		body = strings.TrimRight(text[start:], " \t\n")
		a.offsets = m.Shift(start)
		a.Title = headline(body)
		if t := strings.TrimSpace(first); isBylineLine(t) {
			a.Byline = strings.TrimRight(strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(t, "By "), "BY "), "BYLINE: ")), ".")
		}
	}
	a.finish(body, full)
	return a
}

func isTitleLine(t string) bool {
	if utf8.RuneCountInString(t) > 120 {
		return false
	}
	return !strings.HasSuffix(t, ".") || strings.HasSuffix(t, "...")
}

// skipBlankLines returns the offset of the first line at or after i that has
// something other than spaces.
func skipBlankLines(text string, i int) int {
	for i < len(text) {
		line, next := lineAt(text, i)
		if strings.TrimSpace(line) != "" {
			return i
		}
		i = next
	}
	return i
}

// lineAt returns the line starting at i (without its newline) and the offset after it.
func lineAt(text string, i int) (string, int) {
	j := strings.IndexByte(text[i:], '\n')
	if j < 0 {
		return text[i:], len(text)
	}
	return text[i : i+j], i + j + 1
}

func lineOnly(text string, i int) string {
	if i >= len(text) {
		return ""
	}
	l, _ := lineAt(text, i)
	return l
}

// headline derives a title from the first sentence, cut at a word boundary
// near 80 cells.
func headline(body string) string {
	para := body
	for {
		line, rest, _ := strings.Cut(para, "\n")
		if rest == "" || !isBylineLine(strings.TrimSpace(line)) {
			para = line
			break
		}
		para = strings.TrimLeft(rest, " \t\n")
	}
	s := collapseSpace(stripMarkup(firstSentence(stripDateline(para))))
	s = strings.TrimRight(s, ".")
	return cutCells(s, 80)
}

// bylineLine is a first line that names who wrote the story, not what it is.
var bylineLine = regexp.MustCompile(`^(?:(?:By|BY|BYLINE:) \p{Lu}.{0,60}|(?:Staff|STAFF) (?:[Rr]eports?|[Ww]riters?|REPORTS?|WRITERS?)|(?:The )?Associated Press|(?:From )?[Ww]ire [Rr]eports)$`)

func isBylineLine(t string) bool { return len(t) <= 64 && bylineLine.MatchString(t) }

// dateline is the place and agency news wires open a story with:
// "BUFFALO, N.Y. — ", "WASHINGTON (Reuters) - ", "(AP) — ", "NEW DELHI: ".
var dateline = regexp.MustCompile(`^((?:\p{Lu}[\p{L}.'’-]*)(?: \p{Lu}[\p{L}.'’-]*){0,3}(?:, ?\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}){0,2} ?)?(\((?:AP|Reuters|AFP|UPI|CNN|dpa|Xinhua|Bloomberg|IANS|PTI|ANI|TASS)\) ?)?(—|–|--|-|:) +(["“‘']?[\p{Lu}\d])`)

// stripDateline takes a wire dateline off the start of a paragraph, for a
// headline: it is not what the story is, and "N.Y." ended its first sentence.
func stripDateline(p string) string {
	m := dateline.FindStringSubmatchIndex(p)
	if m == nil || m[1] > 72 {
		return p
	}
	place, agency, sep := "", m[4] >= 0, p[m[6]:m[7]]
	if m[2] >= 0 {
		place = strings.TrimSpace(p[m[2]:m[3]])
	}
	first, _, _ := strings.Cut(place, " ")
	first = strings.TrimRight(first, ",")
	caps := len(first) >= 2 && strings.ToUpper(first) == first
	switch {
	case place == "" && !agency:
		return p
	case sep == ":" && strings.ToUpper(place) != place:
		return p // "Washington, DC, United States: Getting…", "NY Post: …" read as they are
	case place != "" && !caps && !agency && !strings.Contains(place, ","):
		return p // "Obama — …": a name, not a place
	}
	return p[m[8]:] // the story, from its first letter or opening quote
}

// cutCells cuts s at the last word boundary that fits in limit cells, adding an ellipsis.
func cutCells(s string, limit int) string {
	if cells(s) <= limit {
		return s
	}
	w, cut, lastSpace := 0, 0, -1
	for i, r := range s {
		rw := runeCells(r)
		if w+rw > limit-1 {
			cut = i
			break
		}
		if r == ' ' {
			lastSpace = i
		}
		w += rw
	}
	if lastSpace > limit/2 {
		cut = lastSpace
	}
	return strings.TrimRight(s[:cut], " ,;:-—–") + "…"
}

// cells is the display width of s, counting East Asian wide runes as 2.
func cells(s string) int {
	n := 0
	for _, r := range s {
		n += runeCells(r)
	}
	return n
}

func runeCells(r rune) int {
	switch {
	case r < 0x1100:
		return 1
	case r >= 0x1100 && r <= 0x115f, r >= 0x2e80 && r <= 0xa4cf, r >= 0xac00 && r <= 0xd7a3,
		r >= 0xf900 && r <= 0xfaff, r >= 0xfe30 && r <= 0xfe4f, r >= 0xff00 && r <= 0xff60,
		r >= 0xffe0 && r <= 0xffe6, r >= 0x1f300 && r <= 0x1faff, r >= 0x20000 && r <= 0x3fffd:
		return 2
	}
	return 1
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "prof": true, "jr": true, "sr": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "vs": true, "no": true, "u.s": true, "u.k": true,
	"u.n": true, "e.g": true, "i.e": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "ave": true, "mt": true, "ft": true, "rev": true, "pres": true, "atty": true,
}

// firstSentence returns the first sentence of a paragraph.
func firstSentence(p string) string {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(p) && strings.ContainsRune("\"'”’)", rune(p[j])) {
			j++
		}
		if strings.HasPrefix(p[j:], "”") || strings.HasPrefix(p[j:], "’") {
			j += 3
		}
		if j < len(p) && p[j] != ' ' {
			continue
		}
		if c == '.' {
			w := p[:i]
			if k := strings.LastIndexAny(w, " (\"“"); k >= 0 {
				w = w[k+1:]
			}
			lw := strings.ToLower(w)
			if abbreviations[lw] || utf8.RuneCountInString(w) == 1 && w != "" && unicode.IsUpper([]rune(w)[0]) {
				continue
			}
		}
		return p[:j]
	}
	return p
}

// stripMarkup removes the markdown punctuation a headline should not show.
func stripMarkup(s string) string {
	s = strings.TrimLeft(s, "#>*-+ ")
	return strings.NewReplacer("**", "", "__", "", "`", "", "*", "").Replace(s)
}

func collapseSpace(s string) string {
	// most titles have nothing to collapse: give them back as they are
	plain := s == "" || s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; plain && i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80 || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			plain = false // and other spaces beyond ASCII: strings.Fields knows them
		case c == ' ' && s[i+1] == ' ':
			plain = false
		}
	}
	if plain {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// countWords counts the runs of bytes between spaces, tabs and newlines,
// eight bytes at a time: it runs over every article loaded.
func countWords(s string) int {
	n := 0
	carry := uint64(0x80) // the top bit of byte 0: the byte before was a separator
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		sep := ^(nonZero(x^(' '*ones)) & nonZero(x^('\n'*ones)) & nonZero(x^('\t'*ones))) & highs
		n += bits.OnesCount64(^sep & (sep<<8 | carry) & highs) // a word starts where a separator ends
		carry = sep >> 56
	}
	prev := uint8(carry >> 7)
	for _, c := range []byte(s[i:]) {
		sep := wordSep[c]
		n += int(prev &^ sep)
		prev = sep
	}
	return n
}

const ones = 0x0101010101010101

// nonZero has the top bit of each byte of x that is not zero.
func nonZero(x uint64) uint64 { return ((x & lows) + lows | x) & highs }

var wordSep = [256]uint8{' ': 1, '\n': 1, '\t': 1}

// paragraphs splits a body into paragraphs. Text is split on lines, unless it
// is hard-wrapped (blank lines between blocks of several short lines), where
// blocks are paragraphs. Markdown is always split into blocks.
func paragraphs(body string, markdown bool) ([]Span, bool) {
	if markdown {
		return markdownBlocks(body), true
	}
	blocks := splitBlocks(body)
	wrapped := markdown
	if !markdown {
		// hard-wrapped prose: blocks of several lines, none long, most lines
		// ending mid-sentence (one sentence per line is not wrapping)
		multi, long, inner, ends := 0, 0, 0, 0
		for _, b := range blocks {
			seg := body[b.Start:b.End]
			if strings.Contains(seg, "\n") {
				multi++
			}
			// its lines, without a slice of them: every line may be long,
			// and all but the last end inside the block
			for rest := seg; ; {
				l, after, more := strings.Cut(rest, "\n")
				if len(l) > 100 {
					long++
				}
				if !more {
					break
				}
				inner++
				if t := strings.TrimRight(l, " "); strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") ||
					strings.HasSuffix(t, "”") || strings.HasSuffix(t, "\"") || strings.HasSuffix(t, ":") {
					ends++
				}
				rest = after
			}
		}
		wrapped = multi*2 > len(blocks) && long == 0 && ends*2 <= inner
	}
	if wrapped {
		return blocks, true
	}
	out := make([]Span, 0, strings.Count(body, "\n")+1) // a line each at most
	for i := 0; i < len(body); {
		line, next := lineAt(body, i)
		if t := strings.TrimSpace(line); t != "" {
			s := i + strings.Index(line, t)
			out = append(out, Span{Start: s, End: s + len(t)})
		}
		i = next
	}
	return out, false
}

// splitBlocks returns the runs of non-blank lines.
func splitBlocks(body string) []Span {
	out := make([]Span, 0, strings.Count(body, "\n\n")+1) // a blank line after each but the last
	start := -1
	end := 0
	for i := 0; i <= len(body); {
		line, next := "", len(body)+1
		if i < len(body) {
			line, next = lineAt(body, i)
		}
		if strings.TrimSpace(line) == "" {
			if start >= 0 {
				out = append(out, Span{Start: start, End: end})
				start = -1
			}
		} else {
			if start < 0 {
				start = i + len(line) - len(strings.TrimLeft(line, " \t"))
			}
			end = i + len(strings.TrimRight(line, " \t"))
		}
		i = next
	}
	return out
}

// markdownBlocks are the blocks of prose of a markdown body: runs of
// non-blank lines, leaving out fenced and indented code, where quotation
// marks are program text, not speech.
func markdownBlocks(body string) []Span {
	var out []Span
	fence := ""
	start, end := -1, 0
	flush := func() {
		if start >= 0 {
			out = append(out, Span{Start: start, End: end})
			start = -1
		}
	}
	for i := 0; i < len(body); {
		line, next := lineAt(body, i)
		t := strings.TrimLeft(line, " ")
		indent := len(line) - len(t)
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) && strings.TrimSpace(strings.TrimLeft(t, fence[:1])) == "" {
				fence = ""
			}
		case indent < 4 && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			flush()
			fence = t[:3]
		case strings.TrimSpace(line) == "":
			flush()
		case indent >= 4 && start < 0:
			// indented code: not a continuation of a paragraph
		default:
			if start < 0 {
				start = i + indent
			}
			end = i + len(strings.TrimRight(line, " \t"))
		}
		i = next
	}
	flush()
	return out
}
