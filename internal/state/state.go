// Package state remembers what the user did with articles between runs:
// which were read, which starred, and where reading stopped. It is kept in
// $XDG_STATE_HOME/newsreader/state.json, keyed by store.Article.Key, so an
// article keeps its marks when its file moves.
//
// The file is treated like a mailbox: written whole to a temporary file,
// synced and renamed over the old one; every write takes a lock, re-reads
// the file and merges, so two readers running at once keep each other's
// changes; a file that cannot be read is moved aside, never overwritten.
package state

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"newsreader/internal/xdg"
)

// Version is the file format this reader writes. A file with a larger one
// was written by a newer reader and is read but never written.
const Version = 1

// FileName is the state file inside the state folder.
const FileName = "state.json"

// maxFileSize bounds what is read: 10,000 marks take about 1 MB.
const maxFileSize = 64 << 20

// Mark is what the reader remembers of one article. Each field carries the
// time it last changed: merging two files keeps, field by field, the later.
type Mark struct {
	Read      bool      `json:"read,omitempty"`
	ReadAt    time.Time `json:"read_at,omitzero"`
	Starred   bool      `json:"starred,omitempty"`
	StarredAt time.Time `json:"starred_at,omitzero"`
}

// Position is where reading stopped, restored at the next start.
type Position struct {
	Article string    `json:"article,omitempty"` // store.Article.Key
	Path    string    `json:"path,omitempty"`    // where the article was, to find it without hashing every article
	Scroll  float64   `json:"scroll"`            // 0 at the top, 1 at the end
	Word    int       `json:"word"`              // the first word shown, counted from 0, when known
	Quote   int       `json:"quote"`             // the selected quote counted from 1; 0 for none
	At      time.Time `json:"at,omitzero"`
}

// data is the file's content.
type data struct {
	Version  int             `json:"version"`
	Marks    map[string]Mark `json:"marks"`
	Position Position        `json:"position"`
}

// Options tune a Marks; the zero value is the reader's settings.
type Options struct {
	// Delay is how long after a change the file is written (1 s).
	Delay time.Duration
	// LockWait is how long a write waits for another reader's lock (2 s).
	LockWait time.Duration
	// Now is the clock (time.Now).
	Now func() time.Time
}

// Marks is the reader's memory of articles. It is safe for concurrent use.
type Marks struct {
	dir, path string
	opt       Options

	flushing sync.Mutex // one write at a time; held without mu during disk work

	mu       sync.Mutex
	d        data
	changes  uint64 // counts every change
	written  uint64 // the value of changes that the file holds
	timer    *time.Timer
	warnings []string
	readOnly error  // why nothing may be written, or nil
	failing  string // the last background write's error, already warned
	closed   bool
}

// DefaultDir is $XDG_STATE_HOME/newsreader, by default ~/.local/state/newsreader.
func DefaultDir() (string, error) { return xdg.StateDir(os.Getenv) }

// Open loads the state kept in dir. It always returns a usable Marks: a
// file that cannot be read is reported in Warnings, moved aside, and the
// reader starts with no marks. The folder is created (0700) at the first write.
func Open(dir string, opt Options) *Marks {
	if opt.Delay <= 0 {
		opt.Delay = time.Second
	}
	if opt.LockWait <= 0 {
		opt.LockWait = 2 * time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	m := &Marks{dir: dir, path: filepath.Join(dir, FileName), opt: opt, d: empty()}
	m.load()
	return m
}

func empty() data { return data{Version: Version, Marks: map[string]Mark{}} }

// load reads the file at start. A bad file is looked at again under the
// lock before it is moved: another reader may be replacing it right now.
func (m *Marks) load() {
	d, err := readData(m.path)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		m.adopt(d)
		return
	}
	unlock, lerr := lock(m.dir, m.opt.LockWait)
	if lerr != nil {
		m.readOnly = fmt.Errorf("state file %s: %v, and %v; nothing will be saved this session", m.path, err, lerr)
		m.warnings = append(m.warnings, m.readOnly.Error())
		return
	}
	defer unlock()
	d, err = readData(m.path)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		m.adopt(d)
		return
	}
	m.setAside(err)
}

