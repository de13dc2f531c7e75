package quotes

import (
	"strings"
)

// sentenceStart returns where the sentence holding offset i begins, not
// before lo.
func (e *extractor) sentenceStart(i, lo int) int {
	for j := i - 1; j > lo; j-- {
		c := e.text[j]
		if (c == '.' || c == '?' || c == '!' || c == '\n') && j+1 < len(e.text) && (e.text[j+1] == ' ' || e.text[j+1] == '\n') {
			return j + 1
		}
	}
	return lo
}

// sentenceEnd returns where the sentence holding offset i ends, not after hi.
func (e *extractor) sentenceEnd(i, hi int) int {
	for j := i; j < hi; j++ {
		c := e.text[j]
		if c == '.' || c == '?' || c == '!' {
			if j+1 >= hi || e.text[j+1] == ' ' {
				return j + 1
			}
		}
	}
	return hi
}

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
		case prev.openEnd && cur.para == prev.para+1 && cur.open == e.paras[cur.para].Start:
			cur.group = prev.group
		case cur.para == prev.para && !prev.openEnd:
			mid := strings.TrimSpace(e.text[prev.close:cur.open])
			if (strings.HasSuffix(mid, ",") || strings.HasSuffix(mid, ":") || strings.HasSuffix(mid, "—")) && words(mid) <= 12 && hasSpeechVerb(mid) {
				cur.group = prev.group
			}
		}
	}
}

func hasSpeechVerb(s string) bool {
	for _, t := range tokenize(s) {
		if speechVerbs[t.lower()] {
			return true
		}
	}
	return false
}

// attribute names the speaker of every utterance and drops what is not speech.
func (e *extractor) attribute() {
	names := e.collectNames()
	lastSpeaker, lastMention := "", ""
	lastEnd := -1 // paragraph of the last utterance
	for gi := 0; gi < len(e.parts); {
		gj := gi
		for gj < len(e.parts) && e.parts[gj].group == e.parts[gi].group {
			gj++
		}
		parts := e.parts[gi:gj]
		gi = gj

		var a attribution
		for k, p := range parts {
			hi := e.paras[p.para].End
			if k+1 < len(parts) && parts[k+1].para == p.para {
				hi = parts[k+1].open
			}
			if a = cueAfter(e.text[p.close:e.sentenceEnd(p.close, hi)]); a.ok() {
				break
			}
		}
		first := parts[0]
		para := e.paras[first.para]
		if !a.ok() {
			lo := para.Start
			if gi > len(parts) { // the previous utterance's end bounds the context
				if prev := e.parts[gi-len(parts)-1]; prev.para == first.para {
					lo = prev.close
				}
			}
			a = cueBefore(e.text[e.sentenceStart(first.open, lo):first.open])
		}
		total := 0
		for _, p := range parts {
			total += words(e.text[p.span.Start:p.span.End])
		}
		if !a.ok() && e.notSpeech(first, total) {
			continue
		}
		q := Quote{Spans: make([]Span, len(parts))}
		for k, p := range parts {
			q.Spans[k] = p.span
		}
		switch {
		case a.pronoun:
			q.Speaker, q.Mention = lastSpeaker, a.mention
			if q.Speaker == "" {
				q.Speaker = names.before(first.open)
			}
			if strings.EqualFold(a.name, "they") || strings.EqualFold(a.name, "we") || strings.EqualFold(a.name, "i") || strings.EqualFold(a.name, "it") {
				q.Speaker = ""
			}
		case a.desc:
			q.Speaker, q.Mention = a.name, a.mention
		case a.ok():
			q.Speaker, q.Mention = names.full(a.name), a.mention
		case lastEnd >= 0 && first.para-lastEnd <= 1:
			// a bare quote right after an attributed one continues it
			q.Speaker, q.Mention = lastSpeaker, lastMention
		}
		if q.Speaker != "" && !a.desc {
			lastSpeaker, lastMention = q.Speaker, q.Mention
		}
		lastEnd = parts[len(parts)-1].para
		e.quotes = append(e.quotes, q)
	}
}

// notSpeech recognises scare quotes, terms and titles: a few words with no
// cue, or words after "so-called", "dubbed" and the like.
func (e *extractor) notSpeech(p part, words int) bool {
	if words <= 3 {
		return true
	}
	before := strings.ToLower(strings.TrimSpace(e.text[max(0, p.open-20):p.open]))
	for _, w := range []string{"so-called", "dubbed", "called", "known as", "titled", "nicknamed", "term", "phrase", "word", "slogan"} {
		if strings.HasSuffix(before, w) && words <= 8 {
			return true
		}
	}
	return false
}

// nameIndex knows the names an article gives and where.
type nameIndex struct {
	bySurname map[string]string
	at        []nameAt
}

type nameAt struct {
	pos  int
	name string
}

// collectNames gathers the capitalized runs of two or more words outside
// the quotes, so that "Putin" can become "Vladimir Putin".
func (e *extractor) collectNames() nameIndex {
	idx := nameIndex{bySurname: map[string]string{}}
	inQuote := func(pos int) bool {
		for _, p := range e.parts {
			if pos >= p.span.Start && pos < p.span.End {
				return true
			}
		}
		return false
	}
	for _, para := range e.paras {
		s := e.text[para.Start:para.End]
		ts := tokenize(s)
		// positions of tokens are needed only roughly: find them by search
		off := 0
		for i := 0; i < len(ts); {
			if !ts[i].capitalized() {
				if k := strings.Index(s[off:], ts[i].s); k >= 0 {
					off += k + len(ts[i].s)
				}
				i++
				continue
			}
			j := i
			for j < len(ts) && (ts[j].capitalized() || particles[ts[j].lower()] && j+1 < len(ts) && ts[j+1].capitalized()) {
				j++
			}
			pos := para.Start + off
			if k := strings.Index(s[off:], ts[i].s); k >= 0 {
				pos = para.Start + off + k
			}
			name := cleanName(ts[i:j])
			if n := strings.Count(name, " ") + 1; n >= 2 && n <= 4 && !inQuote(pos) {
				last := name[strings.LastIndexByte(name, ' ')+1:]
				if cur, ok := idx.bySurname[last]; !ok || len(name) > len(cur) {
					idx.bySurname[last] = name
				}
				idx.at = append(idx.at, nameAt{pos, name})
			}
			for k := i; k < j; k++ {
				if x := strings.Index(s[off:], ts[k].s); x >= 0 {
					off += x + len(ts[k].s)
				}
			}
			i = j
		}
	}
	return idx
}

// full resolves a name to the fullest form the article gives.
func (n nameIndex) full(name string) string {
	last := name
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		last = name[i+1:]
	}
	if f, ok := n.bySurname[last]; ok && len(f) > len(name) && (!strings.Contains(name, " ") || strings.HasPrefix(f, name[:strings.IndexByte(name, ' ')])) {
		return f
	}
	return name
}

// before returns the nearest name before pos, for a pronoun with no earlier speaker.
func (n nameIndex) before(pos int) string {
	best := ""
	for _, a := range n.at {
		if a.pos < pos {
			best = a.name
		}
	}
	return best
}
