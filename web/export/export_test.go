package export

import (
	"bytes"
	"compress/gzip"
	"context"
	"image/png"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/brotli"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/compress"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/server"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

const testBaseURL = "https://versus.example"

// newBuild loads and builds the content in fsys.
func newBuild(t testing.TB, fsys fs.FS) *build.Output {
	t.Helper()
	s, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	out, err := build.Site(context.Background(), s, build.Config{Pages: pages.Config{BaseURL: testBaseURL}})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func export(t *testing.T, out *build.Output) (string, Summary) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	sum, err := Write(context.Background(), dir, out)
	if err != nil {
		t.Fatal(err)
	}
	return dir, sum
}

// tree lists every file under dir, slash-separated and sorted.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func isCopy(name string) bool {
	return strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br")
}

func readFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWriteTree(t *testing.T) {
	out := newBuild(t, sitetest.FS())
	dir, sum := export(t, out)
	got := tree(t, dir)

	// Every file the server stores, at its place, plus each page's preview image, the 404
	// page and its image, the redirects, the headers and a page at each redirecting address.
	want := []string{"404.html", "_headers", "_redirects", "preview/errors/404.png"}
	pageCount, files, previews := 0, 0, 1
	for _, f := range out.Files {
		name, isPage, err := fileName(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if isPage {
			pageCount++
			previews++
			want = append(want, strings.TrimPrefix(f.Preview, "/"))
		} else {
			files++
		}
		want = append(want, name)
	}
	redirectPages := []string{
		"compare/django-vs-flask/csrf/index.html",
		"compare/django-vs-flask/database/index.html",
		"compare/django-vs-flask/index.html",
		"compare/django-vs-flask/orm/index.html",
		"compare/flask-vs-django/database/index.html",
	}
	want = append(want, redirectPages...)
	slices.Sort(want)
	var originals []string
	for _, name := range got {
		if !isCopy(name) {
			originals = append(originals, name)
		}
	}
	if !slices.Equal(originals, want) {
		t.Errorf("export tree without compressed copies:\n got %q\nwant %q", originals, want)
	}

	// Compressed copies: beside every text file of some size, and only where they help.
	contentTypes := map[string]string{"404.html": pages.HTMLType, "_redirects": "text/plain", "_headers": "text/plain"}
	for _, f := range out.Files {
		name, _, _ := fileName(f.Path)
		contentTypes[name] = f.ContentType
		if f.Preview != "" {
			contentTypes[strings.TrimPrefix(f.Preview, "/")] = "image/png"
		}
	}
	contentTypes["preview/errors/404.png"] = "image/png"
	for _, name := range redirectPages {
		contentTypes[name] = pages.HTMLType
	}
	for _, name := range originals {
		ct := contentTypes[name]
		size := len(readFile(t, dir, name))
		for _, suffix := range []string{".gz", ".br"} {
			hasCopy := slices.Contains(got, name+suffix)
			switch {
			case name == RedirectsFile || name == HeadersFile || !compress.Compressible(ct) ||
				suffix == ".br" && build.MachineReadable(ct): // the twins are gzip alone
				if hasCopy {
					t.Errorf("%s%s: %s (%s) needs no compressed copy", name, suffix, name, ct)
				}
			case size >= 1024 && !hasCopy:
				t.Errorf("no %s%s beside %s (%s, %d bytes)", name, suffix, name, ct, size)
			case hasCopy && len(readFile(t, dir, name+suffix)) >= size:
				t.Errorf("%s%s is not smaller than %s", name, suffix, name)
			}
		}
	}
	for _, name := range got {
		if isCopy(name) && !slices.Contains(originals, name[:len(name)-3]) {
			t.Errorf("compressed copy %s of no file", name)
		}
	}

	// The pages of the fixture are where static hosts look for them.
	for _, name := range []string{
		"index.html",
		"compare/flask-vs-django/index.html",
		"compare/flask-vs-django/orm/index.html",
		"compare/flask-vs-django/csrf/index.html",
		"guides/index.html",
		"guides/start-here/index.html",
		"frameworks/flask/index.html",
	} {
		if !slices.Contains(got, name) {
			t.Errorf("no %s in the export", name)
		}
	}
	if !slices.ContainsFunc(got, func(n string) bool {
		return strings.HasPrefix(n, "static/css/site.") && strings.HasSuffix(n, ".css.gz")
	}) {
		t.Errorf("no compressed hashed stylesheet in %q", got)
	}

	// Two more redirects than pages: the JSON twins' other-order addresses, which only
	// _redirects can send on.
	wantSummary := Summary{Pages: pageCount, Previews: previews, Files: files, Redirects: len(redirectPages) + 2, Compressed: sum.Compressed, Bytes: sum.Bytes}
	if sum != wantSummary {
		t.Errorf("summary = %+v, want %+v", sum, wantSummary)
	}
	var total int64
	compressed := 0
	for _, name := range got {
		info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		total += info.Size()
		if isCopy(name) {
			compressed++
		}
	}
	if sum.Bytes != total || sum.Compressed != compressed {
		t.Errorf("summary says %d bytes and %d compressed copies; the folder has %d and %d", sum.Bytes, sum.Compressed, total, compressed)
	}

	wantRedirects := `# Permanent redirects of this Versus site: old row ids and other subject orders.
/compare/django-vs-flask /compare/flask-vs-django 301
/compare/django-vs-flask/csrf /compare/flask-vs-django/csrf 301
/compare/django-vs-flask/csrf.json /compare/flask-vs-django/csrf.json 301
/compare/django-vs-flask/database /compare/flask-vs-django/orm 301
/compare/django-vs-flask/orm /compare/flask-vs-django/orm 301
/compare/django-vs-flask/orm.json /compare/flask-vs-django/orm.json 301
/compare/flask-vs-django/database /compare/flask-vs-django/orm 301
`
	if got := string(readFile(t, dir, RedirectsFile)); got != wantRedirects {
		t.Errorf("_redirects:\n%s\nwant:\n%s", got, wantRedirects)
	}
}

func TestRedirectPage(t *testing.T) {
	dir, _ := export(t, newBuild(t, sitetest.FS()))
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(readFile(t, dir, "compare/django-vs-flask/database/index.html")))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := doc.Find(`meta[http-equiv=refresh]`).Attr("content"); got != "0; url=/compare/flask-vs-django/orm" {
		t.Errorf("refresh = %q", got)
	}
	if got, _ := doc.Find(`link[rel=canonical]`).Attr("href"); got != testBaseURL+"/compare/flask-vs-django/orm" {
		t.Errorf("canonical = %q", got)
	}
	if got, _ := doc.Find(`body a`).Attr("href"); got != "/compare/flask-vs-django/orm" {
		t.Errorf("link = %q", got)
	}
	if got, _ := doc.Find(`meta[name=robots]`).Attr("content"); got != "noindex" {
		t.Errorf("robots = %q", got)
	}
	if n := doc.Find("script, style, [style]").Length(); n != 0 {
		t.Errorf("%d inline scripts or styles; the CSP forbids them", n)
	}
}

