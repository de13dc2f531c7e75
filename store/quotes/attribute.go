package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// speechVerbs are the cues that name who speaks.
var speechVerbs = newWordSet(`said says say saying told tells tell telling added adds adding stated states stating
dismissed dismisses
remarked remarks emphasized emphasised emphasizes emphasises emphasizing wrote writes writing noted notes noting
explained explains explaining asked asks asking replied replies replying continued continues argued argues arguing
insisted insists insisting warned warns warning declared declares declaring claimed claims claiming tweeted tweets
tweeting announced announces acknowledged acknowledges acknowledging admitted admits admitting agreed agrees
answered answers asserted asserts asserting boasted boasts cautioned cautions commented comments complained
complains complaining conceded concedes concluded concludes confirmed confirms countered counters cried demanded
demands disclosed exclaimed joked jokes joking lamented laments maintained maintains mentioned mentions observed
observes predicted predicts promised promises recalled recalls recalling reiterated reiterates reported reports
responded responds shouted shouts stressed stresses stressing suggested suggests testified testifies urged urges
vowed vows whispered posted posts quipped quips recounted recounts described describes estimated estimates griped
mused muses wondered wonders yelled screamed pleaded pleads protested protests objected objects retorted retorts
thundered charged charges informed informs assured assures chanted chants sang sings read reads echoed echoes
explain explained offered offers opined opines scoffed sighed snapped added predicted pressed conceded posted
acknowledged blasted blasts slammed slams mocked mocks praised praises accused accuses criticized criticizes
insist insisted added interjected interrupted elaborated recalled reasoned wrote revealed reveals revealing claim
laughed called calls calling described describes describing cracked barked barks fumed fumes gushed gushes
bellowed growled sneered hissed muttered mutters murmured grumbled grumbles teased teases ranted enthused
enthuses exulted intoned decried hailed hails branded brands dubbed dubs labelled labeled labels`)

// listenerVerbs take the listener as their object: the words after "told"
// name who heard, not who spoke. Some of them put the speaker after them
// behind a quote (“…,” warned Clinton); toldVerbs never do.
var (
	listenerVerbs = newWordSet(`told tells tell telling informed informs assured assures urged urges warned warns
reminded reminds`)
	toldVerbs = newWordSet(`told tells tell telling informed informs assured assures reminded reminds`)
)

// namingVerbs give what someone said of a thing, except in the passive,
// where they give its name: HP is called “feather duvet lung.”
var namingVerbs = newWordSet(`called calls calling described describes describing hailed hails branded brands dubbed
dubs labelled labeled labels dismissed dismisses`)

// naming is true when the verb at ts[v] names a thing rather than cites
// someone: a naming verb after is, was or been.
func (e *extractor) naming(ts []tok, v int) bool {
	if lw := e.lower(ts[v]); strings.HasPrefix(lw, "continue") && v+1 < len(ts) && e.lower(ts[v+1]) == "to" && (v+2 == len(ts) || e.hasVerb(ts[v+2:])) {
		// "as the workforce continues to age, it said": another verb
		// cites, as does one before "the article continues to “spread
		// fear”"; not "continued to warn that", "he continued to loud applause"
		return true
	}
	return e.is(&ts[v], namingVerbs) && (v > 0 && e.is(&ts[v-1], auxiliaries) && !haveForm(e.lower(ts[v-1])) || strings.HasSuffix(e.lower(ts[v]), "ed") && e.inHeadline(ts[v]))
}

// haveForm is true for has, had and have: "has dismissed it as" is no
// passive.
func haveForm(lw string) bool { return lw == "has" || lw == "had" || lw == "have" }

// inHeadline is true for a word of a first paragraph with no full stop, a
// headline, whose past participles leave out their "is": "Baywatch dubbed
// 'worst TV import'" is what Baywatch was called (but "Clinton Calls …
// ‘Genocide’" is what she said).
func (e *extractor) inHeadline(t tok) bool {
	if t.para != 0 || len(e.paras) < 2 {
		return false
	}
	p := e.paras[0]
	return !strings.HasSuffix(strings.TrimRight(e.text[p.Start:p.End], " "), ".")
}

// ingVerbs leave the subject to the clause they hang from: "Smith left, saying …".
var ingVerbs = newWordSet(`saying adding telling writing noting explaining arguing insisting warning declaring
claiming asking stressing emphasizing recalling joking tweeting stating`)

// titles are the words before a name that are not part of it.
var titles = newWordSet(`president vice prime minister sen senator sens senators rep reps representative gov governor mr mrs ms
miss dr secretary chancellor king queen prince princess pope general gen lt col colonel sgt capt captain chief
judge justice mayor ambassador spokesman spokeswoman spokesperson leader chairman chairwoman chair ceo director
professor prof rev reverend sir lord lady dame deputy foreign defense defence attorney former candidate nominee
commissioner councilman councilwoman coach manager adviser advisor aide analyst officer minority majority whip
speaker sheriff detective agent superintendent commander admiral major sergeant corporal private premier sultan
emir sheikh ayatollah rabbi father bishop cardinal archbishop brother sister dean executive founder head
economist lawyer correspondent editor reporter author actor actress singer star striker midfielder defender
goalkeeper host anchor presidential democratic republican gop democrat candidate hopeful front-runner frontrunner
nominee pastor strategist pollster chairman co-founder cofounder owner businessman businesswoman billionaire
mogul activist organizer organiser commentator columnist historian scientist researcher doctor nurse officer
boss general-secretary secretary-general lawmaker congressman congresswoman assemblyman assemblywoman state
u.s. us federal white house then-president then-candidate mrs. sen. rep. gov. dr. atty. supt. amb. hon. messrs.
mp mps mep meps msp peer baroness baron earl duke duchess shadow
managing midfielder forward winger manager boss`)

// notNames are capitalized words that start sentences or clauses rather than names.
var notNames = newWordSet(`the a an in on at but and or however he she it they we i you this that these those his her
their its our my your after before during following since while when if as for with without from to of by there
here what who why how where then also still yet so meanwhile moreover furthermore although though monday tuesday
wednesday thursday friday saturday sunday january february march april may june july august september october
november december today yesterday tomorrow last next according asked speaking writing despite instead some many
most all both each every one two three no not nor asked said says told added later now even just only well yes
i'm i’m i've i’ve i'd i’d i'll i’ll jan feb mar apr jul aug sep sept oct nov dec
under over into through across among amid against about upon within beyond behind toward towards until unlike
around between beneath beside besides throughout like because whether would could should might must maybe perhaps
unless
earlier recently previously eventually finally currently separately similarly elsewhere overall indeed
afterwards afterward initially ultimately subsequently additionally`)

var determiners = newWordSet(`a an the one another some two three several many his her their its our my this that these those`)

// stopWords end a noun phrase read backwards from a verb.
var stopWords = newWordSet(`that who whom which whose when where while as because if and or but than to of in on at for
with from by about into over after before during since under through is was are were be been being has have had
do does did will would can could should may might must not also is it's there`)

// groups are the bare plurals that speak for themselves: "officials said".
var groups = newWordSet(`officials analysts critics experts police witnesses residents lawmakers sources authorities
protesters investigators prosecutors researchers scientists economists observers supporters opponents aides
advisers advisors voters doctors officers leaders organizers organisers activists students parents teachers workers
employees executives diplomats militants rebels troops soldiers people others fans players residents campaigners
demonstrators officers spokesmen members staff users neighbors neighbours relatives friends family families
republicans democrats conservatives liberals
`)

var auxiliaries = newWordSet(`is was are were been be has had have`)

var prepositions = newWordSet(`in on at for with from by during after before since under over about into through
across among amid against despite following until upon within without`)

var adverbs = newWordSet(`also later then once again previously earlier recently simply further quickly just reportedly
flatly bluntly repeatedly publicly privately separately similarly finally ultimately additionally initially instead
has had have was is were would will could had already still has once since yet often frequently`)

// timeWords end phrases that say when, not who: "last week said".
var timeWords = newWordSet(`now today yesterday tomorrow tonight week weeks month months year years day days time times
night morning afternoon evening weekend hour hours minute minutes ago earlier later then monday tuesday wednesday
thursday friday saturday sunday past future same`)

func (e *extractor) isAdverb(t *tok) bool {
	if e.is(t, adverbs) {
		return true
	}
	if t.cap {
		return false
	}
	lw := e.lower(*t)
	return len(lw) > 4 && strings.HasSuffix(lw, "ly") && lw != "only"
}

var pronounWords = newWordSet(`he she they we i it`)

// particles may stand inside a name in lower case.
var particles = newWordSet(`de da di van von der den del la le bin ibn al el dos das du st ter ten y`)

// attribution is who an utterance is given to by the words around it.
type attribution struct {
	name    string // as written, titles removed
	mention string // the words of the text
	pos     int    // where the mention is
	pronoun bool
	desc    bool // a description such as "a senior official"
	object  bool // the object of the clause before ", who said": not whom that clause's subject is
}

func (a attribution) ok() bool { return a.name != "" }

// group joins parts into utterances: a quote that runs over paragraphs, and
// a quote split by its attribution (“X,” he said, “Y.”).
func (e *extractor) group() {
	for i := range e.parts {
		e.parts[i].group = i
		if i == 0 {
			continue
		}
		prev, cur := &e.parts[i-1], &e.parts[i]
		switch {
		case prev.openEnd && cur.para == prev.para+1 && cur.open == e.paras[cur.para].Start,
			cur.cont && prev.openEnd && prev.close == cur.open:
			cur.group = prev.group
		case cur.para == prev.para && !prev.openEnd && cur.tok > prev.tok+1 && !e.endsSentence(*prev) && !e.embedded(*prev):
			mid := e.toks[prev.tok+1 : cur.tok]
			last := mid[len(mid)-1]
			// “… Valley?” Responding to her, Mr Pugh said: “…”: a question
			// that ends its sentence, then a clause and a colon, is another's
			// quote; “Is this fair?” Jane Doe asked: “…” is hers still
			if len(mid) <= 14 && (e.isPunct(last, ",:") || e.isPunct(last, dashes)) && e.hasVerb(mid) && !e.hasPunct(mid, ".?!") &&
				!(e.isPunct(last, ":") && e.endsSentenceAsked(*prev) && e.hasPunct(mid, ",")) {
				cur.group = prev.group
			}
		}
	}
}

// openingWord is true for a word in capitals shaped like a long adverb
// that no list knows as a first name: a sentence opens on it ("Apparently
// Lindsey"). Not shorter ones (Reilly, Rosaly), nor -ing (Downing Street,
// Erling Refsum).
func (e *extractor) openingWord(t tok) bool {
	lw := e.lower(t)
	return len(lw) >= 8 && strings.HasSuffix(lw, "ly") && !e.firstNameToo(t)
}

