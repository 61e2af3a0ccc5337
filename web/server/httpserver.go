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
// once Limit has bounded them, makes room as the bound nears, so that a new client is
// served instead of waiting for an idle connection's timeout.
type HTTPServer struct {
	*http.Server

	mu    sync.Mutex
	conns map[net.Conn]connInfo // open connections, accepted and not yet closed or hijacked
	high  int                   // from this many open connections, room is made ...
	low   int                   // ... down to this many; 0: no bound
}

// connInfo is what the server knows of one connection.
type connInfo struct {
	state http.ConnState
	since time.Time // when it entered the state
}

// silentAfter is how long a connection may have sent nothing since it was accepted
// before, near the bound, it is closed to make room: a real client sends its request at
// once (net/http's own limit for the headers is readHeaderTimeout).
const silentAfter = time.Second

// sweepEvery is how often a server at its bound looks for room to make, since no new
// connection is accepted (and no connection state changes) while it is there.
const sweepEvery = 250 * time.Millisecond

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
// them). Whenever the count reaches 90% of max (as a connection is accepted, and every
// sweepEvery while it stays there), the server makes room: it closes the connections that
// have sent nothing for silentAfter since they were accepted, and idle keep-alive
// connections, longest idle first, until the count is back to 75%. Serve the returned
// listener; closing it (as Shutdown and Close do) stops the sweeps.
func (s *HTTPServer) Limit(ln net.Listener, max int) net.Listener {
	s.mu.Lock()
	s.high, s.low = max*9/10, max*3/4
	s.mu.Unlock()
	l := &sweptListener{Listener: netutil.LimitListener(ln, max), done: make(chan struct{})}
	go s.sweep(l.done)
	return l
}

// sweptListener stops the sweeps when it is closed.
type sweptListener struct {
	net.Listener
	done chan struct{}
	once sync.Once
}

func (l *sweptListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return l.Listener.Close()
}

func (s *HTTPServer) sweep(done <-chan struct{}) {
	ticker := time.NewTicker(sweepEvery)
	defer ticker.Stop()
	for {
		select {
		case <-done:
			return
		case now := <-ticker.C:
			s.makeRoom(now)
		}
	}
}

func (s *HTTPServer) connState(c net.Conn, state http.ConnState) {
	now := time.Now()
	s.mu.Lock()
	switch state {
	case http.StateClosed, http.StateHijacked:
		delete(s.conns, c)
	default:
		s.conns[c] = connInfo{state: state, since: now}
	}
	s.mu.Unlock()
	if state == http.StateNew {
		s.makeRoom(now)
	}
}

// makeRoom closes silent and idle connections when the count is at 90% of the bound: see
// Limit.
func (s *HTTPServer) makeRoom(now time.Time) {
	s.mu.Lock()
	if s.high == 0 || len(s.conns) < s.high {
		s.mu.Unlock()
		return
	}
	var closing []net.Conn
	type idleConn struct {
		c     net.Conn
		since time.Time
	}
	var idle []idleConn
	for c, info := range s.conns {
		switch {
		case info.state == http.StateNew && now.Sub(info.since) >= silentAfter:
			closing = append(closing, c)
		case info.state == http.StateIdle:
			idle = append(idle, idleConn{c, info.since})
		}
	}
	sort.Slice(idle, func(i, j int) bool { return idle[i].since.Before(idle[j].since) })
	for _, ic := range idle[:min(len(idle), max(0, len(s.conns)-len(closing)-s.low))] {
		closing = append(closing, ic.c)
	}
	s.mu.Unlock()
	for _, c := range closing {
		_ = c.Close() // net/http sees the closed connection and forgets it (StateClosed)
	}
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
