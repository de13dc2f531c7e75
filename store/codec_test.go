//go:build linux || darwin

package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"newsreader/store/quotes"
)

// snapshotFiles are articles of every kind a snapshot keeps: text and
// markdown, quotes of one part and of several, names, dates in and out of
// UTC, CRLF and Windows-1252 (file offsets that are not the body's), a BOM.
var snapshotFiles = map[string]string{
	"plain.txt": releaseText,
	"crlf.txt": strings.ReplaceAll("Council backs the new bridge\n\n“It will carry ten thousand cars a day,” said Maria Lopez, the council's engineer. “And bicycles,” she added.\n\n"+
		"Residents said \"the noise will be terrible\" at a meeting on Tuesday.\n", "\n", "\r\n"),
	"wrapped.txt": "Port strike ends\n\nDock workers returned on Monday after the union\nand the port agreed a deal. \"We have won what\nwe asked for,\" said Tom Hale, the union's leader,\n" +
		"\"and more.\"\n\nThe port said the deal \"secures jobs\nfor a decade\", and that ships were\nalready coming back to the quays.\n",
	"dated.md": "---\ntitle: Ferry service resumes\nauthor: [Ana Ruiz, Lin Wei]\ndate: 2024-05-01T09:30:00+02:00\nurl: https://news.example/ferry\n---\n\n" +
		"# Ferry service resumes\n\nThe first boat left at dawn. “We waited a long time for this,” said Jonas Berg, a commuter.\n\n" +
		"```\nprint(\"not a quote\")\n```\n\n“The timetable is back to normal,” the operator said in a statement.\n",
	"utc.md":     "---\ntitle: Rates hold\ndate: 2024-05-01\n---\n\nThe bank kept rates where they were. \"Inflation is falling,\" said the governor, Jane Doe.\n",
	"kolkata.md": "---\ntitle: Monsoon arrives early\ndate: 2024-06-01T08:00:00+05:30\n---\n\nRain reached the coast a week early. \"The crops will benefit,\" said Ravi Kumar.\n",
	"non-ascii.md": "# Élection à Montréal : « une victoire »\n\n« C'est une victoire pour tous », a déclaré José Álvarez. “Ça commence aujourd’hui,” said Zoë Ødegård, 市長.\n\n" +
		"Ünïcödé text with emoji 🎉 and a quote: “Straße und Brücke,” said Jürgen Groß.\n",
	"cp1252.txt":   "Caf\xe9 reopens\r\n\r\n\x93We missed the caf\xe9,\x94 said Ren\xe9e Dubois, a regular.\r\n",
	"bom.txt":      "\xef\xbb\xbfLibrary extends hours\n\n\"Students asked for it,\" said the librarian, Omar Said.\n",
	"no-quote.txt": "Weather\n\nIt will rain tomorrow and the day after, and then the sun will come out for the weekend.\n",
}

// writeSnapshotFiles writes the files into a new folder, their times a
// minute back.
func writeSnapshotFiles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range snapshotFiles {
		writeOld(t, filepath.Join(dir, name), text)
	}
	return dir
}

// readSettled reads every file of dir as a read a minute from now would:
// they have settled by then (their status-change time is now).
func readSettled(t *testing.T, dir string) []*Article {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*Article
	for _, e := range entries {
		got, err := readArticles(nil, filepath.Join(dir, e.Name()), time.Now().Add(time.Minute))
		if err != nil || len(got) != 1 {
			t.Fatalf("%s: %d articles, %v", e.Name(), len(got), err)
		}
		if _, ok := got[0].Stamp(); !ok {
			t.Fatalf("%s: not settled a minute after it was written", e.Name())
		}
		arts = append(arts, got...)
	}
	return arts
}

// articleAnswers is what an article tells without its body and with it.
type articleAnswers struct {
	Body       string
	Paras      []Span
	QuoteParts [][]string
	QuoteTexts []string
	Key        string
	Offsets    bool
	FileOffset []int
	Markdown   bool
	Minutes    int
}

