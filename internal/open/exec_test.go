//go:build unix

package open

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestHelperBrowser is the "browser" started by TestURLRunsNoShell: it writes
// the arguments it got and whether it leads its own session.
func TestHelperBrowser(t *testing.T) {
	out := os.Getenv("NEWSREADER_TEST_BROWSER_OUT")
	if out == "" {
		t.Skip("only run as a helper")
	}
	sid, _ := unix.Getsid(0)
	args := os.Args[1:]
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	data := strconv.FormatBool(sid == os.Getpid()) + "\n" + strings.Join(args, "\n")
	if err := os.WriteFile(out+".tmp", []byte(data), 0o600); err == nil {
		os.Rename(out+".tmp", out)
	}
	os.Exit(0)
}

// A real process gets the address as one argument, exactly: a shell would
// have run the $(...) and split at ';' and '&'.
func TestURLRunsNoShell(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "args")
	marker := filepath.Join(dir, "pwned")
	t.Setenv("NEWSREADER_TEST_BROWSER_OUT", out)
	u := "https://e.example/a?x=1&y=$(touch%20" + marker + ")`touch%20" + marker + "`;z='q'|w"
	o := New()
	o.Getenv = fakeEnv(map[string]string{"BROWSER": shellQuote(os.Args[0]) + " -test.run=^TestHelperBrowser$ -- %s"})
	if err := o.URL(u); err != nil {
		t.Fatal(err)
	}
	var data []byte
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		var err error
		if data, err = os.ReadFile(out); err == nil {
			break
		}
	}
	if data == nil {
		t.Fatal("the browser never ran")
	}
	lines := strings.Split(string(data), "\n")
	if lines[0] != "true" {
		t.Error("the browser shares the reader's session: it would get the terminal's signals")
	}
	if got := lines[1:]; len(got) != 1 || got[0] != u {
		t.Errorf("browser got %q, want exactly [%q]", got, u)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("a shell ran the address")
	}
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
