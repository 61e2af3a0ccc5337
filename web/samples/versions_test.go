package samples

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/site"
)

// TestCoveredVersionsMatchLocks holds the versions each comparison says it covers (its
// subjects' covers: fields, which the pages turn into "This comparison covers Flask 3.1 and
// Django 5.2 LTS.") to the lock files, the single source of the versions the samples run
// against: every subject with a lock must name its lock's major.minor, and any other
// version named must be newer and need a Python newer than the lock's, as the skip reasons
// of the samples that need it say ("needs Django 6.0 (Python 3.12+)"). So bumping a lock to
// a new major.minor fails here until the content has been re-read and covers: updated.
func TestCoveredVersionsMatchLocks(t *testing.T) {
	samples, _ := shippedSamples(t)
	s, err := site.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range s.Tables {
		for _, subj := range table.Subjects {
			lock, err := ReadLock(LockPath(subj.ID))
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					continue // a subject without samples to run
				}
				t.Fatal(err)
			}
			pinned := lock.Pins[NormalizeName(subj.ID)]
			if pinned == "" {
				t.Errorf("%s does not pin %s itself", lock.Path, subj.ID)
				continue
			}
			covered := versionNumber.FindAllString(subj.Covers, -1)
			for _, problem := range checkCovered(subj.Name, covered, pinned, lock.Python, samplesOf(samples, subj.ID)) {
				t.Errorf("content/%s: %s (web/samples/%s pins %s==%s)", table.File, problem, lock.Path, subj.ID, pinned)
			}
		}
	}
}

// versionNumber is a major.minor version in a covers: field ("5.2 LTS", "0.165").
var versionNumber = regexp.MustCompile(`\b\d+\.\d+\b`)

// checkCovered compares the versions of one framework that the content says it covers
// with the version its lock pins and the Python the lock was compiled for.
func checkCovered(name string, covered []string, pinned, python string, samples []Sample) []string {
	locked := MajorMinor(pinned)
	if !slices.Contains(covered, locked) {
		return []string{fmt.Sprintf("says it covers %s %s, not the lock's %s: re-read the content for %s %s and update its covers: field (or the lock)",
			name, orNone(covered), locked, name, locked)}
	}
	var problems []string
	for _, v := range covered {
		switch {
		case v == locked:
		case CompareVersions(v, locked) < 0:
			problems = append(problems, fmt.Sprintf("says it covers %s %s, older than the lock's %s, which the samples do not run on", name, v, locked))
		case !needsNewerPython(name, v, locked, python, samples):
			problems = append(problems, fmt.Sprintf("says it covers %s %s, newer than the lock's %s: bump the lock, or, if %s %s needs a newer Python than the lock's %s, skip the samples that need it with skip=\"needs %s %s (Python X.Y+): why\"",
				name, v, locked, name, v, python, name, v))
		}
	}
	return problems
}

// needsNewerPython reports whether a skipped sample says that name, at a version after the
// lock's and no later than v, needs a Python newer than the lock's.
func needsNewerPython(name, v, locked, python string, samples []Sample) bool {
	for _, s := range samples {
		need, ok := s.Check.NeedsVersion()
		if ok && strings.EqualFold(need.Name, name) && CompareVersions(need.Version, locked) > 0 &&
			CompareVersions(need.Version, v) <= 0 && CompareVersions(need.Python, python) > 0 {
			return true
		}
	}
	return false
}

// TestSkipsNeedWhatTheLockLacks fails on a skip that the lock has made stale: the sample
// says it needs a version the lock already pins, or a Python the lock was compiled with.
func TestSkipsNeedWhatTheLockLacks(t *testing.T) {
	samples, _ := shippedSamples(t)
	for _, s := range samples {
		need, ok := s.Check.NeedsVersion()
		if !ok {
			continue
		}
		lock, err := ReadLock(LockPath(s.Framework))
		if err != nil {
			t.Errorf("%s:%d: %v", s.File, s.Line, err)
			continue
		}
		pinned := lock.Pins[NormalizeName(need.Name)]
		switch {
		case pinned == "":
			t.Errorf("%s:%d: skip=%q names %s, which web/samples/%s does not pin", s.File, s.Line, s.Check.Skip, need.Name, lock.Path)
		case CompareVersions(MajorMinor(pinned), need.Version) >= 0:
			t.Errorf("%s:%d: skip=%q, but web/samples/%s pins %s %s: drop the skip and give the sample a check", s.File, s.Line, s.Check.Skip, lock.Path, need.Name, pinned)
		case CompareVersions(need.Python, lock.Python) <= 0:
			t.Errorf("%s:%d: skip=%q, but web/samples/%s was compiled for Python %s: bump the lock to %s %s", s.File, s.Line, s.Check.Skip, lock.Path, lock.Python, need.Name, need.Version)
		}
	}
}

