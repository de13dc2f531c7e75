// Package clip puts text on the user's clipboard through the terminal with
// OSC 52, which works over SSH and, with passthrough, inside tmux and screen.
// It only builds the bytes: the reader writes them on a key press, never
// because of anything an article contains.
package clip

import (
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
)

// Sequence returns the bytes that set the system clipboard to text when
// written to the terminal. getenv (os.Getenv in the reader) tells whether the
// reader runs inside tmux ($TMUX) or GNU screen ($STY).
//
// Inside tmux both the plain sequence and the passthrough one are sent: the
// plain one works with "set-clipboard on", the wrapped one with
// "allow-passthrough on", and neither is on by default since tmux 3.3. When
// both are on, the clipboard is set twice to the same text.
func Sequence(text string, getenv func(string) string) []byte {
	seq := osc52.New(text)
	switch {
	case getenv("TMUX") != "":
		return []byte(seq.String() + seq.Tmux().String())
	case getenv("STY") != "":
		// screen does not know OSC 52 and passes it on only inside DCS
		return []byte(seq.Screen().String())
	}
	return []byte(seq.String())
}

// Quote formats a quotation for pasting elsewhere: “words” — Speaker, Title.
// Without a speaker it is “words” — Title. The words lose the quotation marks
// around them, the comma that led back into the sentence, and line breaks.
func Quote(words, speaker, title string) string {
	words = strings.Join(strings.Fields(words), " ")
	words = strings.TrimPrefix(words, "“")
	words = strings.TrimSuffix(words, "”")
	words = strings.Trim(words, `"«»„ `)
	words = strings.TrimRight(words, ", ")
	var b strings.Builder
	b.WriteString("“" + words + "”")
	source := joinNonEmpty(", ", oneLine(speaker), oneLine(title))
	if source != "" {
		b.WriteString(" — " + source)
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
