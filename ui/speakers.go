package ui

import (
	"fmt"
	"strings"

	"newsreader/store"
	"newsreader/store/search"
)

// speakersPane is "who said what": everyone quoted in the loaded articles,
// most quoted first, and then the quotes of one of them across articles.
type speakersPane struct {
	st   *Styles
	keys *KeyMap
	w, h int

	all    []store.Speaker
	folded []string        // each speaker's name folded as the index folds, for the filter
	shown  []store.Speaker // all, or those matching the filter
	filter string

	cursor, offset int
	open           int // index in shown of the speaker whose quotes are listed, -1 for none
	qcursor        int
	qoffset        int
}

func newSpeakersPane(st *Styles, keys *KeyMap) speakersPane {
	return speakersPane{st: st, keys: keys, open: -1}
}

func (s *speakersPane) SetSize(w, h int) {
	s.w, s.h = max(w, 0), max(h, 0)
	s.scroll()
}

// set installs a fresh list of speakers, keeping the one under the cursor.
func (s *speakersPane) set(all []store.Speaker) {
	var cur, open string
	if sp := s.selected(); sp != nil {
		cur = sp.Name
	}
	if s.open >= 0 && s.open < len(s.shown) {
		open = s.shown[s.open].Name
	}
	s.all = all
	s.folded = make([]string, len(all))
	for i, sp := range all {
		s.folded[i] = strings.Join(search.Fold(sp.Name), " ")
	}
	s.applyFilter(s.filter)
	s.cursor, s.open = 0, -1
	for i, sp := range s.shown {
		if sp.Name == cur {
			s.cursor = i
		}
		if sp.Name == open && open != "" {
			s.open = i
		}
	}
	if s.open >= 0 { // the open speaker may have fewer quotes now (a file changed)
		n := len(s.shown[s.open].Quotes)
		s.qcursor = clamp(s.qcursor, 0, max(0, n-1))
		s.qoffset = clamp(s.qoffset, 0, s.qcursor)
	} else {
		s.qcursor, s.qoffset = 0, 0
	}
	s.scroll()
}

// applyFilter keeps the speakers whose name contains every word of f.
func (s *speakersPane) applyFilter(f string) {
	s.filter = f
	// "speaker:putin" means the same here as "putin"; case and accents aside
	words := search.Fold(strings.ReplaceAll(f, "speaker:", " "))
	if len(words) == 0 {
		s.shown = s.all
		return
	}
	s.shown = nil
	for i, sp := range s.all {
		name := s.folded[i]
		ok := true
		for _, w := range words {
			if !strings.Contains(name, w) {
				ok = false
				break
			}
		}
		if ok {
			s.shown = append(s.shown, sp)
		}
	}
	s.cursor, s.offset, s.open = 0, 0, -1
}

func (s *speakersPane) selected() *store.Speaker {
	if s.cursor < 0 || s.cursor >= len(s.shown) {
		return nil
	}
	return &s.shown[s.cursor]
}

// quoteRef is the quote under the cursor while a speaker's quotes are listed.
func (s *speakersPane) quoteRef() *store.QuoteRef {
	if s.open < 0 || s.open >= len(s.shown) {
		return nil
	}
	qs := s.shown[s.open].Quotes
	if s.qcursor < 0 || s.qcursor >= len(qs) {
		return nil
	}
	return &qs[s.qcursor]
}

// quoteRows is how many lines one quote takes in the list of a speaker's quotes.
const quoteRows = 3

func (s *speakersPane) scroll() {
	if s.open >= 0 {
		n := max(1, s.h/quoteRows) // whole; a part of the next fills the rows left
		if s.qcursor < s.qoffset {
			s.qoffset = s.qcursor
		}
		if s.qcursor >= s.qoffset+n {
			s.qoffset = s.qcursor - n + 1
		}
		return
	}
	n := max(1, s.h)
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+n {
		s.offset = s.cursor - n + 1
	}
}

// update moves the cursor; it reports whether the quote under it changed.
func (s *speakersPane) update(msg keyMsg) bool {
	before := s.quoteRef()
	cur, n := &s.cursor, len(s.shown)
	page := max(1, s.h)
	if s.open >= 0 {
		cur, n = &s.qcursor, len(s.shown[s.open].Quotes)
		page = max(1, s.h/quoteRows)
	}
	if n == 0 {
		return false
	}
	d, _ := s.keys.move(msg, n, page)
	*cur = clamp(*cur+d, 0, n-1)
	s.scroll()
	after := s.quoteRef()
	return after != nil && (before == nil || *after != *before)
}

