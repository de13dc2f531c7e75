package xdg

import "testing"

func TestDirs(t *testing.T) {
	tests := []struct {
		name                 string
		env                  map[string]string
		config, state, cache string
	}{
		{"set", map[string]string{"XDG_CONFIG_HOME": "/c", "XDG_STATE_HOME": "/s", "XDG_CACHE_HOME": "/k", "HOME": "/h"}, "/c/newsreader", "/s/newsreader", "/k/newsreader"},
		{"unset: under home", map[string]string{"HOME": "/home/me"}, "/home/me/.config/newsreader", "/home/me/.local/state/newsreader", "/home/me/.cache/newsreader"},
		{"relative: ignored", map[string]string{"XDG_CONFIG_HOME": "rel", "XDG_STATE_HOME": "./s", "XDG_CACHE_HOME": "k", "HOME": "/h"}, "/h/.config/newsreader", "/h/.local/state/newsreader", "/h/.cache/newsreader"},
	}
	for _, tt := range tests {
		getenv := func(k string) string { return tt.env[k] }
		c, err := ConfigDir(getenv)
		if err != nil || c != tt.config {
			t.Errorf("%s: ConfigDir = %q, %v; want %q", tt.name, c, err, tt.config)
		}
		s, err := StateDir(getenv)
		if err != nil || s != tt.state {
			t.Errorf("%s: StateDir = %q, %v; want %q", tt.name, s, err, tt.state)
		}
		k, err := CacheDir(getenv)
		if err != nil || k != tt.cache {
			t.Errorf("%s: CacheDir = %q, %v; want %q", tt.name, k, err, tt.cache)
		}
	}
}
