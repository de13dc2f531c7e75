package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"unicode/utf8"

	"newsreader/store"
)

// quoteRecord is one line of `quotes --json`: one span of a quote, with
// byte offsets in the file as it is on disk.
type quoteRecord struct {
	File    string `json:"file"`
	Article string `json:"article"`
	Index   int    `json:"index"`
	Group   int    `json:"group"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Mention string `json:"mention"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

func runQuotes(args []string, env Env) int {
	h, code, ok := subcommand("quotes", args, env)
	if !ok {
		return code
	}
	asJSON := h.asJSON
	arts, allRead := loadAll(h.paths, env)
	store.SortArticlesBy(arts, h.cfg.Sort)
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		if len(a.Quotes) == 0 {
			continue
		}
		raw := rawFile(a.Path)
		if !asJSON {
			fmt.Fprintf(out, "%s: %s\n", oneLine(a.Path), oneLine(a.Title))
		}
		index := 0
		for g, q := range a.Quotes {
			parts := a.QuoteParts(g)
			if !asJSON {
				sp := q.Speaker
				if sp == "" {
					sp = "(unattributed)"
				}
				fmt.Fprintf(out, "  %d. “%s” — %s\n", g+1, oneLine(a.QuoteText(g)), oneLine(sp))
				continue
			}
			for k, s := range q.Spans {
				r := quoteRecord{File: a.Path, Article: a.Title, Index: index, Group: g, Speaker: q.Speaker, Mention: q.Mention,
					Start: a.FileOffset(s.Start), End: a.FileOffset(s.End), Text: parts[k]}
				// the words exactly as on disk, when the file holds them as UTF-8
				if r.Start >= 0 && r.Start <= r.End && r.End <= len(raw) && utf8.Valid(raw[r.Start:r.End]) {
					r.Text = string(raw[r.Start:r.End])
				}
				index++
				if err := enc.Encode(r); err != nil {
					return 1
				}
			}
		}
	}
	if !allRead {
		return 1
	}
	return 0
}

// rawFile is the file's bytes as on disk, or nil for a compressed or unreadable one.
func rawFile(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil || bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		return nil
	}
	return b
}
