package search

import (
	"context"
	"fmt"
	"io"
	"newsreader/internal/storetest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"newsreader/store"
)

// article parses text the way the reader loads a file: title on the
// first line, a blank line, then the text.
func article(t testing.TB, name, text string) *store.Article {
	t.Helper()
	arts, err := store.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return arts[0]
}

// indexOf indexes texts named a0.txt, a1.txt, ...
func indexOf(t testing.TB, texts ...string) *Index {
	t.Helper()
	x := New()
	for i, s := range texts {
		x.Add(article(t, fmt.Sprintf("a%d.txt", i), s))
	}
	return x
}

// found is the names of the hits, best first.
func found(r Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Article.Path)
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want []Clause
		str  string
	}{
		{"", nil, ""},
		{"   ", nil, ""},
		{"Oil Prices", []Clause{{Words: []string{"oil"}}, {Words: []string{"prices"}}}, "oil prices"},
		{`"Prime Minister"`, []Clause{{Words: []string{"prime", "minister"}, Phrase: true}}, `"prime minister"`},
		{`“prime minister”`, []Clause{{Words: []string{"prime", "minister"}, Phrase: true}}, `"prime minister"`},
		{`"prime minister`, []Clause{{Words: []string{"prime", "minister"}, Phrase: true}}, `"prime minister"`},
		{`"blair"`, []Clause{{Words: []string{"blair"}, Phrase: true}}, `"blair"`},
		{"-football", []Clause{{Not: true, Words: []string{"football"}}}, "-football"},
		{"econom*", []Clause{{Words: []string{"econom"}, Prefix: true}}, "econom*"},
		{"title:Budget", []Clause{{Field: InTitle, Words: []string{"budget"}}}, "title:budget"},
		{"TITLE:budget", []Clause{{Field: InTitle, Words: []string{"budget"}}}, "title:budget"},
		{`quote:"no comment"`, []Clause{{Field: InQuote, Words: []string{"no", "comment"}, Phrase: true}}, `quote:"no comment"`},
		{"speaker:putin", []Clause{{Field: BySpeaker, Words: []string{"putin"}}}, "speaker:putin"},
		{`speaker:"Tony Blair"`, []Clause{{Field: BySpeaker, Words: []string{"tony", "blair"}}}, `speaker:"tony blair"`},
		{"speaker:bla*", []Clause{{Field: BySpeaker, Words: []string{"bla"}, Prefix: true}}, "speaker:bla*"},
		{"-title:war", []Clause{{Not: true, Field: InTitle, Words: []string{"war"}}}, "-title:war"},
		{"high-speed", []Clause{{Words: []string{"high", "speed"}, Phrase: true}}, `"high speed"`},
		{"Blair’s", []Clause{{Words: []string{"blair"}}}, "blair"},
		{"don’t", []Clause{{Words: []string{"don't"}}}, "don't"},
		{"Café", []Clause{{Words: []string{"cafe"}}}, "cafe"},
		{"- * title: -", nil, ""},
		{"author:smith", []Clause{{Words: []string{"author", "smith"}, Phrase: true}}, `"author smith"`},
		{`oil"gas"`, []Clause{{Words: []string{"oil"}}, {Words: []string{"gas"}, Phrase: true}}, `oil "gas"`},
	}
	for _, tt := range tests {
		q := Parse(tt.in)
		if !reflect.DeepEqual(q.Clauses, tt.want) {
			t.Errorf("Parse(%q) = %#v, want %#v", tt.in, q.Clauses, tt.want)
		}
		if got := q.String(); got != tt.str {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.str)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`oil "prime minister" -war econ* title:x quote:"a b" speaker:"tony blair"`,
		`"unclosed`, `-`, `title:`, `speaker:put*`, `Café don’t 1.13bn high-speed`, "\xff\"", `““”`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		for _, c := range q.Clauses {
			if len(c.Words) == 0 {
				t.Fatalf("Parse(%q): a clause without words", s)
			}
			for _, w := range c.Words {
				if got := Fold(w); len(got) != 1 || got[0] != w {
					t.Fatalf("Parse(%q): word %q is not folded (folds to %q)", s, w, got)
				}
			}
			if c.Prefix && len(c.Words) != 1 {
				t.Fatalf("Parse(%q): a prefix of several words", s)
			}
		}
		again := Parse(q.String())
		if !reflect.DeepEqual(again, q) {
			t.Fatalf("Parse(%q) = %#v; its String %q parses to %#v", s, q, q.String(), again)
		}
	})
}

