package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a settable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)} }

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// manual never writes by itself within a test.
func manual(c *clock) Options { return Options{Delay: time.Hour, Now: c.now} }

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func noWarnings(t *testing.T, m *Marks) {
	t.Helper()
	if w := m.Warnings(); len(w) > 0 {
		t.Errorf("unexpected warnings: %q", w)
	}
}

func TestRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "newsreader")
	c := newClock()
	m := Open(dir, manual(c))
	noWarnings(t, m)
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open created the folder before anything was written: %v", err)
	}
	m.SetRead("a", true)
	c.add(time.Second)
	m.SetStarred("b", true)
	c.add(time.Second)
	m.SetStarred("c", true)
	m.SetPosition(Position{Article: "a", Scroll: 0.5, Word: 120, Quote: 2})
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Dir(dir), dir} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o700 {
			t.Errorf("%s: mode %v, %v; want a 0700 folder", p, fi.Mode(), err)
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, FileName)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("state file: %v, %v; want mode 0600", fi, err)
	}
	if got, want := names(t, dir), []string{FileName, LockName}; !reflect.DeepEqual(got, want) {
		t.Errorf("folder holds %q, want %q (no temporary file left)", got, want)
	}

	m2 := Open(dir, manual(c))
	noWarnings(t, m2)
	if !m2.IsRead("a") || m2.IsRead("b") || !m2.IsStarred("b") || m2.IsStarred("a") {
		t.Errorf("marks lost: a %+v, b %+v", m2.Mark("a"), m2.Mark("b"))
	}
	if got, want := m2.Starred(), []string{"c", "b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Starred() = %q, want latest first %q", got, want)
	}
	p := m2.Position()
	if p.Article != "a" || p.Scroll != 0.5 || p.Word != 120 || p.Quote != 2 || !p.At.Equal(c.now()) {
		t.Errorf("position %+v", p)
	}
	if read := m2.ToggleRead("a"); read {
		t.Error("ToggleRead of a read article returned true")
	}
	if starred := m2.ToggleStar("a"); !starred {
		t.Error("ToggleStar of an unstarred article returned false")
	}
	if err := m2.Close(); err != nil {
		t.Fatal(err)
	}
	m3 := Open(dir, manual(c))
	if m3.IsRead("a") || !m3.IsStarred("a") {
		t.Errorf("toggles lost: %+v", m3.Mark("a"))
	}
}

func TestDebouncedWrite(t *testing.T) {
	dir := t.TempDir()
	m := Open(dir, Options{Delay: 10 * time.Millisecond})
	defer m.Close()
	waitFor := func(key string) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			if d, err := readData(filepath.Join(dir, FileName)); err == nil && d.Marks[key].Starred {
				return
			}
		}
		t.Fatalf("%s never written without a Flush", key)
	}
	m.SetStarred("first", true)
	waitFor("first")
	m.SetStarred("second", true)
	waitFor("second")
	noWarnings(t, m)
}

// A background write that meets another reader's lock tries again.
func TestDebouncedWriteRetriesAfterLock(t *testing.T) {
	dir := t.TempDir()
	unlock, err := lock(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := Open(dir, Options{Delay: 5 * time.Millisecond, LockWait: time.Millisecond})
	defer m.Close()
	m.SetStarred("a", true)
	var w []string
	for deadline := time.Now().Add(20 * time.Second); len(w) == 0 && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		w = m.Warnings()
	}
	if len(w) != 1 || !strings.Contains(w[0], ErrLocked.Error()) {
		t.Fatalf("warnings %q, want the lock reported once", w)
	}
	time.Sleep(50 * time.Millisecond) // several retries, all failing
	if again := m.Warnings(); len(again) > 0 {
		t.Errorf("the same failure warned again: %q", again)
	}
	unlock()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if d, err := readData(filepath.Join(dir, FileName)); err == nil && d.Marks["a"].Starred {
			return
		}
	}
	t.Fatal("never written once the lock was free")
}

func TestNoChangeNoWrite(t *testing.T) {
	c := newClock()
	m := Open(t.TempDir(), manual(c))
	m.SetRead("a", true)
	n := m.changes
	m.SetRead("a", true)
	m.SetStarred("a", false)
	m.SetRead("", true)
	m.SetPosition(Position{})
	if m.changes != n {
		t.Errorf("setting what is already so counted %d changes", m.changes-n)
	}
	at := m.Mark("a").ReadAt
	c.add(time.Minute)
	m.SetRead("a", true)
	if m.Mark("a").ReadAt != at {
		t.Error("marking a read article read again moved its time")
	}
}

