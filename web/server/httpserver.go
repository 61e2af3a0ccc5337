package server

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"sort"
	"sync"
	"time"

	"golang.org/x/net/netutil"
)

// Limits of the hardened http.Server, sized for a site of small pages served from memory.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 120 * time.Second
	maxHeaderBytes    = 32 << 10 // larger request headers get 431
)

// HTTPServer is the hardened http.Server. It keeps count of its open connections and,
// once Limit has bounded them, closes the longest-idle ones as the bound nears, so that a
// new client is served instead of waiting for an idle connection's timeout.
type HTTPServer struct {
	*http.Server

	mu    sync.Mutex
	conns map[net.Conn]connInfo // open connections, accepted and not yet closed or hijacked
	high  int                   // from this many open connections, idle ones are closed ...
	low   int                   // ... down to this many; 0: no bound
}

// connInfo is what the server knows of one connection.
type connInfo struct {
	state http.ConnState
	since time.Time // when it entered the state
}

// NewHTTPServer wraps h in an http.Server with timeouts against slow clients and a cap on
// request header size; its own error log goes to logger at warning level.
func NewHTTPServer(h http.Handler, logger *slog.Logger) *HTTPServer {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &HTTPServer{conns: map[net.Conn]connInfo{}}
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

// Limit returns ln accepting at most max connections at once (netutil.LimitListener:
// more wait in the kernel's queue, and the process never runs out of descriptors for
// them), and has the server close idle connections, longest idle first, whenever a new
// one takes the count to 90% of max, until it is back to 75%. A connection is idle
// between requests (keep-alive), or when it has sent nothing for a second since it was
// accepted. Serve the returned listener.
func (s *HTTPServer) Limit(ln net.Listener, max int) net.Listener {
	s.mu.Lock()
	s.high, s.low = max*9/10, max*3/4
	s.mu.Unlock()
	return netutil.LimitListener(ln, max)
}

func (s *HTTPServer) connState(c net.Conn, state http.ConnState) {
	now := time.Now()
	s.mu.Lock()
	switch state {
	case http.StateClosed, http.StateHijacked:
		delete(s.conns, c)
		s.mu.Unlock()
		return
	default:
		s.conns[c] = connInfo{state: state, since: now}
	}
	var idle []net.Conn
	if state == http.StateNew && s.high > 0 && len(s.conns) >= s.high {
		idle = s.longestIdle(len(s.conns)-s.low, now)
	}
	s.mu.Unlock()
	for _, c := range idle {
		_ = c.Close() // net/http sees the closed connection and forgets it (StateClosed)
	}
}

// longestIdle returns up to n idle connections, longest idle first. s.mu is held.
func (s *HTTPServer) longestIdle(n int, now time.Time) []net.Conn {
	type candidate struct {
		c     net.Conn
		since time.Time
	}
	var idle []candidate
	for c, info := range s.conns {
		silent := info.state == http.StateNew && now.Sub(info.since) > time.Second
		if info.state == http.StateIdle || silent {
			idle = append(idle, candidate{c, info.since})
		}
	}
	sort.Slice(idle, func(i, j int) bool { return idle[i].since.Before(idle[j].since) })
	out := make([]net.Conn, 0, min(n, len(idle)))
	for _, cand := range idle[:min(n, len(idle))] {
		out = append(out, cand.c)
	}
	return out
}

// OpenConnections is the number of connections open now.
func (s *HTTPServer) OpenConnections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

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
