package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestBuild(t *testing.T) {
	content := writeFixture(t, nil)
	out := filepath.Join(t.TempDir(), "site")
	r := runVersus(t, nil, "build", "-o", out, "-content", content, "-base-url", "https://versus.example", "-site-name", "Py Versus")
	if r.err != nil || r.exit != 0 {
		t.Fatalf("err = %v, exit %d, stderr:\n%s", r.err, r.exit, r.stderr)
	}
	summary := regexp.MustCompile(`^wrote \d+ pages, \d+ preview images, \d+ other files and 7 redirects to ` + regexp.QuoteMeta(out) + ` \(\d+ \.gz/\.br copies, [0-9.]+ MiB in all\) in \S+\n$`)
	if !summary.MatchString(r.stdout) {
		t.Errorf("stdout = %q, want the one-line summary", r.stdout)
	}
	if r.stderr != "" {
		t.Errorf("stderr = %q, want nothing", r.stderr)
	}
	for _, name := range []string{
		"index.html", "index.html.gz", "index.html.br", "404.html", "_redirects",
		"compare/flask-vs-django/index.html", "compare/flask-vs-django/orm/index.html",
		"compare/flask-vs-django/database/index.html", "compare/django-vs-flask/orm/index.html",
		"guides/index.html", "guides/start-here/index.html", "frameworks/flask/index.html",
	} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
			t.Errorf("export lacks %s: %v", name, err)
		}
	}
	css, _ := filepath.Glob(filepath.Join(out, "static", "css", "site.*.css"))
	if len(css) != 1 {
		t.Errorf("hashed stylesheets in the export: %q", css)
	}

	// The flags reach the rendered pages.
	f, err := os.Open(filepath.Join(out, "compare", "flask-vs-django", "orm", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := doc.Find(`link[rel=canonical]`).Attr("href"); got != "https://versus.example/compare/flask-vs-django/orm" {
		t.Errorf("canonical = %q", got)
	}
	if got := doc.Find("title").Text(); !strings.Contains(got, "Py Versus") {
		t.Errorf("title = %q, want the site name", got)
	}
}

func TestBuildWithoutBaseURLWarns(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	r := runVersus(t, nil, "build", "-o", out, "-content", writeFixture(t, nil))
	if r.err != nil {
		t.Fatal(r.err)
	}
	if !strings.Contains(r.stderr, "no -base-url given") {
		t.Errorf("stderr = %q, want a warning about the base URL", r.stderr)
	}
}

func TestBuildRefusesAFolderWithOtherFiles(t *testing.T) {
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "thesis.tex"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runVersus(t, nil, "build", "-o", out, "-content", writeFixture(t, nil), "-base-url", "https://versus.example")
	if r.exit != 1 || !strings.Contains(r.stderr, "is not empty") {
		t.Errorf("exit %d, stderr:\n%s", r.exit, r.stderr)
	}
}

func TestBuildReportsContentProblems(t *testing.T) {
	content := writeFixture(t, map[string][2]string{"comparisons/flask-vs-django/rows/orm.md": {"verdict: django", "verdict: djngo"}})
	out := filepath.Join(t.TempDir(), "site")
	r := runVersus(t, nil, "build", "-o", out, "-content", content)
	if r.exit != 1 || !strings.Contains(r.stderr, `orm.md:7: verdict "djngo"`) {
		t.Errorf("exit %d, stderr:\n%s", r.exit, r.stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the output folder was created for content with problems (stat: %v)", err)
	}
}
