package cli

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"newsreader/store"
	"newsreader/store/search"
)

// searchRecord is one line of `search --json`. Matches are byte ranges in
// the file as it is on disk, of the matches in the article's text.
type searchRecord struct {
	File    string   `json:"file"`
	Title   string   `json:"title"`
	Score   float64  `json:"score"`
	Snippet string   `json:"snippet"`
	Matches [][2]int `json:"matches"`
}

const searchUsage = "usage: newsreader search [--json] [--limit N] [--config FILE] QUERY PATH...   (default: the config's paths)\n"

func runSearch(args []string, env Env) int {
	fl := flag.NewFlagSet("search", flag.ContinueOnError)
	asJSON := fl.Bool("json", false, "print one JSON object per line")
	limit := fl.Int("limit", 20, "print at most N results, 0 for all")
	cfgFile := fl.String("config", "", "the config file")
	usage := func(w io.Writer) {
		fmt.Fprint(w, searchUsage)
		fl.SetOutput(w)
		fl.PrintDefaults()
		fmt.Fprintln(w, "QUERY:")
		for _, l := range search.Syntax() {
			fmt.Fprintf(w, "  %-20s %s\n", l.Example, l.Meaning)
		}
	}
	args, code, ok := parseFlags(fl, args, env, usage, true)
	if !ok {
		return code
	}
	if len(args) == 0 || *limit < 0 {
		usage(env.Stderr)
		return 2
	}
	cfg, ok := settings(*cfgFile, env)
	if !ok {
		return 2
	}
	query, paths := args[0], args[1:]
	if len(paths) == 0 {
		paths = cfg.Paths // results are ranked: the config's sort is not theirs
	}
	if len(paths) == 0 {
		usage(env.Stderr)
		return 2
	}
	lib := loadLibrary(store.Source{Paths: paths}, env)
	defer lib.close(env)
	allRead := lib.allRead
	r := lib.index.Search(query, *limit)
	r.Hits = slices.DeleteFunc(r.Hits, func(h search.Hit) bool { return !lib.store.Shown(h.Article) })
	if r.Suggestion != "" {
		fmt.Fprintf(env.Stderr, "newsreader: some words are in no article; results for: %s\n", oneLine(r.Suggestion))
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, h := range r.Hits {
		a := h.Article
		if !*asJSON {
			fmt.Fprintf(out, "%s\t%s\t%s\t%d matches\t%s\n", oneLine(a.Path), oneLine(a.Title),
				strconv.FormatFloat(h.Score, 'f', 3, 64), h.Matches, snippetLine(h.Snippet))
			continue
		}
		rec := searchRecord{File: a.Path, Title: a.Title, Score: h.Score, Snippet: snippetLine(h.Snippet), Matches: [][2]int{}}
		for _, m := range h.Ranges {
			rec.Matches = append(rec.Matches, [2]int{a.FileOffset(m.Start), a.FileOffset(m.End)})
		}
		if err := enc.Encode(rec); err != nil {
			return 1
		}
	}
	if len(r.Hits) == 0 {
		// as grep: nothing found is a failure, and says so
		fmt.Fprintf(env.Stderr, "newsreader: %s\n", noMatch(query))
		return 1
	}
	if !allRead {
		return 1
	}
	return 0
}

// noMatch says why a query found nothing: a query of only words to leave
// out looks for nothing, so it finds nothing.
func noMatch(query string) string {
	for _, c := range search.Parse(query).Clauses {
		if !c.Not {
			return fmt.Sprintf("no articles match %q", oneLine(query))
		}
	}
	return fmt.Sprintf("%q has no word to look for, so it finds nothing (a word after -, as in -football, is one to leave out: add one to look for, as in \"oil -football\")", oneLine(query))
}

// snippetLine is a snippet as one line with single spaces: the snippet
// keeps the text's paragraph breaks (title, then body) as double spaces.
func snippetLine(s string) string {
	return strings.Join(strings.Fields(oneLine(s)), " ")
}
