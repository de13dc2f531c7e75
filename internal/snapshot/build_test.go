package snapshot

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// The build ID is the one the go tool reads from the executable.
func TestBuildID(t *testing.T) {
	id := buildID()
	if id == "" {
		t.Fatal("no build ID")
	}
	exe, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(exe, "tool", "buildid", self).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	if want := strings.TrimSpace(string(out)); runtime.GOOS == "linux" && id != want {
		t.Errorf("buildID() = %q, go tool buildid says %q", id, want)
	}
}
