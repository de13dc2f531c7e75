package xdg

import "testing"

func TestDirs(t *testing.T) {
	tests := []struct {
		name          string
		env           map[string]string
		config, state string
	}{
		{"set", map[string]string{"XDG_CONFIG_HOME": "/c", "XDG_STATE_HOME": "/s", "HOME": "/h"}, "/c/newsreader", "/s/newsreader"},
		{"unset: under home", map[string]string{"HOME": "/home/me"}, "/home/me/.config/newsreader", "/home/me/.local/state/newsreader"},
		{"relative: ignored", map[string]string{"XDG_CONFIG_HOME": "rel", "XDG_STATE_HOME": "./s", "HOME": "/h"}, "/h/.config/newsreader", "/h/.local/state/newsreader"},
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
	}
}