func TestSetPositionCleans(t *testing.T) {
	dir := t.TempDir()
	m := Open(dir, manual(newClock()))
	m.SetPosition(Position{Article: "a", Scroll: math.NaN(), Word: -3, Quote: -1})
	if p := m.Position(); p.Scroll != 0 || p.Word != 0 || p.Quote != 0 {
		t.Errorf("position %+v", p)
	}
	m.SetPosition(Position{Article: "a", Scroll: math.Inf(1)})
	if p := m.Position(); p.Scroll != 1 {
		t.Errorf("scroll %v, want 1", p.Scroll)
	}
	if err := m.Close(); err != nil {
		t.Fatalf("writing a cleaned position: %v", err)
	}
}

// Two readers on one folder keep each other's changes, and where both
// changed the same thing the later change wins, whichever writes first.
func TestTwoReadersMerge(t *testing.T) {
	for _, aFirst := range []bool{true, false} {
		t.Run(fmt.Sprintf("a writes first: %v", aFirst), func(t *testing.T) {
			dir := t.TempDir()
			c := newClock()
			a, b := Open(dir, manual(c)), Open(dir, manual(c))
			a.SetRead("x", true)
			c.add(time.Second)
			b.SetStarred("y", true)
			// b stars z, a (not knowing) unstars it later: unstarred wins
			b.SetStarred("z", true)
			c.add(time.Second)
			a.SetStarred("z", true)
			c.add(time.Second)
			a.SetStarred("z", false)
			// a stars w, b stars and unstars it later: unstarred wins
			a.SetStarred("w", true)
			c.add(time.Second)
			b.SetStarred("w", true)
			c.add(time.Second)
			b.SetStarred("w", false)
			c.add(time.Second)
			a.SetPosition(Position{Article: "x", Scroll: 0.2})
			c.add(time.Second)
			b.SetPosition(Position{Article: "y", Scroll: 0.9})

			first, second := a, b
			if !aFirst {
				first, second = b, a
			}
			for _, m := range []*Marks{first, second} {
				if err := m.Flush(); err != nil {
					t.Fatal(err)
				}
			}
			check := func(who string, m *Marks) {
				t.Helper()
				if !m.IsRead("x") || !m.IsStarred("y") || m.IsStarred("z") || m.IsStarred("w") {
					t.Errorf("%s: x %+v y %+v z %+v w %+v", who, m.Mark("x"), m.Mark("y"), m.Mark("z"), m.Mark("w"))
				}
				if p := m.Position(); p.Article != "y" || p.Scroll != 0.9 {
					t.Errorf("%s: position %+v, want the later one", who, p)
				}
			}
			check("reopened", Open(dir, manual(c)))
			// the one that wrote second learnt the other's changes
			check("second writer", second)
		})
	}
}

