package server

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func TestRequestLogAndMetrics(t *testing.T) {
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	srv := newServer(t, s, pages.Config{}, Config{Metrics: true, HSTSMaxAge: 365 * 24 * time.Hour, TrustRequestID: true}, logger)
	resp := get(t, srv, http.MethodGet, "/compare/flask-vs-django", "X-Request-Id", "abc-123")
	if resp.Header.Get("X-Request-Id") != "abc-123" {
		t.Errorf("request id not echoed: %q", resp.Header.Get("X-Request-Id"))
	}
	if got := resp.Header.Get("Strict-Transport-Security"); got != "max-age=31536000; includeSubDomains" {
		t.Errorf("HSTS = %q", got)
	}
	get(t, srv, http.MethodGet, "/missing")
	// At the default level, a line per request, through the site's middleware.
	var line struct {
		Msg       string `json:"msg"`
		Method    string `json:"method"`
		Path      string `json:"path"`
		Status    int    `json:"status"`
		Bytes     int    `json:"bytes"`
		Duration  int64  `json:"duration"`
		RequestID string `json:"request_id"`
	}
	first, _, _ := strings.Cut(logs.String(), "\n")
	if err := json.Unmarshal([]byte(first), &line); err != nil {
		t.Fatalf("log line %q: %v", first, err)
	}
	if line.Msg != "request" || line.Method != "GET" || line.Path != "/compare/flask-vs-django" || line.Status != 200 || line.Bytes == 0 || line.RequestID != "abc-123" {
		t.Errorf("log line = %+v", line)
	}
	var vars struct {
		Requests int            `json:"requests"`
		ByStatus map[string]int `json:"requests_by_status"`
		Pages    int            `json:"pages"`
		Canceled int            `json:"requests_canceled"`
	}
	if err := json.NewDecoder(get(t, srv, http.MethodGet, "/debug/vars").Body).Decode(&vars); err != nil {
		t.Fatal(err)
	}
	if vars.Requests != 2 || vars.ByStatus["200"] != 1 || vars.ByStatus["404"] != 1 || vars.Pages == 0 || vars.Canceled != 0 {
		t.Errorf("metrics = %+v", vars)
	}
	if got := get(t, newTestServer(t), http.MethodGet, "/debug/vars").StatusCode; got != http.StatusNotFound {
		t.Errorf("metrics are served when not enabled: %d", got)
	}
	if got := get(t, newTestServer(t), http.MethodGet, "/").Header.Get("Strict-Transport-Security"); got != "" {
		t.Errorf("HSTS sent when not enabled: %q", got)
	}
}

// TestIncomingRequestIDIsTrustedOnlyWhenTold: a client's X-Request-Id would let anyone
// write what they like into the log's request ids, so it is kept only behind a proxy that
// the operator says sets it (Config.TrustRequestID); otherwise the server makes its own.
func TestIncomingRequestIDIsTrustedOnlyWhenTold(t *testing.T) {
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	for _, trust := range []bool{false, true} {
		srv := newServer(t, s, pages.Config{}, Config{TrustRequestID: trust}, nil)
		got := get(t, srv, http.MethodGet, "/", "X-Request-Id", "from-the-client").Header.Get("X-Request-Id")
		if (got == "from-the-client") != trust || got == "" {
			t.Errorf("trust %v: the response's id is %q", trust, got)
		}
	}
}
