package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// The fast path answers the requests that make up nearly all traffic (GET or HEAD of a
// pre-rendered page or asset, over HTTP/1.1) straight from pre-serialized bytes, without
// net/http: a request is parsed in place, looked up, and answered with one write. Any
// request it does not fully understand (another method, a query string, a body, HTTP/1.0,
// an unusual header) hands the connection, with the bytes already read, to the ordinary
// net/http server, which keeps it from then on. Both share the same limits: header
// timeout, idle timeout, write timeout and header size.
//
// net/http with a handler that writes a fixed body reaches about half of nginx's
// requests per second on one core; most of that time is net/http's own per-request work
// (header maps, the bufio writer, the response state machine). See README, "Performance".

// fastResponse is a complete pre-serialized response, minus the Date header.
type fastResponse struct {
	head []byte // status line and headers up to "Date: "
	body []byte
}

// fastEntry holds an entry's pre-serialized responses, per encoding, with their ETags.
type fastEntry struct {
	ok     [numEncodings]*fastResponse // 200 in each encoding; nil where the entry has none
	notMod [numEncodings]*fastResponse // 304 in each encoding
	etags  [numEncodings]string
}

// buildFastEntries pre-serializes every stored entry.
func (s *Server) buildFastEntries() map[string]*fastEntry {
	out := make(map[string]*fastEntry, len(s.store))
	for path, e := range s.store {
		fe := &fastEntry{}
		for enc := encoding(0); enc < numEncodings; enc++ {
			v := e.variants[enc]
			if v == nil {
				continue
			}
			fe.etags[enc] = v.etag[0]
			fe.ok[enc] = &fastResponse{head: s.serializeHead(e, v, http.StatusOK), body: v.body}
			fe.notMod[enc] = &fastResponse{head: s.serializeHead(e, v, http.StatusNotModified)}
		}
		out[path] = fe
	}
	return out
}

// serializeHead writes the status line and the headers net/http would send for entry e.
func (s *Server) serializeHead(e *entry, v *variant, status int) []byte {
	var b bytes.Buffer
	b.WriteString("HTTP/1.1 " + strconv.Itoa(status) + " " + http.StatusText(status) + "\r\n")
	h := http.Header{}
	for k, vals := range s.headers {
		h[k] = vals
	}
	h["Vary"] = varyEncoding
	h["Etag"] = v.etag
	h["Cache-Control"] = e.cacheControl
	if status == http.StatusOK {
		h["Content-Type"] = e.contentType
		h["Content-Length"] = v.length
		if v.encoding != nil {
			h["Content-Encoding"] = v.encoding
		}
	}
	_ = h.Write(&b)
	b.WriteString("Date: ")
	return b.Bytes()
}

// httpDate is the current Date header value and second, refreshed every second.
type httpDate struct {
	value  atomic.Pointer[[]byte]
	second atomic.Int64 // Unix time
}

func (d *httpDate) get() []byte {
	if p := d.value.Load(); p != nil {
		return *p
	}
	return d.refresh()
}

func (d *httpDate) refresh() []byte {
	now := time.Now()
	b := []byte(now.UTC().Format(http.TimeFormat) + "\r\n\r\n")
	d.value.Store(&b)
	d.second.Store(now.Unix())
	return b
}

// HTTPServer serves a Server on listeners: the fast path for pre-rendered pages, and a
// hardened net/http server for everything else.
type HTTPServer struct {
	srv  *Server
	http *http.Server
	fast map[string]*fastEntry
	date httpDate
	slow *connQueue
	// logRequests is set when the log level asks for a line per request: Serve then
	// leaves every connection to net/http, which writes it.
	logRequests bool
	served      atomic.Int64 // requests answered by the fast path, for tests and curiosity
	// goroutinePerConn serves each connection from its own goroutine (serveConn) instead
	// of the event loop; it is the only way where the loop is not built (not Linux).
	goroutinePerConn bool
	loop             *eventLoop // set by Serve when the event loop runs

	mu    sync.Mutex
	ln    net.Listener
	conns map[net.Conn]*fastConnState // connections the fast path still holds
	done  chan struct{}
	once  sync.Once
}

// fastConnState says whether a fast connection is between requests (and may be closed
// at once on shutdown).
type fastConnState struct{ idle atomic.Bool }

// NewFastHTTPServer returns an HTTPServer for srv. Requests the fast path does not take
// go to h (normally srv itself, possibly wrapped).
func NewFastHTTPServer(srv *Server, h http.Handler) *HTTPServer {
	hs := &HTTPServer{
		srv:         srv,
		http:        NewHTTPServer(h, srv.logger),
		fast:        srv.buildFastEntries(),
		slow:        newConnQueue(),
		logRequests: srv.logger.Enabled(context.Background(), slog.LevelInfo),
		conns:       map[net.Conn]*fastConnState{},
		done:        make(chan struct{}),
	}
	hs.date.refresh()
	return hs
}

