//go:build !unix

package state

import "time"

// LockName is the lock file beside the state file (unused here).
const LockName = "state.lock"

// lock is a no-op where flock is missing: two readers at once may then lose
// each other's last changes, though never the file.
func lock(dir string, wait time.Duration) (func(), error) { return func() {}, nil }

// syncDir does nothing: folders cannot be synced on this system.
func syncDir(dir string) error { return nil }
