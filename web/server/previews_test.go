package server

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/preview"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func TestPreviewOfARow(t *testing.T) {
	srv := newTestServer(t)
	const path = "/preview/compare/flask-vs-django/orm.png"
	resp := get(t, srv, http.MethodGet, path)
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	img, err := png.Decode(bytes.NewReader(body))
	if err != nil || img.Bounds().Dx() != preview.Width || img.Bounds().Dy() != preview.Height {
		t.Fatalf("not a %d×%d PNG: %v", preview.Width, preview.Height, err)
	}
	etag := resp.Header.Get("Etag")
	if etag != build.ETag(body) || resp.Header.Get("Cache-Control") != "max-age=86400" || resp.Header.Get("Content-Length") != strconv.Itoa(len(body)) {
		t.Errorf("headers: %v", resp.Header)
	}
	// Other sites show the image; the pages stay same-origin.
	if got := resp.Header.Get("Cross-Origin-Resource-Policy"); got != "cross-origin" {
		t.Errorf("Cross-Origin-Resource-Policy %q", got)
	}
	if got := get(t, srv, http.MethodGet, "/preview/compare/flask-vs-django/nothing.png").Header.Get("Cross-Origin-Resource-Policy"); got != "same-origin" {
		t.Errorf("the 404 page of an image path has Cross-Origin-Resource-Policy %q", got)
	}

	again := get(t, srv, http.MethodGet, path, "If-None-Match", etag)
	if again.StatusCode != http.StatusNotModified || again.Header.Get("Etag") != etag {
		t.Errorf("If-None-Match: %d, ETag %q", again.StatusCode, again.Header.Get("Etag"))
	}
	head := get(t, srv, http.MethodHead, path)
	if b, _ := io.ReadAll(head.Body); head.StatusCode != http.StatusOK || len(b) != 0 || head.Header.Get("Content-Length") != resp.Header.Get("Content-Length") {
		t.Errorf("HEAD: %d, %d bytes of body, Content-Length %s", head.StatusCode, len(b), head.Header.Get("Content-Length"))
	}
	if other := get(t, srv, http.MethodGet, path, "If-None-Match", `"something-else"`); other.StatusCode != http.StatusOK {
		t.Errorf("a stale If-None-Match: %d", other.StatusCode)
	}
}

