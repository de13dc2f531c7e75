package bench

import (
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"time"

	"golang.org/x/sys/unix"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// Driver runs a Bubble Tea model without a terminal: a message goes
// through Update and View, as the program does it, and the commands it
// returns run afterwards, synchronously, until nothing is left. Timers and
// spinner ticks are dropped so that it ends: give the model a timer hook
// that returns nil.
type Driver struct {
	Model tea.Model
}

// Timing is how long something took by the clock, and on the CPU of the
// thread that did it: on a shared machine the clock also counts the time
// other programs had the core, the CPU time does not.
type Timing struct {
	Wall, CPU time.Duration
}

// Press sends msg and times Update and View, the work a keystroke costs
// before the next frame; the commands it started run after, untimed.
func (d *Driver) Press(msg tea.Msg) (Timing, error) {
	runtime.LockOSThread() // the thread's CPU clock is this goroutine's
	cpu0 := threadCPU()
	start := time.Now()
	next, cmd := d.Model.Update(msg)
	_ = next.View()
	t := Timing{Wall: time.Since(start), CPU: threadCPU() - cpu0}
	runtime.UnlockOSThread()
	d.Model = next
	return t, d.settle(cmd)
}

// threadCPU is the CPU time of the calling thread.
func threadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

// Open sends msg and times everything until nothing is left: Update and
// View, the commands (a render, say), the messages they return through
// Update, and the last View.
func (d *Driver) Open(msg tea.Msg) (time.Duration, error) {
	start := time.Now()
	next, cmd := d.Model.Update(msg)
	d.Model = next
	err := d.settle(cmd)
	_ = d.Model.View()
	return time.Since(start), err
}

// Send delivers messages, running what they start, untimed.
func (d *Driver) Send(msgs ...tea.Msg) error {
	for _, m := range msgs {
		next, cmd := d.Model.Update(m)
		d.Model = next
		if err := d.settle(cmd); err != nil {
			return err
		}
	}
	return nil
}

func (d *Driver) settle(cmd tea.Cmd) error {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 100000 {
			return fmt.Errorf("the model did not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch m := msg.(type) {
		case nil, spinner.TickMsg, tea.QuitMsg:
			continue
		case tea.BatchMsg:
			queue = append(queue, m...)
			continue
		}
		// tea.Sequence's message is unexported: a slice of commands
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := range v.Len() {
				queue = append(queue, v.Index(i).Interface().(tea.Cmd))
			}
			continue
		}
		next, c2 := d.Model.Update(msg)
		d.Model = next
		queue = append(queue, c2)
	}
	return nil
}

// Latency summarises durations.
type Latency struct {
	N             int
	P50, P99, Max time.Duration
}

// Summarize returns the 50th and 99th percentiles (nearest rank) and the maximum.
func Summarize(ds []time.Duration) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := func(p float64) time.Duration {
		i := int(p*float64(len(s))+0.999999) - 1 // nearest rank: ceil(p·n)
		return s[min(max(i, 0), len(s)-1)]
	}
	return Latency{N: len(s), P50: rank(0.50), P99: rank(0.99), Max: s[len(s)-1]}
}

func (l Latency) String() string {
	return fmt.Sprintf("p50 %s, p99 %s, max %s (n=%d)", Ms(l.P50), Ms(l.P99), Ms(l.Max), l.N)
}

// Ms formats a duration in milliseconds.
func Ms(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	switch {
	case ms >= 100:
		return fmt.Sprintf("%.0f ms", ms)
	case ms >= 10:
		return fmt.Sprintf("%.1f ms", ms)
	}
	return fmt.Sprintf("%.2f ms", ms)
}
