package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Field limits where a clause may match.
type Field uint8

const (
	Anywhere  Field = iota // title or text
	InTitle                // title:word
	InQuote                // quote:word, only inside quotation marks
	BySpeaker              // speaker:name, articles quoting that speaker
)

var fieldNames = [...]string{Anywhere: "", InTitle: "title", InQuote: "quote", BySpeaker: "speaker"}

// Clause is one part of a query: a word, a phrase or a prefix, perhaps
// limited to a field, perhaps excluded.
type Clause struct {
	Not    bool     // -word: articles with it are left out
	Field  Field    // where it must match
	Words  []string // folded words; more than one is a phrase
	Phrase bool     // in quotation marks: the words as written, no stemming
	Prefix bool     // word*: any word starting with Words[0]
}

// Query is a parsed query: every clause not marked Not must match.
type Query struct {
	Clauses []Clause
}

// Parse reads a query. It never fails: text it cannot read as an operator
// is read as words, and an unclosed quotation mark runs to the end.
func Parse(s string) Query {
	var q Query
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		var c Clause
		if r == '-' {
			c.Not = true
			i++
		}
		if f, n := fieldAt(s[i:]); n > 0 {
			c.Field = f
			i += n
		}
		if r, n := utf8.DecodeRuneInString(s[i:]); isQuoteMark(r) {
			end := i + n
			for end < len(s) {
				r, m := utf8.DecodeRuneInString(s[end:])
				if isQuoteMark(r) {
					break
				}
				end += m
			}
			c.Words, c.Phrase = Fold(s[i+n:end]), true
			i = end
			if i < len(s) {
				_, m := utf8.DecodeRuneInString(s[i:])
				i += m
			}
		} else {
			end := i
			for end < len(s) {
				r, m := utf8.DecodeRuneInString(s[end:])
				if unicode.IsSpace(r) || isQuoteMark(r) {
					break
				}
				end += m
			}
			word := s[i:end]
			i = end
			c.Words = Fold(word)
			c.Prefix = strings.HasSuffix(word, "*") && len(c.Words) == 1
			// "high-speed" is two words that must stand together
			c.Phrase = len(c.Words) > 1 && c.Field != BySpeaker
		}
		if c.Field == BySpeaker {
			c.Phrase = false
		}
		if len(c.Words) > 0 {
			q.Clauses = append(q.Clauses, c)
		}
	}
	return q
}

func isQuoteMark(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '„' }

// fieldAt reads "title:", "quote:" or "speaker:" at the start of s.
func fieldAt(s string) (Field, int) {
	for f := InTitle; f <= BySpeaker; f++ {
		name := fieldNames[f]
		if len(s) > len(name) && s[len(name)] == ':' && strings.EqualFold(s[:len(name)], name) {
			return f, len(name) + 1
		}
	}
	return Anywhere, 0
}

// String writes the query back in the query language; Parse reads it
// back as the same query.
func (q Query) String() string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.String())
	}
	return b.String()
}

func (c Clause) String() string {
	var b strings.Builder
	if c.Not {
		b.WriteByte('-')
	}
	if c.Field != Anywhere {
		b.WriteString(fieldNames[c.Field])
		b.WriteByte(':')
	}
	if c.Phrase || len(c.Words) > 1 {
		b.WriteByte('"')
		b.WriteString(strings.Join(c.Words, " "))
		b.WriteByte('"')
		return b.String()
	}
	b.WriteString(strings.Join(c.Words, " "))
	if c.Prefix {
		b.WriteByte('*')
	}
	return b.String()
}

// MatchesSpeaker reports whether a speaker: clause names this speaker:
// every word of the clause is a word of the name (the last may start one
// with word*), case and accents aside. The speakers view can filter with it.
func (c Clause) MatchesSpeaker(name string) bool {
	return c.Field == BySpeaker && name != "" && nameHas(Fold(name), c.Words, c.Prefix)
}

// SyntaxLine is one line of the query language's help.
type SyntaxLine struct{ Example, Meaning string }

// Syntax is the query language, for the help screen.
func Syntax() []SyntaxLine {
	return []SyntaxLine{
		{"oil prices", "articles with every word, in any order (negotiations finds negotiate)"},
		{`"prime minister"`, "the exact phrase"},
		{"-football", "leave out articles with the word"},
		{"econom*", "words starting with econom"},
		{"title:budget", "the word in the title"},
		{"quote:war", "the word inside a quotation"},
		{"speaker:blair", "articles quoting that speaker"},
	}
}