func TestConcurrentWritersGoroutines(t *testing.T) {
	dir := t.TempDir()
	const perWriter = 100
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for w := range 2 {
		wg.Go(func() {
			m := Open(dir, Options{Delay: time.Millisecond})
			for i := range perWriter {
				m.SetRead(fmt.Sprintf("g%d-%d", w, i), true)
				if i%10 == 9 {
					if err := m.Flush(); err != nil {
						errs <- err
						return
					}
				}
			}
			if err := m.Close(); err != nil {
				errs <- err
			}
			if w := m.Warnings(); len(w) > 0 {
				errs <- fmt.Errorf("warnings: %q", w)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	m := Open(dir, Options{})
	noWarnings(t, m)
	for w := range 2 {
		for i := range perWriter {
			if k := fmt.Sprintf("g%d-%d", w, i); !m.IsRead(k) {
				t.Errorf("%s lost", k)
			}
		}
	}
}

const helperDirEnv = "NEWSREADER_STATE_HELPER_DIR"

// TestHelperStateWriter is a second newsreader, run by
// TestConcurrentWritersProcesses: it marks keys one by one, writing each.
func TestHelperStateWriter(t *testing.T) {
	dir := os.Getenv(helperDirEnv)
	if dir == "" {
		t.Skip("only run as a helper")
	}
	name := os.Getenv("NEWSREADER_STATE_HELPER_NAME")
	n, _ := strconv.Atoi(os.Getenv("NEWSREADER_STATE_HELPER_N"))
	m := Open(dir, Options{Delay: time.Hour, LockWait: 30 * time.Second})
	for i := range n {
		m.SetStarred(fmt.Sprintf("%s-%d", name, i), true)
		if err := m.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if w := m.Warnings(); len(w) > 0 {
		t.Fatalf("warnings: %q", w)
	}
}

func TestConcurrentWritersProcesses(t *testing.T) {
	if os.Getenv(helperDirEnv) != "" {
		t.Skip("inside a helper")
	}
	dir := t.TempDir()
	const perWriter = 20
	var cmds []*exec.Cmd
	var outs []*strings.Builder
	for _, name := range []string{"p1", "p2"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperStateWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), helperDirEnv+"="+dir, "NEWSREADER_STATE_HELPER_NAME="+name,
			"NEWSREADER_STATE_HELPER_N="+strconv.Itoa(perWriter))
		out := &strings.Builder{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, out)
	}
	// this process is a third writer meanwhile
	m := Open(dir, Options{Delay: time.Hour, LockWait: 30 * time.Second})
	for i := range perWriter {
		m.SetRead(fmt.Sprintf("p0-%d", i), true)
		if err := m.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer %d: %v\n%s", i+1, err, outs[i])
		}
	}
	r := Open(dir, Options{})
	noWarnings(t, r)
	for i := range perWriter {
		for _, k := range []string{"p1", "p2"} {
			if key := fmt.Sprintf("%s-%d", k, i); !r.IsStarred(key) {
				t.Errorf("%s lost", key)
			}
		}
		if key := fmt.Sprintf("p0-%d", i); !r.IsRead(key) {
			t.Errorf("%s lost", key)
		}
	}
}

func TestCorruptFile(t *testing.T) {
	for _, bad := range []string{"", "{", `{"version":1,"marks":{"a":`, "null", "[]", `{"marks":{}}`, `{"version":1,"marks":[1]}`, "\x00\x01\xff"} {
		t.Run(fmt.Sprintf("%q", bad), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
				t.Fatal(err)
			}
			c := newClock()
			m := Open(dir, manual(c))
			aside := path + ".corrupt-20240102T030405Z"
			w := m.Warnings()
			if len(w) != 1 || !strings.Contains(w[0], "cannot be read") || !strings.Contains(w[0], aside) {
				t.Fatalf("warnings %q, want one naming %s", w, aside)
			}
			if again := m.Warnings(); again != nil {
				t.Errorf("warned twice: %q", again)
			}
			if got, err := os.ReadFile(aside); err != nil || string(got) != bad {
				t.Errorf("the bad file was not kept as it was: %q, %v", got, err)
			}
			if len(m.Starred()) != 0 || m.Position() != (Position{}) {
				t.Error("state not empty")
			}
			m.SetRead("a", true)
			if err := m.Close(); err != nil {
				t.Fatal(err)
			}
			if d, err := readData(path); err != nil || !d.Marks["a"].Read {
				t.Errorf("new state file: %+v, %v", d, err)
			}
			if got, _ := os.ReadFile(aside); string(got) != bad {
				t.Error("the kept file changed")
			}
		})
	}
}

func TestCorruptFileTwiceKeepsBoth(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	c := newClock()
	for _, bad := range []string{"first", "second"} {
		if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		if w := Open(dir, manual(c)).Warnings(); len(w) != 1 {
			t.Fatalf("warnings %q", w)
		}
	}
	got := names(t, dir)
	want := []string{FileName + ".corrupt-20240102T030405Z", FileName + ".corrupt-20240102T030405Z-2", LockName}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("folder %q, want %q", got, want)
	}
}

func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	// a folder where the file should be cannot be read, even by root
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	m := Open(dir, manual(newClock()))
	if w := m.Warnings(); len(w) != 1 || !strings.Contains(w[0], "is a directory") {
		t.Fatalf("warnings %q", w)
	}
	if fi, err := os.Stat(path + ".corrupt-20240102T030405Z"); err != nil || !fi.IsDir() {
		t.Errorf("not kept aside: %v", err)
	}
	m.SetStarred("a", true)
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if !Open(dir, Options{}).IsStarred("a") {
		t.Error("not saved after the bad file was set aside")
	}
}

