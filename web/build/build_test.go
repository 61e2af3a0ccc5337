package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func fixture(t *testing.T) *Output {
	t.Helper()
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	out, err := Site(context.Background(), s, Config{Pages: pages.Config{BaseURL: "https://versus.example"}})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEveryFileHasItsEncodings: each file has an identity body with a strong ETag; a
// compressible one has gzip and brotli variants that decompress to the body, each with its
// own ETag, and only where they are smaller.
func TestEveryFileHasItsEncodings(t *testing.T) {
	out := fixture(t)
	if !slices.IsSortedFunc(out.Files, func(a, b *File) int { return strings.Compare(a.Path, b.Path) }) {
		t.Error("files are not sorted by path")
	}
	etags := map[string]string{}
	for _, f := range append(append(out.Files[:len(out.Files):len(out.Files)], out.Export...), out.NotFound) {
		id := f.Variants[Identity]
		if id == nil || len(id.Body) == 0 || !strings.HasPrefix(id.ETag, `"`) || id.Encoding != "" {
			t.Errorf("%s: identity variant %+v", f.Path, id)
			continue
		}
		for enc, decode := range map[Encoding]func(io.Reader) (io.Reader, error){
			Gzip:   func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
			Brotli: func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		} {
			v := f.Variants[enc]
			if v == nil {
				continue
			}
			if len(v.Body) >= len(id.Body) {
				t.Errorf("%s: a %s variant no smaller than the body", f.Path, v.Encoding)
			}
			r, err := decode(bytes.NewReader(v.Body))
			if err != nil {
				t.Fatal(err)
			}
			if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, id.Body) {
				t.Errorf("%s: the %s variant does not decompress to the body (%v)", f.Path, v.Encoding, err)
			}
			if v.ETag == id.ETag {
				t.Errorf("%s: the %s variant shares the identity ETag", f.Path, v.Encoding)
			}
		}
		if other, ok := etags[id.ETag]; ok && other != f.Path && !bytes.Equal(id.Body, fileByPath(out, other).Body()) {
			t.Errorf("%s and %s share the ETag %s", f.Path, other, id.ETag)
		}
		etags[id.ETag] = f.Path
	}
	home := fileByPath(out, site.HomePath)
	if home == nil || home.Variants[Gzip] == nil || home.Variants[Brotli] == nil || home.Immutable {
		t.Errorf("home page: %+v", home)
	}
	for _, f := range out.Files {
		if strings.HasPrefix(f.Path, site.StaticPrefix) != f.Immutable {
			t.Errorf("%s: immutable %v", f.Path, f.Immutable)
		}
	}
}

// TestTwinsAreGzipOnly: the tables' JSON and CSV twins have a gzip copy and no brotli
// one; pages and assets have both.
func TestTwinsAreGzipOnly(t *testing.T) {
	out := fixture(t)
	twins := 0
	for _, f := range out.Files {
		if !MachineReadable(f.ContentType) {
			continue
		}
		twins++
		if len(f.Body()) >= 1024 && f.Variants[Gzip] == nil {
			t.Errorf("%s (%d bytes): no gzip copy", f.Path, len(f.Body()))
		}
		if f.Variants[Brotli] != nil {
			t.Errorf("%s: a brotli copy", f.Path)
		}
	}
	if twins == 0 {
		t.Error("the fixture has no JSON or CSV file")
	}
	if MachineReadable(pages.HTMLType) || !MachineReadable("text/csv; charset=utf-8") {
		t.Error("MachineReadable mistakes HTML for data, or CSV for a page")
	}
}

func fileByPath(out *Output, path string) *File {
	for _, f := range append(append(out.Files[:len(out.Files):len(out.Files)], out.Export...), out.NotFound) {
		if f.Path == path {
			return f
		}
	}
	return nil
}

// TestExportVersionsReplaceServerPages: the export's own versions stand in for pages the
// server has, and say that they need it.
func TestExportVersionsReplaceServerPages(t *testing.T) {
	out := fixture(t)
	if len(out.Export) == 0 {
		t.Fatal("no export versions")
	}
	for _, f := range out.Export {
		server := fileByPath(&Output{Files: out.Files, NotFound: out.NotFound}, f.Path)
		if server == nil {
			t.Errorf("%s: the export has its own version of a page the server does not have", f.Path)
			continue
		}
		if bytes.Equal(server.Body(), f.Body()) || !bytes.Contains(f.Body(), []byte("static export")) {
			t.Errorf("%s: the export version does not say that it needs the server", f.Path)
		}
	}
	if out.NotFound.Path != NotFoundPath || !bytes.Contains(out.NotFound.Body(), []byte("<h1")) {
		t.Errorf("404 page: %s, %.80q", out.NotFound.Path, out.NotFound.Body())
	}
}

// TestRedirects lists the fixture's redirects: its alias, and the other subject order for
// the comparison, each row, each row's twin and each alias, each straight to its page.
func TestRedirects(t *testing.T) {
	want := []Redirect{
		{"/compare/django-vs-flask", "/compare/flask-vs-django"},
		{"/compare/django-vs-flask/csrf", "/compare/flask-vs-django/csrf"},
		{"/compare/django-vs-flask/csrf.json", "/compare/flask-vs-django/csrf.json"},
		{"/compare/django-vs-flask/database", "/compare/flask-vs-django/orm"},
		{"/compare/django-vs-flask/orm", "/compare/flask-vs-django/orm"},
		{"/compare/django-vs-flask/orm.json", "/compare/flask-vs-django/orm.json"},
		{"/compare/flask-vs-django/database", "/compare/flask-vs-django/orm"},
	}
	if got := fixture(t).Redirects; !slices.Equal(got, want) {
		t.Errorf("redirects:\n got %v\nwant %v", got, want)
	}
}

func TestOtherOrders(t *testing.T) {
	c := &site.Comparison{Slug: "flask-vs-django-vs-fastapi", Subjects: []site.Subject{{ID: "flask"}, {ID: "django"}, {ID: "fastapi"}}}
	got := otherOrders(c)
	slices.Sort(got)
	want := []string{"django-vs-fastapi-vs-flask", "django-vs-flask-vs-fastapi", "fastapi-vs-django-vs-flask", "fastapi-vs-flask-vs-django", "flask-vs-fastapi-vs-django"}
	if !slices.Equal(got, want) {
		t.Errorf("other orders %v, want %v", got, want)
	}
}

// TestTableRedirects: a table of three subjects redirects each other order of them.
func TestTableRedirects(t *testing.T) {
	s, err := site.Load(sitetest.ThreeFS())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range redirects(s) {
		got[r.From] = r.To
	}
	for _, from := range []string{"django-vs-fastapi-vs-flask", "django-vs-flask-vs-fastapi", "fastapi-vs-django-vs-flask", "fastapi-vs-flask-vs-django", "flask-vs-fastapi-vs-django"} {
		if to := got["/compare/"+from]; to != "/compare/flask-vs-django-vs-fastapi" {
			t.Errorf("/compare/%s redirects to %q", from, to)
		}
	}
	if to := got["/compare/fastapi-vs-django/orm.json"]; to != "/compare/django-vs-fastapi/orm.json" {
		t.Errorf("a pair's twin under the other order redirects to %q", to)
	}
}
