package server

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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
