package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// MaxFileSize is the largest file the reader loads.
const MaxFileSize = 20 << 20

// LoadError says why one file could not be read.
type LoadError struct {
	Path string
	Err  error
}

func (e LoadError) Error() string { return e.Path + ": " + e.Err.Error() }

// Batch is a group of results from a running load, and its progress: a
// batch comes at least every 50 ms while files are being read, even with
// no article in it, so a status bar can show the count and the rate.
type Batch struct {
	Articles []*Article
	Errors   []LoadError
	Files    int           // files read so far, in all batches
	Found    int           // files found so far; the total once Counted
	Counted  bool          // every folder has been walked: Found is final
	Elapsed  time.Duration // since the load started
	Done     bool          // the last batch
}

// Rate is how many files a second the load has read.
func (b Batch) Rate() float64 {
	if b.Elapsed <= 0 {
		return 0
	}
	return float64(b.Files) / b.Elapsed.Seconds()
}

// skippedExt are files a folder walk does not try: they are never articles.
var skippedExt = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".ico": true, ".svg": true,
	".pdf": true, ".zip": true, ".tar": true, ".tgz": true, ".bz2": true, ".xz": true, ".7z": true,
	".exe": true, ".dll": true, ".so": true, ".o": true, ".a": true, ".mp3": true, ".mp4": true,
	".mov": true, ".avi": true, ".wav": true, ".ogg": true, ".woff": true, ".woff2": true, ".ttf": true,
	".db": true, ".sqlite": true, ".pyc": true, ".class": true, ".jar": true,
}

// skipFile reports the files a folder walk (and a watch) passes over: hidden
// ones, editors' backups and autosaves, and kinds that are never articles.
func skipFile(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#") {
		return true
	}
	if skippedExt[strings.ToLower(path.Ext(name))] {
		return true
	}
	// a folder's own papers, not news: README, LICENSE and the like
	base := strings.ToUpper(strings.TrimSuffix(name, path.Ext(name)))
	return folderPapers[base]
}

var folderPapers = map[string]bool{
	"README": true, "LICENSE": true, "LICENCE": true, "COPYING": true, "NOTICE": true,
	"CHANGELOG": true, "AUTHORS": true, "CONTRIBUTING": true,
}

// Source is where a load reads files from: the disk, or an embedded folder.
type Source struct {
	FS    fs.FS    // nil means the operating system's files
	Paths []string // files and folders; folders are read recursively

	// Known, when set, gives the articles of a file already read in an
	// earlier run with this stamp; Load then sends them instead of reading
	// the file. Only used for the disk (FS nil). It is called from several
	// goroutines at once; articles that do not name path are not taken,
	// and the file is read.
	Known func(path string, s Stamp) []*Article
}

