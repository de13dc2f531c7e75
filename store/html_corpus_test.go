package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

type groundTruth map[string]struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

func loadGroundTruth(tb testing.TB) (string, groundTruth) {
	dir := sharedDir(tb, "corpora", "html", "extraction-benchmark")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var gt groundTruth
	if err := json.Unmarshal(raw, &gt); err != nil {
		tb.Fatal(err)
	}
	return dir, gt
}

// wordF1 is the harmonic mean of precision and recall of the extracted words
// against the expected ones, counted as multisets.
func wordF1(got, want []string) float64 {
	if len(got) == 0 || len(want) == 0 {
		if len(got) == len(want) {
			return 1
		}
		return 0
	}
	counts := map[string]int{}
	for _, w := range want {
		counts[w]++
	}
	common := 0
	for _, w := range got {
		if counts[w] > 0 {
			counts[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(got)), float64(common)/float64(len(want))
	return 2 * p * r / (p + r)
}

func TestWordF1(t *testing.T) {
	if f := wordF1(wordsOf("The cat sat."), wordsOf("the CAT sat")); f != 1 {
		t.Errorf("same words: F1 %v, want 1", f)
	}
	if f := wordF1(wordsOf("a b"), wordsOf("a b c d")); f < 0.66 || f > 0.67 {
		t.Errorf("half recall, full precision: F1 %v, want 2/3", f)
	}
	if f := wordF1(wordsOf("see [the report](https://x.example/a-b-c)"), wordsOf("see the report")); f != 1 {
		t.Errorf("link targets count: F1 %v", f)
	}
	if f := wordF1(wordsOf("x y"), wordsOf("a b")); f != 0 {
		t.Errorf("no common words: F1 %v", f)
	}
}

// extractionF1 extracts every page (or every step-th) and returns the F1 of
// each against its ground truth, by page id.
func extractionF1(tb testing.TB, step int) map[string]float64 {
	dir, gt := loadGroundTruth(tb)
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	scores := map[string]float64{}
	for i, id := range ids {
		if i%step != 0 {
			continue
		}
		arts, err := ReadFile(nil, filepath.Join(dir, id+".html.gz"))
		body := ""
		if err == nil && len(arts) == 1 {
			if arts[0].Format != FormatHTML {
				tb.Errorf("%s: read as %s, want html", id, arts[0].Format)
			}
			body = bodyOf(arts[0])
		} else {
			tb.Logf("%s: %v", id, err)
		}
		scores[id] = wordF1(wordsOf(body), wordsOf(gt[id].ArticleBody))
	}
	return scores
}

func meanScore(scores map[string]float64) float64 {
	sum := 0.0
	for _, s := range scores {
		sum += s
	}
	return sum / float64(len(scores))
}

// TestCorpusHTMLExtraction checks the article text readability extracts
// from real pages against the benchmark's ground truth. By default it reads
// every 8th page; -corpus reads all 181.
func TestCorpusHTMLExtraction(t *testing.T) {
	step := 8
	if *fullCorpus {
		step = 1
	}
	scores := extractionF1(t, step)
	mean := meanScore(scores)
	t.Logf("mean word F1 over %d pages: %.4f", len(scores), mean)
	if mean < 0.88 {
		for id, s := range scores {
			if s < 0.5 {
				t.Logf("%s: F1 %.3f", id, s)
			}
		}
		t.Errorf("mean word F1 %.4f, want at least 0.88", mean)
	}
}

// BenchmarkHTMLExtraction reports the mean word F1 over all pages with the
// time: go test ./store -run '^$' -bench HTMLExtraction -benchtime 1x
func BenchmarkHTMLExtraction(b *testing.B) {
	var mean float64
	for b.Loop() {
		mean = meanScore(extractionF1(b, 1))
	}
	b.ReportMetric(mean, "F1")
}
