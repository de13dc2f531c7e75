package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// speechVerbs are the cues that name who speaks.
var speechVerbs = wordSet(`said says say told tells tell added adds adding stated states remarked remarks
emphasized emphasised emphasizes emphasises emphasizing wrote writes writing noted notes noting explained explains
explaining asked asks replied replies continued continues argued argues arguing insisted insists warned warns
warning declared declares claimed claims tweeted tweets announced announces acknowledged acknowledges admitted
admits agreed agrees answered answers asserted asserts boasted boasts cautioned cautions commented comments
complained complains conceded concedes concluded concludes confirmed confirms countered counters cried demanded
demands disclosed exclaimed joked jokes lamented laments maintained maintains mentioned mentions observed observes
predicted predicts promised promises recalled recalls reiterated reiterates reported reports responded responds
saying shouted shouts stressed stresses stressing suggested suggests testified testifies urged urges vowed vows
whispered posted posts quipped quips pointed recounted recounts described describes estimated estimates
acknowledging telling explained continued griped griped mused muses conceded wondered wonders yelled screamed
pleaded pleads protested protests objected objects retorted retorts insisted thundered charged charges
announced added informed informs assured assures ruled rules`)

// titles are the words before a name that are not part of it.
var titles = wordSet(`president vice prime minister sen senator rep representative gov governor mr mrs ms miss dr
secretary chancellor king queen prince princess pope general gen lt col colonel sgt capt captain chief judge
justice mayor ambassador spokesman spokeswoman spokesperson leader chairman chairwoman chair ceo director
professor prof rev reverend sir lord lady dame deputy foreign defense defence attorney former candidate nominee
commissioner councilman councilwoman coach manager adviser advisor aide analyst officer minority majority whip
speaker sheriff detective agent superintendent commander admiral major sergeant corporal private premier
sultan emir sheikh ayatollah rabbi father bishop cardinal archbishop brother sister dean executive founder
head economist lawyer correspondent editor reporter author actor actress singer star striker midfielder
defender goalkeeper`)

// notNames are capitalized words that start sentences or clauses rather than names.
var notNames = wordSet(`the a an in on at but and or however he she it they we i you this that these those his her
their its our my your after before during following since while when if as for with without from to of by
there here what who why how where then also still yet so meanwhile moreover furthermore although though
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december today yesterday tomorrow last next mr mrs ms dr sen rep gov according
asked speaking writing despite instead some many most all both each every one two three no not`)

var pronouns = wordSet(`he she they we i it`)

var determiners = wordSet(`a an the one another some two three several many`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// token is a word or a punctuation mark of a context.
type token struct {
	s     string
	punct bool
}

// tokenize splits a short stretch of text into words and punctuation.
func tokenize(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '-' || r2 == '\'' || r2 == '’' {
					j += n2
					continue
				}
				// keep the period of "Sen." and "J." and "U.S." with its word
				if r2 == '.' && j+1 < len(s) && (isAbbrev(s[i:j]) || j+1 < len(s) && unicode.IsLetter(rune(s[j+1])) && s[j+1] != ' ') {
					j++
					continue
				}
				break
			}
			out = append(out, token{s: s[i:j]})
			i = j
		default:
			out = append(out, token{s: s[i : i+n], punct: true})
			i += n
		}
	}
	return out
}

func isAbbrev(w string) bool {
	lw := strings.ToLower(w)
	if titles[lw] || lw == "st" || lw == "jr" || lw == "sr" {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r) // an initial
}

func (t token) lower() string { return strings.ToLower(strings.TrimSuffix(t.s, ".")) }

func (t token) capitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.s)
	return !t.punct && unicode.IsUpper(r)
}

// particles may stand inside a name in lower case.
var particles = wordSet(`de da di van von der den del la le bin ibn al el dos das du st`)

// attribution is who a part of a quote is attributed to by the text around it.
type attribution struct {
	name    string // as written, titles removed
	mention string
	pronoun bool
	desc    bool // a description such as "a senior official"
}

func (a attribution) ok() bool { return a.name != "" }

// subjectBefore reads the noun phrase that ends a token list: "Putin",
// "Sen. Jane Doe", "he", "the Kremlin", "a senior official".
func subjectBefore(ts []token) attribution {
	// an appositive: "Jane Doe, a senator from Ohio," -> the part before the first comma
	for len(ts) > 0 && ts[len(ts)-1].punct {
		ts = ts[:len(ts)-1]
	}
	if i := indexPunct(ts, ","); i > 0 {
		if a := nounPhrase(ts[:i]); a.ok() && !a.desc {
			return a
		}
	}
	if len(ts) > 0 && len(ts) <= 8 {
		return nounPhrase(ts)
	}
	return attribution{}
}

// nounPhrase classifies a few tokens as a name, a pronoun or a description.
func nounPhrase(ts []token) attribution {
	// drop leading conjunctions and adverbs: "but he", "and the Kremlin"
	for len(ts) > 0 && (ts[0].punct || strings.Contains("but and or so then also later however", ts[0].lower()) && len(ts) > 1 && !ts[0].capitalized()) {
		ts = ts[1:]
	}
	for len(ts) > 0 && ts[len(ts)-1].punct {
		ts = ts[:len(ts)-1]
	}
	if len(ts) == 0 || len(ts) > 8 {
		return attribution{}
	}
	if len(ts) == 1 && pronouns[ts[0].lower()] {
		return attribution{name: ts[0].s, mention: ts[0].s, pronoun: true}
	}
	mention := joinTokens(ts)
	// the trailing run of capitalized words is the name
	end := len(ts)
	start := end
	for start > 0 && (ts[start-1].capitalized() || particles[ts[start-1].lower()] && start < end) {
		start--
	}
	if start == end {
		if determiners[ts[0].lower()] || len(ts) <= 3 {
			for _, t := range ts {
				if t.punct && t.s != "-" && t.s != "’" && t.s != "'" {
					return attribution{}
				}
			}
			return attribution{name: mention, mention: mention, desc: true}
		}
		return attribution{}
	}
	name := cleanName(ts[start:end])
	if name == "" {
		return attribution{}
	}
	return attribution{name: name, mention: mention}
}