// Load reads every file under the source's paths on all cores and sends
// the articles in batches as they are parsed; the channel closes after the
// batch marked Done. Cancel ctx to stop early.
func Load(ctx context.Context, src Source) <-chan Batch {
	start := time.Now()
	out := make(chan Batch, 1)
	found := make(chan string, 256)
	files := make(chan string, 256)
	type result struct {
		arts []*Article
		err  *LoadError
	}
	results := make(chan result, 256)
	var walkErrs []LoadError
	walked := make(chan struct{}) // closed once walkErrs is set
	var nFound atomic.Int64
	var counted atomic.Bool
	go func() {
		defer close(found)
		defer close(walked)
		walkErrs = walk(ctx, src, found)
	}()
	go func() { // counts what the walk finds, ahead of the readers
		defer close(files)
		var queue []string
		in := found
		for in != nil || len(queue) > 0 {
			var send chan<- string
			var next string
			if len(queue) > 0 {
				send, next = files, queue[0]
			}
			select {
			case p, ok := <-in:
				if !ok {
					in = nil
					counted.Store(true)
					continue
				}
				nFound.Add(1)
				queue = append(queue, p)
			case send <- next:
				queue = queue[1:]
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range files {
				arts := src.known(p)
				var err error
				if arts == nil {
					arts, err = ReadFile(src.FS, p)
				}
				r := result{arts: arts}
				if err != nil {
					r.err = &LoadError{Path: p, Err: err}
				}
				select {
				case results <- r:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	go func() {
		defer close(out)
		var b Batch
		files, sentFiles := 0, -1
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		send := func(done bool) bool {
			b.Files, b.Done, b.Elapsed = files, done, time.Since(start)
			b.Found, b.Counted = int(nFound.Load()), counted.Load()
			if done {
				b.Found, b.Counted = files, true
			}
			sentFiles = files
			select {
			case out <- b:
			case <-ctx.Done():
				return false
			}
			b = Batch{}
			return true
		}
		for {
			select {
			case r, ok := <-results:
				if !ok {
					// a cancelled load may end before its walk does
					select {
					case <-walked:
						b.Errors = append(b.Errors, walkErrs...)
					case <-ctx.Done():
					}
					sortBatch(&b)
					send(true)
					return
				}
				files++
				b.Articles = append(b.Articles, r.arts...)
				if r.err != nil {
					b.Errors = append(b.Errors, *r.err)
				}
				if len(b.Articles) >= 1024 {
					sortBatch(&b)
					if !send(false) {
						return
					}
				}
			case <-tick.C:
				if len(b.Articles) > 0 || len(b.Errors) > 0 || files != sentFiles {
					sortBatch(&b)
					if !send(false) {
						return
					}
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// known is the articles Known gives for the file at p as it is now, or nil.
func (src Source) known(p string) []*Article {
	if src.Known == nil || src.FS != nil {
		return nil
	}
	s, err := StatFile(p)
	if err != nil {
		return nil // gone or not a regular file: reading it says what it is
	}
	arts := src.Known(p, s)
	for _, a := range arts {
		if a.Path != p {
			return nil
		}
	}
	return arts
}

// WatchAndLoad watches the source (see Watch) and then loads it (see
// Load), both in the background: a reader's first frame waits for
// neither, though walking 100,000 files to watch them takes a while. Load
// starts once the watch is set up, so that nothing changed in between goes
// unseen. A source that cannot be watched is still loaded: the first batch
// carries the reason, under the path "watch", and the changes channel
// closes.
func WatchAndLoad(ctx context.Context, src Source) (<-chan Batch, <-chan []Change) {
	batches := make(chan Batch, 4)
	changes := make(chan []Change, 16)
	go func() {
		defer close(batches)
		ch, err := Watch(ctx, src)
		switch {
		case errors.Is(err, errNothingToWatch):
			close(changes) // Load says why of each path
		case err != nil:
			close(changes)
			select {
			case batches <- Batch{Errors: []LoadError{{Path: "watch", Err: err}}}:
			case <-ctx.Done():
				return
			}
		default:
			go func() {
				defer close(changes)
				for c := range ch {
					select {
					case changes <- c:
					case <-ctx.Done():
						return
					}
				}
			}()
		}
		for b := range Load(ctx, src) {
			select {
			case batches <- b:
			case <-ctx.Done():
				return
			}
		}
	}()
	return batches, changes
}

// LoadAll reads everything and returns it in path order.
func LoadAll(ctx context.Context, src Source) ([]*Article, []LoadError) {
	var arts []*Article
	var errs []LoadError
	for b := range Load(ctx, src) {
		arts = append(arts, b.Articles...)
		errs = append(errs, b.Errors...)
	}
	SortArticles(arts)
	sort.Slice(errs, func(i, j int) bool { return errs[i].Path < errs[j].Path })
	return arts, errs
}

func sortBatch(b *Batch) { SortArticles(b.Articles) }

// SortArticles orders articles by file and by entry within a file.
func SortArticles(arts []*Article) {
	sort.SliceStable(arts, func(i, j int) bool { return ArticleLess(arts[i], arts[j]) })
}

// ArticleLess is the reader's default order: by file, then entry.
func ArticleLess(a, b *Article) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	return a.Entry < b.Entry
}

// walk sends every file under the paths; folders are read recursively,
// following symbolic links but never into a folder that contains itself.
func walk(ctx context.Context, src Source, files chan<- string) []LoadError {
	var errs []LoadError
	for _, p := range src.Paths {
		if src.FS != nil {
			err := fs.WalkDir(src.FS, p, func(q string, d fs.DirEntry, err error) error {
				if err != nil {
					errs = append(errs, LoadError{q, err})
					return nil
				}
				if !d.IsDir() && !skipFile(path.Base(q)) {
					select {
					case files <- q:
					case <-ctx.Done():
						return ctx.Err()
					}
				}
				return nil
			})
			if err != nil {
				return errs
			}
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			errs = append(errs, LoadError{p, cleanErr(err)})
			continue
		}
		if !fi.IsDir() {
			select {
			case files <- p:
			case <-ctx.Done():
				return errs
			}
			continue
		}
		if !walkDir(ctx, p, []os.FileInfo{fi}, files, &errs) {
			return errs
		}
	}
	return errs
}

// walkDir reads one folder; ancestors are the folders above it, for loops.
func walkDir(ctx context.Context, dir string, ancestors []os.FileInfo, files chan<- string, errs *[]LoadError) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		*errs = append(*errs, LoadError{dir, cleanErr(err)})
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // hidden files and folders: .git, editor swap files
		}
		p := filepath.Join(dir, name)
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				*errs = append(*errs, LoadError{p, fmt.Errorf("broken link: %w", cleanErr(err))})
				continue
			}
			isDir = fi.IsDir()
			if !isDir && !fi.Mode().IsRegular() {
				continue
			}
		} else if !isDir && !e.Type().IsRegular() {
			continue // sockets, pipes, devices
		}
		if isDir {
			fi, err := os.Stat(p)
			if err != nil {
				*errs = append(*errs, LoadError{p, cleanErr(err)})
				continue
			}
			loop := false
			for _, a := range ancestors {
				if os.SameFile(a, fi) {
					loop = true
					break
				}
			}
			if loop {
				continue // a link back to a folder above: read once
			}
			if !walkDir(ctx, p, append(ancestors[:len(ancestors):len(ancestors)], fi), files, errs) {
				return false
			}
			continue
		}
		if skipFile(name) {
			continue
		}
		select {
		case files <- p:
		case <-ctx.Done():
			return false
		}
	}
	return true
}

// cleanErr drops the path an os error repeats.
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadFile reads and parses one file. fsys nil means the disk.
func ReadFile(fsys fs.FS, p string) ([]*Article, error) {
	return readArticles(fsys, p, time.Now())
}

// readArticles is ReadFile, its read starting at now: whether the file had
// settled by then is part of what is read (see Article.Stamp).
func readArticles(fsys fs.FS, p string, now time.Time) ([]*Article, error) {
	data, regular, stamp, err := readFile(fsys, p)
	if err != nil {
		return nil, err
	}
	settled := stamp != Stamp{} && stamp.settledAt(now)
	arts, err := parse(p, data, true, true)
	for _, a := range arts {
		// the body can be read again from the file when it is the file's
		// text (a pipe gives it once)
		a.fsys, a.again = fsys, regular && !a.converted && (a.Format == FormatText || a.Format == FormatMarkdown)
		a.stamp, a.settled = stamp, settled
	}
	return arts, err
}

// readLimited reads a file of at most MaxFileSize bytes.
func readLimited(fsys fs.FS, p string) ([]byte, error) {
	data, _, _, err := readFile(fsys, p)
	return data, err
}

// readFile is readLimited; regular says the file is a regular one, which
// can be read again, and stamp is its stamp when it is one on the disk.
func readFile(fsys fs.FS, p string) (data []byte, regular bool, stamp Stamp, err error) {
	var f fs.File
	if fsys == nil {
		data, stamp, file, err := openDisk(p)
		if err != nil {
			return nil, false, Stamp{}, cleanErr(err)
		}
		if file == nil {
			return data, true, stamp, nil
		}
		f = file
	} else {
		file, err := fsys.Open(p)
		if err != nil {
			return nil, false, Stamp{}, cleanErr(err)
		}
		f = file
	}
	defer f.Close()
	size := int64(0)
	if fi, err := f.Stat(); err == nil {
		if fi.Size() > MaxFileSize {
			return nil, false, Stamp{}, tooLarge(fi.Size())
		}
		size, regular = fi.Size(), fi.Mode().IsRegular()
	}
	// one buffer of the size the file says (and a byte to see the end), as
	// os.ReadFile does, not the doublings of io.ReadAll: less garbage a file
	data = make([]byte, 0, size+1)
	r := io.LimitReader(f, MaxFileSize+1)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false, Stamp{}, cleanErr(err)
		}
		if len(data) == cap(data) { // the file grew, or said no size
			data = append(data, 0)[:len(data)]
		}
	}
	if len(data) > MaxFileSize {
		return nil, false, Stamp{}, fmt.Errorf("too large: over the %s limit", sizeString(MaxFileSize))
	}
	return data, regular, Stamp{}, nil
}

// tooLarge is the error for a file of n bytes, over MaxFileSize: in
// bytes when the sizes would read the same ("20.0 MB (the limit is 20.0 MB)").
func tooLarge(n int64) error {
	size, limit := sizeString(n), sizeString(MaxFileSize)
	if size == limit {
		size, limit = fmt.Sprintf("%d bytes", n), fmt.Sprintf("%d bytes", int64(MaxFileSize))
	}
	return fmt.Errorf("too large: %s (the limit is %s)", size, limit)
}

func sizeString(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Parse turns the bytes of a file into its articles. The content decides
// the format, the name only breaks ties: gzip by its magic bytes, feeds by
// their root element (RSS, RDF, Atom) or JSON Feed version, web pages by
// their first tag, markdown by its extension or front matter, and the rest
// is plain text. An error with articles is a warning: part of the file
// (front matter, a feed entry) could not be read.
func Parse(name string, data []byte) ([]*Article, error) {
	return parse(name, data, true, false)
}

// parse is Parse; full false sets only the body and its paragraphs, for
// reading an article's body again (Article.Text). owned says nothing writes
// to data once it is parsed, so the text may be data itself, not a copy.
func parse(name string, data []byte, full, owned bool) ([]*Article, error) {
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("gzip: %v", err)
		}
		un, err := io.ReadAll(io.LimitReader(zr, MaxFileSize+1))
		if err != nil {
			return nil, fmt.Errorf("gzip: %v", err)
		}
		if len(un) > MaxFileSize {
			return nil, fmt.Errorf("too large: over the %s limit once uncompressed", sizeString(MaxFileSize))
		}
		// offsets into a compressed file mean nothing; parse as the inner file
		// not owned: io.ReadAll's buffer has room to spare, and these
		// bodies stay in memory (they cannot be read again as they are)
		arts, err := parse(strings.TrimSuffix(name, ".gz"), un, full, false)
		for _, a := range arts {
			a.Path = name
			a.offsets, a.converted = nil, true
		}
		return arts, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			return nil, errors.New("empty file")
		}
		return nil, errors.New("only white space")
	}
	wide := bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
	if !wide && looksBinary(data) {
		return nil, ErrBinary // before sniffing: a binary file may start like a page
	}
	k, why := sniff(name, data)
	switch k {
	case kindHTML:
		a, err := parseHTML(data)
		if err != nil {
			return nil, err
		}
		a.Path = name
		return []*Article{a}, nil
	case kindXMLFeed, kindJSONFeed:
		arts, err := parseFeed(data, k == kindJSONFeed)
		for _, a := range arts {
			a.Path = name
		}
		return arts, err
	case kindOtherXML:
		return nil, fmt.Errorf("XML but not a feed (its root is <%s>; RSS, RDF and Atom are read)", why)
	case kindOtherJSON:
		return nil, fmt.Errorf("JSON but not a JSON Feed (%s)", why)
	}
	text, m, _, err := decode(data, !wide, owned)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("no readable text")
	}
	var a *Article
	var warn error
	if k == kindMarkdown || strings.HasPrefix(text, "---\n") {
		a, warn = parseMarkdown(text, m, full)
	} else {
		a = parseText(text, m, full)
	}
	a.Path = name
	return []*Article{a}, warn
}