// embedded is true for a quote with a word right before it in its
// sentence: words quoted inside one's own (using him as “a stalking
// horse”, but Parry explained: “…”), not an utterance split by who said it.
func (e *extractor) embedded(p part) bool {
	return p.tok > 0 && e.toks[p.tok-1].kind == tWord && int(e.toks[p.tok-1].para) == p.para
}

// hasPunct is true when a token of ts is one of marks.
func (e *extractor) hasPunct(ts []tok, marks string) bool {
	for _, t := range ts {
		if e.isPunct(t, marks) {
			return true
		}
	}
	return false
}

// hasVerb is true when a word of ts is a speech verb.
func (e *extractor) hasVerb(ts []tok) bool {
	for k := range ts {
		if ts[k].kind == tWord && e.is(&ts[k], speechVerbs) {
			return true
		}
	}
	return false
}

// attribute names the speaker of every utterance and drops what is not speech.
func (e *extractor) attribute() {
	e.tokenize()
	for i := range e.parts {
		e.parts[i].frag = e.isFragment(e.parts[i]) || e.isTitle(e.parts[i])
	}
	e.group()
	groups := 0 // the utterances at most: the first quote makes room for them
	for i := range e.parts {
		if i == 0 || e.parts[i].group != e.parts[i-1].group {
			groups++
		}
	}
	var spans []Span     // the spans of all quotes, cut from one array
	var last attribution // the last speaker named, for pronouns and continuations
	lastSpeaker := ""
	lastPara := -2
	for gi := 0; gi < len(e.parts); {
		gj := gi
		for gj < len(e.parts) && e.parts[gj].group == e.parts[gi].group {
			gj++
		}
		parts := e.parts[gi:gj]
		gi = gj

		first := parts[0]
		if len(parts) == 1 && first.frag {
			continue // a term or a title, whoever is named near it
		}
		var a attribution
		// a quote that ends its sentence (“… misdirected.” She said her party
		// …) is introduced before more often than attributed after
		ends := e.endsSentence(parts[len(parts)-1])
		// so is one right after its verb: under what Mr. Hedge called “the
		// prior economy model,” the club charged …
		// and so is one its speaker's verb and a colon bring in: Mr Opik
		// said: “…” … “…?” Tory MP Peter Luff said that …
		colon := first.tok >= 2 && e.isPunct(e.toks[first.tok-1], ":") && e.speechVerbAt(first.tok-2)
		if ends || colon || e.speechVerbAt(first.tok-1) && !e.speechVerbAt(parts[len(parts)-1].tok+1) { // not "… adds “…,” said David Bloom"
			a = e.cueBefore(first.tok)
		}
		for _, p := range parts {
			if a.ok() {
				break
			}
			a = e.cueAfter(p.tok)
		}
		if !a.ok() && !ends {
			a = e.cueBefore(first.tok)
		}
		cued := a.ok()
		if !cued && e.notSpeech(parts) {
			continue
		}
		if !cued {
			a = e.cueNearby(first.tok)
		}
		if spans == nil {
			spans = make([]Span, 0, len(e.parts)-(gi-len(parts)))
			e.quotes = make([]Quote, 0, groups)
		}
		n := len(spans)
		spans = spans[:n+len(parts)]
		q := Quote{Spans: spans[n : n+len(parts) : n+len(parts)]}
		for k, p := range parts {
			q.Spans[k] = p.span
			parts[k].kept = true
		}
		switch {
		case a.pronoun:
			q.Speaker, q.Mention = e.resolvePronoun(a, lastSpeaker, first.tok), a.mention
		case a.desc:
			q.Speaker, q.Mention = e.resolveRole(a, lastSpeaker, first.tok), a.mention
		case a.ok():
			q.Speaker, q.Mention = e.full(a.name, a.pos), a.mention
			if q.Speaker == a.name && demonyms.hasFold(a.name) && singular(a) {
				// "said the American": the one the text is about, as for "the actor"
				q.Speaker = e.resolveRole(a, lastSpeaker, first.tok)
			}
		case first.para-lastPara <= 1 && lastSpeaker != "":
			// a bare quote right after an attributed one continues it
			q.Speaker, q.Mention = lastSpeaker, last.mention
		}
		if q.Speaker != "" {
			lastSpeaker, last = q.Speaker, a
			if !a.ok() {
				last.mention = q.Mention
			}
		}
		lastPara = parts[len(parts)-1].para
		if q.Speaker == "" {
			lastSpeaker, lastPara = "", -2
		}
		e.quotes = append(e.quotes, q)
	}
	e.quotes = tightQuotes(e.quotes, len(spans), cap(spans))
}

// tightQuotes moves quotes and their n spans into arrays of their size when
// they were cut from larger ones (of room spans): they stay in memory for
// the session, and many utterances found are not quotes.
func tightQuotes(qs []Quote, n, room int) []Quote {
	if len(qs) == cap(qs) && n == room {
		return qs
	}
	out := make([]Quote, len(qs))
	spans := make([]Span, 0, n)
	for i, q := range qs {
		k := len(spans)
		spans = append(spans, q.Spans...)
		out[i] = q
		out[i].Spans = spans[k:len(spans):len(spans)]
	}
	return out
}

// speechVerbAt is true when token i is a verb of speech.
func (e *extractor) speechVerbAt(i int) bool {
	return i >= 0 && i < len(e.toks) && e.toks[i].kind == tWord && e.cl(&e.toks[i])&speechVerbs != 0
}

// sentence bounds: the tokens of the sentence around token i, cut at
// sentence ends and at other quotes.
func (e *extractor) sentenceAfter(i int) int {
	para := e.toks[i].para
	j := i + 1
	for ; j < len(e.toks) && e.toks[j].para == para; j++ {
		t := e.toks[j]
		if e.breaksSentence(t) {
			break
		}
	}
	return j
}

// breaksSentence is true for a sentence end, and for a quote other than a
// word or two or a title in marks, which the writer's sentence runs through.
func (e *extractor) breaksSentence(t tok) bool {
	return t.kind == tQuote && !e.parts[t.part].frag || e.isPunct(t, ".?!;")
}

func (e *extractor) sentenceBefore(i int) int {
	para := e.toks[i].para
	j := i
	for j > 0 && e.toks[j-1].para == para {
		if e.breaksSentence(e.toks[j-1]) {
			break
		}
		j--
	}
	return j
}

// endsSentence is true when a quote closes on a period, and what follows
// starts a new sentence.
func (e *extractor) endsSentence(p part) bool { return e.endsSentenceOn(p, ".") }

// endsSentenceAsked is endsSentence for a quote that ends on a question or
// an exclamation as well. Not for endsSentence: “Why?” Smith asked is one
// sentence as often as not.
func (e *extractor) endsSentenceAsked(p part) bool { return e.endsSentenceOn(p, ".?!") }

// endsSentenceOn is true when quote p ends on one of marks and what follows
// it starts a sentence: a capital, or another paragraph.
func (e *extractor) endsSentenceOn(p part, marks string) bool {
	if p.span.End == 0 || strings.IndexByte(marks, e.text[p.span.End-1]) < 0 {
		return false
	}
	return p.tok+1 >= len(e.toks) || e.toks[p.tok+1].para != e.toks[p.tok].para || e.toks[p.tok+1].cap
}

// cueAfter reads the attribution after a quote: `,” Putin remarked`,
// `,” said Sen. Jane Doe`, `,” he said`, `,” according to Reuters`, `” — Jane Doe`.
func (e *extractor) cueAfter(qi int) attribution {
	end := e.sentenceAfter(qi)
	ts := e.toks[qi+1 : end]
	if len(ts) == 0 {
		return e.dashLine(qi)
	}
	if end < len(e.toks) && e.toks[end].kind == tQuote && e.introduces(qi, ts) {
		return attribution{} // “…” Sir Alex Ferguson added: “…”: the cue is the next quote's
	}
	// “…” (Jane Doe); not a name's gloss: “Partido contra la Pobreza” (Game
	// Against Poverty), whose words end on no mark
	if e.isPunct(ts[0], dashes) || e.isPunct(ts[0], "(") && e.endsOnMark(e.parts[e.toks[qi].part]) {
		if a := e.npAfter(ts[1:]); a.ok() && !a.pronoun && (!a.desc || len(ts) < 6) {
			return a
		}
	}
	if len(ts) > 40 {
		ts = ts[:40]
	}
	for v, t := range ts {
		if t.kind != tWord {
			continue
		}
		lw, c := e.lower(t), e.cl(&ts[v])
		if e.pointsOut(ts, v) {
			c = lex.class("said") // “…,” he pointed out
		}
		if lw == "according" && v+1 < len(ts) && e.lower(ts[v+1]) == "to" {
			if v > 3 && e.endsSentence(e.parts[e.toks[qi].part]) {
				break // “…” The market was worth $20m, according to Juniper: a new sentence's source
			}
			return e.npAfter(ts[v+2:])
		}
		if c&speechVerbs == 0 || t.cap && v > 0 || v > 0 && e.isNoun(&ts[v-1]) || e.naming(ts, v) || branding(lw) {
			continue
		}
		if v > 16 && !e.isPunct(ts[v-1], ",") {
			// far from the quote, unless a name and its appositive lead to it:
			// “…” Kurinji Selvaraj, a research analyst at the … think tank told CBS News.
			if a := e.leadingName(ts[:v]); a.ok() {
				return a
			}
			break
		}
		ends := e.endsSentence(e.parts[e.toks[qi].part])
		if ends && len(ts)-v > 7 {
			return attribution{} // a new sentence that says more: “…” She said her party …
		}
		if a := e.leadingName(ts[:v]); a.ok() {
			return a
		}
		if a, ok := e.quotedAs(ts, v); ok {
			return a
		}
		subj := ts[:v]
		if v >= 3 && e.lower(ts[v-1]) == "as" && e.lower(ts[v-2]) == "quoted" {
			subj = ts[:v-2] // Braynard is quoted as saying
		}
		// after a quote that ends its sentence, the next one is its cue only
		// when the speaker or the verb comes within its first words (“…”
		// That is what Jane Doe said.), not “…” They will appear in court on
		// Monday, a police spokesman said.
		if a := e.npBefore(subj); a.ok() && (!ends || len(ts) < 4 || a.pos <= int(ts[3].pos)) {
			return a
		}
		// "…,” saying the city …": an -ing verb's speaker is before the quote,
		// and what follows is what was said, however it starts
		if a := e.npAfter(ts[v+1:]); a.ok() && c&toldVerbs == 0 && (!ends || v <= 3) && !(a.desc && c&ingVerbs != 0) {
			return a
		}
		return attribution{}
	}
	return e.dashLine(qi)
}

