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

	"go.yaml.in/yaml/v3"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/site"
)

// TestCoveredVersionsMatchLocks holds each comparison's "this comparison covers Flask 3.1
// and Django 5.2 LTS and 6.0" to the lock files, the single source of the versions the
// samples run against: every subject with a lock must be named with its lock's major.minor,
// and any other version named must be newer and need a Python newer than the lock's, as the
// skip reasons of the samples that need it say ("needs Django 6.0 (Python 3.12+)"). So
// bumping a lock to a new major.minor fails here until the content has been re-read and
// the sentence updated.
func TestCoveredVersionsMatchLocks(t *testing.T) {
	samples, _ := shippedSamples(t)
	indexes, err := fs.Glob(content.FS, "comparisons/*/index.md")
	if err != nil || len(indexes) == 0 {
		t.Fatalf("no comparisons/*/index.md in content (%v)", err)
	}
	for _, index := range indexes {
		subjects, body := readComparison(t, index)
		var names []string
		for _, s := range subjects {
			names = append(names, s.Name)
		}
		covered, ok := coveredVersions(body, names)
		if !ok {
			t.Errorf("content/%s: no sentence says which versions it covers (\"this comparison covers Flask 3.1 and Django 5.2 LTS\"); the test holds it to %s", index, filepath.Join("web/samples", LockDir))
			continue
		}
		for _, s := range subjects {
			lock, err := ReadLock(LockPath(s.ID))
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					continue // a subject without samples to run
				}
				t.Fatal(err)
			}
			pinned := lock.Pins[NormalizeName(s.ID)]
			if pinned == "" {
				t.Errorf("%s does not pin %s itself", lock.Path, s.ID)
				continue
			}
			for _, problem := range checkCovered(s.Name, covered[s.Name], pinned, lock.Python, samplesOf(samples, s.ID)) {
				t.Errorf("content/%s: %s (web/samples/%s pins %s==%s)", index, problem, lock.Path, s.ID, pinned)
			}
		}
	}
}

// checkCovered compares the versions of one framework that the content says it covers
// with the version its lock pins and the Python the lock was compiled for.
func checkCovered(name string, covered []string, pinned, python string, samples []Sample) []string {
	locked := MajorMinor(pinned)
	if !slices.Contains(covered, locked) {
		return []string{fmt.Sprintf("says it covers %s %s, not the lock's %s: re-read the content for %s %s and update the sentence (or the lock)",
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

func TestCoveredVersions(t *testing.T) {
	names := []string{"Flask", "Django"}
	for _, tc := range []struct {
		text string
		want map[string][]string
	}{
		{"Where a fact depends on the version, the row says which:\nthis comparison covers Flask 3.1 and Django 5.2 LTS and 6.0. Django 6.1, released on",
			map[string][]string{"Flask": {"3.1"}, "Django": {"5.2", "6.0"}}},
		{"The table covers Django 5.2 LTS, 6.0 and 6.1, and Flask 3.1.", map[string][]string{"Flask": {"3.1"}, "Django": {"5.2", "6.0", "6.1"}}},
	} {
		got, ok := coveredVersions(tc.text, names)
		if !ok || fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("coveredVersions(%q) = %v, %v; want %v", tc.text, got, ok, tc.want)
		}
	}
	if _, ok := coveredVersions("Flask 3.1 and Django 5.2 are both fine.", names); ok {
		t.Error("a text without a covers sentence was read as one")
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

type subject struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
}

// readComparison returns the subjects and the text (front matter and body) of a
// comparison's index.md.
func readComparison(t *testing.T, index string) ([]subject, string) {
	t.Helper()
	data, err := fs.ReadFile(content.FS, index)
	if err != nil {
		t.Fatal(err)
	}
	front, _, _, err := site.SplitFrontMatter(data)
	if err != nil {
		t.Fatalf("content/%s: %v", index, err)
	}
	var meta struct {
		Subjects []subject `yaml:"subjects"`
	}
	if err := yaml.Unmarshal(front, &meta); err != nil {
		t.Fatalf("content/%s: front matter: %v", index, err)
	}
	return meta.Subjects, string(data)
}

// coveredVersions reads the sentence "… covers Flask 3.1 and Django 5.2 LTS and 6.0." from
// text: each version number belongs to the subject name before it.
func coveredVersions(text string, names []string) (map[string][]string, bool) {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = regexp.QuoteMeta(n)
	}
	m := regexp.MustCompile(`\bcovers\s+((?:` + strings.Join(quoted, "|") + `)\b(?s:.*?))\.(?:\s|$)`).FindStringSubmatch(text)
	if m == nil {
		return nil, false
	}
	versions := map[string][]string{}
	current := ""
	for _, word := range strings.Fields(m[1]) {
		word = strings.TrimRight(word, ",;:")
		switch {
		case slices.Contains(names, word):
			current = word
		case current != "" && versionWord.MatchString(word):
			versions[current] = append(versions[current], MajorMinor(word))
		}
	}
	return versions, true
}

var versionWord = regexp.MustCompile(`^\d+\.\d+(\.\d+)*$`)

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
