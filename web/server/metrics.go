package server

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// metrics are the server's counters: requests by status, requests canceled by the client,
// bytes written, time spent in handlers, how long the start-up render took, the preview
// images drawn and cached, and the filtered views made and cached. They are served as JSON at
// /debug/vars only when Config.Metrics is set.
type metrics struct {
	requests    atomic.Int64
	canceled    atomic.Int64 // requests the client gave up on; not in requests or byStatus
	bytes       atomic.Int64
	handlerNano atomic.Int64
	byStatus    [600]atomic.Int64 // indexed by status code; 0 counts anything out of range
	renderNano  int64             // set once at start-up
	pages       int
	previews    func() (drawn, bytes, images int)                // the preview images drawn, and the cache's size
	views       func() (rendered, busy int64, bytes, cached int) // the filtered views made, those refused as busy, the cache's size
}

// Observe counts one answered request (middleware.Observer).
func (m *metrics) Observe(status int, bytes int64, elapsed time.Duration) {
	m.requests.Add(1)
	m.bytes.Add(bytes)
	m.handlerNano.Add(int64(elapsed))
	if status < 0 || status >= len(m.byStatus) {
		status = 0
	}
	m.byStatus[status].Add(1)
}

// serveJSON writes the counters in the shape of Go's expvar output: one JSON object.
func (m *metrics) serveJSON(w http.ResponseWriter, _ *http.Request) error {
	byStatus := map[string]int64{}
	for code := range m.byStatus {
		if n := m.byStatus[code].Load(); n > 0 {
			byStatus[strconv.Itoa(code)] = n
		}
	}
	drawn, cachedBytes, cached := m.previews()
	viewsRendered, viewsBusy, viewBytes, viewsCached := m.views()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(map[string]any{
		"requests":            m.requests.Load(),
		"requests_by_status":  byStatus,
		"requests_canceled":   m.canceled.Load(),
		"bytes_written":       m.bytes.Load(),
		"handler_seconds":     time.Duration(m.handlerNano.Load()).Seconds(),
		"render_seconds":      time.Duration(m.renderNano).Seconds(),
		"pages":               m.pages,
		"previews_drawn":      drawn,
		"previews_cached":     cached,
		"preview_cache_bytes": cachedBytes,
		"views_rendered":      viewsRendered,
		"views_busy":          viewsBusy,
		"views_cached":        viewsCached,
		"view_cache_bytes":    viewBytes,
	})
}