// quotedAs reads "Reuters quoted one trader as saying" before verb v: the
// speaker is the one quoted, not the paper that quotes them.
func (e *extractor) quotedAs(ts []tok, v int) (attribution, bool) {
	if v < 4 || ts[v-1].kind != tWord || e.lower(ts[v-1]) != "as" {
		return attribution{}, false
	}
	for q := v - 3; q >= 0 && v-q <= 16; q-- {
		if ts[q].kind != tWord {
			continue
		}
		switch e.lower(ts[q]) {
		case "quoted", "quotes", "quoting":
			who := ts[q+1 : v-1]
			for len(who) > 0 && who[len(who)-1].kind != tWord {
				who = who[:len(who)-1]
			}
			if len(who) == 0 {
				return attribution{}, false
			}
			switch lw := e.lower(who[0]); {
			case len(who) == 1 && (lw == "him" || lw == "her"):
				he := "he" // "the Times quoted him as saying"
				if lw == "her" {
					he = "she"
				}
				return attribution{name: he, mention: e.s(who[0]), pos: int(who[0].pos), pronoun: true}, true
			case !who[0].cap && !who[len(who)-1].cap && len(who) <= 8 && !e.hasPunct(who, ","):
				// "a source close to the talks", "analysts": the words as they stand
				m := e.text[who[0].pos:who[len(who)-1].end]
				return attribution{name: m, mention: m, pos: int(who[0].pos), desc: true}, true
			}
			a := e.npAfter(who)
			return a, a.ok()
		}
	}
	return attribution{}, false
}

// introduces is true when the words ts between quote qi and the next quote
// are a new sentence that leads into the next one with a colon or a comma
// (“…” Smith added: “…”), not the end of qi's own sentence (“…,” Smith
// said, adding: “…”).
func (e *extractor) introduces(qi int, ts []tok) bool {
	p, next := e.parts[e.toks[qi].part], e.toks[qi+len(ts)+1]
	return e.isPunct(ts[len(ts)-1], ":,") && e.endsSentenceAsked(p) && e.parts[next.part].group != p.group
}

// endsOnMark is true for a quote whose words end on a stop, a comma, a
// question or an exclamation: a sentence, not a name.
func (e *extractor) endsOnMark(p part) bool {
	s := e.text[p.span.Start:p.span.End]
	return s != "" && strings.IndexByte(".,!?", s[len(s)-1]) >= 0 || strings.HasSuffix(s, "…")
}

// leadingName is the name right after a quote when an appositive follows
// it: “…,” Nate Silver, the polling guru who founded the site, tweeted.
func (e *extractor) leadingName(ts []tok) attribution {
	i := 0
	for i < len(ts) && e.isPunct(ts[i], ",") {
		i++
	}
	j := i
	for j < len(ts) && j-i < 5 && ts[j].kind == tWord && (ts[j].cap || e.is(&ts[j], particles)) {
		j++
	}
	if j-i < 2 || j >= len(ts) || !e.isPunct(ts[j], ",") {
		return attribution{}
	}
	if a := e.nounPhrase(ts[i:j]); a.ok() && !a.desc && !a.pronoun && strings.IndexByte(a.name, ' ') > 0 {
		return a
	}
	return attribution{}
}

// dashLine reads a speaker given on the line after a quote: "— Jane Doe".
func (e *extractor) dashLine(qi int) attribution {
	next := qi + 1
	if next >= len(e.toks) || e.toks[next].para == e.toks[qi].para || e.toks[next].para != e.toks[qi].para+1 || !e.isPunct(e.toks[next], dashes) {
		return attribution{}
	}
	end := next + 1
	for end < len(e.toks) && e.toks[end].para == e.toks[next].para {
		end++
	}
	if end-next > 10 {
		return attribution{}
	}
	for _, t := range e.toks[next+1 : end] {
		if t.kind == tQuote || e.isPunct(t, ":") {
			return attribution{} // "- Sir Alex Ferguson: “…”" brings in a quote of its own
		}
	}
	if a := e.npAfter(e.toks[next+1 : end]); a.ok() && !a.pronoun {
		return a
	}
	return attribution{}
}

// cueBefore reads an attribution that introduces a quote: `Putin said: “`,
// `Mr. Smith told reporters that “`, `According to Reuters, “`, `Jones: “`.
func (e *extractor) cueBefore(qi int) attribution {
	start := e.sentenceBefore(qi)
	ts := e.toks[start:qi]
	if len(ts) > 0 && e.isPunct(ts[0], dashes) {
		ts = ts[1:] // a list of reactions: "- Manchester United boss Sir Alex Ferguson: “"
	}
	// `Jones: “`, but not `He told BBC News: “`, whose speaker is before the verb
	if n := len(ts); n >= 2 && e.isPunct(ts[n-1], ":") && n <= 8 && !e.hasVerb(ts[:n-1]) {
		if a := e.nounPhrase(ts[:n-1]); a.ok() && !a.desc {
			return a
		}
	}
	return e.cueIn(ts, true)
}

// cueIn finds a speech verb in a sentence and the speaker it names; near
// prefers the verb nearest the end (the quote follows).
func (e *extractor) cueIn(ts []tok, near bool) attribution {
	for k := range ts {
		v := k
		if near {
			v = len(ts) - 1 - k
		}
		t := ts[v]
		if t.kind != tWord || t.cap && v > 0 && ts[v-1].kind == tWord && ts[v-1].cap && e.lower(t) == "states" {
			continue // the United States; not a headline's "Clinton Says"
		}
		lw := e.lower(t)
		if lw == "according" && v+1 < len(ts) && e.lower(ts[v+1]) == "to" {
			// a source, not "according to the steps they're taking"
			if a := e.npAfter(ts[v+2:]); a.ok() && !(a.desc && (strings.Count(a.name, " ") > 4 || contraction(a.name))) {
				return a
			}
			continue
		}
		putIt := lw == "put" && v+1 < len(ts) && e.lower(ts[v+1]) == "it" // as Amar put it, “…”
		var c wordSet
		if putIt || e.pointsOut(ts, v) {
			c = lex.class("said")
		} else {
			c = e.cl(&ts[v])
		}
		if c&speechVerbs == 0 || v > 0 && e.isNoun(&ts[v-1]) || e.naming(ts, v) {
			continue
		}
		if a, ok := e.quotedAs(ts, v); ok {
			return a
		}
		if c&ingVerbs != 0 && !(v > 0 && e.is(&ts[v-1], auxiliaries)) { // "is telling" has its subject before
			if a := e.npAfter(ts[v+1:]); a.ok() && !a.desc && !a.pronoun && c&listenerVerbs == 0 {
				return a
			}
			if a := e.clauseSubject(ts[:v]); a.ok() {
				return a
			}
			continue
		}
		if a := e.npBefore(ts[:v]); a.ok() {
			return a
		}
		if v >= 2 && e.lower(ts[v-1]) == "to" { // allowed Mosseri to claim
			if a := e.npBefore(ts[:v-1]); a.ok() && !a.desc && !a.pronoun {
				return a
			}
		}
		if a := e.npAfter(ts[v+1:]); a.ok() && !a.desc && c&listenerVerbs == 0 && !putIt {
			return a
		}
		if a := e.clauseSubject(ts[:v]); a.ok() {
			return a
		}
	}
	return attribution{}
}

// pointsOut is true for "points out", "pointed out": a verb of two words
// that cites as "says" does.
func (e *extractor) pointsOut(ts []tok, v int) bool {
	switch e.lower(ts[v]) {
	case "points", "pointed": // not "pointing out the mistake", whose subject is before
		return v+1 < len(ts) && ts[v+1].kind == tWord && e.lower(ts[v+1]) == "out"
	}
	return false
}

// clauseOpener is true for a word that opens a chunk between commas that
// names no subject: "Tim Henman, who now faces Russian Igor Andreev in the
// last 16, admitted". Not "as" ("As Jane Doe, author of …, put it").
func clauseOpener(w string) bool {
	switch w {
	case "who", "whose", "whom", "which":
		return true
	}
	return false
}

// cueNearby looks for a speaker in the sentence before a bare quote, or a
// paragraph before it that ends in a colon: `He explained his vote. “…”`.
func (e *extractor) cueNearby(qi int) attribution {
	start := e.sentenceBefore(qi)
	if start == 0 {
		return attribution{}
	}
	prevEnd := start - 1
	if e.toks[prevEnd].kind == tQuote {
		return attribution{}
	}
	from := e.sentenceBefore(prevEnd)
	if from < prevEnd && e.toks[from].kind == tQuote {
		return attribution{}
	}
	if e.toks[prevEnd].para != e.toks[qi].para && !e.isPunct(e.toks[prevEnd], ":") {
		// "…, Mr Howard said.¶“We watched …”": what a paragraph ends on
		// reporting someone's words brings in the quote that opens the next
		if start == qi && e.toks[prevEnd].para+1 == e.toks[qi].para && e.isPunct(e.toks[prevEnd], ".") {
			if a := e.cueIn(e.toks[from:prevEnd], false); a.ok() && !a.desc && (a.pronoun || e.isPersonName(e.full(a.name, a.pos), a.mention != a.name)) {
				return a
			}
		}
		return attribution{}
	}
	if a := e.cueIn(e.toks[from:prevEnd], false); a.ok() {
		return a
	}
	if e.toks[prevEnd].para != e.toks[qi].para {
		// "President Clinton released the following statement:"
		return e.clauseSubject(e.toks[from:prevEnd])
	}
	// "Smith was blunt. “…”": the person the sentence before is about
	ts := e.toks[from:prevEnd]
	if len(ts) >= 2 && ts[0].cap {
		j := 0
		for j < len(ts) && j < 5 && ts[j].kind == tWord && ts[j].cap {
			j++
		}
		k := j
		if k+3 < len(ts) && e.isPunct(ts[k], ",") && setOffAdverb(e.lower(ts[k+1])) && e.isPunct(ts[k+2], ",") {
			k += 3 // "Ruddock, though, is keen"
		}
		if k < len(ts) && ts[k].kind == tWord && !ts[k].cap {
			if a := e.nounPhrase(ts[:j]); a.ok() && !a.desc && !a.pronoun && len(e.names()) > 0 && e.isPerson(a.name) && !acronymName(a.name) {
				return a
			}
		}
	}
	return attribution{}
}