func TestPreviewOfNoPageIsNotFound(t *testing.T) {
	srv := newTestServer(t)
	for _, path := range []string{
		"/preview/compare/flask-vs-django/no-such-row.png",
		"/preview/compare/django-vs-flask/orm.png", // images have one address, the canonical page's
		"/preview/compare/flask-vs-django/orm.jpg",
		"/preview/errors/299.png",
		"/preview",
	} {
		resp := get(t, srv, http.MethodGet, path)
		if resp.StatusCode != http.StatusNotFound || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: %d %s, want the 404 page", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
}

// TestEveryPagesPreviewIsServed walks the build: every page the server stores or renders
// per request has an og:image under the base URL, and the server answers it with a PNG.
func TestEveryPagesPreviewIsServed(t *testing.T) {
	s, err := site.Load(sitetest.ThreeFS())
	if err != nil {
		t.Fatal(err)
	}
	out, err := build.Site(context.Background(), s, build.Config{Pages: pages.Config{BaseURL: "https://versus.example/sub"}})
	if err != nil {
		t.Fatal(err)
	}
	srv := New(Config{}, out, nil)
	var paths []string
	for _, f := range out.Files {
		if f.ContentType == pages.HTMLType {
			paths = append(paths, f.Path)
		}
	}
	if len(paths) < 10 {
		t.Fatalf("only %d pages", len(paths))
	}
	paths = append(paths, "/search?q=orm", "/compare/flask-vs-django?cat=data", "/compare/flask-vs-django/choose?x=1",
		"/no-such-page", "/compare?a=flask")
	images := map[string]string{}
	for _, path := range paths {
		resp := get(t, srv, http.MethodGet, path)
		img, ok := document(t, resp).Find(`meta[property="og:image"]`).Attr("content")
		if !ok || !strings.HasPrefix(img, "https://versus.example/sub/preview/") {
			t.Errorf("GET %s (%d): og:image %q", path, resp.StatusCode, img)
			continue
		}
		images[strings.TrimPrefix(img, "https://versus.example/sub")] = path
	}
	if len(images) < len(out.Files)/3 {
		t.Errorf("%d distinct images for %d pages", len(images), len(paths))
	}
	for img, page := range images {
		resp := get(t, srv, http.MethodGet, img)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/png" {
			t.Errorf("GET %s (the og:image of %s): %d %s", img, page, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	if _, ok := images["/preview/errors/404.png"]; !ok {
		t.Error("the 404 page does not show the 404 image")
	}
}

// fakeDrawing stands in for preview.Draw: it counts drawings, how many ran at once, and
// holds each until release is closed.
type fakeDrawing struct {
	release          chan struct{}
	running, most, n atomic.Int32
	bytes            int
}

func (f *fakeDrawing) draw(c preview.Card) ([]byte, error) {
	f.n.Add(1)
	now := f.running.Add(1)
	for {
		most := f.most.Load()
		if now <= most || f.most.CompareAndSwap(most, now) {
			break
		}
	}
	<-f.release
	f.running.Add(-1)
	return bytes.Repeat([]byte(c.Title), f.bytes/len(c.Title)), nil
}

func testPreviews(n, maxBytes, drawers int) (*previews, *fakeDrawing, []string) {
	cards := preview.Set{}
	var paths []string
	for i := range n {
		path := "/preview/" + strings.Repeat("x", i+1) + ".png"
		cards[path] = preview.Card{Title: "card " + path}
		paths = append(paths, path)
	}
	fake := &fakeDrawing{release: make(chan struct{}), bytes: 1000}
	p := newPreviews(cards, maxBytes, drawers)
	p.draw = fake.draw
	return p, fake, paths
}

func TestPreviewsAreDrawnAFewAtATimeAndOnce(t *testing.T) {
	p, fake, paths := testPreviews(8, 1<<20, 2)
	var wg sync.WaitGroup
	for range 5 { // five requests for each image at once
		for _, path := range paths {
			wg.Go(func() {
				if _, err := p.image(context.Background(), path); err != nil {
					t.Error(err)
				}
			})
		}
	}
	time.Sleep(50 * time.Millisecond)
	close(fake.release)
	wg.Wait()
	if most := fake.most.Load(); most != 2 {
		t.Errorf("%d drawings at once, want the bound of 2", most)
	}
	if n := fake.n.Load(); n != int32(len(paths)) {
		t.Errorf("%d drawings for %d images requested five times each", n, len(paths))
	}
}

func TestPreviewCacheStaysWithinItsBudget(t *testing.T) {
	p, fake, paths := testPreviews(10, 3500, 1) // room for three images of ~1000 bytes
	close(fake.release)
	for _, path := range paths {
		if _, err := p.image(context.Background(), path); err != nil {
			t.Fatal(err)
		}
	}
	drawn, size, cached := p.stats()
	if drawn != 10 || cached != 3 || size > 3500 {
		t.Errorf("drawn %d, cached %d images in %d bytes; want 10, 3, at most 3500", drawn, cached, size)
	}
	// The first image was dropped, but its ETag is kept: a revalidation needs no drawing.
	if _, ok := p.etag(paths[0]); !ok {
		t.Error("the ETag of a dropped image is forgotten")
	}
	if p.cached(paths[0]) != nil || p.cached(paths[9]) == nil {
		t.Error("the cache does not keep the most recent images")
	}
	if _, err := p.image(context.Background(), paths[0]); err != nil || fake.n.Load() != 11 {
		t.Errorf("a dropped image is not drawn again (err %v, %d drawings)", err, fake.n.Load())
	}
}

func TestPreviewRequestGivesUpWithItsClient(t *testing.T) {
	p, fake, paths := testPreviews(2, 1<<20, 1)
	first := make(chan error)
	go func() { _, err := p.image(context.Background(), paths[0]); first <- err }()
	for fake.running.Load() == 0 {
		time.Sleep(time.Millisecond) // until the first image holds the one drawer
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	if _, err := p.image(ctx, paths[1]); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting for a drawer past the deadline: %v", err)
	}
	close(fake.release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	// The abandoned drawing still finishes and is cached for the next request.
	if _, err := p.image(context.Background(), paths[1]); err != nil {
		t.Fatal(err)
	}
	if n := fake.n.Load(); n != 2 {
		t.Errorf("%d drawings, want 2", n)
	}
}

func TestPreviewServedOverHTTPWithBoundedWork(t *testing.T) {
	srv := newTestServer(t)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	// A flood of requests for every image at once is answered, each image drawn once.
	var paths []string
	for path := range srv.previews.cards {
		paths = append(paths, path)
	}
	var wg sync.WaitGroup
	for range 4 {
		for _, path := range paths {
			wg.Go(func() {
				resp, err := http.Get(ts.URL + path)
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					t.Errorf("GET %s: %d", path, resp.StatusCode)
				}
			})
		}
	}
	wg.Wait()
	if drawn, _, _ := srv.previews.stats(); drawn != len(paths) {
		t.Errorf("%d drawings for %d images", drawn, len(paths))
	}
}
