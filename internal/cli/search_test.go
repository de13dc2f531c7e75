package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchJSON: the offsets of each match point at the matched word in
// the file as on disk, also where decoding moved the bytes (CRLF line
// ends, a Windows-1252 byte, a byte-order mark).
func TestSearchJSON(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"crlf.txt":   "Oil markets\r\n\r\nThe OIL price rose.\r\nTraders said oil would fall: \"Oil is dear,\" said Ann Lee.\r\n",
		"cp1252.txt": "Caf\xe9 owners\r\n\r\nThe caf\xe9 owners \x93fear\x94 the oil price and oil's fall.\n",
		"bom.txt":    "\xef\xbb\xbfOil again\n\nNothing but oil here.\n",
		"none.txt":   "Football\n\nA match was played.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := runCLI(t, "search", "--json", "oil", dir)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d results, want 3:\n%s", len(lines), out)
	}
	for _, l := range lines {
		var r searchRecord
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		raw, err := os.ReadFile(r.File)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Matches) == 0 || r.Title == "" || r.Score <= 0 || !strings.Contains(strings.ToLower(r.Snippet), "oil") {
			t.Errorf("%s: record %+v", r.File, r)
		}
		for _, m := range r.Matches {
			if m[0] < 0 || m[0] > m[1] || m[1] > len(raw) || strings.ToLower(string(raw[m[0]:m[1]])) != "oil" {
				t.Errorf("%s: match %v is %q, want oil", filepath.Base(r.File), m, raw[max(0, min(m[0], len(raw))):max(0, min(m[1], len(raw)))])
			}
		}
	}
}

func TestSearchText(t *testing.T) {
	dir := t.TempDir()
	for i, text := range []string{"Oil one\n\noil oil oil.\n", "Oil two\n\noil.\n", "Oil three\n\nThe oil, the oil.\n"} {
		os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte(text), 0o644)
	}
	out, _, code := runCLI(t, "search", "--limit", "2", "oil", dir)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[0], filepath.Join(dir, "a.txt")+"\tOil one\t") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	out, errs, _ := runCLI(t, "search", "oli", dir)
	if !strings.Contains(errs, "results for: oil") || len(strings.Split(strings.TrimSpace(out), "\n")) != 3 {
		t.Errorf("typo: stderr %q, output:\n%s", errs, out)
	}
	if _, errs, code := runCLI(t, "search", "oil"); code != 2 || !strings.Contains(errs, "usage") {
		t.Errorf("no PATH: exit %d, stderr %q", code, errs)
	}
	if _, _, code := runCLI(t, "search", "oil", filepath.Join(dir, "missing")); code != 1 {
		t.Errorf("a missing PATH: exit %d, want 1", code)
	}
}

// A snippet is one line with single spaces, though it spans the title and
// several paragraphs.
func TestSearchSnippetSpaces(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Oil news\n\nThe oil price rose.\n\nTraders sold.\n"), 0o644)
	for _, args := range [][]string{{"search", "oil", dir}, {"search", "--json", "oil", dir}} {
		out, _, _ := runCLI(t, args...)
		if !strings.Contains(out, "Oil news The oil price rose. Traders sold.") || strings.Contains(out, "  ") {
			t.Errorf("%s: %q", args, out)
		}
	}
}

// A query may start with '-' (an excluded word), and flags may follow the
// query and the paths, as in most commands; "--" ends the flags.
func TestSearchArguments(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": "Oil one\n\n“Oil and football are what we love here,” said Ann Lee.\n", "b.txt": "Oil two\n\nOil alone.\n", "c.txt": "Oil three\n\nOil again, oil.\n"} {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	for _, args := range [][]string{
		{"search", "-football oil", dir},
		{"search", "--json", "-football oil", dir},
		{"search", "--", "-football oil", dir},
		{"search", "--limit", "5", "--", "-football oil", dir},
		{"search", "-football oil", dir, "--limit", "5"},
		{"search", "-football oil", dir, "--limit=5", "--json"},
	} {
		out, errs, code := runCLI(t, args...)
		if code != 0 || errs != "" || strings.Count(out, "\n") != 2 || strings.Contains(out, "Oil one") {
			t.Errorf("%q: exit %d, stderr %q, output:\n%s", args, code, errs, out)
		}
	}
	out, errs, code := runCLI(t, "search", "oil", dir, "--limit", "1")
	if code != 0 || errs != "" || strings.Count(out, "\n") != 1 {
		t.Errorf("--limit after the paths: exit %d, stderr %q, output:\n%s", code, errs, out)
	}
	if _, errs, code := runCLI(t, "search", "oil", dir, "--limt", "1"); code != 2 || !strings.Contains(errs, "-limt") || !strings.Contains(errs, "usage") {
		t.Errorf("a wrong flag after the paths: exit %d, stderr %q", code, errs)
	}
	if _, errs, code := runCLI(t, "search", "-json", dir); code != 2 || !strings.Contains(errs, "usage") {
		t.Errorf("-json is the flag, not the query: exit %d, stderr %q", code, errs)
	}
	file := filepath.Join(dir, "a.txt")
	for _, args := range [][]string{{"list", file, "--json"}, {"quotes", file, "--json"}, {"list", "--", file}} {
		out, errs, code := runCLI(t, args...)
		if code != 0 || errs != "" || (args[1] != "--" && !strings.HasPrefix(out, "{")) {
			t.Errorf("%q: exit %d, stderr %q, output %q", args, code, errs, out)
		}
	}
}

// Nothing found is exit 1 with a reason on stderr, as grep; a query of
// only words to leave out says that it looks for nothing.
func TestSearchNothingFound(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Oil one\n\nOil and football.\n"), 0o644)
	for query, want := range map[string]string{
		"xyzzyq":        `no articles match "xyzzyq"`,
		"-football":     `"-football" has no word to look for`,
		"-football -x":  `"-football -x" has no word to look for`,
		"oil -football": `no articles match "oil -football"`,
	} {
		out, errs, code := runCLI(t, "search", "--", query, dir)
		if code != 1 || out != "" || !strings.Contains(errs, want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q, want %q", query, code, out, errs, want)
		}
	}
}
