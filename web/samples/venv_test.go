package samples

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/versus-dev/versus/web/testenv"
)

func TestMarkUsedRemovesOnlyOldVenvs(t *testing.T) {
	cache := t.TempDir()
	old := time.Now().Add(-2 * unusedFor)
	for _, name := range []string{"flask-py311-0123456789abcdef", "flask-py311-fedcba9876543210", "flask-py311-123.partial", "fastapi-py311-0123456789abcdef", "debian-trixie", "flask-0123456789abcdef"} {
		dir := filepath.Join(cache, name)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(dir, old, old); err != nil {
			t.Fatal(err)
		}
	}
	recent := filepath.Join(cache, "fastapi-py313-0123456789abcdef")
	if err := os.Mkdir(recent, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := markUsed(cache, filepath.Join(cache, "flask-py311-0123456789abcdef")); err != nil {
		t.Fatal(err)
	}
	for name, kept := range map[string]bool{
		"flask-py311-0123456789abcdef": true, "flask-py311-fedcba9876543210": false, "flask-py311-123.partial": false,
		"fastapi-py311-0123456789abcdef": false, "flask-0123456789abcdef": false, // an environment that is gone
		"fastapi-py313-0123456789abcdef": true, "debian-trixie": true, // used lately; not a venv
	} {
		if _, err := os.Stat(filepath.Join(cache, name)); (err == nil) != kept {
			t.Errorf("%s: kept %v, want %v", name, err == nil, kept)
		}
	}
}

// TestVenvIsBuiltOnceAndReused builds a venv from an empty lock (no network needed).
func TestVenvIsBuiltOnceAndReused(t *testing.T) {
	testenv.SkipShort(t, "building a venv")
	exe, err := exec.LookPath("python3")
	if err != nil {
		testenv.Missing(t, "python3 is not on PATH")
	}
	python, cache := Python{Exe: exe}, t.TempDir()
	lock := []byte("# nothing to install\n")
	ctx := context.Background()
	first, err := Venv(ctx, python, "empty", lock, cache)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(first, "-c", "import sys; assert sys.prefix != sys.base_prefix").CombinedOutput(); err != nil {
		t.Fatalf("%s is not a venv's interpreter: %v\n%s", first, err, out)
	}
	again, err := Venv(ctx, python, "empty", lock, cache)
	if err != nil || again != first {
		t.Fatalf("second call: %q, %v; want the first venv %q", again, err, first)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(cache, "*.partial")); len(leftovers) > 0 {
		t.Errorf("unfinished builds left behind: %v", leftovers)
	}
}

func TestVenvDirChangesWithTheLock(t *testing.T) {
	exe, err := exec.LookPath("python3")
	if err != nil {
		testenv.Missing(t, "python3 is not on PATH")
	}
	dirFor := func(content string) string {
		t.Helper()
		dir, err := venvDir(context.Background(), Python{Exe: exe}, "flask-py311", []byte(content), "/cache")
		if err != nil {
			t.Fatal(err)
		}
		return dir
	}
	a, b, a2 := dirFor("flask==3.1.2\n"), dirFor("flask==3.1.3\n"), dirFor("flask==3.1.2\n")
	if a == b || a != a2 || !strings.HasPrefix(a, "/cache/flask-py311-") {
		t.Errorf("venv folders %q, %q, %q: want /cache/flask-py311-<hash>, one per lock content", a, b, a2)
	}
}

// TestPythonInARoot checks how commands and paths of a Debian root's Python are made.
func TestPythonInARoot(t *testing.T) {
	root := t.TempDir()
	p := Python{Version: "3.13", Root: root, Exe: "/usr/bin/python3"}
	cmd := p.Command(context.Background(), "/var/cache/versus-samples/x/bin/python", "-c", "pass")
	if want := []string{"chroot", root, "/var/cache/versus-samples/x/bin/python", "-c", "pass"}; strings.Join(cmd.Args, " ") != strings.Join(want, " ") {
		t.Errorf("command %q, want %q", cmd.Args, want)
	}
	if got := p.HostPath("/tmp/a"); got != filepath.Join(root, "tmp", "a") {
		t.Errorf("HostPath: %s", got)
	}
	if got, err := p.InsidePath(filepath.Join(root, "var", "cache")); err != nil || got != "/var/cache" {
		t.Errorf("InsidePath: %q, %v", got, err)
	}
	if _, err := p.InsidePath(filepath.Dir(root)); err == nil {
		t.Error("a path outside the root was mapped into it")
	}
	if got := p.CacheDir("/home/a/.cache/versus-samples"); got != filepath.Join(root, "var", "cache", "versus-samples") {
		t.Errorf("CacheDir: %s", got)
	}
	t.Setenv("PIP_CERT", "/host/only/ca.pem")
	t.Setenv("PIP_FIND_LINKS", "/opt/wheels")
	if env := strings.Join(p.Env(), "\n"); strings.Contains(env, "PIP_CERT=") || strings.Contains(env, "PIP_FIND_LINKS=") {
		t.Errorf("without a CA bundle in the root, its commands got the host's pip settings:\n%s", env)
	}
	if err := os.MkdirAll(p.HostPath("/etc/ssl/certs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p.HostPath(rootCABundle), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if env := p.Env(); !slices.Contains(env, "PIP_CERT="+rootCABundle) || slices.Contains(env, "PIP_CERT=/host/only/ca.pem") {
		t.Errorf("with the root's CA bundle, PIP_CERT should name it alone: %q", env)
	}
	host := Python{Version: "3.11", Exe: "/usr/bin/python3"}
	if cmd := host.Command(context.Background(), "/usr/bin/python3"); cmd.Args[0] != "/usr/bin/python3" {
		t.Errorf("host command %q", cmd.Args)
	}
	if got, _ := host.InsidePath("/tmp/x"); got != "/tmp/x" || host.HostPath("/tmp/x") != "/tmp/x" {
		t.Error("a host Python's paths are not the host's")
	}
}
