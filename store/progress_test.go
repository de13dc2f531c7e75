package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Every batch says how far the load is; the last one has the totals.
func TestLoadProgress(t *testing.T) {
	dir := t.TempDir()
	const n = 40
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%d", i%4))
		os.MkdirAll(sub, 0o755)
		os.WriteFile(filepath.Join(sub, fmt.Sprintf("%02d.txt", i)), []byte(fmt.Sprintf("Story %d\n\nText of story %d.\n", i, i)), 0o644)
	}
	// not articles: a hidden file, an editor's backup and autosave, a picture
	for _, name := range []string{".hidden.txt", "01.txt~", "#02.txt#", "photo.jpg"} {
		os.WriteFile(filepath.Join(dir, "d0", name), []byte("Not\n\nan article.\n"), 0o644)
	}
	var last Batch
	files, arts := -1, 0
	for b := range Load(context.Background(), Source{Paths: []string{dir}}) {
		if b.Files < files {
			t.Errorf("files read went back from %d to %d", files, b.Files)
		}
		if b.Found < b.Files {
			t.Errorf("found %d < read %d", b.Found, b.Files)
		}
		files = b.Files
		arts += len(b.Articles)
		last = b
	}
	if !last.Done || !last.Counted || last.Files != n || last.Found != n || arts != n {
		t.Errorf("last batch %+v, %d articles; want %d files read and found", last, arts, n)
	}
	if last.Elapsed <= 0 || last.Rate() <= 0 {
		t.Errorf("elapsed %v, rate %v", last.Elapsed, last.Rate())
	}
}

func TestSkipFile(t *testing.T) {
	for name, skip := range map[string]bool{
		"story.txt": false, "page.html": false, "feed.xml.gz": false, "notes": false,
		".story.txt.swp": true, "story.txt~": true, "#story.txt#": true, "photo.JPG": true, "a.pdf": true,
	} {
		if skipFile(name) != skip {
			t.Errorf("skipFile(%q) = %v", name, !skip)
		}
	}
}
