package middleware

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRequestIDKeepsASaneIncomingIDWhenTrusted(t *testing.T) {
	h := RequestID(true)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	for _, tt := range []struct{ incoming, want string }{
		{"abc-123", "abc-123"},
		{strings.Repeat("a", 64), strings.Repeat("a", 64)},
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set(RequestIDHeader, tt.incoming)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if got := w.Header().Get(RequestIDHeader); got != tt.want {
			t.Errorf("incoming %q: id %q, want %q", tt.incoming, got, tt.want)
		}
	}
}

func TestRequestIDReplacesAnUnsafeIncomingID(t *testing.T) {
	h := RequestID(true)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	for _, incoming := range []string{"", "has space", "tab\there", strings.Repeat("a", 65), "naïve"} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		if incoming != "" {
			r.Header[RequestIDHeader] = []string{incoming}
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		got := w.Header().Get(RequestIDHeader)
		if got == incoming || !saneRequestID(got) {
			t.Errorf("incoming %q: id %q", incoming, got)
		}
	}
	// Two ids for the same request header, too, are not trusted.
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Header[RequestIDHeader] = []string{"a", "b"}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if got := w.Header().Get(RequestIDHeader); got == "a" || got == "b" {
		t.Errorf("repeated header: id %q", got)
	}
}

// TestRequestIDIgnoresAnUntrustedIncomingID: without trust, even a sane id from the
// client is replaced.
func TestRequestIDIgnoresAnUntrustedIncomingID(t *testing.T) {
	h := RequestID(false)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Header.Set(RequestIDHeader, "abc-123")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if got := w.Header().Get(RequestIDHeader); got == "abc-123" || !saneRequestID(got) {
		t.Errorf("id %q", got)
	}
}

// TestRequestIDsAreUniqueAcrossBatches: ids made here never repeat, within a batch and
// from one batch to the next, and each header value holds exactly one id.
func TestRequestIDsAreUniqueAcrossBatches(t *testing.T) {
	ids := newIDSource()
	seen := map[string]bool{}
	for range 3*idBatch + 5 {
		v := ids.next()
		if len(v) != 1 || cap(v) != 1 {
			t.Fatalf("header value %q has length %d and capacity %d, want 1 and 1", v, len(v), cap(v))
		}
		if seen[v[0]] || !strings.HasPrefix(v[0], ids.prefix) {
			t.Fatalf("id %q repeated or without the process prefix %q", v[0], ids.prefix)
		}
		seen[v[0]] = true
	}
	if other := newIDSource(); other.prefix == ids.prefix {
		t.Errorf("two sources share the prefix %q", ids.prefix)
	}
}
