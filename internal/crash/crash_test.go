package crash

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, err := Dir()
	if err != nil || filepath.Base(dir) != "newsreader" {
		t.Fatal(dir, err)
	}
	path, err := Write(dir, "1.2.3", "boom", []byte("goroutine 1 [running]:\nmain.main()"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	for _, want := range []string{"newsreader 1.2.3 crashed", "panic: boom", "main.main()"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("report lacks %q:\n%s", want, b)
		}
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("report mode %v", fi.Mode())
	}
}
