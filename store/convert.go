package store

import (
	"regexp"
	"strings"
	"sync"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxNesting is how deep block quotes and lists may nest in a converted
// body: glamour takes exponential time in the depth (60 levels 0.4 s, 80
// levels 57 s), and no article needs more.
const maxNesting = 8

// markdownConverter turns article HTML into markdown. It is built once: the
// converter is safe for concurrent use and costs a few hundred allocations.
var markdownConverter = sync.OnceValue(func() *converter.Converter {
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(
			commonmark.WithListEndComment(false),
			// a link around nothing (an image we drop) is noise; one to nowhere is its text
			commonmark.WithLinkEmptyContentBehavior(commonmark.LinkBehaviorSkip),
			commonmark.WithLinkEmptyHrefBehavior(commonmark.LinkBehaviorSkip),
		),
		// a data table becomes a markdown table glamour draws; one it cannot
		// take (a layout table, blocks in its cells) is left to the
		// renderers below, which keep its rows and cells apart
		table.NewTablePlugin(
			table.WithHeaderPromotion(true),
			table.WithSkipEmptyRows(true),
			table.WithCellPaddingBehavior(table.CellPaddingBehaviorMinimal),
		),
	))
	// pictures cannot be shown in a terminal, and their alt text and URLs
	// read as noise in the middle of the prose
	for _, tag := range []string{"img", "picture", "svg", "video", "audio", "form", "button", "select"} {
		conv.Register.TagType(tag, converter.TagTypeRemove, converter.PriorityEarly)
	}
	// a cell of a table left as it is stands apart from its neighbours
	// ("Year", "Growth", not "YearGrowth"); inside a markdown table the
	// plugin trims what is around a cell
	for _, tag := range []string{"td", "th"} {
		conv.Register.RendererFor(tag, converter.TagTypeBlock, renderCellBlock, converter.PriorityLate)
	}
	return conv
})

func renderCellBlock(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	w.WriteString("\n\n")
	ctx.RenderChildNodes(ctx, w, n)
	w.WriteString("\n\n")
	return converter.RenderSuccess
}

// nodeToMarkdown converts an HTML element and what it holds into clean
// markdown: terminal-safe text, LF line ends, at most one blank line in a row.
func nodeToMarkdown(n *html.Node, domain string) string {
	prepareNodes(n, 0)
	md, err := markdownConverter().ConvertNode(n, converter.WithDomain(domain))
	if err != nil {
		return ""
	}
	return tidyMarkdown(safeText(string(md)))
}

// htmlToMarkdown converts a fragment of HTML (a feed entry's content) into
// markdown; text without tags is kept as it is, paragraphs and all.
func htmlToMarkdown(s, domain string) string {
	if !looksLikeHTML(s) {
		return tidyMarkdown(safeText(s))
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return tidyMarkdown(safeText(s))
	}
	for _, c := range nodes {
		ctx.AppendChild(c)
	}
	return nodeToMarkdown(ctx, domain)
}

var htmlTag = regexp.MustCompile(`<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|/[a-zA-Z]|!--)`)

// looksLikeHTML reports whether s holds markup rather than plain text with
// a stray "<" in it.
func looksLikeHTML(s string) bool { return htmlTag.MatchString(s) }

// htmlText is the text of a fragment of HTML, on one line (for titles and
// names, which feeds sometimes mark up).
func htmlText(s string) string {
	if !looksLikeHTML(s) {
		return cleanLine(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return cleanLine(s)
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			b.WriteByte(' ')
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return cleanLine(b.String())
}

// prepareNodes readies article HTML for conversion: block quotes and lists
// nested deeper than maxNesting are unwrapped, keeping their text, and links
// that lead nowhere a reader can follow (scripts, share buttons, anchors in
// the page) lose their href, so that only their text is kept.
func prepareNodes(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		d := depth
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.Blockquote, atom.Ul, atom.Ol:
				d++
			case atom.A:
				if !followable(attr(c, "href")) {
					dropAttr(c, "href")
				}
				// a link's title is a tooltip, not text: quoted, it would pass for a quote
				dropAttr(c, "title")
			case atom.Table:
				prepareTable(c)
			}
		}
		if d > maxNesting {
			// move the children up in place of c, then look at them
			first := c.FirstChild
			for gc := c.FirstChild; gc != nil; {
				gn := gc.NextSibling
				c.RemoveChild(gc)
				n.InsertBefore(gc, c)
				gc = gn
			}
			n.RemoveChild(c)
			if first != nil {
				next = first
			}
			c = next
			continue
		}
		prepareNodes(c, d)
		c = next
	}
}

// prepareTable readies a table for the table plugin: one of a single row
// or a single column lays a page out rather than holding data, so it is
// marked as such and its cells read as paragraphs; a footer that repeats
// the header is dropped.
func prepareTable(t *html.Node) {
	rows, cols := 0, 0
	var head, foot *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Table:
				continue // a table inside counts for itself
			case atom.Thead:
				head = c
			case atom.Tfoot:
				foot = c
			case atom.Tr:
				rows++
				cells := 0
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.DataAtom == atom.Td || td.DataAtom == atom.Th {
						cells++
					}
				}
				cols = max(cols, cells)
				continue
			}
			walk(c)
		}
	}
	walk(t)
	if head != nil && foot != nil && collapseSpace(htmlNodeText(head)) == collapseSpace(htmlNodeText(foot)) {
		foot.Parent.RemoveChild(foot)
		rows--
	}
	if rows < 2 || cols < 2 {
		dropAttr(t, "role")
		t.Attr = append(t.Attr, html.Attribute{Key: "role", Val: "presentation"})
	}
}

// htmlNodeText is the text a node holds.
func htmlNodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// followable reports whether a link leads to a page or an address.
func followable(href string) bool {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return false
	}
	i := strings.IndexAny(href, ":/?#")
	if i < 0 || href[i] != ':' {
		return true // a relative link
	}
	switch strings.ToLower(href[:i]) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

func dropAttr(n *html.Node, key string) {
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Key != key {
			kept = append(kept, a)
		}
	}
	n.Attr = kept
}

// safeText makes text safe and tidy for the reader the way Decode does for
// files: no control characters or escape sequences, LF line ends.
func safeText(s string) string {
	text, _, _, err := Decode([]byte(s))
	if err != nil {
		return ""
	}
	return text
}

// cleanLine is safeText on one line, spaces collapsed.
func cleanLine(s string) string { return collapseSpace(safeText(s)) }

// tidyMarkdown drops blank lines at the ends and runs of them in between,
// so that paragraphs are one blank line apart.
func tidyMarkdown(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := true // drops leading blank lines too
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			l = ""
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}
