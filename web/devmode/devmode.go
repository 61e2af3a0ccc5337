// Package devmode is the authors' live preview (versus serve -dev): it watches the content
// and static folders, rebuilds the site within a second of a save, keeps serving the last
// good build while an edit is broken (showing the problems on every page), and tells open
// pages to reload themselves, over server-sent events, after each good build.
package devmode

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// BuildFunc builds the site's handler from the folders on disk.
type BuildFunc func() (http.Handler, error)

// Reloader serves the latest good build and rebuilds when watched files change.
type Reloader struct {
	build    BuildFunc
	dirs     []string
	interval time.Duration
	logger   *slog.Logger

	mu        sync.RWMutex
	current   http.Handler
	problems  []string // from the latest build, when it failed
	version   int
	listeners map[chan int]struct{}

	closed    chan struct{} // closed by Close: the event streams end
	closeOnce sync.Once
}

// New builds the site once and returns a Reloader for it. The first build must succeed:
// there is no earlier good version to fall back on.
func New(build BuildFunc, dirs []string, logger *slog.Logger) (*Reloader, error) {
	h, err := build()
	if err != nil {
		return nil, err
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Reloader{build: build, dirs: dirs, interval: 250 * time.Millisecond, logger: logger, current: h, version: 1, listeners: map[chan int]struct{}{}, closed: make(chan struct{})}, nil
}

// Watch polls the folders until ctx is done and rebuilds after each change. Polling needs
// no platform support and costs little for a content tree of a few hundred files.
func (r *Reloader) Watch(ctx context.Context) {
	last := r.fingerprint()
	ticker := time.NewTicker(r.interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		now := r.fingerprint()
		if now == last {
			continue
		}
		last = now
		r.Rebuild()
	}
}

// Rebuild builds the site now: on success it replaces the served build and tells pages to
// reload; on failure it keeps the old build and records the problems.
func (r *Reloader) Rebuild() {
	h, err := r.build()
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.problems = strings.Split(strings.TrimSpace(err.Error()), "\n")
		r.logger.Warn("content has problems; still serving the last good version", "problems", len(r.problems))
		for l := range r.listeners {
			select {
			case l <- -1: // reload to show the problems
			default:
			}
		}
		return
	}
	r.current, r.problems = h, nil
	r.version++
	r.logger.Info("rebuilt", "version", r.version)
	for l := range r.listeners {
		select {
		case l <- r.version:
		default:
		}
	}
}

// Close ends the open event streams, and any opened later, so that a server shutting down
// is not held up by the pages still open in a browser (each stream lasts as long as its
// tab). Give it to http.Server.RegisterOnShutdown. It may be called more than once.
func (r *Reloader) Close() { r.closeOnce.Do(func() { close(r.closed) }) }

// Problems returns the problems of the latest build, or nil when it was good.
func (r *Reloader) Problems() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return append([]string(nil), r.problems...)
}

// fingerprint summarises every watched file's name, size and modification time.
func (r *Reloader) fingerprint() string {
	var b strings.Builder
	for _, dir := range r.dirs {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, os.ErrNotExist) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			fmt.Fprintf(&b, "%s|%d|%d\n", p, info.Size(), info.ModTime().UnixNano())
			return nil
		})
	}
	return b.String()
}

const (
	eventsPath = "/_dev/events"
	scriptPath = "/_dev/reload.js"
)

// reloadScript reconnects to the event stream and reloads the page after a build.
const reloadScript = `// Versus dev mode: reload after each rebuild.
(function () {
  var source = new EventSource("` + eventsPath + `");
  source.addEventListener("reload", function () { window.location.reload(); });
})();
`

// ServeHTTP serves the dev endpoints, and every other request from the current build with
// the reload script and, while the content is broken, the list of problems.
func (r *Reloader) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	switch req.URL.Path {
	case eventsPath:
		r.serveEvents(w, req)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write([]byte(reloadScript))
		return
	}
	r.mu.RLock()
	h, problems := r.current, append([]string(nil), r.problems...)
	r.mu.RUnlock()

	// Render uncompressed and uncached, so the page can be changed and always reloaded.
	inner := req.Clone(req.Context())
	inner.Header.Del("Accept-Encoding")
	inner.Header.Del("If-None-Match")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, inner)
	body := rec.Body.Bytes()
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		body = inject(body, problems)
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.Header().Del("Etag")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rec.Code)
	if req.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// inject adds the reload script and, when there are problems, a banner listing them.
func inject(page []byte, problems []string) []byte {
	var banner bytes.Buffer
	if len(problems) > 0 {
		banner.WriteString(`<div class="dev-problems" role="alert"><p><strong>The content has problems; this is the last good version.</strong></p><ul>`)
		for _, p := range problems {
			banner.WriteString("<li><code>" + html.EscapeString(p) + "</code></li>")
		}
		banner.WriteString("</ul></div>")
	}
	script := `<script src="` + scriptPath + `" defer></script>`
	out := page
	if i := bytes.Index(out, []byte("<body>")); i >= 0 && banner.Len() > 0 {
		i += len("<body>")
		out = append(append(append([]byte{}, out[:i]...), banner.Bytes()...), out[i:]...)
	}
	if i := bytes.LastIndex(out, []byte("</body>")); i >= 0 {
		out = append(append(append([]byte{}, out[:i]...), script...), out[i:]...)
	}
	return out
}

// serveEvents streams "reload" events until the client goes away or Close is called.
func (r *Reloader) serveEvents(w http.ResponseWriter, req *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	select {
	case <-r.closed:
		http.Error(w, "the server is shutting down", http.StatusServiceUnavailable)
		return
	default:
	}
	events := make(chan int, 1)
	r.mu.Lock()
	r.listeners[events] = struct{}{}
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		delete(r.listeners, events)
		r.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = fmt.Fprint(w, "retry: 1000\n\n")
	flusher.Flush()
	// The server's WriteTimeout would cut a long stream; keep it open while watching.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
	for {
		select {
		case <-req.Context().Done():
			return
		case <-r.closed:
			return
		case v := <-events:
			_, _ = fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
			flusher.Flush()
		}
	}
}
