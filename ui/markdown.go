package ui

import (
	"net/url"
	"regexp"
	"sort"
	"strings"

	"newsreader/store"
)

// spanRef names one span of one quote.
type spanRef struct{ quote, span int }

// maxNesting caps blockquote and list depth: glamour's cost doubles with each level.
const maxNesting = 8

// articleMarkdown is the markdown glamour renders for an article: a heading,
// a byline, then the body, with a sentinel pair around every quote span so
// that the quotes can be found in the rendered lines. Plain text is escaped
// so that it renders as written. text and paras are the article's body (Text).
func articleMarkdown(a *store.Article, text string, paras []store.Span) (string, []spanRef) {
	var b strings.Builder
	b.Grow(len(text) + len(text)/8 + 256)
	meta := articleMeta(a)
	if meta != "" {
		meta = "*" + escapeInline(meta) + "*\n\n"
	}
	titleLine := a.TitleLine && a.Format == store.FormatText && len(paras) > 0
	// a text with no title line has its headline cut from its first
	// sentence: the pane's frame shows it, and the text says it whole
	derived := !a.TitleLine && a.Format == store.FormatText && len(paras) > 0
	switch {
	case derived:
		b.WriteString(meta)
		meta = ""
	case !titleLine: // else the body's first paragraph is the heading, quotes and all
		b.WriteString("# ")
		b.WriteString(escapeInline(cleanLine(a.Title)))
		b.WriteString("\n\n")
		b.WriteString(meta)
		meta = ""
	}
	var refs []spanRef
	for qi, q := range a.Quotes {
		for si := range q.Spans {
			refs = append(refs, spanRef{qi, si})
		}
	}
	sort.SliceStable(refs, func(i, j int) bool {
		return a.Quotes[refs[i].quote].Spans[refs[i].span].Start < a.Quotes[refs[j].quote].Spans[refs[j].span].Start
	})
	// drop spans that overlap the one before: sentinels must nest nothing
	kept := refs[:0]
	last := -1
	for _, r := range refs {
		s := a.Quotes[r.quote].Spans[r.span]
		if s.Start >= last && s.End <= len(text) && s.Start < s.End {
			kept = append(kept, r)
			last = s.End
		}
	}
	refs = kept
	marks := make([]int, 0, 2*len(refs)) // body offsets: open, close, open, close...
	for _, r := range refs {
		s := a.Quotes[r.quote].Spans[r.span]
		marks = append(marks, s.Start, s.End)
	}
	if a.Markdown() {
		writeMarkdownBody(&b, text, marks)
	} else {
		writeTextBody(&b, text, paras, marks, titleLine, meta)
	}
	return protectHyphens(b.String()), refs
}

// nbHyphen stands in for hyphens inside words while glamour wraps: its word
// wrapper does not count a hyphen it breaks at, so lines with hyphenated
// words came out one cell too wide and were wrapped again, leaving a word
// alone on a line. So for a dash between spaces in plain text (see
// escapeText). The rendering turns it back into '-'.
const nbHyphen = "\u2011"