// adopt takes a file's content at start; a newer reader's file is used but
// left as it is.
func (m *Marks) adopt(d data) {
	if d.Version > Version {
		m.readOnly = fmt.Errorf("state file %s was written by a newer newsreader (format %d); marks are shown but not saved this session", m.path, d.Version)
		m.warnings = append(m.warnings, m.readOnly.Error())
	}
	if d.Marks == nil {
		d.Marks = map[string]Mark{}
	}
	m.d = d
}

// setAside moves an unreadable file to name.corrupt-<time> so nothing of it
// is lost and the reader can go on. Called with the lock held.
func (m *Marks) setAside(readErr error) {
	stamp := m.path + ".corrupt-" + m.opt.Now().UTC().Format("20060102T150405Z")
	aside := stamp
	for i := 2; i < 1000; i++ {
		if _, err := os.Lstat(aside); err != nil {
			break // free, or the rename below says why not
		}
		aside = fmt.Sprintf("%s-%d", stamp, i)
	}
	if err := os.Rename(m.path, aside); err != nil {
		m.readOnly = fmt.Errorf("state file %s cannot be read (%v) nor moved aside (%v); it is left alone and nothing will be saved this session", m.path, readErr, err)
		m.warnings = append(m.warnings, m.readOnly.Error())
		return
	}
	m.warnings = append(m.warnings, fmt.Sprintf("state file %s cannot be read (%v); it was kept as %s and read marks start afresh", m.path, readErr, aside))
}

// readData reads and checks the file. A missing file is fs.ErrNotExist
// with empty data.
func readData(path string) (data, error) {
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxFileSize {
		return empty(), fmt.Errorf("larger than %d MB, not a state file", maxFileSize>>20)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return empty(), err
	}
	var d data
	if err := json.Unmarshal(raw, &d); err != nil {
		return empty(), fmt.Errorf("not a state file: %v", err)
	}
	if d.Version < 1 {
		return empty(), errors.New("not a state file: no version")
	}
	delete(d.Marks, "")
	d.Position = cleanPosition(d.Position)
	return d, nil
}

func cleanPosition(p Position) Position {
	if math.IsNaN(p.Scroll) {
		p.Scroll = 0
	}
	p.Scroll = min(max(p.Scroll, 0), 1)
	p.Word = max(p.Word, 0)
	p.Quote = max(p.Quote, 0)
	return p
}

// Warnings returns what went wrong since the last call, each said once.
func (m *Marks) Warnings() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	w := m.warnings
	m.warnings = nil
	return w
}

// Mark returns what is remembered of the article.
func (m *Marks) Mark(key string) Mark {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.d.Marks[key]
}

// IsRead tells whether the article has been read.
func (m *Marks) IsRead(key string) bool { return m.Mark(key).Read }

// IsStarred tells whether the article is starred.
func (m *Marks) IsStarred(key string) bool { return m.Mark(key).Starred }

// SetRead marks the article read or unread.
func (m *Marks) SetRead(key string, read bool) {
	m.change(key, func(mk *Mark, now time.Time) bool {
		if mk.Read == read {
			return false // opening a read article again changes nothing
		}
		mk.Read, mk.ReadAt = read, later(now, mk.ReadAt)
		return true
	})
}

// SetStarred stars the article or takes its star away.
func (m *Marks) SetStarred(key string, starred bool) {
	m.change(key, func(mk *Mark, now time.Time) bool {
		if mk.Starred == starred {
			return false
		}
		mk.Starred, mk.StarredAt = starred, later(now, mk.StarredAt)
		return true
	})
}

// ToggleRead flips the read mark and returns the new one.
func (m *Marks) ToggleRead(key string) bool {
	read := !m.IsRead(key)
	m.SetRead(key, read)
	return read
}

// ToggleStar flips the star and returns the new one.
func (m *Marks) ToggleStar(key string) bool {
	starred := !m.IsStarred(key)
	m.SetStarred(key, starred)
	return starred
}