// enter opens the selected speaker's quotes; it reports whether it did.
func (s *speakersPane) enter() bool {
	if s.open >= 0 || s.selected() == nil {
		return false
	}
	s.open, s.qcursor, s.qoffset = s.cursor, 0, 0
	return true
}

// back closes a speaker's quotes; it reports false when there was nothing to close.
func (s *speakersPane) back() bool {
	if s.open < 0 {
		return false
	}
	s.open = -1
	return true
}

func (s *speakersPane) title() string {
	if s.open >= 0 {
		sp := s.shown[s.open]
		return fmt.Sprintf("%s · %s", cleanLine(sp.Name), plural(len(sp.Quotes), "quote"))
	}
	if s.filter != "" {
		return fmt.Sprintf("Speakers · %d of %d", len(s.shown), len(s.all))
	}
	return fmt.Sprintf("Speakers · %d", len(s.all))
}

func (s *speakersPane) note() string {
	if s.open >= 0 {
		return fmt.Sprintf("%d/%d · esc back", s.qcursor+1, len(s.shown[s.open].Quotes))
	}
	if len(s.shown) == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.cursor+1, len(s.shown))
}

func (s *speakersPane) view(focused bool) []string {
	if s.open >= 0 {
		return s.quotesView(focused)
	}
	if len(s.shown) == 0 {
		msg := "Nobody is quoted yet"
		if s.filter != "" {
			msg = "No speaker matches"
		}
		return []string{s.st.paint.dim.Draw(truncate(msg, s.w))}
	}
	out := make([]string, 0, s.h)
	for i := s.offset; i < len(s.shown) && len(out) < s.h; i++ {
		sp := s.shown[i]
		count := fmt.Sprintf("%d", len(sp.Quotes))
		nameW := max(0, s.w-2-len(count)-1)
		line := "  " + fit(truncate(cleanLine(sp.Name), nameW), nameW) + " " + count
		switch {
		case i == s.cursor:
			line = "▌ " + line[2:]
			if focused {
				line = s.st.paint.listSelected.Draw(fit(line, s.w))
			} else {
				line = s.st.paint.listSelectedBlur.Draw(fit(line, s.w))
			}
		case sp.Described():
			line = s.st.paint.dim.Draw(line) // "a spokesman": many people, after the named
		}
		out = append(out, line)
	}
	return out
}

// quotesView lists one speaker's quotes: the words, then the article. They
// fill the pane: the rows left under the last whole one show the start of
// the next, or at the end of the list, the end of the one before the first.
func (s *speakersPane) quotesView(focused bool) []string {
	sp := s.shown[s.open]
	out := make([]string, 0, s.h)
	for i := s.qoffset; i < len(sp.Quotes) && len(out) < s.h; i++ {
		out = append(out, s.quoteEntry(sp.Quotes[i], i == s.qcursor)...)
	}
	for i := s.qoffset - 1; i >= 0 && len(out) < s.h; i-- {
		e := s.quoteEntry(sp.Quotes[i], i == s.qcursor)
		out = append(e[max(0, len(e)-(s.h-len(out))):], out...)
	}
	return out[:min(len(out), s.h)]
}

// quoteEntry is one quote of a speaker's list, in quoteRows rows.
func (s *speakersPane) quoteEntry(ref store.QuoteRef, selected bool) []string {
	tw := max(0, s.w-3)
	text := quoteWords(ref.Article, ref.Quote)
	first, rest := splitCells(text, max(1, tw-1))
	lines := []string{"“" + first, truncate(rest, tw) + "”", "in " + cleanLine(ref.Article.Title)}
	in := 2
	if rest == "" { // the title right under a quote of one line, the row left over after it
		lines = []string{"“" + first + "”", lines[2], ""}
		in = 1
	}
	bar := "  "
	if selected {
		bar = s.st.paint.bar.Draw("┃") + " "
	}
	for j, l := range lines {
		l = truncate(l, tw)
		switch {
		case j == in:
			l = s.st.paint.speaker.Draw(l)
		case selected:
			l = s.st.paint.sideSelected.Draw(l)
		}
		lines[j] = bar + l
	}
	return lines
}

// splitCells cuts s at the last space that fits in w cells.
func splitCells(s string, w int) (string, string) {
	if len(s) <= w {
		return s, ""
	}
	first := truncate(s, w+1)
	first = strings.TrimSuffix(first, "…")
	if i := strings.LastIndexByte(first, ' '); i > 0 {
		first = first[:i]
	}
	return first, strings.TrimSpace(s[len(first):])
}