// TestExportMatchesServer checks that every file of the export is what the server sends
// for the same address, for the fixture and for the shipped content.
func TestExportMatchesServer(t *testing.T) {
	for name, fsys := range map[string]fs.FS{"fixture": sitetest.FS(), "shipped content": content.FS} {
		t.Run(name, func(t *testing.T) {
			out := newBuild(t, fsys)
			srv := server.New(server.Config{}, out, nil)
			dir, _ := export(t, out)
			needsServer := map[string]bool{}
			for _, v := range out.Export {
				needsServer[v.Path] = true
				file, _, _ := fileName(v.Path)
				if !bytes.Contains(readFile(t, dir, file), []byte("static export")) {
					t.Errorf("the exported %s does not say that it needs the server", v.Path)
				}
			}
			for _, f := range out.Files {
				if needsServer[f.Path] {
					continue // checked above: the export's own version
				}
				file, _, err := fileName(f.Path)
				if err != nil {
					t.Fatal(err)
				}
				resp := serve(srv, f.Path)
				if resp.Code != http.StatusOK {
					t.Errorf("GET %s: status %d", f.Path, resp.Code)
					continue
				}
				exported := readFile(t, dir, file)
				if !bytes.Equal(resp.Body.Bytes(), exported) {
					t.Errorf("GET %s differs from %s (%d and %d bytes)", f.Path, file, resp.Body.Len(), len(exported))
				}
				checkCopies(t, dir, file, exported)
			}

			checkPreviews(t, srv, dir)

			resp := serve(srv, "/"+NotFoundFile)
			if resp.Code != http.StatusNotFound || !bytes.Equal(resp.Body.Bytes(), readFile(t, dir, NotFoundFile)) {
				t.Errorf("GET /%s: status %d; body equal to the exported file: %v", NotFoundFile, resp.Code, bytes.Equal(resp.Body.Bytes(), readFile(t, dir, NotFoundFile)))
			}

			for _, r := range out.Redirects {
				if got := follow(t, srv, r.From); got != r.To {
					t.Errorf("the server redirects %s to %s; the export to %s", r.From, got, r.To)
				}
			}
		})
	}
}

