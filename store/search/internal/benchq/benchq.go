// Package benchq makes what the search benchmarks time, the reader's
// engine and bleve alike: the generated articles, and one- to three-word
// queries and phrases of two and three words, taken from the articles so
// each finds something.
package benchq

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"unicode"

	"newsreader/internal/corpusgen"
	"newsreader/store"
)

// Size is how many articles the benchmarks generate: NEWSREADER_BENCH_N,
// 10,000 unless set.
func Size() (int, error) {
	s := os.Getenv("NEWSREADER_BENCH_N")
	if s == "" {
		return 10000, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("NEWSREADER_BENCH_N=%q: want a positive number", s)
	}
	return n, nil
}

// Corpus is the benchmark articles: the files, and the articles parsed
// from them as the reader parses a file.
type Corpus struct {
	Files    [][]byte
	Articles []*store.Article
	Bytes    int64 // of title and text
}

// Generate makes n articles from the corpus folder src, seed 1.
func Generate(src string, n int) (*Corpus, error) {
	source, err := corpusgen.Load(src)
	if err != nil {
		return nil, err
	}
	c := &Corpus{Files: make([][]byte, 0, n), Articles: make([]*store.Article, 0, n)}
	err = source.Generate(n, 1, func(i int, a corpusgen.Article) error {
		c.Files = append(c.Files, []byte(a.Text()))
		parsed, err := store.Parse(corpusgen.FileName(i), c.Files[i])
		if err != nil {
			return err
		}
		c.Articles = append(c.Articles, parsed...)
		body, _, _ := parsed[0].Text()
		c.Bytes += int64(len(parsed[0].Title) + len(body))
		return nil
	})
	return c, err
}

// Queries returns n queries from the texts, the same for the same texts:
// three of four are one to three words a reader would type (four letters
// or more, not the commonest), one of four a phrase of two or three words
// in a row, any words but numbers.
func Queries(texts []string, n int) []string {
	rng := rand.New(rand.NewPCG(2, 3))
	var out []string
	for tries := 0; len(out) < n && tries < 100*n; tries++ {
		words := strings.FieldsFunc(strings.ToLower(texts[rng.IntN(len(texts))]), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
		})
		var content []string
		for _, w := range words {
			if len(w) >= 4 && !common[w] {
				content = append(content, w)
			}
		}
		if len(content) < 3 || len(words) < 4 {
			continue
		}
		if kind := len(out) % 4; kind < 3 {
			q := make([]string, kind+1)
			for i := range q {
				q[i] = content[rng.IntN(len(content))]
			}
			out = append(out, strings.Join(q, " "))
			continue
		}
		k := 2 + rng.IntN(2)
		i := rng.IntN(len(words) - k)
		phrase := strings.Join(words[i:i+k], " ")
		if strings.ContainsFunc(phrase, unicode.IsDigit) {
			continue // engines split "7.5m" differently
		}
		out = append(out, `"`+phrase+`"`)
	}
	return out
}

var common = map[string]bool{"that": true, "with": true, "have": true, "this": true, "from": true, "they": true,
	"been": true, "were": true, "said": true, "which": true, "their": true, "will": true, "would": true, "there": true,
	"about": true, "also": true, "more": true, "than": true, "when": true, "what": true, "into": true, "some": true}
