package store

import "encoding/hex"

// Key names the article by its words, not its file: a hash of the title and
// the body, so read marks and stars follow an article that is moved or renamed.
// It is hashed once, when the article is read (bodyKey).
func (a *Article) Key() string {
	return hex.EncodeToString(a.key[:])
}
