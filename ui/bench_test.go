package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
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
			b.SetBytes(int64(len(a.Body)))
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
