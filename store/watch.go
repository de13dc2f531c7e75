package store

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Change is a file that was added, changed or removed while watched.
type Change struct {
	Path     string     // as Load names it: the watched path joined with the names below it
	Articles []*Article // the file's articles now; none when it is removed or unreadable
	Err      error      // why the file, or part of it, could not be read
	Removed  bool       // the file is gone (deleted, or renamed away)
}

// Apply brings the store up to date with a change.
func (s *Store) Apply(c Change) Update { return s.ReplaceFile(c.Path, c.Articles) }

const (
	// watchQuiet is how long a file must be left alone before it is read: an
	// editor's save (write a temporary, rename it over) is one change.
	watchQuiet = 100 * time.Millisecond
	// watchMaxWait bounds the wait for a file written to without pause.
	watchMaxWait = 500 * time.Millisecond
)

// errNothingToWatch: none of the source's paths is there. Load says why
// of each, so WatchAndLoad does not say it again.
var errNothingToWatch = errors.New("watch: nothing to watch")

// Watch watches the source's paths for files added, changed or removed:
// folders recursively (new subfolders too), files by themselves. It sends
// the changes in batches, in path order, each file once per burst of
// events, within watchMaxWait plus the time to read it; the channel closes
// when ctx is done. Start it before Load, so that nothing changed in
// between goes unseen. Embedded sources do not change: Watch refuses them.
// A path that is not there is left out, unsaid: Load says it.
func Watch(ctx context.Context, src Source) (<-chan []Change, error) {
	if src.FS != nil {
		return nil, errors.New("watch: embedded files do not change")
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &watcher{
		fw:      fw,
		dirs:    map[string]bool{},
		files:   map[string]bool{},
		known:   map[string]uint64{},
		pending: map[string]*pending{},
		out:     make(chan []Change, 16),
	}
	var setup []Change
	for _, p := range src.Paths {
		p = filepath.Clean(p)
		fi, err := os.Stat(p)
		if err != nil {
			// Load, which runs with the watch, says why: once is enough
			continue
		}
		if !fi.IsDir() {
			// watch the folder: editors replace a file rather than write to it
			w.files[p] = true
			w.known[p] = 0
			if err := w.watchDir(filepath.Dir(p)); err != nil {
				setup = append(setup, Change{Path: p, Err: err})
			}
			continue
		}
		w.roots = append(w.roots, p)
		setup = append(setup, w.addTree(p, false)...)
	}
	if len(w.roots) == 0 && len(w.files) == 0 {
		fw.Close()
		return nil, errNothingToWatch
	}
	go w.run(ctx, setup)
	return w.out, nil
}

type pending struct{ first, last time.Time }

type watcher struct {
	fw      *fsnotify.Watcher
	roots   []string          // folders watched with all below them
	files   map[string]bool   // files watched by themselves
	dirs    map[string]bool   // folders with an fsnotify watch
	known   map[string]uint64 // files that exist, with a hash of their bytes (0: not read yet)
	pending map[string]*pending
	out     chan []Change
	later   []laterDir // folders read in setting up, their files not noted yet
}

func (w *watcher) run(ctx context.Context, setup []Change) {
	defer close(w.out)
	defer w.fw.Close()
	w.noteLater() // before any event is looked at
	if len(setup) > 0 && !w.send(ctx, setup) {
		return
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			w.event(ev)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.rescan() // events were lost: look at everything again
			} else if !w.send(ctx, []Change{{Err: fmt.Errorf("watch: %w", err)}}) {
				return
			}
		case <-timer.C:
		}
		now := time.Now()
		var due []string
		next := time.Time{}
		for p, pe := range w.pending {
			at := pe.last.Add(watchQuiet)
			if limit := pe.first.Add(watchMaxWait); limit.Before(at) {
				at = limit
			}
			if !at.After(now) {
				due = append(due, p)
				delete(w.pending, p)
			} else if next.IsZero() || at.Before(next) {
				next = at
			}
		}
		if len(due) > 0 {
			if changes := w.settle(due); len(changes) > 0 && !w.send(ctx, changes) {
				return
			}
		}
		timer.Stop()
		if !next.IsZero() {
			timer.Reset(time.Until(next))
		}
	}
}

func (w *watcher) send(ctx context.Context, changes []Change) bool {
	select {
	case w.out <- changes:
		return true
	case <-ctx.Done():
		return false
	}
}

// event notes a path to look at once it has been quiet.
func (w *watcher) event(ev fsnotify.Event) {
	if ev.Op == fsnotify.Chmod {
		return
	}
	p := filepath.Clean(ev.Name)
	if !w.watched(p) {
		return
	}
	now := time.Now()
	if pe := w.pending[p]; pe != nil {
		pe.last = now
	} else {
		w.pending[p] = &pending{first: now, last: now}
	}
}