func answers(t *testing.T, a *Article) articleAnswers {
	t.Helper()
	body, paras, err := a.Text()
	if err != nil {
		t.Fatalf("%s: %v", a.Path, err)
	}
	w := articleAnswers{Body: body, Paras: paras, Key: a.Key(), Offsets: a.Offsets(), Markdown: a.Markdown(), Minutes: a.ReadingMinutes()}
	for i := range a.Quotes {
		w.QuoteParts = append(w.QuoteParts, a.QuoteParts(i))
		w.QuoteTexts = append(w.QuoteTexts, a.QuoteText(i))
	}
	for off := 0; off <= len(body); off += max(1, len(body)/37) {
		w.FileOffset = append(w.FileOffset, a.FileOffset(off))
	}
	return w
}

// sameArticle reports the fields, private ones too, in which a and b differ.
func sameArticle(t *testing.T, a, b *Article) {
	t.Helper()
	if reflect.DeepEqual(a, b) {
		return
	}
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := range va.NumField() {
		// what pointers point to: the pointers differ
		fa, fb := fmt.Sprintf("%+v", reflect.Indirect(va.Field(i))), fmt.Sprintf("%+v", reflect.Indirect(vb.Field(i)))
		if fa != fb {
			t.Errorf("%s: %s differs:\n%s\nwant\n%s", a.Path, va.Type().Field(i).Name, fb, fa)
		}
	}
	t.Errorf("%s: the decoded article is not the one encoded", a.Path)
}

// A decoded article is the one encoded once its body is let go, and
// answers as it did, its body read again from the file.
func TestSnapshotRoundTrip(t *testing.T) {
	dir := writeSnapshotFiles(t)
	arts := readSettled(t, dir)
	kinds := map[string]bool{}
	var buf []byte
	want := make([]articleAnswers, len(arts))
	for i, a := range arts {
		want[i] = answers(t, a)
		a.Release()
		if a.Held() {
			t.Fatalf("%s: held after Release", a.Path)
		}
		buf = AppendArticle(buf, a)
		kinds["quotes"] = kinds["quotes"] || len(a.Quotes) > 0
		kinds["quote of parts"] = kinds["quote of parts"] || slices.ContainsFunc(a.Quotes, func(q quotes.Quote) bool { return len(q.Spans) > 1 })
		kinds["file offsets"] = kinds["file offsets"] || a.offsets != nil && !a.offsets.Identity()
		kinds["date in a zone"] = kinds["date in a zone"] || a.Date.Location() != time.UTC && !a.Date.IsZero()
		kinds["wrapped"] = kinds["wrapped"] || a.Wrapped && a.Format == FormatText
	}
	if len(kinds) != 5 || slices.Contains(mapValues(kinds), false) {
		t.Fatalf("the files do not hold every kind of article: %v", kinds)
	}
	for i, a := range arts {
		got, n, err := DecodeArticle(buf)
		if err != nil {
			t.Fatalf("%s: %v", a.Path, err)
		}
		buf = buf[n:]
		sameArticle(t, a, got)
		if got.Held() {
			t.Errorf("%s: a decoded article holds a body", a.Path)
		}
		if !a.Date.Equal(got.Date) || a.Date.String() != got.Date.String() {
			t.Errorf("%s: date %v, want %v", a.Path, got.Date, a.Date)
		}
		if w := answers(t, got); !reflect.DeepEqual(w, want[i]) {
			t.Errorf("%s: answers\n%+v\nwant\n%+v", a.Path, w, want[i])
		}
		if s, ok := got.Stamp(); !ok || s != a.stamp {
			t.Errorf("%s: stamp %+v %v, want %+v true", a.Path, s, ok, a.stamp)
		}
	}
	if len(buf) != 0 {
		t.Errorf("%d bytes left after the last article", len(buf))
	}
}

