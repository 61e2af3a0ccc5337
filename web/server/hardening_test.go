package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

// listen serves h through the hardened http.Server on 127.0.0.1 and returns its address.
func listen(t testing.TB, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := NewHTTPServer(h, nil)
	go func() { _ = hs.Serve(ln) }()
	t.Cleanup(func() { _ = hs.Close() })
	return ln.Addr().String()
}

// exchange writes raw bytes to a new connection (half-closing it after them when
// halfClose is set) and reads every response until the server closes the connection or
// two seconds pass. closed reports whether the server closed it.
func exchange(t *testing.T, addr, raw string, halfClose bool) (responses []*http.Response, closed bool) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(2 * time.Second))
	if _, err := io.WriteString(conn, raw); err != nil {
		t.Fatal(err)
	}
	if halfClose {
		_ = conn.(*net.TCPConn).CloseWrite()
	}
	br := bufio.NewReader(conn)
	for {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			var ne net.Error
			return responses, !(errors.As(err, &ne) && ne.Timeout())
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		responses = append(responses, resp)
	}
}

// statusOf sends one raw request and returns the status of the one answer.
func statusOf(t *testing.T, addr, raw string) int {
	t.Helper()
	responses, _ := exchange(t, addr, raw, false)
	if len(responses) != 1 {
		t.Fatalf("%q: %d responses, want 1", raw, len(responses))
	}
	return responses[0].StatusCode
}

func TestBadRequests(t *testing.T) {
	addr := listen(t, newTestServer(t))
	req := func(target string, extra string) string {
		return "GET " + target + " HTTP/1.1\r\nHost: versus.example\r\n" + extra + "Connection: close\r\n\r\n"
	}
	tests := []struct {
		name   string
		raw    string
		status int
	}{
		{"page", req("/compare/flask-vs-django", ""), 200},
		{"traversal", req("/static/../go.mod", ""), 404},
		{"encoded traversal", req("/static/%2e%2e/go.mod", ""), 404},
		{"double-encoded traversal", req("/static/%252e%252e/go.mod", ""), 404},
		{"encoded slash", req("/static/..%2fgo.mod", ""), 404},
		{"over-long URL", req("/guides/"+strings.Repeat("a", 5000), ""), 414},
		{"oversized headers", req("/", "X-Big: "+strings.Repeat("b", 64<<10)+"\r\n"), 431},
		{"40 KB of headers", req("/", strings.Repeat("X-Many: "+strings.Repeat("c", 1000)+"\r\n", 40)), 431},
		{"bad method", "BREW / HTTP/1.1\r\nHost: versus.example\r\nConnection: close\r\n\r\n", 405},
		// Framing and header cases a hand-written parser once got wrong; each must get
		// net/http's answer.
		{"space before the colon", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length : 46\r\n\r\n", 400},
		{"no Host", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 400},
		{"two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n", 400},
		{"invalid Host", "GET / HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n", 400},
		{"NUL in a header value", req("/", "X-A: a\x00b\r\n"), 400},
		{"bare CR in a header value", req("/", "X-A: a\rb\r\n"), 400},
		{"invalid header name", req("/", "X(A): b\r\n"), 400},
		{"vertical tab in Content-Length", "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: \x0b0\r\n\r\n", 400},
		{"two Content-Lengths", "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy", 400},
	}
	for _, tt := range tests {
		if got := statusOf(t, addr, tt.raw); got != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, got, tt.status)
		}
	}
}

// TestBodyIsNeverASecondRequest: a body whose length is given after a bare LF, or which
// carries a request of its own, is read as a body (or refused), never answered as a
// request of its own.
func TestBodyIsNeverASecondRequest(t *testing.T) {
	addr := listen(t, newTestServer(t))
	smuggled := "GET /guides HTTP/1.1\r\nHost: a\r\n\r\n"
	for _, raw := range []string{
		"GET / HTTP/1.1\r\nHost: a\nContent-Length: 33\r\nConnection: close\r\n\r\n" + smuggled,
		"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 33\r\nConnection: close\r\n\r\n" + smuggled,
		"GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n21\r\n" + smuggled + "\r\n0\r\n\r\n",
	} {
		responses, _ := exchange(t, addr, raw, false)
		if len(responses) > 1 {
			t.Errorf("%q: %d responses, want at most one", raw, len(responses))
		}
		for _, resp := range responses {
			if resp.Request != nil && resp.Request.URL.Path == "/guides" {
				t.Errorf("%q: the body was answered as a request", raw)
			}
		}
	}
}

// TestConnectionCloseIsHonoured: "Connection: keep-alive, close" closes the connection
// after the answer, and a pipelined request after it is not answered.
func TestConnectionCloseIsHonoured(t *testing.T) {
	addr := listen(t, newTestServer(t))
	responses, closed := exchange(t, addr,
		"GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, close\r\n\r\nGET /guides HTTP/1.1\r\nHost: a\r\n\r\n", false)
	if len(responses) != 1 || !closed {
		t.Errorf("%d responses, closed %v; want 1 and closed", len(responses), closed)
	}
}

// TestHalfClosedClientsGetTheirAnswer: a client that sends a request and half-closes its
// side (printf '…' | nc -N) cancels the request's context; the dynamic pages must still
// answer 200 and log no error.
func TestHalfClosedClientsGetTheirAnswer(t *testing.T) {
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	srv := newServer(t, s, pages.Config{}, Config{Metrics: true}, slog.New(slog.NewJSONHandler(&logs, nil)))
	addr := listen(t, srv)
	for _, target := range []string{"/search?q=x", "/search?q=orm", "/compare/flask-vs-django?cat=data", "/compare/flask-vs-django/choose?size=small", "/missing"} {
		for range 20 {
			responses, _ := exchange(t, addr, "GET "+target+" HTTP/1.1\r\nHost: a\r\n\r\n", true)
			if len(responses) != 1 {
				t.Fatalf("%s: %d responses", target, len(responses))
			}
			if got := responses[0].StatusCode; got >= 500 {
				t.Fatalf("%s: status %d", target, got)
			}
		}
	}
	for line := range strings.Lines(logs.String()) {
		var entry struct{ Level, Msg string }
		if err := json.Unmarshal([]byte(line), &entry); err != nil {
			t.Fatal(err)
		}
		if entry.Level != "INFO" || entry.Msg != "request" {
			t.Errorf("unexpected log line %s", line)
		}
	}
}

// TestCanceledRequestsAreNotErrors: a request whose client is gone before the handler
// finishes is counted apart, logged at debug level only, and not answered 500.
func TestCanceledRequestsAreNotErrors(t *testing.T) {
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	srv := newServer(t, s, pages.Config{}, Config{Metrics: true}, slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	w := httptest.NewRecorder()
	func() {
		defer func() {
			if v := recover(); v != http.ErrAbortHandler {
				t.Errorf("recovered %v, want http.ErrAbortHandler (the connection is dropped)", v)
			}
		}()
		srv.handle(func(http.ResponseWriter, *http.Request) error { return fmt.Errorf("waiting: %w", context.Canceled) }).
			ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/search?q=x", nil).WithContext(ctx))
	}()
	if w.Code == http.StatusInternalServerError || w.Body.Len() > 0 {
		t.Errorf("answered %d with %d bytes", w.Code, w.Body.Len())
	}
	if got := srv.metrics.canceled.Load(); got != 1 {
		t.Errorf("canceled count %d, want 1", got)
	}
	if !strings.Contains(logs.String(), `"level":"DEBUG","msg":"request canceled"`) || strings.Contains(logs.String(), "ERROR") {
		t.Errorf("logs: %s", logs.String())
	}
}
