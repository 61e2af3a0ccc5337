package server

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/pages"
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

// BenchmarkServePage measures the site's own work for a pre-rendered page in the default
// configuration (a JSON log line per request, at info level): router, middleware,
// request id, log line and store lookup, without net/http's connection handling. The
// header map is reused, as net/http's is not, so that allocations in this benchmark are
// the site's own (and chi's per-request context).
func BenchmarkServePage(b *testing.B) {
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	srv := newServer(b, loadShipped(b), pages.Config{}, Config{}, logger)
	for _, path := range []string{"/", "/compare/flask-vs-django", "/compare/flask-vs-django/orm"} {
		b.Run(strings.TrimPrefix(path, "/"), func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path, nil).WithContext(context.Background())
			req.Header.Set("Accept-Encoding", "gzip")
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				srv.ServeHTTP(w, req)
			}
			if w.status != http.StatusOK {
				b.Fatalf("status %d", w.status)
			}
		})
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

// BenchmarkHTTPServer measures a page served through the hardened http.Server over a
// keep-alive loopback connection, in the default configuration (a JSON log line per
// request): everything the server process does for a request, net/http's own work
// included. The client side reads raw bytes and allocates nothing. Beside each page,
// "floor" serves the very same headers and body from a handler that does nothing else,
// through the same http.Server: what net/http alone costs for that response.
func BenchmarkHTTPServer(b *testing.B) {
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	srv := newServer(b, loadShipped(b), pages.Config{}, Config{}, logger)
	for _, path := range []string{"/", "/compare/flask-vs-django", "/compare/flask-vs-django/orm"} {
		request := []byte("GET " + path + " HTTP/1.1\r\nHost: versus.example\r\nAccept-Encoding: gzip\r\nX-Request-Id: benchmark\r\n\r\n")
		rec, req := httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		req.Header.Set("X-Request-Id", "benchmark")
		srv.ServeHTTP(rec, req)
		header, body := rec.Header().Clone(), rec.Body.Bytes()
		floor := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			h := w.Header()
			for k, v := range header {
				h[k] = v
			}
			_, _ = w.Write(body)
		})
		for _, variant := range []struct {
			name string
			h    http.Handler
		}{{"site", srv}, {"floor", floor}} {
			addr := listen(b, variant.h)
			b.Run(strings.TrimPrefix(path, "/")+"/"+variant.name, func(b *testing.B) {
				conn, err := net.Dial("tcp", addr)
				if err != nil {
					b.Fatal(err)
				}
				defer conn.Close()
				size := responseSize(b, conn, request)
				buf := make([]byte, 64<<10)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := conn.Write(request); err != nil {
						b.Fatal(err)
					}
					if _, err := io.ReadFull(conn, buf[:size]); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// responseSize sends request once and returns the size of the whole response, which is
// the same every time (the Date header has a fixed length, the request id is given).
func responseSize(b *testing.B, conn net.Conn, request []byte) int {
	b.Helper()
	if _, err := conn.Write(request); err != nil {
		b.Fatal(err)
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		b.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || br.Buffered() != 0 {
		b.Fatalf("status %d, %d bytes left over", resp.StatusCode, br.Buffered())
	}
	var head bytes.Buffer
	resp.Body = nil
	_ = resp.Header.Write(&head)
	// Status line + headers as written + blank line + body.
	return len("HTTP/1.1 200 OK\r\n") + head.Len() + 2 + len(body)
}
