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
// through the same http.Server: what net/http alone costs for that response. The last path
// is a filtered view (made by the first request, then served from the views' cache).
func BenchmarkHTTPServer(b *testing.B) {
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	srv := newServer(b, loadShipped(b), pages.Config{}, Config{}, logger)
	for _, path := range []string{"/", "/compare/flask-vs-django", "/compare/flask-vs-django/orm", "/compare/flask-vs-django?wins=django"} {
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
			b.Run(strings.ReplaceAll(strings.TrimPrefix(path, "/"), "?", "/")+"/"+variant.name, func(b *testing.B) {
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

// BenchmarkFiltered measures a view of a table against the stored page, through the same
// router, middleware and log line as BenchmarkServePage: "stored" is the whole table;
// "cached" a view made before (the tally's link to the rows Django wins); "miss" a view
// made on every request (two views alternate in a cache with room for one): the 39 rows
// Django wins, and ?q=e, which keeps nearly every row, the dearest view there is; "bad" a
// query that is not a view (380 bogus categories, 1.9 KB), answered with the filter's 400 page.
func BenchmarkFiltered(b *testing.B) {
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	srv := newServer(b, loadShipped(b), pages.Config{}, Config{}, logger)
	const pair = "/compare/flask-vs-django"
	run := func(b *testing.B, status int, targets ...string) {
		reqs := make([]*http.Request, len(targets))
		for i, target := range targets {
			reqs[i] = httptest.NewRequest(http.MethodGet, target, nil).WithContext(context.Background())
			reqs[i].Header.Set("Accept-Encoding", "gzip, br")
		}
		w := &discardWriter{h: http.Header{}}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			clear(w.h)
			srv.ServeHTTP(w, reqs[i%len(reqs)])
			i++
		}
		if w.status != status {
			b.Fatalf("status %d", w.status)
		}
	}
	b.Run("stored", func(b *testing.B) { run(b, http.StatusOK, pair) })
	b.Run("cached", func(b *testing.B) { run(b, http.StatusOK, pair+"?wins=django") })
	b.Run("miss/wins=django", func(b *testing.B) {
		srv.views = newViews(0, 0, viewRenderers, viewRenderWait)
		run(b, http.StatusOK, pair+"?wins=django", pair+"?wins=django&diff=1")
	})
	b.Run("miss/q=e", func(b *testing.B) {
		srv.views = newViews(0, 0, viewRenderers, viewRenderWait)
		run(b, http.StatusOK, pair+"?q=e", pair+"?q=a")
	})
	b.Run("bad", func(b *testing.B) {
		run(b, http.StatusBadRequest, pair+"?cat="+strings.Repeat("nope,", 380)) // 1.9 KB
	})
}
