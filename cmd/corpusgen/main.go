// Command corpusgen writes realistic news articles for benchmarks by
// recombining the paragraphs of the BBC corpus beside the project:
//
//	go run ./cmd/corpusgen -n 100000 -out DIR [-rss FILE] [-seed 1]
//
// DIR gets one text file per article (title, blank line, paragraphs); FILE
// the same articles as one RSS 2.0 feed. Nothing is written inside the
// shared folder or the source corpus.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"newsreader/internal/corpusgen"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fl := flag.NewFlagSet("corpusgen", flag.ContinueOnError)
	n := fl.Int("n", 1000, "how many articles")
	out := fl.String("out", "", "folder to write the articles to, one file each (new or empty)")
	rss := fl.String("rss", "", "file to write the articles to as one RSS 2.0 feed")
	seed := fl.Uint64("seed", 1, "the same seed gives the same articles")
	src := fl.String("src", "", "corpus to recombine (default: ../shared/corpora/bbc beside the module)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" && *rss == "" {
		return errors.New("give -out DIR, -rss FILE or both")
	}
	if *n < 0 {
		return errors.New("-n must not be negative")
	}
	shared, _ := corpusgen.FindShared()
	if *src == "" {
		if shared == "" {
			return errors.New("no ../shared beside the module: give -src")
		}
		*src = filepath.Join(shared, "corpora", "bbc")
	}
	for _, p := range []string{*out, *rss} {
		if p == "" {
			continue
		}
		if err := corpusgen.CheckOutside(p, shared, *src); err != nil {
			return err
		}
	}
	source, err := corpusgen.Load(*src)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := source.WriteDir(*out, *n, *seed); err != nil {
			return err
		}
	}
	if *rss != "" {
		f, err := os.Create(*rss)
		if err != nil {
			return err
		}
		w := bufio.NewWriterSize(f, 1<<20)
		err = source.WriteRSS(w, *n, *seed)
		if ferr := w.Flush(); err == nil {
			err = ferr
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
