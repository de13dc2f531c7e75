package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errs bytes.Buffer
	code = Main(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs})
	return out.String(), errs.String(), code
}

// formatsDir holds a small file of every format, at the module root.
var formatsDir = filepath.Join("..", "..", "testdata", "formats")

// list prints one line per article of every format, each copy once.
func TestListEveryFormat(t *testing.T) {
	out, errs, code := runCLI(t, "list", "--json", formatsDir)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	formats := map[string]int{}
	files := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r articleRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if r.Title == "" || r.Words == 0 || r.File == "" {
			t.Errorf("incomplete record %s", line)
		}
		formats[r.Format]++
		files[filepath.Base(r.File)]++
	}
	for f, n := range map[string]int{"html": 1, "feed": 12, "markdown": 1, "text": 2} {
		if formats[f] != n {
			t.Errorf("%d %s articles, want %d (all: %v)", formats[f], f, n, formats)
		}
	}
	// page.html and mislabeled-charset.html are the same article (same link)
	if files["page.html"]+files["mislabeled-charset.html"] != 1 {
		t.Errorf("the two copies of the page listed %d and %d times", files["page.html"], files["mislabeled-charset.html"])
	}
	if !strings.Contains(errs, "1 duplicate article not listed") {
		t.Errorf("stderr %q does not say a duplicate was left out", errs)
	}
	plain, _, _ := runCLI(t, "list", filepath.Join(formatsDir, "rss2.xml"))
	if want := "Library extends its opening hours\tPriya Nand\t2024-03-04\t28 words\t1 quote\tfeed"; !strings.Contains(plain, want) {
		t.Errorf("text line missing %q:\n%s", want, plain)
	}
}

// Every file that fails says why on stderr, and the rest are listed.
func TestListErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ok.txt", "A Title\n\nSome words of an article.\n")
	write("sitemap.xml", `<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>`)
	write("empty.md", "")
	big, err := os.Create(filepath.Join(dir, "huge.html"))
	if err != nil {
		t.Fatal(err)
	}
	big.Truncate(21 << 20) // sparse: no 21 MB written
	big.Close()
	out, errs, code := runCLI(t, "list", dir)
	if code != 1 {
		t.Errorf("exit %d with unreadable files, want 1", code)
	}
	if !strings.Contains(out, "A Title") || strings.Count(out, "\n") != 1 {
		t.Errorf("stdout %q, want the one good article", out)
	}
	for _, want := range []string{"sitemap.xml: XML but not a feed", "empty.md: empty file", "huge.html: too large: 21.0 MB (the limit is 20.0 MB)"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
}

// quotes --json: exact file offsets for text, -1 where the text is converted.
func TestQuotesOffsets(t *testing.T) {
	out, _, code := runCLI(t, "quotes", "--json", filepath.Join(formatsDir, "plain.txt"), filepath.Join(formatsDir, "atom.xml"))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var q quoteRecord
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			t.Fatal(err)
		}
		seen++
		switch filepath.Base(q.File) {
		case "plain.txt":
			raw, _ := os.ReadFile(q.File)
			if q.Start < 0 || string(raw[q.Start:q.End]) != q.Text {
				t.Errorf("plain.txt[%d:%d] is not %q", q.Start, q.End, q.Text)
			}
		case "atom.xml":
			if q.Start != -1 || q.End != -1 || q.Text == "" {
				t.Errorf("feed quote: start %d end %d text %q, want -1 -1 and the text", q.Start, q.End, q.Text)
			}
		}
	}
	if seen != 2 {
		t.Errorf("%d quotes, want 2", seen)
	}
}

// A second start takes the library from the snapshot the first one left:
// the same list and the same answers, without reading the files.
func TestSnapshotAnswersAsTheFiles(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	seeds, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	data, err := os.ReadFile(seeds[0])
	if err != nil {
		t.Fatal(err)
	}
	// a library big enough to be kept (snapshot.Library.MinSize), in
	// several batches
	var files []string
	for i := 0; len(files)*len(data) < 5<<20; i++ {
		p := filepath.Join(dir, fmt.Sprintf("%04d.txt", i))
		if err := os.WriteFile(p, fmt.Appendf(nil, "Dispatch %d from Baku\n\n%s", i, data), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	time.Sleep(2100 * time.Millisecond) // until the stamps are trusted: see store.Article.Stamp
	start := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		code := Main(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, CacheDir: cache})
		if code != 0 || errb.Len() > 0 {
			t.Fatalf("%s: exit %d, stderr %q", args, code, errb.String())
		}
		return out.String()
	}
	list, found := start("list", "--json", dir), start("search", "--json", "putin", dir)
	snaps, _ := filepath.Glob(filepath.Join(cache, "*.snapshot"))
	if len(snaps) != 1 {
		t.Fatalf("snapshots after a start: %q, want one", snaps)
	}
	written, err := os.Stat(snaps[0])
	if err != nil {
		t.Fatal(err)
	}
	if os.Getuid() != 0 { // root reads any file
		for _, p := range files {
			os.Chmod(p, 0)
		}
	}
	if got := start("list", "--json", dir); got != list || list == "" {
		t.Errorf("list from the snapshot:\n%s\nwant:\n%s", got, list)
	}
	if got := start("search", "--json", "putin", dir); got != found || found == "" {
		t.Errorf("search from the snapshot:\n%s\nwant:\n%s", got, found)
	}
	// taken from it, not read and written anew (which root's reads would hide)
	if now, err := os.Stat(snaps[0]); err != nil || !os.SameFile(written, now) {
		t.Errorf("the snapshot was written again by starts that changed nothing (%v)", err)
	}
}
