// Package blevebench measures github.com/blevesearch/bleve/v2 with an
// in-memory index on the articles and queries the reader's own search
// benchmarks use, for the side-by-side figures. It is a module of its own so
// that the reader does not depend on bleve:
//
//	cd store/search/internal/blevebench
//	NEWSREADER_BENCH_N=100000 go test -run XXX -bench . -cpu 1 -benchtime 1x
package blevebench
