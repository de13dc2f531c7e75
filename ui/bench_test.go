package ui

import (
	"fmt"
	"newsreader/internal/storetest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"newsreader/internal/bench"
	"newsreader/internal/corpusgen"
	"newsreader/internal/testcorpus"
	"newsreader/store"
)

// bigArticle is about n bytes of paragraphs with a quote in every third one.
func bigArticle(b testing.TB, n int) *articleT {
	var sb strings.Builder
	sb.WriteString("A very long report\n\n")
	for i := 0; sb.Len() < n; i++ {
		if i%3 == 0 {
			fmt.Fprintf(&sb, "“Quote number %d says something that matters to the story,” said Speaker%d Person.\n\n", i, i%7)
		}
		fmt.Fprintf(&sb, "Paragraph %d of ordinary reporting goes on about the matter at hand, with names, places and figures like %d.\n\n", i, i*17)
	}
	return parse(b, "big.txt", sb.String())
}

// BenchmarkKeystroke is one key (Update and View) on a rendered 100 KB article.
func BenchmarkKeystroke(b *testing.B) {
	for _, c := range []struct {
		name string
		keys []string
	}{
		{"reader-j", []string{"tab", "j"}},
		{"reader-next-quote", []string{"tab", "]"}},
		{"list-j", []string{"j"}},
		{"quotes-j", []string{"tab", "tab", "j"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			arts := []*articleT{bigArticle(b, 100<<10), bigArticle(b, 100<<10)}
			m := testModel(b, 160, 45, arts...)
			for _, k := range c.keys[:len(c.keys)-1] {
				m = press(b, m, k)
			}
			key := keys(c.keys[len(c.keys)-1])[0]
			up := keys("k")[0]
			if c.keys[len(c.keys)-1] == "]" {
				up = keys("[")[0]
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				k := key
				if i%40 >= 20 { // go back and forth so the view keeps moving
					k = up
				}
				next, _ := m.Update(k)
				m = next.(Model)
				_ = m.View()
			}
		})
	}
}

// BenchmarkRender is glamour plus our layout of the rendered lines.
func BenchmarkRender(b *testing.B) {
	for _, size := range []int{5 << 10, 100 << 10} {
		a := bigArticle(b, size)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			rd := renderer{style: "dark"}
			b.SetBytes(int64(len(storetest.Body(a))))
			for i := 0; i < b.N; i++ {
				if _, err := rd.render(a, 80); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkResize(b *testing.B) {
	m := testModel(b, 160, 45, bigArticle(b, 5<<10))
	for i := 0; i < b.N; i++ {
		next, _ := m.Update(tea.WindowSizeMsg{Width: 100 + i%2, Height: 45})
		m = next.(Model)
		_ = m.View()
	}
}

// BenchmarkOpenLong is the time to the first screen of a 1 MB article (its
// first part) and, in the "whole" case, to all of it.
func BenchmarkOpenLong(b *testing.B) {
	a := bigArticle(b, 1<<20)
	rd := renderer{style: "dark"}
	b.Run("first-screen", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			msg := rd.renderCmd(a, 100)().(renderedMsg)
			if msg.r == nil || !msg.r.partial {
				b.Fatal("no first part")
			}
		}
	})
	b.Run("whole", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			msg := rd.renderCmd(a, 100)().(renderedMsg)
			if whole := msg.rest().(renderedMsg); whole.r == nil {
				b.Fatal(whole.err)
			}
		}
	})
}

// BenchmarkKeystrokeLoaded is one key (Update and View) with a whole
// library loaded: NEWSREADER_BENCH_N generated articles, 10,000 unless set
// (skipped without ../shared); the table asks for 100,000:
//
//	NEWSREADER_BENCH_N=100000 go test -run XXX -bench KeystrokeLoaded -benchtime 2000x ./ui
//
// Besides the mean, it reports the 50th and 99th percentiles of the keys.
func BenchmarkKeystrokeLoaded(b *testing.B) {
	n := testcorpus.BenchN(b)
	src, err := corpusgen.Load(testcorpus.BBC(b))
	if err != nil {
		b.Fatal(err)
	}
	arts := make([]*articleT, 0, n)
	err = src.Generate(n, 1, func(i int, a corpusgen.Article) error {
		parsed, err := store.Parse(corpusgen.FileName(i), []byte(a.Text()))
		arts = append(arts, parsed...)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	d := &bench.Driver{Model: testModel(b, 120, 40, arts...)}
	for _, c := range []struct {
		name     string
		before   []string // keys that set the pane up, untimed
		forth    string
		back     string
		backEach int // go back after this many keys forth
	}{
		{"list-j", nil, "j", "k", 20},
		{"list-G", nil, "G", "g", 1},
		{"list-pgdown", nil, "pgdown", "pgup", 20},
		{"reader-j", []string{"enter"}, "j", "k", 20},
		{"quotes-j", []string{"tab"}, "j", "k", 20},
	} {
		b.Run(c.name, func(b *testing.B) {
			for _, k := range c.before {
				if err := d.Send(keys(k)...); err != nil {
					b.Fatal(err)
				}
			}
			forth, back := keys(c.forth)[0], keys(c.back)[0]
			wall := make([]time.Duration, 0, b.N)
			cpu := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := range b.N {
				k := forth
				if i/c.backEach%2 == 1 {
					k = back
				}
				t, err := d.Press(k)
				if err != nil {
					b.Fatal(err)
				}
				wall, cpu = append(wall, t.Wall), append(cpu, t.CPU)
			}
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
			w, c := bench.Summarize(wall), bench.Summarize(cpu)
			b.ReportMetric(ms(w.P50), "p50-ms")
			b.ReportMetric(ms(w.P99), "p99-ms")
			b.ReportMetric(ms(c.P99), "cpu-p99-ms")
			b.ReportMetric(0, "ns/op") // b.N keys include the renders they start: not a keystroke's time
		})
	}
}
