package store

import (
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// frontMatter holds the metadata keys a markdown article may carry.
type frontMatter struct {
	Title  string    `yaml:"title"`
	Author yamlNames `yaml:"author"`
	Byline string    `yaml:"byline"`
	Date   string    `yaml:"date"`
	Source string    `yaml:"source"`
	URL    string    `yaml:"url"`
	Link   string    `yaml:"link"`
}

// yamlNames accepts a name or a list of names.
type yamlNames []string

func (n *yamlNames) UnmarshalYAML(v *yaml.Node) error {
	switch v.Kind {
	case yaml.ScalarNode:
		*n = []string{v.Value}
		return nil
	case yaml.SequenceNode:
		var list []string
		if err := v.Decode(&list); err != nil {
			return err
		}
		*n = list
		return nil
	}
	return fmt.Errorf("line %d: author must be a name or a list of names", v.Line)
}

// parseMarkdown reads a markdown article: YAML front matter and a leading
// "# Title" give the metadata. A broken front matter is reported in warn and
// the article still loads.
func parseMarkdown(text string, m *OffsetMap, full bool) (a *Article, warn error) {
	a = &Article{Format: FormatMarkdown}
	body := 0
	if fm, end, ok := cutFrontMatter(text); ok {
		body = end
		var meta frontMatter
		if err := yaml.Unmarshal([]byte(fm), &meta); err != nil {
			warn = fmt.Errorf("front matter ignored: %v", strings.TrimPrefix(err.Error(), "yaml: "))
		} else {
			// YAML escapes ("\e", "\x9b", "\u202e") make control characters
			// the file's cleaning never saw: cleaned again, as pages' are
			a.Title = cleanLine(meta.Title)
			a.Byline = cleanLine(strings.Join(meta.Author, ", "))
			if a.Byline == "" {
				a.Byline = cleanLine(meta.Byline)
			}
			a.Date = parseDate(meta.Date)
			a.Source = cleanLine(firstNonEmpty(meta.URL, meta.Source, meta.Link))
		}
	}
	body = skipBlankLines(text, body)
	if line, next := lineAt(text, body); strings.HasPrefix(line, "# ") || line == "#" {
		if a.Title == "" {
			a.Title = collapseSpace(strings.TrimRight(strings.TrimSpace(line[1:]), "#"))
		}
		if a.Title == collapseSpace(strings.TrimRight(strings.TrimSpace(line[1:]), "#")) {
			body = skipBlankLines(text, next)
		}
	}
	rest := strings.TrimRight(text[body:], " \t\n")
	a.offsets = m.Shift(body)
	if a.Title == "" {
		a.Title = headline(firstTextLine(rest))
	}
	a.finish(rest, full)
	return a, warn
}

// cutFrontMatter splits "---\n...\n---\n" off the start of text.
func cutFrontMatter(text string) (fm string, end int, ok bool) {
	if !strings.HasPrefix(text, "---\n") {
		return "", 0, false
	}
	for i := 4; i < len(text); {
		line, next := lineAt(text, i)
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			return text[4:i], next, true
		}
		i = next
	}
	return "", 0, false
}

// firstTextLine skips headings, rules and blank lines to the first line of prose.
func firstTextLine(body string) string {
	for i := 0; i < len(body); {
		line, next := lineAt(body, i)
		t := strings.TrimSpace(line)
		if t != "" && !strings.HasPrefix(t, "#") && strings.Trim(t, "-*_=` ") != "" && !strings.HasPrefix(t, "![") {
			return t
		}
		i = next
	}
	return "Untitled"
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}

var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, "Mon, 2 Jan 2006 15:04:05 -0700",
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006", "2006/01/02",
}

// parseDate reads the common date forms; an unknown one gives the zero time.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
