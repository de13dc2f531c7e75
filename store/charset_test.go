package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

func TestToUTF8(t *testing.T) {
	encode := func(enc encoding.Encoding, s string) []byte {
		b, err := enc.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	latin1 := func(s string) []byte { return encode(charmap.ISO8859_1, s) }
	cp1251 := func(s string) []byte { return encode(charmap.Windows1251, s) }
	sjis := func(s string) []byte { return encode(japanese.ShiftJIS, s) }
	utf16le := func(s string) []byte {
		out := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	french := "La fête d'été près de l'église, à côté du marché : les élèves sont très contents."
	russian := "В субботу в центре города открылся новый парк с фонтаном и детской площадкой для детей."
	japaneseText := "東京の新しい図書館は来月から夜九時まで開館します。"
	cases := []struct {
		name     string
		data     []byte
		declared string
		want     string
		enc      string
	}{
		{"utf-8, no declaration", []byte(french), "", french, "utf-8"},
		{"utf-8 declared latin-1: the bytes win", []byte(french), "iso-8859-1", french, "utf-8"},
		{"latin-1 declared", latin1(french), "ISO-8859-1", french, "windows-1252"},
		{"latin-1 declared utf-8: the bytes win", latin1(french), "utf-8", french, "windows-1252"},
		{"latin-1 undeclared", latin1(french), "", french, ""},
		{"windows-1251 declared", cp1251(russian), "windows-1251", russian, "windows-1251"},
		{"windows-1251 undeclared", cp1251(russian), "", russian, "windows-1251"},
		{"shift_jis declared", sjis(japaneseText), "shift_jis", japaneseText, "shift_jis"},
		{"utf-16 with a BOM, declared latin-1", utf16le(russian), "iso-8859-1", russian, "utf-16le"},
		{"unknown declaration", latin1(french), "x-no-such-charset", french, ""},
	}
	for _, c := range cases {
		got, enc := toUTF8(c.data, c.declared)
		if string(got) != c.want {
			t.Errorf("%s: got %q", c.name, got)
		}
		if c.enc != "" && enc != c.enc {
			t.Errorf("%s: read as %s, want %s", c.name, enc, c.enc)
		}
	}
	// shift_jis declared over bytes that are not: the declaration is dropped
	got, enc := toUTF8(latin1(french), "shift_jis")
	if enc == "shift_jis" || string(got) != french {
		t.Errorf("latin-1 declared shift_jis: read as %s: %q", enc, got)
	}
}

func TestDeclaredCharsets(t *testing.T) {
	for _, c := range []struct{ page, want string }{
		{`<html><head><meta charset="windows-1251"><title>x</title>`, "windows-1251"},
		{`<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-1">`, "ISO-8859-1"},
		{`<html><head><meta name="viewport" content="width=device-width"><title>x</title>`, ""},
	} {
		if got := htmlCharset([]byte(c.page)); got != c.want {
			t.Errorf("htmlCharset(%q) = %q, want %q", c.page, got, c.want)
		}
	}
	x := []byte(`<?xml version="1.0" encoding='windows-1251'?><rss/>`)
	if got := xmlCharset(x); got != "windows-1251" {
		t.Errorf("xmlCharset = %q", got)
	}
	if got := string(declareUTF8(x)); got != `<?xml version="1.0" encoding='UTF-8'?><rss/>` {
		t.Errorf("declareUTF8 = %q", got)
	}
	if got := string(declareUTF8([]byte("<rss/>"))); got != "<rss/>" {
		t.Errorf("declareUTF8 without declaration = %q", got)
	}
}

// FuzzParse: no input makes Parse panic, and what it returns is clean text
// with paragraphs inside the body.
func FuzzParse(f *testing.F) {
	dir := filepath.Join("..", "testdata", "formats")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
			f.Add(e.Name(), data)
		}
	}
	f.Add("x.xml", []byte(`<?xml version="1.0" encoding="utf-16"?><rss><channel><item><title>T</title></item>`))
	f.Add("x.html", []byte("<html><body><blockquote><blockquote><p>\x1b]0;t\x07hi</p>"))
	f.Add("x.json", []byte(`{"version":"https://jsonfeed.org/version/1","items":[{"title":null}]}`))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		arts, err := Parse(name, data)
		if err == nil && len(arts) == 0 {
			t.Fatal("no articles and no error")
		}
		for _, a := range arts {
			for _, s := range []string{a.Title, a.Byline, bodyOf(a)} {
				if strings.ContainsAny(s, "\x1b\x00\r\u009b") {
					t.Fatalf("control character in %q", s)
				}
			}
			for _, p := range parasOf(a) {
				if p.Start < 0 || p.End > len(bodyOf(a)) || p.Start > p.End {
					t.Fatalf("paragraph %v outside a body of %d bytes", p, len(bodyOf(a)))
				}
			}
		}
	})
}
