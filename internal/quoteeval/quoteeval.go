// Package quoteeval scores quote extraction against labelled articles the
// way ../shared/tools/quote_eval.py does, so that the project can measure
// itself with `go test` or `go run ./cmd/quoteeval` and the numbers agree
// with the scorer's.
package quoteeval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsreader/store"
)

// Span is a byte range [Start, End) of a file as on disk.
type Span struct{ Start, End int }

// Labeled is a gold quote span and the speaker it is scored against ("" when
// the speaker is not scored: a pronoun or a description).
type Labeled struct {
	Span    Span
	Speaker string
}

// Article is one labelled file: the quotes that must be found, and the spans
// (parts of mixed quotes) that are neither right nor wrong to report.
type Article struct {
	Path   string
	Pos    []Labeled
	Ignore []Span
}

// Prediction is one reported quote span, in file offsets.
type Prediction struct {
	Span    Span
	Speaker string
}

// Result is the tally of a scoring run.
type Result struct {
	Articles, Gold, TP, FP int
	SpeakerGold, SpeakerOK int
	BadOffsets             int
	Errors                 []string // missed, extra and wrong-speaker quotes, up to the limit asked
}

func (r Result) Precision() float64 { return ratio(r.TP, r.TP+r.FP) }
func (r Result) Recall() float64    { return ratio(r.TP, r.Gold) }
func (r Result) SpeakerAccuracy() float64 {
	return ratio(r.SpeakerOK, r.SpeakerGold)
}
func (r Result) F1() float64 {
	p, q := r.Precision(), r.Recall()
	if p+q == 0 {
		return 0
	}
	return 2 * p * q / (p + q)
}

