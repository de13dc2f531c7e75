package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the run into dir, and a heap
// profile when it stops, so the next regression is found in minutes.
func startProfile(dir string) (func(Env), error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	cpu, err := os.Create(filepath.Join(dir, "cpu.pprof"))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		cpu.Close()
		return nil, err
	}
	return func(env Env) {
		pprof.StopCPUProfile()
		cpu.Close()
		heap, err := os.Create(filepath.Join(dir, "heap.pprof"))
		if err == nil {
			runtime.GC()
			err = pprof.WriteHeapProfile(heap)
			heap.Close()
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "newsreader: heap profile: %v\n", err)
			return
		}
		fmt.Fprintf(env.Stderr, "newsreader: profiles in %s (go tool pprof %s)\n", dir, filepath.Join(dir, "cpu.pprof"))
	}, nil
}
