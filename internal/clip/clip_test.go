package clip

import (
	"encoding/base64"
	"strings"
	"testing"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestSequenceExactBytes(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		text string
		want string
	}{
		{"plain terminal", nil, "hi", "\x1b]52;c;aGk=\x07"},
		{"tmux: plain, then wrapped with the inner ESC doubled", map[string]string{"TMUX": "/tmp/tmux-0/default,1,0"}, "hi",
			"\x1b]52;c;aGk=\x07" + "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"},
		{"screen: inside DCS", map[string]string{"STY": "1234.pts-0.host"}, "hi", "\x1bP\x1b]52;c;aGk=\x07\x1b\\"},
		{"empty TMUX is no tmux", map[string]string{"TMUX": ""}, "hi", "\x1b]52;c;aGk=\x07"},
		{"UTF-8 and controls travel in base64", nil, "“Yes” — A\x1b[2J",
			"\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("“Yes” — A\x1b[2J")) + "\x07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Sequence(tt.text, env(tt.env))); got != tt.want {
				t.Errorf("Sequence(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// screen cuts DCS strings short, so long text goes in 76-byte chunks.
func TestSequenceScreenChunks(t *testing.T) {
	text := strings.Repeat("quote ", 40)
	b64 := base64.StdEncoding.EncodeToString([]byte(text))
	var chunks []string
	for i := 0; i < len(b64); i += 76 {
		chunks = append(chunks, b64[i:min(i+76, len(b64))])
	}
	want := "\x1bP\x1b]52;c;" + strings.Join(chunks, "\x1b\\\x1bP") + "\x07\x1b\\"
	if got := string(Sequence(text, env(map[string]string{"STY": "1.x"}))); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if len(chunks) < 3 {
		t.Fatalf("test text too short to chunk: %d chunks", len(chunks))
	}
}

// The payload must be the text, nothing else: no ESC or BEL that a terminal
// would read as the end of the sequence.
func TestSequencePayloadDecodes(t *testing.T) {
	text := "a\x07b\x1b\\c\nd"
	got := string(Sequence(text, env(nil)))
	payload, ok := strings.CutPrefix(got, "\x1b]52;c;")
	if !ok || !strings.HasSuffix(payload, "\x07") {
		t.Fatalf("not an OSC 52 set: %q", got)
	}
	dec, err := base64.StdEncoding.DecodeString(strings.TrimSuffix(payload, "\x07"))
	if err != nil || string(dec) != text {
		t.Errorf("payload decodes to %q, %v; want %q", dec, err, text)
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ words, speaker, title, want string }{
		{"It is widely known that Russia is also facing crises,", "Vladimir Putin", "Putin in Baku",
			"“It is widely known that Russia is also facing crises” — Vladimir Putin, Putin in Baku"},
		{"We will win", "", "Match report", "“We will win” — Match report"},
		{"We will win", "The coach", "", "“We will win” — The coach"},
		{"We will win", "", "", "“We will win”"},
		{"“Already marked.”", "A", "T", "“Already marked.” — A, T"},
		{`"Straight marks"`, "A", "T", "“Straight marks” — A, T"},
		{"first part … and\nthe second", " Jane  Doe ", "A\ntitle", "“first part … and the second” — Jane Doe, A title"},
	}
	for _, tt := range tests {
		if got := Quote(tt.words, tt.speaker, tt.title); got != tt.want {
			t.Errorf("Quote(%q, %q, %q)\n got %q\nwant %q", tt.words, tt.speaker, tt.title, got, tt.want)
		}
	}
}
