package store

// bodyOf is an article's body, for tests that hold it.
func bodyOf(a *Article) string {
	t, _, err := a.Text()
	if err != nil {
		panic(err)
	}
	return t
}

// parasOf is an article's paragraphs.
func parasOf(a *Article) []Span {
	_, p, err := a.Text()
	if err != nil {
		panic(err)
	}
	return p
}

// withBody finishes an article made by a test with the given body.
func withBody(a *Article, text string) *Article {
	a.finish(text, true)
	return a
}
