//go:build linux || darwin

package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// openDisk reads a regular file in four system calls: open, fstat, one read
// when the file is as long as fstat says, close. os.Open spends five more
// on each file (fcntl four times and epoll_ctl, to try it in the network
// poller, which a regular file never enters) and os.ReadFile one more read
// to see the end: 10 calls a file, by strace -c over 10,000 articles.
// Anything else (a pipe, a device) comes back open as f, for the caller to
// read as a stream. The stamp is a regular file's, from that fstat.
func openDisk(p string) (data []byte, stamp Stamp, f *os.File, err error) {
	var fd int
	for {
		fd, err = syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, Stamp{}, nil, err
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, Stamp{}, os.NewFile(uintptr(fd), p), nil
	}
	defer syscall.Close(fd)
	stamp = stampOf(&st)
	size := int64(st.Size)
	if size > MaxFileSize {
		return nil, Stamp{}, nil, tooLarge(size)
	}
	// a byte more than the size, to see a file that grew since
	data = make([]byte, 0, size+1)
	for {
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, Stamp{}, nil, err
		}
		data = data[:len(data)+n]
		if len(data) > MaxFileSize { // it grew since fstat
			return nil, Stamp{}, nil, fmt.Errorf("too large: over the %s limit", sizeString(MaxFileSize))
		}
		if n == 0 || int64(len(data)) == size {
			return data, stamp, nil, nil // the end, or all that fstat said there was
		}
		if len(data) == cap(data) { // it grew
			data = append(data, 0)[:len(data)]
		}
	}
}

// errNotRegular says a path names a folder, a pipe or a device: none has
// versions a stamp could tell apart.
var errNotRegular = errors.New("not a regular file")

// StatFile returns the stamp of the file at path (following symbolic links,
// as reading it does). Only a regular file has one.
func StatFile(path string) (Stamp, error) {
	var st syscall.Stat_t
	for {
		err := syscall.Stat(path, &st)
		if err == nil {
			break
		}
		if err != syscall.EINTR {
			return Stamp{}, &fs.PathError{Op: "stat", Path: path, Err: err}
		}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return Stamp{}, &fs.PathError{Op: "stat", Path: path, Err: errNotRegular}
	}
	return stampOf(&st), nil
}
