package store

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// errNoArticle is a page in which readability finds no article text.
var errNoArticle = errors.New("HTML page with no article text in it")

// parseHTML reads a saved web page: readability finds the article and its
// metadata, and the article's HTML becomes the markdown body.
func parseHTML(data []byte) (*Article, error) {
	text, _ := toUTF8(data, htmlCharset(data))
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("HTML: %v", err)
	}
	page := pageURL(doc)
	p := readability.NewParser()
	ra, err := p.ParseAndMutate(doc, page)
	if err != nil {
		return nil, fmt.Errorf("HTML: %v", err)
	}
	if ra.Node == nil {
		return nil, errNoArticle
	}
	a := &Article{Format: FormatHTML, converted: true}
	domain := ""
	if page != nil {
		a.Source = cleanLine(page.String())
		domain = page.Scheme + "://" + page.Host
	}
	body := nodeToMarkdown(ra.Node, domain)
	if strings.TrimSpace(body) == "" {
		return nil, errNoArticle
	}
	a.Title = cleanLine(ra.Title())
	a.Byline = cleanLine(ra.Byline())
	a.Site = cleanLine(ra.SiteName())
	if t, err := ra.PublishedTime(); err == nil {
		a.Date = t
	}
	body = dropBylineBlock(body, a.Byline)
	if a.Title == "" {
		a.Title = headline(firstTextLine(body))
	}
	a.finish(body, true)
	return a, nil
}

// dropBylineBlock removes a "By Name" paragraph near the top of a body when
// the name is already the article's byline (readability leaves it in when
// the byline came from the page's metadata).
func dropBylineBlock(body, byline string) string {
	if byline == "" {
		return body
	}
	want := strings.ToLower(byline)
	blocks := splitBlocks(body)
	for i, b := range blocks[:min(len(blocks), 3)] {
		t := strings.ToLower(collapseSpace(stripMarkup(body[b.Start:b.End])))
		t = strings.TrimPrefix(t, "by ")
		if t != want {
			continue
		}
		end := len(body)
		if i+1 < len(blocks) {
			end = blocks[i+1].Start
		}
		return body[:b.Start] + body[end:]
	}
	return body
}

// pageURL is the address the page names for itself (canonical link, Open
// Graph URL, base), used for its Source and to make its links absolute.
func pageURL(doc *html.Node) *url.URL {
	var canonical, og, baseHref string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = attr(n, "href")
				}
			case atom.Meta:
				if p := attr(n, "property"); (p == "og:url" || attr(n, "name") == "og:url") && og == "" {
					og = attr(n, "content")
				}
			case atom.Base:
				if baseHref == "" {
					baseHref = attr(n, "href")
				}
			case atom.Body:
				return // the head is where pages say who they are
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, s := range []string{canonical, og, baseHref} {
		u, err := url.Parse(strings.TrimSpace(s))
		if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
