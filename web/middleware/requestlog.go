package middleware

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// Observer is told about every finished request, e.g. to count it.
type Observer interface {
	Observe(status int, bytes int64, elapsed time.Duration)
}

// RequestLog logs one line per request at info level (method, path, status, bytes,
// duration and the X-Request-Id that RequestID set) and tells obs about it. The log level
// only decides whether the line is written; the request is handled the same either way.
func RequestLog(logger *slog.Logger, obs Observer) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := recorders.Get().(*statusRecorder)
			rec.ResponseWriter = w
			next.ServeHTTP(rec, r)
			status, bytes := rec.status, rec.bytes
			*rec = statusRecorder{}
			recorders.Put(rec)
			if status == 0 {
				status = http.StatusOK // the handler wrote nothing; net/http sends 200
			}
			elapsed := time.Since(start)
			obs.Observe(status, bytes, elapsed)
			if !logger.Enabled(context.Background(), slog.LevelInfo) {
				return
			}
			logger.LogAttrs(context.Background(), slog.LevelInfo, "request",
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.Int("status", status),
				slog.Int64("bytes", bytes),
				slog.Duration("duration", elapsed),
				slog.String("request_id", ResponseRequestID(w)),
			)
		})
	}
}

// recorders reuses statusRecorders: nothing keeps one once its request is answered.
var recorders = sync.Pool{New: func() any { return new(statusRecorder) }}

// statusRecorder remembers the status and the number of body bytes a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusRecorder) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusRecorder) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }
