package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// FuzzRequest sends arbitrary paths and queries through the whole handler: it must never
// panic or answer 500, and redirects must stay on this site.
func FuzzRequest(f *testing.F) {
	srv := newTestServer(f)
	for _, seed := range []string{
		"/", "/compare/flask-vs-django?cat=data,x&diff=2&q=orm", "/compare/Django-vs-Flask/ORM/",
		"/static/../go.mod", "/guides/%2e%2e/", "//evil.example/", "/search?q=%ff", "/compare/flask-vs-django/choose?x=1",
		"/compare/flask-vs-django/database.json", "/frameworks/", "/\\evil",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, target string) {
		u, err := url.ParseRequestURI(target)
		if err != nil || u.Host != "" {
			return // not something an HTTP server receives as a request target
		}
		req := httptest.NewRequest(http.MethodGet, "http://versus.example/", nil)
		req.URL = u
		req.RequestURI = target
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%q: status %d", target, w.Code)
		}
		if loc := w.Header().Get("Location"); loc != "" {
			if l, err := url.Parse(loc); err != nil || l.Host != "" || len(loc) > 1 && loc[1] == '/' {
				t.Fatalf("%q redirects off the site to %q", target, loc)
			}
		}
	})
}
