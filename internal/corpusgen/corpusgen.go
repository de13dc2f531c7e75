// Package corpusgen writes realistic news articles in any number for
// benchmarks, by recombining the paragraphs of a corpus of real ones (the
// BBC corpus beside the project): each article takes the title and lead of
// one source article and further paragraphs, quotes and their speakers
// among them, from others of the same section. The same seed gives the
// same articles.
package corpusgen

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Article is one generated article.
type Article struct {
	Title      string
	Paragraphs []string
	Section    string // the source's folder: business, sport...
	Date       time.Time
}

// Text is the article as a text file: the title, a blank line, the
// paragraphs separated by blank lines.
func (a Article) Text() string {
	return a.Title + "\n\n" + strings.Join(a.Paragraphs, "\n\n") + "\n"
}

// Source holds the paragraphs to recombine.
type Source struct {
	sections []section
}

type section struct {
	name string
	docs []sourceDoc
}

type sourceDoc struct {
	title string
	paras []string
}

// Load reads the text files of a corpus folder, one section per subfolder.
func Load(dir string) (*Source, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	src := &Source{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if !utf8.Valid(b) {
			continue // the corpus has one Windows-1252 file; recombined text stays UTF-8
		}
		parts := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n")
		var d sourceDoc
		for _, p := range parts {
			p = strings.TrimSpace(p)
			switch {
			case p == "":
			case d.title == "":
				d.title = p
			default:
				d.paras = append(d.paras, p)
			}
		}
		if d.title == "" || len(d.paras) == 0 {
			continue
		}
		name := filepath.Base(filepath.Dir(f))
		if n := len(src.sections); n == 0 || src.sections[n-1].name != name {
			src.sections = append(src.sections, section{name: name})
		}
		s := &src.sections[len(src.sections)-1]
		s.docs = append(s.docs, d)
	}
	if len(src.sections) == 0 {
		return nil, fmt.Errorf("%s: no articles in its subfolders", dir)
	}
	return src, nil
}

// Generate calls emit with n articles, deterministic for the seed. Each is
// about 2.5 KB: 1.5 to 3.5 KB of text.
func (s *Source) Generate(n int, seed uint64, emit func(i int, a Article) error) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	start := time.Date(2005, 1, 1, 6, 0, 0, 0, time.UTC)
	for i := range n {
		sec := &s.sections[rng.IntN(len(s.sections))]
		base := sec.docs[rng.IntN(len(sec.docs))]
		a := Article{Title: base.title, Section: sec.name, Date: start.Add(time.Duration(i) * 7 * time.Minute)}
		target := 1500 + rng.IntN(2000)
		size := len(a.Title)
		add := func(p string) {
			a.Paragraphs = append(a.Paragraphs, p)
			size += len(p) + 2
		}
		add(base.paras[0])
		// the lead's own paragraphs first, each kept with even odds
		for _, p := range base.paras[1:] {
			if size < target && rng.IntN(2) == 0 {
				add(p)
			}
		}
		for tries := 0; size < target && tries < 50; tries++ {
			other := sec.docs[rng.IntN(len(sec.docs))]
			p := other.paras[rng.IntN(len(other.paras))]
			if size+len(p) > target+1000 {
				continue
			}
			add(p)
		}
		if err := emit(i, a); err != nil {
			return err
		}
	}
	return nil
}

// FileName is where WriteDir puts article i: a thousand to a folder.
func FileName(i int) string {
	return filepath.Join(fmt.Sprintf("%03d", i/1000), fmt.Sprintf("%06d.txt", i))
}

// WriteDir writes n articles as text files under dir, which must be new
// or empty.
func (s *Source) WriteDir(dir string, n int, seed uint64) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: give a new folder", dir)
	}
	return s.Generate(n, seed, func(i int, a Article) error {
		p := filepath.Join(dir, FileName(i))
		if i%1000 == 0 {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
		}
		return os.WriteFile(p, []byte(a.Text()), 0o644)
	})
}

// WriteRSS writes n articles as one RSS 2.0 feed, each paragraph a <p> of
// the item's description.
func (s *Source) WriteRSS(w io.Writer, n int, seed uint64) error {
	if _, err := io.WriteString(w, xml.Header+`<rss version="2.0">`+"\n<channel>\n"+
		"<title>Generated news</title>\n<link>https://example.invalid/news</link>\n"+
		"<description>Articles recombined from a news corpus, for benchmarks</description>\n"); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	err := s.Generate(n, seed, func(i int, a Article) error {
		var html strings.Builder
		for _, p := range a.Paragraphs {
			html.WriteString("<p>")
			xml.EscapeText(&html, []byte(p))
			html.WriteString("</p>")
		}
		it := rssItem{
			Title:       a.Title,
			Link:        fmt.Sprintf("https://example.invalid/news/%06d", i),
			GUID:        rssGUID{IsPermaLink: "false", Value: fmt.Sprintf("corpusgen-%d-%06d", seed, i)},
			PubDate:     a.Date.Format(time.RFC1123Z),
			Category:    a.Section,
			Description: html.String(),
		}
		if err := enc.Encode(it); err != nil {
			return err
		}
		_, err := io.WriteString(w, "\n")
		return err
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "</channel>\n</rss>\n")
	return err
}

type rssItem struct {
	XMLName     xml.Name `xml:"item"`
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Category    string   `xml:"category"`
	Description string   `xml:"description"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// CheckOutside refuses a path inside any of the folders: the generator must
// never write where the corpora are read from. Links are resolved.
func CheckOutside(path string, folders ...string) error {
	p, err := resolve(path)
	if err != nil {
		return err
	}
	for _, f := range folders {
		if f == "" {
			continue
		}
		r, err := resolve(f)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(r, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("refusing to write %s: it is inside %s", path, f)
		}
	}
	return nil
}

// resolve makes a path absolute with its links resolved, as far as it exists.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(abs, rest), nil
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = parent
	}
}

// FindShared finds the shared folder: ../shared beside the nearest folder
// at or above the working directory that holds a go.mod and has one (a
// nested module's go.mod is passed over).
func FindShared() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if fi, err := os.Stat(shared); err == nil && fi.IsDir() {
				return shared, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no ../shared beside the module")
		}
		dir = parent
	}
}
