package open

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func fakeEnv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// installed is a LookPath that finds only the named programs.
func installed(names ...string) func(string) (string, error) {
	return func(p string) (string, error) {
		for _, n := range names {
			if p == n {
				return "/usr/bin/" + n, nil
			}
		}
		return "", errors.New("not found")
	}
}

func TestCheckURL(t *testing.T) {
	good := []string{"https://e.example/a?b=1&c=$(x);d", "http://e.example", "HTTPS://E.EXAMPLE/", "mailto:desk@e.example", "file:///home/me/a.html"}
	bad := []string{"", "javascript:alert(1)", "ftp://e.example/", "https:///nohost", "mailto:", "file://", "e.example/a",
		"https://e.example/a b", "https://e.example/\x1b]52;c;aGk=\x07", "https://e.example/\u202eexe", "-https://e.example/", "https://e.example/\n--help"}
	for _, u := range good {
		if err := CheckURL(u); err != nil {
			t.Errorf("CheckURL(%q) = %v, want nil", u, err)
		}
	}
	for _, u := range bad {
		if err := CheckURL(u); err == nil {
			t.Errorf("CheckURL(%q) = nil, want an error", u)
		}
	}
}

func TestBrowserCommands(t *testing.T) {
	const u = "https://e.example/a?q=1&r=$(touch%20x);s='t'"
	tests := []struct {
		name, browser, goos string
		want                [][]string
	}{
		{"no $BROWSER on Linux", "", "linux", [][]string{{"xdg-open", u}}},
		{"no $BROWSER on macOS", "", "darwin", [][]string{{"open", u}}},
		{"no $BROWSER on Windows", "", "windows", [][]string{{"rundll32", "url.dll,FileProtocolHandler", u}}},
		{"one browser gets the address last", "firefox", "linux", [][]string{{"firefox", u}, {"xdg-open", u}}},
		{"several, with arguments and %s", "firefox --new-tab %s:w3m", "linux",
			[][]string{{"firefox", "--new-tab", u}, {"w3m", u}, {"xdg-open", u}}},
		{"%s inside an argument", "chromium --app=%s", "linux", [][]string{{"chromium", "--app=" + u}, {"xdg-open", u}}},
		{"quoted path with a space", `"/opt/My Browser/run" %s`, "linux", [][]string{{"/opt/My Browser/run", u}, {"xdg-open", u}}},
		{"%% is a percent sign, not the address", "b --ratio=50%%", "linux", [][]string{{"b", "--ratio=50%", u}, {"xdg-open", u}}},
		{"empty entries skipped", "::lynx::", "linux", [][]string{{"lynx", u}, {"xdg-open", u}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := &Opener{Getenv: fakeEnv(map[string]string{"BROWSER": tt.browser}), GOOS: tt.goos}
			got, err := o.BrowserCommands(u)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	o := &Opener{Getenv: fakeEnv(map[string]string{"BROWSER": `firefox "unclosed`}), GOOS: "linux"}
	if _, err := o.BrowserCommands(u); err == nil || !strings.Contains(err.Error(), "$BROWSER") {
		t.Errorf("unbalanced quote in $BROWSER: err = %v, want one naming $BROWSER", err)
	}
	if _, err := o.BrowserCommands("javascript:alert(1)"); err == nil {
		t.Error("javascript: address was accepted")
	}
}

func TestURLStartsTheFirstInstalledBrowser(t *testing.T) {
	const u = "https://e.example/story"
	var started [][]string
	o := &Opener{
		Getenv:   fakeEnv(map[string]string{"BROWSER": "firefox:w3m -dump:lynx"}),
		GOOS:     "linux",
		LookPath: installed("w3m", "lynx", "xdg-open"),
		Start: func(argv []string) error {
			started = append(started, argv)
			return nil
		},
	}
	if err := o.URL(u); err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"w3m", "-dump", u}}; !reflect.DeepEqual(started, want) {
		t.Errorf("started %q, want %q", started, want)
	}

	// a browser that fails to start gives way to the next
	started = nil
	o.Start = func(argv []string) error {
		started = append(started, argv)
		if argv[0] == "w3m" {
			return errors.New("exec format error")
		}
		return nil
	}
	if err := o.URL(u); err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"w3m", "-dump", u}, {"lynx", u}}; !reflect.DeepEqual(started, want) {
		t.Errorf("started %q, want %q", started, want)
	}

	// nothing installed: an error that says what to set, and nothing started
	started = nil
	o.LookPath = installed()
	err := o.URL(u)
	if err == nil || !strings.Contains(err.Error(), "$BROWSER") || !strings.Contains(err.Error(), "xdg-open: not found") {
		t.Errorf("err = %v, want one naming $BROWSER and what was tried", err)
	}
	if started != nil {
		t.Errorf("started %q with nothing installed", started)
	}

	// a refused address starts nothing
	o.LookPath = installed("xdg-open")
	if err := o.URL("javascript:alert(1)"); err == nil || started != nil {
		t.Errorf("javascript: err = %v, started %q", err, started)
	}
}

func TestEditorCommand(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	abs := filepath.Join(wd, "-rf story.txt")
	tests := []struct {
		name  string
		env   map[string]string
		found []string
		want  []string
	}{
		{"$VISUAL first", map[string]string{"VISUAL": "code --wait", "EDITOR": "vim"}, nil, []string{"code", "--wait", abs}},
		{"$EDITOR with quoted arguments", map[string]string{"EDITOR": `vim -c 'set ft=markdown'`}, nil, []string{"vim", "-c", "set ft=markdown", abs}},
		{"blank $VISUAL ignored", map[string]string{"VISUAL": "  ", "EDITOR": "nano"}, nil, []string{"nano", abs}},
		{"no editor: $PAGER", map[string]string{"PAGER": "less -R"}, nil, []string{"less", "-R", abs}},
		{"nothing set: less", nil, []string{"less", "more"}, []string{"less", abs}},
		{"nothing set, no less: more", nil, []string{"more"}, []string{"more", abs}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := &Opener{Getenv: fakeEnv(tt.env), LookPath: installed(tt.found...)}
			cmd, err := o.EditorCommand("-rf story.txt")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cmd.Args, tt.want) {
				t.Errorf("argv %q, want %q", cmd.Args, tt.want)
			}
		})
	}
	o := &Opener{Getenv: fakeEnv(nil), LookPath: installed()}
	if _, err := o.EditorCommand("a.txt"); err == nil {
		t.Error("no editor and no pager: want an error")
	}
	o = &Opener{Getenv: fakeEnv(map[string]string{"EDITOR": `vim "unclosed`}), LookPath: installed()}
	if _, err := o.EditorCommand("a.txt"); err == nil || !strings.Contains(err.Error(), "$EDITOR") {
		t.Errorf("bad $EDITOR: err = %v, want one naming $EDITOR", err)
	}
}

func TestPagerCommandIgnoresEditor(t *testing.T) {
	o := &Opener{Getenv: fakeEnv(map[string]string{"EDITOR": "vim", "PAGER": "most"}), LookPath: installed()}
	cmd, err := o.PagerCommand("/tmp/a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"most", "/tmp/a.txt"}; !reflect.DeepEqual(cmd.Args, want) {
		t.Errorf("argv %q, want %q", cmd.Args, want)
	}
}
