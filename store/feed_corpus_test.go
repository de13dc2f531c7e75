package store

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// countEntries counts a feed's <item> and <entry> elements with encoding/xml,
// apart from gofeed, and how many of them hold no text at all (no title,
// link, description or content).
func countEntries(tb testing.TB, data []byte) (entries, blank int) {
	tb.Helper()
	var r io.Reader = bytes.NewReader(data)
	if !utf8.Valid(data) && !bytes.Contains(data[:min(len(data), 200)], []byte("encoding=")) {
		r = charmap.ISO8859_1.NewDecoder().Reader(r) // the one corpus feed with no declaration
	}
	d := xml.NewDecoder(r)
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	depth, entryDepth := 0, -1
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("xml: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if entryDepth < 0 && (t.Name.Local == "item" || t.Name.Local == "entry") {
				entryDepth = depth
				entries++
				text.Reset()
			}
			if entryDepth >= 0 && t.Name.Local == "link" {
				for _, a := range t.Attr {
					if a.Name.Local == "href" {
						text.WriteString(a.Value)
					}
				}
			}
		case xml.CharData:
			if entryDepth >= 0 {
				text.Write(t)
			}
		case xml.EndElement:
			if depth == entryDepth {
				entryDepth = -1
				if strings.TrimSpace(stripDates(text.String())) == "" {
					blank++
				}
			}
			depth--
		}
	}
	return entries, blank
}

// stripDates drops the date lines an otherwise blank entry still has.
func stripDates(s string) string {
	var kept []string
	for _, l := range strings.Split(s, "\n") {
		if !parseDate(strings.TrimSpace(l)).IsZero() || strings.HasSuffix(strings.TrimSpace(l), "GMT") {
			continue
		}
		kept = append(kept, l)
	}
	return strings.Join(kept, "\n")
}

// TestCorpusFeeds loads every real feed: one article per entry that has
// anything in it, text without mojibake, and the known words of the feeds
// in legacy encodings read right.
func TestCorpusFeeds(t *testing.T) {
	dir := sharedDir(t, "corpora", "feeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if len(files) < 10 {
		t.Fatalf("only %d feeds in %s", len(files), dir)
	}
	known := map[string][]string{ // words each feed must show, from its entries
		"encoding_ISO-8859-1.xml":    {"Entwickler", "wünschen", "Übertragungen"},
		"no_encoding_ISO-8859-1.xml": {"Perturbateurs endocriniens", "d'études", "criminalité liée"},
		"encoding_WINDOWS-1251.xml":  {"Цитата", "кот"},
		"urdu_UTF8.xml":              {"پاکستان"},
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			entries, blank := countEntries(t, data)
			arts, err := ReadFile(nil, f)
			if blank > 0 && err == nil {
				t.Errorf("%d blank entries and no warning", blank)
			}
			if blank == 0 && err != nil {
				t.Errorf("error %v", err)
			}
			if len(arts) != entries-blank {
				t.Errorf("%d articles, want %d (%d entries, %d blank)", len(arts), entries-blank, entries, blank)
			}
			var all strings.Builder
			for i, a := range arts {
				if a.Format != FormatFeed || a.Path != f {
					t.Errorf("article %d: format %q path %q", i, a.Format, a.Path)
				}
				if i > 0 && a.Entry <= arts[i-1].Entry {
					t.Errorf("article %d: entry %d after %d", i, a.Entry, arts[i-1].Entry)
				}
				if a.Title == "" {
					t.Errorf("entry %d: no title", a.Entry)
				}
				all.WriteString(a.Title + "\n" + a.Byline + "\n" + bodyOf(a) + "\n")
			}
			text := all.String()
			for _, bad := range []string{"\uFFFD", "Ã©", "Ã¼", "Ð¦", "Ñ‚"} {
				if strings.Contains(text, bad) {
					t.Errorf("mojibake %q in the text", bad)
				}
			}
			for _, w := range known[name] {
				if !strings.Contains(text, w) {
					t.Errorf("%q not in the text", w)
				}
			}
		})
	}
}