// Carry gives the article named to the marks of the one named from: the
// same article, whose words changed on disk, so its key did. Only the marks
// from has are carried, each as a change made now, so merging with another
// reader's file keeps them; to keeps any mark it has, and from its own (the
// old words may come back, or be read elsewhere).
func (m *Marks) Carry(from, to string) {
	if from == "" || from == to {
		return
	}
	src := m.Mark(from)
	if !src.Read && !src.Starred {
		return
	}
	m.change(to, func(mk *Mark, now time.Time) bool {
		changed := false
		if src.Read && !mk.Read {
			mk.Read, mk.ReadAt, changed = true, later(now, mk.ReadAt), true
		}
		if src.Starred && !mk.Starred {
			mk.Starred, mk.StarredAt, changed = true, later(now, mk.StarredAt), true
		}
		return changed
	})
}

// Starred returns the keys of the starred articles, the latest starred first.
func (m *Marks) Starred() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var keys []string
	for k, mk := range m.d.Marks {
		if mk.Starred {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := m.d.Marks[b].StarredAt.Compare(m.d.Marks[a].StarredAt); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return keys
}

// Position returns where reading stopped.
func (m *Marks) Position() Position {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.d.Position
}

// SetPosition remembers where reading is now. Its At is set here.
func (m *Marks) SetPosition(p Position) {
	p = cleanPosition(p)
	m.mu.Lock()
	defer m.mu.Unlock()
	old := m.d.Position
	p.At = old.At
	if p == old {
		return
	}
	p.At = later(m.opt.Now(), old.At)
	m.d.Position = p
	m.changed()
}

// later is now, or just after prev when the clock has not moved past it, so
// a change always wins over the value it replaces.
func later(now, prev time.Time) time.Time {
	if !now.After(prev) {
		return prev.Add(time.Nanosecond)
	}
	return now
}

func (m *Marks) change(key string, f func(*Mark, time.Time) bool) {
	if key == "" {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	mk := m.d.Marks[key]
	if f(&mk, m.opt.Now()) {
		m.d.Marks[key] = mk
		m.changed()
	}
}

// changed counts a change and arms the write. Called with mu held. The
// timer is not pushed back by later changes, so steady scrolling is still
// saved every Delay.
func (m *Marks) changed() {
	m.changes++
	if m.timer == nil && !m.closed && m.readOnly == nil {
		m.timer = time.AfterFunc(m.opt.Delay, m.background)
	}
}

// background is the timer's write. What fails is kept for Warnings, once
// until a write succeeds again, and tried again after another Delay (a lock
// held by another reader is the common case).
func (m *Marks) background() {
	m.mu.Lock()
	m.timer = nil
	m.mu.Unlock()
	err := m.Flush()
	m.mu.Lock()
	defer m.mu.Unlock()
	if err == nil {
		m.failing = ""
		return
	}
	if msg := err.Error(); msg != m.failing {
		m.failing = msg
		m.warnings = append(m.warnings, msg)
	}
	if m.timer == nil && !m.closed && m.readOnly == nil {
		m.timer = time.AfterFunc(m.opt.Delay, m.background)
	}
}

// ErrLocked is returned when another reader holds the state lock for longer
// than Options.LockWait. The changes are kept and written later.
var ErrLocked = errors.New("the state file is locked by another newsreader")

// Flush writes the changes now: it locks the file, reads what other readers
// wrote, merges, and replaces the file atomically. Nothing happens when
// there is no change.
func (m *Marks) Flush() error {
	m.flushing.Lock()
	defer m.flushing.Unlock()

	m.mu.Lock()
	if m.readOnly != nil {
		dirty := m.changes != m.written
		m.mu.Unlock()
		if dirty {
			return m.readOnly
		}
		return nil
	}
	if m.changes == m.written {
		m.mu.Unlock()
		return nil
	}
	snap, gen := m.d.clone(), m.changes
	m.mu.Unlock()

	merged, err := m.write(snap)

	m.mu.Lock()
	defer m.mu.Unlock()
	if err != nil {
		return err
	}
	// the merge brought other readers' changes; those made meanwhile stay
	m.d = merge(m.d, merged)
	m.written = gen
	return nil
}

// write merges snap into the file under the lock and returns what was written.
func (m *Marks) write(snap data) (data, error) {
	if err := os.MkdirAll(m.dir, 0o700); err != nil {
		return data{}, fmt.Errorf("state folder: %w", err)
	}
	unlock, err := lock(m.dir, m.opt.LockWait)
	if err != nil {
		return data{}, err
	}
	defer unlock()
	disk, err := readData(m.path)
	switch {
	case err == nil && disk.Version > Version:
		m.mu.Lock()
		m.readOnly = fmt.Errorf("state file %s was replaced by a newer newsreader (format %d); nothing more is saved this session", m.path, disk.Version)
		m.warnings = append(m.warnings, m.readOnly.Error())
		m.mu.Unlock()
		return data{}, m.readOnly
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		// something not ours was written meanwhile: keep it, say so once
		m.mu.Lock()
		m.setAside(err)
		ro := m.readOnly
		m.mu.Unlock()
		if ro != nil {
			return data{}, ro
		}
		disk = empty()
	}
	merged := prune(merge(disk, snap), m.opt.Now())
	raw, err := json.MarshalIndent(merged, "", "\t")
	if err != nil {
		return data{}, err
	}
	if err := writeAtomic(m.dir, m.path, append(raw, '\n')); err != nil {
		return data{}, fmt.Errorf("state file: %w", err)
	}
	return merged, nil
}

// Close writes what is left and stops the timer. The Marks stays readable.
func (m *Marks) Close() error {
	m.mu.Lock()
	m.closed = true
	if m.timer != nil {
		m.timer.Stop()
		m.timer = nil
	}
	m.mu.Unlock()
	return m.Flush()
}

func (d data) clone() data {
	c := d
	c.Marks = maps.Clone(d.Marks)
	return c
}

// merge joins two states field by field, the later change winning; on a tie
// true wins, so merging is the same in any order and any number of times.
func merge(a, b data) data {
	out := data{Version: Version, Marks: make(map[string]Mark, max(len(a.Marks), len(b.Marks))), Position: a.Position}
	maps.Copy(out.Marks, a.Marks)
	for k, y := range b.Marks {
		x, ok := out.Marks[k]
		if !ok {
			out.Marks[k] = y
			continue
		}
		if y.ReadAt.After(x.ReadAt) || y.ReadAt.Equal(x.ReadAt) && y.Read {
			x.Read, x.ReadAt = y.Read, y.ReadAt
		}
		if y.StarredAt.After(x.StarredAt) || y.StarredAt.Equal(x.StarredAt) && y.Starred {
			x.Starred, x.StarredAt = y.Starred, y.StarredAt
		}
		out.Marks[k] = x
	}
	if pb := b.Position; pb.At.After(out.Position.At) || pb.At.Equal(out.Position.At) && comparePositions(pb, out.Position) > 0 {
		out.Position = pb
	}
	return out
}

func comparePositions(a, b Position) int {
	return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Scroll, b.Scroll),
		cmp.Compare(a.Word, b.Word), cmp.Compare(a.Quote, b.Quote))
}

// forgetAfter is how long an unread, unstarred mark is kept. It must
// outlive any other reader's unsaved "read" for the same article, or a
// merge would bring that back; a month is far beyond any session.
const forgetAfter = 30 * 24 * time.Hour

// prune drops marks that say nothing any more and are old.
func prune(d data, now time.Time) data {
	for k, mk := range d.Marks {
		if !mk.Read && !mk.Starred && now.Sub(mk.ReadAt) > forgetAfter && now.Sub(mk.StarredAt) > forgetAfter {
			delete(d.Marks, k)
		}
	}
	return d
}

// writeAtomic replaces path with data so that a crash leaves the old file
// or the new, never a mix: a temporary file in the same folder, synced,
// renamed over, and the folder synced so the rename itself survives.
// Written out because github.com/google/renameio, the usual library, leaves
// the folder's sync to the caller ("only atomicity"), and the rest is a
// dozen lines.
func writeAtomic(dir, path string, b []byte) (err error) {
	f, err := os.CreateTemp(dir, "."+FileName+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(b); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}
