package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// person is a name the article gives in full (two words or more).
type person struct {
	full, first, last string
	pos               int
	gender            byte   // 'm', 'f' or 0 when unknown
	multi             bool   // full has a space
	demonym           string // the nationality written before the name, in lower case: "the Argentine" is them
}

// names are the people the article names in full, gathered the first time
// a name is to be resolved: articles whose quotes need none skip the work.
func (e *extractor) names() []person {
	if !e.named {
		e.named = true
		e.collectNames()
	}
	return e.people
}

// collectNames gathers the capitalized runs of two words or more outside
// the quotes, so that "Putin" can become "Vladimir Putin".
func (e *extractor) collectNames() {
	e.people = e.people[:0]
	ts := e.toks
	for c := 0; c < len(e.caps); {
		i := int(e.caps[c])
		j, para := i, ts[i].para
		for j < len(ts) && ts[j].kind == tWord && ts[j].para == para &&
			(ts[j].cap || ts[j].end-ts[j].pos <= 3 && e.is(&ts[j], particles) && j+1 < len(ts) && ts[j+1].cap) {
			j++
		}
		for c < len(e.caps) && int(e.caps[c]) < j {
			c++
		}
		run := ts[i:j]
		if len(run) == 1 {
			continue // a capital at a sentence start, or a name given alone
		}
		// "Gordon Brown's Budget": the name ends at its possessive, and
		// another may follow it ("the Media Research Center's Bozell")
		for k := 1; k < len(run)-1; k++ {
			if possessive(e.s(run[k])) {
				e.collectName(run[:k+1])
				run = run[k+1:]
				break
			}
		}
		if len(run) == 1 {
			continue
		}
		e.collectName(run)
	}
}

// collectName adds the person a run of capitalized words names, if any.
func (e *extractor) collectName(run []tok) {
	name, n := e.cleanNameN(run)
	if name == "" || n > 4 {
		return
	}
	// the title before a name tells its gender: Mr. Smith, Mrs. Jones.
	// Each word below is a title, and cleanName has looked up all
	// but the last word of the run.
	var gender byte
	for k := range run {
		if k < len(run)-1 && !e.is(&run[k], titles) || run[k].end-run[k].pos > 9 { // princess.
			continue
		}
		switch e.lower(run[k]) {
		case "mr", "sir", "lord", "baron", "king", "prince", "father", "brother":
			gender = 'm'
		case "mrs", "ms", "miss", "lady", "baroness", "dame", "queen", "princess", "sister":
			gender = 'f'
		}
	}
	last := name[strings.LastIndexByte(name, ' ')+1:]
	first := name
	if k := strings.IndexByte(name, ' '); k >= 0 {
		first = name[:k]
	}
	if gender == 0 && n > 1 {
		if t := &run[0]; int(t.end-t.pos) == len(first) && e.text[t.end-1] != '.' {
			gender = classGender(e.cl(t)) // the first word as it stands: its lists are known
		} else {
			gender = firstNameGender(e.text[t.pos : int(t.pos)+len(first)])
		}
	}
	if n == 1 {
		// a surname alone still tells a gender: Mrs. Clinton
		if gender != 0 {
			e.people = append(e.people, person{full: name, last: name, pos: int(run[0].pos), gender: gender})
		}
		return
	}
	demonym := ""
	for k := 0; k+1 < len(run) && len(run) > n; k++ { // only when words before the name were left out
		if e.demonym(&run[k]) && strings.HasPrefix(name, e.s(run[k+1])) {
			demonym = e.lower(run[k])
			break
		}
	}
	e.people = append(e.people, person{full: name, first: first, last: last, pos: int(run[0].pos), gender: gender, multi: n > 1, demonym: demonym})
}

// full resolves a name to the fullest form the article gives: the same
// surname (Putin -> Vladimir Putin) or, for a name alone, the same first
// name (Hillary -> Hillary Clinton); the nearest one before pos wins.
func (e *extractor) full(name string, pos int) string {
	last, first, multi := name, name, false
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		last = name[i+1:]
		first = name[:strings.IndexByte(name, ' ')]
		multi = true
		if g := peerage(first); g != 0 && i == len(first) {
			// Lord Goldsmith is Peter Goldsmith, when the text says so;
			// Lady Thatcher is not Mark Thatcher
			if f := e.full(last, pos); !isPeer(f) && f != last {
				if fg := e.genderOf(f); fg == 0 || fg == g {
					return f
				}
			}
			return name
		}
	}
	best, bestBefore := "", false
	peer := "" // Lord Falconer for Falconer, when the text gives no fuller name
	for _, p := range e.names() {
		if !p.multi || len(p.full) <= len(name) {
			continue
		}
		if isPeer(p.full) {
			if p.last == last && !multi && peer == "" {
				peer = p.full
			}
			continue
		}
		match := p.last == last && (!multi || p.first == first || e.firstNameBefore(p.full, name))
		if !match && !multi && (p.first == name || p.demonym != "" && strings.EqualFold(p.demonym, name)) {
			match = true
		}
		if !match {
			continue
		}
		before := p.pos <= pos
		// the nearest before the mention, else the longest after it
		if best != "" && (bestBefore && !before || !bestBefore && !before && len(p.full) <= len(best)) {
			continue
		}
		best, bestBefore = p.full, before
	}
	if best != "" {
		return best
	}
	if peer != "" {
		return peer
	}
	return name
}

// firstNameBefore is true for a full name that is a first name the lists
// know and name: Carlos Baez Silva for Baez Silva, not Commons Oliver Heald
// for Oliver Heald.
func (e *extractor) firstNameBefore(full, name string) bool {
	first, rest, _ := strings.Cut(full, " ")
	return rest == name && (firstNameGender(first) != 0 || moreFirstNames.hasFold(first))
}