// checkPreviews checks that the og:image of every exported page is in the export, a
// 1200×630 PNG under 100 KB with the bytes the server sends for it, and that no image is
// written that no page shows.
func checkPreviews(t *testing.T, srv http.Handler, dir string) {
	t.Helper()
	shown := map[string]bool{}
	for _, name := range tree(t, dir) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(readFile(t, dir, name)))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Find(`meta[http-equiv=refresh]`).Length() > 0 {
			continue // a redirect's page
		}
		img, ok := doc.Find(`meta[property="og:image"]`).Attr("content")
		if !ok || !strings.HasPrefix(img, testBaseURL+"/preview/") {
			t.Errorf("%s: og:image %q, want an image under %s/preview/", name, img, testBaseURL)
			continue
		}
		path := strings.TrimPrefix(img, testBaseURL)
		if shown[path] {
			continue
		}
		shown[path] = true
		exported := readFile(t, dir, strings.TrimPrefix(path, "/"))
		if cfg, err := png.DecodeConfig(bytes.NewReader(exported)); err != nil || cfg.Width != 1200 || cfg.Height != 630 || len(exported) >= 100<<10 {
			t.Errorf("%s: %d×%d, %d bytes (%v); want a 1200×630 PNG under 100 KB", path, cfg.Width, cfg.Height, len(exported), err)
		}
		resp := serve(srv, path)
		if resp.Code != http.StatusOK || resp.Header().Get("Content-Type") != "image/png" || !bytes.Equal(resp.Body.Bytes(), exported) {
			t.Errorf("GET %s (the og:image of %s): status %d, %s; same bytes as the export: %v", path, name, resp.Code, resp.Header().Get("Content-Type"), bytes.Equal(resp.Body.Bytes(), exported))
		}
	}
	for _, name := range tree(t, dir) {
		if strings.HasPrefix(name, "preview/") && !shown["/"+name] {
			t.Errorf("the export has %s, which no page shows", name)
		}
	}
}

// checkCopies checks that the .gz and .br copies of a file decompress to it.
func checkCopies(t *testing.T, dir, file string, want []byte) {
	t.Helper()
	readers := map[string]func(io.Reader) (io.Reader, error){
		".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
		".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
	}
	for suffix, open := range readers {
		packed, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file+suffix)))
		if os.IsNotExist(err) {
			continue // not compressible
		}
		if err != nil {
			t.Fatal(err)
		}
		r, err := open(bytes.NewReader(packed))
		if err != nil {
			t.Fatalf("%s%s: %v", file, suffix, err)
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s%s does not decompress to %s (err %v)", file, suffix, file, err)
		}
	}
}

