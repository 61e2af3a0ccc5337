package samples

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Python is an interpreter the samples run under: the python3 on PATH, or the python3 of
// the Debian root that provision-python.sh makes, run through chroot. The second gives a
// CPython that the machine itself does not have (3.13 on a 3.11 machine) from Debian's own
// packages. Paths given to a Python's commands are as it sees them: inside its root.
type Python struct {
	Version string // major.minor, as the interpreter reports it: "3.13"
	Root    string // the folder it runs in through chroot; "" for the host's
	Exe     string // the interpreter, as seen from inside Root
}

// ProvisionCommand makes the Debian root with the second Python.
const ProvisionCommand = "sudo bash web/samples/provision-python.sh"

// debianRoot is the folder provision-python.sh makes under the cache, and the file it
// writes there once the root is complete.
const (
	debianRoot     = "debian-trixie"
	rootIsComplete = ".versus-complete"
)

// Command runs exe (a path inside the Python's root) with args.
func (p Python) Command(ctx context.Context, exe string, args ...string) *exec.Cmd {
	if p.Root == "" {
		return exec.CommandContext(ctx, exe, args...)
	}
	return exec.CommandContext(ctx, "chroot", append([]string{p.Root, exe}, args...)...)
}

// HostPath is where a path inside the Python's root is on the host.
func (p Python) HostPath(inside string) string {
	if p.Root == "" {
		return inside
	}
	return filepath.Join(p.Root, inside)
}

// InsidePath is a host path under the Python's root as the Python sees it.
func (p Python) InsidePath(host string) (string, error) {
	if p.Root == "" {
		return host, nil
	}
	rel, err := filepath.Rel(p.Root, host)
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("%s is outside the Python's root %s", host, p.Root)
	}
	return "/" + rel, nil
}

// rootCABundle is where provision-python.sh puts the host's CA certificates in the root.
const rootCABundle = "/etc/ssl/certs/ca-certificates.crt"

// Env is the environment of the Python's commands: the host's, and for a Debian root what
// pip needs there (the CA certificates provision-python.sh copied in, when it found some;
// no find-links folder of the host's).
func (p Python) Env(extra ...string) []string {
	env := append(os.Environ(), extra...)
	if p.Root != "" {
		// The host's pip settings name host paths.
		env = slices.DeleteFunc(env, func(kv string) bool {
			return strings.HasPrefix(kv, "PIP_CERT=") || strings.HasPrefix(kv, "PIP_FIND_LINKS=")
		})
		if _, err := os.Stat(p.HostPath(rootCABundle)); err == nil {
			env = append(env, "PIP_CERT="+rootCABundle)
		}
	}
	return env
}

// CacheDir is where the Python's venvs are kept: the samples' cache for the host's, a
// folder inside the root for a Debian root's (so that the venvs are inside it).
func (p Python) CacheDir(hostCache string) string {
	if p.Root == "" {
		return hostCache
	}
	return filepath.Join(p.Root, "var", "cache", "versus-samples")
}

// Pythons finds the interpreters the samples can run under: the python3 on PATH, and the
// provisioned Debian root's. It returns them by version, and for an interpreter that is
// not there, why (naming the command that provisions it).
func Pythons(ctx context.Context, cache string) (found map[string]Python, missing []string) {
	found = map[string]Python{}
	if exe, err := exec.LookPath("python3"); err == nil {
		p := Python{Exe: exe}
		if p.Version, err = p.version(ctx); err == nil {
			found[p.Version] = p
		} else {
			missing = append(missing, err.Error())
		}
	} else {
		missing = append(missing, "python3 is not on PATH")
	}
	root := filepath.Join(cache, debianRoot)
	switch _, err := os.Stat(filepath.Join(root, rootIsComplete)); {
	case err != nil:
		missing = append(missing, fmt.Sprintf("the Debian root with Python 3.13 is not provisioned (%s): run %s", root, ProvisionCommand))
	case os.Geteuid() != 0:
		missing = append(missing, fmt.Sprintf("the Debian root's Python (%s) runs through chroot, which needs root: run the tests as root", root))
	default:
		p := Python{Root: root, Exe: "/usr/bin/python3"}
		if p.Version, err = p.version(ctx); err != nil {
			missing = append(missing, err.Error()+": run "+ProvisionCommand)
		} else if _, taken := found[p.Version]; !taken {
			found[p.Version] = p
		}
	}
	return found, missing
}

// version asks the interpreter its major.minor.
func (p Python) version(ctx context.Context) (string, error) {
	out, err := p.Command(ctx, p.Exe, "-c", `import sys; print("%d.%d" % sys.version_info[:2])`).Output()
	if err != nil {
		return "", fmt.Errorf("asking %s its version: %w", p, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// String names the interpreter: "/usr/bin/python3" or "/usr/bin/python3 in <root>".
func (p Python) String() string {
	if p.Root == "" {
		return p.Exe
	}
	return p.Exe + " in " + p.Root
}
