package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/versus-dev/versus/web/middleware"
)

// TestPanicsBecomeA500Page: a panicking handler gets the error page and a log line with
// its stack, and the server goes on.
func TestPanicsBecomeA500Page(t *testing.T) {
	srv := newTestServer(t)
	var logs bytes.Buffer
	srv.logger = slog.New(slog.NewTextHandler(&logs, nil))
	w := httptest.NewRecorder()
	srv.answerPanic(w, httptest.NewRequest(http.MethodGet, "/compare/flask-vs-django", nil), "boom", []byte("the stack"))
	if w.Code != http.StatusInternalServerError || !strings.Contains(w.Body.String(), "Something went wrong") {
		t.Errorf("status %d, body %.100q", w.Code, w.Body.String())
	}
	if !strings.Contains(logs.String(), "panic=boom") || !strings.Contains(logs.String(), `stack="the stack"`) {
		t.Errorf("the panic was not logged with its stack: %s", logs.String())
	}
}

// TestErrorLogLinesCarryTheRequestID: the lines logged about one request (a failed
// handler, a panic, a request its client gave up on) carry the request id that its
// response header and its request log line carry, so they can be found together.
func TestErrorLogLinesCarryTheRequestID(t *testing.T) {
	srv := newTestServer(t)
	var logs bytes.Buffer
	srv.logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	failing := srv.handle(func(http.ResponseWriter, *http.Request) error { return errors.New("disk on fire") })
	panicking := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })
	canceling := srv.handle(func(_ http.ResponseWriter, r *http.Request) error { return r.Context().Err() })
	for _, tt := range []struct {
		name    string
		handler http.Handler
		msg     string
	}{
		{"error", failing, "request failed"},
		{"panic", panicking, "panic"},
		{"canceled", canceling, "request canceled"},
	} {
		logs.Reset()
		h := middleware.RequestID(false)(middleware.Recoverer(srv.answerPanic)(tt.handler))
		ctx, cancel := context.WithCancel(context.Background())
		if tt.name == "canceled" {
			cancel()
		}
		w := httptest.NewRecorder()
		func() {
			defer func() { _ = recover() }() // a canceled request aborts with http.ErrAbortHandler
			h.ServeHTTP(w, httptest.NewRequestWithContext(ctx, http.MethodGet, "/compare/flask-vs-django", nil))
		}()
		cancel()
		id := w.Header().Get(middleware.RequestIDHeader)
		found := false
		for line := range strings.Lines(logs.String()) {
			var entry struct {
				Msg       string `json:"msg"`
				Method    string `json:"method"`
				Path      string `json:"path"`
				RequestID string `json:"request_id"`
			}
			if err := json.Unmarshal([]byte(line), &entry); err != nil {
				t.Fatalf("%s: log line %q: %v", tt.name, line, err)
			}
			if entry.RequestID != id || entry.Method != http.MethodGet || entry.Path != "/compare/flask-vs-django" {
				t.Errorf("%s: log line %s lacks the request id %q, the method or the path", tt.name, line, id)
			}
			found = found || entry.Msg == tt.msg
		}
		if id == "" || !found {
			t.Errorf("%s: id %q, no %q line in the log:\n%s", tt.name, id, tt.msg, logs.String())
		}
	}
}
