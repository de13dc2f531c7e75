package quotes

import (
	"fmt"
	"os"
	"testing"
)

func TestDebug(t *testing.T) {
	s := os.Getenv("Q")
	for _, q := range Extract(s, nil) {
		fmt.Printf("%q -> %q (%q)\n", q.Text(s), q.Speaker, q.Mention)
	}
}

func TestDebugToks(t *testing.T) {
	s := os.Getenv("Q")
	e := extractor{text: s, paras: lines(s)}
	e.findSpans()
	e.tokenize()
	for i, tk := range e.toks {
		fmt.Printf("%d:%q/%d ", i, s[tk.pos:tk.end], tk.kind)
	}
	fmt.Println()
	for _, p := range e.parts {
		fmt.Println(p.tok, e.cueAfter(p.tok), e.cueBefore(p.tok), e.sentenceAfter(p.tok))
	}
}