func mapValues(m map[string]bool) []bool {
	var out []bool
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// A decoded article reads its body from the file, and knows it changed.
func TestDecodedArticleSeesItsFileChange(t *testing.T) {
	dir := writeSnapshotFiles(t)
	for _, a := range readSettled(t, dir) {
		body, _, _ := a.Text()
		a.Release()
		got, _, err := DecodeArticle(AppendArticle(nil, a))
		if err != nil {
			t.Fatal(err)
		}
		if text, _, err := got.Text(); err != nil || text != body {
			t.Errorf("%s: unchanged file: %v", a.Path, err)
		}
		raw, err := os.ReadFile(a.Path)
		if err != nil {
			t.Fatal(err)
		}
		// one letter of the body changed for another: the same length
		i := bytes.LastIndexAny(raw, "aeiou")
		raw[i] ^= 'a' ^ 'o'
		if err := os.WriteFile(a.Path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := got.Text(); !errors.Is(err, ErrChanged) {
			t.Errorf("%s: changed file: err %v, want ErrChanged", a.Path, err)
		}
	}
}

// Dates keep their instant, their zone's name and offset, and their
// location where it is UTC, the machine's or a fixed zone.
func TestSnapshotDates(t *testing.T) {
	at := time.Date(2024, 5, 1, 9, 30, 15, 123456789, time.UTC)
	dates := []time.Time{
		{}, at, at.Local(), at.In(time.FixedZone("", 2*3600)), at.In(time.FixedZone("", 5*3600+1800)),
		at.In(time.FixedZone("EST", -5*3600)), time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 0, time.FixedZone("", -12*3600)),
	}
	exact := len(dates)
	if paris, err := time.LoadLocation("Europe/Paris"); err == nil {
		dates = append(dates, at.In(paris)) // becomes a fixed zone of its name and offset
	}
	for i, d := range dates {
		a := &Article{Path: "a.md", Format: FormatMarkdown, Date: d}
		got, _, err := DecodeArticle(AppendArticle(nil, a))
		if err != nil {
			t.Fatalf("%v: %v", d, err)
		}
		n1, o1 := d.Zone()
		n2, o2 := got.Date.Zone()
		if !got.Date.Equal(d) || n1 != n2 || o1 != o2 || got.Date.IsZero() != d.IsZero() {
			t.Errorf("date %v came back %v", d, got.Date)
		}
		if i < exact && !reflect.DeepEqual(got.Date, d) {
			t.Errorf("date %v came back %#v, not the same value", d, got.Date)
		}
	}
}

// An article decoded with shared bytes is the one DecodeArticle gives,
// but its quotes' words are read from the shared bytes, not copied, and
// they are checked in the bytes decoded.
func TestDecodeArticleShared(t *testing.T) {
	arts := readSettled(t, writeSnapshotFiles(t))
	quoted := 0
	for _, a := range arts {
		a.Release()
		enc := AppendArticle(nil, a)
		shared := slices.Clone(enc)
		got, n, err := DecodeArticleShared(enc, shared)
		if err != nil || n != len(enc) {
			t.Fatalf("%s: took %d of %d, %v", a.Path, n, len(enc), err)
		}
		want, _, err := DecodeArticle(enc)
		if err != nil {
			t.Fatal(err)
		}
		clear(enc) // nothing is read from the decoded bytes once decoded
		sameArticle(t, want, got)
		if len(a.Quotes) == 0 {
			continue
		}
		quoted++
		// the words are the shared bytes: change them there, and they change
		i := bytes.Index(shared, []byte(got.QuoteParts(0)[0]))
		if i < 0 {
			t.Fatalf("%s: the quote's words are not in the encoding", a.Path)
		}
		before := strings.Clone(got.QuoteParts(0)[0])
		shared[i] = '#'
		if after := got.QuoteParts(0)[0]; after == before || after[0] != '#' {
			t.Errorf("%s: the quote's words were copied: %q after changing the shared bytes", a.Path, after)
		}
	}
	if quoted == 0 {
		t.Fatal("no article with quotes")
	}
	// words that are not clean text in the bytes decoded are refused,
	// whatever the shared bytes say
	a := arts[slices.IndexFunc(arts, func(a *Article) bool { return len(a.Quotes) > 0 })]
	enc := AppendArticle(nil, a)
	shared := slices.Clone(enc)
	enc[bytes.Index(enc, []byte(a.QuoteParts(0)[0]))] = 0x1b
	if _, _, err := DecodeArticleShared(enc, shared); err == nil {
		t.Error("an escape in the quotes' words decoded")
	}
	if _, _, err := DecodeArticleShared(shared, shared[:len(shared)-1]); err == nil {
		t.Error("shared bytes shorter than the article decoded")
	}
}

// validArticle is an article to encode, with quotes and a file offset map.
func validArticle(t *testing.T) (*Article, []byte) {
	t.Helper()
	arts := readSettled(t, writeSnapshotFiles(t))
	for _, a := range arts {
		if filepath.Base(a.Path) == "crlf.txt" {
			a.Release()
			return a, AppendArticle(nil, a)
		}
	}
	t.Fatal("no crlf.txt")
	return nil, nil
}

// Every cut of an article is an error, not an article.
func TestDecodeTruncated(t *testing.T) {
	_, enc := validArticle(t)
	for n := range len(enc) {
		if a, _, err := DecodeArticle(enc[:n]); err == nil || a != nil {
			t.Errorf("cut to %d of %d bytes: %v, %v", n, len(enc), a, err)
		}
	}
	if _, n, err := DecodeArticle(append(enc, 1, 2, 3)); err != nil || n != len(enc) {
		t.Errorf("with bytes after it: took %d of %d, %v", n, len(enc), err)
	}
}

// decodeBoth is DecodeArticle, checking that the shared decoding takes
// or refuses the same bytes and gives the same article.
func decodeBoth(t *testing.T, b []byte) (*Article, int, error) {
	t.Helper()
	a, n, err := DecodeArticle(b)
	shared, sn, serr := DecodeArticleShared(b, slices.Clone(b))
	if (err == nil) != (serr == nil) || n != sn {
		t.Fatalf("DecodeArticle took %d bytes, %v; DecodeArticleShared %d, %v", n, err, sn, serr)
	}
	if err == nil {
		sameArticle(t, a, shared)
	}
	return a, n, err
}

// Bytes flipped at random give an error or an article that holds
// together: spans in its body, words that can be cut as QuoteParts cuts
// them, clean strings. Nothing panics.
func TestDecodeFlippedBytes(t *testing.T) {
	_, enc := validArticle(t)
	rng := rand.New(rand.NewPCG(1, 2))
	decoded := 0
	for range 20000 {
		b := slices.Clone(enc)
		for range 1 + rng.IntN(3) {
			b[rng.IntN(len(b))] ^= byte(1 + rng.IntN(255))
		}
		a, n, err := decodeBoth(t, b)
		if err != nil {
			continue
		}
		decoded++
		if n > len(b) {
			t.Fatalf("took %d of %d bytes", n, len(b))
		}
		for i, q := range a.Quotes {
			for _, sp := range q.Spans {
				if sp.Start < 0 || sp.Start > sp.End || sp.End > int(a.size) {
					t.Fatalf("span %v out of a body of %d", sp, a.size)
				}
			}
			for _, p := range a.QuoteParts(i) {
				if !isCleanText(p, true) {
					t.Fatalf("quote part %q", p)
				}
			}
		}
		for _, s := range []string{a.Title, a.Byline, a.Source, a.Site, a.Date.String()} {
			if !isCleanText(s, false) {
				t.Fatalf("string %q", s)
			}
		}
		a.FileOffset(int(a.size) / 2)
		a.Key()
		// what is taken is what AppendArticle writes
		if again, _, err := DecodeArticle(AppendArticle(nil, a)); err != nil {
			t.Fatalf("written again: %v", err)
		} else {
			sameArticle(t, a, again)
		}
	}
	t.Logf("%d of 20000 altered articles decoded", decoded)
}

// FuzzDecodeArticle: go test ./store -run XXX -fuzz FuzzDecodeArticle
func FuzzDecodeArticle(f *testing.F) {
	for name, text := range snapshotFiles {
		arts, err := Parse(name, []byte(text))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(AppendArticle(nil, arts[0]))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, n, err := decodeBoth(t, b)
		if err != nil {
			return
		}
		if n > len(b) {
			t.Fatalf("took %d of %d bytes", n, len(b))
		}
		for i := range a.Quotes {
			a.QuoteText(i)
		}
		again, _, err := DecodeArticle(AppendArticle(nil, a))
		if err != nil {
			t.Fatalf("written again: %v", err)
		}
		sameArticle(t, a, again)
	})
}

