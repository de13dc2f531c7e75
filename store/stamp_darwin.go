package store

import "syscall"

// stampOf is the stamp fstat or stat gave.
func stampOf(st *syscall.Stat_t) Stamp {
	return Stamp{Size: st.Size, ModTime: st.Mtimespec.Nano(), Change: st.Ctimespec.Nano(), Inode: st.Ino, Device: uint64(uint32(st.Dev))}
}
