package bench

import (
	"bytes"
	"os/exec"
	"regexp"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

func TestSummarize(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- { // unsorted on purpose
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	got := Summarize(ds)
	want := Latency{N: 100, P50: 50 * time.Millisecond, P99: 99 * time.Millisecond, Max: 100 * time.Millisecond}
	if got != want {
		t.Errorf("Summarize(1..100 ms) = %+v, want %+v", got, want)
	}
	if ds[0] != 100*time.Millisecond {
		t.Error("Summarize sorted its argument")
	}
	if one := Summarize(ds[:1]); one.P50 != ds[0] || one.P99 != ds[0] {
		t.Errorf("one value: %+v", one)
	}
}

// Escape sequences split across reads are left out, lines moved to by the
// cursor stay apart, and the queries a terminal answers are answered.
func TestScreenStripsAndAnswers(t *testing.T) {
	var replies bytes.Buffer
	s := &screen{w: &replies, onText: make(chan struct{}, 1)}
	for _, chunk := range []string{"\x1b]11;?\x1b", "\\\x1b[6", "n\x1b[1;3", "8;5;12mArti", "cles\x1b[0m · 3", "\x1b[2;1Hnext\x07"} {
		s.feed([]byte(chunk))
	}
	if _, ok := s.find(regexp.MustCompile(`Articles · 3\nnext`)); !ok {
		t.Errorf("text = %q", s.text)
	}
	if want := "\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[1;1R"; replies.String() != want {
		t.Errorf("replies = %q, want %q", replies.String(), want)
	}
	if _, ok := s.find(regexp.MustCompile(`38;5`)); ok {
		t.Error("an escape sequence's parameters reached the text")
	}
}

func TestTerminalStepsAndKeys(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(sh, "-c", `printf 'ready\n'; read x; printf 'got %s\n' "$x"; read y`)
	s, err := Terminal(cmd, 80, 24, []Step{
		{Marks: []Mark{{Name: "ready", Text: regexp.MustCompile(`ready`)}}},
		{Keys: "abc\r", Marks: []Mark{{Name: "echo", Text: regexp.MustCompile(`got abc`)}}},
	}, "\r", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if s.Timeout {
		t.Fatalf("timed out; screen: %q", s.Screen)
	}
	if _, ok := s.Seen["ready"]; !ok {
		t.Error("no time for ready")
	}
	if _, ok := s.Seen["echo"]; !ok {
		t.Error("no time for the echo")
	}
	if s.MaxRSS <= 0 || s.Wall <= 0 {
		t.Errorf("no usage: %+v", s)
	}
}

// counter counts keys; a key starts a command whose message adds ten.
type counter struct{ n int }

type tenMsg struct{}

func (c counter) Init() tea.Cmd { return nil }
func (c counter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case tea.KeyMsg:
		c.n++
		return c, tea.Batch(func() tea.Msg { return tenMsg{} }, tea.Sequence(func() tea.Msg { return tenMsg{} }))
	case tenMsg:
		c.n += 10
	}
	return c, nil
}
func (c counter) View() string { return "" }

func TestDriverRunsCommands(t *testing.T) {
	d := &Driver{Model: counter{}}
	took, err := d.Press(tea.KeyMsg{Type: tea.KeyEnter})
	if err != nil {
		t.Fatal(err)
	}
	if took.Wall <= 0 || took.CPU <= 0 {
		t.Errorf("Press took %+v: want both clocks to move", took)
	}
	if _, err := d.Open(tea.KeyMsg{Type: tea.KeyEnter}); err != nil {
		t.Fatal(err)
	}
	if got := d.Model.(counter).n; got != 42 {
		t.Errorf("count = %d, want 42 (two keys, four messages from their commands)", got)
	}
}
