package cli

import (
	"bufio"
	"encoding/json"
	"fmt"

	"newsreader/store"
)

// articleRecord is one line of `list --json`.
type articleRecord struct {
	File   string `json:"file"`
	Title  string `json:"title"`
	Byline string `json:"byline"`
	Date   string `json:"date"`
	Words  int    `json:"words"`
	Quotes int    `json:"quotes"`
	Format string `json:"format"`
}

func runList(args []string, env Env) int {
	h, code, ok := subcommand("list", args, env)
	if !ok {
		return code
	}
	lib := loadLibrary(store.Source{Paths: h.paths}, env)
	printList(lib.articles(h.cfg.Sort), h.asJSON, env)
	lib.close(env)
	if !lib.allRead {
		return 1
	}
	return 0
}

func printList(arts []*store.Article, asJSON bool, env Env) {
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		r := articleRecord{File: a.Path, Title: a.Title, Byline: a.Byline, Words: a.Words, Quotes: len(a.Quotes), Format: string(a.Format)}
		if !a.Date.IsZero() {
			r.Date = a.Date.Format("2006-01-02")
		}
		if asJSON {
			enc.Encode(r)
			continue
		}
		fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%d %s\t%d %s\t%s\n", oneLine(r.File), oneLine(r.Title), oneLine(r.Byline), r.Date, r.Words, plural(r.Words, "word", "words"), r.Quotes, plural(r.Quotes, "quote", "quotes"), r.Format)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
