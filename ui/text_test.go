package ui

import "newsreader/store"

// bodyOf is an article's body, for tests that hold it.
func bodyOf(a *store.Article) string {
	t, _, err := a.Text()
	if err != nil {
		panic(err)
	}
	return t
}

// parasOf is an article's paragraphs.
func parasOf(a *store.Article) []store.Span {
	_, p, err := a.Text()
	if err != nil {
		panic(err)
	}
	return p
}
