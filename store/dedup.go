package store

import (
	"encoding/binary"
	"math/bits"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Two files hold the same article when they name the same link, or have the
// same title and the same words (whatever their markup): a page saved twice,
// a feed entry and the page it links to, a story kept as text and as .md.

// dupGroup is the copies of one article the store holds; one is shown.
type dupGroup struct {
	copies []*Article
	shown  *Article
}

// better reports whether a should be shown rather than b: the fuller copy
// (a page over a feed's summary of it), then the first in the reader's order,
// so the choice does not depend on which file loaded first.
func better(a, b *Article) bool {
	if a.Words != b.Words {
		return a.Words > b.Words
	}
	return ArticleLess(a, b)
}

// dupKeys are the keys under which an article's copies meet: its link's,
// and its text's once another article held has the same title (noteTitle).
func dupKeys(a *Article) []string {
	keys := make([]string, 0, 2)
	if k := linkKey(a.Source); k != "" {
		keys = append(keys, k)
	}
	if a.textKey != "" {
		keys = append(keys, a.textKey)
	}
	return keys
}

// noteTitle files a held article under its folded title. Only articles
// that share a title can share the text key, so the key is made then; its
// words were hashed when the article was read, on the loading cores.
func (s *Store) noteTitle(a *Article) {
	t := foldTitle(a.Title)
	if t == "" {
		return
	}
	same := append(s.byTitle[t], a)
	s.byTitle[t] = same
	if len(same) < 2 {
		return
	}
	for _, c := range same {
		if c.textKey != "" {
			continue
		}
		c.textKey = textKeyOf(t, c.wordsHash)
		if g := s.group[c]; g != nil && s.byKey[c.textKey] == nil {
			s.byKey[c.textKey] = g // it joined before it had the key
		}
	}
}

// forgetTitle takes an article out of the title files.
func (s *Store) forgetTitle(a *Article) {
	t := foldTitle(a.Title)
	same := slices.DeleteFunc(s.byTitle[t], func(c *Article) bool { return c == a })
	if len(same) == 0 {
		delete(s.byTitle, t)
		return
	}
	s.byTitle[t] = same
}

// trackingParams are query parameters that say who sent a reader, not what
// the page is.
var trackingParams = regexp.MustCompile(`^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ref$|cmpid$|ocid$|smid$)`)

// linkKey is a web address reduced to what names the page: scheme, "www.",
// fragment, trailing slash and tracking parameters do not count.
func linkKey(s string) string {
	s = strings.TrimSpace(s)
	// most sources are an outlet's name or none: no need to parse them
	if !hasPrefixFold(s, "http://") && !hasPrefixFold(s, "https://") {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	q := u.Query()
	for k := range q {
		if trackingParams.MatchString(strings.ToLower(k)) {
			q.Del(k)
		}
	}
	p := strings.TrimRight(u.EscapedPath(), "/")
	if p == "" && len(q) == 0 {
		return "" // a site's home page, which some feeds give as every entry's link
	}
	key := "link:" + host + p
	if len(q) > 0 {
		key += "?" + q.Encode() // Encode sorts by key
	}
	return key
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// textKey is the folded title and a hash of the words of the body; "" for
// an article without a title. The words are hashed as they are folded,
// never built (see hashWords).
func textKey(title, body string) string {
	folded := foldTitle(title)
	if folded == "" {
		return ""
	}
	return textKeyOf(folded, hashWords(body))
}

// foldTitle is a title's words, folded as the text key folds them.
func foldTitle(title string) string {
	return strings.TrimSuffix(string(foldWords(nil, title)), " ")
}

// textKeyOf is textKey for a title already folded and the words' hash.
func textKeyOf(folded string, h uint64) string {
	var sum [8]byte
	for i := range sum {
		sum[i] = byte(h >> (56 - 8*i))
	}
	return "text:" + folded + "\x00" + string(sum[:])
}

// hashWords is a hash of foldWords(nil, s), in one pass without the folded
// copy: a third of the parse time went to building it. Texts hash alike
// exactly when their folded words are the same bytes (but for 64-bit
// collisions): the hash is of those bytes, whatever pieces they are found
// in (see foldIn). It has no seed, the same in every run: snapshots keep
// it (AppendArticle), and a change to it is a change to what they hold.
//
// The text is read eight bytes at a time while they are ASCII letters,
// digits and separators other than "]" and "<" (the bulk of any text),
// with masks: letters are lowercased, a separator after a word becomes
// its space, the other separators are dropped, and what is kept goes to
// the hash in one piece. Other bytes are read one at a time, as foldWords
// reads them. On English news this is four times the speed of hashing
// the folded bytes one at a time.
func hashWords(s string) uint64 {
	// the hash so far, and the bytes not yet in it and where the next goes (foldIn)
	h, pend, at := uint64(0), uint64(0), uint64(1)
	inWord := uint64(0)              // 0x80 when the last byte read is part of a word
	noParen, noAngle := false, false // no ")" or ">" is left: stop looking (keeps it linear)
	for i := 0; i < len(s); {
		for i+8 <= len(s) {
			v := load64(s, i)
			// the bytes that are not read here: UTF-8, and "]" and "<",
			// which may start markup. First a quick test that finds "]"
			// with the rare "[\^_{|}~" (0x5b to 0x5f and 0x7b to 0x7f,
			// lowercased), then the exact one.
			l := v | 0x20*ones     // upper case to lower
			above := l + 0x05*ones // 0x7b and over
			lt := v ^ '<'*ones
			other := (v | above | (lt-ones)&^lt) & highs
			if other != 0 {
				rb := v ^ ']'*ones
				other = (v | (rb-ones)&^rb | (lt-ones)&^lt) & highs
			}
			// a byte of 0x80 and over may carry into the one above, and
			// "]" and "<" borrow from it: what is found above the first
			// such byte is not used
			digit := (v + 0x50*ones) &^ (v + 0x46*ones) // 0x30 to 0x39
			letter := (l + 0x1f*ones) &^ above          // 0x61 to 0x7a
			word := (digit | letter) & highs
			// letters, digits and spaces all have the bit 0x20: lowercase
			// letters, leave digits, and separators become spaces
			out := v&(word>>7*0xff) | ' '*ones
			if other != 0 {
				// read up to the first of them; then byte by byte
				n := uint(bits.TrailingZeros64(other)) &^ 7
				read := uint64(1)<<n - 1
				keep := (word | word<<8 | inWord) & highs & read
				inWord = (word<<8 | inWord) >> n & 0x80
				x, k := squeeze(out, keep>>7*0xff, n)
				h, pend, at = foldIn(h, pend, at, x, k)
				i += int(n / 8)
				break
			}
			// a byte is kept when it is in a word or ends one, as a space
			keep := (word | word<<8 | inWord) & highs
			inWord = word >> 56 & 0x80
			if keep == highs {
				// eight bytes kept: a block (foldIn written out)
				next, here := bits.Mul64(out, at)
				h, pend = mum((pend|here)^wyp0, h^wyp1), next
			} else {
				// most often one run of bytes is dropped (", "): take it out
				// without the loop of squeeze
				drop := (highs ^ keep) >> 7 * 0xff
				lo := uint(bits.TrailingZeros64(drop))
				run := drop >> lo
				x, k := out&(1<<lo-1)|out>>1>>(lo+uint(bits.Len64(run))-1)<<lo, 64-uint(bits.Len64(run))
				if run&(run+1) != 0 {
					x, k = squeeze(out, keep>>7*0xff, 64)
				}
				h, pend, at = foldIn(h, pend, at, x, k)
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if f := asciiFold[c]; f != 0 {
			h, pend, at = foldIn(h, pend, at, uint64(f), 8)
			inWord = 0x80
			i++
			continue
		}
		if c < utf8.RuneSelf {
			skip := 0
			if c == ']' && !noParen && i+1 < len(s) && s[i+1] == '(' {
				if j := strings.IndexByte(s[i+2:], ')'); j >= 0 {
					skip = j + 3
				} else {
					noParen = true
				}
			} else if c == '<' && !noAngle && (strings.HasPrefix(s[i+1:], "http://") || strings.HasPrefix(s[i+1:], "https://")) {
				if j := strings.IndexByte(s[i:], '>'); j >= 0 {
					skip = j + 1
				} else {
					noAngle = true
				}
			}
			if inWord != 0 {
				h, pend, at = foldIn(h, pend, at, ' ', 8)
				inWord = 0
			}
			i += max(skip, 1)
			continue
		}
		if c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&0xc0 == 0x80 {
			// U+2000 to U+203F, spaces and punctuation (’ “ ” — …): no letters or digits
			i += 3
			if inWord != 0 {
				h, pend, at = foldIn(h, pend, at, ' ', 8)
				inWord = 0
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			var buf [8]byte
			n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			h, pend, at = foldIn(h, pend, at, binary.LittleEndian.Uint64(buf[:]), uint(8*n))
			inWord = 0x80
			continue
		}
		if inWord != 0 {
			h, pend, at = foldIn(h, pend, at, ' ', 8)
			inWord = 0
		}
	}
	if inWord != 0 {
		h, pend, at = foldIn(h, pend, at, ' ', 8)
	}
	if at > 1 {
		h = mum(pend^wyp0, h^wyp1)
	}
	return mum(h^wyp2, wyp3)
}

// squeeze is the bytes of the low n bits of x under keep (0xff or 0
// each), moved down together, and their number of bits.
func squeeze(x, keep uint64, n uint) (uint64, uint) {
	drop := ^keep & (1<<n - 1)
	for drop != 0 {
		lo := uint(bits.TrailingZeros64(drop))
		run := uint(bits.TrailingZeros64(^(drop >> lo)))
		x = x&(1<<lo-1) | x>>(lo+run)<<lo
		drop = drop >> (lo + run) << lo
		n -= run
	}
	return x & (1<<n - 1), n
}

// load64 is the 8 bytes at s[i], little-endian: one load.
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// The hash of folded words is of their bytes cut into eight-byte blocks
// (little-endian, the last filled out with zeros, which folded text never
// holds), each mixed into the hash with a wyhash-style multiply, and a
// last multiply. The pieces the bytes come in do not count: "ab", "c"
// hashes as "abc".

// The wyhash constants. The first is xored with each block before the
// multiply, so a block equal to it would zero the product and lose the
// hash so far; its low byte, '/', never begins a block of folded text
// (letters, digits, spaces and UTF-8), so none is.
const (
	wyp0 = 0xa0761d6478bd642f
	wyp1 = 0xe7037ed1a0b428db
	wyp2 = 0x8ebc6af09c88c6e3
	wyp3 = 0x589965cc75374cc3
)

// mum is the 128-bit product of a and b, its halves xored.
func mum(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// foldIn adds the low nbits (0 to 64, whole bytes) of x to the hash h,
// whose last bytes, short of a block, are still in pend; the next byte
// goes at the bit at (1 << 8k for k bytes pending). The bits of x above
// nbits are zero.
func foldIn(h, pend, at, x uint64, nbits uint) (uint64, uint64, uint64) {
	next, here := bits.Mul64(x, at) // x shifted to at, in two words
	pend |= here
	f := uint(bits.TrailingZeros64(at)) + nbits
	if f < 64 {
		return h, pend, 1 << f
	}
	return mum(pend^wyp0, h^wyp1), next, 1 << (f - 64) // a block is full
}

// asciiFold is a letter or digit lowercased, 0 for what separates words.
var asciiFold = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

// foldWords appends the lowercased words of s to dst, each followed by a
// space, leaving out markdown link targets and autolinks: the bytes of
// strings.Join(wordsOf(s), " ") + " ".
func foldWords(dst []byte, s string) []byte {
	inWord := false
	for i := 0; i < len(s); {
		c := s[i]
		// "](target)" and "<http://...>" are markup, not words
		if c == ']' && i+1 < len(s) && s[i+1] == '(' {
			if j := strings.IndexByte(s[i+2:], ')'); j >= 0 {
				if inWord {
					dst = append(dst, ' ')
					inWord = false
				}
				i += j + 3
				continue
			}
		}
		if c == '<' && (strings.HasPrefix(s[i+1:], "http://") || strings.HasPrefix(s[i+1:], "https://")) {
			if j := strings.IndexByte(s[i:], '>'); j >= 0 {
				if inWord {
					dst = append(dst, ' ')
					inWord = false
				}
				i += j + 1
				continue
			}
		}
		switch f := asciiFold[c]; {
		case f != 0:
			dst = append(dst, f)
			inWord = true
			i++
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			if unicode.IsLetter(r) || unicode.IsNumber(r) {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
				inWord = true
				continue
			}
			fallthrough
		default:
			if c < utf8.RuneSelf {
				i++
			}
			if inWord {
				dst = append(dst, ' ')
				inWord = false
			}
		}
	}
	if inWord {
		dst = append(dst, ' ')
	}
	return dst
}

var (
	mdLinkTarget = regexp.MustCompile(`\]\([^)]*\)`)
	mdAutolink   = regexp.MustCompile(`<https?://[^>]*>`)
)

// wordsOf is the lowercased words of a text, without markup: markdown link
// targets and punctuation do not count.
func wordsOf(s string) []string {
	if strings.Contains(s, "](") || strings.Contains(s, "<http") {
		s = mdAutolink.ReplaceAllString(mdLinkTarget.ReplaceAllString(s, "]"), " ")
	}
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// changeLog nets out what one store call does to the shown articles: an
// article shown and hidden again within the call is neither.
type changeLog struct {
	net   map[*Article]int
	order []*Article
}

func (c *changeLog) mark(a *Article, d int) {
	if c.net == nil {
		c.net = map[*Article]int{}
	}
	if _, ok := c.net[a]; !ok {
		c.order = append(c.order, a)
	}
	c.net[a] += d
}

func (c *changeLog) update(dups int) Update {
	u := Update{Duplicates: dups}
	for _, a := range c.order {
		switch c.net[a] {
		case 1:
			u.Added = append(u.Added, a)
		case -1:
			u.Removed = append(u.Removed, a)
		}
	}
	SortArticles(u.Added)
	SortArticles(u.Removed)
	return u
}

// join puts a held article into the group of its copies, merging groups it
// bridges, and shows the best copy.
func (s *Store) join(a *Article, log *changeLog) {
	var g *dupGroup
	keys := dupKeys(a)
	for _, k := range keys {
		other := s.byKey[k]
		switch {
		case other == nil || other == g:
		case g == nil:
			g = other
		default: // a bridges two groups: one article after all
			for _, c := range other.copies {
				s.group[c] = g
				for _, ck := range dupKeys(c) {
					s.byKey[ck] = g
				}
			}
			g.copies = append(g.copies, other.copies...)
			if other.shown != nil {
				log.mark(other.shown, -1)
			}
		}
	}
	if g == nil {
		g = &dupGroup{}
	}
	for _, k := range keys {
		s.byKey[k] = g
	}
	g.copies = append(g.copies, a)
	s.group[a] = g
	s.pickShown(g, log)
}

// pickShown shows the best copy of a group.
func (s *Store) pickShown(g *dupGroup, log *changeLog) {
	var best *Article
	for _, c := range g.copies {
		if best == nil || better(c, best) {
			best = c
		}
	}
	if best == g.shown {
		return
	}
	if g.shown != nil {
		log.mark(g.shown, -1)
	}
	g.shown = best
	if best != nil {
		log.mark(best, 1)
	}
}

// leave takes a held article out of its group; the rest regroup, since it
// may have been the one copy that bridged them.
func (s *Store) leave(a *Article, log *changeLog) {
	g := s.group[a]
	delete(s.group, a)
	if g == nil {
		return
	}
	if g.shown == a {
		log.mark(a, -1)
	}
	rest := slices.DeleteFunc(slices.Clone(g.copies), func(c *Article) bool { return c == a })
	for _, c := range g.copies {
		for _, k := range dupKeys(c) {
			if s.byKey[k] == g {
				delete(s.byKey, k)
			}
		}
	}
	for _, c := range rest {
		if c == g.shown {
			log.mark(c, -1) // shown again below if it is still the best
		}
		delete(s.group, c)
	}
	for _, c := range rest {
		s.join(c, log)
	}
}