// setOffAdverb is a word set off by commas after a subject: "Ruddock,
// though, is keen".
func setOffAdverb(lw string) bool {
	switch lw {
	case "though", "however", "meanwhile", "too", "also", "instead", "meantime", "nevertheless":
		return true
	}
	return false
}

// hasQuote is true when a quote is among ts.
func (e *extractor) hasQuote(ts []tok) bool {
	return slices.ContainsFunc(ts, func(t tok) bool { return t.kind == tQuote })
}

// isPerson is true when the article gives the name in full somewhere.
func (e *extractor) isPerson(name string) bool {
	last := name[strings.LastIndexByte(name, ' ')+1:]
	for _, p := range e.names() {
		if p.last == last && p.multi {
			return true
		}
	}
	return false
}

// isNoun is true when the word before a speech verb makes it a noun: "the
// states", "his remarks", "news reports".
func (e *extractor) isNoun(prev *tok) bool {
	return prev.kind == tWord && (e.is(prev, determiners) && !e.is(prev, pronounWords) || !prev.cap && e.lower(*prev) == "news" || // not Fox News
		possessive(e.s(*prev))) // "Lord Butler's comments were"
}

// clauseSubject is the first noun phrase of a clause: "Smith left, saying".
func (e *extractor) clauseSubject(ts []tok) attribution {
	// the subject opens the clause or follows an opening phrase and its
	// comma ("During the speech, Trump attacked …"), and a verb follows it
	for i := 0; i < len(ts); i++ {
		if i > 0 && !e.isPunct(ts[i-1], ",") {
			continue
		}
		t := &ts[i]
		if t.kind != tWord || !t.cap && !e.is(t, pronounWords) {
			continue
		}
		j := i + 1
		for j < len(ts) && ts[j].kind == tWord && (ts[j].cap || e.is(&ts[j], particles)) && !e.is(t, pronounWords) {
			j++
		}
		for m := j; m < len(ts) && m-j < 2 && ts[m].kind == tWord && !ts[m].cap && !e.is(&ts[m], stopWords); m++ {
			if spokes(e.lower(ts[m])) && (m+1 == len(ts) || !ts[m+1].cap) { // "An All England club spokesperson denied …, insisting"; not "EC spokeswoman Marja …"
				mention := e.text[ts[i].pos:ts[m].end]
				return attribution{name: mention, mention: mention, pos: int(ts[i].pos), desc: true}
			}
		}
		if e.describesNext(ts[j:]) {
			// "Lib Dem president Simon Hughes branded", "Newcastle boss
			// Graeme Souness has reopened": the name after the role
			m := j
			for m < len(ts) && ts[m].kind == tWord && !ts[m].cap {
				m++
			}
			n := m
			for n < len(ts) && n-m < 5 && ts[n].kind == tWord && (ts[n].cap || e.is(&ts[n], particles)) {
				n++
			}
			if a := e.nounPhrase(ts[m:n]); n > m && a.ok() && !a.desc {
				return a
			}
		}
		k := j
		for k < len(ts) && ts[k].kind == tWord && e.isAdverb(&ts[k]) {
			k++ // "Mr. Putin also veered"
		}
		if k >= len(ts) || ts[k].kind != tWord || ts[k].cap || e.is(&ts[k], stopWords) && k == j {
			continue
		}
		if k == j && possessive(e.s(ts[j-1])) && e.roleAfter(ts[j:]) {
			continue // "Scotland's justice minister has warned": whose, not who
		}
		if i > 1 && k == j && isRole(e.s(ts[k])) && e.allCaps(ts[:i-1]) {
			// "Brent Bozell, PTC president and conservative activist said": a
			// body's role after a name and its comma describes the name (a
			// name alone before the comma: not "After talks with Tony Blair,")
			if b := e.nounPhrase(ts[:i-1]); b.ok() && !b.desc && !b.pronoun && strings.IndexByte(b.name, ' ') > 0 {
				return b
			}
		}
		if a := e.nounPhrase(ts[i:j]); a.ok() && !a.desc {
			return a
		}
	}
	return attribution{}
}

// npBefore reads the noun phrase that ends right before a verb: "Putin",
// "Sen. Jane Doe (D-Ohio)", "Jane Doe, a senator from Ohio,", "he", "the Kremlin".
func (e *extractor) npBefore(ts []tok) attribution {
	j := len(ts)
	for j > 0 && ts[j-1].kind == tWord && e.isAdverb(&ts[j-1]) {
		j--
	}
	if j > 0 && e.isPunct(ts[j-1], ")") { // (D-Ohio)
		k := j - 1
		for k > 0 && !e.isPunct(ts[k], "(") && j-k < 8 {
			k--
		}
		if e.isPunct(ts[k], "(") {
			j = k
		}
	}
	if j > 2 && e.isPunct(ts[j-1], dashes) && e.setOff(ts[j-2], ts[j-1]) {
		// "Andrei Illarionov - then economic adviser to President
		// Vladimir Putin - told": the name before the dashes; "The
		// chairman of BP - Lord Browne - told": the name between them
		for k := j - 2; k > 0 && j-k < 16; k-- {
			if e.isPunct(ts[k], dashes) {
				if e.setOff(ts[k-1], ts[k]) {
					if a := e.nounPhrase(ts[k+1 : j-1]); a.ok() && !a.desc && !a.pronoun && e.allCaps(ts[k+1:j-1]) &&
						(strings.IndexByte(a.name, ' ') > 0 || e.knownPerson(e.full(a.name, a.pos))) {
						return a // nothing but a name between them
					}
					if a := e.npBefore(ts[:k]); a.ok() && !a.desc {
						return a
					}
				}
				break
			}
		}
	}
	if j >= 3 && ts[j-1].kind == tWord && !ts[j-1].cap && e.lower(ts[j-1]) == "who" && e.isPunct(ts[j-2], ",") {
		return e.whoAntecedent(ts[:j-2])
	}
	if j > 0 && (e.isPunct(ts[j-1], ",") || e.commaQuoted(ts[j-1])) {
		// appositives: "Jane Doe, a senator from Ohio, one of the sponsors,";
		// the subject is the first full name or pronoun among the commas
		// ("The Shadow Secretary for the Family, Theresa May,"), else the first name
		from := 0
		var first attribution
		afterPrep := false // the chunk before opened on a preposition
		for k := 0; k < j; k++ {
			if !e.isPunct(ts[k], ",") && !(k == j-1 && e.commaQuoted(ts[k])) {
				continue
			}
			// a relative clause runs to the comma before the verb, its
			// lists' commas too: "whose films include Schindler's List,
			// Michael Collins and Star Wars: The Phantom Menace,"
			if k > from && ts[from].kind == tWord && clauseOpener(e.lower(ts[from])) {
				if afterPrep { // "In a statement, which was released on Friday, the chairman, …"
					from = k + 1
					continue
				}
				break
			}
			afterPrep = k > from && ts[from].kind == tWord && e.is(&ts[from], prepositions)
			// a chunk that opens on a preposition ("In Ohio,") names no
			// subject, nor a name after one ("A spokesman for DLF Builders,")
			if k > from && !(ts[from].kind == tWord && e.is(&ts[from], prepositions)) {
				a := e.npBefore(ts[from:k])
				if at := e.objectAt(ts[from:k], a.pos); at > 0 {
					after := a
					a = e.npBefore(ts[from : from+at]) // "Holger Schmieding of Berenberg,"
					if e.objectAt(ts[from:from+at], a.pos) > 0 {
						a = attribution{} // "Tuesday at Baldwin Wallace University in Berea,"
					}
					// "Chairman of the Environmental Audit Committee Peter
					// Ainsworth MP,": a title of a body, then the name
					if at == 1 && e.is(&ts[from], titles) && after.ok() && !after.desc {
						if b := e.nameAtEnd(ts[from+at : k]); b.ok() {
							a = b
						}
					}
				}
				if a.ok() && !a.desc {
					if a.pronoun || strings.IndexByte(a.name, ' ') > 0 {
						return a
					}
					if !first.ok() {
						first = a
					}
				}
			}
			from = k + 1
		}
		return first
	}
	i := j
	for i > 0 && j-i < 8 {
		t := ts[i-1]
		if t.kind != tWord {
			if e.isPunct(t, dashes) && i > 1 && ts[i-2].kind == tWord && ts[i-2].end == t.pos {
				i--
				continue
			}
			break
		}
		c := e.cl(&ts[i-1])
		if !t.cap && c&stopWords != 0 {
			break
		}
		i--
		if c&determiners != 0 {
			break
		}
	}
	// a relative clause left without its closing comma ends on the noun
	// phrase read: "Ms Robinson, who presents The Weakest Link tells …";
	// the subject is the one before it
	for k := i - 1; k > 0 && i-k <= 3; k-- {
		t := &ts[k]
		if t.kind != tWord || t.cap {
			break
		}
		if e.lower(*t) == "who" {
			if k < i-1 && e.isPunct(ts[k-1], ",") {
				return e.npBefore(ts[:k-1])
			}
			break
		}
	}
	if a, ok := e.bodySpokesman(ts, i, j); ok {
		return a
	}
	of := i
	if of >= 3 && of < j && e.lower(ts[of]) == "the" && ts[of-1].kind == tWord && ts[of-1].cap && e.lower(ts[of-2]) == "of" {
		of-- // "Laura Brownlees of Save the Children": the body's name holds "the"
	}
	if a, ok := e.ofPhrase(ts, of, j); ok {
		return a
	}
	a := e.nounPhrase(ts[i:j])
	// an appositive left without its closing comma: "Katrina Bull, a
	// prospective parliamentary candidate said": the name before it
	if a.desc && i >= 2 && e.isPunct(ts[i-1], ",") && ts[i].kind == tWord && (e.lower(ts[i]) == "a" || e.lower(ts[i]) == "an") {
		if b := e.npBefore(ts[:i-1]); b.ok() && !b.desc && !b.pronoun && strings.IndexByte(b.name, ' ') > 0 {
			return b
		}
	}
	// or a body after the name and a comma: "Colin Asplin, Blackpool Hotel
	// Association said"
	if a.ok() && !a.desc && isOrg(a.name) && i >= 3 && e.isPunct(ts[i-1], ",") {
		if b := e.npBefore(ts[:i-1]); b.ok() && !b.desc && !b.pronoun && knownFirst(b.name) {
			return b
		}
	}
	// or one that opens on a preposition: "Dr Erel Avineri, of the Centre
	// for Transport at the University of the West of England in Bristol
	// said": the place is no speaker, the name before the comma is
	if a.ok() && i >= 1 && ts[i-1].kind == tWord && e.is(&ts[i-1], prepositions) {
		c := i - 1
		for c > 0 && !e.isPunct(ts[c], ",") {
			c--
		}
		// (or on an article: "Jane Doe, an analyst at Deutsche Bank")
		if c > 0 && c+1 < i && ts[c+1].kind == tWord && (e.is(&ts[c+1], prepositions) || e.lower(ts[c+1]) == "of" || anArticle(e.lower(ts[c+1]))) {
			if b := e.npBefore(ts[:c]); b.ok() && !b.desc && !b.pronoun && strings.IndexByte(b.name, ' ') > 0 {
				return b
			}
		}
	}
	return a
}

