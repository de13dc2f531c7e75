package store

import "encoding/hex"

// Key names the article by its words, not its file: a hash of the title and
// the body, so read marks and stars follow an article that is moved or renamed.
// It is hashed once, when the article is read (bodyKey).
func (a *Article) Key() string {
	return hex.EncodeToString(a.key[:])
}

// Successor is the article of arts that old became when its file changed
// or moved: the one with old's words (a file renamed or moved), else the
// same entry of the same file. A feed's entry is known by its link, or with
// none its title, not its place: a new entry at the top moves the others down.
func Successor(old *Article, arts []*Article) *Article {
	for _, a := range arts {
		if a.key == old.key {
			return a
		}
	}
	for _, a := range arts {
		if a.Path != old.Path || a.Format != old.Format {
			continue
		}
		switch {
		case old.Format != FormatFeed:
			if a.Entry == old.Entry {
				return a
			}
		case old.Source != "":
			if a.Source == old.Source {
				return a
			}
		case a.Source == "" && a.Title == old.Title:
			return a
		}
	}
	return nil
}