// String is the scorer's summary line.
func (r Result) String() string {
	return fmt.Sprintf("%d articles, %d gold quotes; detection P=%.3f R=%.3f F1=%.3f; speaker %d/%d=%.3f; bad offsets %d",
		r.Articles, r.Gold, r.Precision(), r.Recall(), r.F1(), r.SpeakerOK, r.SpeakerGold, r.SpeakerAccuracy(), r.BadOffsets)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

type polnearLine struct {
	TextPath string `json:"text_path"`
	Quotes   []struct {
		Kind     string `json:"kind"`
		Segments []struct {
			StartByte int `json:"start_byte"`
			EndByte   int `json:"end_byte"`
		} `json:"segments"`
		Source *struct {
			Text      string `json:"text"`
			IsPronoun bool   `json:"is_pronoun"`
		} `json:"source"`
	} `json:"quotes"`
}

// LoadPolNeAR reads the derived PolNeAR gold (one article per line); root
// is the folder holding train/, dev/ and test/.
func LoadPolNeAR(goldPath, root string) ([]Article, error) {
	f, err := os.Open(goldPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		var l polnearLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", goldPath, n, err)
		}
		a := Article{Path: filepath.Join(root, strings.Replace(l.TextPath, "data/", "", 1))}
		for _, q := range l.Quotes {
			for _, s := range q.Segments {
				sp := Span{s.StartByte, s.EndByte}
				if q.Kind != "direct" {
					a.Ignore = append(a.Ignore, sp)
					continue
				}
				speaker := ""
				if q.Source != nil && !q.Source.IsPronoun && q.Source.Text != "" {
					speaker = nameHead(q.Source.Text)
				}
				a.Pos = append(a.Pos, Labeled{sp, speaker})
			}
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

type handLine struct {
	Path   string `json:"path"`
	Quotes []struct {
		Start   int    `json:"start"` // code points
		End     int    `json:"end"`
		Kind    string `json:"kind"`
		Speaker string `json:"speaker"`
	} `json:"quotes"`
}

// LoadHand reads the project's own labels: code-point offsets, kind speech
// or not_speech. A not_speech quote is scored only by being absent.
func LoadHand(goldPath, root string) ([]Article, error) {
	f, err := os.Open(goldPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		var l handLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", goldPath, n, err)
		}
		a := Article{Path: filepath.Join(root, l.Path)}
		data, err := os.ReadFile(a.Path)
		if err != nil {
			return nil, err
		}
		for _, q := range l.Quotes {
			if q.Kind == "speech" {
				a.Pos = append(a.Pos, Labeled{Span{byteOffset(data, q.Start), byteOffset(data, q.End)}, q.Speaker})
			}
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

// byteOffset turns a code-point offset into a byte offset; an invalid byte
// counts as one code point, as Python's surrogateescape does.
func byteOffset(data []byte, cp int) int {
	i := 0
	for n := 0; n < cp && i < len(data); n++ {
		_, w := utf8.DecodeRune(data[i:])
		i += w
	}
	return i
}

// Predict runs the project's extraction on a file: each quote span in file
// offsets, as `newsreader quotes --json` prints them.
func Predict(path string) ([]Prediction, error) {
	arts, err := store.ReadFile(nil, path)
	if err != nil {
		return nil, err
	}
	var out []Prediction
	for _, a := range arts {
		for _, q := range a.Quotes {
			for _, s := range q.Spans {
				out = append(out, Prediction{Span{a.FileOffset(s.Start), a.FileOffset(s.End)}, q.Speaker})
			}
		}
	}
	return out, nil
}

// Score matches predictions to gold spans one to one, where their overlap
// covers at least half of each, biggest overlaps first, as the scorer does.
// showErrors caps the error lines kept.
func Score(arts []Article, predict func(path string) ([]Prediction, error), showErrors int) (Result, error) {
	files := map[string][]byte{}
	for _, a := range arts {
		data, err := os.ReadFile(a.Path)
		if err != nil {
			return Result{}, err
		}
		files[a.Path] = data
	}
	return scoreFiles(arts, files, predict, showErrors)
}

func scoreData(arts []Article, files map[string][]byte, predict func(path string) ([]Prediction, error)) (Result, error) {
	return scoreFiles(arts, files, predict, 0)
}

func scoreFiles(arts []Article, files map[string][]byte, predict func(path string) ([]Prediction, error), showErrors int) (Result, error) {
	r := Result{Articles: len(arts)}
	note := func(format string, args ...any) {
		if len(r.Errors) < showErrors {
			r.Errors = append(r.Errors, fmt.Sprintf(format, args...))
		}
	}
	for _, a := range arts {
		data := files[a.Path]
		preds, err := predict(a.Path)
		if err != nil {
			return r, fmt.Errorf("%s: %v", a.Path, err)
		}
		var P []Prediction
		for _, p := range preds {
			if !(0 <= p.Span.Start && p.Span.Start < p.Span.End && p.Span.End <= len(data)) {
				r.BadOffsets++
				continue
			}
			P = append(P, p)
		}
		G := make([]Labeled, len(a.Pos))
		for i, g := range a.Pos {
			G[i] = Labeled{trim(data, g.Span), g.Speaker}
		}
		type pair struct{ ov, gi, pi int }
		var pairs []pair
		for gi, g := range G {
			for pi, p := range P {
				if cover50(g.Span, trim(data, p.Span)) {
					pairs = append(pairs, pair{overlap(g.Span, p.Span), gi, pi})
				}
			}
		}
		sort.Slice(pairs, func(i, j int) bool {
			a, b := pairs[i], pairs[j]
			if a.ov != b.ov {
				return a.ov > b.ov
			}
			if a.gi != b.gi {
				return a.gi > b.gi
			}
			return a.pi > b.pi
		})
		usedG, usedP := map[int]bool{}, map[int]bool{}
		for _, pr := range pairs {
			if usedG[pr.gi] || usedP[pr.pi] {
				continue
			}
			usedG[pr.gi], usedP[pr.pi] = true, true
			if g := G[pr.gi].Speaker; g != "" {
				r.SpeakerGold++
				if speakerOK(g, P[pr.pi].Speaker) {
					r.SpeakerOK++
				} else {
					sp := P[pr.pi].Span
					note("speaker %s: gold %q got %q: %q", a.Path, g, P[pr.pi].Speaker, clip(data[sp.Start:sp.End], 60))
				}
			}
		}
		r.TP += len(usedG)
		r.Gold += len(G)
	preds:
		for pi, p := range P {
			if usedP[pi] {
				continue
			}
			for _, x := range a.Ignore {
				if overlap(p.Span, x) > 0 {
					continue preds // a fragment of a mixed quote: neither right nor wrong
				}
			}
			r.FP++
			note("extra   %s: %q", a.Path, clip(data[p.Span.Start:p.Span.End], 70))
		}
		for gi, g := range G {
			if !usedG[gi] {
				note("missed  %s: %q", a.Path, clip(data[g.Span.Start:g.Span.End], 70))
			}
		}
	}
	return r, nil
}

func clip(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return string(b)
}

func overlap(a, b Span) int { return max(0, min(a.End, b.End)-max(a.Start, b.Start)) }

func cover50(g, p Span) bool {
	ov := overlap(g, p)
	return ov > 0 && 2*ov >= g.End-g.Start && 2*ov >= p.End-p.Start
}

// trim drops marks, spaces and punctuation at both ends, so that `“Yes,”`
// and `Yes` compare equal.
func trim(data []byte, sp Span) Span {
	s, e := sp.Start, sp.End
	isAlnum := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }
	for s < e && data[s] < 0x80 && !isAlnum(data[s]) {
		s++
	}
	for e > s && data[e-1] < 0x80 && !isAlnum(data[e-1]) {
		e--
	}
	const lead = "“”‘’«»„‚‹›「」『』 \u00a0"
	const tail = lead + ".,;:!?…"
	for s < e {
		r, w := utf8.DecodeRune(data[s:e])
		if r == utf8.RuneError || !strings.ContainsRune(lead, r) {
			break
		}
		s += w
	}
	for e > s {
		r, w := utf8.DecodeLastRune(data[s:e])
		if r == utf8.RuneError || !strings.ContainsRune(tail, r) {
			break
		}
		e -= w
	}
	return Span{s, e}
}

var (
	wordRe     = regexp.MustCompile(`[\p{L}\p{N}_\-]+`)
	headWordRe = regexp.MustCompile(`[\p{L}\p{N}_’'.\-]+`)
	headCut    = regexp.MustCompile(`,|\(| who | which `)
	pronouns   = map[string]bool{}
)

func init() {
	for _, w := range strings.Fields("he she they i we it who which that him her them you one this these those his hers") {
		pronouns[w] = true
	}
}

// nameHead keeps a gold source only where it is a proper name: "Rep. Jerry
// Nadler, a Democrat from New York" -> "Rep. Jerry Nadler"; descriptions and
// pronouns are not scored.
func nameHead(source string) string {
	head := strings.TrimSpace(headCut.Split(source, 2)[0])
	var words []string
	for _, w := range headWordRe.FindAllString(head, -1) {
		switch strings.ToLower(w) {
		case "the", "a", "an", "of", "and":
			continue
		}
		words = append(words, w)
	}
	if len(words) == 0 || pronouns[strings.ToLower(head)] {
		return ""
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return ""
		}
	}
	return head
}

func surname(name string) string {
	name = strings.NewReplacer("’s", "", "'s", "").Replace(strings.ToLower(name))
	last := ""
	for _, t := range wordRe.FindAllString(name, -1) {
		switch t {
		case "jr", "sr", "ii", "iii":
			continue
		}
		last = t
	}
	return last
}

// speakerOK is right when the gold speaker's surname is a word of the prediction.
func speakerOK(gold, pred string) bool {
	g := surname(gold)
	if g == "" {
		return false
	}
	for _, w := range wordRe.FindAllString(strings.ToLower(pred), -1) {
		if w == g {
			return true
		}
	}
	return false
}