func TestUnreadablePermissions(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path, []byte(`{"version":1,"marks":{}}`), 0o000); err != nil {
		t.Fatal(err)
	}
	m := Open(dir, manual(newClock()))
	if w := m.Warnings(); len(w) != 1 || !strings.Contains(w[0], "permission denied") {
		t.Fatalf("warnings %q", w)
	}
	if _, err := os.Stat(path + ".corrupt-20240102T030405Z"); err != nil {
		t.Errorf("not kept aside: %v", err)
	}
}

func TestCannotSetAsideIsReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can rename in a read-only folder")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path, []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, LockName), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	m := Open(dir, manual(newClock()))
	if w := m.Warnings(); len(w) != 1 || !strings.Contains(w[0], "nothing will be saved") {
		t.Fatalf("warnings %q", w)
	}
	m.SetRead("a", true)
	if err := m.Close(); err == nil {
		t.Error("Close wrote over a file it could not read")
	}
	if got, _ := os.ReadFile(path); string(got) != "garbage" {
		t.Errorf("file changed to %q", got)
	}
}

// Another program spoils the file while the reader runs: the write keeps it.
func TestCorruptBeforeWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	m := Open(dir, manual(newClock()))
	m.SetRead("a", true)
	if err := m.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("spoilt"), 0o600); err != nil {
		t.Fatal(err)
	}
	m.SetRead("b", true)
	if err := m.Flush(); err != nil {
		t.Fatal(err)
	}
	if w := m.Warnings(); len(w) != 1 || !strings.Contains(w[0], ".corrupt-") {
		t.Errorf("warnings %q", w)
	}
	if got, _ := os.ReadFile(path + ".corrupt-20240102T030405Z"); string(got) != "spoilt" {
		t.Errorf("kept file holds %q", got)
	}
	if d, err := readData(path); err != nil || !d.Marks["a"].Read || !d.Marks["b"].Read {
		t.Errorf("rewritten file lost marks: %+v, %v", d, err)
	}
}

func TestNewerFormatIsNotWritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	newer := `{"version": 2, "marks": {"k": {"read": true, "colour": "red"}}, "tabs": []}`
	if err := os.WriteFile(path, []byte(newer), 0o600); err != nil {
		t.Fatal(err)
	}
	m := Open(dir, manual(newClock()))
	if w := m.Warnings(); len(w) != 1 || !strings.Contains(w[0], "newer newsreader") {
		t.Fatalf("warnings %q", w)
	}
	if !m.IsRead("k") {
		t.Error("the newer file's marks are not shown")
	}
	m.SetRead("j", true)
	if err := m.Close(); err == nil {
		t.Error("Close wrote a newer reader's file")
	}
	if got, _ := os.ReadFile(path); string(got) != newer {
		t.Errorf("file changed to %q", got)
	}
}