// A count or a length of 2^62 is refused before anything of that size is
// made.
func TestDecodeHugeLengths(t *testing.T) {
	// an article by hand: text, again and settled, a body of 10 bytes
	head := func() []byte {
		b := []byte{flagAgain | flagSettled, 0, 0} // flags, format, entry
		b = append(b, 0, 0, 0, 1, 1)               // stamp: size, times, inode, device
		b = append(b, 10, 2)                       // body size, words
		return append(b, make([]byte, 16+8)...)    // key, words hash
	}
	huge := binary.AppendUvarint(nil, 1<<62)
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	lens := []byte{1, 0, 0, 0, 0} // a path of one byte, then no title, byline, source or site
	noDate, noMap, noQuotes := []byte{dateNone}, []byte{0}, []byte{0}
	oneQuote := []byte{1, 1, 2, 3, 1, 3, 0} // one span [2, 5), a new speaker of 3 bytes, no mention
	valid := cat(head(), lens, noDate, noMap, oneQuote, []byte("p"), []byte("abc"), []byte("Ann"))
	a, n, err := DecodeArticle(valid)
	if err != nil || n != len(valid) || a.Path != "p" || a.QuoteText(0) != "abc" || a.Quotes[0].Speaker != "Ann" {
		t.Fatalf("the article by hand: %+v, %d of %d bytes, %v", a, n, len(valid), err)
	}
	cases := map[string][]byte{
		"path":     cat(head(), huge, lens[1:], noDate, noMap, noQuotes, []byte("p")),
		"title":    cat(head(), lens[:1], huge, lens[2:], noDate, noMap, noQuotes, []byte("p")),
		"zone":     cat(head(), lens, []byte{dateFixed, 0, 0, 0}, huge, noMap, noQuotes, []byte("p")),
		"segments": cat(head(), lens, noDate, huge, []byte{0, 0}, noQuotes, []byte("p")),
		"quotes":   cat(head(), lens, noDate, noMap, huge, []byte{1, 0, 1, 0, 0}, []byte("p")),
		"spans":    cat(head(), lens, noDate, noMap, []byte{1}, huge, []byte{0, 1, 0, 0}, []byte("p")),
		"name":     cat(head(), lens, noDate, noMap, []byte{1, 1, 0, 1, 1}, huge, []byte{0}, []byte("p")),
		"entry":    cat(head()[:2], huge),
	}
	for name, b := range cases {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		a, _, err := DecodeArticle(b)
		runtime.ReadMemStats(&after)
		if err == nil || a != nil {
			t.Errorf("%s of 2^62: %+v, %v", name, a, err)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<10 {
			t.Errorf("%s of 2^62: %d bytes allocated", name, grew)
		}
	}
}

// What loading never makes is refused: strings that could command a
// terminal, spans outside the body, formats and flags unknown.
func TestDecodeRefusesWhatLoadingNeverMakes(t *testing.T) {
	base := func() *Article {
		return &Article{Path: "a.txt", Format: FormatText, Title: "Title", size: 10, said: "abc", Quotes: []quotes.Quote{{Spans: []Span{{Start: 2, End: 5}}, Speaker: "Ann"}}}
	}
	if _, _, err := DecodeArticle(AppendArticle(nil, base())); err != nil {
		t.Fatalf("the article all cases start from: %v", err)
	}
	cases := map[string]func(a *Article){
		"escape in the title":      func(a *Article) { a.Title = "Red \x1b[31m" },
		"C1 control in the byline": func(a *Article) { a.Byline = "Ann\u009b2J" },
		"bidi override in a site":  func(a *Article) { a.Site = "abc\u202e" },
		"newline in the source":    func(a *Article) { a.Source = "https://x\n" },
		"bad UTF-8 in the title":   func(a *Article) { a.Title = "caf\xe9" },
		"bell in the quote":        func(a *Article) { a.said = "a\x07c" },
		"escape in a speaker":      func(a *Article) { a.Quotes[0].Speaker = "Ann\x1b]52" },
		"bad UTF-8 in a zone":      func(a *Article) { a.Date = time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("\xff", 60)) },
		"a cut inside a character": func(a *Article) {
			a.said = "é"
			a.Quotes = []quotes.Quote{{Spans: []Span{{Start: 0, End: 1}, {Start: 3, End: 4}}}}
		},
		"a title cut inside a character": func(a *Article) { a.Title, a.Byline = "\xc3", "\xa9" },
		"a name cut inside a character": func(a *Article) {
			a.Quotes[0].Speaker, a.Quotes[0].Mention = "\xc3", "\xa9"
		},
		"span past the body":       func(a *Article) { a.Quotes[0].Spans[0] = Span{Start: 8, End: 11} },
		"spans out of order":       func(a *Article) { a.Quotes = []quotes.Quote{{Spans: []Span{{Start: 5, End: 6}, {Start: 2, End: 4}}}} },
		"a quote of no span":       func(a *Article) { a.Quotes = []quotes.Quote{{}}; a.said = "" },
		"more words than bytes":    func(a *Article) { a.Words = 11 },
		"no path":                  func(a *Article) { a.Path = "" },
		"NUL in the path":          func(a *Article) { a.Path = "a\x00b" },
		"an unknown format":        func(a *Article) { a.Format = "pdf" },
		"a date out of time":       func(a *Article) { a.Date = time.Date(100000, 1, 1, 0, 0, 0, 0, time.UTC) },
		"a file offset before all": func(a *Article) { a.offsets = &OffsetMap{segs: []segment{{0, -1, true}}} },
	}
	for name, change := range cases {
		a := base()
		change(a)
		if got, _, err := DecodeArticle(AppendArticle(nil, a)); err == nil || !strings.HasPrefix(err.Error(), "snapshot: ") {
			t.Errorf("%s: %+v, %v", name, got, err)
		}
	}
	b := AppendArticle(nil, base())
	b[0] |= 0x80
	if _, _, err := DecodeArticle(b); err == nil {
		t.Error("an unknown flag was taken")
	}
}

