// Command newsreader reads news articles in the terminal: the list, the
// article, and the quotes in it with who said them.
package main

import (
	"embed"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

	"newsreader/internal/cli"
	"newsreader/internal/xdg"
)

// seeds are the articles the reader ships with, so the installed binary
// works from any folder.
//
//go:embed seeds
var seeds embed.FS

func main() {
	if os.Getenv("GOGC") == "" { // GOGC, when set, decides
		tightenGC()
	}
	os.Exit(cli.Main(os.Args[1:], cli.Env{Seeds: seeds, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, CacheDir: cacheDir()}))
}

// cacheDir is where snapshots of the libraries read are kept:
// NEWSREADER_CACHE names another folder, or "off" keeps none.
func cacheDir() string {
	switch v := os.Getenv("NEWSREADER_CACHE"); {
	case v == "off":
		return ""
	case v != "":
		return v
	}
	dir, err := xdg.CacheDir(os.Getenv)
	if err != nil {
		return ""
	}
	return dir
}

// bigHeap is the live heap past which the collector runs at GOGC 33.
const bigHeap = 128 << 20

// tightenGC lowers the collector's headroom once the live heap is big.
// Most of it is what stays for the session (the index, the articles):
// collecting when the heap has grown by a third, not doubled, keeps a large
// library's peak near 1.33x what is live, and a small one pays nothing. It
// looks once a collection, so an idle reader never wakes for it.
func tightenGC() {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var check func()
	check = func() {
		// a cleanup runs after the collection that finds its object unreachable
		runtime.AddCleanup(new([64]byte), func(struct{}) {
			metrics.Read(live)
			if live[0].Value.Kind() == metrics.KindUint64 && live[0].Value.Uint64() > bigHeap {
				debug.SetGCPercent(33)
				return
			}
			check()
		}, struct{}{})
	}
	check()
}
