package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/creack/pty"

	"newsreader/ui"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	seeds := fstest.MapFS{"seeds/s.txt": {Data: []byte("Seed\n\nText.")}}
	code := Main(args, Env{Seeds: seeds, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestHelpAndVersion(t *testing.T) {
	for _, h := range [][]string{{"--help"}, {"-h"}, {"list", "--help"}, {"quotes", "-h"}, {"search", "--help"}} {
		code, out, stderr := run(t, h...)
		if code != 0 || !strings.Contains(out, "PATH...") || stderr != "" { // the usage, on stdout only
			t.Errorf("%s: %d, stdout %q, stderr %q", h, code, out, stderr)
		}
	}
	if code, out, stderr := run(t, "list", "--bogus"); code != 2 || out != "" || !strings.Contains(stderr, "usage: newsreader list") {
		t.Errorf("list --bogus: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	code, out, _ := run(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "newsreader "+Version) {
		t.Errorf("--version: %d %q", code, out)
	}
	// the reader's flags may follow the paths too
	if code, _, stderr := run(t, filepath.Join("..", "..", "seeds"), "--config", "missing.yaml"); code != 2 || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("--config after a path: exit %d, stderr %q", code, stderr)
	}
	if code, out, stderr := run(t, "--bogus"); code != 2 || out != "" || !strings.Contains(stderr, "-bogus") || !strings.Contains(stderr, "Usage:") {
		t.Errorf("unknown flag: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

// Every record satisfies file[start:end] == text, for the seed and for a
// file with CRLF line ends, a BOM and Windows-1252 bytes elsewhere.
func TestQuotesJSONOffsets(t *testing.T) {
	dir := t.TempDir()
	crlf := filepath.Join(dir, "crlf.txt")
	os.WriteFile(crlf, []byte("\xEF\xBB\xBFHeadline here\r\n\r\n\x1b[1mBold\x1b[0m start. “First quote here, and it runs long,” said Jane Doe.\r\n\r\n“A second one follows with more words,” she added.\r\n"), 0o644)
	seed := filepath.Join("..", "..", "seeds", "000_8dc520a2081ff3ad.txt")
	code, out, stderr := run(t, "quotes", "--json", seed, crlf)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	bySpeaker := map[string]int{}
	for _, l := range lines {
		var r quoteRecord
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		raw, _ := os.ReadFile(r.File)
		if r.Start < 0 || r.End > len(raw) || string(raw[r.Start:r.End]) != r.Text {
			t.Errorf("%s: file[%d:%d] != %q", r.File, r.Start, r.End, r.Text)
		}
		bySpeaker[r.Speaker]++
	}
	if len(lines) != 6 || bySpeaker["Vladimir Putin"] != 3 || bySpeaker["Ilham Aliyev"] != 1 || bySpeaker["Jane Doe"] != 2 {
		t.Errorf("%d records by speaker %v", len(lines), bySpeaker)
	}
}

func TestQuotesReportsBadInput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("T\n\n“Words of mine here today,” said Ann Lee."), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("\x00\x00binary"), 0o644)
	code, out, stderr := run(t, "quotes", dir, filepath.Join(dir, "missing.txt"))
	if code == 0 {
		t.Error("exit 0 with unreadable inputs")
	}
	if !strings.Contains(out, "Ann Lee") {
		t.Errorf("readable quotes not printed: %q", out)
	}
	if !strings.Contains(stderr, "bad.txt: binary file") || !strings.Contains(stderr, "missing.txt: no such file") {
		t.Errorf("stderr: %q", stderr)
	}
	if code, _, stderr := run(t, "quotes"); code != 2 || !strings.Contains(stderr, "usage") {
		t.Errorf("no PATH: exit %d %q", code, stderr)
	}
}

// Without a terminal the reader prints the list instead of starting.
func TestNotATerminalPrintsList(t *testing.T) {
	code, out, _ := run(t, filepath.Join("..", "..", "seeds"))
	if code != 0 || !strings.Contains(out, "4 quotes") {
		t.Errorf("exit %d: %q", code, out)
	}
	wd, _ := os.Getwd()
	os.Chdir(t.TempDir()) // no ./seeds here: the embedded seeds are read
	defer os.Chdir(wd)
	code, out, _ = run(t)
	if code != 0 || !strings.Contains(out, "seeds/s.txt\tSeed") {
		t.Errorf("embedded seeds: exit %d: %q", code, out)
	}
}

func TestReportCrash(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	var errb bytes.Buffer
	code := reportCrash(&ui.Crash{Value: "boom", Stack: []byte("stack here")}, Env{Stderr: &errb})
	if code == 0 || !strings.Contains(errb.String(), "newsreader crashed: boom") {
		t.Fatalf("exit %d: %q", code, errb.String())
	}
	path := strings.TrimSpace(errb.String()[strings.Index(errb.String(), "A report is in ")+len("A report is in "):])
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), "stack here") {
		t.Errorf("report %s: %v %q", path, err, b)
	}
}

func TestProfile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("NEWSREADER_PPROF", dir)
	code, _, stderr := run(t, "list", filepath.Join("..", "..", "seeds"))
	if code != 0 || !strings.Contains(stderr, "profiles in") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{"cpu.pprof", "heap.pprof"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// In a terminal, paths of which none can be opened are said on stderr, in
// list's words, and the reader does not start (empty, with errors inside).
func TestReaderWithNothingToRead(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip(err)
	}
	defer ptmx.Close()
	defer tty.Close()
	go io.Copy(io.Discard, ptmx)
	missing := filepath.Join(t.TempDir(), "missing")
	_, listErr, _ := runCLI(t, "list", missing)
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- Main([]string{missing}, Env{Stdin: strings.NewReader(""), Stdout: tty, Stderr: &errb}) }()
	select {
	case code := <-done:
		if code != 1 || errb.String() != listErr || listErr == "" {
			t.Errorf("exit %d, stderr %q, want 1 and list's %q", code, errb.String(), listErr)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the reader started with nothing to read")
	}
}

// The tests read no config but the one they write.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "newsreader-cli-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// list, quotes and search honour the config as the reader does: its paths
// when given none, and for list and quotes its sort.
func TestHeadlessCommandsReadTheConfig(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"1.txt": "Zebra oil\n\n“Oil is what the zebra drinks today,” said Ann Lee.\n",
		"2.txt": "Apple oil\n\n“Oil is what the apple tree wants now,” said Bob Day.\n",
	} {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	cfgDir := filepath.Join(t.TempDir(), "newsreader")
	os.MkdirAll(cfgDir, 0o755)
	cfg := filepath.Join(cfgDir, "config.yaml")
	os.WriteFile(cfg, []byte("sort: title\npaths: ["+dir+"]\nsidebar_width: 2\n"), 0o644)
	titleOrder := func(out string) bool {
		return strings.Contains(out, "Apple") && strings.Index(out, "Apple") < strings.Index(out, "Zebra")
	}
	for _, args := range [][]string{{"list", "--config", cfg}, {"list", dir, "--config", cfg}, {"quotes", "--config", cfg}, {"search", "oil", "--config", cfg}} {
		out, errs, code := runCLI(t, args...)
		ordered := titleOrder(out) || args[0] == "search" && strings.Count(out, " oil\t") == 2 // ranked, not sorted
		if code != 0 || !ordered || !strings.Contains(errs, "config.yaml:3: sidebar_width") {
			t.Errorf("%q: exit %d, stderr %q, output:\n%s", args, code, errs, out)
		}
	}
	t.Setenv("XDG_CONFIG_HOME", filepath.Dir(cfgDir)) // the default file
	if out, _, code := runCLI(t, "list"); code != 0 || !titleOrder(out) {
		t.Errorf("list with the default config: exit %d, output:\n%s", code, out)
	}
	if _, errs, code := runCLI(t, "list", "--config", filepath.Join(dir, "nope.yaml")); code != 2 || !strings.Contains(errs, "nope.yaml") {
		t.Errorf("a missing --config: exit %d, stderr %q", code, errs)
	}
}