// Every article loading makes of the shared corpora (text, markdown,
// pages, feeds) and of the format samples comes back as it was, its body
// aside: what the decoder refuses, loading never makes. A sample of every
// 8th file; -corpus reads them all.
func TestCorpusSnapshotRoundTrip(t *testing.T) {
	var paths []string
	n := 0
	err := filepath.WalkDir(sharedDir(t, "corpora"), func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || skipFile(e.Name()) {
			return err
		}
		if n++; *fullCorpus || n%8 == 0 {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, filepath.Join(moduleRoot(t), "testdata", "formats"))
	arts, _ := LoadAll(t.Context(), Source{Paths: paths})
	formats := map[Format]int{}
	for _, a := range arts {
		formats[a.Format]++
		a.text.Store(nil)
		got, _, err := DecodeArticle(AppendArticle(nil, a))
		if err != nil {
			t.Errorf("%s: %v", a.Path, err)
			continue
		}
		sameArticle(t, a, got)
	}
	if len(formats) != len(formatCodes) {
		t.Errorf("articles of %v only", formats)
	}
	t.Logf("%d articles of %d files: %v", len(arts), len(paths), formats)
}

// Clean text is what the cleaning of files leaves: every byte at every
// place of a run long enough for the fast loops.
func TestIsCleanText(t *testing.T) {
	for c := range 0x80 {
		for at := range 70 {
			b := []byte(strings.Repeat("abcdefgh", 9))
			b[at] = byte(c)
			for _, lines := range []bool{false, true} {
				want := c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' && lines
				if got := isCleanText(string(b), lines); got != want {
					t.Fatalf("%#x at %d, lines %v: %v", c, at, lines, got)
				}
			}
		}
	}
	for _, r := range []rune{0x80, 0x9b, 0x9f, '\u200b', '\u202e', '\u2028', '\ufeff', '\ufff9'} {
		if isCleanText(strings.Repeat("x", 40)+string(r), true) {
			t.Errorf("%U taken for clean", r)
		}
	}
	for _, s := range []string{"", "café £5 “quoted” — 市長 🎉\tend", strings.Repeat("é", 40)} {
		if !isCleanText(s, false) {
			t.Errorf("%q taken for unclean", s)
		}
	}
	if isCleanText(strings.Repeat("x", 40)+"\xe9", false) {
		t.Error("bad UTF-8 taken for clean")
	}
}
