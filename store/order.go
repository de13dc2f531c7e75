package store

import (
	"sort"
	"strings"
)

// Order is the reading order the config's sort setting names: "date"
// newest first, "title" and "source" alphabetically, "quotes" most quoted
// first; ties and undated articles go by file (ArticleLess). ok is false
// for another name.
func Order(name string) (less func(a, b *Article) bool, ok bool) {
	var first func(a, b *Article) int // <0 when a comes before b, 0 for a tie
	switch name {
	case "date":
		first = func(a, b *Article) int { return -a.Date.Compare(b.Date) }
	case "title":
		first = func(a, b *Article) int { return strings.Compare(a.Title, b.Title) }
	case "quotes":
		first = func(a, b *Article) int { return len(b.Quotes) - len(a.Quotes) }
	case "source":
		first = func(a, b *Article) int { return strings.Compare(a.Source, b.Source) }
	default:
		return nil, false
	}
	return func(a, b *Article) bool {
		if c := first(a, b); c != 0 {
			return c < 0
		}
		return ArticleLess(a, b)
	}, true
}

// SortArticlesBy orders articles by the name the config's sort setting
// gives (see Order); an unknown name orders them by file. It reports
// whether it knew the name.
func SortArticlesBy(arts []*Article, order string) bool {
	less, ok := Order(order)
	if !ok {
		SortArticles(arts)
		return false
	}
	sort.SliceStable(arts, func(i, j int) bool { return less(arts[i], arts[j]) })
	return true
}
