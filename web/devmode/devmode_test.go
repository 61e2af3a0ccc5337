package devmode

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/server"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

// writeFixture writes the fixture content into a folder, as an author would have it.
func writeFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range sitetest.FS() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func builder(dir string) BuildFunc {
	return func() (http.Handler, error) {
		s, err := site.Load(os.DirFS(dir))
		if err != nil {
			return nil, err
		}
		out, err := build.Site(context.Background(), s, build.Config{})
		if err != nil {
			return nil, err
		}
		return server.New(server.Config{}, out, nil), nil
	}
}

func body(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	b, _ := io.ReadAll(w.Result().Body)
	return w.Code, string(b)
}

func TestBrokenEditKeepsLastGoodPageAndShowsProblems(t *testing.T) {
	dir := writeFixture(t)
	r, err := New(builder(dir), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rowFile := filepath.Join(dir, "comparisons", "flask-vs-django", "rows", "orm.md")
	good, _ := os.ReadFile(rowFile)

	code, page := body(t, r, "/compare/flask-vs-django/orm")
	if code != 200 || !strings.Contains(page, `<script src="/_dev/reload.js" defer></script>`) || strings.Contains(page, "dev-problems") {
		t.Fatalf("first build: %d, reload script or unexpected banner: %.200s", code, page)
	}

	// A broken edit: the last good page stays, with the problem on it.
	if err := os.WriteFile(rowFile, []byte(strings.Replace(string(good), "verdict: django", "verdict: nobody", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	r.Rebuild()
	code, page = body(t, r, "/compare/flask-vs-django/orm")
	if code != 200 || !strings.Contains(page, "dev-problems") || !strings.Contains(page, `orm.md:7: verdict &#34;nobody&#34;`) {
		t.Fatalf("broken edit: %d; page should keep the old content and list the problem", code)
	}
	if !strings.Contains(page, "<h1>ORM</h1>") {
		t.Error("the last good version is not served")
	}
	if _, other := body(t, r, "/guides/start-here"); !strings.Contains(other, "dev-problems") {
		t.Error("the problems are not shown on every page")
	}

	// Fixing it recovers, with the new content.
	if err := os.WriteFile(rowFile, []byte(strings.Replace(string(good), "title: ORM", "title: Object-relational mapping", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	r.Rebuild()
	if len(r.Problems()) != 0 {
		t.Fatalf("problems after the fix: %v", r.Problems())
	}
	if _, page = body(t, r, "/compare/flask-vs-django/orm"); strings.Contains(page, "dev-problems") || !strings.Contains(page, "Object-relational mapping") {
		t.Error("the fixed content is not served")
	}
}

func TestWatchRebuildsAndNotifiesOpenPages(t *testing.T) {
	dir := writeFixture(t)
	r, err := New(builder(dir), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.interval = 20 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go r.Watch(ctx)

	ts := httptest.NewServer(r)
	defer ts.Close()
	resp, err := http.Get(ts.URL + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("events Content-Type = %q", resp.Header.Get("Content-Type"))
	}
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	time.Sleep(100 * time.Millisecond) // let the stream register before the edit
	guide := filepath.Join(dir, "guides", "start-here.md")
	data, _ := os.ReadFile(guide)
	if err := os.WriteFile(guide, append(data, []byte("\nMore text.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(5 * time.Second)
	for {
		select {
		case l := <-lines:
			if l == "event: reload" {
				return
			}
		case <-deadline:
			t.Fatal("no reload event after a save")
		}
	}
}

func TestFirstBuildMustSucceed(t *testing.T) {
	_, err := New(func() (http.Handler, error) { return nil, errors.New("broken") }, nil, nil)
	if err == nil {
		t.Fatal("New accepted a broken first build")
	}
}

// TestCloseEndsTheEventStreams: a server shutting down closes the streams of open pages
// (which would otherwise last until the tab is closed); a stream opened afterwards ends at
// once.
func TestCloseEndsTheEventStreams(t *testing.T) {
	r, err := New(builder(writeFixture(t)), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(r)
	defer ts.Close()
	resp, err := http.Get(ts.URL + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	ended := make(chan error, 1)
	go func() {
		_, err := io.Copy(io.Discard, resp.Body)
		ended <- err
	}()
	r.Close()
	select {
	case err := <-ended:
		if err != nil {
			t.Errorf("the stream ended with %v, want a clean end", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the event stream is still open 5 s after Close")
	}
	late, err := http.Get(ts.URL + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer late.Body.Close()
	if late.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("a stream opened after Close: status %d, want 503", late.StatusCode)
	}
}