// knownFirst is true for a name of two words or more that opens on a
// first name the lists know.
func knownFirst(name string) bool {
	first, _, multi := strings.Cut(name, " ")
	return multi && (firstNameGender(first) != 0 || moreFirstNames.hasFold(first))
}

// allCaps is true when every token of ts is a word in capitals, or a
// particle of a name (de, van).
func (e *extractor) allCaps(ts []tok) bool {
	for i := range ts {
		if ts[i].kind != tWord || !ts[i].cap && !e.is(&ts[i], particles) {
			return false
		}
	}
	return len(ts) > 0
}

// branding is true for a verb that puts a name on something: its words
// come after it (Mr Howard branded it “a con”), so after a quote it is
// another clause's (“prudent and fair”, but Mr Howard branded it a con).
func branding(lw string) bool {
	switch lw {
	case "hailed", "hails", "branded", "brands", "dubbed", "dubs", "labelled", "labeled", "labels":
		return true
	}
	return false
}

// contraction is true for words with 're, 've, 'll or n't: a clause, not a
// source (the prime minister's spokesman is one).
func contraction(s string) bool {
	for _, c := range []string{"'re", "’re", "'ve", "’ve", "'ll", "’ll", "n't", "n’t"} {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

// anArticle is true for a, an and the.
func anArticle(w string) bool { return w == "a" || w == "an" || w == "the" }

// setOff is true for a dash that sets words off, not a hyphen: one with a
// space before it, or a dash no hyphen is (—, –) even unspaced.
func (e *extractor) setOff(before, dash tok) bool {
	return before.end != dash.pos || e.s(dash) != "-"
}

// whoAntecedent is who said a quote after ", who said": the phrase ts
// ends on. "denied by a UKIP spokesman, who said" is the spokesman's; a
// place or a body after a preposition is nobody's ("a mother-of-two from
// Leeds, who said", "a spokesman for the Prime Minister, who").
func (e *extractor) whoAntecedent(ts []tok) attribution {
	if a := e.npBefore(ts); a.ok() {
		if full := e.full(a.name, a.pos); !a.desc && !a.pronoun && e.knownPerson(full) &&
			(strings.IndexByte(a.name, ' ') > 0 || strings.HasSuffix(full, " "+a.name)) {
			return a // "for Holmes, who has admitted"; not "of ex-King Michael", another Michael's first name
		}
		k := len(ts) - 1
		for k > 0 && int(ts[k].pos) > a.pos {
			k--
		}
		for n := 0; n < 4 && k > 0 && !e.isPunct(ts[k-1], ",") && ts[k-1].kind != tQuote; n++ {
			if k--; ts[k].kind == tWord && (e.is(&ts[k], prepositions) || e.lower(ts[k]) == "of") && e.lower(ts[k]) != "by" {
				return attribution{} // "of ex-King Michael of Romania, who"
			}
		}
		a.object = true
		return a
	}
	return attribution{}
}

// bodySpokesman reads back whole the name of a body before "spokesman"
// ending ts[i:j], with its small words and a list's commas: "a Department
// for Work and Pensions spokeswoman", "a Department for Culture, Media and
// Sport spokeswoman".
func (e *extractor) bodySpokesman(ts []tok, i, j int) (attribution, bool) {
	if j-i < 2 || !ts[i].cap || !spokes(e.lower(ts[j-1])) {
		return attribution{}, false
	}
	k := i
	for {
		m := k
		for m > 0 && k-m < 3 && (e.bodyJoiner(ts[m-1]) || e.isPunct(ts[m-1], ",")) {
			m--
		}
		if m == k || m == 0 || ts[m-1].kind != tWord || !ts[m-1].cap || j-m > 14 {
			break
		}
		comma := e.isPunct(ts[m], ",")
		for m > 0 && j-m <= 14 && ts[m-1].kind == tWord && ts[m-1].cap && !e.is(&ts[m-1], determiners) {
			m--
		}
		if comma && (m == 0 || !e.bodyJoiner(ts[m-1])) {
			break // "Rhodri Glyn Thomas, Plaid Cymru …", "On Monday, Mr Blair's …": no name's list
		}
		k = m
	}
	if k < i {
		from := k
		if k > 0 && e.is(&ts[k-1], determiners) {
			from = k - 1
		}
		mention := e.text[ts[from].pos:ts[j-1].end]
		return attribution{name: mention, mention: mention, pos: int(ts[from].pos), desc: true}, true
	}
	return attribution{}, false
}

// ofPhrase reads the noun phrase ts[i:j] before a verb when "of" comes
// before it: "Eric Schnaible of the PCO told" is Eric Schnaible's, "the
// Bank of England said" and "the Archbishop of Canterbury said" are the
// bank's and the archbishop's, "Governor of the Bank of England Mervyn King
// said" is Mervyn King's; not the body's or the place's alone.
func (e *extractor) ofPhrase(ts []tok, i, j int) (attribution, bool) {
	if i < 2 || j-i < 1 || ts[i-1].kind != tWord || e.lower(ts[i-1]) != "of" {
		return attribution{}, false
	}
	run := ts[i:j]
	if e.is(&run[0], determiners) {
		run = run[1:]
	}
	if len(run) == 0 || !run[0].cap {
		return attribution{}, false
	}
	// "Secretary of State Kerry", "of the Bank of England Mervyn King": a
	// person the text names in full ends the phrase
	if last := run[len(run)-1]; len(run) >= 2 && last.cap && !possessive(e.s(last)) {
		if full := e.full(e.s(last), int(last.pos)); full != e.s(last) && e.knownPerson(full) && e.onlyOne(e.s(last)) {
			return attribution{name: full, mention: e.text[ts[i].pos:last.end], pos: int(last.pos)}, true
		}
	}
	// a person named after the body: "of the Commons Oliver Heald"
	for f := 1; f+1 < len(run); f++ {
		if run[f].cap && run[f+1].cap && e.is(&run[f], maleNames|femaleNames|moreFirstNames) {
			if a := e.nounPhrase(run[f:]); a.ok() && !a.desc {
				return a, true
			}
		}
	}
	if ts[i-2].kind != tWord || !ts[i-2].cap {
		return attribution{}, false
	}
	h := i - 2
	for h > 0 && i-2-h < 3 && ts[h-1].kind == tWord && (ts[h-1].cap || e.is(&ts[h-1], particles)) {
		h--
	}
	before := ts[h : i-1]
	for len(before) > 1 && e.is(&before[0], determiners|notNames) {
		before = before[1:]
	}
	// "A Top of the Pops spokesperson said"
	bodys := !run[len(run)-1].cap && spokes(e.lower(run[len(run)-1]))
	// "The British Chambers of Commerce", "Friends of the Earth": a plural
	// before "of" names a body, not a person
	hw := e.s(before[len(before)-1])
	// (one word, or after a nationality: a surname ends on s too, Hywel
	// Williams of Plaid Cymru, Lord Nicholls of Birkenhead)
	plural := len(hw) > 3 && hw[len(hw)-1] == 's' && !possessive(hw) && before[len(before)-1].cap &&
		(len(before) == 1 || len(before) == 2 && isDemonym(e.lower(before[0]))) &&
		!e.knownPerson(e.full(hw, int(before[len(before)-1].pos)))
	if a := e.nounPhrase(before); a.ok() && !a.desc && !isOrg(a.name) && !e.is(&before[len(before)-1], titles) && !bodys && !plural {
		if e.knownPerson(e.full(a.name, a.pos)) {
			return a, true // a person of a body
		}
		return attribution{}, false
	}
	if head := &before[len(before)-1]; len(run) <= 2 && (isOrg(e.s(*head)) || e.is(head, titles) || bodys || plural) {
		// "John Smith of the University of Leeds": a person of a body
		// whose name holds "of"
		if k := i - 1 - len(before); k >= 2 && e.is(&ts[k-1], determiners) && e.lower(ts[k-2]) == "of" {
			if a, ok := e.ofPhrase(ts, k-1, i-1); ok && !a.desc {
				return a, true
			}
		}
		from, to := int(before[0].pos), int(run[len(run)-1].end)
		name := e.text[from:to]
		// what a body or an office said, no person's name: never whom
		// a he or a she is
		return attribution{name: name, mention: name, pos: from, desc: true}, true
	}
	return attribution{}, false
}

// spokes is true for a spokesman, spokeswoman or spokesperson, in lower
// case: who speaks for a body, and whom the text seldom names.
func spokes(lw string) bool { return strings.HasPrefix(lw, "spokes") }

// allDigits is true for a number written in digits alone: 1, 4, 2005.
func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// whoseRole names a role of someone's as the same words wherever it
// stands: "Prime Minister Tony Blair's official spokesman" and "Mr Blair's
// official spokesman" are Tony Blair's official spokesman; a place's or a
// body's name is left as it is (Scotland's is no BBC Radio Scotland's).
func (e *extractor) whoseRole(ts []tok, owner int) string {
	w := e.s(ts[owner])
	suffix := "'s"
	if strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "’") {
		suffix = "’s"
	}
	name := e.cleanName(ts[:owner+1])
	if name == "" {
		return lowerArticle(e.text[ts[0].pos:ts[len(ts)-1].end])
	}
	honored := owner > 0 && e.is(&ts[0], honorifics)
	if (honored || strings.IndexByte(name, ' ') > 0) && e.isPersonName(name, honored) {
		if full := e.full(name, int(ts[0].pos)); full != name {
			name = full
		} else if honored {
			name = e.text[ts[0].pos:ts[owner].end] // Mr Smith's, when the text gives no fuller name
			name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
		}
	} else if e.is(&ts[0], determiners) {
		name = strings.ToLower(e.s(ts[0])) + " " + name // the Government's spokesman
	}
	return name + suffix + e.text[ts[owner].end:ts[len(ts)-1].end]
}

// bodyJoiner is a small word inside a body's name: Department for Work and
// Pensions, Society for the Prevention of Cruelty to Children.
func (e *extractor) bodyJoiner(t tok) bool {
	if t.kind != tWord || t.cap {
		return false
	}
	switch e.lower(t) {
	case "and", "for", "of", "&", "the", "to":
		return true
	}
	return false
}

// roleAfter is true when ts opens on a person's role in a few words in
// lower case: "justice minister has warned", "official spokesman said",
// not "statement said".
func (e *extractor) roleAfter(ts []tok) bool {
	for i := 0; i < len(ts) && i < 3 && ts[i].kind == tWord && !ts[i].cap; i++ {
		if isRole(e.s(ts[i])) {
			return true
		}
	}
	return false
}

// isRole is true for a word naming what a person is, not a word of a
// title that says no more than which one (state, former, chief).
func isRole(w string) bool {
	if roles.hasFold(w) {
		return true
	}
	for _, r := range [...]string{"spokesman", "spokeswoman", "spokesperson", "secretary", "adviser", "advisor", "aide", "lawyer", "leader", "chairman", "chairwoman"} {
		if strings.EqualFold(w, r) { // no lower-cased copy: asked of every phrase's last word
			return true
		}
	}
	return false
}

// nameAtEnd is the full name that ends ts, after the words of a body's
// name: "the Environmental Audit Committee Peter Ainsworth MP" gives Peter
// Ainsworth MP when the text knows Peter as a first name.
func (e *extractor) nameAtEnd(ts []tok) attribution {
	for k := len(ts) - 2; k >= 0 && len(ts)-k <= 4; k-- {
		if ts[k].kind == tWord && ts[k].cap && e.is(&ts[k], maleNames|femaleNames|moreFirstNames) {
			if a := e.nounPhrase(ts[k:]); a.ok() && !a.desc && !a.pronoun && strings.IndexByte(a.name, ' ') > 0 {
				return a
			}
			return attribution{}
		}
	}
	return attribution{}
}

// commaQuoted is true for a title or a term in marks whose comma stands
// inside them, as American style has it: author of “America's Unwritten
// Constitution,” put it.
func (e *extractor) commaQuoted(t tok) bool {
	if t.kind != tQuote {
		return false
	}
	p := e.parts[t.part]
	return p.frag && p.span.End > p.span.Start && e.text[p.span.End-1] == ','
}

// objectAt is the index in ts of the preposition before the mention at pos,
// which makes the name an object, not who acts; 0 when there is none.
func (e *extractor) objectAt(ts []tok, pos int) int {
	for i := 1; i < len(ts); i++ {
		if int(ts[i].pos) == pos {
			if ts[i-1].kind == tWord && e.is(&ts[i-1], objectPrepositions) {
				return i - 1
			}
			return 0
		}
	}
	return 0
}

// objectPrepositions take a name as their object and never open a clause
// the way after, before and since do.
var objectPrepositions = newWordSet(`of for at from with to by in on about under against among within without into over
through across`)

// npAfter reads the noun phrase after a verb: "said Aliyev", "said Sen. Jane
// Doe, a Democrat", "said the Kremlin spokesman, Dmitry Peskov".
func (e *extractor) npAfter(ts []tok) attribution {
	end := 0
	for end < len(ts) && end < 8 && ts[end].kind == tWord {
		if end > 0 && !ts[end].cap && e.is(&ts[end], stopWords|speechVerbs) && !e.titleGoesOn(ts, end) {
			break
		}
		end++
	}
	if end == 0 || end < len(ts) && ts[end].kind == tWord && !ts[end].cap && e.is(&ts[end], auxiliaries) && !e.is(&ts[0], pronounWords) {
		return attribution{} // "and said a programme had been agreed": the subject of what was said
	}
	first := &ts[0]
	if e.lower(*first) == "that" {
		return attribution{} // adding that Weeks' family …: a clause, not a speaker
	}
	if !first.cap && !e.is(first, determiners|pronounWords) {
		return e.describedName(ts)
	}
	// "said Ladbrokes' Warren Lush": the apostrophe after an s is read as a
	// mark, and the person is the name after it
	if end+1 < len(ts) && e.isPunct(ts[end], "'’") && ts[end].pos == ts[end-1].end && e.text[ts[end].pos-1] == 's' && ts[end+1].cap {
		k := end + 1
		for k < len(ts) && k-end < 5 && ts[k].kind == tWord && (ts[k].cap || e.is(&ts[k], particles)) {
			k++
		}
		if b := e.nounPhrase(ts[end+1 : k]); b.ok() && !b.desc && !b.pronoun {
			return b
		}
	}
	a := e.nounPhrase(ts[:end])
	// "the Kremlin spokesman, Dmitry Peskov", "BA director of commercial
	// planning, Robert Boyle": the name after the comma
	if (a.desc || !a.ok() && slices.ContainsFunc(ts[:end], func(t tok) bool { return e.is(&t, titles) })) &&
		end+1 < len(ts) && e.isPunct(ts[end], ",") && ts[end+1].cap {
		k := end + 1
		for k < len(ts) && k-end < 6 && ts[k].kind == tWord && (ts[k].cap || e.is(&ts[k], particles)) {
			k++
		}
		if b := e.nounPhrase(ts[end+1 : k]); b.ok() && !b.desc && !b.pronoun {
			return b
		}
	}
	// "said one of their lawyers, Michalis Dimitrakopoulos": a description
	// that runs past the words read, then the name after its comma
	if !a.ok() || a.desc {
		for c := end; c < len(ts) && c-end < 6 && ts[c].kind == tWord && !e.is(&ts[c], speechVerbs); c++ {
			if c+2 < len(ts) && e.isPunct(ts[c+1], ",") && ts[c+2].cap {
				k := c + 2
				for k < len(ts) && k-c < 7 && ts[k].kind == tWord && (ts[k].cap || e.is(&ts[k], particles)) {
					k++
				}
				if b := e.nounPhrase(ts[c+2 : k]); b.ok() && !b.desc && !b.pronoun && strings.IndexByte(b.name, ' ') > 0 {
					return b
				}
				break
			}
		}
	}
	return a
}

// titleGoesOn is true when word i, in lower case, joins the words of a
// title in capitals: "said Economic and Fiscal Policy Minister Heizo
// Takenaka", "Chancellor of the Exchequer Gordon Brown".
func (e *extractor) titleGoesOn(ts []tok, i int) bool {
	if !ts[0].cap { // "a telephone memo for Mr Heath" is the memo
		return false
	}
	switch e.lower(ts[i]) {
	case "and", "of", "for", "the":
	default:
		return false
	}
	for k := i + 1; k < len(ts) && k < i+6 && ts[k].kind == tWord; k++ {
		if !ts[k].cap {
			if e.lower(ts[k]) != "the" {
				return false
			}
			continue
		}
		if e.is(&ts[k], titles) {
			return k+1 < len(ts) && ts[k+1].kind == tWord && ts[k+1].cap
		}
	}
	return false
}

// describedName reads a name after a few words in lower case that say who
// the person is: "said judge Claire Armistead", "says veteran industry
// analyst Ken Doctor", "said asbestosis sufferer Bernie Banton".
func (e *extractor) describedName(ts []tok) attribution {
	i := 0
	for i < len(ts) && i < 4 && ts[i].kind == tWord && !ts[i].cap {
		if e.is(&ts[i], stopWords|speechVerbs|determiners|pronounWords|timeWords) || e.isAdverb(&ts[i]) {
			return attribution{}
		}
		i++
	}
	j := i
	for j < len(ts) && j-i < 5 && ts[j].kind == tWord && (ts[j].cap || e.is(&ts[j], particles)) {
		j++
	}
	// the name ends the phrase, or a place or body follows it: "said
	// analyst Ray Neidl at Calyon Securities"
	if i == 0 || j-i < 1 || j < len(ts) && ts[j].kind == tWord && !objectWords.has(e.lower(ts[j])) {
		return attribution{}
	}
	a := e.nounPhrase(ts[i:j])
	if !a.ok() || a.desc || a.pronoun || strings.IndexByte(a.name, ' ') < 0 && !e.isPerson(a.name) {
		return attribution{}
	}
	a.mention, a.pos = e.text[ts[0].pos:ts[j-1].end], int(ts[0].pos)
	return a
}

// conjunctions open a clause before its subject: "but Smith said".
var conjunctions = newWordSet(`but and or so then also later however`)

// nounPhrase classifies a few tokens as a name, a pronoun or a description.
func (e *extractor) nounPhrase(ts []tok) attribution {
	for len(ts) > 0 && (ts[0].kind != tWord || e.is(&ts[0], conjunctions) && len(ts) > 1) {
		ts = ts[1:]
	}
	for len(ts) > 0 && ts[len(ts)-1].kind != tWord {
		ts = ts[:len(ts)-1]
	}
	if len(ts) == 0 || len(ts) > 8 {
		return attribution{}
	}
	mention := e.text[ts[0].pos:ts[len(ts)-1].end]
	pos := int(ts[0].pos)
	if len(ts) == 1 && e.is(&ts[0], pronounWords) {
		return attribution{name: e.s(ts[0]), mention: mention, pos: pos, pronoun: true}
	}
	if last := &ts[len(ts)-1]; len(ts) > 1 && e.is(last, pronounWords) && e.lower(*last) != "it" {
		// "set out the choices he says …": a clause starts at the pronoun
		return e.nounPhrase(ts[len(ts)-1:])
	}
	// the trailing run of capitalized words is the name
	end := len(ts)
	start := end
	if end >= 2 && ts[end-2].cap && ts[end-2].kind == tWord && allDigits(e.s(ts[end-1])) {
		start-- // "Radio 1 said", "Channel 4"
	}
	for start > 0 && ts[start-1].kind == tWord && (ts[start-1].cap || e.is(&ts[start-1], particles) && start < end) {
		start--
	}
	if start == end {
		// a person's role after a name: "the England captain", "the Arsenal boss"
		// "the England captain", "the BPI spokesman"; not "the Tory leader",
		// whom the cues after find in the text
		last := e.lower(ts[len(ts)-1])
		the := len(ts) > 2 && e.lower(ts[0]) == "the" && roles.has(last) ||
			len(ts) > 2 && e.is(&ts[0], determiners) && spokes(last) // "a Honda spokesman"
		// "UKIP spokesman", "Labour Party spokesman": a body's, the article left out
		bodys := len(ts) >= 2 && ts[0].cap && !e.is(&ts[0], determiners) && spokes(last)
		// "Scotland's justice minister": a role of a place's or a body's
		// "Scotland's justice minister", "Mr Blair's official spokesman": a
		// role of a place's, a body's or a person's
		owner := 0
		for owner < len(ts)-1 && owner < 3 && ts[owner].kind == tWord && ts[owner].cap && !possessive(e.s(ts[owner])) {
			owner++
		}
		whose := owner < len(ts)-1 && ts[owner].cap && possessive(e.s(ts[owner])) && isRole(e.s(ts[len(ts)-1]))
		for i, t := range ts {
			// "The singer" opening a sentence; a name in a role
			if t.kind != tWord || t.cap && !(i == 0 && e.is(&ts[i], determiners) || whose && i <= owner || bodys) && !(the && i > 0) {
				return attribution{}
			}
		}
		lastWord := &ts[len(ts)-1]
		if e.is(lastWord, timeWords) || e.is(&ts[0], timeWords) || strings.HasSuffix(e.lower(*lastWord), "ing") {
			return attribution{}
		}
		if whose {
			return attribution{name: e.whoseRole(ts, owner), mention: mention, pos: pos, desc: true}
		}
		if e.is(&ts[0], determiners) && len(ts) > 1 || bodys || len(ts) <= 2 && e.is(lastWord, groups) {
			return attribution{name: mention, mention: mention, pos: pos, desc: true}
		}
		return attribution{}
	}
	// "Scottish Finance Minister": a nationality and a portfolio are
	// words of a title too
	allTitles := isRole(e.s(ts[end-1]))
	for k := start; k < end && allTitles; k++ {
		allTitles = e.is(&ts[k], titles) && !e.is(&ts[k], honorifics) || k == start && e.is(&ts[k], determiners) && end-start > 1 ||
			k < end-1 && (e.is(&ts[k], demonyms) || portfolio(e.lower(ts[k])))
	}
	if allTitles && (start > 0 || end-start > 1) {
		// "the Prime Minister said": a description, not a name "Minister"
		return attribution{name: mention, mention: mention, pos: pos, desc: true}
	}
	if end-start >= 2 && some.has(e.lower(ts[start])) {
		if w := e.s(ts[end-1]); pluralGroup(e.lower(ts[end-1])) && !possessive(w) {
			// "Senior Tories said", "Some Democrats": a few of a body, as
			// mid-sentence; no one's name
			m := e.text[ts[start].pos:ts[end-1].end]
			m = strings.ToLower(m[:1]) + m[1:]
			return attribution{name: m, mention: mention, pos: pos, desc: true}
		}
	}
	name := e.cleanName(ts[start:end])
	if name == "" {
		return attribution{}
	}
	// "a New Hampshire Republican": a description, whatever its capitals;
	// not "her agent Barry Brown" or "a Brussels summit Mr Blair", whose
	// title or honorific says a person is named
	if start > 0 && e.is(&ts[0], determiners) && e.lower(ts[0]) != "the" &&
		!e.is(&ts[start-1], titles) && !(start > 1 && describes(e.s(ts[start-1]))) && !e.is(&ts[start], honorifics) &&
		!(start == 2 && end == 3 && !ts[1].cap && e.full(name, pos) != name) { // "An angry Beattie": a surname the text names in full
		return attribution{name: mention, mention: mention, pos: pos, desc: true}
	}
	return attribution{name: name, mention: mention, pos: pos}
}

// pluralGroup is true for a word that names many of a party or a kind
// (Tories, Democrats, Republicans); not a surname in s (Soames, Giggs).
func pluralGroup(lw string) bool {
	if parties.has(lw) && strings.HasSuffix(lw, "s") {
		return true
	}
	for _, suf := range []string{"ans", "ats", "ives", "als", "ists"} {
		if len(lw) > len(suf)+2 && strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// some are the words that make a group of some of a body: "Senior Tories".
var some = newWordSet(`senior some many several other leading top rebel most few both all fellow`)

// cleanName drops titles and sentence-start words from a capitalized run.
func (e *extractor) cleanName(ts []tok) string {
	name, _ := e.cleanNameN(ts)
	return name
}

// cleanNameN is cleanName and the number of words of the name.
func (e *extractor) cleanNameN(ts []tok) (string, int) {
	last := -1
	for i, t := range ts[:len(ts)-1] { // a name ends in a name: Larry King, not a title
		if e.is(&ts[i], titles) && !(i == 0 && len(ts) == 2 && e.firstNameToo(t)) &&
			!(e.s(t) == "US" && len(ts) == 2 && isOrg(e.s(ts[1]))) { // US President Bush, but US Airways
			last = i
			continue
		}
		// "Iraqi President Jalal Talabani", "the European Commissioner"; not
		// "Kelli White", "Julian White": before a title that ends the run,
		// only a nationality the lists know
		if t.end-t.pos > 1 && e.text[t.end-1] == '.' && titles.has(e.lowerAll(t)) ||
			e.is(&ts[i+1], titles) && isDemonym(e.lower(t)) && (i+2 < len(ts) || e.demonym(&ts[i])) ||
			possessive(e.s(t)) && !strings.HasSuffix(e.s(t), "'") && !strings.HasSuffix(e.s(t), "’") { // the Media Research Center’s Bozell; not the Music Managers' Forum
			last = i
		}
	}
	if last >= 0 && last == len(ts)-2 && isDemonym(e.lower(ts[last])) && strings.EqualFold(e.s(ts[last+1]), "executive") {
		last = -1 // "the Scottish Executive": a body, not a title left alone
	}
	if last >= 0 && last == len(ts)-2 && peerage(e.s(ts[last])) != 0 && !e.is(&ts[last+1], titles) {
		last-- // "Lord Falconer": a peer is known by the title and one name
	}
	ts = ts[last+1:]
	if len(ts) > 1 && ts[0].end-ts[0].pos > 1 && isUpperByte(e.text[ts[0].pos+1]) && shouting(e.s(ts[0])) && shouting(e.s(ts[1])) {
		return "", 0 // RED STATES OUTNUMBER BLUE: a headline, not a name
	}
	for len(ts) > 0 && e.is(&ts[0], notNames|particles|determiners) && !(len(ts) == 2 && ts[1].cap && e.firstNameToo(ts[0])) {
		ts = ts[1:]
	}
	if len(ts) >= 2 && e.openingWord(ts[0]) {
		ts = ts[1:] // "Apparently Lindsey": a sentence's first word, then the name
	}
	if len(ts) >= 2 && e.described(ts[0]) {
		ts = ts[1:] // "Fly-half Jonny Wilkinson", "Oscar-winner Andrea Arnold"
	}
	if len(ts) >= 3 && e.demonym(&ts[0]) && (e.is(&ts[1], maleNames|femaleNames|moreFirstNames) || !e.is(&ts[0], demonyms) ||
		len(ts) == 3 && !isOrg(e.s(ts[2])) && !e.is(&ts[1], orgWords) && !e.is(&ts[2], titles) && e.surnameAlone(ts[1], ts[2])) {
		// "American Serena Williams", "Americans Andy Roddick (and …)": the
		// nationality is no part of the name; one alone only before a known
		// first name, for bodies open on one: British Phonographic Industry
		ts = ts[1:]
	}
	if k := e.firstNameAt(ts); k > 0 {
		ts = ts[k:] // "Guitarist Brian May", "Lib Dem Norman Baker": words before a first name describe
	}
	for len(ts) > 1 && e.is(&ts[len(ts)-1], determiners) {
		ts = ts[:len(ts)-1] // a sentence that lost its full stop: "Vadim Mitroshin The dispute …"
	}
	for len(ts) > 0 && ts[len(ts)-1].end-ts[len(ts)-1].pos <= 4 { // jr. at most
		lw := e.lower(ts[len(ts)-1])
		if lw != "jr" && lw != "sr" && lw != "ii" && lw != "iii" &&
			!(postNominal(e.s(ts[len(ts)-1])) && len(ts) >= 3 && e.is(&ts[0], maleNames|femaleNames|moreFirstNames)) {
			break // "Salford MP", "Ealing North MP": a seat's member, no name
		}
		ts = ts[:len(ts)-1]
	}
	if len(ts) == 0 || len(ts) == 1 && e.described(ts[0]) {
		return "", 0 // "The Oscar-nominated actor": no name
	}
	// most names stand in the text as they are: no copy
	plain := true
	for i, t := range ts {
		if i > 0 && (t.pos != ts[i-1].end+1 || e.text[t.pos-1] != ' ') {
			plain = false
		}
	}
	if w := e.s(ts[len(ts)-1]); plain && !strings.HasSuffix(w, "’s") && !strings.HasSuffix(w, "'s") {
		return e.text[ts[0].pos:ts[len(ts)-1].end], len(ts)
	}
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := e.s(t)
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		b.WriteString(w)
	}
	return b.String(), len(ts) // the words joined by one space each
}

// postNominal is true for letters after a name that are no part of it, as
// written: Ian MacDonald QC, Andrew Tyrie MP, Brian Monteith MSP.
func postNominal(w string) bool {
	switch w {
	case "QC", "KC", "MP", "MEP", "MSP", "AM", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD":
		return true
	}
	return false
}

// onlyOne is true when the text names one person in full with the surname
// last: "Secretary of State Clinton" is no one's to guess where Bill and
// Hillary Clinton are both named.
func (e *extractor) onlyOne(last string) bool {
	full := ""
	for _, p := range e.names() {
		if p.multi && p.last == last {
			if full != "" && p.full != full {
				return false
			}
			full = p.full
		}
	}
	return full != ""
}

// knownPerson is true for a full name whose first name the lists know or
// whose gender the text tells: John Kerry, not Fiscal Studies.
func (e *extractor) knownPerson(full string) bool {
	first, _, _ := strings.Cut(full, " ")
	return !isOrg(full) && (firstNameGender(first) != 0 || moreFirstNames.hasFold(first) || e.genderOf(full) != 0)
}

// surnameAlone is true when the text also gives last without first before
// it, as news gives a person's surname (Ginepri) and not a body's last
// word (British Red Cross, British Sky Broadcasting).
func (e *extractor) surnameAlone(first, last tok) bool {
	l := e.s(last)
	return strings.Count(e.text, l) > strings.Count(e.text, e.text[first.pos:last.end])
}

// peerage is the gender of a title a peer is named by, with one name (Lord
// Falconer, Baroness Scotland), 0 for other words; EqualFold, not a map of
// lower-cased words: full() asks it of every name it looks at.
func peerage(w string) byte {
	switch {
	case strings.EqualFold(w, "lord"), strings.EqualFold(w, "baron"):
		return 'm'
	case strings.EqualFold(w, "lady"), strings.EqualFold(w, "baroness"):
		return 'f'
	}
	return 0
}

// firstNameToo reports whether t, a month (Jan Egeland) or a title (Dean
// Kiely) as well, is a first name the lists know, as written: a capital, no
// full stop (Jan. 5 is a date). Before one more name it opens the name: Al
// Gore, Al Breach (Al Qaeda and Al Jazeera are bodies by their last word).
func (e *extractor) firstNameToo(t tok) bool {
	return t.cap && e.text[t.end-1] != '.' && e.is(&t, moreFirstNames|maleNames|femaleNames)
}

// firstNameAt is where a known first name opens the name in ts, after one
// or two words that are none ("Producer Kevin Wallace"), with a surname
// after it; 0 when the name opens ts or no first name is known.
func (e *extractor) firstNameAt(ts []tok) int {
	for k := 0; k <= 3 && k+2 <= len(ts); k++ {
		if e.is(&ts[k], maleNames|femaleNames|moreFirstNames) {
			return k
		}
		if !describes(e.s(ts[k])) && !(k == 0 && some.has(e.lower(ts[k]))) { // Fellow Lib Dem Norman Baker
			break // "Farhat Omar Ben Gadaravice", "Santa Barbara County"
		}
	}
	// "Virgin Radio DJ Pete Mitchell", "Wing Christophe Dominici": a role
	// (after a body's name) before the two words that end the run
	if n := len(ts); n >= 3 && e.aRole(ts[n-3]) && !describes(e.s(ts[n-2])) && !describes(e.s(ts[n-1])) &&
		!e.is(&ts[n-2], titles|orgWords) && !isOrg(e.s(ts[n-1])) {
		return n - 2
	}
	return 0
}

// aRole is true for a word in capitals that is surely a role, not only
// shaped like one as describes allows (Dresdner is no role).
func (e *extractor) aRole(t tok) bool {
	w, lw := e.s(t), e.lower(t) // no lower-cased copy: asked of most names
	switch lw {
	case "dj", "mp", "msp", "mep", "ceo", "teenager", "councillor":
		return true // not any letters in capitals: JP Morgan Chase, BBC Northern Ireland
	}
	return !acronym(w) && (isRole(w) || parties.has(lw) || e.is(&t, titles) || strings.HasSuffix(lw, "ist"))
}

// describes is true for a word in capitals that says what someone is:
// one with the ending of a role (Guitarist, Producer, Backbencher), a
// party, or letters in capitals (DJ).
func describes(w string) bool {
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "man"} { // woman ends in man
		if len(w) > len(suf)+2 && strings.EqualFold(w[len(w)-len(suf):], suf) {
			return true
		}
	}
	return acronym(w) || len(w) <= 12 && (parties.hasFold(w) || roles.hasFold(w)) // DJ, Tory, Wing
}

// parties are the parties written before a member's name: Tory David Davis.
var parties = newWordSet(`tory tories labour lib dem dems conservative liberal democrat republican snp ukip`)

// described is true for a word that describes who follows it: a compound
// in lower case after its hyphen ("Man-of-the-match", "Top-seeded").
func (e *extractor) described(t tok) bool {
	w := e.s(t)
	i := strings.IndexByte(w, '-')
	return i > 0 && i+1 < len(w) && w[i+1] >= 'a' && w[i+1] <= 'z'
}

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

func possessive(w string) bool {
	if w == "" {
		return false
	}
	if c := w[len(w)-1]; c != 's' && c != '\'' && c != 0x99 { // the last byte of ’
		return false
	}
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s’") || strings.HasSuffix(w, "s'")
}

// shouting is a word of two letters or more, all capitals: a headline's.
func shouting(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// demonyms are the nationalities news writes before a name.
var demonyms = newWordSet(`american european british english scottish welsh irish australian canadian russian french german
italian spanish portuguese dutch belgian swiss austrian swedish norwegian danish finnish icelandic polish czech slovak
hungarian romanian bulgarian serbian croatian bosnian slovenian greek turkish ukrainian belarusian georgian armenian
israeli palestinian lebanese syrian iraqi iranian saudi egyptian moroccan algerian tunisian libyan nigerian kenyan
ethiopian ghanaian ugandan zimbabwean zambian cameroonian senegalese chinese japanese korean taiwanese vietnamese thai
indian pakistani afghan bangladeshi indonesian malaysian filipino singaporean mexican brazilian argentine argentinian
chilean colombian peruvian venezuelan cuban jamaican californian texan swede scot dane briton spaniard frenchman
frenchwoman englishman englishwoman welshman irishman scotsman dutchman kiwi aussie`)

// demonym is true for a nationality, or more than one: "Americans Andy
// Roddick and Andre Agassi".
func (e *extractor) demonym(t *tok) bool {
	if e.is(t, demonyms) {
		return true
	}
	w := e.s(*t)
	return len(w) > 3 && w[len(w)-1] == 's' && demonyms.hasFold(w[:len(w)-1])
}

// singular is false for a nationality that names a people: "the French
// said", "the British"; "the American", "the 24-year-old Swiss" are one.
func singular(a attribution) bool {
	lw := strings.ToLower(a.name)
	return !strings.HasSuffix(lw, "sh") && !strings.HasSuffix(lw, "ch") && !strings.HasSuffix(lw, "ese") && !strings.HasSuffix(lw, "ss") ||
		strings.Contains(a.mention, "-year-old")
}

// isDemonym is the broad test, by the ending, of a word before a title
// ("French President"); demonyms is the list for one before a name.
func isDemonym(lw string) bool {
	for _, suf := range []string{"an", "ese", "ish", "i", "ch"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// notSpeech recognises scare quotes and terms: a few words that nobody is
// said to have said, inside a sentence of the writer's.
func (e *extractor) notSpeech(parts []part) bool {
	total := 0
	for _, p := range parts {
		if total += words(e.text[p.span.Start:p.span.End], 9); total > 8 {
			return false
		}
	}
	p := parts[0]
	if total <= 3 {
		// a few words someone said to someone: “Neither do I”, “We're America”, “Go home!”
		return !(len(parts) == 1 && e.spoken(p.span))
	}
	before := strings.TrimRight(e.text[max(0, p.open-20):p.open], " \t\n\u00a0")
	for _, w := range []string{"so-called", "dubbed", "called", "known as", "titled", "nicknamed", "term", "phrase", "word", "slogan"} {
		if len(before) >= len(w) && strings.EqualFold(before[len(before)-len(w):], w) {
			return true
		}
	}
	return len(parts) == 1 && total <= 8 && e.quotedAgain(p)
}

// quotedAgain is true when the words of p stand in marks elsewhere in the
// article too: a slogan, a title or a name the writer keeps coming back to
// (“Meth. We’re on it.”), where words someone said are quoted once.
func (e *extractor) quotedAgain(p part) bool {
	if e.quoted == nil { // counted once, and only for articles that ask
		e.quoted = make(map[uint64]int, len(e.parts))
		for _, q := range e.parts {
			e.quoted[foldHash(e.text[q.span.Start:q.span.End])]++
		}
	}
	return e.quoted[foldHash(e.text[p.span.Start:p.span.End])] > 1
}

// foldHash is a hash of the words of a quote for comparison: FNV-1a of
// their ASCII letters in lower case, without the punctuation at their end.
func foldHash(s string) uint64 {
	s = strings.TrimRight(s, ".,;:!?…")
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// isFragment recognises a word or two quoted inside the writer's sentence:
// dismissed the plan as “desperate”, a “historic” deal. Whoever said them,
// they are the writer's words with marks, not an utterance.
func (e *extractor) isFragment(p part) bool {
	if !(p.tok > 0 && e.toks[p.tok-1].kind == tWord && int(e.toks[p.tok-1].para) == p.para) {
		return false // no word right before it: asked first, as it is cheap
	}
	s := e.text[p.span.Start:p.span.End]
	if words(s, 3) > 2 || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsUpper(r) && strings.HasSuffix(s, ".") {
		return false // a sentence of its own: saying “Too many.”
	}
	return true
}

// personal are the words that give speech away: a person talks to a person.
var personal = newWordSet(`i i'm i’m i've i’ve i'd i’d i'll i’ll me my we we're we’re we've we’ve we'll we’ll us our you
you're you’re your`)

// spoken tells a short quote that someone said: it talks in the first or
// second person, or it exclaims or asks.
func (e *extractor) spoken(sp Span) bool {
	s := e.text[sp.Start:sp.End]
	if strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return true
	}
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' {
			j++
		}
		if personal.hasFold(strings.Trim(s[i:j], ".,;:!?")) {
			return true
		}
		i = j + 1
	}
	return false
}

// smallWords stay lower case in a title: "Guardians of the Galaxy".
var smallWords = newWordSet(`a an the of and or but nor for to in on at by from with as is are be into via vs over up per`)

// isTitle recognises the name of a work, a show or a slogan: every word in
// title case ("Fox News Sunday", "Make America Great Again"), or a few in
// title case after "on", "in" or a possessive ("on “Face the Nation”").
func (e *extractor) isTitle(p part) bool {
	s := e.text[p.span.Start:p.span.End]
	if strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return false // a chant or a cry: “U-S-A! U-S-A!”
	}
	n, caps := 0, 0
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' {
			j++
		}
		w := trimMarks(s[i:j])
		i = j
		if w == "" {
			continue
		}
		n++
		if n > 10 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			caps++
		case !smallWords.has(w):
			return false
		}
	}
	if n > 10 || caps < 2 && n > 1 || caps == 0 {
		return false
	}
	if caps >= 2 && !pronounStart(s) {
		return true
	}
	if p.tok == 0 || int(e.toks[p.tok-1].para) != p.para {
		return false
	}
	prev := e.toks[p.tok-1]
	lw := e.lower(prev)
	return prev.kind == tWord && (strings.Contains(" on in of the titled called named dubbed film show book album song movie series program programme ", " "+lw+" ") ||
		strings.HasSuffix(lw, "’s") || strings.HasSuffix(lw, "'s"))
}

// trimMarks drops the punctuation and quotation marks around a word.
func trimMarks(w string) string {
	for len(w) > 0 {
		r, n := utf8.DecodeRuneInString(w)
		if !isMarkAround(r) {
			break
		}
		w = w[n:]
	}
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		if !isMarkAround(r) {
			break
		}
		w = w[:len(w)-n]
	}
	return w
}

func isMarkAround(r rune) bool {
	switch r {
	case '.', ',', '!', '?', ':', ';', '(', ')', '[', ']', '"', '\'', '“', '”', '‘', '’', '…':
		return true
	}
	return false
}

// pronounStart is true for words that open like speech: "I Am", "We Will".
func pronounStart(s string) bool {
	s = strings.TrimLeft(s, " \n\t")
	if i := strings.IndexAny(s, " \n\t"); i >= 0 {
		s = s[:i]
	}
	switch strings.Trim(s, ".,!?") {
	case "I", "We", "You", "I'm", "I’m", "We're", "We’re":
		return true
	}
	return false
}
