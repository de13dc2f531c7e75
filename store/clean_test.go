package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want string
		enc  Encoding
	}{
		{"plain", "Hello, world.\n", "Hello, world.\n", UTF8},
		{"bom", "\xEF\xBB\xBFHello", "Hello", UTF8},
		{"crlf", "one\r\ntwo\r\n", "one\ntwo\n", UTF8},
		{"lone cr", "one\rtwo", "one\ntwo", UTF8},
		{"windows-1252", "caf\xe9 \x93quoted\x94 \x85", "café “quoted” …", Windows1252},
		{"csi", "red \x1b[31mtext\x1b[0m end", "red text end", UTF8},
		{"clear screen", "a\x1b[2Jb", "ab", UTF8},
		{"osc 52 clipboard", "a\x1b]52;c;ZXZpbA==\x07b", "ab", UTF8},
		{"osc 8 link with ST", "a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb", UTF8},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab", UTF8},
		{"apc", "a\x1b_Gf=100;AAAA\x1b\\b", "ab", UTF8},
		{"unterminated osc stops at line end", "a\x1b]0;title\nnext", "a\nnext", UTF8},
		{"c1 as utf-8", "a\u009b31mb\u0085c", "abc", UTF8},
		{"c1 osc as utf-8", "a\u009d0;x\u0007b", "ab", UTF8},
		{"backspace and bell", "a\bb\x07c", "abc", UTF8},
		{"bidi override", "abc\u202edef\u202c", "abcdef", UTF8},
		{"zero width sentinels removed", "a\u200bb\u200cc", "abc", UTF8},
		{"zwj kept for emoji", "👨\u200d👩", "👨\u200d👩", UTF8},
		{"tab kept", "a\tb", "a\tb", UTF8},
		{"line separator", "a\u2028b", "a\nb", UTF8},
		{"utf-16le", "\xff\xfeh\x00i\x00\r\x00\n\x00!\x00", "hi\n!", UTF16LE},
		{"utf-16be", "\xfe\xff\x00h\x00i", "hi", UTF16BE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, enc, err := Decode([]byte(tt.raw))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || enc != tt.enc {
				t.Errorf("Decode(%q) = %q, %s; want %q, %s", tt.raw, got, enc, tt.want, tt.enc)
			}
		})
	}
}

// TestDecodeOwned checks that decoding bytes the text may share (files
// just read) gives what copying gives, and that Decode never shares.
func TestDecodeOwned(t *testing.T) {
	for _, raw := range []string{"Hello, world.\n", "\xEF\xBB\xBFHello", "one\r\ntwo", "a\x1b[2Jb", "a\u2028b",
		"caf\xe9", "\xff\xfeh\x00i\x00", "\x1b[31mred", "ends in CR\r", "", "a\u200bb"} {
		want, wantMap, _, wantErr := decode([]byte(raw), false, false)
		got, gotMap, _, err := decode([]byte(raw), false, true)
		if got != want || (err == nil) != (wantErr == nil) {
			t.Errorf("owned decode(%q) = %q, %v; copied = %q, %v", raw, got, err, want, wantErr)
		}
		for i := 0; i <= len(want); i++ {
			if gotMap.File(i) != wantMap.File(i) {
				t.Errorf("owned decode(%q): File(%d) = %d, copied %d", raw, i, gotMap.File(i), wantMap.File(i))
			}
		}
	}
	raw := []byte("clean text")
	text, _, _, _ := Decode(raw)
	copy(raw, "XXXXX")
	if text != "clean text" {
		t.Errorf("Decode shares the caller's bytes: %q after they changed", text)
	}
	raw = []byte("clean text")
	text, _, _, _ = decode(raw, false, true)
	if &raw[0] != unsafe.StringData(text) {
		t.Error("clean owned bytes were copied")
	}
}

func TestDecodeBinary(t *testing.T) {
	for _, raw := range [][]byte{
		[]byte("PNG\x00\x01\x02 data"),
		append([]byte("text"), bytes.Repeat([]byte{0x01, 0x02, 0x03, 0x04}, 100)...),
	} {
		if _, _, _, err := Decode(raw); !errors.Is(err, ErrBinary) {
			t.Errorf("Decode(%q...) error = %v, want ErrBinary", raw[:8], err)
		}
	}
}

// Every byte copied unchanged must map back to the same byte of the file,
// and every offset must stay inside the file.
func TestOffsetMap(t *testing.T) {
	raws := []string{
		"Hello\r\nworld \x1b[1mbold\x1b[0m “quoted” and more\r\n",
		"\xEF\xBB\xBF“A” said B.\r\n\r\nNext\x07 para.",
		"caf\xe9 \x93x\x94 yes",
		"plain text only",
	}
	for _, raw := range raws {
		text, m, _, err := Decode([]byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		prev := -1
		for i := 0; i <= len(text); i++ {
			f := m.File(i)
			if f < 0 || f > len(raw) {
				t.Fatalf("%q: File(%d) = %d, out of range", raw, i, f)
			}
			if f < prev {
				t.Fatalf("%q: File(%d) = %d < File(%d) = %d: not monotonic", raw, i, f, i-1, prev)
			}
			prev = f
			if i < len(text) && text[i] < 0x80 && text[i] != '\n' && raw[f] != text[i] {
				t.Errorf("%q: text[%d] = %q but file[%d] = %q", raw, i, text[i], f, raw[f])
			}
		}
		if m.File(len(text)) != len(raw) {
			t.Errorf("%q: end maps to %d, want %d", raw, m.File(len(text)), len(raw))
		}
	}
}

func TestOffsetMapShift(t *testing.T) {
	raw := "Title\r\n\r\nBody “with” a quote\r\nmore"
	text, m, _, _ := Decode([]byte(raw))
	base := strings.Index(text, "Body")
	s := m.Shift(base)
	for i := 0; i < len(text)-base; i++ {
		if s.File(i) != m.File(base+i) {
			t.Fatalf("Shift(%d).File(%d) = %d, want %d", base, i, s.File(i), m.File(base+i))
		}
	}
}

// FuzzDecode: decoding never panics, gives valid UTF-8 with no control
// characters but newline and tab, and offsets inside the input.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[31mred", "\xff\xfeh\x00", "caf\xe9", "a\r\nb", "\x1b]52;c;x\x07", "\u009b1m"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, m, _, err := Decode(raw)
		if err != nil {
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 out of %q", raw)
		}
		for _, r := range text {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0x1b {
				t.Fatalf("control %U left in %q", r, text)
			}
		}
		for i := 0; i <= len(text); i++ {
			if f := m.File(i); f < 0 || f > len(raw) {
				t.Fatalf("File(%d) = %d outside [0,%d]", i, f, len(raw))
			}
		}
	})
}