func TestLockTimeout(t *testing.T) {
	dir := t.TempDir()
	unlock, err := lock(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := Open(dir, Options{Delay: time.Hour, LockWait: 20 * time.Millisecond})
	m.SetRead("a", true)
	if err := m.Flush(); !errors.Is(err, ErrLocked) {
		t.Fatalf("Flush under another's lock = %v, want ErrLocked", err)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("written without the lock: %v", err)
	}
	unlock()
	if err := m.Flush(); err != nil {
		t.Fatalf("after the lock was freed: %v", err)
	}
	if !Open(dir, Options{}).IsRead("a") {
		t.Error("the change waiting for the lock was lost")
	}
}

func TestPruneForgetsOldUnmarks(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	m := Open(dir, manual(c))
	m.SetRead("old", true)
	m.SetRead("old", false)
	m.SetStarred("kept", true)
	c.add(forgetAfter + time.Hour)
	m.SetRead("recent", true)
	m.SetRead("recent", false)
	if err := m.Flush(); err != nil {
		t.Fatal(err)
	}
	d, err := readData(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	got := slices.Sorted(func(yield func(string) bool) {
		for k := range d.Marks {
			if !yield(k) {
				return
			}
		}
	})
	if want := []string{"kept", "recent"}; !reflect.DeepEqual(got, want) {
		t.Errorf("file keeps %q, want %q", got, want)
	}
}

// merge must give the same result in any order and any number of times, or
// two readers would end up disagreeing.
func TestMergeIsOrderFree(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func() time.Time { return base.Add(time.Duration(rng.IntN(4)) * time.Second) }
	random := func() data {
		d := empty()
		for _, k := range []string{"a", "b", "c"} {
			if rng.IntN(3) > 0 {
				d.Marks[k] = Mark{Read: rng.IntN(2) == 0, ReadAt: at(), Starred: rng.IntN(2) == 0, StarredAt: at()}
			}
		}
		d.Position = Position{Article: []string{"a", "b"}[rng.IntN(2)], Scroll: float64(rng.IntN(3)) / 2, At: at()}
		return d
	}
	for range 2000 {
		a, b, c := random(), random(), random()
		if ab, ba := merge(a, b), merge(b, a); !reflect.DeepEqual(ab, ba) {
			t.Fatalf("merge(a, b) != merge(b, a)\na %+v\nb %+v\nab %+v\nba %+v", a, b, ab, ba)
		}
		if l, r := merge(merge(a, b), c), merge(a, merge(b, c)); !reflect.DeepEqual(l, r) {
			t.Fatalf("merge is not associative\na %+v\nb %+v\nc %+v", a, b, c)
		}
		if aa := merge(a, a); !reflect.DeepEqual(aa, a) {
			t.Fatalf("merge(a, a) != a: %+v vs %+v", aa, a)
		}
	}
}

func TestFileIsReadableJSON(t *testing.T) {
	dir := t.TempDir()
	m := Open(dir, manual(newClock()))
	m.SetStarred("k", true)
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if v["version"] != float64(Version) {
		t.Errorf("version %v", v["version"])
	}
	mk := v["marks"].(map[string]any)["k"].(map[string]any)
	if mk["starred"] != true || mk["starred_at"] != "2024-01-02T03:04:05Z" || mk["read"] != nil {
		t.Errorf("mark written as %v", mk)
	}
}

// BenchmarkFlush writes a state of 10,000 marks, the size of years of reading.
func BenchmarkFlush(b *testing.B) {
	dir := b.TempDir()
	m := Open(dir, Options{Delay: time.Hour})
	for i := range 10000 {
		m.SetRead(fmt.Sprintf("%032x", i), true)
	}
	if err := m.Flush(); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		m.SetStarred(fmt.Sprintf("%032x", i%10000), i%2 == 0)
		if err := m.Flush(); err != nil {
			b.Fatal(err)
		}
	}
	fi, _ := os.Stat(filepath.Join(dir, FileName))
	b.ReportMetric(float64(fi.Size()), "file-bytes")
}

// BenchmarkOpen loads that state, as a start-up does.
func BenchmarkOpen(b *testing.B) {
	dir := b.TempDir()
	m := Open(dir, Options{Delay: time.Hour})
	for i := range 10000 {
		m.SetRead(fmt.Sprintf("%032x", i), true)
	}
	if err := m.Close(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if !Open(dir, Options{}).IsRead(fmt.Sprintf("%032x", 5)) {
			b.Fatal("lost")
		}
	}
}

// An article whose file was edited has a new key: its marks are carried to
// it, written, and merged with what another reader wrote meanwhile.
func TestCarryMarksToNewKey(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	a := Open(dir, manual(c))
	a.SetRead("old", true)
	a.SetStarred("old", true)
	a.SetRead("read-only", true)
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	b := Open(dir, manual(c)) // another reader, running at the same time
	c.add(time.Second)
	a.Carry("old", "new")
	a.Carry("read-only", "new2")
	a.Carry("never-marked", "new3")
	b.SetStarred("other", true)
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	d := Open(dir, manual(c))
	for _, w := range []struct {
		key           string
		read, starred bool
	}{{"old", true, true}, {"new", true, true}, {"new2", true, false}, {"new3", false, false}, {"other", false, true}} {
		if got := d.Mark(w.key); got.Read != w.read || got.Starred != w.starred {
			t.Errorf("%s: read %v starred %v, want %v %v", w.key, got.Read, got.Starred, w.read, w.starred)
		}
	}
}