// isPeer is true for a name given as a peer's: a peerage, then one name.
func isPeer(name string) bool {
	first, rest, ok := strings.Cut(name, " ")
	return ok && peerage(first) != 0 && strings.IndexByte(rest, ' ') < 0
}

// resolvePronoun gives "he" or "she" to the person the sentences since the
// last quote are about, else to the last speaker when the gender agrees,
// else to the nearest name before it that agrees; "I", "we", "they" and
// "it" outside a quote name nobody the reader can see. qi is the quote's token.
func (e *extractor) resolvePronoun(a attribution, lastSpeaker string, qi int) string {
	want := pronounGender(a.name)
	if want == 0 {
		if strings.EqualFold(a.name, "it") {
			return e.resolveIt(a, lastSpeaker, qi)
		}
		return ""
	}
	if name := e.recentSubject(e.mentionTok(a, qi), want); name != "" {
		return name
	}
	if lastSpeaker != "" && !isOrg(lastSpeaker) && !acronym(lastSpeaker) { // he or she is no body
		if g := e.genderOf(lastSpeaker); (g == 0 || g == want) && (!spokes(lastSpeaker[strings.LastIndexByte(lastSpeaker, ' ')+1:]) || spokesGender(lastSpeaker, want)) {
			return lastSpeaker
		}
	}
	// the nearest name before that agrees; one whose gender the article does
	// not tell is not guessed at: in news it is a place or a body as often
	// as a person (Olympic Stadium, Lib Dems)
	people := e.names()
	for i := len(people) - 1; i >= 0; i-- {
		p := people[i]
		if p.pos < a.pos && p.multi && !isOrg(p.full) && e.genderOf(p.full) == want {
			return p.full
		}
	}
	return ""
}

// resolveIt gives "it" to the body the sentences since the last quote
// say spoke ("The British Chambers of Commerce welcomed the proposal.
// “…,” it said"), else to the last speaker when that is a body; never
// to a person, nor past a sentence that names one speaking.
func (e *extractor) resolveIt(a attribution, lastSpeaker string, qi int) string {
	end := e.mentionTok(a, qi)
	if w, _ := e.wordAt(a.pos); speechVerbs.has(w) {
		return "" // "The Tory leader admitted it was “…”": it is what was said of
	}
	// the sentence right before only: further back, another body may have
	// spoken in between in words not read ("The Law Commission, which …,
	// disagreed")
	for sentences := 0; end > 0 && sentences < 1; {
		start := end
		for start > 0 && !e.quoteAt(start-1) && !e.isPunct(e.toks[start-1], ".?!") && e.toks[start-1].para >= e.toks[end-1].para {
			start--
		}
		ts := e.toks[start:end]
		if len(ts) > 0 {
			sentences++ // the quote's own sentence before it may be empty: “…” it said
		}
		b := e.cueIn(ts, true)
		if !b.ok() && len(ts) > 1 { // "The British Chambers of Commerce welcomed the proposal."
			for k := 1; k < len(ts) && k <= 8; k++ {
				if e.aVerb(&ts[k]) {
					if b = e.npBefore(ts[:k]); b.pos > int(ts[1].pos) {
						b = attribution{} // the subject opens the sentence
					}
					break
				}
			}
		}
		if b.ok() && !b.pronoun {
			name := lowerArticle(b.name)
			if !b.desc {
				name = e.full(b.name, b.pos)
			}
			if w, _ := e.wordAt(b.pos); w == "and" || strings.HasSuffix(strings.TrimRight(e.text[:b.pos], " "), "&") {
				return "" // the end of a name with "and" in it: Marks and Spencer
			}
			if e.aBody(name, b.desc) {
				return name
			}
			return ""
		}
		if start == 0 || e.quoteAt(start-1) || e.toks[start-1].para+1 < e.toks[end-1].para {
			break
		}
		end = start
		if e.isPunct(e.toks[end-1], ".?!") {
			end--
		}
	}
	if lastSpeaker != "" && e.aBody(lastSpeaker, !startsUpper(lastSpeaker)) {
		return lastSpeaker
	}
	return ""
}

