package middleware

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCanonicalPath(t *testing.T) {
	var redirectedTo string
	h := CanonicalPath("/static/", func(w http.ResponseWriter, _ *http.Request, path string) {
		redirectedTo = path
		w.WriteHeader(http.StatusMovedPermanently)
	})(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	for _, tt := range []struct{ path, want string }{
		{"/guides", ""},
		{"/", ""},
		{"/guides/", "/guides"},
		{"/Compare/Flask-vs-Django//", "/compare/flask-vs-django"},
		{"/static/Site.ABC.css", ""}, // hashed asset names are case-sensitive
		{"//Evil.example/", ""},      // never a redirect to a scheme-relative URL
	} {
		redirectedTo = ""
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.URL.Path = tt.path
		h.ServeHTTP(w, r)
		if redirectedTo != tt.want {
			t.Errorf("%q redirected to %q, want %q", tt.path, redirectedTo, tt.want)
		}
	}
}
