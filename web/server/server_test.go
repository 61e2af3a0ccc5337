package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/brotli"

	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func newTestServer(t testing.TB) *Server {
	t.Helper()
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	return newServer(t, s, pages.Config{BaseURL: "https://versus.example"}, Config{}, nil)
}

// newServer builds s and serves it.
func newServer(t testing.TB, s *site.Site, pc pages.Config, cfg Config, logger *slog.Logger) *Server {
	t.Helper()
	out, err := build.Site(context.Background(), s, build.Config{Pages: pc})
	if err != nil {
		t.Fatal(err)
	}
	return New(cfg, out, logger)
}

func get(t *testing.T, h http.Handler, method, path string, headers ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w.Result()
}

func document(t *testing.T, resp *http.Response) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestEveryPageType(t *testing.T) {
	srv := newTestServer(t)
	for _, path := range []string{"/", "/compare/flask-vs-django", "/compare/flask-vs-django/orm", "/guides", "/guides/start-here", "/frameworks/flask"} {
		t.Run(path, func(t *testing.T) {
			resp := get(t, srv, http.MethodGet, path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status = %d", resp.StatusCode)
			}
			if resp.Header.Get("Content-Length") == "" || resp.Header.Get("Etag") == "" {
				t.Errorf("missing Content-Length or ETag: %v", resp.Header)
			}
		})
	}
}

func TestEncodingsAndConditionalRequests(t *testing.T) {
	srv := newTestServer(t)
	const path = "/compare/flask-vs-django"
	plain := get(t, srv, http.MethodGet, path)
	want, _ := io.ReadAll(plain.Body)

	for _, tt := range []struct{ accept, encoding string }{
		{"", ""}, {"gzip", "gzip"}, {"gzip, deflate, br", "br"}, {"br;q=0, gzip", "gzip"}, {"identity", ""},
	} {
		resp := get(t, srv, http.MethodGet, path, "Accept-Encoding", tt.accept)
		if got := resp.Header.Get("Content-Encoding"); got != tt.encoding {
			t.Errorf("Accept-Encoding %q: Content-Encoding = %q, want %q", tt.accept, got, tt.encoding)
		}
		if resp.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary = %q", tt.accept, resp.Header.Get("Vary"))
		}
		raw, _ := io.ReadAll(resp.Body)
		if resp.Header.Get("Content-Length") != strconv.Itoa(len(raw)) {
			t.Errorf("Content-Length %s for %d bytes", resp.Header.Get("Content-Length"), len(raw))
		}
		var body []byte
		switch tt.encoding {
		case "gzip":
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			body, _ = io.ReadAll(zr)
		case "br":
			body, _ = io.ReadAll(brotli.NewReader(bytes.NewReader(raw)))
		default:
			body = raw
		}
		if !bytes.Equal(body, want) {
			t.Errorf("Accept-Encoding %q: decoded body differs from the identity body", tt.accept)
		}
		etag := resp.Header.Get("Etag")
		again := get(t, srv, http.MethodGet, path, "Accept-Encoding", tt.accept, "If-None-Match", etag)
		if again.StatusCode != http.StatusNotModified {
			t.Errorf("If-None-Match %s: status %d, want 304", etag, again.StatusCode)
		}
	}
	if resp := get(t, srv, http.MethodGet, path, "If-None-Match", `"stale"`); resp.StatusCode != http.StatusOK {
		t.Errorf("stale ETag: status %d, want 200", resp.StatusCode)
	}
}

func TestHeadAndMethods(t *testing.T) {
	srv := newTestServer(t)
	head := get(t, srv, http.MethodHead, "/compare/flask-vs-django/orm", "Accept-Encoding", "gzip")
	body, _ := io.ReadAll(head.Body)
	if head.StatusCode != http.StatusOK || len(body) != 0 || head.Header.Get("Content-Length") == "" {
		t.Errorf("HEAD: status %d, %d body bytes, Content-Length %q", head.StatusCode, len(body), head.Header.Get("Content-Length"))
	}
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
		resp := get(t, srv, m, "/compare/flask-vs-django")
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: status %d, Allow %q", m, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
}

func TestRedirects(t *testing.T) {
	srv := newTestServer(t)
	tests := []struct{ from, to string }{
		{"/compare/flask-vs-django/database", "/compare/flask-vs-django/orm"},
		{"/compare/django-vs-flask", "/compare/flask-vs-django"},
		{"/compare/django-vs-flask/orm", "/compare/flask-vs-django/orm"},
		{"/compare/Flask-vs-Django", "/compare/flask-vs-django"},
		{"/compare/flask-vs-django/", "/compare/flask-vs-django"},
		{"/guides/", "/guides"},
		{"/compare/django-vs-flask?cat=data", "/compare/flask-vs-django?cat=data"},
	}
	for _, tt := range tests {
		resp := get(t, srv, http.MethodGet, tt.from)
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != tt.to {
			t.Errorf("%s: %d → %q, want 301 → %q", tt.from, resp.StatusCode, resp.Header.Get("Location"), tt.to)
		}
	}
}

