package samples

import (
	"bufio"
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/lockfile"
)

// The lock files are content (content/samples/), and the loader holds covers: to them and
// refuses a version= range that no environment runs (web/site). What is left to check here
// is how they were made: from their .in files, with hashes, by the Python their name says.

// TestLocksPinTheirInFiles catches a lock that was not recompiled after its .in file gained
// a dependency: every package an .in file names must be pinned, with hashes, in its lock,
// and every lock must have its .in file.
func TestLocksPinTheirInFiles(t *testing.T) {
	ins, err := fs.Glob(content.FS, "samples/*.in")
	if err != nil || len(ins) == 0 {
		t.Fatalf("no content/samples/*.in (%v)", err)
	}
	for _, in := range ins {
		lockPath := strings.TrimSuffix(in, ".in") + ".txt"
		data, err := fs.ReadFile(content.FS, lockPath)
		if err != nil {
			t.Errorf("content/%s has no lock: run bash web/samples/bump.sh --env %s (%v)", in, envOf(in), err)
			continue
		}
		lock, err := lockfile.Parse(data)
		if err != nil {
			t.Errorf("content/%s: %v", lockPath, err)
			continue
		}
		for _, name := range directDependencies(t, in) {
			if lock.Pins[name] == "" {
				t.Errorf("content/%s names %s but content/%s does not pin it: run bash web/samples/bump.sh --env %s", in, name, lockPath, envOf(in))
			}
		}
		if unhashed := lockfile.Unhashed(data); len(unhashed) > 0 {
			t.Errorf("content/%s: %s have no --hash (pip install --require-hashes needs every pin hashed)", lockPath, strings.Join(unhashed, ", "))
		}
	}
	locks, _ := fs.Glob(content.FS, "samples/*.txt")
	for _, lock := range locks {
		if _, err := fs.Stat(content.FS, strings.TrimSuffix(lock, ".txt")+".in"); err != nil {
			t.Errorf("content/%s has no .in file to be compiled from", lock)
		}
	}
}

// pythonOfName is the Python an environment's name says it runs on: django-py313 → 3.13.
var pythonOfName = regexp.MustCompile(`-py3(\d+)$`)

// TestLocksAreCompiledForTheirPython holds each lock to the Python its name says, which is
// the Python bump.sh compiles it with and the harness runs it under.
func TestLocksAreCompiledForTheirPython(t *testing.T) {
	locks, _ := fs.Glob(content.FS, "samples/*.txt")
	for _, file := range locks {
		env := envOf(file)
		m := pythonOfName.FindStringSubmatch(env)
		if m == nil {
			t.Errorf("content/%s: an environment's name ends in -pyXY, the Python it runs on (django-py313)", file)
			continue
		}
		data, err := fs.ReadFile(content.FS, file)
		if err != nil {
			t.Fatal(err)
		}
		lock, err := lockfile.Parse(data)
		if err != nil {
			t.Errorf("content/%s: %v", file, err)
			continue
		}
		if want := "3." + m[1]; lock.Python != want {
			t.Errorf("content/%s was compiled with Python %s, but its name says %s: run bash web/samples/bump.sh --env %s", file, lock.Python, want, env)
		}
	}
}

// envOf is the environment of a lock or .in file: samples/django-py313.txt → django-py313.
func envOf(file string) string { return strings.TrimSuffix(path.Base(file), path.Ext(file)) }

// directDependencies lists the normalized names of the packages an .in file requires.
func directDependencies(t *testing.T, in string) []string {
	t.Helper()
	data, err := fs.ReadFile(content.FS, in)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(strings.SplitN(sc.Text(), "#", 2)[0])
		if line == "" || strings.HasPrefix(line, "-") {
			continue
		}
		names = append(names, lockfile.NormalizeName(requirementName.FindString(line)))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

var requirementName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*`)
