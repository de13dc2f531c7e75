//go:build !(linux || darwin)

package store

import "errors"

func mkfifo(string) error { return errors.New("unsupported") }
