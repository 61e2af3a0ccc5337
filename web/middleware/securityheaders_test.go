package middleware

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestSecurityHeaders(t *testing.T) {
	serve := func(hsts time.Duration) http.Header {
		w := httptest.NewRecorder()
		SecurityHeaders(hsts)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})).
			ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
		return w.Header()
	}
	h := serve(0)
	if csp := h.Get("Content-Security-Policy"); csp == "" || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
	for _, name := range []string{"X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy"} {
		if h.Get(name) == "" {
			t.Errorf("no %s", name)
		}
	}
	if got := h.Get("Strict-Transport-Security"); got != "" {
		t.Errorf("HSTS sent when off: %q", got)
	}
	if got := serve(365 * 24 * time.Hour).Get("Strict-Transport-Security"); got != "max-age=31536000; includeSubDomains" {
		t.Errorf("HSTS %q", got)
	}
}

// BenchmarkSecurityHeaders measures setting the headers on a response, with HSTS on.
func BenchmarkSecurityHeaders(b *testing.B) {
	handler := SecurityHeaders(time.Hour)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	w, r := httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil)
	b.ReportAllocs()
	for b.Loop() {
		clear(w.Header())
		handler.ServeHTTP(w, r)
	}
}
