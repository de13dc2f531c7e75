package store

import (
	"bytes"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"mvdan.cc/xurls/v2"
)

// Link is a web or mail address the article points to.
type Link struct {
	Text string // the words that carry the link; the address itself for a bare URL
	URL  string // http, https or mailto, with no space or control character
}

// bareURL finds addresses written out in prose. xurls knows the trailing
// punctuation, brackets and non-ASCII paths that a hand-made pattern misses.
var bareURL = sync.OnceValue(func() *regexp.Regexp {
	rx, err := xurls.StrictMatchingScheme(`(?i)(?:https?://|mailto:)`)
	if err != nil {
		panic(err) // a constant pattern
	}
	return rx
})

// Links returns the article's links in the order they appear, each address
// once: markdown links (inline, reference, autolinks) in articles whose body
// is markdown (markdown files, and the pages and feeds converted to it), and
// bare http(s) and mailto addresses in every article. Images are not links.
// text is the article's body (Text).
func (a *Article) Links(text string) []Link {
	var all []foundLink
	if a.Markdown() {
		all = markdownLinks(text)
	} else {
		var p prose
		p.add(text, 0)
		all = p.bareLinks(nil)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].pos < all[j].pos })
	var out []Link
	seen := map[string]int{}
	for _, f := range all {
		if i, ok := seen[f.URL]; ok {
			// a bare address met first gives way to the words of a later markdown link
			if out[i].Text == out[i].URL {
				out[i].Text = f.Text
			}
			continue
		}
		seen[f.URL] = len(out)
		out = append(out, f.Link)
	}
	return out
}

type foundLink struct {
	Link
	pos int // where it starts in the body, for ordering
}

// prose is the text a reader sees, pieced together from parts of the body,
// with where each part came from.
type prose struct {
	text   strings.Builder
	pieces []struct{ at, src int }
}

func (p *prose) add(s string, src int) {
	p.pieces = append(p.pieces, struct{ at, src int }{p.text.Len(), src})
	p.text.WriteString(s)
}

// gap ends a run of words, so that no address is read across a link or a block.
func (p *prose) gap() { p.text.WriteByte('\n') }

// source maps an offset in the prose back to the body.
func (p *prose) source(at int) int {
	i := sort.Search(len(p.pieces), func(i int) bool { return p.pieces[i].at > at }) - 1
	if i < 0 {
		return 0
	}
	return p.pieces[i].src + at - p.pieces[i].at
}

// bareLinks appends the addresses written out in the prose. The pattern is
// slow (8 MB/s), so it reads only the lines that hold a scheme.
func (p *prose) bareLinks(out []foundLink) []foundLink {
	text := p.text.String()
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if line := text[start:end]; hasScheme(line) {
			for _, m := range bareURL().FindAllStringIndex(line, -1) {
				// xurls keeps a closing curly quote, which news text puts right after an address
				raw := strings.TrimRight(line[m[0]:m[1]], "”’»›")
				if u, ok := cleanURL(raw); ok {
					out = append(out, foundLink{Link{Text: u, URL: u}, p.source(start + m[0])})
				}
			}
		}
		start = end + 1
	}
	return out
}

// hasScheme is a quick test for "http" or "mailto:" in any case.
func hasScheme(line string) bool {
	for i := strings.IndexByte(line, ':'); i >= 0; {
		before := strings.ToLower(line[max(0, i-6):i])
		if strings.HasSuffix(before, "http") || strings.HasSuffix(before, "https") || before == "mailto" {
			return true
		}
		j := strings.IndexByte(line[i+1:], ':')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// markdownLinks walks goldmark's tree of the body: links are read from the
// tree, bare addresses from the text outside links and images (so a
// destination is never read twice, differently).
func markdownLinks(body string) []foundLink {
	src := []byte(body)
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	var out []foundLink
	var p prose
	last := 0 // the walk is in document order, so positions only grow
	add := func(dest, words []byte, pos int) {
		last = max(last, pos)
		u, ok := cleanURL(string(destination(dest)))
		if !ok {
			return
		}
		t := cleanText(string(words))
		if t == "" {
			t = u
		}
		out = append(out, foundLink{Link{t, u}, last})
	}
	lines := func(n ast.Node) {
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			p.add(string(seg.Value(src)), seg.Start)
			last = max(last, seg.Start)
		}
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock {
			p.gap()
		}
		switch n := n.(type) {
		case *ast.Link:
			add(n.Destination, inlineText(n, src), firstPos(n, last))
			p.gap()
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			last = max(last, firstPos(n, last))
			p.gap()
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			label := n.Label(src)
			pos := last
			if i := strings.Index(body[last:], string(label)); i >= 0 {
				pos = last + i
			}
			dest := n.URL(src)
			if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(dest), []byte("mailto:")) {
				dest = append([]byte("mailto:"), dest...) // as goldmark's HTML renderer does
			}
			add(dest, label, pos)
			p.gap()
		case *ast.Text:
			p.add(string(util.UnescapePunctuations(n.Value(src))), n.Segment.Start)
			last = max(last, n.Segment.Start)
			if n.SoftLineBreak() || n.HardLineBreak() {
				p.gap()
			}
		case *ast.String:
			p.add(string(n.Value), last)
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				p.add(string(seg.Value(src)), seg.Start)
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			lines(n)
		}
		return ast.WalkContinue, nil
	})
	return p.bareLinks(out)
}

// destination reads a link destination the way CommonMark does: backslash
// escapes and character references resolved. cleanURL then drops any control
// character that a reference such as &#27; produced.
func destination(d []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(d)))
}

// inlineText gathers the words under a link: text, code and image alt text.
func inlineText(n ast.Node, src []byte) []byte {
	var b []byte
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b = append(b, c.Value(src)...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, c.Value...)
		}
		return ast.WalkContinue, nil
	})
	return b
}

// firstPos is the body offset of the first text under n, or def.
func firstPos(n ast.Node, def int) int {
	pos := -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			pos = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if pos < 0 {
		return def
	}
	return pos
}

// cleanURL strips spaces and control and format characters (which can hide
// an escape sequence or reverse the text shown) and keeps only http(s) with a
// host and mailto with an address.
func cleanURL(s string) (string, bool) {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, s)
	u, err := url.Parse(s)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
	case "mailto":
		if u.Opaque == "" {
			return "", false
		}
	default:
		return "", false
	}
	return s, true
}

// cleanText is link text fit for one line of a menu: controls become
// spaces, format characters (bidi overrides among them) go.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r):
			return ' '
		case unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	return collapseSpace(s)
}

// SourceURL is the article's own address, when its Source is a web address
// rather than the name of an outlet; "" otherwise.
func (a *Article) SourceURL() string {
	u, ok := cleanURL(a.Source)
	if !ok || strings.HasPrefix(strings.ToLower(u), "mailto:") {
		return ""
	}
	return u
}
