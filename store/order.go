package store

import "sort"

// SortArticlesBy orders articles by the name the config's sort setting
// gives (ui/list.go orders the reader's list the same way): "date" newest first,
// "title" and "source" alphabetically, "quotes" most quoted first; ties,
// undated articles and an unknown name go by file. It reports whether it
// knew the name.
func SortArticlesBy(arts []*Article, order string) bool {
	var less func(a, b *Article) bool
	switch order {
	case "date":
		less = func(a, b *Article) bool { return !a.Date.Equal(b.Date) && a.Date.After(b.Date) }
	case "title":
		less = func(a, b *Article) bool { return a.Title < b.Title }
	case "quotes":
		less = func(a, b *Article) bool { return len(a.Quotes) > len(b.Quotes) }
	case "source":
		less = func(a, b *Article) bool { return a.Source < b.Source }
	default:
		SortArticles(arts)
		return false
	}
	// by file first, so that each order's ties keep that
	SortArticles(arts)
	sort.SliceStable(arts, func(i, j int) bool { return less(arts[i], arts[j]) })
	return true
}
