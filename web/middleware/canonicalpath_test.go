package middleware

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCanonicalPath(t *testing.T) {
	var redirectedTo string
	notFound := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		redirectedTo = "404"
		w.WriteHeader(http.StatusNotFound)
	})
	h := CanonicalPath("/static/", func(w http.ResponseWriter, _ *http.Request, path string) {
		redirectedTo = path
		w.WriteHeader(http.StatusMovedPermanently)
	}, notFound)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	for _, tt := range []struct{ path, want string }{
		{"/guides", ""},
		{"/", ""},
		{"/guides/", "/guides"},
		{"/Compare/Flask-vs-Django//", "/compare/flask-vs-django"},
		{"/static/Site.ABC.css", ""}, // hashed asset names are case-sensitive
		{"//Evil.example/", ""},      // never a redirect to a scheme-relative URL
		{"/compare/flask-vs-django%2Form", "404"},
		{"/static/css%2fsite.abc.css", "404"},
		{"/guides/%73tart-here", "/guides/start-here"},
		{"/static/css/%53ite.abc.css", "/static/css/Site.abc.css"},
		{"/guides/start-here", ""},
	} {
		redirectedTo = ""
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		if err := r.URL.UnmarshalBinary([]byte(tt.path)); err != nil {
			t.Fatal(err)
		}
		h.ServeHTTP(w, r)
		if redirectedTo != tt.want {
			t.Errorf("%q redirected to %q, want %q", tt.path, redirectedTo, tt.want)
		}
	}
}