func TestFold(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Ad sales boost Time Warner", []string{"ad", "sales", "boost", "time", "warner"}},
		{"Café CRÈME, naïve Zoë", []string{"cafe", "creme", "naive", "zoe"}},
		{"Straße Øresund Łódź", []string{"strasse", "oresund", "lodz"}},
		{"don't don’t", []string{"don't", "don't"}},
		{"Blair's Blair’s Jones'", []string{"blair", "blair", "jones"}},
		{"$1.13bn (£600m) 11,000 2004-05", []string{"1.13bn", "600m", "11,000", "2004", "05"}},
		{"e-mail U.S. 'quoted'", []string{"e", "mail", "u", "s", "quoted"}},
		{"ﬁnance ２０", []string{"finance", "20"}},
		{"Путин ΣΟΦΟΣ", []string{"путин", "σοφοσ"}},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTokenOffsets: each word's byte range holds the word, without a
// possessive's "'s".
func TestTokenOffsets(t *testing.T) {
	s := "Mr Blair’s plan, Ms Jones's view. Über-café!"
	tok := newTokenizer(s)
	var got []string
	for tok.next() {
		got = append(got, s[tok.Start:tok.End])
	}
	want := []string{"Mr", "Blair", "plan", "Ms", "Jones", "view", "Über", "café"}
	if !slices.Equal(got, want) {
		t.Errorf("words = %q, want %q", got, want)
	}
}

const (
	talks = "Talks resume in Geneva\n\nNegotiations between the two sides resumed on Monday. \"We will negotiate in good faith,\" said Vladimir Putin. Tony Blair's office said the prime minister welcomed the talks.\n"
	oil   = "Oil prices rise again\n\nThe price of oil rose again as the minister, prime among critics, spoke. \"It is far too high,\" Mr Blair said. The café owners agreed.\n"
	vote  = "Election date set\n\nThe prime minister has named the day. Opposition leaders said they were ready. \"Bring it on,\" said Michael Howard. The negotiated deal on oil was not mentioned.\n"
)

func TestOperators(t *testing.T) {
	x := indexOf(t, talks, oil, vote)
	tests := []struct {
		query string
		want  []string
	}{
		{"negotiations", []string{"a0.txt", "a2.txt"}}, // negotiate, negotiated: the stem
		{"NEGOTIATE", []string{"a0.txt", "a2.txt"}},
		{`"negotiations"`, []string{"a0.txt"}}, // quoted: as written
		{"prime minister", []string{"a0.txt", "a1.txt", "a2.txt"}},
		{`"prime minister"`, []string{"a0.txt", "a2.txt"}},
		{`"minister prime"`, []string{"a1.txt"}}, // "the minister, prime among": punctuation is not a word
		{`"minister spoke"`, nil},
		{"oil", []string{"a1.txt", "a2.txt"}},
		{"oil -negotiated", []string{"a1.txt"}},
		{"oil -negotiate", []string{"a1.txt"}},
		{`oil -"prime minister"`, []string{"a1.txt"}},
		{"-oil", nil},
		{"negot*", []string{"a0.txt", "a2.txt"}},
		{"pri*", []string{"a0.txt", "a1.txt", "a2.txt"}},
		{"title:oil", []string{"a1.txt"}},
		{"title:talks", []string{"a0.txt"}},
		{`title:"election date"`, []string{"a2.txt"}},
		{"quote:negotiate", []string{"a0.txt"}},
		{"quote:high", []string{"a1.txt"}},
		{"quote:said", nil},
		{`quote:"far too high"`, []string{"a1.txt"}},
		{`quote:"too high mr"`, nil},
		{"speaker:putin", []string{"a0.txt"}},
		{`speaker:"vladimir putin"`, []string{"a0.txt"}},
		{`speaker:"tony putin"`, nil},
		{"speaker:how*", []string{"a2.txt"}},
		{"speaker:blair", []string{"a1.txt"}},
		{"speaker:blair rise", []string{"a1.txt"}},
		{"-speaker:blair oil", []string{"a2.txt"}},
		{"CAFE", []string{"a1.txt"}},
		{"café", []string{"a1.txt"}},
		{"blair’s", []string{"a0.txt", "a1.txt"}},
		{"geneva title:talks -oil", []string{"a0.txt"}},
	}
	for _, tt := range tests {
		r := x.Search(tt.query, 0)
		if got := found(r); !sameSet(got, tt.want) || r.Total != len(tt.want) {
			t.Errorf("%q found %v (total %d), want %v", tt.query, got, r.Total, tt.want)
		}
	}
}

func TestMatchesSpeaker(t *testing.T) {
	tests := []struct {
		query, name string
		want        bool
	}{
		{"speaker:putin", "Vladimir Putin", true},
		{"speaker:PUTIN", "Vladimir Putin", true},
		{`speaker:"vladimir putin"`, "Vladimir Putin", true},
		{`speaker:"tony putin"`, "Vladimir Putin", false},
		{"speaker:put*", "Vladimir Putin", true},
		{"speaker:put", "Vladimir Putin", false},
		{"speaker:zoe", "Zoë Ball", true},
		{"speaker:putin", "", false},
		{"putin", "Vladimir Putin", false}, // not a speaker: clause
	}
	for _, tt := range tests {
		if got := Parse(tt.query).Clauses[0].MatchesSpeaker(tt.name); got != tt.want {
			t.Errorf("%q matches %q: %v, want %v", tt.query, tt.name, got, tt.want)
		}
	}
}

func TestTitleWeighsMore(t *testing.T) {
	x := indexOf(t,
		"Markets today\n\nShares rose and the budget was discussed at length by the committee.\n",
		"Budget day\n\nShares rose and the plans were discussed at length by the committee.\n")
	r := x.Search("budget", 0)
	if got := found(r); !slices.Equal(got, []string{"a1.txt", "a0.txt"}) {
		t.Errorf("budget ranked %v, want the title match a1.txt first", got)
	}
}

func TestRarerWordsWeighMore(t *testing.T) {
	texts := []string{
		"One\n\nThe plan was approved. Nothing else happened.\n",
		"Two\n\nThe tariff was approved. Nothing else happened.\n",
	}
	for i := range 8 { // "plan" is common, "tariff" rare
		texts = append(texts, fmt.Sprintf("Filler %d\n\nThe plan is here, number %d.\n", i, i))
	}
	x := indexOf(t, texts...)
	r := x.Search("plan tariff", 0)
	if r.Total != 0 {
		t.Fatalf("no article has both words, found %v", found(r))
	}
	texts = append(texts, "Three\n\nThe plan and the plan again; the plan. A tariff.\n", "Four\n\nThe tariff, the tariff, and the tariff. A plan.\n")
	x = indexOf(t, texts...)
	if got := found(x.Search("plan tariff", 0)); !slices.Equal(got, []string{"a11.txt", "a10.txt"}) {
		t.Errorf("plan tariff ranked %v, want the one repeating the rare word first", got)
	}
}

func TestTypo(t *testing.T) {
	x := indexOf(t, talks, oil, vote)
	r := x.Search("negotiatons", 0)
	if r.Suggestion != "negotiations" || !sameSet(found(r), []string{"a0.txt", "a2.txt"}) {
		t.Errorf("negotiatons: suggestion %q, found %v", r.Suggestion, found(r))
	}
	r = x.Search(`"prime minsiter" oil`, 0)
	if r.Suggestion != `"prime minister" oil` || !sameSet(found(r), []string{"a2.txt"}) {
		t.Errorf("minsiter: suggestion %q, found %v", r.Suggestion, found(r))
	}
	r = x.Search("oil", 0)
	if r.Suggestion != "" {
		t.Errorf("oil: suggestion %q for a word that is there", r.Suggestion)
	}
	r = x.Search("qzxv", 0)
	if r.Suggestion != "" || r.Total != 0 {
		t.Errorf("qzxv: suggestion %q, %d found; nothing is near", r.Suggestion, r.Total)
	}
	r = x.Search("oil -qzxv", 0)
	if r.Total != 2 {
		t.Errorf("oil -qzxv found %d, want 2: excluding a missing word leaves all", r.Total)
	}
}

// A typo whose stem is a rare word's ("goverment" stems as "governess"
// does) means the common word a letter away; a word that is not in the
// articles as typed but whose stem's words are common keeps them.
func TestTypoWithAStem(t *testing.T) {
	var texts []string
	for i := range 12 {
		texts = append(texts, fmt.Sprintf("Policy %d\n\nThe government said the government would act, number %d.\n", i, i))
	}
	texts = append(texts, "Nanny\n\nA governess was hired.\n", "Talks\n\nThe negotiation went on and on.\n")
	x := indexOf(t, texts...)
	r := x.Search("goverment", 0)
	if r.Suggestion != "government" || r.Total != 12 {
		t.Errorf("goverment: suggestion %q, %d found, want government and 12", r.Suggestion, r.Total)
	}
	r = x.Search("negotiations", 0)
	if r.Suggestion != "" || r.Total != 1 {
		t.Errorf("negotiations: suggestion %q, %d found; its stem's word is there", r.Suggestion, r.Total)
	}
	r = x.Search("governess", 0)
	if r.Suggestion != "" || r.Total != 1 {
		t.Errorf("governess: suggestion %q, %d found; the word is there as typed", r.Suggestion, r.Total)
	}
}

// A word in no article that begins words that are is read as their
// prefix, not corrected to the nearest word: "gove", half typed, finds the
// government, not a move.
func TestHalfTypedWord(t *testing.T) {
	var texts []string
	for i := range 3 {
		texts = append(texts, fmt.Sprintf("Policy %d\n\nThe government said it would act, number %d.\n", i, i))
	}
	texts = append(texts, "Shift\n\nA move was made over there.\n", "Talks\n\nThe negotiations went on.\n", "Nanny\n\nA governess was hired.\n")
	x := indexOf(t, texts...)
	r := x.Search("gove", 0)
	if r.Suggestion != "gove*" || r.Total != 4 {
		t.Errorf("gove: suggestion %q, %d found, want gove* and 4", r.Suggestion, r.Total)
	}
	// "gover" stems as "governess" does: still a word being typed, not "over"
	r = x.Search("gover", 0)
	if r.Suggestion != "gover*" || r.Total != 4 {
		t.Errorf("gover: suggestion %q, %d found, want gover* and 4", r.Suggestion, r.Total)
	}
	r = x.Search("negotiatons", 0)
	if r.Suggestion != "negotiations" {
		t.Errorf("negotiatons: suggestion %q, want the nearest word", r.Suggestion)
	}
}

// TestMatchesCountTitleOnce: the count is of the article as the reader
// shows it. A plain text's title line is its first paragraph and a derived
// headline its first sentence: a word there counts once; a markdown title
// is not in the body, so it counts beside it. (Found in review: the list
// said 23× where the reader's find said 1/21.)
func TestMatchesCountTitleOnce(t *testing.T) {
	for _, tt := range []struct {
		name, text, query string
		want              int
	}{
		{"line.txt", "Profile: Gordon Brown\n\nGordon Brown spoke. Mr Brown left.\n", "gordon brown", 5},
		{"derived.txt", "Gordon Brown spoke at length today. Mr Brown left.\n", "gordon brown", 3},
		{"line.txt", "Profile: Gordon Brown\n\nGordon Brown spoke. Mr Brown left.\n", "title:brown", 1},
		{"line.txt", "Prime minister's questions\n\nThe prime minister said so.\n", `"prime minister"`, 2},
		{"page.md", "# Profile: Gordon Brown\n\nGordon Brown spoke. Mr Brown left.\n", "gordon brown", 5},
	} {
		x := New()
		x.Add(article(t, tt.name, tt.text))
		r := x.Search(tt.query, 0)
		if len(r.Hits) != 1 {
			t.Fatalf("%s %q: %d hits", tt.name, tt.query, len(r.Hits))
		}
		if got := r.Hits[0].Matches; got != tt.want {
			t.Errorf("%s %q: %d matches, want %d", tt.name, tt.query, got, tt.want)
		}
	}
}

// TestHitDetails: every range holds a matched word, the snippet is one line
// and its marks point at the same words.
func TestHitDetails(t *testing.T) {
	x := indexOf(t, talks, oil, vote)
	for _, q := range []string{"negotiations", `"prime minister"`, "oil prices", "quote:high", "pri*", "café"} {
		want := map[string]bool{}
		for _, c := range Parse(q).Clauses {
			want[strings.Join(c.Words, " ")] = true
		}
		for _, h := range x.Search(q, 0).Hits {
			// plain texts: the title is the text's first line, counted there
			if h.Matches != len(h.Ranges) || h.Matches == 0 {
				t.Errorf("%q in %s: %d matches, %d ranges", q, h.Article.Path, h.Matches, len(h.Ranges))
			}
			if strings.Contains(h.Snippet, "\n") {
				t.Errorf("%q: snippet %q is not one line", q, h.Snippet)
			}
			words := map[string]bool{} // folded: Words holds each once whatever its case
			for _, w := range h.Words {
				words[strings.Join(Fold(w), " ")] = true
			}
			check := func(where, text string, ranges []store.Span) {
				for _, r := range ranges {
					w := text[r.Start:r.End]
					if !words[strings.Join(Fold(w), " ")] {
						t.Errorf("%q in %s: %s range %v holds %q, not among the words %q", q, h.Article.Path, where, r, w, h.Words)
					}
				}
			}
			check("body", storetest.Body(h.Article), h.Ranges)
			check("title", h.Article.Title, h.TitleRanges)
			check("snippet", h.Snippet, h.Marks)
			if len(h.Ranges) > 0 && len(h.Marks) == 0 {
				t.Errorf("%q in %s: snippet %q shows no match", q, h.Article.Path, h.Snippet)
			}
			for _, w := range h.Words {
				if !matchesQuery(w, q, want) {
					t.Errorf("%q in %s: matched word %q is not the query's", q, h.Article.Path, w)
				}
			}
		}
	}
}

// matchesQuery: a matched word folds to a query word, shares its stem, or
// starts with its prefix.
func matchesQuery(w, q string, want map[string]bool) bool {
	f := strings.Join(Fold(w), " ")
	if want[f] {
		return true
	}
	for qw := range want {
		if stem(qw) == stem(f) || strings.HasSuffix(q, "*") && strings.HasPrefix(f, qw) {
			return true
		}
	}
	return false
}

func TestSnippetAroundBestMatch(t *testing.T) {
	body := strings.Repeat("Filler words here. ", 20) + "Here the oil price fell sharply. " + strings.Repeat("More filler. ", 20) + "Oil alone."
	x := indexOf(t, "Markets\n\n"+body+"\n")
	h := x.Search("oil price", 1).Hits[0]
	if !strings.Contains(h.Snippet, "the oil price fell") || !strings.HasPrefix(h.Snippet, "…") || !strings.HasSuffix(h.Snippet, "…") {
		t.Errorf("snippet %q: want the part with both words, cut at both ends", h.Snippet)
	}
	if len(h.Snippet) > snippetWidth+snippetSlack+2*len("…") {
		t.Errorf("snippet is %d bytes", len(h.Snippet))
	}
	if len(h.Ranges) != 3 {
		t.Errorf("ranges %v, want the three matches", h.Ranges)
	}
}

func TestLimitAndOrder(t *testing.T) {
	var texts []string
	for i := range 30 {
		texts = append(texts, fmt.Sprintf("Story %d\n\n%s the end.\n", i, strings.Repeat("oil ", i+1)))
	}
	x := indexOf(t, texts...)
	r := x.Search("oil", 5)
	if r.Total != 30 || len(r.Hits) != 5 {
		t.Fatalf("total %d, %d hits; want 30 and 5", r.Total, len(r.Hits))
	}
	all := x.Search("oil", 0)
	for i, h := range r.Hits {
		if h.Article != all.Hits[i].Article {
			t.Errorf("hit %d differs between limit 5 and no limit", i)
		}
		if i > 0 && h.Score > r.Hits[i-1].Score {
			t.Errorf("hit %d scores more than hit %d", i, i-1)
		}
	}
}

// TestSegments fills several segments, sealed and open, and checks each
// article is found once.
func TestSegments(t *testing.T) {
	x := New()
	n := 2*segmentDocs + 100
	arts := make([]*store.Article, n)
	for i := range arts {
		arts[i] = article(t, fmt.Sprintf("s%05d.txt", i), fmt.Sprintf("Item %d\n\nword%d common rare%d\n", i, i%7, i%1000))
	}
	x.AddBatch(arts)
	if x.Len() != n {
		t.Fatalf("Len = %d, want %d", x.Len(), n)
	}
	x.mu.RLock()
	sealed, open := len(x.sealed), len(x.open)
	x.mu.RUnlock()
	if sealed < 1 || open < 1 {
		t.Errorf("%d sealed and %d open segments, want both kinds", sealed, open)
	}
	if r := x.Search("common", 0); r.Total != n || len(r.Hits) != n {
		t.Errorf("common: %d found, want %d", r.Total, n)
	}
	r := x.Search("word3 rare10", 0)
	var want []string
	for i := range n {
		if i%7 == 3 && i%1000 == 10 {
			want = append(want, fmt.Sprintf("s%05d.txt", i))
		}
	}
	if !sameSet(found(r), want) {
		t.Errorf("word3 rare10 found %v, want %v", found(r), want)
	}
}

// answers is what the queries find with no limit, in order, with scores
// and matches: what must not change with how the index is cut in segments.
func answers(x *Index, queries []string) []string {
	var out []string
	for _, q := range queries {
		r := x.Search(q, 0)
		out = append(out, fmt.Sprintf("%s: %d %v %q", q, r.Total, r.Estimated, r.Suggestion))
		for _, h := range r.Hits {
			out = append(out, fmt.Sprintf("%s %v %d %v %v %q", h.Article.Path, h.Score, h.Matches, h.Ranges, h.TitleRanges, h.Snippet))
		}
	}
	return out
}

// TestCompact: sealing the open segments leaves none open, the answers as
// they were, and the index open to more articles.
func TestCompact(t *testing.T) {
	texts := []string{talks, oil, vote}
	var arts []*store.Article
	for i := range 700 {
		text := strings.Replace(texts[i%3], "\n\n", fmt.Sprintf(" %d word%d\n\n", i, i%13), 1)
		arts = append(arts, article(t, fmt.Sprintf("k%04d.txt", i), text))
	}
	queries := []string{"oil", `"prime minister"`, `"the two sides"`, "negot*", "speaker:putin", "quote:high", "negotiatons", "title:talks word3", "-oil word5"}
	x := New()
	x.segmentDocs = 256
	x.AddBatch(arts[:600])
	before := answers(x, queries)
	x.Compact()
	x.mu.RLock()
	open, idle, sealed := len(x.open), len(x.idle), len(x.sealed)
	x.mu.RUnlock()
	if open != 0 || idle != 0 || sealed < 3 {
		t.Errorf("after Compact: %d open, %d idle, %d sealed segments", open, idle, sealed)
	}
	if x.Len() != 600 {
		t.Errorf("Len = %d after Compact, want 600", x.Len())
	}
	if after := answers(x, queries); !slices.Equal(before, after) {
		t.Errorf("Compact changed the answers:\n%s", firstDiff(before, after))
	}
	x.Compact() // nothing open: nothing to do
	x.AddBatch(arts[600:])
	y := New()
	y.AddBatch(arts)
	want := answers(y, queries)
	if got := answers(x, queries); !slices.Equal(got, want) {
		t.Errorf("added after Compact, the answers differ from an index built in one go:\n%s", firstDiff(got, want))
	}
	x.Compact()
	if got := answers(x, queries); !slices.Equal(got, want) {
		t.Errorf("compacted again, the answers differ from an index built in one go:\n%s", firstDiff(got, want))
	}
}

func firstDiff(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(got), len(want))
}

