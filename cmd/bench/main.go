// Command bench prints the table of the speed issue for generated corpora
// of the given sizes: time to the first frame and to everything loaded in
// a pseudo-terminal, `newsreader list` beside `cat` of the same files, peak
// memory, keystroke latency with everything loaded and the time to open an
// article not yet rendered; newsboat and glow beside it when asked.
//
//	go run ./cmd/bench [-n 10000,100000] [-cache DIR] [-runs 3] [-newsboat] [-glow PATH]
//
// The corpora are generated from the BBC corpus in ../shared into a
// temporary folder, or into -cache DIR to be kept for the next run; never
// inside ../shared. Each figure is the best of -runs runs (the machines
// are shared: the load average is printed with every row).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"newsreader/internal/bench"
	"newsreader/internal/corpusgen"
	"newsreader/store"
	"newsreader/ui"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type config struct {
	sizes     []int
	cache     string
	runs      int
	keys      int
	width     int
	height    int
	newsboat  bool
	glow      string
	skipInUI  bool
	limit     time.Duration
	shared    string
	binary    string
	cacheTemp bool
}

func run(args []string, out io.Writer) error {
	fl := flag.NewFlagSet("bench", flag.ContinueOnError)
	sizes := fl.String("n", "10000,100000", "corpus sizes, in articles")
	var c config
	fl.StringVar(&c.cache, "cache", "", "folder to keep the generated corpora in (default: a temporary one, removed after)")
	fl.IntVar(&c.runs, "runs", 3, "runs of each whole-process measure; the best is shown")
	fl.IntVar(&c.keys, "keys", 400, "keystrokes timed per kind of key")
	fl.IntVar(&c.width, "width", 120, "terminal width")
	fl.IntVar(&c.height, "height", 40, "terminal height")
	fl.BoolVar(&c.newsboat, "newsboat", false, "measure newsboat on the same articles as one RSS file (the smallest size)")
	fl.StringVar(&c.glow, "glow", "", "measure this glow binary on the same articles as markdown files (the smallest size)")
	fl.BoolVar(&c.skipInUI, "no-keys", false, "skip the in-process rows (keystrokes, open)")
	fl.DurationVar(&c.limit, "limit", 5*time.Minute, "longest wait for one run")
	fl.StringVar(&c.binary, "bin", "", "newsreader binary to measure (default: built from this module)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return fmt.Errorf("-n %q: want sizes like 10000,100000", *sizes)
		}
		c.sizes = append(c.sizes, n)
	}
	shared, err := corpusgen.FindShared()
	if err != nil {
		return err
	}
	c.shared = shared
	if c.cache == "" {
		dir, err := os.MkdirTemp("", "newsreader-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		c.cache, c.cacheTemp = dir, true
	}
	if err := corpusgen.CheckOutside(c.cache, shared); err != nil {
		return err
	}
	if c.binary == "" {
		bin := filepath.Join(c.cache, "newsreader")
		build := exec.Command("go", "build", "-o", bin, ".")
		build.Dir, err = moduleRoot()
		if err != nil {
			return err
		}
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("go build: %v", err)
		}
		c.binary = bin
	}
	fmt.Fprintf(out, "machine: %s\n", machine())
	fmt.Fprintf(out, "binary: %s; terminal %dx%d; best of %d runs\n\n", c.binary, c.width, c.height, c.runs)
	for i, n := range c.sizes {
		if err := measureSize(c, n, i == 0, out); err != nil {
			return err
		}
	}
	return nil
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run it inside the module")
		}
		dir = parent
	}
}

