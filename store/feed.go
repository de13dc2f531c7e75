package store

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
)

// parseFeed reads an RSS (0.9x, 1.0, 2.0), Atom or JSON feed: every entry is
// an article. An entry with nothing in it is reported in the error and the
// others still load.
func parseFeed(data []byte, isJSON bool) ([]*Article, error) {
	if !isJSON {
		text, _ := toUTF8(data, xmlCharset(data))
		data = declareUTF8(text)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	var cut error
	if err != nil && !isJSON {
		// an XML feed broken part way keeps the entries before the break
		if good, n := salvageFeed(data); n > 0 {
			if f2, err2 := gofeed.NewParser().Parse(bytes.NewReader(good)); err2 == nil {
				f, cut, err = f2, fmt.Errorf("feed: broken after entry %d (%v); the entries before it are read", n, err), nil
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("feed: %v", err)
	}
	site := htmlText(f.Title)
	var arts []*Article
	var empty []string
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		a := feedEntry(it, f)
		if a == nil {
			empty = append(empty, fmt.Sprint(i+1))
			continue
		}
		a.Entry = i
		a.Site = site
		arts = append(arts, a)
	}
	warn := cut
	if len(empty) > 0 {
		warn = errors.Join(cut, fmt.Errorf("feed: entry %s has no title, text or link", strings.Join(empty, ", ")))
	}
	if len(arts) == 0 {
		if warn != nil {
			return nil, warn
		}
		return nil, errors.New("feed with no entries")
	}
	return arts, warn
}

// feedEntry makes an article of one entry, or nil when it holds nothing.
func feedEntry(it *gofeed.Item, f *gofeed.Feed) *Article {
	a := &Article{Format: FormatFeed, converted: true}
	a.Source = cleanLine(it.Link)
	if a.Source == "" && strings.HasPrefix(it.GUID, "http") {
		a.Source = cleanLine(it.GUID)
	}
	domain := ""
	for _, s := range []string{a.Source, f.Link} {
		if u, err := url.Parse(s); err == nil && u.Scheme != "" && u.Host != "" {
			domain = u.Scheme + "://" + u.Host
			break
		}
	}
	// the full content when there is any text in it, else the summary
	body := htmlToMarkdown(it.Content, domain)
	if body == "" {
		body = htmlToMarkdown(it.Description, domain)
	}
	a.Title = htmlText(it.Title)
	a.Byline = feedAuthors(it.Authors)
	switch {
	case it.PublishedParsed != nil:
		a.Date = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		a.Date = *it.UpdatedParsed
	}
	if body == "" && a.Title == "" && a.Source == "" {
		return nil
	}
	if body == "" && a.Source != "" {
		// an entry that is only a headline and a link still says where to read it
		body = "<" + a.Source + ">"
	}
	if a.Title == "" {
		a.Title = headline(firstTextLine(body))
	}
	a.finish(body, true)
	return a
}

func feedAuthors(ps []*gofeed.Person) string {
	var names []string
	for _, p := range ps {
		if p == nil {
			continue
		}
		if n := htmlText(p.Name); n != "" {
			names = append(names, n)
		} else if e := cleanLine(p.Email); e != "" {
			names = append(names, e)
		}
	}
	return strings.Join(names, ", ")
}

// salvageFeed cuts an XML feed after the last entry that ends before the
// first XML error and closes the elements still open there, so that a feed
// cut short or broken part way still gives the entries before the break. It
// returns the mended feed and how many entries it holds, 0 when none.
func salvageFeed(data []byte) ([]byte, int) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var open, openAtCut []string
	cut, entries := 0, 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, qualified(t.Name))
		case xml.EndElement:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
			if t.Name.Local == "item" || t.Name.Local == "entry" {
				entries++
				cut = int(d.InputOffset())
				openAtCut = append(openAtCut[:0], open...)
			}
		}
	}
	if entries == 0 {
		return nil, 0
	}
	out := append([]byte{}, data[:cut]...)
	for i := len(openAtCut) - 1; i >= 0; i-- {
		out = append(out, "</"+openAtCut[i]+">"...)
	}
	return out, entries
}

func qualified(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
