// Package crash writes a short report when the reader panics, so that a
// crash leaves something to send besides a broken terminal.
package crash

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"newsreader/internal/xdg"
)

// Dir is where reports go: $XDG_STATE_HOME/newsreader, else
// ~/.local/state/newsreader.
func Dir() (string, error) { return xdg.StateDir(os.Getenv) }

// Write saves a report of a panic and returns its path.
func Write(dir, version string, value any, stack []byte) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	now := time.Now()
	path := filepath.Join(dir, "crash-"+now.Format("20060102-150405")+fmt.Sprintf("-%d.txt", os.Getpid()))
	report := fmt.Sprintf("newsreader %s crashed at %s\n%s/%s %s\n\npanic: %v\n\n%s",
		version, now.Format(time.RFC3339), runtime.GOOS, runtime.GOARCH, runtime.Version(), value, stack)
	if err := os.WriteFile(path, []byte(report), 0o600); err != nil {
		return "", err
	}
	return path, nil
}