// Serve accepts connections on ln until Shutdown or Close.
func (hs *HTTPServer) Serve(ln net.Listener) error {
	hs.mu.Lock()
	if hs.shuttingDown() {
		hs.mu.Unlock()
		return http.ErrServerClosed
	}
	hs.ln = ln
	hs.mu.Unlock()
	if hs.logRequests {
		err := hs.http.Serve(ln)
		if hs.shuttingDown() {
			return http.ErrServerClosed
		}
		return err
	}
	hs.slow.addr = ln.Addr()
	go func() { _ = hs.http.Serve(hs.slow) }()
	go hs.tickDate()
	if tcp, ok := ln.(*net.TCPListener); ok && !hs.goroutinePerConn {
		if loop, err := newEventLoop(hs); err == nil {
			hs.mu.Lock()
			hs.loop = loop
			hs.mu.Unlock()
			return loop.serve(tcp)
		}
	}
	for {
		conn, err := ln.Accept()
		if err != nil {
			select {
			case <-hs.done:
				return http.ErrServerClosed
			default:
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				time.Sleep(5 * time.Millisecond)
				continue
			}
			return err
		}
		go hs.serveConn(conn)
	}
}

func (hs *HTTPServer) tickDate() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-hs.done:
			return
		case <-t.C:
			hs.date.refresh()
		}
	}
}

// Shutdown stops accepting, closes idle connections, lets requests in flight finish, and
// returns when all connections are done or ctx expires.
func (hs *HTTPServer) Shutdown(ctx context.Context) error {
	hs.stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.http.Shutdown(ctx) }()
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	for {
		hs.mu.Lock()
		for c, st := range hs.conns {
			if st.idle.Load() {
				_ = c.Close()
			}
		}
		n := len(hs.conns)
		if hs.loop != nil {
			n += int(hs.loop.open.Load())
		}
		hs.mu.Unlock()
		if n == 0 {
			return <-errc
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
		}
	}
}

// Close closes every connection at once.
func (hs *HTTPServer) Close() error {
	hs.mu.Lock()
	loop := hs.loop
	if loop != nil {
		loop.closing.Store(true)
	}
	hs.mu.Unlock()
	hs.stop()
	hs.mu.Lock()
	for c := range hs.conns {
		_ = c.Close()
	}
	hs.mu.Unlock()
	if loop != nil {
		<-loop.exited
	}
	return hs.http.Close()
}

// stop stops accepting connections, and has the event loop close idle ones.
func (hs *HTTPServer) stop() {
	hs.once.Do(func() { close(hs.done) })
	hs.mu.Lock()
	if hs.ln != nil {
		_ = hs.ln.Close()
	}
	if hs.loop != nil {
		hs.loop.wake()
	}
	hs.mu.Unlock()
	hs.slow.close()
}

func (hs *HTTPServer) shuttingDown() bool {
	select {
	case <-hs.done:
		return true
	default:
		return false
	}
}

// serveConn answers fast requests on conn until one needs net/http, the client closes, a
// timeout passes, or the server shuts down.
func (hs *HTTPServer) serveConn(conn net.Conn) {
	st := &fastConnState{}
	hs.mu.Lock()
	if hs.shuttingDown() {
		hs.mu.Unlock()
		_ = conn.Close()
		return
	}
	hs.conns[conn] = st
	hs.mu.Unlock()
	handedOff := false
	defer func() {
		hs.mu.Lock()
		delete(hs.conns, conn)
		hs.mu.Unlock()
		if !handedOff {
			_ = conn.Close()
		}
	}()

	buf := make([]byte, 0, 4096)
	var out []byte // the response: head, date and body, copied into one write
	first := true
	// Moving a deadline is a timer operation in the runtime, a visible cost at 100,000
	// requests a second: in steady traffic they move at most once a second. A deadline
	// never moves while one request's headers trickle in, so slow clients stay bounded.
	var readTimeout time.Duration
	var readSetAt, writeSetAt int64 = -1, -1
	for {
		timeout := readHeaderTimeout
		if !first && len(buf) == 0 {
			timeout = idleTimeout
		}
		if now := hs.date.second.Load(); timeout != readTimeout || now != readSetAt {
			_ = conn.SetReadDeadline(time.Now().Add(timeout))
			readTimeout, readSetAt = timeout, now
		}
		end := bytes.Index(buf, headerEnd)
		for end < 0 {
			if len(buf) > maxHeaderBytes {
				handedOff = hs.handOff(conn, buf) // net/http answers 431
				return
			}
			st.idle.Store(len(buf) == 0)
			if st.idle.Load() && hs.shuttingDown() {
				return
			}
			if len(buf) == cap(buf) {
				buf = append(buf, make([]byte, len(buf))...)[:len(buf)]
			}
			n, err := conn.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if err != nil {
				return // closed by the client, timed out, or shut down
			}
			end = bytes.Index(buf, headerEnd)
		}
		st.idle.Store(false)
		first = false
		req := buf[:end+len(headerEnd)]
		r, status, head, closeAfter, ok := hs.answer(req)
		if !ok {
			handedOff = hs.handOff(conn, buf)
			return
		}
		out = append(append(out[:0], r.head...), hs.date.get()...)
		if !head && status == http.StatusOK {
			out = append(out, r.body...)
		}
		if now := hs.date.second.Load(); now != writeSetAt {
			_ = conn.SetWriteDeadline(time.Now().Add(writeTimeout))
			writeSetAt = now
		}
		// Counted before writing, as the event loop does, so a client that has its answer
		// never sees a count without it.
		hs.srv.metrics.count(status, int64(len(out)), 0)
		hs.served.Add(1)
		if _, err := conn.Write(out); err != nil {
			return
		}
		buf = append(buf[:0], buf[len(req):]...)
		if closeAfter || hs.shuttingDown() {
			return
		}
	}
}

