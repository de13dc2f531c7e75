package store

import (
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
	u, err := url.Parse(strings.TrimSpace(s))
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

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashWords is the FNV-1a hash of foldWords(nil, s), in one pass without
// the folded copy: a third of the parse time went to building it.
func hashWords(s string) uint64 {
	h := uint64(fnvOffset)
	inWord := false
	noParen, noAngle := false, false // no ")" or ">" is left: stop looking (keeps it linear)
	for i := 0; i < len(s); {
		if asciiFold[s[i]] != 0 {
			// a run of ASCII letters and digits, the bulk of any text, in a tight loop
			for _, c := range []byte(s[i:]) {
				f := asciiFold[c]
				if f == 0 {
					break
				}
				h = (h ^ uint64(f)) * fnvPrime
				i++
			}
			inWord = true
			continue
		}
		c := s[i]
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
			if inWord {
				h = (h ^ ' ') * fnvPrime
				inWord = false
			}
			i += max(skip, 1)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			var buf [utf8.UTFMax]byte
			for _, b := range utf8.AppendRune(buf[:0], unicode.ToLower(r)) {
				h = (h ^ uint64(b)) * fnvPrime
			}
			inWord = true
			continue
		}
		if inWord {
			h = (h ^ ' ') * fnvPrime
			inWord = false
		}
	}
	if inWord {
		h = (h ^ ' ') * fnvPrime
	}
	return h
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
