// Command quoteeval scores the reader's quote extraction against labelled
// articles, in process, with the same matching as ../shared/tools/quote_eval.py:
//
//	go run ./cmd/quoteeval -gold ../shared/corpora/polnear/gold/dev.jsonl -root ../shared/corpora/polnear
//	go run ./cmd/quoteeval -kind hand    # the project's own labels, testdata/quotes/hand.jsonl
package main

import (
	"flag"
	"fmt"
	"os"

	"newsreader/internal/quoteeval"
)

func main() {
	gold := flag.String("gold", "../shared/corpora/polnear/gold/dev.jsonl", "gold labels (jsonl)")
	root := flag.String("root", "../shared/corpora/polnear", "folder the gold's paths are relative to")
	kind := flag.String("kind", "polnear", "gold format: polnear or hand")
	show := flag.Int("show-errors", 0, "print up to this many missed, extra and wrong-speaker quotes")
	minF1 := flag.Float64("min-f1", 0, "exit 1 when detection F1 is below this")
	minSpeaker := flag.Float64("min-speaker", 0, "exit 1 when speaker accuracy is below this")
	flag.Parse()

	set := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	load := quoteeval.LoadPolNeAR
	switch *kind {
	case "polnear":
	case "hand":
		load = quoteeval.LoadHand
		if !set["gold"] {
			*gold = "testdata/quotes/hand.jsonl"
		}
		if !set["root"] {
			*root = "../shared/corpora"
		}
	default:
		fmt.Fprintf(os.Stderr, "quoteeval: unknown -kind %q (polnear or hand)\n", *kind)
		os.Exit(2)
	}
	arts, err := load(*gold, *root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quoteeval:", err)
		os.Exit(2)
	}
	r, err := quoteeval.Score(arts, quoteeval.Predict, *show)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quoteeval:", err)
		os.Exit(2)
	}
	for _, e := range r.Errors {
		fmt.Println(e)
	}
	ok := r.F1() >= *minF1 && r.SpeakerAccuracy() >= *minSpeaker && r.BadOffsets == 0
	verdict := "ok"
	if !ok {
		verdict = "short"
	}
	fmt.Printf("%s: %s\n", verdict, r)
	if !ok {
		os.Exit(1)
	}
}
