package store

import "encoding/hex"

// Key names the article by its words, not its file: a hash of the title and
// the body, so read marks and stars follow an article that is moved or renamed.
// It is hashed once, when the article is read (bodyKey).
func (a *Article) Key() string {
	return hex.EncodeToString(a.key[:])
}

// Successor is the article of now that old became when its file changed or
// moved, or nil when that is not clear; was holds the articles of old's file
// before the change. The caller gives old's read mark and star to the answer,
// so a guess that names another story is worse than none.
//
// An article with old's words is old, moved or renamed. An edit keeps the
// title: a file of one article is the same one when it has old's title at
// old's entry. A feed's entries move down when a new one comes, so an entry
// is known by its link, when no other entry of either version shares it, else
// by its title and link, when no other shares the title: many feeds link each
// item to their home page, and some repeat one title ("Briefing") every day.
func Successor(old *Article, was, now []*Article) *Article {
	for _, a := range now {
		if a.key == old.key {
			return a
		}
	}
	sibling := func(a *Article) bool { return a.Path == old.Path && a.Format == old.Format }
	if old.Format != FormatFeed {
		for _, a := range now {
			if sibling(a) && a.Entry == old.Entry && a.Title == old.Title {
				return a
			}
		}
		return nil
	}
	before := []*Article{old}
	for _, a := range was {
		if a != old && sibling(a) {
			before = append(before, a)
		}
	}
	var after []*Article
	for _, a := range now {
		if sibling(a) {
			after = append(after, a)
		}
	}
	link := func(a *Article) string { return a.Source }
	title := func(a *Article) string { return a.Title }
	if a := onlyOne(before, after, old, link); a != nil {
		return a
	}
	if a := onlyOne(before, after, old, title); a != nil && a.Source == old.Source {
		return a
	}
	return nil
}

// onlyOne is the entry of after that shares old's field, when old's is set
// and no other entry of before or after has it.
func onlyOne(before, after []*Article, old *Article, field func(*Article) string) *Article {
	v := field(old)
	if v == "" {
		return nil
	}
	for _, a := range before {
		if a != old && field(a) == v {
			return nil
		}
	}
	var found *Article
	for _, a := range after {
		if field(a) != v {
			continue
		}
		if found != nil {
			return nil
		}
		found = a
	}
	return found
}