// TestConcurrentAddSearch runs queries while articles are added (go test
// -race finds the unguarded reads); at the end the index answers as one
// built in one go.
func TestConcurrentAddSearch(t *testing.T) {
	var arts []*store.Article
	n := 3000
	if raceEnabled {
		n = 1200
	}
	for i := range n {
		text := []string{talks, oil, vote}[i%3]
		arts = append(arts, article(t, fmt.Sprintf("c%04d.txt", i), strings.Replace(text, "\n\n", fmt.Sprintf(" %d\n\n", i), 1)))
	}
	x := New()
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += 3 {
				x.Add(arts[i])
			}
		}()
	}
	stop := make(chan struct{})
	var sg sync.WaitGroup
	// until stop, each loop runs again and again beside the adds
	loop := func(f func()) {
		sg.Add(1)
		go func() {
			defer sg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				f()
			}
		}()
	}
	loop(x.Compact) // sealing while Add writes and Search reads
	for range 2 {
		loop(func() {
			for _, q := range []string{"oil", `"prime minister"`, "negot*", "speaker:putin", "quote:high", "negotiatons"} {
				r := x.Search(q, 10)
				if r.Total < len(r.Hits) {
					t.Errorf("%q: total %d below %d hits", q, r.Total, len(r.Hits))
				}
			}
		})
	}
	wg.Wait()
	close(stop)
	sg.Wait()
	y := New()
	y.AddBatch(arts)
	queries := []string{"oil", `"prime minister"`, "negot*", "speaker:putin", "quote:high -geneva"}
	for _, q := range queries {
		a, b := x.Search(q, 0), y.Search(q, 0)
		if a.Total != b.Total || !sameSet(found(a), found(b)) {
			t.Errorf("%q: %d found after concurrent adds, %d in one go", q, a.Total, b.Total)
		}
	}
	x.Compact()
	if got, want := answers(x, queries), answers(y, queries); !slices.Equal(got, want) {
		t.Errorf("compacted after concurrent adds, the answers differ from an index built in one go:\n%s", firstDiff(got, want))
	}
}