func TestNotFound(t *testing.T) {
	srv := newTestServer(t)
	resp := get(t, srv, http.MethodGet, "/compare/flask-vs-django/ormm")
	if resp.StatusCode != http.StatusNotFound || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("status = %d, Cache-Control %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	// The 404 page offers the search results for the words of the path, typos and all.
	doc := document(t, resp)
	if href := doc.Find(".not-found-search .results a").First().AttrOr("href", ""); href != "/compare/flask-vs-django/orm" {
		t.Errorf("first result %q, want the orm row", href)
	}
	if q := doc.Find(".not-found-search input[name=q]").AttrOr("value", ""); q != "flask django ormm" {
		t.Errorf("the search form holds %q", q)
	}
	// No search for a static asset's path.
	for _, p := range []string{"/static/css/missing.css", "/favicon.ico", "/apple-touch-icon.png"} {
		resp := get(t, srv, http.MethodGet, p)
		if resp.StatusCode != http.StatusNotFound || document(t, resp).Find(".not-found-search").Length() != 0 {
			t.Errorf("%s: %d, searched", p, resp.StatusCode)
		}
	}
	for _, p := range []string{"/nope", "/compare/nope-vs-nada", "/compare/flask-vs-django/x/y", "/static/../go.mod", "/guides/" + strings.Repeat("a", 3000)} {
		if got := get(t, srv, http.MethodGet, p).StatusCode; got != http.StatusNotFound && got != http.StatusMovedPermanently {
			t.Errorf("%s: status %d", p, got)
		}
	}
}

func TestStaticAssetsAreImmutable(t *testing.T) {
	srv := newTestServer(t)
	doc := document(t, get(t, srv, http.MethodGet, "/"))
	for _, sel := range []string{`link[rel=stylesheet]`} {
		doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
			href, _ := s.Attr("href")
			resp := get(t, srv, http.MethodGet, href, "Accept-Encoding", "br")
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "max-age=31536000, immutable" {
				t.Errorf("%s: %d, Cache-Control %q", href, resp.StatusCode, resp.Header.Get("Cache-Control"))
			}
			if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") {
				t.Errorf("%s: Content-Type %q", href, resp.Header.Get("Content-Type"))
			}
		})
	}
	if got := get(t, srv, http.MethodGet, "/").Header.Get("Cache-Control"); got != "max-age=300, must-revalidate" {
		t.Errorf("page Cache-Control = %q", got)
	}
}

func TestProbes(t *testing.T) {
	srv := newTestServer(t)
	for _, p := range []string{"/healthz", "/readyz"} {
		if got := get(t, srv, http.MethodGet, p).StatusCode; got != http.StatusOK {
			t.Errorf("%s: %d", p, got)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	resp := get(t, newTestServer(t), http.MethodGet, "/nope")
	csp := resp.Header.Get("Content-Security-Policy")
	if csp == "" || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP = %q", csp)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("missing nosniff")
	}
}

// TestEncodedPathsAreNotSecondAddresses: a page has one address. An encoded slash names a
// path that does not exist (a pair called "flask-vs-django/orm"), so it is a 404, not the
// row page; a character encoded for no reason is redirected to the plain form.
func TestEncodedPathsAreNotSecondAddresses(t *testing.T) {
	srv := newTestServer(t)
	for _, tt := range []struct {
		target   string
		status   int
		location string
	}{
		{"/compare/flask-vs-django%2form", http.StatusNotFound, ""},
		{"/compare/flask-vs-django%2Form.json", http.StatusNotFound, ""},
		{"/compare%2fflask-vs-django", http.StatusNotFound, ""},
		{"/compare/%66lask-vs-django", http.StatusMovedPermanently, "/compare/flask-vs-django"},
		{"/compare/flask-vs-django/%6Frm?x=1", http.StatusMovedPermanently, "/compare/flask-vs-django/orm?x=1"},
		{"/compare/flask-vs-django/orm", http.StatusOK, ""},
	} {
		resp := get(t, srv, http.MethodGet, tt.target)
		if resp.StatusCode != tt.status || resp.Header.Get("Location") != tt.location {
			t.Errorf("GET %s: %d to %q, want %d to %q", tt.target, resp.StatusCode, resp.Header.Get("Location"), tt.status, tt.location)
		}
	}
}