// aBody is true for a speaker "it" may stand for: a body's name (Google,
// Deutsche Bank, the BBC) or a description of no person ("the company",
// "the prime minister's office"); not "a spokesman" or "the 30-year-old".
func (e *extractor) aBody(name string, desc bool) bool {
	last := strings.ToLower(name[strings.LastIndexByte(name, ' ')+1:])
	if desc { // not "the firm denied" either, a verb read as a name's end
		return !spokes(last) && !roles.has(last) && !anAge(last) && !isDemonym(last) && !groups.has(last) && !speechVerbs.has(last) && !strings.HasSuffix(last, "ed") &&
			!strings.HasSuffix(last, "s") // "some analysts", "the researchers": they
	}
	return isOrg(name) || acronym(name) || !strings.Contains(name, " ") && e.genderOf(name) == 0 && firstNameGender(name) == 0 &&
		!(stopWords|notNames|determiners|pronounWords).hasFold(name) // not "Should he win …"
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// mentionTok is where to look back from for whom a mention stands for: the
// mention when it comes before quote qi (He added: “…”), else the quote.
func (e *extractor) mentionTok(a attribution, qi int) int {
	if a.pos < int(e.toks[qi].pos) {
		return sort.Search(qi, func(i int) bool { return int(e.toks[i].pos) >= a.pos })
	}
	return qi
}

// roles are what news calls a person it has named: “…,” the actor said.
var roles = newWordSet(`actor actress singer star director filmmaker rapper musician author writer novelist comedian
host anchor coach manager player striker senator congressman congresswoman governor mayor president candidate secretary
nominee billionaire founder ceo chairman chairwoman premier minister chancellor businessman businesswoman mogul
lawmaker entrepreneur designer chef artist defender midfielder goalkeeper keeper winger forward prop hooker
flanker centre captain skipper boss champion sprinter athlete runner hurdler jumper swimmer cyclist golfer boxer
jockey driver rider debutant presenter broadcaster chart-topper cardinal archbishop bishop youngster veteran wing lock
referee magistrate`)

// resolveRole gives a role in the singular with "the" (the actor, the former
// senator) to the person the sentences before are about, else to the last
// speaker; other descriptions stay as they are.
// resolvable is true for a description resolveRole may give a name for:
// "the actor", "the England captain", "the American"; n is its words.
func resolvable(mention string) (n int, ok bool) {
	first, last := "", ""
	for w := range strings.FieldsSeq(mention) {
		if n++; n == 1 {
			first = w
		}
		last = w
	}
	return n, n >= 2 && n <= 4 && strings.EqualFold(first, "the") && (roles.hasFold(last) || demonyms.hasFold(last) || anAge(last))
}

// bodyKind is true for a word "the …" stands for a body with: the company
// said. (Not a word list: they have no bit left.)
func bodyKind(w string) bool {
	switch strings.ToLower(w) {
	case "company", "firm", "group", "magazine", "newspaper", "paper", "bank", "airline", "carrier", "retailer",
		"club", "broadcaster", "network", "channel", "agency", "watchdog", "regulator", "manufacturer", "maker":
		return true
	}
	return false
}

// spokesBefore is the nearest description before pos that names whose the
// role is ("A Home Office spokesman" for "the spokesman"), as the text
// writes it with its article in lower case; "" when there is none.
func (e *extractor) spokesBefore(role string, pos int) string {
	text := e.text[:min(pos, len(e.text))]
	for end := len(text); ; {
		i := strings.LastIndex(text[:end], " "+role)
		if i < 0 {
			return ""
		}
		end = i
		if j := i + 1 + len(role); j < len(text) && isLetterByte(text[j]) {
			continue // spokesmen
		}
		// back over the capitalized words (and "of", "for") to a, an or the
		k, caps := i, 0
		for k > 0 {
			w := strings.LastIndexByte(text[:k], ' ') + 1
			word := text[w:k]
			switch {
			case word == "":
			case isUpperByte(word[0]) && !strings.EqualFold(word, "the") && !strings.EqualFold(word, "a") && !strings.EqualFold(word, "an"):
				caps++
				k = max(w-1, 0)
				continue
			case word == "of" || word == "for" || word == "&":
				k = max(w-1, 0)
				continue
			case caps > 0 && (strings.EqualFold(word, "a") || strings.EqualFold(word, "an") || strings.EqualFold(word, "the")):
				return lowerArticle(text[w : i+1+len(role)])
			case caps == 0 && k == i:
				after := text[i+1+len(role):]
				if strings.HasPrefix(after, " for ") || strings.HasPrefix(after, " of ") || strings.HasPrefix(after, " at ") {
					return "" // "a spokesman for the Tories" came since: whose is not said before it
				}
			}
			break
		}
	}
}

// anAge is true for "30-year-old": sports and court reports name a person
// once and then by their age.
func anAge(w string) bool {
	n, ok := strings.CutSuffix(w, "-year-old")
	return ok && n != "" && allDigits(n)
}

func (e *extractor) resolveRole(a attribution, lastSpeaker string, qi int) string {
	n, ok := resolvable(a.mention)
	if !ok { // the actor, the American
		if first, role, two := strings.Cut(a.mention, " "); two && strings.EqualFold(first, "the") && !strings.Contains(role, " ") {
			if spokes(role) {
				if d := e.spokesBefore(role, a.pos); d != "" {
					return d // "the spokesman": the Home Office spokesman the text gave before
				}
			} else if bodyKind(role) {
				// "Next has said … “…,” the company said": the body the
				// sentence before says spoke, as for "it"
				if b := e.resolveIt(a, "", qi); b != "" && startsUpper(b) {
					return b
				}
			}
		}
		return lowerArticle(a.name)
	}
	// "the 63-year-old": the one the text gives that age ("Ferguson, 63,")
	if age, ok := strings.CutSuffix(a.mention[strings.LastIndexByte(a.mention, ' ')+1:], "-year-old"); ok && allDigits(age) {
		if name := e.agedPerson(age); name != "" {
			return name
		}
	}
	// "the England captain": the name the text gives after the same words
	// ("England captain David Beckham"), before whoever it is about; "the
	// archbishop" only when the text gives one ("Archbishop Desmond Tutu"),
	// as a President Bush does not make every president in the text his
	name, several := e.namedAfter(a.mention[strings.IndexByte(a.mention, ' ')+1:], n == 2) // the words after "the"
	switch {
	case name != "":
		return name
	case several: // "Cardinal Keith O'Brien and Cardinal Cormac Murphy-O'Connor": either
		return lowerArticle(a.name)
	}
	// whom the sentences before are about; for the object of a clause,
	// not a name earlier in its sentence ("Mr Bush met the Prime Minister,
	// who said"), where "When Hewitt shook his hand, the Australian said"
	// is about Hewitt
	t := e.mentionTok(a, qi)
	for a.object && t > 0 && !e.quoteAt(t-1) && !e.isPunct(e.toks[t-1], ".?!") && e.toks[t-1].para == e.toks[t].para {
		t--
	}
	if name := e.recentSubject(t, 0); name != "" {
		return name
	}
	if startsUpper(lastSpeaker) && !isOrg(lastSpeaker) {
		return lastSpeaker
	}
	return lowerArticle(a.name)
}

// agedPerson is the one person the text gives age as years old, as "Alex
// Ferguson, 63," or "63-year-old Alex Ferguson"; "" when none or several.
func (e *extractor) agedPerson(age string) string {
	found := ""
	add := func(name string, pos int) bool {
		if name == "" {
			return true
		}
		full := e.full(name, pos)
		if isOrg(full) || acronym(full) || determiners.hasFold(name) {
			return true // an age makes a person of a name: "Ferguson, 63,"; not of "The Independent, 15,"
		}
		if found != "" && found != full {
			found = ""
			return false // two of that age: none
		}
		found = full
		return true
	}
	for from := 0; ; {
		i := strings.Index(e.text[from:], age)
		if i < 0 {
			return found
		}
		at := from + i
		from = at + len(age)
		end := at + len(age)
		if at > 0 && isLetterByte(e.text[at-1]) || at > 0 && e.text[at-1] >= '0' && e.text[at-1] <= '9' || end < len(e.text) && e.text[end] >= '0' && e.text[end] <= '9' {
			continue
		}
		var ok bool
		switch {
		case at >= 2 && e.text[at-2:at] == ", " && end < len(e.text) && (e.text[end] == ',' || e.text[end] == '.' || e.text[end] == ')'):
			ok = add(e.capsBefore(at-2), at) // "Alex Ferguson, 63,"
		case strings.HasPrefix(e.text[end:], "-year-old "):
			ok = add(e.capsAfter(end+len("-year-old ")), end) // "63-year-old Alex Ferguson"
		default:
			ok = true
		}
		if !ok {
			return ""
		}
	}
}

// capsBefore is the run of capitalized words that ends at i, "" when none.
func (e *extractor) capsBefore(i int) string {
	start, words := i, 0
	for words < 4 {
		j := start
		for j > 0 && (isLetterByte(e.text[j-1]) || e.text[j-1] >= 0x80 || e.text[j-1] == '-' || e.text[j-1] == '\'') {
			j--
		}
		if j == start || !isUpperByte(e.text[j]) {
			break
		}
		start, words = j, words+1
		if start == 0 || e.text[start-1] != ' ' {
			break
		}
		start--
	}
	for start < i && e.text[start] == ' ' {
		start++
	}
	if words < 1 {
		return ""
	}
	return e.text[start:i]
}

// capsAfter is the run of capitalized words that starts at i, "" when none.
func (e *extractor) capsAfter(i int) string {
	end, words := i, 0
	for words < 4 && end < len(e.text) && isUpperByte(e.text[end]) {
		j := end
		for j < len(e.text) && (isLetterByte(e.text[j]) || e.text[j] >= 0x80 || e.text[j] == '-' || e.text[j] == '\'') {
			j++
		}
		end, words = j, words+1
		if end+1 >= len(e.text) || e.text[end] != ' ' {
			break
		}
		end++
	}
	name := strings.TrimRight(e.text[i:end], " ")
	// "Prime Minister Tony Blair's spokesman" names Tony Blair
	if n, ok := strings.CutSuffix(name, "'s"); ok {
		return n
	}
	if n, ok := strings.CutSuffix(name, "’s"); ok {
		return n
	}
	return name
}

// lowerArticle writes the article opening a description in lower case, as
// it reads mid-sentence: "A BBC spokesman" opening a sentence and "said a
// BBC spokesman" are one speaker.
func lowerArticle(desc string) string {
	for _, art := range []string{"A ", "An ", "The "} {
		if strings.HasPrefix(desc, art) {
			return strings.ToLower(art[:1]) + desc[1:]
		}
	}
	return desc
}

// namedAfter is the person the text names right after desc, given as a
// title ("England captain David Beckham", "French President Jacques
// Chirac"), in full; "" when it names nobody so.
// otherOffice is true when the text before a title makes it another
// office: Deputy Prime Minister John Prescott is not the prime minister.
func otherOffice(before string) bool {
	// the word before, or the one before that: "former Labour chancellor"
	for range 2 {
		before = strings.TrimRight(before, " ")
		sp := strings.LastIndexByte(before, ' ')
		w := strings.ToLower(before[sp+1:])
		switch {
		case w == "deputy", w == "vice", w == "shadow", w == "former", w == "ex", w == "assistant", w == "junior", w == "acting",
			strings.HasPrefix(w, "ex-"): // ex-Conservative chancellor Ken Clarke
			return true
		}
		if sp < 0 {
			break
		}
		before = before[:sp]
	}
	return false
}

func (e *extractor) namedAfter(desc string, onlyOne bool) (string, bool) {
	sp := strings.LastIndexByte(desc, ' ')
	role := desc[sp+1:]
	if role == "" {
		return "", false
	}
	titled := desc[:sp+1] + strings.ToUpper(role[:1]) + role[1:]
	found := "" // the one person named so when onlyOne
	// and every word in capitals: "the home secretary" named as "Home
	// Secretary Charles Clarke"
	b := []byte(desc)
	for i := range b {
		if (i == 0 || b[i-1] == ' ') && b[i] >= 'a' && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	for _, d := range []string{desc, titled, string(b)} {
		for from := 0; ; {
			i := strings.Index(e.text[from:], d)
			if i < 0 {
				break
			}
			at := from + i + len(d)
			from = at
			if at >= len(e.text) || e.text[at] != ' ' || otherOffice(e.text[:at-len(d)]) ||
				at > len(d) && (isLetterByte(e.text[at-len(d)-1]) || e.text[at-len(d)-1] >= 0x80) { // not "superstar"
				continue
			}
			// "Archbishop of Canterbury, Dr Rowan Williams", "Bishop of
			// Durham Tom Wright": the see, then the name
			if strings.HasPrefix(e.text[at:], " of ") {
				if see := e.capsAfter(at + 4); see != "" {
					if strings.HasPrefix(e.text[at+4+len(see):], ",") {
						at += 4 + len(see) + 1 // the see ends at the comma
					} else if sp := strings.IndexByte(see, ' '); sp > 0 {
						at += 4 + sp // a see of one word, the name after it
					}
				}
			}
			// the words in capitals after it, to the first that is not
			if at+1 >= len(e.text) || e.text[at] != ' ' {
				continue
			}
			name := e.capsAfter(at + 1)
			if strings.IndexByte(name, ' ') < 0 {
				continue // two words at least
			}
			for _, h := range []string{"Dr ", "Mr ", "Mrs ", "Ms ", "Prof ", "Rev "} {
				if n, ok := strings.CutPrefix(name, h); ok && strings.IndexByte(n, ' ') > 0 {
					name, at = n, at+len(h)
				}
			}
			full := e.full(name, at+1)
			switch {
			case !e.isPersonName(full, false):
			case !onlyOne:
				return full, false
			case found != "" && found != full:
				return "", true // two named so: which one, the text does not say
			default:
				found = full
			}
		}
	}
	return found, false
}

// recentSubject is the person that the sentences right before token i are
// about, back to the last quote and no further than three sentences: in the
// nearest sentence that names one whose gender agrees with want (any when
// 0), the one it says spoke, else the first named. "Neville admitted there
// had been incidents. “…,” he said."
func (e *extractor) recentSubject(i int, want byte) string {
	end := i
	for sentences := 0; end > 0 && sentences < 3; sentences++ {
		start := end
		for start > 0 && !e.quoteAt(start-1) && !e.isPunct(e.toks[start-1], ".?!") && e.toks[start-1].para >= e.toks[end-1].para {
			start--
		}
		ts := e.toks[start:end]
		if sentences == 0 && e.reportedBefore(end) {
			ts = nil // "Mr Blair has failed, he claimed.": whom he reports on, not he
		}
		if a := e.cueIn(ts, true); a.ok() && !a.desc && !a.pronoun {
			if full := e.full(a.name, a.pos); e.isPersonName(full, false) {
				if g := e.genderOf(full); g == 0 || want == 0 || g == want {
					return full
				}
			}
		} else if a.ok() && a.desc && want != 0 && spokesGender(a.name, want) {
			// "A Labour Party spokesman told the BBC … “…,” he said"
			return lowerArticle(a.name)
		} else if _, ok := resolvable(a.mention); a.ok() && a.desc && ok {
			// "The Brazilian confirmed tempers had flared …": whom the
			// description stands for, not a name later in its sentence
			if name := e.resolveRole(a, "", start); !strings.EqualFold(name, a.name) {
				if g := e.genderOf(name); g == 0 || want == 0 || g == want {
					return name
				}
			}
		}
		// "The Spaniard believed he was talking to Emilio Butragueno": a
		// sentence that opens on a description is about whom it stands for
		if d, ok := e.opensOnRole(ts); ok {
			if name := e.resolveRole(d, "", start); !strings.EqualFold(name, d.name) {
				if g := e.genderOf(name); g == 0 || want == 0 || g == want {
					return name
				}
			}
		} else if !e.opensOnPronoun(ts, want) {
			// "He went on to accuse Mr Brown …": a sentence that opens on he
			// or she is about whom the sentences before are, not whom it names
			if name := e.personIn(ts, want); name != "" {
				return name
			}
		}
		if start == 0 || e.quoteAt(start-1) || e.toks[start-1].para+1 < e.toks[end-1].para {
			return ""
		}
		end = start
		if e.isPunct(e.toks[end-1], ".?!") {
			end--
		}
	}
	return ""
}

// reportedBefore is true when the pronoun at i is set off as the speaker
// of the words before it: "Mr Blair has failed, he claimed, saying …".
func (e *extractor) reportedBefore(i int) bool {
	return i > 0 && i+2 < len(e.toks) && e.isPunct(e.toks[i-1], ",") && e.is(&e.toks[i], pronounWords) &&
		e.speechVerbAt(i+1) && e.isPunct(e.toks[i+2], ",.")
}

// spokesGender is true for one who speaks for others ("a Labour Party
// spokesman") whom he or she (want) may stand for. Not "the Tory
// spokesman", a member the text names ("Mr Ancram condemned …").
func spokesGender(desc string, want byte) bool {
	if first, rest, _ := strings.Cut(desc, " "); strings.EqualFold(first, "the") {
		for w := range strings.FieldsSeq(rest) {
			if parties.hasFold(w) {
				return false
			}
		}
	}
	switch strings.ToLower(desc[strings.LastIndexByte(desc, ' ')+1:]) {
	case "spokesman":
		return want == 'm'
	case "spokeswoman":
		return want == 'f'
	case "spokesperson":
		return true
	}
	return false
}

// opensOnRole is the description a sentence opens on that resolveRole may
// give a name for: "The Spaniard", "The 34-year-old Dutch midfielder".
func (e *extractor) opensOnRole(ts []tok) (attribution, bool) {
	if len(ts) < 2 || !strings.EqualFold(e.s(ts[0]), "the") {
		return attribution{}, false
	}
	for j := 2; j <= min(4, len(ts)); j++ {
		if ts[j-1].kind != tWord {
			break
		}
		mention := e.text[ts[0].pos:ts[j-1].end]
		if _, ok := resolvable(mention); ok && j < len(ts) && e.aVerb(&ts[j]) {
			return attribution{name: mention, mention: mention, pos: int(ts[0].pos), desc: true}, true
		}
	}
	return attribution{}, false
}

// aVerb is true for a word that reads as the verb after a subject: "The
// Spaniard believed", "the 31-year-old insisted", not "The Scottish National
// Party" or "the American team"; not "is", whose sentence names whom it is
// about ("The musical's British director is Matthew Warchus").
func (e *extractor) aVerb(t *tok) bool {
	if t.kind != tWord || t.cap {
		return false
	}
	lw := e.lower(*t)
	return e.is(t, speechVerbs) || lw == "has" || lw == "had" || strings.HasSuffix(lw, "ed")
}

// opensOnPronoun is true for a sentence whose first word is he or she,
// of gender want unless want is 0 (a role: "the player said").
func (e *extractor) opensOnPronoun(ts []tok, want byte) bool {
	// "So he is full of admiration for …", "But, he said, …"
	for len(ts) > 1 && (ts[0].kind == tWord && e.is(&ts[0], conjunctions) || e.isPunct(ts[0], ",")) {
		ts = ts[1:]
	}
	if len(ts) == 0 || ts[0].kind != tWord {
		return false
	}
	g := pronounGender(e.lower(ts[0]))
	return g != 0 && (want == 0 || g == want)
}

// pronounGender is 'm' for he, 'f' for she, in any case; 0 for other words.
func pronounGender(w string) byte {
	switch {
	case strings.EqualFold(w, "he"):
		return 'm'
	case strings.EqualFold(w, "she"):
		return 'f'
	}
	return 0
}

// isPersonName tells a name that can stand for he or she: two words or more,
// a known first name or gender, or a name given with an honorific; not a
// body's name.
func (e *extractor) isPersonName(full string, honored bool) bool {
	return !isOrg(full) && !placeFirst(full) && !gerundFirst(full) && !acronymName(full) && !acronym(full) && (honored || strings.Contains(full, " ") || firstNameGender(full) != 0 || e.genderOf(full) != 0)
}

// placeFirst is true for a name that opens on a word that opens places,
// not people: South Carolina, New York, Los Angeles.
func placeFirst(full string) bool {
	first, _, multi := strings.Cut(full, " ")
	switch first {
	case "North", "South", "East", "New", "Los", "Las", "San", "Santa", "Saint", "Lake", "Mount", "Port", "Fort":
		return multi
	}
	return false
}

// acronymName is true for a name that opens on three capitals or more, a
// body's (BBC Newcastle, UKIP Scotland), or of two words ending on them, a
// thing's ((Star) Wars DVD); not JK Rowling's initials, Glenys Kinnock MEP
// or a surname a feed writes in capitals (Jacques CHIRAC).
func acronymName(full string) bool {
	first, rest, multi := strings.Cut(full, " ")
	return multi && (len(first) >= 3 && acronym(first) ||
		strings.IndexByte(rest, ' ') < 0 && len(rest) >= 3 && acronym(rest) && firstNameGender(first) == 0 && !moreFirstNames.hasFold(first))
}

// gerundFirst is true for capitalized words that open on a verb in -ing,
// no name: "Praising Celtic and Rangers, she said", "Finding Nemo".
func gerundFirst(full string) bool {
	first, _, multi := strings.Cut(full, " ")
	return multi && len(first) > 5 && strings.HasSuffix(first, "ing") && firstNameGender(first) == 0
}

// honorifics go before a person's name, and no other: Dr Vancheshwar, not
// Chief Whip.
var honorifics = newWordSet(`mr mrs ms miss dr sir dame lord lady sen rep gov prof rev fr sgt capt col gen lt
president senator governor judge mayor ambassador`)

// quoteAt is true when token i is a quote the article keeps; a term in marks
// ("better offerings") does not end what the sentence is about.
func (e *extractor) quoteAt(i int) bool {
	return e.toks[i].kind == tQuote && e.parts[e.toks[i].part].kept
}

// personIn is the first person named in ts whose gender agrees with want,
// in full; names after a preposition ("on the subject of Johnny Depp") and
// possessives are not what a sentence is about.
func (e *extractor) personIn(ts []tok, want byte) string {
	for i := 0; i < len(ts); {
		if ts[i].kind != tWord || !ts[i].cap {
			i++
			continue
		}
		j := i
		for j < len(ts) && ts[j].kind == tWord && (ts[j].cap || e.is(&ts[j], particles) && j+1 < len(ts) && ts[j+1].cap) {
			j++
		}
		run, opens := ts[i:j], i == 0
		i = j
		if e.describesNext(ts[j:]) || (j == len(ts) || ts[j].kind != tWord) && e.describesNextText(int(run[len(run)-1].end)) {
			continue // "Real Madrid midfielder David Beckham": a team's name before a role
		}
		last := e.s(run[len(run)-1])
		before, at := e.wordAt(int(run[0].pos))
		switch before {
		case "his", "her", "their", "its", "our", "my", "your":
			continue // "their Grand Slam hopes": a thing of someone's
		}
		w := e.pastRole(before, at)
		if before == "from" && e.cameFrom(at) {
			w = "" // "One dissenting opinion came from Brian Gammage": whom the sentence gives the word to
		}
		if objectWords.has(w) && e.nameAfterBody(run) {
			run = run[len(run)-2:] // "Chief Secretary to the Treasury Paul Boateng": the name after the body
		} else if objectWords.has(w) || w != "" && w[0] >= '0' && w[0] <= '9' ||
			(!opens || e.roleAfter(ts[j:])) && (strings.HasSuffix(last, "’s") || strings.HasSuffix(last, "'s")) {
			continue // of Johnny Depp, the French Open, about Parise's penchant
		}
		if e.is(&run[0], determiners) {
			continue // The Kurdish …: a person's name opens on no article
		}
		if after := e.text[run[len(run)-1].end:]; strings.HasPrefix(after, " via ") && len(after) > 5 && isUpperByte(after[5]) { // read in the text: far from quotes its words are not tokens; not "via his website"
			continue // a picture's credit: "Neilson Barnard via Getty Images."
		}
		name := e.cleanName(run)
		if name == "" {
			continue
		}
		full := e.full(name, int(run[0].pos))
		if !e.isPersonName(full, len(run) > 1 && e.is(&run[0], honorifics)) { // Dr Vancheshwar
			continue // a word at a sentence start, a place, a body
		}
		if g := e.genderOf(full); g == 0 || want == 0 || g == want {
			return full
		}
	}
	return ""
}

// cameFrom is true when the word before the "from" that ends at at is
// came or comes: a view that came from someone is theirs.
func (e *extractor) cameFrom(at int) bool {
	v, _ := e.wordAt(at)
	return v == "came" || v == "comes"
}

// nameAfterBody is true for a run of capitals that ends on a known first
// name and a surname after a body's name: "Treasury Paul Boateng".
func (e *extractor) nameAfterBody(run []tok) bool {
	n := len(run)
	return n >= 3 && e.is(&run[n-2], maleNames|femaleNames|moreFirstNames) && !e.is(&run[n-3], maleNames|femaleNames|moreFirstNames|titles) &&
		!isDemonym(e.lower(run[n-3])) && !possessive(e.s(run[n-1])) // not "of American Maurice Greene's record"
}

// describesNext is true when ts opens on a role in lower case, in a word
// or two ("midfielder", "chief executive"), and a name in capitals follows
// it: what came before was the name of a team or a body.
func (e *extractor) describesNext(ts []tok) bool {
	for k := 0; k < 4 && k+1 < len(ts); k++ {
		t := &ts[k]
		if t.kind != tWord || t.cap {
			return false
		}
		role := e.is(t, titles) || roles.hasFold(e.s(*t))
		if !role && !(k < 3 && (portfolio(e.s(*t)) || k > 0 && e.lower(*t) == "and")) {
			return false // "Victoria Wood slated comedian Sacha Baron Cohen": a verb
		}
		if role && ts[k+1].kind == tWord && ts[k+1].cap {
			return true
		}
	}
	return false
}

// portfolio is true for a word of what a spokesman or a minister speaks
// for, in lower case: "Lib Dem home affairs spokesman Mark Oaten".
func portfolio(w string) bool {
	switch w {
	case "home", "foreign", "affairs", "shadow", "work", "pensions", "local", "government", "international",
		"development", "education", "culture", "health", "transport", "environment", "trade", "industry",
		"constitutional", "general", "finance", "treasury", "economic", "economics", "defence", "defense",
		"justice", "energy", "science", "sport", "sports", "media", "business", "rural", "family", "women",
		"communications", "press", "policy", "committee", "public", "accounts", "security", "legal":
		return true
	}
	return false
}

// describesNextText is describesNext read from the text after pos, for the
// paragraphs far from quotes, whose words in lower case are no tokens.
func (e *extractor) describesNextText(pos int) bool {
	for n := range 4 {
		i := pos
		for i < len(e.text) && e.text[i] == ' ' {
			i++
		}
		j := i
		for j < len(e.text) && j-i < 20 && e.text[j] >= 'a' && e.text[j] <= 'z' {
			j++
		}
		w := e.text[i:j]
		if w == "" || j < len(e.text) && e.text[j] != ' ' {
			return false
		}
		if !in(w, titles|roles) {
			if n < 3 && (portfolio(w) || n > 0 && w == "and") {
				pos = j
				continue
			}
			return false
		}
		k := j + 1
		if k < len(e.text) && isUpperByte(e.text[k]) {
			return true
		}
		pos = j
	}
	return false
}

// objectWords before a name make it no subject: a preposition, an article.
var objectWords = newWordSet(`in on at for with from by during after before since under over about into through
across among amid against despite following until upon within without outside inside near beside behind toward
towards to of between beyond around via like than the a an`)

// wordBefore is the word before pos in lower case, skipping spaces; "" when
// a mark or a line break comes first. Paragraphs far from quotes keep no
// words in lower case among their tokens, so it reads the text.
func (e *extractor) wordBefore(pos int) string {
	w, _ := e.wordAt(pos)
	return w
}

// wordAt is wordBefore, and where the word starts.
func (e *extractor) wordAt(pos int) (string, int) {
	j := pos
	for j > 0 && e.text[j-1] == ' ' {
		j--
	}
	i := j
	for i > 0 && j-i < 20 && isWordByte(e.text[i-1]) {
		i--
	}
	return strings.ToLower(e.text[i:j]), i
}

// pastRole is w, the word before a name that starts at at, unless it is a
// role or title in lower case: then the word before it and the capitalized
// words before that. For "by All England Club chairman Tim Phillips", "by".
func (e *extractor) pastRole(w string, at int) string {
	if w == "" || !roles.has(w) && !titles.has(w) {
		return w
	}
	for range 6 {
		v, i := e.wordAt(at)
		if v == "" || i >= len(e.text) || !isUpperByte(e.text[i]) {
			return v
		}
		at = i
	}
	return ""
}

// orgWords end the names of bodies, which "he" and "she" never stand for.
var orgWords = newWordSet(`group inc corp corporation co company companies association department ministry university
college school party council commission committee court times post news journal bank fund agency office foundation
united rovers wanderers albion fc confederation qaeda jazeera arabiya
institute administration house senate congress parliament police army navy force forces guard union league
federation club team network service services board authority organisation organization industries enterprises
holdings partners society center centre hospital church government state states republic kingdom nations reuters industry
press tv radio magazine review channel airlines airways motors systems labs technologies station open cup
championship league series awards festival movement coalition alliance campaign international`)

// acronym is true for a name in capitals alone, a body's: BPI, RNID.
func acronym(name string) bool {
	return len(name) > 1 && strings.IndexFunc(name, func(r rune) bool { return !unicode.IsUpper(r) }) < 0
}

func isOrg(name string) bool {
	first, _, multi := strings.Cut(name, " ")
	last := name[strings.LastIndexByte(name, ' ')+1:]
	return orgWords.hasFold(last) || multi && (teamFirst(first, name[len(first)+1:]) || lawWord(last))
}

// lawWord is true for the last word of a law's name: the Police Bill, the
// Children Act; as written (Bill is a first name too).
func lawWord(w string) bool { return w == "Bill" || w == "Act" || w == "Treaty" || w == "Directive" }

// teamFirst is true for a word that opens a team's name, whom he or she
// never stands for: Real Madrid, AC Milan, FC Porto. Exactly as written:
// "real" is a word too. (Not a word list: they have no bit left.)
func teamFirst(w, rest string) bool {
	switch w {
	case "Real", "FC", "Inter", "Atletico", "Sporting", "Dynamo", "Bayern", "Borussia", "Olympique", "Deportivo":
		return true
	case "AC":
		return rest == "Milan" || rest == "Roma" // not AC Grayling
	}
	return false
}

// genderOf is what the article tells of a person's gender, 0 when nothing.
// A full name takes the gender of another name only when it is the same
// person's: Janie Hendrix is not her father Al's.
func (e *extractor) genderOf(name string) byte {
	last := name[strings.LastIndexByte(name, ' ')+1:]
	first := name
	if i := strings.IndexByte(name, ' '); i > 0 {
		first = name[:i]
	}
	people := e.names()
	for _, p := range people {
		if p.gender != 0 && p.full == name {
			return p.gender
		}
	}
	// a first name the lists know before what a namesake says: Hillary
	// Clinton is no Mr Clinton
	if g := firstNameGender(first); g != 0 && first != name {
		return g
	}
	for _, p := range people {
		if p.gender != 0 && p.last == last && (first == name || !p.multi || p.first == first) {
			return p.gender
		}
	}
	return firstNameGender(first)
}

var maleNames = newWordSet(`john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward ronald timothy jason jeffrey
ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander
raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy
harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy
bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip
johnny bill barack mitt ted marco jeb bernie mike chris tim rand newt dick al jim tom bob vladimir boris xi emmanuel
recep benjamin ilham nikol sergei dmitry viktor angela rudy rick ben lindsey chuck mitch paul kevin harry nigel
keir rishi tony gordon david jeremy liam mohammed muhammad ahmed ali hassan omar ibrahim abdullah kim jean pierre
francois hans karl friedrich olaf giuseppe luigi carlos luis miguel pedro antonio manuel francisco jorge
norman herman`)

var femaleNames = newWordSet(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine
debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice
jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana
brittany jane melanie natalie isabella charlotte rose alexis kayla hillary nancy elizabeth sarah kellyanne huma melania ivanka
chelsea michelle kamala carly nikki condoleezza madeleine theresa liz ursula christine marine giorgia jacinda
claire camilla gwen debbie dianne kirsten tammy amy maxine nancy hope sheila marsha ileana loretta`)

// moreFirstNames are first names whose gender the pronouns do not go by
// (adding them to the lists above gave "she" to Spike Lee and "he" to the
// nearest name a gender was known for): they tell where a name starts,
// after words that describe ("Songwriter Guy Chambers").
var moreFirstNames = newWordSet(`jan dean andy steve ian martin nick simon clive rafael oliver ken graeme phil eddie jimmy rob
matt ed adrian neil bernard hugh craig graham maurice andre jeff dan victor marc warren hamish philippe nicolas
gerard marcel julian geoff claude malcolm gareth olivier stuart jurgen derek max duncan jacques trevor ivan brendan
dieter guy robbie dave jakob colin gavin barry kenny rhodri alun iain alistair alasdair euan callum declan shane
darren jonny jon ruud thierry arsene sven didier jens stefan roberto fabio michel gerhard lleyton marat tim alex
sam jamie robin lindsay serena anne tessa ellen nicola cathy carolina daniela venus kate sue jenny lucy sally
harriet hazel clare alison gillian fiona kirsty natasha svetlana anastasia justine paula joanne louise estelle mira`)

// firstNameGender knows the gender of common first names, 0 for others.
func firstNameGender(f string) byte { return classGender(lex.classFold(f)) }

// classGender is the gender of a first name in the lists c.
func classGender(c wordSet) byte {
	switch {
	case c&femaleNames != 0:
		return 'f'
	case c&maleNames != 0:
		return 'm'
	}
	return 0
}
