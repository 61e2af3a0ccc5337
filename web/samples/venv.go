package samples

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"time"

	"github.com/versus-dev/versus/web/site"
)

// CacheDir is where venvs are kept between runs: $XDG_CACHE_HOME/versus-samples, or
// ~/.cache/versus-samples (the platform's user cache folder elsewhere).
func CacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("finding the user cache folder: %w", err)
	}
	return filepath.Join(dir, "versus-samples"), nil
}

// Venv returns the interpreter (as python sees it) of the virtual environment of env built
// from its lock file with the base interpreter python, building it first when it is not in
// cacheDir (a host path, inside python's root for a Debian root's): `python -m venv`, then
// `pip install --require-hashes -r lock`. The venv's folder is named after the environment
// and a hash of the lock's bytes and the base Python's version, so a changed lock (or
// Python) gets a new venv and an unchanged one is reused without touching the network.
//
// Each use stamps the venv's folder; venvs in the same cache unused for a week are removed
// (see markUsed).
//
// A venv is built in a temporary folder and renamed into place when complete, so a run
// that is interrupted, or another test process building the same venv at the same time,
// never leaves a half-installed one behind. (Its bin/ scripts keep the temporary path in
// their #! lines: run tools as `<venv>/bin/python -m <tool>`, as the harness does.)
func Venv(ctx context.Context, python Python, env string, lock []byte, cacheDir string) (string, error) {
	dir, err := venvDir(ctx, python, env, lock, cacheDir)
	if err != nil {
		return "", err
	}
	exe := func(dir string) (string, error) { return python.InsidePath(venvPython(dir)) }
	if _, err := os.Stat(venvPython(dir)); err == nil {
		inside, err := exe(dir)
		if err != nil {
			return "", err
		}
		return inside, markUsed(cacheDir, dir)
	}

	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return "", fmt.Errorf("creating the venv cache: %w", err)
	}
	tmp, err := os.MkdirTemp(cacheDir, env+"-*.partial")
	if err != nil {
		return "", fmt.Errorf("creating the venv cache: %w", err)
	}
	defer os.RemoveAll(tmp) // gone once renamed; otherwise a failed or losing build
	lockFile := filepath.Join(tmp, "lock.txt")
	if err := os.WriteFile(lockFile, lock, 0o644); err != nil {
		return "", fmt.Errorf("writing the lock for pip: %w", err)
	}
	tmpInside, err := python.InsidePath(tmp)
	if err != nil {
		return "", err
	}
	run := func(what string, exe string, args ...string) error {
		cmd := python.Command(ctx, exe, args...)
		cmd.Env = python.Env()
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s (%s): %w\n%s", what, python, err, tail(out))
		}
		return nil
	}
	if err := run("python -m venv", python.Exe, "-m", "venv", tmpInside); err != nil {
		return "", err
	}
	venvExe, _ := exe(tmp)
	if err := run("pip install --require-hashes -r "+LockPath(env), venvExe, "-m", "pip", "install",
		"--require-hashes", "--no-input", "--disable-pip-version-check", "--quiet", "-r", tmpInside+"/lock.txt"); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		// Another process may have finished the same venv first: use it.
		if _, statErr := os.Stat(venvPython(dir)); statErr != nil {
			return "", fmt.Errorf("moving the new venv into place: %w", err)
		}
	}
	inside, err := exe(dir)
	if err != nil {
		return "", err
	}
	return inside, markUsed(cacheDir, dir)
}

// LockPath is the lock file of an environment in the repository, for messages.
func LockPath(env string) string { return "content/" + site.LockPath(env) }

// unusedFor is how long a venv may go unused before a run removes it (an older lock's, or
// an environment's that is gone, usually).
const unusedFor = 7 * 24 * time.Hour

// venvFolder is the name of a venv folder in the cache, or of an unfinished build.
var venvFolder = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*-(?:[0-9a-f]{16}|(\d+)\.partial)$`)

// markUsed stamps a venv folder with the time of use and removes the venvs in the same
// cache that have not been used for unusedFor, and unfinished builds a day old.
func markUsed(cacheDir, dir string) error {
	now := time.Now()
	if err := os.Chtimes(dir, now, now); err != nil {
		return fmt.Errorf("marking the venv used: %w", err)
	}
	entries, err := os.ReadDir(cacheDir)
	if err != nil {
		return fmt.Errorf("listing old venvs: %w", err)
	}
	for _, e := range entries {
		m := venvFolder.FindStringSubmatch(e.Name())
		other := filepath.Join(cacheDir, e.Name())
		if m == nil || other == dir {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		age := now.Sub(info.ModTime())
		if age > unusedFor || (m[1] != "" && age > 24*time.Hour) {
			if err := os.RemoveAll(other); err != nil {
				return fmt.Errorf("removing an unused venv: %w", err)
			}
		}
	}
	return nil
}

// venvDir is the folder of the venv for a lock and a base Python: <cacheDir>/<env>-<hash>.
func venvDir(ctx context.Context, python Python, env string, lock []byte, cacheDir string) (string, error) {
	version, err := python.Command(ctx, python.Exe, "-c", "import sys; print(sys.version, sys.base_prefix)").Output()
	if err != nil {
		return "", fmt.Errorf("asking %s its version: %w", python, err)
	}
	sum := sha256.New()
	sum.Write(lock)
	sum.Write([]byte{0})
	sum.Write(version)
	return filepath.Join(cacheDir, env+"-"+hex.EncodeToString(sum.Sum(nil))[:16]), nil
}

// venvPython is the interpreter inside a venv folder.
func venvPython(dir string) string {
	if runtime.GOOS == "windows" {
		return filepath.Join(dir, "Scripts", "python.exe")
	}
	return filepath.Join(dir, "bin", "python")
}

// tail is the end of a command's output, enough to show why it failed.
func tail(out []byte) string {
	const keep = 3000
	if len(out) > keep {
		out = out[len(out)-keep:]
	}
	return string(out)
}
