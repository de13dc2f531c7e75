package store

import "time"

// Stamp identifies one version of a file on disk: while its stamp is the
// same, a file is taken not to have changed.
type Stamp struct {
	Size            int64
	ModTime, Change int64 // modification and status-change times, Unix ns
	Inode, Device   uint64
}

// settleTime is how long a file must have been left alone before its
// stamp is trusted: file times move in clock ticks (2 s on FAT), and a
// write in the same tick as our read would leave them as they were.
const settleTime = 2 * time.Second

// settledAt reports whether the file had been left alone for settleTime
// at now; the status-change time counts too, since a write that puts the
// modification time back (rsync -t, touch -d) still moves it.
func (s Stamp) settledAt(now time.Time) bool {
	return now.UnixNano()-max(s.ModTime, s.Change) >= int64(settleTime)
}

// Stamp returns the stamp the article's file had when it was read, and
// whether the article may be kept in a snapshot: only articles read from
// the disk (not a pipe), whose file had not changed for 2 seconds before
// it was read (so a write in the same clock tick as our read cannot go
// unseen). Those whose body cannot be read again from the file keep it
// held (see HeldText).
func (a *Article) Stamp() (Stamp, bool) {
	return a.stamp, a.settled && a.fsys == nil && (a.again || a.Held())
}
