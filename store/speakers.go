package store

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuoteRef points at one quote of one article.
type QuoteRef struct {
	Article *Article
	Quote   int // index in Article.Quotes
}

// Speaker is a person or body quoted in the loaded articles, with their quotes.
type Speaker struct {
	Name   string
	Quotes []QuoteRef // in article order
}

// Described is true for a speaker the articles describe but do not name
// ("a spokesman", "the report", "UKIP spokesman"): the words may stand for
// another one in each article. Not "Tony Blair's official spokesman".
func (sp Speaker) Described() bool {
	if !startsUpper(sp.Name) {
		return true
	}
	last := strings.ToLower(sp.Name[strings.LastIndexByte(sp.Name, ' ')+1:])
	switch last {
	case "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople":
		return !strings.Contains(sp.Name, "'s ") && !strings.Contains(sp.Name, "’s ")
	}
	return false
}

// addSpeakers records the quotes of a, by speaker. Called under s.mu.
func (s *Store) addSpeakers(a *Article) {
	if s.bySpeaker == nil {
		s.bySpeaker = map[string][]QuoteRef{}
	}
	for i, q := range a.Quotes {
		if q.Speaker == "" {
			continue
		}
		s.bySpeaker[q.Speaker] = append(s.bySpeaker[q.Speaker], QuoteRef{a, i})
	}
}

// Speakers returns everyone quoted across the store, most quoted first,
// those named before those described ("a spokesman" is many people).
// A bare surname that names exactly one fuller speaker elsewhere ("Putin"
// in one article, "Vladimir Putin" in others) is counted as that speaker,
// and so is one whose fuller speakers are all but one rarely quoted
// ("Blair": Tony Blair 182 times, Ian Blair 4).
func (s *Store) Speakers() []Speaker {
	s.mu.RLock()
	names := make(map[string][]QuoteRef, len(s.bySpeaker))
	for n, refs := range s.bySpeaker {
		names[n] = refs[:len(refs):len(refs)]
	}
	s.mu.RUnlock()

	bySurname := map[string][]string{}
	for n := range names {
		if i := strings.LastIndexByte(n, ' '); i > 0 && startsUpper(n) {
			last := n[i+1:]
			bySurname[last] = append(bySurname[last], n)
		}
	}
	merged := map[string][]QuoteRef{}
	for n, refs := range names {
		target := n
		if !strings.Contains(n, " ") {
			target = onlyFuller(bySurname[n], names)
			if target == "" {
				target = n
			}
		}
		merged[target] = append(merged[target], refs...)
	}
	out := make([]Speaker, 0, len(merged))
	for n, refs := range merged {
		sort.Slice(refs, func(i, j int) bool {
			if refs[i].Article != refs[j].Article {
				return ArticleLess(refs[i].Article, refs[j].Article)
			}
			return refs[i].Quote < refs[j].Quote
		})
		out = append(out, Speaker{Name: n, Quotes: refs})
	}
	sort.Slice(out, func(i, j int) bool {
		if di, dj := out[i].Described(), out[j].Described(); di != dj {
			return dj
		}
		if len(out[i].Quotes) != len(out[j].Quotes) {
			return len(out[i].Quotes) > len(out[j].Quotes)
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// onlyFuller is the one of full, the fuller speakers of a surname, that a
// bare surname stands for: the only one, or one with nine in ten of their
// quotes and ten or more; "" when none is.
func onlyFuller(full []string, quotes map[string][]QuoteRef) string {
	if len(full) == 1 {
		return full[0]
	}
	best, all := "", 0
	for _, f := range full {
		all += len(quotes[f])
		if best == "" || len(quotes[f]) > len(quotes[best]) || len(quotes[f]) == len(quotes[best]) && f < best {
			best = f
		}
	}
	if n := len(quotes[best]); n >= 10 && n*10 >= all*9 {
		return best
	}
	return ""
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