func TestCheckCovered(t *testing.T) {
	skip := func(reason string) Sample { return Sample{Framework: "django", Check: Check{Skip: reason}} }
	needs60 := []Sample{skip("needs Django 6.0 (Python 3.12+): django.tasks")}
	for _, tc := range []struct {
		name            string
		covered         []string
		pinned          string
		samples         []Sample
		wantProblems    int
		wantProblemText string
	}{
		{"lock matches", []string{"3.1"}, "3.1.3", nil, 0, ""},
		{"newer version that needs a newer Python", []string{"5.2", "6.0"}, "5.2.19", needs60, 0, ""},
		{"later version of the same Python-bound line", []string{"5.2", "6.0", "6.1"}, "5.2.19", needs60, 0, ""},
		{"lock bumped past the text", []string{"3.1"}, "3.2.0", nil, 1, "not the lock's 3.2"},
		{"newer version with no skip explaining it", []string{"3.1", "3.2"}, "3.1.3", nil, 1, "newer than the lock's 3.1"},
		{"older version", []string{"5.1", "5.2"}, "5.2.19", nil, 1, "older than the lock's 5.2"},
		{"skip that a newer Python would fix is no excuse", []string{"5.2", "6.0"}, "5.2.19", []Sample{skip("needs Django 6.0 (Python 3.11+)")}, 1, "newer than the lock's 5.2"},
	} {
		problems := checkCovered("Django", tc.covered, tc.pinned, "3.11", tc.samples)
		if len(problems) != tc.wantProblems || (tc.wantProblems > 0 && !strings.Contains(problems[0], tc.wantProblemText)) {
			t.Errorf("%s: problems %q, want %d containing %q", tc.name, problems, tc.wantProblems, tc.wantProblemText)
		}
	}
}

// TestLocksPinTheirInFiles catches a lock that was not recompiled after its .in file gained
// a dependency: every package an .in file names must be pinned, with hashes, in its lock.
func TestLocksPinTheirInFiles(t *testing.T) {
	ins, err := filepath.Glob(filepath.Join(LockDir, "*.in"))
	if err != nil || len(ins) == 0 {
		t.Fatalf("no %s/*.in (%v)", LockDir, err)
	}
	for _, in := range ins {
		lockPath := strings.TrimSuffix(in, ".in") + ".txt"
		lock, err := ReadLock(lockPath)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		for _, name := range directDependencies(t, in) {
			if lock.Pins[name] == "" {
				t.Errorf("%s names %s but %s does not pin it: run bash web/samples/requirements/compile.sh", in, name, lockPath)
			}
		}
		data, err := os.ReadFile(lockPath)
		if err != nil {
			t.Fatal(err)
		}
		if unhashed := unhashedPins(string(data)); len(unhashed) > 0 {
			t.Errorf("%s: %s have no --hash (pip install --require-hashes needs every pin hashed)", lockPath, strings.Join(unhashed, ", "))
		}
	}
}

// directDependencies lists the normalized names of the packages an .in file requires.
func directDependencies(t *testing.T, in string) []string {
	t.Helper()
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(strings.SplitN(sc.Text(), "#", 2)[0])
		if line == "" || strings.HasPrefix(line, "-") {
			continue
		}
		names = append(names, NormalizeName(requirementName.FindString(line)))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

var requirementName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*`)

// unhashedPins lists the name==version lines of a lock not followed by a --hash line.
func unhashedPins(lock string) []string {
	var unhashed []string
	lines := strings.Split(lock, "\n")
	for i, line := range lines {
		if pinLine.MatchString(line) && (i+1 == len(lines) || !strings.Contains(lines[i+1], "--hash=")) {
			unhashed = append(unhashed, strings.TrimSuffix(strings.TrimSpace(line), " \\"))
		}
	}
	return unhashed
}

// samplesOf filters samples by framework.
func samplesOf(samples []Sample, framework string) []Sample {
	var out []Sample
	for _, s := range samples {
		if s.Framework == framework {
			out = append(out, s)
		}
	}
	return out
}

func orNone(versions []string) string {
	if len(versions) == 0 {
		return "(no version)"
	}
	return strings.Join(versions, ", ")
}
