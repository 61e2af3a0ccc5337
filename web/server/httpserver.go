package server

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// Limits of the hardened http.Server, sized for a site of small pages served from memory.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 120 * time.Second
	maxHeaderBytes    = 32 << 10 // larger request headers get 431
)

// HTTPServer is the hardened http.Server, which keeps count of its open connections.
type HTTPServer struct {
	*http.Server
	open atomic.Int64 // connections accepted and not yet closed or hijacked
}

// NewHTTPServer wraps h in an http.Server with timeouts against slow clients and a cap on
// request header size; its own error log goes to logger at warning level.
func NewHTTPServer(h http.Handler, logger *slog.Logger) *HTTPServer {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &HTTPServer{}
	s.Server = &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		ConnState:         s.connState,
	}
	return s
}

func (s *HTTPServer) connState(_ net.Conn, state http.ConnState) {
	switch state {
	case http.StateNew:
		s.open.Add(1)
	case http.StateClosed, http.StateHijacked:
		s.open.Add(-1)
	}
}

// OpenConnections is the number of connections open now.
func (s *HTTPServer) OpenConnections() int { return int(s.open.Load()) }

// Stop shuts the server down: it stops accepting, closes idle connections and waits up to
// timeout for the requests in flight to finish. When the timeout passes first, it closes
// every connection left (the clients that have not read their answers by then, or a
// handler that never returns) and reports how many it cut.
func (s *HTTPServer) Stop(timeout time.Duration) (cut int, timedOut bool) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := s.Shutdown(ctx); err == nil {
		return 0, false
	}
	cut = s.OpenConnections()
	_ = s.Close()
	return cut, true
}
