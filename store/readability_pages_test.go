package store

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// readabilityTestPages is the folder of test pages the go-readability
// module ships (in the module cache after `go mod download`), or skips.
func readabilityTestPages(tb testing.TB) string {
	tb.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output()
	dir := filepath.Join(strings.TrimSpace(string(out)), "test-pages")
	if err != nil || strings.TrimSpace(string(out)) == "" {
		tb.Skipf("go-readability module not found: %v", err)
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("no test pages: %v", err)
	}
	return dir
}

// TestReadabilityPageTitles reads the pages go-readability tests itself on
// and compares the titles with the ones it expects: at least 95% must match.
// By default it reads every 5th page (all 134 take 18 s under -race);
// -corpus reads them all.
func TestReadabilityPageTitles(t *testing.T) {
	dir := readabilityTestPages(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	step, minPages := 5, 20
	if *fullCorpus {
		step, minPages = 1, 100
	}
	pages, same := 0, 0
	for i, e := range entries {
		if !e.IsDir() || i%step != 0 {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, e.Name(), "source.html"))
		if err != nil {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, e.Name(), "expected-metadata.json"))
		if err != nil {
			continue
		}
		var want struct {
			Title string `json:"title"`
		}
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		pages++
		arts, err := Parse("source.html", src)
		got := ""
		if len(arts) == 1 {
			got = arts[0].Title
		}
		if got == collapseSpace(want.Title) {
			same++
			continue
		}
		t.Logf("%s: title %q, want %q (err %v)", e.Name(), got, want.Title, err)
	}
	if pages < minPages {
		t.Fatalf("only %d test pages found in %s", pages, dir)
	}
	share := float64(same) / float64(pages)
	t.Logf("%d of %d titles as expected (%.1f%%)", same, pages, 100*share)
	if share < 0.95 {
		t.Errorf("%.1f%% of titles as expected, want at least 95%%", 100*share)
	}
}
