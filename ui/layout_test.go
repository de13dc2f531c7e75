package ui

import (
	"strings"
	"testing"
)

// draw paints a layout as ASCII, one letter per pane, so a layout bug is a
// picture in the diff.
func draw(l Layout, w, h int) string {
	grid := make([][]byte, h)
	for y := range grid {
		grid[y] = []byte(strings.Repeat(".", w))
	}
	fill := func(r Rect, c byte) {
		for y := r.Y; y < r.Y+r.H && y < h; y++ {
			for x := r.X; x < r.X+r.W && x < w; x++ {
				grid[y][x] = c
			}
		}
	}
	fill(l.Panes[ListPane], 'L')
	fill(l.Panes[ReaderPane], 'R')
	fill(l.Panes[QuotesPane], 'Q')
	fill(l.Status, 's')
	fill(l.Help, 'h')
	var b strings.Builder
	for _, row := range grid {
		b.Write(row)
		b.WriteByte('\n')
	}
	return b.String()
}

// scale shrinks a drawing's columns by k so wide layouts fit a test table.
func scale(s string, k int) string {
	var out []string
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		var b strings.Builder
		for i := 0; i < len(line); i += k {
			b.WriteByte(line[i])
		}
		out = append(out, b.String())
	}
	return strings.Join(out, "\n")
}

func TestLayout(t *testing.T) {
	tests := []struct {
		w, h  int
		focus Pane
		help  int
		want  string
	}{
		{160, 5, ListPane, 1, `
LLLLLLLLLLLLLLLRRRRRRRRRRRRRRRRRRRRRRRRRQQQQQQQQQQQQQQ
LLLLLLLLLLLLLLLRRRRRRRRRRRRRRRRRRRRRRRRRQQQQQQQQQQQQQQ
LLLLLLLLLLLLLLLRRRRRRRRRRRRRRRRRRRRRRRRRQQQQQQQQQQQQQQ
LLLLLLLLLLLLLLLRRRRRRRRRRRRRRRRRRRRRRRRRQQQQQQQQQQQQQQ
ssssssssssssssssssssssssssssssssssssssssssssssssssssss`},
		{160, 8, ReaderPane, 3, `
LLLLLLLLLLLLLLLRRRRRRRRRRRRRRRRRRRRRRRRRQQQQQQQQQQQQQQ
LLLLLLLLLLLLLLLRRRRRRRRRRRRRRRRRRRRRRRRRQQQQQQQQQQQQQQ
LLLLLLLLLLLLLLLRRRRRRRRRRRRRRRRRRRRRRRRRQQQQQQQQQQQQQQ
LLLLLLLLLLLLLLLRRRRRRRRRRRRRRRRRRRRRRRRRQQQQQQQQQQQQQQ
ssssssssssssssssssssssssssssssssssssssssssssssssssssss
hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh
hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh
hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh`},
		{90, 6, ListPane, 1, `
LLLLLLLLLLLRRRRRRRRRRRRRRRRRRR
LLLLLLLLLLLRRRRRRRRRRRRRRRRRRR
LLLLLLLLLLLRRRRRRRRRRRRRRRRRRR
LLLLLLLLLLLRRRRRRRRRRRRRRRRRRR
ssssssssssssssssssssssssssssss
hhhhhhhhhhhhhhhhhhhhhhhhhhhhhh`},
		{90, 6, QuotesPane, 1, `
RRRRRRRRRRRRRRRRRRRRQQQQQQQQQQ
RRRRRRRRRRRRRRRRRRRRQQQQQQQQQQ
RRRRRRRRRRRRRRRRRRRRQQQQQQQQQQ
RRRRRRRRRRRRRRRRRRRRQQQQQQQQQQ
ssssssssssssssssssssssssssssss
hhhhhhhhhhhhhhhhhhhhhhhhhhhhhh`},
		{45, 6, QuotesPane, 1, `
QQQQQQQQQQQQQQQ
QQQQQQQQQQQQQQQ
QQQQQQQQQQQQQQQ
QQQQQQQQQQQQQQQ
sssssssssssssss
hhhhhhhhhhhhhhh`},
		{6, 2, ListPane, 1, `
LL
LL`},
	}
	for _, tt := range tests {
		l := layout(tt.w, tt.h, tt.focus, tt.help, 0)
		k := 3
		if got := scale(draw(l, tt.w, tt.h), k); got != strings.TrimPrefix(tt.want, "\n") {
			t.Errorf("layout(%d, %d, %v, %d):\n%s\nwant:\n%s", tt.w, tt.h, tt.focus, tt.help, got, strings.TrimPrefix(tt.want, "\n"))
		}
	}
}

// No size gives overlapping panes or panes outside the screen.
func TestLayoutBounds(t *testing.T) {
	for w := 0; w <= 300; w += 3 {
		for h := 0; h <= 100; h += 3 {
			for f := Pane(0); f < paneCount; f++ {
				l := layout(w, h, f, 1+h%4, (w*h)%70)
				sum := 0
				for _, r := range l.Panes {
					if r.W < 0 || r.H < 0 || r.X+r.W > w || r.Y+r.H > h {
						t.Fatalf("%dx%d focus %v: pane %+v out of bounds", w, h, f, r)
					}
					sum += r.W
				}
				if sum > w {
					t.Fatalf("%dx%d: panes are %d wide", w, h, sum)
				}
				if l.Panes[f].W == 0 && w > 0 && h >= 3 {
					t.Fatalf("%dx%d: the focused pane %v is hidden", w, h, f)
				}
			}
		}
	}
}

func TestLayoutListWidth(t *testing.T) {
	if l := layout(160, 40, ListPane, 1, 60); l.Panes[ListPane].W != 60 {
		t.Errorf("list %d wide, want 60", l.Panes[ListPane].W)
	}
	if l := layout(90, 40, ListPane, 1, 30); l.Panes[ListPane].W != 30 {
		t.Errorf("two panes: list %d wide, want 30", l.Panes[ListPane].W)
	}
}

func TestKeyMapMove(t *testing.T) {
	k := DefaultKeyMap()
	for _, tc := range []struct {
		key  string
		want int
	}{{"j", 1}, {"k", -1}, {"pgdown", 10}, {"b", -10}, {"ctrl+d", 5}, {"G", 99}, {"g", -99}} {
		d, ok := k.move(keys(tc.key)[0].(keyMsg), 99, 10)
		if !ok || d != tc.want {
			t.Errorf("%s moves %d (%v), want %d", tc.key, d, ok, tc.want)
		}
	}
	if _, ok := k.move(keys("x")[0].(keyMsg), 99, 10); ok {
		t.Error("x moves")
	}
}

// The full help, asked for, takes what it needs of the screen; the help
// line never more than half.
func TestFullHelpTakesTheScreen(t *testing.T) {
	if got := layout(60, 20, ListPane, 17, 0).Help.H; got != 17 {
		t.Errorf("full help of 17 lines at 60x20 gets %d", got)
	}
	if got := layout(60, 20, ListPane, 40, 0).Help.H; got != 19 {
		t.Errorf("full help taller than the screen gets %d lines, want all but the status", got)
	}
	if got := layout(60, 20, ListPane, 1, 0).Help.H; got != 1 {
		t.Errorf("help line gets %d", got)
	}
}
