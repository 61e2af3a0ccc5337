package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/versus-dev/versus/web/site"
)

func TestCheckValidContent(t *testing.T) {
	dir := writeFixture(t, nil)
	r := runVersus(t, nil, "check", "-content", dir)
	if r.err != nil || r.exit != 0 {
		t.Fatalf("err = %v, exit %d, stderr:\n%s", r.err, r.exit, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], dir+" is valid: 1 comparison(s) with 2 rows, 1 guide(s), 1 profile(s)") {
		t.Errorf("stdout = %q, want one summary line", r.stdout)
	}
}

func TestCheckEmbeddedContent(t *testing.T) {
	r := runVersus(t, nil, "check")
	if r.err != nil || !strings.HasPrefix(r.stdout, "the embedded content is valid: ") {
		t.Errorf("err = %v, stdout = %q", r.err, r.stdout)
	}
}

func TestCheckContentFromEnvironment(t *testing.T) {
	dir := writeFixture(t, nil)
	r := runVersus(t, map[string]string{"VERSUS_CONTENT": dir}, "check")
	if r.err != nil || !strings.HasPrefix(r.stdout, dir+" is valid") {
		t.Errorf("err = %v, stdout = %q", r.err, r.stdout)
	}
}

// TestCheckReportsEveryProblem breaks two files and expects both problems, at the paths
// under the folder given, and exit status 1.
func TestCheckReportsEveryProblem(t *testing.T) {
	const row = "comparisons/flask-vs-django/rows/orm.md"
	const other = "comparisons/flask-vs-django/rows/csrf.md"
	dir := writeFixture(t, map[string][2]string{
		row:   {"category: data", "category: dta"},
		other: {"verdict: django", "verdict: djngo"},
	})
	r := runVersus(t, nil, "check", "-content", dir)
	var verr *site.ValidationError
	if !errors.As(r.err, &verr) || r.exit != 1 {
		t.Fatalf("err = %v, exit %d; want a *site.ValidationError and exit 1", r.err, r.exit)
	}
	if r.stdout != "" {
		t.Errorf("stdout = %q, want nothing", r.stdout)
	}
	for _, want := range []string{
		"versus: 2 content problem(s):\n",
		filepath.Join(dir, row) + `:3: unknown category "dta" (one of: data, security)` + "\n",
		filepath.Join(dir, other) + `:6: verdict "djngo" for flask-vs-django must be flask, django or "tie"` + "\n",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

func TestCheckMissingFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere")
	r := runVersus(t, nil, "check", "-content", missing)
	if r.exit != 1 || !strings.Contains(r.stderr, "versus: content folder: ") || !strings.Contains(r.stderr, missing) {
		t.Errorf("exit %d, stderr:\n%s", r.exit, r.stderr)
	}
}

// TestCheckReportsADamagedHighlightCache: the embedded cache is part of the embedded
// content, so check fails on it; a content folder of one's own only gets the warning.
func TestCheckReportsADamagedHighlightCache(t *testing.T) {
	damageHighlightCache(t)
	r := runVersus(t, nil, "check")
	if r.exit != 1 || !strings.Contains(r.stderr, "versus: the embedded highlight cache is damaged: highlight cache: gzip: invalid header; rewrite it with go generate ./content") {
		t.Errorf("embedded content: exit %d, stderr:\n%s", r.exit, r.stderr)
	}
	dir := writeFixture(t, nil)
	r = runVersus(t, nil, "check", "-content", dir)
	if r.exit != 0 || !strings.Contains(r.stderr, "versus: warning: the embedded highlight cache is damaged") {
		t.Errorf("content folder: exit %d, stderr:\n%s", r.exit, r.stderr)
	}
}

// TestContentCannotEscapeItsFolder: a symlink in the content folder to a file outside it
// is refused, naming the file, rather than published.
func TestContentCannotEscapeItsFolder(t *testing.T) {
	dir := writeFixture(t, nil)
	outside := filepath.Join(t.TempDir(), "private.md")
	guide, err := os.ReadFile(filepath.Join(dir, "guides", "start-here.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outside, []byte(strings.Replace(string(guide), "title: Start here", "title: Private notes", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "guides", "leak.md")); err != nil {
		t.Fatal(err)
	}
	r := runVersus(t, nil, "check", "-content", dir)
	if r.exit != 1 || !strings.Contains(r.stderr, filepath.Join(dir, "guides", "leak.md")+": cannot read: ") || !strings.Contains(r.stderr, "escapes") {
		t.Errorf("exit %d, stderr:\n%s", r.exit, r.stderr)
	}
	// A symlink that stays inside the folder is an ordinary file.
	if err := os.Remove(filepath.Join(dir, "guides", "leak.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "guides", "start-here.md"), filepath.Join(dir, "guides", "again.md")); err != nil {
		t.Fatal(err)
	}
	if r := runVersus(t, nil, "check", "-content", dir); r.exit != 0 || !strings.Contains(r.stdout, "2 guide(s)") {
		t.Errorf("a symlink inside the folder: exit %d, stdout %q, stderr:\n%s", r.exit, r.stdout, r.stderr)
	}
}
