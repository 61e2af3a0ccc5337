package server

import (
	"net/http"
	"strings"
	"testing"
)

func TestFilters(t *testing.T) {
	srv := newTestServer(t)
	for _, query := range []string{
		"cat=data", "cat=data,security", "cat=data&cat=security", "q=csrfprotect", "q=DJANGO+ORM", "diff=1",
		"wins=&cat=security&q=", "q=" + strings.Repeat("x", 100),
	} {
		t.Run(query, func(t *testing.T) {
			resp := get(t, srv, http.MethodGet, "/compare/flask-vs-django?"+query)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
		})
	}
	if resp := get(t, srv, http.MethodGet, "/compare/flask-vs-django?q="+strings.Repeat("a", 3000)); resp.StatusCode != http.StatusRequestURITooLong {
		t.Errorf("oversized query: status %d", resp.StatusCode)
	}
}

func TestMachineReadableTwinsContentType(t *testing.T) {
	srv := shippedServer(t)
	resp := get(t, srv, http.MethodGet, "/compare/flask-vs-django.json")
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("JSON Content-Type = %q", ct)
	}
}