// corpus generates n articles as files (and the RSS feed) unless the cache
// has them already.
func corpus(c config, n int, rss bool) (dir, feed string, bytes int64, err error) {
	dir = filepath.Join(c.cache, fmt.Sprintf("articles-%d", n))
	feed = filepath.Join(c.cache, fmt.Sprintf("articles-%d.xml", n))
	var src *corpusgen.Source
	load := func() error {
		if src != nil {
			return nil
		}
		src, err = corpusgen.Load(filepath.Join(c.shared, "corpora", "bbc"))
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, corpusgen.FileName(n-1))); err != nil {
		if err := load(); err != nil {
			return "", "", 0, err
		}
		os.RemoveAll(dir)
		if err := src.WriteDir(dir, n, 1); err != nil {
			return "", "", 0, err
		}
	}
	if _, err := os.Stat(feed); err != nil && rss {
		if err := load(); err != nil {
			return "", "", 0, err
		}
		f, err := os.Create(feed)
		if err != nil {
			return "", "", 0, err
		}
		err = src.WriteRSS(f, n, 1)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", "", 0, err
		}
	}
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err == nil {
			bytes += fi.Size()
		}
		return err
	})
	return dir, feed, bytes, err
}

func measureSize(c config, n int, smallest bool, out io.Writer) error {
	dir, feed, size, err := corpus(c, n, smallest && c.newsboat)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "## %d articles, %s in %s\n\n", n, mb(size), dir)
	row := func(what, value, command string) {
		fmt.Fprintf(out, "| %s | %s | `%s` | %s |\n", what, value, command, load())
	}
	fmt.Fprintln(out, "| measure | ours | command | load average |")
	fmt.Fprintln(out, "|---|---|---|---|")

	catCmd := fmt.Sprintf("find %s -type f -exec cat {} + >/dev/null", dir)
	cat, err := best(c.runs, func() (bench.Session, error) { return bench.Exec(exec.Command("sh", "-c", catCmd)) })
	if err != nil {
		return err
	}
	row("read the bytes (cat)", bench.Ms(cat.Wall), catCmd)

	// cold: no snapshot, every file read, parsed and indexed; warm: the
	// second start, with the snapshot the first one left
	snaps, err := os.MkdirTemp("", "newsreader-bench-cache-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(snaps)
	starts := []struct{ name, cache string }{{"cold", "off"}, {"warm", snaps}}
	listCmd := func(cache string) *exec.Cmd {
		cmd := exec.Command(c.binary, "list", dir)
		cmd.Env = bench.Env("NEWSREADER_CACHE=" + cache)
		return cmd
	}
	// leaves the snapshot; files written less than 2 s before are not kept
	// (see store.Article.Stamp), so a corpus just made takes a second run
	for try := 0; ; try++ {
		if _, err := bench.Exec(listCmd(snaps)); err != nil {
			return err
		}
		if made, _ := filepath.Glob(filepath.Join(snaps, "*.snapshot")); len(made) > 0 {
			break
		}
		if try == 1 {
			return fmt.Errorf("no snapshot in %s after two runs of list", snaps)
		}
		time.Sleep(2100 * time.Millisecond)
	}
	for _, st := range starts {
		list, err := best(c.runs, func() (bench.Session, error) { return bench.Exec(listCmd(st.cache)) })
		if err != nil {
			return err
		}
		row("everything loaded (list), "+st.name, fmt.Sprintf("%s = %.1f× cat; CPU %s; peak RSS %s", bench.Ms(list.Wall),
			list.Wall.Seconds()/cat.Wall.Seconds(), bench.Ms(list.CPU), mb(list.MaxRSS)), "NEWSREADER_CACHE="+st.cache+" "+c.binary+" list "+dir+" >/dev/null")
	}

	marks := []bench.Mark{
		{Name: "frame", Text: regexp.MustCompile(`Articles · \d`)},
		{Name: "listed", Text: regexp.MustCompile(`Articles · [1-9]`)},
		{Name: "loaded", Text: regexp.MustCompile(`\d articles? · \d+ quotes?`)},
	}
	state, err := os.MkdirTemp("", "newsreader-bench-state-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(state)
	for _, st := range starts {
		reader, err := best(c.runs, func() (bench.Session, error) {
			cmd := exec.Command(c.binary, "--no-mouse", dir)
			cmd.Env = bench.Env("TERM=xterm-256color", "XDG_STATE_HOME="+state, "XDG_CONFIG_HOME="+state, "NEWSREADER_PPROF=", "NEWSREADER_CACHE="+st.cache)
			s, err := bench.Terminal(cmd, c.width, c.height, []bench.Step{{Marks: marks}}, "q", c.limit)
			if err == nil && s.Timeout {
				err = fmt.Errorf("the reader: no %q on the screen within %s; the screen ends:\n%s", missing(s, marks), c.limit, s.Screen)
			}
			return s, err
		})
		if err != nil {
			return err
		}
		readerCmd := fmt.Sprintf("NEWSREADER_CACHE=%s %s --no-mouse %s (in a %dx%d pty)", st.cache, c.binary, dir, c.width, c.height)
		row("first frame, "+st.name, bench.Ms(reader.Seen["frame"]), readerCmd)
		row("first articles listed, "+st.name, bench.Ms(reader.Seen["listed"]), readerCmd)
		row("everything loaded in the reader, "+st.name, bench.Ms(reader.Seen["loaded"]), readerCmd)
		row("peak RSS, the reader loaded, "+st.name, fmt.Sprintf("%s (%.2f× the corpus)", mb(reader.MaxRSS), float64(reader.MaxRSS)/float64(size)), readerCmd)
	}

	if smallest && c.newsboat {
		if err := newsboat(c, feed, row); err != nil {
			fmt.Fprintf(out, "newsboat: %v\n", err)
		}
	}
	if smallest && c.glow != "" {
		if err := glow(c, dir, n, row); err != nil {
			fmt.Fprintf(out, "glow: %v\n", err)
		}
	}
	if !c.skipInUI {
		if err := inProcess(c, dir, row); err != nil {
			return err
		}
	}
	fmt.Fprintln(out)
	return nil
}

func missing(s bench.Session, marks []bench.Mark) string {
	for _, m := range marks {
		if _, ok := s.Seen[m.Name]; !ok {
			return m.Text.String()
		}
	}
	return ""
}

// best runs f n times and keeps, of each figure, the best: the shortest
// times and the largest memory (memory does not get better by luck).
func best(n int, f func() (bench.Session, error)) (bench.Session, error) {
	var b bench.Session
	for i := range n {
		s, err := f()
		if err != nil {
			return b, err
		}
		if i == 0 {
			b = s
			continue
		}
		b.Wall = min(b.Wall, s.Wall)
		b.CPU = min(b.CPU, s.CPU)
		b.MaxRSS = max(b.MaxRSS, s.MaxRSS)
		for k, v := range s.Seen {
			if old, ok := b.Seen[k]; !ok || v < old {
				b.Seen[k] = v
			}
		}
	}
	return b, nil
}

// inProcess builds the reader's model with the corpus loaded and times
// keystrokes (Update and View) in each pane and the opening of 5 KB
// articles not yet rendered.
func inProcess(c config, dir string, row func(what, value, command string)) error {
	arts, errs := store.LoadAll(context.Background(), store.Source{Paths: []string{dir}})
	if len(errs) > 0 {
		return fmt.Errorf("loading %s: %v", dir, errs[0])
	}
	src, err := corpusgen.Load(filepath.Join(c.shared, "corpora", "bbc"))
	if err != nil {
		return err
	}
	// 5 KB articles first in the list: two generated articles joined
	const opens = 30
	// beside the corpus, named to sort before it: first in the list
	openDir, err := os.MkdirTemp(filepath.Dir(dir), "0-open-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(openDir)
	var fives []*store.Article
	var prev *corpusgen.Article
	err = src.Generate(opens*2, 7, func(i int, a corpusgen.Article) error {
		if prev == nil {
			prev = &a
			return nil
		}
		text := prev.Text() + "\n" + strings.Join(a.Paragraphs, "\n\n") + "\n"
		for len(text) < 5<<10 {
			text += "\n" + strings.Join(a.Paragraphs, "\n\n") + "\n"
		}
		text = text[:5<<10]
		text = text[:strings.LastIndexByte(text, '\n')]
		prev = nil
		// from a file, so that opening reads it again as the reader does
		p := filepath.Join(openDir, fmt.Sprintf("5k-%03d.txt", i))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
		parsed, err := store.ReadFile(nil, p)
		fives = append(fives, parsed...)
		return err
	})
	if err != nil {
		return err
	}
	all := append(fives, arts...)
	for _, a := range all {
		a.Release() // indexed: the reader holds no body it can read again
	}
	d := &bench.Driver{Model: ui.New(ui.Options{Preload: all, Theme: ui.Theme{Dark: true}, Profile: termenv.TrueColor,
		After: func(time.Duration, tea.Msg) tea.Cmd { return nil }})}
	if err := d.Send(tea.WindowSizeMsg{Width: c.width, Height: c.height}); err != nil {
		return err
	}
	// the collector as the reader runs it (see main.go), from a heap the
	// loading above has left collected, as a reader's is once loaded
	defer debug.SetGCPercent(debug.SetGCPercent(33))
	runtime.GC()
	what := fmt.Sprintf("in-process, %d articles loaded, %dx%d, GOGC 33", len(all), c.width, c.height)
	var opened []time.Duration
	for range len(fives) - 1 {
		t, err := d.Open(key("j"))
		if err != nil {
			return err
		}
		opened = append(opened, t)
	}
	row("open an article not yet rendered (5 KB)", bench.Summarize(opened).String(), "go run ./cmd/bench: j onto each 5 KB article, "+what)
	var every, everyCPU []time.Duration
	// each series of keys -runs times (it comes back where it started),
	// the run of the lowest p99 kept, as the whole-process rows keep their
	// best: this shared machine's other work stretches the clock, not the CPU
	press := func(name string, keys ...tea.Msg) error {
		var wall, cpu []time.Duration
		for range max(1, c.runs) {
			var w, u []time.Duration
			for i := range c.keys {
				t, err := d.Press(keys[i%len(keys)])
				if err != nil {
					return err
				}
				w, u = append(w, t.Wall), append(u, t.CPU)
			}
			if wall == nil || bench.Summarize(w).P99 < bench.Summarize(wall).P99 {
				wall, cpu = w, u
			}
		}
		every, everyCPU = append(every, wall...), append(everyCPU, cpu...)
		row("keystroke "+name, latency(wall, cpu), "go run ./cmd/bench: Update+View, "+what)
		return nil
	}
	// back and forth over the first rows: their renders come from the cache
	downUp := func(down, up tea.Msg) []tea.Msg {
		ks := make([]tea.Msg, 0, 40)
		for range 20 {
			ks = append(ks, down)
		}
		for range 20 {
			ks = append(ks, up)
		}
		return ks
	}
	if err := press("list j/k", downUp(key("j"), key("k"))...); err != nil {
		return err
	}
	if err := press("list G/g (ends of the list)", key("G"), key("g")); err != nil {
		return err
	}
	if err := press("list pgdown/pgup", downUp(tea.KeyMsg{Type: tea.KeyPgDown}, tea.KeyMsg{Type: tea.KeyPgUp})...); err != nil {
		return err
	}
	if err := d.Send(key("g"), tea.KeyMsg{Type: tea.KeyEnter}); err != nil { // open the first and focus the reader
		return err
	}
	if err := press("reader j/k", downUp(key("j"), key("k"))...); err != nil {
		return err
	}
	if err := press("reader ]/[ (next quote)", downUp(key("]"), key("["))...); err != nil {
		return err
	}
	if err := d.Send(tea.KeyMsg{Type: tea.KeyTab}); err != nil { // the quotes sidebar
		return err
	}
	if err := press("sidebar (quotes) j/k", downUp(key("j"), key("k"))...); err != nil {
		return err
	}
	row("keystroke, all of the above", latency(every, everyCPU), "go run ./cmd/bench: Update+View, "+what)
	return nil
}

// latency is the clock's percentiles, and the thread's CPU time at the 99th.
func latency(wall, cpu []time.Duration) string {
	return fmt.Sprintf("%s; CPU p99 %s", bench.Summarize(wall), bench.Ms(bench.Summarize(cpu).P99))
}

func key(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// newsboat reads the same articles as one RSS file, from its cache
// filled beforehand, with max-items 0 (keep them all).
func newsboat(c config, feed string, row func(what, value, command string)) error {
	bin, err := exec.LookPath("newsboat")
	if err != nil {
		return errors.New("not installed (apt-get install newsboat)")
	}
	dir := filepath.Join(c.cache, "newsboat-"+strings.TrimSuffix(filepath.Base(feed), ".xml"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	urls, conf, cache := filepath.Join(dir, "urls"), filepath.Join(dir, "config"), filepath.Join(dir, "cache.db")
	abs, err := filepath.Abs(feed)
	if err != nil {
		return err
	}
	if err := os.WriteFile(urls, []byte("file://"+abs+"\n"), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(conf, []byte("max-items 0\nshow-read-feeds yes\n"), 0o644); err != nil {
		return err
	}
	args := []string{"-u", urls, "-c", cache, "-C", conf}
	if _, err := os.Stat(cache); err != nil {
		fill := exec.Command(bin, append(args, "-x", "reload")...)
		fill.Env = bench.Env("HOME=" + dir)
		if s, err := bench.Exec(fill); err != nil {
			return fmt.Errorf("filling the cache: %v", err)
		} else {
			row("newsboat: filling its cache (-x reload)", bench.Ms(s.Wall), bin+" "+strings.Join(args, " ")+" -x reload")
		}
	}
	command := fmt.Sprintf("%s %s (in a %dx%d pty)", bin, strings.Join(args, " "), c.width, c.height)
	s, err := best(c.runs, func() (bench.Session, error) {
		cmd := exec.Command(bin, args...)
		cmd.Env = bench.Env("HOME="+dir, "TERM=xterm-256color")
		s, err := bench.Terminal(cmd, c.width, c.height, []bench.Step{
			{Marks: []bench.Mark{{Name: "frame", Text: regexp.MustCompile(`\(\d+/\d+\)? *Generated news`)}}},
			{Keys: "\r", Marks: []bench.Mark{{Name: "articles", Text: regexp.MustCompile(`Articles in feed`)}}},
		}, "qq", c.limit)
		if err == nil && s.Timeout {
			err = fmt.Errorf("no frame within %s; the screen ends:\n%s", c.limit, s.Screen)
		}
		return s, err
	})
	if err != nil {
		return err
	}
	row("newsboat: first frame (its feed list)", bench.Ms(s.Seen["frame"]), command)
	row("newsboat: enter on the feed to its article list", bench.Ms(s.Seen["articles"]), command)
	row("newsboat: peak RSS", mb(s.MaxRSS), command)
	return nil
}

// glow lists the same articles as markdown files.
func glow(c config, dir string, n int, row func(what, value, command string)) error {
	md := filepath.Join(c.cache, fmt.Sprintf("markdown-%d", n))
	if _, err := os.Stat(md); err != nil {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			to := filepath.Join(md, strings.TrimSuffix(rel, ".txt")+".md")
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(to, append([]byte("# "), b...), 0o644)
		})
		if err != nil {
			return err
		}
	}
	command := fmt.Sprintf("cd %s && %s (in a %dx%d pty)", md, c.glow, c.width, c.height)
	s, err := best(c.runs, func() (bench.Session, error) {
		cmd := exec.Command(c.glow)
		cmd.Dir = md
		cmd.Env = bench.Env("TERM=xterm-256color", "HOME="+md)
		s, err := bench.Terminal(cmd, c.width, c.height, []bench.Step{
			{Marks: []bench.Mark{{Name: "list", Text: regexp.MustCompile(strconv.Itoa(n) + ` documents`)}}},
		}, "q", c.limit)
		if err == nil && s.Timeout {
			err = fmt.Errorf("no list of %d within %s; the screen ends:\n%s", n, c.limit, s.Screen)
		}
		return s, err
	})
	if err != nil {
		return err
	}
	row(fmt.Sprintf("glow: list of all %d files", n), bench.Ms(s.Seen["list"]), command)
	row("glow: peak RSS", mb(s.MaxRSS), command)
	return nil
}

func mb(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/1e6) }

func load() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func machine() string {
	model := "?"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	return fmt.Sprintf("%d cores (%s), %s, load average %s", runtime.NumCPU(), model, runtime.Version(), load())
}
