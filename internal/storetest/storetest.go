// Package storetest has helpers for the tests of packages that use the store.
package storetest

import "newsreader/store"

// Body is an article's body, for tests of articles whose body is held or
// whose file is still as loaded; it panics otherwise.
func Body(a *store.Article) string {
	t, _, err := a.Text()
	if err != nil {
		panic(err)
	}
	return t
}

// Paras is an article's paragraphs, as Body.
func Paras(a *store.Article) []store.Span {
	_, p, err := a.Text()
	if err != nil {
		panic(err)
	}
	return p
}
