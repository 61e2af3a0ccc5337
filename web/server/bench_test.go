package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/site"
)

func loadShipped(b *testing.B) *site.Site {
	b.Helper()
	s, err := site.Load(content.FS)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkRenderSite measures start-up: render every page and compress it.
func BenchmarkRenderSite(b *testing.B) {
	s := loadShipped(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := NewServer(Config{}, s, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkServePage measures serving a pre-rendered page with brotli.
func BenchmarkServePage(b *testing.B) {
	srv, err := NewServer(Config{}, loadShipped(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/compare/flask-vs-django", nil).WithContext(context.Background())
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		srv.ServeHTTP(w, req)
	}
	if w.status != http.StatusOK {
		b.Fatalf("status %d", w.status)
	}
}

// discardWriter is a ResponseWriter that keeps nothing, so the benchmark measures the
// server alone.
type discardWriter struct {
	h      http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *discardWriter) WriteHeader(status int)      { w.status = status }