// watched reports whether a path is one the source covers.
func (w *watcher) watched(p string) bool {
	if w.files[p] {
		return true
	}
	if skipFile(filepath.Base(p)) {
		return false
	}
	for _, r := range w.roots {
		if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// settle looks at paths whose events are over and says what changed.
func (w *watcher) settle(paths []string) []Change {
	var changes []Change
	var toRead []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			changes = append(changes, w.gone(p)...)
		case err != nil:
			changes = append(changes, Change{Path: p, Err: cleanErr(err)})
		case fi.IsDir():
			if !w.dirs[p] && !w.files[p] {
				// a folder made or moved in: watch it and read what it holds
				for _, c := range w.addTree(p, true) {
					if c.Err != nil {
						changes = append(changes, c)
					} else {
						toRead = append(toRead, c.Path)
					}
				}
			}
		case fi.Mode().IsRegular():
			toRead = append(toRead, p)
		}
	}
	sort.Strings(toRead)
	changes = append(changes, w.read(slices.Compact(toRead))...)
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].Path < changes[j].Path })
	return changes
}

// gone reports the files at or under a path that no longer exists.
func (w *watcher) gone(p string) []Change {
	var changes []Change
	prefix := p + string(filepath.Separator)
	for f := range w.known {
		if f == p || strings.HasPrefix(f, prefix) {
			delete(w.known, f)
			if w.files[f] {
				w.known[f] = 0 // a file watched by itself may come back
			}
			changes = append(changes, Change{Path: f, Removed: true})
		}
	}
	for d := range w.dirs {
		if d == p || strings.HasPrefix(d, prefix) {
			w.fw.Remove(d) // a folder renamed away keeps its watch: drop it
			delete(w.dirs, d)
		}
	}
	return changes
}

// read reads and parses files on all cores; an unchanged file (the same
// bytes as last read) gives no change.
func (w *watcher) read(paths []string) []Change {
	type result struct {
		change Change
		hash   uint64
		same   bool
	}
	results := make([]result, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			data, err := readLimited(nil, p)
			if err != nil {
				results[i] = result{change: Change{Path: p, Err: err}}
				return
			}
			h := fnv.New64a()
			h.Write(data)
			sum := h.Sum64() | 1 // never 0, which means "not read yet"
			if w.known[p] == sum {
				results[i] = result{same: true, hash: sum}
				return
			}
			arts, err := parse(p, data, true, true)
			results[i] = result{change: Change{Path: p, Articles: arts, Err: err}, hash: sum}
		}()
	}
	wg.Wait()
	var changes []Change
	for i, r := range results {
		w.known[paths[i]] = r.hash
		if !r.same {
			changes = append(changes, r.change)
		}
	}
	return changes
}

// addTree watches a folder and the folders below it, as Load walks them, and
// lists the files in it (as changes without articles) when list is set.
func (w *watcher) addTree(root string, list bool) []Change {
	var out []Change
	var walk func(dir string, ancestors []os.FileInfo)
	walk = func(dir string, ancestors []os.FileInfo) {
		if err := w.watchDir(dir); err != nil {
			out = append(out, Change{Path: dir, Err: err})
			return
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			out = append(out, Change{Path: dir, Err: cleanErr(err)})
			return
		}
		if !list {
			// the files are noted once the watch runs: the load waits
			// for the folders to be watched, not for this
			w.later = append(w.later, laterDir{dir, entries})
		}
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") || !list && e.Type().IsRegular() {
				continue
			}
			p := filepath.Join(dir, name)
			mode := e.Type()
			if mode&fs.ModeSymlink != 0 || mode.IsDir() {
				fi, err := os.Stat(p) // follows links, as Load does
				if err != nil {
					continue
				}
				if fi.IsDir() {
					if !loopsBack(ancestors, fi) {
						walk(p, append(ancestors[:len(ancestors):len(ancestors)], fi))
					}
					continue
				}
				mode = fi.Mode()
			}
			if !mode.IsRegular() || skipFile(name) {
				continue
			}
			if _, ok := w.known[p]; !ok {
				w.known[p] = 0
			}
			if list {
				out = append(out, Change{Path: p})
			}
		}
	}
	fi, err := os.Stat(root)
	if err != nil {
		return []Change{{Path: root, Err: cleanErr(err)}}
	}
	walk(root, []os.FileInfo{fi})
	return out
}

// laterDir is a folder's entries whose plain files the watch notes as it
// starts (see addTree).
type laterDir struct {
	dir     string
	entries []os.DirEntry
}

// noteLater notes the plain files of the folders read while setting up.
func (w *watcher) noteLater() {
	for _, d := range w.later {
		for _, e := range d.entries {
			if name := e.Name(); e.Type().IsRegular() && !strings.HasPrefix(name, ".") && !skipFile(name) {
				p := filepath.Join(d.dir, name)
				if _, ok := w.known[p]; !ok {
					w.known[p] = 0
				}
			}
		}
	}
	w.later = nil
}

func loopsBack(ancestors []os.FileInfo, fi os.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(a, fi) {
			return true
		}
	}
	return false
}

func (w *watcher) watchDir(dir string) error {
	if w.dirs[dir] {
		return nil
	}
	if err := w.fw.Add(dir); err != nil {
		return fmt.Errorf("watch: %w", cleanErr(err))
	}
	w.dirs[dir] = true
	return nil
}

// rescan looks at every watched file again after the system dropped events.
func (w *watcher) rescan() {
	now := time.Now()
	mark := func(p string) {
		if w.pending[p] == nil {
			w.pending[p] = &pending{first: now, last: now}
		}
	}
	for p := range w.known {
		mark(p) // settle reports the ones that are gone
	}
	for _, r := range w.roots {
		for _, c := range w.addTree(r, true) {
			if c.Err == nil {
				mark(c.Path)
			}
		}
	}
}
