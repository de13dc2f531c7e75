// Package bench measures the reader the way a person meets it: a built
// binary in a pseudo-terminal of fixed size, timed until given text is on
// the screen, with its peak memory from the kernel; and a Bubble Tea model
// driven in-process, key by key. cmd/bench prints the table with it.
package bench

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"sync"
	"syscall"
	"time"

	"github.com/creack/pty"
)

// Mark is text to wait for on the screen.
type Mark struct {
	Name string
	Text *regexp.Regexp // matched against the text, escape sequences left out
}

// Step is what to do once a mark is seen: keys to type, and the marks to
// wait for after them, timed from the moment the keys are sent.
type Step struct {
	Keys  string
	Marks []Mark
}

// Session is the record of one run in a terminal.
type Session struct {
	Seen    map[string]time.Duration // mark name -> time from start (or from its step's keys)
	Wall    time.Duration            // start to exit
	MaxRSS  int64                    // peak resident memory, bytes (wait4)
	CPU     time.Duration            // user + system
	Screen  string                   // the last 4 KB of text, for when a mark never came
	Timeout bool
}

// Terminal runs cmd in a pseudo-terminal of w×h cells. It answers the
// queries a real terminal answers (cursor position, background colour), so
// that programs asking them do not wait for a timeout, waits for each mark
// of the first step in turn, types the keys of the next step, and so on;
// after the last step it closes with quit and waits for the exit. limit
// bounds the whole run.
func Terminal(cmd *exec.Cmd, w, h int, steps []Step, quit string, limit time.Duration) (Session, error) {
	s := Session{Seen: map[string]time.Duration{}}
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: uint16(h), Cols: uint16(w)})
	if err != nil {
		return s, err
	}
	defer f.Close()
	sc := &screen{w: f, onText: make(chan struct{}, 1)}
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		buf := make([]byte, 64<<10)
		for {
			n, err := f.Read(buf)
			if n > 0 {
				sc.feed(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	exited := make(chan error, 1)
	var waitOnce sync.Once
	wait := func() {
		waitOnce.Do(func() { go func() { exited <- cmd.Wait() }() })
	}
steps:
	for i, st := range steps {
		from := start
		if i > 0 || st.Keys != "" {
			from = time.Now()
			if _, err := io.WriteString(f, st.Keys); err != nil {
				return s, err
			}
		}
		for _, m := range st.Marks {
			for {
				if at, ok := sc.find(m.Text); ok {
					s.Seen[m.Name] = at.Sub(from)
					break
				}
				select {
				case <-sc.onText:
				case <-readDone:
					s.Screen = sc.tail()
					break steps
				case <-deadline.C:
					s.Timeout = true
					s.Screen = sc.tail()
					break steps
				}
			}
		}
	}
	io.WriteString(f, quit)
	wait()
	select {
	case err = <-exited:
	case <-deadline.C:
		s.Timeout = true
		cmd.Process.Kill()
		err = <-exited
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		err = <-exited
	}
	s.Wall = time.Since(start)
	if s.Screen == "" {
		s.Screen = sc.tail()
	}
	if ps := cmd.ProcessState; ps != nil {
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			s.MaxRSS = ru.Maxrss << 10 // Linux reports KB
		}
		s.CPU = ps.UserTime() + ps.SystemTime()
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		err = nil // a program killed by its quit key may exit non-zero
	}
	return s, err
}

// screen keeps the text a program wrote, escape sequences left out, with
// the time each part arrived; it answers status queries as it goes.
type screen struct {
	w      io.Writer
	onText chan struct{}

	mu    sync.Mutex
	text  []byte
	times []arrival // when text[off:] started to arrive
	state escState
	seq   []byte // the escape sequence being read
}

type arrival struct {
	off int
	at  time.Time
}

type escState int

const (
	plain  escState = iota
	esc             // after ESC
	csi             // ESC [ ...
	osc             // ESC ] ... up to BEL or ESC \
	oscEsc          // ESC inside an OSC string
)

func (s *screen) feed(b []byte) {
	now := time.Now()
	var replies []string
	s.mu.Lock()
	s.times = append(s.times, arrival{len(s.text), now})
	for _, c := range b {
		switch s.state {
		case plain:
			switch {
			case c == 0x1b:
				s.state, s.seq = esc, s.seq[:0]
			case c == '\r':
			case c == '\n' || c >= 0x20 || c == '\t':
				s.text = append(s.text, c)
			}
		case esc:
			switch c {
			case '[':
				s.state = csi
			case ']':
				s.state = osc
			default:
				s.state = plain
			}
		case csi:
			s.seq = append(s.seq, c)
			if c >= 0x40 && c <= 0x7e {
				s.state = plain
				switch string(s.seq) {
				case "6n":
					replies = append(replies, "\x1b[1;1R")
				case "c":
					replies = append(replies, "\x1b[?62;22c")
				}
				// a cursor move to another line would glue lines together
				if c == 'H' || c == 'B' || c == 'A' || c == 'E' || c == 'F' || c == 'J' {
					s.text = append(s.text, '\n')
				}
			}
		case osc, oscEsc:
			if s.state == oscEsc || c == 0x07 {
				s.state = plain
				if bytes.Equal(s.seq, []byte("11;?")) {
					replies = append(replies, "\x1b]11;rgb:0000/0000/0000\x1b\\")
				}
				if bytes.Equal(s.seq, []byte("10;?")) {
					replies = append(replies, "\x1b]10;rgb:ffff/ffff/ffff\x1b\\")
				}
				continue
			}
			if c == 0x1b {
				s.state = oscEsc
				continue
			}
			s.seq = append(s.seq, c)
		}
	}
	s.mu.Unlock()
	for _, r := range replies {
		io.WriteString(s.w, r)
	}
	select {
	case s.onText <- struct{}{}:
	default:
	}
}

// find reports when the text first matched re: the arrival of the read
// that completed the match. Only the last 256 KB are searched.
func (s *screen) find(re *regexp.Regexp) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	from := max(0, len(s.text)-256<<10)
	loc := re.FindIndex(s.text[from:])
	if loc == nil {
		return time.Time{}, false
	}
	end := from + loc[1]
	at := s.times[0].at
	for _, a := range s.times {
		if a.off >= end {
			break
		}
		at = a.at
	}
	return at, true
}

func (s *screen) tail() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return string(s.text[max(0, len(s.text)-4096):])
}

// Exec runs cmd to its end with its output thrown away and reports its
// wall time, CPU time and peak memory.
func Exec(cmd *exec.Cmd) (Session, error) {
	s := Session{}
	if cmd.Stdout == nil {
		cmd.Stdout = io.Discard
	}
	var errBuf bytes.Buffer
	if cmd.Stderr == nil {
		cmd.Stderr = &errBuf
	}
	start := time.Now()
	err := cmd.Run()
	s.Wall = time.Since(start)
	if ps := cmd.ProcessState; ps != nil {
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			s.MaxRSS = ru.Maxrss << 10
		}
		s.CPU = ps.UserTime() + ps.SystemTime()
	}
	if err != nil {
		return s, fmt.Errorf("%s: %v: %s", cmd.Path, err, bytes.TrimSpace(errBuf.Bytes()))
	}
	return s, nil
}

// Env is the environment with the given variables set, for a child.
func Env(set ...string) []string {
	env := os.Environ()
	return append(env, set...)
}
