package store

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// toUTF8 returns the bytes of a web page or feed as UTF-8, and the name of
// the encoding they were read in. A byte-order mark decides; a declared
// charset (declared, from <meta> or the XML declaration) is honoured only
// when the bytes agree with it: valid UTF-8 with non-ASCII letters is UTF-8
// whatever the page says (pages re-saved by a browser keep their old
// <meta>), and a declared encoding the bytes do not decode in is ignored.
// Without a usable declaration the encoding is detected from the bytes.
func toUTF8(data []byte, declared string) ([]byte, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], "utf-8"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), data), "utf-16le"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), data), "utf-16be"
	}
	if isASCII(data) || utf8.Valid(data) {
		return data, "utf-8"
	}
	if enc, name := charset.Lookup(declared); enc != nil && name != "utf-8" && !strings.HasPrefix(name, "utf-16") {
		if out, ok := decodeClean(enc, data); ok {
			return out, name
		}
	}
	// no declaration the bytes agree with: ask a detector, and fall back on
	// Windows-1252 (what browsers assume) when its guess does not decode cleanly
	if r, err := chardet.NewHtmlDetector().DetectBest(data); err == nil {
		if enc, name := charset.Lookup(r.Charset); enc != nil && name != "utf-8" && !strings.HasPrefix(name, "utf-16") {
			if out, ok := decodeClean(enc, data); ok {
				return out, name
			}
		}
	}
	enc, name := charset.Lookup("windows-1252")
	return decodeWith(enc, data), name
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func decodeWith(enc encoding.Encoding, data []byte) []byte {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// decodeClean decodes data and reports whether the bytes agree with the
// encoding: no undecodable sequences and almost no C1 control characters
// (which legacy text never holds, but misread bytes often become).
func decodeClean(enc encoding.Encoding, data []byte) ([]byte, bool) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, false
	}
	nonASCII, bad := 0, 0
	for _, r := range string(out) {
		if r < 0x80 {
			continue
		}
		nonASCII++
		if r == utf8.RuneError || r <= 0x9f {
			bad++
		}
	}
	return out, bad*100 <= nonASCII
}

// htmlCharset returns the charset a page declares in a <meta> element of
// its first 1024 bytes (where the HTML standard says to look), or "".
func htmlCharset(data []byte) string {
	if len(data) > 1024 {
		data = data[:1024]
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var cs, content string
			equiv := false
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					equiv = strings.EqualFold(string(v), "content-type")
				}
			}
			if cs != "" {
				return strings.TrimSpace(cs)
			}
			if equiv {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
			}
		}
	}
}

var xmlDeclEncoding = regexp.MustCompile(`^(\s*<\?xml[^>]*?\bencoding\s*=\s*["'])([^"']*)(["'])`)

// xmlCharset returns the encoding an XML declaration names, or "".
func xmlCharset(data []byte) string {
	if m := xmlDeclEncoding.FindSubmatch(data[:min(len(data), 256)]); m != nil {
		return string(m[2])
	}
	return ""
}

// declareUTF8 rewrites the encoding an XML declaration names to UTF-8, so an
// XML parser does not decode again what toUTF8 has already decoded.
func declareUTF8(data []byte) []byte {
	head := data[:min(len(data), 256)]
	m := xmlDeclEncoding.FindSubmatchIndex(head)
	if m == nil {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:m[4]]...)
	out = append(out, "UTF-8"...)
	return append(out, data[m[5]:]...)
}
