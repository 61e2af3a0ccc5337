package middleware

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestLimitURL(t *testing.T) {
	tooLong := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusRequestURITooLong) })
	h := LimitURL(100, tooLong)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	for _, tt := range []struct {
		target string
		want   int
	}{
		{"/" + strings.Repeat("a", 99), 200},
		{"/" + strings.Repeat("a", 100), 414},
		{"/?q=" + strings.Repeat("a", 100), 414},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, tt.target, nil))
		if w.Code != tt.want {
			t.Errorf("%d-byte target: %d, want %d", len(tt.target), w.Code, tt.want)
		}
	}
}