// cleanName drops titles and sentence-start words from a capitalized run.
func cleanName(ts []token) string {
	last := -1
	for i, t := range ts {
		if titles[t.lower()] || isDemonym(t.s) && i+1 < len(ts) && titles[ts[i+1].lower()] {
			last = i
		}
	}
	ts = ts[last+1:]
	for len(ts) > 0 && notNames[ts[0].lower()] {
		ts = ts[1:]
	}
	for len(ts) > 0 && particles[ts[0].lower()] {
		ts = ts[1:]
	}
	for len(ts) > 0 && (ts[len(ts)-1].s == "Jr." || ts[len(ts)-1].s == "Jr") {
		ts = ts[:len(ts)-1]
	}
	var parts []string
	for _, t := range ts {
		parts = append(parts, strings.TrimSuffix(strings.TrimSuffix(t.s, "’s"), "'s"))
	}
	return strings.Join(parts, " ")
}

func isDemonym(w string) bool {
	lw := strings.ToLower(w)
	for _, suf := range []string{"an", "ese", "ish", "i", "ch"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

func joinTokens(ts []token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 && !(t.punct && strings.Contains(",.:;)’'", t.s)) && !(i > 0 && ts[i-1].s == "(") {
			b.WriteByte(' ')
		}
		b.WriteString(t.s)
	}
	return b.String()
}

func indexPunct(ts []token, p string) int {
	for i, t := range ts {
		if t.punct && t.s == p {
			return i
		}
	}
	return -1
}

// subjectAfter reads the noun phrase after a verb: "said Aliyev", "said Sen. Jane Doe, a Democrat".
func subjectAfter(ts []token) attribution {
	end := 0
	for end < len(ts) && end < 8 && !(ts[end].punct && ts[end].s != "-") {
		end++
	}
	if end == 0 {
		return attribution{}
	}
	first := ts[0]
	if !first.capitalized() && !determiners[first.lower()] && !pronouns[first.lower()] {
		return attribution{}
	}
	// "said the Kremlin spokesman in a statement": stop at a preposition
	for i := 1; i < end; i++ {
		if strings.Contains(" in on at of to from for with during after before about by on ", " "+ts[i].s+" ") {
			end = i
			break
		}
	}
	return nounPhrase(ts[:end])
}

// cueAfter finds the attribution that follows a quote: `,” Putin remarked`,
// `,” said Aliyev`, `,” he said`, `,” according to Reuters`.
func cueAfter(ctx string) attribution {
	ts := tokenize(ctx)
	if len(ts) > 20 {
		ts = ts[:20]
	}
	for i, t := range ts {
		if t.punct && (t.s == "." || t.s == "?" || t.s == "!") {
			break
		}
		lw := t.lower()
		if lw == "according" && i+1 < len(ts) && ts[i+1].lower() == "to" {
			if a := subjectAfter(ts[i+2:]); a.ok() {
				return a
			}
		}
		if !speechVerbs[lw] || t.capitalized() && i > 0 {
			continue
		}
		if i > 9 {
			break
		}
		if a := subjectBefore(ts[:i]); a.ok() {
			return a
		}
		if a := subjectAfter(ts[i+1:]); a.ok() {
			return a
		}
		return attribution{}
	}
	return attribution{}
}

// cueBefore finds an attribution that introduces a quote: `Putin said: “`,
// `Mr. Smith told reporters that “`, `According to Reuters, “`, `Jones: “`.
func cueBefore(ctx string) attribution {
	ts := tokenize(ctx)
	if len(ts) > 40 {
		ts = ts[len(ts)-40:]
	}
	// "Name: “"
	if n := len(ts); n >= 2 && ts[n-1].s == ":" && ts[n-2].capitalized() {
		start := n - 1
		for start > 0 && n-1-start < 4 && ts[start-1].capitalized() {
			start--
		}
		if start == 0 || ts[start-1].punct {
			if a := nounPhrase(ts[start : n-1]); a.ok() {
				return a
			}
		}
	}
	for i := len(ts) - 1; i >= 0; i-- {
		t := ts[i]
		lw := t.lower()
		if lw == "according" && i+1 < len(ts) && ts[i+1].lower() == "to" {
			if a := subjectAfter(ts[i+2:]); a.ok() {
				return a
			}
			continue
		}
		if !speechVerbs[lw] {
			continue
		}
		// the subject is the run of words right before the verb, back to a clause break
		j := i
		for j > 0 && !ts[j-1].punct && i-j < 6 {
			j--
		}
		k := i
		for k > j && isAdverb(ts[k-1].lower()) {
			k--
		}
		if a := nounPhrase(ts[j:k]); a.ok() {
			return a
		}
		if a := subjectAfter(ts[i+1:]); a.ok() && !a.desc {
			return a
		}
	}
	return attribution{}
}

func isAdverb(w string) bool {
	return strings.HasSuffix(w, "ly") || strings.Contains(" also later then once previously has had have had was is ", " "+w+" ")
}
