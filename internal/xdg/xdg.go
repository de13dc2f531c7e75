// Package xdg finds the reader's folders by the XDG base directory rules.
// It is written out rather than taken from a library: the rules are two
// lines, and the common library reads the environment once at start-up and
// moves the folders under ~/Library on macOS, where terminal users expect
// ~/.config.
package xdg

import (
	"errors"
	"os"
	"path/filepath"
)

// App is the name of the reader's folder inside each base folder.
const App = "newsreader"

// ConfigDir is $XDG_CONFIG_HOME/newsreader, by default ~/.config/newsreader.
func ConfigDir(getenv func(string) string) (string, error) {
	return dir(getenv, "XDG_CONFIG_HOME", ".config")
}

// StateDir is $XDG_STATE_HOME/newsreader, by default ~/.local/state/newsreader.
func StateDir(getenv func(string) string) (string, error) {
	return dir(getenv, "XDG_STATE_HOME", filepath.Join(".local", "state"))
}

func dir(getenv func(string) string, envVar, underHome string) (string, error) {
	// the spec says a relative path is invalid and must be ignored
	if base := getenv(envVar); filepath.IsAbs(base) {
		return filepath.Join(base, App), nil
	}
	home := getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", errors.New("no home folder: set $HOME or $" + envVar)
		}
	}
	return filepath.Join(home, underHome, App), nil
}

// CacheDir is $XDG_CACHE_HOME/newsreader, by default ~/.cache/newsreader.
func CacheDir(getenv func(string) string) (string, error) {
	return dir(getenv, "XDG_CACHE_HOME", ".cache")
}