// A query calls the function given to AfterReading once it has read each
// sealed segment, and once more when it is done; Save once it has written
// the dictionary and each segment: the snapshot gives back the pages they
// mapped as they go.
func TestAfterReadingFollowsEachSegment(t *testing.T) {
	x := New()
	x.segmentDocs = 2
	for i := range 5 {
		x.Add(article(t, fmt.Sprintf("r%d.txt", i), oil))
	}
	x.Compact()
	calls := 0
	x.AfterReading(func() { calls++ })
	if r := x.Search("oil", 10); len(r.Hits) != 5 {
		t.Fatalf("found %d of 5 articles", len(r.Hits))
	}
	if want := x.Segments() + 1; x.Segments() < 3 || calls != want {
		t.Errorf("%d calls after a query over %d segments, want %d", calls, x.Segments(), want)
	}
	calls = 0
	if err := x.Save(io.Discard, func(*store.Article) (uint32, bool) { return 0, true }); err != nil {
		t.Fatal(err)
	}
	if want := x.Segments() + 1; calls != want {
		t.Errorf("%d calls after saving %d segments, want %d", calls, x.Segments(), want)
	}
}

// TestSearchPage: pages of an answer, one after the other, are the whole
// answer in its order, each with its details.
func TestSearchPage(t *testing.T) {
	var texts []string
	for i := range 23 {
		texts = append(texts, fmt.Sprintf("Budget %d\n\nThe budget%s was debated.", i, strings.Repeat(", the budget", i%5)))
	}
	x := indexOf(t, texts...)
	all := found(x.Search("budget", 0))
	var paged []string
	for from := 0; ; from += 5 {
		r, err := x.SearchPage(context.Background(), "budget", from, 5)
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != len(all) {
			t.Errorf("page at %d: total %d, want %d", from, r.Total, len(all))
		}
		for _, h := range r.Hits {
			if h.Matches == 0 || h.Snippet == "" {
				t.Errorf("page at %d: %s has no details", from, h.Article.Path)
			}
		}
		paged = append(paged, found(r)...)
		if len(r.Hits) < 5 {
			break
		}
	}
	if !slices.Equal(paged, all) {
		t.Errorf("pages give\n%v\nthe whole answer is\n%v", paged, all)
	}
}

