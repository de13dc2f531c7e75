package store

import "syscall"

// stampOf is the stamp fstat or stat gave.
func stampOf(st *syscall.Stat_t) Stamp {
	return Stamp{Size: st.Size, ModTime: st.Mtim.Nano(), Change: st.Ctim.Nano(), Inode: uint64(st.Ino), Device: uint64(st.Dev)}
}
