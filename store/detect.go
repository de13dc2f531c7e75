package store

import (
	"bytes"
	"encoding/json"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// kind is what the bytes of a file turned out to be.
type kind int

const (
	kindText kind = iota
	kindMarkdown
	kindHTML
	kindXMLFeed
	kindJSONFeed
	kindOtherXML  // XML that is no feed: an error, not an article
	kindOtherJSON // JSON that is no JSON Feed
)

var markdownExt = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".mkd": true}

// sniff tells what a file holds from its first bytes. The name only breaks
// ties the content leaves open: markdown may start with HTML, and a page
// fragment saved as .html may start with any tag.
func sniff(name string, data []byte) (kind, string) {
	ext := strings.ToLower(path.Ext(filepath.ToSlash(name)))
	head := sniffHead(data)
	switch {
	case strings.HasPrefix(head, "{"):
		if k, why := sniffJSON(data, ext); k != kindText {
			return k, why
		}
	case strings.HasPrefix(head, "<"):
		root := firstElement(head)
		switch {
		case root == "rss" || root == "rdf:rdf" || root == "feed":
			return kindXMLFeed, ""
		case markdownExt[ext]:
			// markdown may start with HTML
		case root == "html" || root == "!doctype" || root == "head" || root == "body" || htmlElements[root],
			ext == ".html" || ext == ".htm" || ext == ".xhtml":
			return kindHTML, ""
		case strings.HasPrefix(head, "<?xml") && root != "":
			return kindOtherXML, root
		}
	}
	if markdownExt[ext] {
		return kindMarkdown, "" // front matter is recognised after decoding
	}
	return kindText, ""
}

// htmlElements are tags a page fragment starts with.
var htmlElements = map[string]bool{
	"meta": true, "title": true, "link": true, "script": true, "style": true, "article": true,
	"main": true, "section": true, "header": true, "div": true, "p": true, "h1": true, "h2": true,
	"h3": true, "table": true, "ul": true, "ol": true, "blockquote": true, "span": true, "a": true,
	"base": true, "nav": true, "figure": true, "img": true, "br": true, "b": true, "i": true, "em": true,
	"strong": true, "center": true, "font": true, "frameset": true,
}

// sniffHead is the start of the file as text: BOMs dropped, UTF-16
// decoded, leading white space trimmed; "" unless it starts with < or {.
func sniffHead(data []byte) string {
	data = data[:min(len(data), 4096)]
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		data, _ = toUTF8(data, "")
	}
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	if len(data) == 0 || data[0] != '<' && data[0] != '{' {
		return "" // text, as most files are: sniff looks no further, so copy nothing
	}
	return string(data)
}

var (
	markupSkip = regexp.MustCompile(`^(?s:\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE\s+(?:rss|feed|rdf)[^>]*>))*\s*`)
	tagName    = regexp.MustCompile(`^<([!a-zA-Z][-a-zA-Z0-9:_.]*)`)
)

// firstElement is the lowercased name of the first tag after the XML
// declaration, processing instructions and comments ("!doctype" for an
// HTML doctype).
func firstElement(head string) string {
	head = head[len(markupSkip.FindString(head)):]
	m := tagName.FindStringSubmatch(head)
	if m == nil {
		return ""
	}
	return strings.ToLower(m[1])
}

// sniffJSON tells a JSON Feed from other JSON and from text that starts
// with a brace.
func sniffJSON(data []byte, ext string) (kind, string) {
	var probe struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}), &probe); err != nil {
		if ext == ".json" {
			return kindOtherJSON, err.Error()
		}
		return kindText, ""
	}
	if strings.Contains(probe.Version, "jsonfeed.org") {
		return kindJSONFeed, ""
	}
	return kindOtherJSON, "no JSON Feed version"
}
