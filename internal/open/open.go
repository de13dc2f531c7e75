// Package open hands things to the user's other programs: a link to the
// browser, an article's file to the editor or pager. Programs are started
// from an argv, never through a shell, so nothing in a link or a file name
// is ever read as a command.
package open

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"unicode"

	"github.com/google/shlex"
)

// Opener knows the user's environment. The fields are there so tests can
// replace them; New fills them from the running process.
type Opener struct {
	Getenv   func(string) string
	GOOS     string
	LookPath func(string) (string, error)
	// Start runs argv in the background and returns once it has started.
	Start func(argv []string) error
}

// New returns an Opener for this process.
func New() *Opener {
	return &Opener{Getenv: os.Getenv, GOOS: runtime.GOOS, LookPath: exec.LookPath, Start: StartDetached}
}

// CheckURL accepts the addresses the reader may hand to a browser: http and
// https with a host, mailto with an address, file with a path; nothing with
// a space or a control character in it.
func CheckURL(u string) error {
	if u == "" {
		return errors.New("empty address")
	}
	if i := strings.IndexFunc(u, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
	}); i >= 0 {
		return fmt.Errorf("address %q holds a space or control character", u)
	}
	p, err := url.Parse(u)
	if err != nil {
		return fmt.Errorf("bad address: %v", err)
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		if p.Host == "" {
			return fmt.Errorf("address %q has no host", u)
		}
	case "mailto":
		if p.Opaque == "" {
			return fmt.Errorf("address %q has no mail address", u)
		}
	case "file":
		if p.Path == "" {
			return fmt.Errorf("address %q has no path", u)
		}
	default:
		return fmt.Errorf("address %q: only http, https, mailto and file links are opened", u)
	}
	return nil
}

// BrowserCommands lists the commands URL tries, in order: each entry of
// $BROWSER (entries separated by ':', "%s" standing for the address, else
// the address last), then the system's opener. The address is always one
// whole argument.
func (o *Opener) BrowserCommands(u string) ([][]string, error) {
	if err := CheckURL(u); err != nil {
		return nil, err
	}
	var cmds [][]string
	for _, entry := range strings.Split(o.Getenv("BROWSER"), ":") {
		argv, err := shlex.Split(entry)
		if err != nil {
			return nil, fmt.Errorf("$BROWSER entry %q: %v", entry, err)
		}
		if len(argv) == 0 {
			continue
		}
		// split first, substitute after: the address can never become two words
		placed := false
		for i, a := range argv[1:] {
			var ok bool
			argv[i+1], ok = substitute(a, u)
			placed = placed || ok
		}
		if !placed {
			argv = append(argv, u)
		}
		cmds = append(cmds, argv)
	}
	switch o.GOOS {
	case "darwin":
		cmds = append(cmds, []string{"open", u})
	case "windows":
		cmds = append(cmds, []string{"rundll32", "url.dll,FileProtocolHandler", u})
	default:
		cmds = append(cmds, []string{"xdg-open", u})
	}
	return cmds, nil
}

// substitute puts u for each %s and a lone % for each %%, as xdg-utils
// does, and says whether u went in.
func substitute(arg, u string) (string, bool) {
	var b strings.Builder
	placed := false
	for i := 0; i < len(arg); i++ {
		if arg[i] == '%' && i+1 < len(arg) {
			switch arg[i+1] {
			case 's':
				b.WriteString(u)
				placed = true
				i++
				continue
			case '%':
				b.WriteByte('%')
				i++
				continue
			}
		}
		b.WriteByte(arg[i])
	}
	return b.String(), placed
}

// URL opens the address in the user's browser: the first command of
// BrowserCommands that is installed and starts. It does not wait for the
// browser.
func (o *Opener) URL(u string) error {
	cmds, err := o.BrowserCommands(u)
	if err != nil {
		return err
	}
	var tried []string
	for _, argv := range cmds {
		if _, err := o.LookPath(argv[0]); err != nil {
			tried = append(tried, argv[0]+": not found")
			continue
		}
		if err := o.Start(argv); err != nil {
			tried = append(tried, fmt.Sprintf("%s: %v", argv[0], err))
			continue
		}
		return nil
	}
	return fmt.Errorf("no browser could be started (set $BROWSER): %s", strings.Join(tried, "; "))
}

// StartDetached starts argv in its own session with no terminal, so the
// browser's messages do not land on the reader's screen and its signals do
// not reach it, and reaps it in the background.
func StartDetached(argv []string) error {
	if len(argv) == 0 {
		return errors.New("no command")
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.SysProcAttr = detached()
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() //nolint:errcheck // nobody waits for a browser's exit
	return nil
}

// EditorCommand is the command that opens the file in the user's editor,
// for tea.ExecProcess: $VISUAL, else $EDITOR, else the pager.
func (o *Opener) EditorCommand(path string) (*exec.Cmd, error) {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if cmd, err := o.fileCommand(v, path); cmd != nil || err != nil {
			return cmd, err
		}
	}
	return o.PagerCommand(path)
}

// PagerCommand is the command that shows the file in the user's pager:
// $PAGER, else less, else more.
func (o *Opener) PagerCommand(path string) (*exec.Cmd, error) {
	if cmd, err := o.fileCommand("PAGER", path); cmd != nil || err != nil {
		return cmd, err
	}
	for _, p := range []string{"less", "more"} {
		if _, err := o.LookPath(p); err == nil {
			return o.command([]string{p}, path)
		}
	}
	return nil, errors.New("no pager found: set $PAGER or $EDITOR")
}

// fileCommand builds the command named by an environment variable, or nil
// when it is unset.
func (o *Opener) fileCommand(envVar, path string) (*exec.Cmd, error) {
	v := strings.TrimSpace(o.Getenv(envVar))
	if v == "" {
		return nil, nil
	}
	argv, err := shlex.Split(v)
	if err != nil {
		return nil, fmt.Errorf("$%s %q: %v", envVar, v, err)
	}
	if len(argv) == 0 {
		return nil, nil
	}
	return o.command(argv, path)
}

func (o *Opener) command(argv []string, path string) (*exec.Cmd, error) {
	// an absolute path never starts with '-', so no program reads it as an option
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(argv[0], append(argv[1:], abs)...)
	return cmd, nil
}