// The pages of a long answer are ranked once, not once a page: G in the
// list fetches hundreds of them.
func TestPagesRankOnce(t *testing.T) {
	x := New()
	x.segmentDocs = 4
	for i := range 40 {
		x.Add(article(t, fmt.Sprintf("b%d.txt", i), fmt.Sprintf("Budget %d\n\nThe budget was debated.", i)))
	}
	x.Compact()
	reads := 0
	x.AfterReading(func() { reads++ })
	pages := 0
	for from := 0; ; from += 5 {
		r, err := x.SearchPage(context.Background(), "budget", from, 5)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if len(r.Hits) < 5 {
			break
		}
	}
	// a call after each sealed segment read, and one after each page's
	// details; the first page ranks the best five, the second ranks them all
	if segs := reads - pages; pages < 8 || segs > 2*x.Segments() {
		t.Errorf("%d pages read the %d segments %d times over, want at most twice", pages, x.Segments(), segs/x.Segments())
	}
}

// A page asked for after the index changed answers the index as it is.
func TestPageAfterChange(t *testing.T) {
	var texts []string
	for i := range 12 {
		texts = append(texts, fmt.Sprintf("Budget %d\n\nThe budget was debated.", i))
	}
	x := indexOf(t, texts...)
	page := func(from int) Result {
		t.Helper()
		r, err := x.SearchPage(context.Background(), "budget", from, 5)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	page(0)
	page(5)
	late := article(t, "late.txt", "Budget, budget, budget\n\nThe budget, the budget and the budget.")
	x.Add(late)
	if r := page(5); r.Total != 13 {
		t.Errorf("after an article was added: %d found, want 13", r.Total)
	}
	if r := page(0); len(r.Hits) == 0 || r.Hits[0].Article != late {
		t.Errorf("after an article was added: %v first, want late.txt", found(r))
	}
	x.Compact()
	x.Forget([]*store.Article{late})
	if r := page(5); r.Total != 12 {
		t.Errorf("after an article was forgotten: %d found, want 12", r.Total)
	}
}

// A hit's words are copies: the list keeps thousands of hits, and a word
// cut from the text would keep the whole text alive with it.
func TestHitWordsKeepNotTheText(t *testing.T) {
	x := indexOf(t, "Finance\n\nThe budget was debated "+strings.Repeat("at length, ", 200)+"and the Budget passed.")
	r := x.Search("budget", 1)
	if len(r.Hits) != 1 || len(r.Hits[0].Words) == 0 {
		t.Fatalf("hits %+v", r.Hits)
	}
	body, _, err := r.Hits[0].Article.Text()
	if err != nil {
		t.Fatal(err)
	}
	lo := uintptr(unsafe.Pointer(unsafe.StringData(body)))
	for _, w := range r.Hits[0].Words {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(w))); lo <= p && p < lo+uintptr(len(body)) {
			t.Errorf("the word %q is a slice of the article's text", w)
		}
	}
}