func serve(h http.Handler, path string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	return w
}

// follow returns where the server's chain of 301s from path ends.
func follow(t *testing.T, h http.Handler, path string) string {
	t.Helper()
	for range 5 {
		resp := serve(h, path)
		if resp.Code != http.StatusMovedPermanently {
			if resp.Code != http.StatusOK {
				t.Errorf("GET %s: status %d", path, resp.Code)
			}
			return path
		}
		path = resp.Header().Get("Location")
	}
	t.Fatalf("redirect loop at %s", path)
	return ""
}

func TestFileName(t *testing.T) {
	tests := []struct {
		path, want string
		page, bad  bool
	}{
		{path: "/", want: "index.html", page: true},
		{path: "/guides", want: "guides/index.html", page: true},
		{path: "/compare/flask-vs-django/orm", want: "compare/flask-vs-django/orm/index.html", page: true},
		{path: "/compare/flask-vs-django/orm.json", want: "compare/flask-vs-django/orm.json"},
		{path: "/static/css/site.0123456789.css", want: "static/css/site.0123456789.css"},
		{path: "/sitemap.xml", want: "sitemap.xml"},
		{path: "", bad: true},
		{path: "guides", bad: true},
		{path: "/guides/", bad: true},
		{path: "/a/../b", bad: true},
		{path: "/a//b", bad: true},
		{path: `/a\b`, bad: true},
	}
	for _, tt := range tests {
		name, page, err := fileName(tt.path)
		if tt.bad {
			if err == nil {
				t.Errorf("fileName(%q) = %q, want an error", tt.path, name)
			}
			continue
		}
		if err != nil || name != tt.want || page != tt.page {
			t.Errorf("fileName(%q) = %q, %v, %v; want %q, %v", tt.path, name, page, err, tt.want, tt.page)
		}
	}
}

func TestWriteOutputFolder(t *testing.T) {
	out := newBuild(t, sitetest.FS())
	ctx := context.Background()

	t.Run("replaces a previous export", func(t *testing.T) {
		dir, _ := export(t, out)
		stale := filepath.Join(dir, "guides", "removed-guide", "index.html")
		if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Write(ctx, dir, out); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(stale); !os.IsNotExist(err) {
			t.Errorf("a file of the previous export is still there (stat: %v)", err)
		}
	})

	t.Run("uses an empty folder", func(t *testing.T) {
		dir := t.TempDir()
		if _, err := Write(ctx, dir, out); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
			t.Error(err)
		}
	})

	t.Run("refuses a folder with other files", func(t *testing.T) {
		dir := t.TempDir()
		mine := filepath.Join(dir, "notes.txt")
		if err := os.WriteFile(mine, []byte("keep me"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Write(ctx, dir, out)
		if err == nil || !strings.Contains(err.Error(), "not empty") {
			t.Errorf("err = %v, want one about a folder that is not empty", err)
		}
		if b, _ := os.ReadFile(mine); string(b) != "keep me" {
			t.Error("the folder's own file was changed")
		}
	})

	t.Run("refuses a file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "out")
		if err := os.WriteFile(file, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Write(ctx, file, out); err == nil || !strings.Contains(err.Error(), "is a file") {
			t.Errorf("err = %v, want one about a file", err)
		}
	})

	t.Run("stops when the context is cancelled", func(t *testing.T) {
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := Write(cancelled, filepath.Join(t.TempDir(), "out"), out); err == nil {
			t.Error("Write with a cancelled context succeeded")
		}
	})
}

// BenchmarkWrite measures a whole export of the shipped content (files and compressed
// copies), from the rendered server.
func BenchmarkWrite(b *testing.B) {
	out := newBuild(b, content.FS)
	dir := filepath.Join(b.TempDir(), "out")
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Write(ctx, dir, out); err != nil {
			b.Fatal(err)
		}
	}
}