func protectHyphens(md string) string {
	if !strings.Contains(md, "-") {
		return md
	}
	var b strings.Builder
	b.Grow(len(md) + 64)
	for i := 0; i < len(md); i++ {
		c := md[i]
		if c == '-' && i > 0 && wordByte(md[i-1]) {
			j := i + 1 // a run of hyphens between words too: "baseball--but"
			for j < len(md) && md[j] == '-' {
				j++
			}
			if j < len(md) && wordByte(md[j]) {
				b.WriteString(strings.Repeat(nbHyphen, j-i))
				i = j - 1
				continue
			}
		}
		if c == '-' && i > 0 && md[i-1] == ' ' && !markdownMark(md, i) {
			j := i + 1 // " - ", " -- " in prose: a dash
			for j < len(md) && md[j] == '-' {
				j++
			}
			if j == len(md) || md[j] == ' ' || md[j] == '\n' {
				b.WriteString(strings.Repeat(nbHyphen, j-i))
				i = j - 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// markdownMark is true for a dash that may be markdown's: on a line of a
// table (it holds a |), or with nothing before it on its line but list and
// quote marks ("- ", "> - ", "1. - ").
func markdownMark(md string, i int) bool {
	start := strings.LastIndexByte(md[:i], '\n') + 1
	end := strings.IndexByte(md[i:], '\n')
	if end < 0 {
		end = len(md) - i
	}
	if strings.IndexByte(md[start:i+end], '|') >= 0 {
		return true
	}
	return strings.Trim(md[start:i], " >0123456789.)*+-") == ""
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// articleMeta is the line under the title: byline, date, source.
func articleMeta(a *store.Article) string {
	var parts []string
	if by := cleanLine(a.Byline); by != "" {
		if len(by) < 3 || !strings.EqualFold(by[:3], "by ") && !strings.EqualFold(by[:3], "by:") { // not "By By ROBERT BURNS"
			by = "By " + by
		}
		parts = append(parts, by)
	}
	if site := cleanLine(a.Site); site != "" && !strings.EqualFold(site, cleanLine(a.Byline)) { // not "By Al Jazeera · Al Jazeera"
		parts = append(parts, site)
	}
	if !a.Date.IsZero() {
		parts = append(parts, a.Date.Format("2 January 2006"))
	}
	if src := sourceName(a.Source); src != "" && !strings.Contains(strings.ToLower(a.Site), strings.ToLower(src)) {
		parts = append(parts, src)
	}
	return strings.Join(parts, " · ")
}

// sourceName is what the byline shows of the article's address: its host,
// since a whole address (tracking and all) wrapped across three lines; the
// address itself is a key away (open source, links). Not an address: as given.
func sourceName(source string) string {
	source = cleanLine(source)
	u, err := url.Parse(source)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return source
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// writeTextBody writes plain-text paragraphs as escaped markdown paragraphs.
func writeTextBody(b *strings.Builder, text string, paras []store.Span, marks []int, titleLine bool, meta string) {
	mi := 0
	for pi, p := range paras {
		if pi > 0 {
			b.WriteString("\n\n")
		}
		if pi == 0 && titleLine {
			b.WriteString("# ")
		}
		if pi == 1 && titleLine && meta != "" {
			b.WriteString(meta)
		}
		pos := p.Start
		lineStart := true
		for pos < p.End {
			next := p.End
			if mi < len(marks) && marks[mi] < next {
				next = max(marks[mi], pos)
			}
			escapeText(b, text[pos:next], lineStart)
			lineStart = false
			pos = next
			for mi < len(marks) && marks[mi] <= pos {
				if mi%2 == 0 {
					b.WriteRune(sentinelOpen)
				} else {
					b.WriteRune(sentinelClose)
				}
				mi++
			}
		}
	}
	// sentinels past the last paragraph (cannot happen with sane spans) still pair up
	for ; mi < len(marks); mi++ {
		if mi%2 == 0 {
			b.WriteRune(sentinelOpen)
		} else {
			b.WriteRune(sentinelClose)
		}
	}
}

// escapeText escapes markdown punctuation so text renders as written.
// Glamour shows the backslash of "\&", "\~" and "\=", so "&" and "~" go
// as entities and "=" as it is (a paragraph is one line: no setext
// underline); web addresses go raw, since its linkify keeps their bytes.
func escapeText(b *strings.Builder, s string, lineStart bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c == 'h' || c == 'w') && (i == 0 || !isWordByte(s[i-1])) {
			if n := webAddressLen(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n - 1
				lineStart = false
				continue
			}
		}
		switch c {
		case '&':
			b.WriteString("&amp;")
			lineStart = false
			continue
		case '~':
			b.WriteString("&#126;")
			lineStart = false
			continue
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|':
			b.WriteByte('\\')
		case '\n':
			b.WriteByte(' ') // a hard-wrapped paragraph is one paragraph
			lineStart = true
			continue
		case '-', '+':
			if c == '-' && (i == 0 || s[i-1] == ' ') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '-') {
				// a dash between spaces ("revenues - £160m - will"), or opening
				// a line: the wrapper breaks at a hyphen without counting it, so
				// it stands as a non-breaking one, no list mark either
				j := i
				for j < len(s) && s[j] == '-' {
					j++
				}
				if j == len(s) || s[j] == ' ' {
					b.WriteString(strings.Repeat(nbHyphen, j-i))
					i = j - 1
					lineStart = false
					continue
				}
			}
			if lineStart {
				b.WriteByte('\\')
			}
		case '.', ')':
			if lineStart && i > 0 && s[i-1] >= '0' && s[i-1] <= '9' && allDigits(s[:i]) {
				b.WriteByte('\\')
			}
		}
		if c != ' ' && !(c >= '0' && c <= '9') {
			lineStart = false
		}
		b.WriteByte(c)
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// webAddressLen is the length of the web address s starts with, as
// goldmark's linkify takes it (GFM's extended autolinks): up to a space or
// "<", less trailing punctuation and unbalanced ")"; 0 when s starts with none.
func webAddressLen(s string) int {
	switch {
	case strings.HasPrefix(s, "https://"), strings.HasPrefix(s, "http://"), strings.HasPrefix(s, "www."):
	default:
		return 0
	}
	n := strings.IndexAny(s, " \t\n<")
	if n < 0 {
		n = len(s)
	}
	for n > 0 {
		switch s[n-1] {
		case '?', '!', '.', ',', ':', '*', '_', '~', '\'', '"':
			n--
			continue
		case ')':
			if strings.Count(s[:n], "(") < strings.Count(s[:n], ")") {
				n--
				continue
			}
		}
		break
	}
	u := s[:n]
	if k := strings.Index(u, "//"); k >= 0 {
		u = u[k+2:]
	}
	if !strings.Contains(u, ".") || strings.ContainsAny(s[:n], "\\`") {
		return 0 // no host, or a byte that must stay escaped: leave it to the escaper
	}
	return n
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func escapeInline(s string) string {
	var b strings.Builder
	escapeText(&b, s, true)
	return b.String()
}

// controlEntity matches HTML entities that decode to control characters.
var controlEntity = regexp.MustCompile(`(?i)&#(0*(?:[0-9]|[12][0-9]|3[01]|12[7-9]|1[3-5][0-9])|x0*(?:[0-9a-f]|1[0-9a-f]|7f|[89][0-9a-f]));?`)

// writeMarkdownBody writes markdown with sentinels at marks, its nesting
// capped and entities that would decode to controls removed.
func writeMarkdownBody(b *strings.Builder, body string, marks []int) {
	var withMarks strings.Builder
	withMarks.Grow(len(body) + 3*len(marks))
	pos := 0
	for i, m := range marks {
		withMarks.WriteString(body[pos:m])
		if i%2 == 0 {
			withMarks.WriteRune(sentinelOpen)
		} else {
			withMarks.WriteRune(sentinelClose)
		}
		pos = m
	}
	withMarks.WriteString(body[pos:])
	b.WriteString(capNesting(hideLinkTargets(controlEntity.ReplaceAllString(withMarks.String(), ""))))
}

// hideLinkTargets turns the target of every inline link into "#", which
// glamour does not print: it prints "text https://…" for [text](https://…),
// and the addresses of a saved page (long, with tracking parameters) broke
// the prose. The link text stays styled as a link; `l` lists the addresses.
// Images, code spans and fenced code are left as they are.
func hideLinkTargets(md string) string {
	if !strings.Contains(md, "](") {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	var opens []bool // for each "[" not yet closed: whether it opens an image
	fence := ""      // the fence of the code block we are in
	lineStart := true
	for i := 0; i < len(md); i++ {
		c := md[i]
		if lineStart {
			lineStart = false
			rest := strings.TrimLeft(md[i:], " ")
			if f := fenceOf(rest); f != "" && (fence == "" || strings.HasPrefix(f, fence)) {
				if fence == "" {
					fence = f
				} else {
					fence = ""
				}
			}
		}
		if c == '\n' {
			lineStart = true
			b.WriteByte(c)
			continue
		}
		if fence != "" {
			b.WriteByte(c)
			continue
		}
		switch c {
		case '\\':
			if i+1 < len(md) && md[i+1] != '\n' {
				b.WriteString(md[i : i+2])
				i++
				continue
			}
		case '`': // a code span runs to the next run of as many backticks
			n := 1
			for i+n < len(md) && md[i+n] == '`' {
				n++
			}
			run := md[i : i+n]
			if end := strings.Index(md[i+n:], run); end >= 0 {
				b.WriteString(md[i : i+n+end+n])
				i += n + end + n - 1
				continue
			}
			b.WriteString(run)
			i += n - 1
			continue
		case '[':
			opens = append(opens, i > 0 && md[i-1] == '!')
		case ']':
			if len(opens) == 0 {
				break
			}
			image := opens[len(opens)-1]
			opens = opens[:len(opens)-1]
			if image || i+1 >= len(md) || md[i+1] != '(' {
				break
			}
			if end := linkTargetEnd(md, i+2); end > 0 {
				b.WriteString("](#)")
				i = end
				opens = opens[:0] // a link holds no link
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// fenceOf is the fence a line opens or closes a code block with, or "".
func fenceOf(line string) string {
	for _, f := range []byte{'`', '~'} {
		n := 0
		for n < len(line) && line[n] == f {
			n++
		}
		if n >= 3 {
			return line[:n]
		}
	}
	return ""
}

// linkTargetEnd is the index of the ")" that ends the link target starting
// at md[start] ("<dest>" or dest, then an optional title), or -1.
func linkTargetEnd(md string, start int) int {
	i := start
	if i < len(md) && md[i] == '<' {
		k := strings.IndexAny(md[i:], ">\n")
		if k < 0 || md[i+k] != '>' {
			return -1
		}
		i += k + 1
	} else {
		depth := 0
		for ; i < len(md); i++ {
			c := md[i]
			if c == '\\' && i+1 < len(md) {
				i++
				continue
			}
			if c == '(' {
				depth++
			} else if c == ')' {
				if depth == 0 {
					break
				}
				depth--
			} else if c == ' ' || c == '\n' || c < ' ' {
				break
			}
		}
	}
	for i < len(md) && (md[i] == ' ' || md[i] == '\n') {
		i++
	}
	if i < len(md) && (md[i] == '"' || md[i] == '\'' || md[i] == '(') { // a title
		closeBy := md[i]
		if closeBy == '(' {
			closeBy = ')'
		}
		k := strings.IndexByte(md[i+1:], closeBy)
		if k < 0 {
			return -1
		}
		i += k + 2
		for i < len(md) && (md[i] == ' ' || md[i] == '\n') {
			i++
		}
	}
	if i < len(md) && md[i] == ')' {
		return i
	}
	return -1
}

// capNesting limits blockquote and list markers, indentation and runs of
// emphasis characters, which make glamour's rendering time explode.
func capNesting(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		lines[i] = capRuns(capLine(l))
	}
	return strings.Join(lines, "\n")
}

// capLine keeps at most maxNesting container markers (">", "-", "*", "+",
// "1.") at the start of a line, and at most 4*maxNesting spaces of indent.
func capLine(l string) string {
	i, markers, cut := 0, 0, -1
scan:
	for i < len(l) {
		switch c := l[i]; {
		case c == ' ' || c == '\t':
			i++
			continue
		case c == '>':
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				i = j + 2
			} else {
				break scan
			}
		default:
			break scan
		}
		markers++
		if markers == maxNesting {
			cut = i
		}
	}
	if markers > maxNesting {
		return l[:cut] + " " + strings.TrimLeft(l[i:], " \t")
	}
	if lead := len(l) - len(strings.TrimLeft(l, " \t")); lead > 4*maxNesting {
		return strings.Repeat(" ", 4*maxNesting) + l[lead:]
	}
	return l
}

var emphasisRun = regexp.MustCompile(`[*_~]{4,}|(?:[*_~]\s?){8,}`)

func capRuns(l string) string {
	if strings.ContainsAny(l, "*_~") {
		l = emphasisRun.ReplaceAllStringFunc(l, func(s string) string {
			return strings.Repeat(`\`+s[:1], 3)
		})
	}
	if strings.Count(l, "[") > maxNesting {
		l = capBrackets(l)
	}
	return l
}

// capBrackets escapes brackets nested deeper than maxNesting: goldmark's
// link parsing slows to a halt on thousands of nested brackets.
func capBrackets(l string) string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(l); i++ {
		c := l[i]
		escaped := i > 0 && l[i-1] == '\\'
		switch {
		case c == '[' && !escaped:
			depth++
			if depth > maxNesting {
				b.WriteByte('\\')
			}
		case c == ']' && !escaped:
			if depth > maxNesting {
				b.WriteByte('\\')
			}
			depth = max(0, depth-1)
		}
		b.WriteByte(c)
	}
	return b.String()
}
