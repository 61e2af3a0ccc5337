package middleware

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

type countingObserver struct {
	status []int
	bytes  int64
}

func (o *countingObserver) Observe(status int, bytes int64, _ time.Duration) {
	o.status = append(o.status, status)
	o.bytes += bytes
}

func TestRequestLogWritesOneLinePerRequest(t *testing.T) {
	var logs bytes.Buffer
	obs := &countingObserver{}
	h := RequestID(true)(RequestLog(slog.New(slog.NewJSONHandler(&logs, nil)), obs)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			w.WriteHeader(http.StatusNotFound)
		}
		_, _ = w.Write([]byte("hello"))
	})))
	for _, path := range []string{"/page", "/missing"} {
		r := httptest.NewRequest(http.MethodGet, path, nil)
		r.Header.Set(RequestIDHeader, "id"+path[1:])
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	dec := json.NewDecoder(&logs)
	for _, want := range []struct {
		path   string
		status int
	}{{"/page", 200}, {"/missing", 404}} {
		var line struct {
			Msg, Method, Path string
			Status            int
			Bytes             int64
			Duration          int64
			RequestID         string `json:"request_id"`
		}
		if err := dec.Decode(&line); err != nil {
			t.Fatal(err)
		}
		if line.Msg != "request" || line.Method != "GET" || line.Path != want.path || line.Status != want.status ||
			line.Bytes != 5 || line.RequestID != "id"+want.path[1:] {
			t.Errorf("log line %+v", line)
		}
	}
	if len(obs.status) != 2 || obs.status[0] != 200 || obs.status[1] != 404 || obs.bytes != 10 {
		t.Errorf("observed %v statuses, %d bytes", obs.status, obs.bytes)
	}
}

// TestRequestLogAboveInfoOnlyCounts: at warn level no line is written, the request is
// still counted and still gets its id.
func TestRequestLogAboveInfoOnlyCounts(t *testing.T) {
	var logs bytes.Buffer
	obs := &countingObserver{}
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	h := RequestID(false)(RequestLog(logger, obs)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if logs.Len() != 0 {
		t.Errorf("logged at warn level: %s", logs.String())
	}
	if len(obs.status) != 1 || obs.status[0] != http.StatusOK {
		t.Errorf("observed %v, want one 200 (a handler that writes nothing answers 200)", obs.status)
	}
	if w.Header().Get(RequestIDHeader) == "" {
		t.Error("no request id at warn level")
	}
}
