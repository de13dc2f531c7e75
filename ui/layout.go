package ui

// Pane names the three panes of the reader.
type Pane int

const (
	ListPane Pane = iota
	ReaderPane
	QuotesPane
	paneCount
)

func (p Pane) String() string {
	switch p {
	case ListPane:
		return "list"
	case ReaderPane:
		return "reader"
	case QuotesPane:
		return "quotes"
	}
	return "?"
}

// Rect is a rectangle of cells; W == 0 means not shown.
type Rect struct{ X, Y, W, H int }

// Layout places the panes and the bars for one screen size.
type Layout struct {
	Panes  [paneCount]Rect
	Status Rect
	Help   Rect
}

// Widths at which the screen holds three, or two, panes side by side.
const (
	threePaneWidth = 110
	twoPaneWidth   = 70
)

// layout is a pure function of the size, the focus, the help's height and
// the list's width (0 lets the layout choose).
func layout(width, height int, focus Pane, helpLines, listW int) Layout {
	var l Layout
	width, height = max(width, 0), max(height, 0)
	y := height
	if height >= 6 && helpLines > 0 {
		h := min(helpLines, height/2)
		if helpLines > 1 { // the full help, asked for: as much of the screen as it needs
			h = min(helpLines, height-1)
		}
		y -= h
		l.Help = Rect{0, y, width, h}
	}
	if height >= 3 {
		y--
		l.Status = Rect{0, y, width, 1}
	}
	paneH := y
	place := func(p Pane, x, w int) {
		l.Panes[p] = Rect{x, 0, w, paneH}
	}
	switch {
	case width >= threePaneWidth:
		lw := clamp(width*28/100, 24, 50)
		if listW > 0 {
			lw = clamp(listW, 16, width/2)
		}
		qw := clamp(width*26/100, 24, 48)
		place(ListPane, 0, lw)
		place(ReaderPane, lw, width-lw-qw)
		place(QuotesPane, width-qw, qw)
	case width >= twoPaneWidth:
		side := clamp(width*36/100, 22, 40)
		if listW > 0 && focus != QuotesPane {
			side = clamp(listW, 16, width/2)
		}
		if focus == QuotesPane {
			place(ReaderPane, 0, width-side)
			place(QuotesPane, width-side, side)
		} else {
			place(ListPane, 0, side)
			place(ReaderPane, side, width-side)
		}
	default:
		place(focus, 0, width)
	}
	return l
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