var headerEnd = []byte("\r\n\r\n")

// answer finds the response to one request, or reports that net/http must take it.
// head is set for HEAD requests, closeAfter when the client asked to close the connection.
func (hs *HTTPServer) answer(req []byte) (r *fastResponse, status int, head, closeAfter, ok bool) {
	lineEnd := bytes.Index(req, crlf)
	line := req[:lineEnd]
	switch {
	case bytes.HasPrefix(line, []byte("GET ")):
		line = line[4:]
	case bytes.HasPrefix(line, []byte("HEAD ")):
		line, head = line[5:], true
	default:
		return nil, 0, false, false, false
	}
	sp := bytes.IndexByte(line, ' ')
	if sp < 0 || !bytes.Equal(line[sp+1:], []byte("HTTP/1.1")) {
		return nil, 0, false, false, false
	}
	target := line[:sp]
	if len(target) == 0 || target[0] != '/' || bytes.ContainsAny(target, "?%#\\") || bytes.Contains(target, []byte("//")) {
		return nil, 0, false, false, false
	}
	fe := hs.fast[string(target)] // no allocation: the compiler optimises map[string] lookups by []byte
	if fe == nil {
		return nil, 0, false, false, false
	}
	var acceptEncoding, ifNoneMatch []byte
	hasHost := false
	for rest := req[lineEnd+2:]; len(rest) > 2; {
		i := bytes.Index(rest, crlf)
		if i <= 0 {
			break
		}
		field := rest[:i]
		rest = rest[i+2:]
		colon := bytes.IndexByte(field, ':')
		if colon <= 0 {
			return nil, 0, false, false, false
		}
		name, value := field[:colon], bytes.TrimSpace(field[colon+1:])
		switch {
		case equalFold(name, "host"):
			hasHost = true
		case equalFold(name, "accept-encoding"):
			acceptEncoding = value
		case equalFold(name, "if-none-match"):
			ifNoneMatch = value
		case equalFold(name, "connection"):
			if equalFold(value, "close") {
				closeAfter = true
			}
		case equalFold(name, "content-length"):
			if !bytes.Equal(value, []byte("0")) {
				return nil, 0, false, false, false
			}
		case equalFold(name, "transfer-encoding"), equalFold(name, "expect"), equalFold(name, "upgrade"):
			return nil, 0, false, false, false
		}
	}
	if !hasHost {
		return nil, 0, false, false, false
	}
	enc := preferredEncoding(string(acceptEncoding))
	if fe.ok[enc] == nil {
		enc = identity
	}
	r, status = fe.ok[enc], http.StatusOK
	if len(ifNoneMatch) > 0 && etagMatches(string(ifNoneMatch), fe.etags[enc]) {
		r, status = fe.notMod[enc], http.StatusNotModified
	}
	return r, status, head, closeAfter, true
}

var crlf = []byte("\r\n")

// equalFold compares ASCII case-insensitively without allocating.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// handOff gives conn to net/http, with the bytes read so far in front of the rest.
func (hs *HTTPServer) handOff(conn net.Conn, buffered []byte) bool {
	_ = conn.SetReadDeadline(time.Time{})
	c := &prefixConn{Conn: conn, r: io.MultiReader(bytes.NewReader(append([]byte(nil), buffered...)), conn)}
	return hs.slow.push(c)
}

// prefixConn replays bytes already read before reading from the connection.
type prefixConn struct {
	net.Conn
	r io.Reader
}

func (c *prefixConn) Read(p []byte) (int, error) { return c.r.Read(p) }

// connQueue is a net.Listener fed with connections handed off by the fast path.
type connQueue struct {
	conns  chan net.Conn
	closed chan struct{}
	once   sync.Once
	addr   net.Addr
}

func newConnQueue() *connQueue {
	return &connQueue{conns: make(chan net.Conn), closed: make(chan struct{})}
}

func (q *connQueue) push(c net.Conn) bool {
	select {
	case q.conns <- c:
		return true
	case <-q.closed:
		return false
	}
}

func (q *connQueue) Accept() (net.Conn, error) {
	select {
	case c := <-q.conns:
		return c, nil
	case <-q.closed:
		return nil, net.ErrClosed
	}
}

func (q *connQueue) Close() error { q.close(); return nil }

func (q *connQueue) close() { q.once.Do(func() { close(q.closed) }) }

func (q *connQueue) Addr() net.Addr { return q.addr }
