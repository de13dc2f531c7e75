package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"slices"

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
	_, asJSON, paths, ok := subcommand("list", args, env)
	if !ok {
		return 2
	}
	arts, allRead := loadAll(paths, env)
	printList(onceEach(arts, env), *asJSON, env)
	if !allRead {
		return 1
	}
	return 0
}

// onceEach keeps one copy of an article found in several files, as the
// reader shows it, and says on stderr how many it left out.
func onceEach(arts []*store.Article, env Env) []*store.Article {
	st := store.New()
	if u := st.Add(arts...); u.Duplicates > 0 {
		fmt.Fprintf(env.Stderr, "newsreader: %d duplicate %s not listed (same link, or same title and text as one listed)\n", u.Duplicates, plural(u.Duplicates, "article", "articles"))
	}
	arts = slices.Clone(st.Articles())
	store.SortArticles(arts)
	return arts
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
		fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%d words\t%d quotes\t%s\n", oneLine(r.File), oneLine(r.Title), oneLine(r.Byline), r.Date, r.Words, r.Quotes, r.Format)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
