package ui

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
)

// TestMemoryFlat scrolls and switches articles for many steps and checks
// that the heap comes back to its level: nothing grows per keystroke.
// NEWSREADER_SOAK=10000 runs the long version.
func TestMemoryFlat(t *testing.T) {
	steps := 3000
	if n, err := strconv.Atoi(os.Getenv("NEWSREADER_SOAK")); err == nil {
		steps = n
	}
	var arts []*articleT
	for i := range 20 {
		arts = append(arts, bigArticle(t, 4<<10+i*512))
	}
	m := testModel(t, 120, 40, arts...)
	keysCycle := keys("j", "tab", "G", "]", "[", "g", "/", "a", "enter", "esc", "shift+tab", "j", "k", "j")
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	var base uint64
	warm := steps / 5
	for i := range steps {
		m = settle(t, m, keysCycle[i%len(keysCycle)])
		_ = m.View()
		if i == warm {
			base = heap()
		}
	}
	end := heap()
	growth := int64(end) - int64(base)
	t.Logf("heap after %d steps: %.1f MB, after %d: %.1f MB (growth %+.1f MB)", warm, float64(base)/1e6, steps, float64(end)/1e6, float64(growth)/1e6)
	if growth > 8<<20 {
		t.Errorf("the heap grew by %s over %d steps", fmt.Sprintf("%.1f MB", float64(growth)/1e6), steps-warm)
	}
}
