//go:build linux

package server

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

// eventLoop serves the fast path's connections from one goroutine with an epoll set of
// its own, the way nginx's worker does, taking a few ready connections from the kernel at
// a time (eventsPerWait) and answering them in the order it reports them.
//
// Why: with a goroutine per connection, answers per second beat nginx's but the latency
// tail did not (p99 ~0.45 ms against ~0.40 ms under perf-compare's 32 busy connections;
// the median was half nginx's). When many connections become readable together, Go's
// scheduler runs their goroutines in no particular order (the runtime's netpoll builds
// its list back to front), and nothing bounds how long one waits. This loop answers in
// arrival order, in small batches; its p99 is below nginx's (README, "Performance").
// Taking up to 256 connections per wait gave the goroutines' tail back.
//
// The loop accepts with accept4 itself, so its sockets are never in Go's poller; its own
// epoll descriptor is, so waiting for work parks the goroutine rather than a thread; under
// load it keeps looking for a moment instead of parking (spinBeforeParking).
// Everything runs on that one goroutine: accepting, reading, answering, writing, and
// closing connections whose deadline passed (checked once a second). A request the fast
// path does not take hands its connection to net/http: the socket is turned into a
// net.Conn, any answers not yet written are written, and the bytes already read are
// replayed in front of the rest (HTTPServer.handOff).
type eventLoop struct {
	hs     *HTTPServer
	epfd   int
	epoll  *os.File // epfd, registered with Go's poller
	waiter syscall.RawConn
	events [eventsPerWait]syscall.EpollEvent
	parts  [][]byte        // the answers of one round, for writev
	iov    []syscall.Iovec // the same, as the kernel wants them

	listener   syscall.RawConn
	listenerFD int32
	conns      map[int32]*loopConn // touched by the loop goroutine only
	now        int64               // Unix nanoseconds at the start of the current round

	open    atomic.Int64 // connections the loop holds, for Shutdown
	closing atomic.Bool  // Close: drop every connection at once
	exited  chan struct{}
}

// loopConn is one connection's state.
type loopConn struct {
	fd       int
	buf      []byte // bytes read and not yet answered
	pending  []byte // answers the socket has not taken yet
	deadline int64  // Unix nanoseconds; the connection is closed when it passes
	sawEOF   bool   // the client closed its side
	closeNow bool   // close once pending is written (Connection: close, shutdown)

	waitingToWrite bool // the loop watches for writability instead of requests
}

const loopBufferSize = 4096

// eventsPerWait is how many ready connections the loop takes from the kernel at a time.
// Small batches keep the latency tail short: under perf-compare's 32 busy connections,
// p99 on the home page was ~0.40 ms taking up to 256 at a time, ~0.30 ms taking 4 or 8
// (nginx: ~0.35 ms), for the same requests per second. See README, "Performance".
const eventsPerWait = 8

// spinBeforeParking is how long wait keeps asking the kernel for ready connections before
// it parks the goroutine in Go's poller.
//
// Why: parking is not only slow to come back from. Each time the loop parks, its P goes
// idle; the runtime's sysmon thread notices, sleeps, and is woken when the P runs again,
// then checks every 20 µs for a millisecond. On the one core perf-compare gives the
// server, that thread preempted the loop's thread ~3,000 times a second under load, and
// the latency tail followed: p99 0.28–0.41 ms on the comparison page in 4 s wrk runs,
// against nginx's 0.30–0.34 ms. Looking for 200 µs before parking (and making the
// non-blocking calls raw system calls, so sysmon does not take the P back from a call it
// thinks may block) keeps the loop running under load: ~100 preemptions a second, and
// p99 0.23–0.26 ms. An idle server still parks; the looking costs up to 200 µs of CPU
// after each burst of requests (0.1% of a core when idle, with the sweep's wake-ups).
const spinBeforeParking = 200 * time.Microsecond

// yieldEvery bounds how long the loop keeps the P from other goroutines (net/http's
// connections, timers) while work keeps coming: it yields once per period. With one core
// saturated by the fast path, a search answered by net/http took ~1.7 ms.
const yieldEvery = time.Millisecond

// newEventLoop makes the loop's epoll set.
func newEventLoop(hs *HTTPServer) (*eventLoop, error) {
	epfd, err := syscall.EpollCreate1(syscall.EPOLL_CLOEXEC)
	if err != nil {
		return nil, os.NewSyscallError("epoll_create1", err)
	}
	if err := syscall.SetNonblock(epfd, true); err != nil {
		_ = syscall.Close(epfd)
		return nil, os.NewSyscallError("setnonblock", err)
	}
	f := os.NewFile(uintptr(epfd), "epoll")
	waiter, err := f.SyscallConn()
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return &eventLoop{
		hs: hs, epfd: epfd, epoll: f, waiter: waiter,
		conns:  map[int32]*loopConn{},
		exited: make(chan struct{}),
	}, nil
}

// serve accepts connections from ln and answers them until the server stops. The
// listener is watched by the loop's epoll set too, so one goroutine does everything.
func (l *eventLoop) serve(ln *net.TCPListener) error {
	listener, err := ln.SyscallConn()
	if err != nil {
		return err
	}
	l.listener = listener
	var added error
	err = listener.Control(func(fd uintptr) {
		l.listenerFD = int32(fd)
		ev := syscall.EpollEvent{Events: syscall.EPOLLIN, Fd: int32(fd)}
		added = syscall.EpollCtl(l.epfd, syscall.EPOLL_CTL_ADD, int(fd), &ev)
	})
	if err == nil {
		err = added
	}
	if err != nil {
		close(l.exited)
		_ = l.epoll.Close()
		return fmt.Errorf("watching the listener: %w", err)
	}
	l.run()
	if l.hs.shuttingDown() {
		return http.ErrServerClosed
	}
	return errors.New("the event loop stopped")
}

// accept takes the connections waiting on the listener. Control keeps the listener's
// descriptor from being closed (by Shutdown) while accept4 runs.
func (l *eventLoop) accept() {
	for range 64 { // then answer requests; the listener stays ready
		if l.hs.shuttingDown() {
			return
		}
		nfd, acceptErr := -1, error(nil)
		if err := l.listener.Control(func(fd uintptr) {
			nfd, _, acceptErr = syscall.Accept4(int(fd), syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC)
		}); err != nil {
			return // closed
		}
		switch acceptErr {
		case nil:
			l.add(nfd)
		case syscall.EAGAIN, syscall.ECONNABORTED, syscall.EINTR:
			return
		default:
			// Out of descriptors: give the server a moment before trying again.
			time.Sleep(5 * time.Millisecond)
			return
		}
	}
}

// add starts watching a new connection.
func (l *eventLoop) add(fd int) {
	_ = syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1) // as net does
	ev := syscall.EpollEvent{Events: syscall.EPOLLIN | syscall.EPOLLRDHUP, Fd: int32(fd)}
	if err := syscall.EpollCtl(l.epfd, syscall.EPOLL_CTL_ADD, fd, &ev); err != nil {
		_ = syscall.Close(fd)
		return
	}
	l.conns[int32(fd)] = &loopConn{fd: fd, deadline: l.after(readHeaderTimeout)}
	l.open.Add(1)
}

// run is the loop: wait for ready connections, answer them in order, and once a second
// close the ones whose deadline passed.
func (l *eventLoop) run() {
	defer close(l.exited)
	defer l.epoll.Close()
	nextSweep := time.Now().Add(time.Second)
	lastYield := time.Now()
	_ = l.epoll.SetReadDeadline(nextSweep)
	stopping := false
	for {
		// Shutdown and Close set their flag before wake moves the deadline, so a flag
		// missed here means the wait below returns at once.
		var n int
		var err error
		if !l.closing.Load() && stopping == l.hs.shuttingDown() {
			n, err = l.wait()
		}
		if l.closing.Load() {
			l.closeAll()
			return
		}
		if err != nil && !errors.Is(err, os.ErrDeadlineExceeded) {
			l.closeAll()
			return
		}
		now := time.Now()
		l.now = now.UnixNano() // one clock reading per round serves every deadline in it
		for i := 0; i < n; i++ {
			ev := l.events[i]
			if ev.Fd == l.listenerFD {
				l.accept()
			} else if c := l.conns[ev.Fd]; c != nil {
				l.serveConn(c, ev.Events)
			}
		}
		if now.Sub(lastYield) > yieldEvery {
			runtime.Gosched()
			lastYield = now
		}
		stopping = l.hs.shuttingDown()
		if now.After(nextSweep) || stopping {
			l.sweep(l.now, stopping)
			if stopping && l.open.Load() == 0 {
				return
			}
			nextSweep = now.Add(time.Second)
			if stopping {
				nextSweep = now.Add(10 * time.Millisecond)
			}
			_ = l.epoll.SetReadDeadline(nextSweep)
		}
	}
}

// after is the deadline d from the start of the current round, in Unix nanoseconds.
func (l *eventLoop) after(d time.Duration) int64 { return l.now + int64(d) }

// wait returns the number of ready events, parking the goroutine while there are none.
// It keeps looking for spinBeforeParking before it parks (see there for why).
func (l *eventLoop) wait() (int, error) {
	start := time.Now()
	for {
		if n := l.poll(); n > 0 {
			return n, nil
		}
		if time.Since(start) > spinBeforeParking {
			break
		}
	}
	var n int
	err := l.waiter.Read(func(fd uintptr) bool {
		var err error
		n, err = syscall.EpollWait(int(fd), l.events[:], 0)
		if err != nil {
			n = 0 // EINTR: look again
		}
		return n > 0
	})
	return n, err
}

// poll asks the kernel for ready events without waiting. Like the loop's reads and writes,
// it is a raw system call: it never blocks, and it does not tell the scheduler it is in
// one, so sysmon never takes the loop's P away (see spinBeforeParking).
func (l *eventLoop) poll() int {
	n, _, errno := syscall.RawSyscall6(syscall.SYS_EPOLL_PWAIT, uintptr(l.epfd),
		uintptr(unsafe.Pointer(&l.events[0])), uintptr(len(l.events)), 0, 0, 0)
	if errno != 0 {
		return 0 // EINTR: the caller looks again
	}
	return int(n)
}

// rawRead and rawWrite are read(2) and write(2) on a non-blocking socket, as raw system
// calls (see poll). p must not be empty.
func rawRead(fd int, p []byte) (int, error) {
	n, _, errno := syscall.RawSyscall(syscall.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)))
	if errno != 0 {
		return -1, errno
	}
	return int(n), nil
}

func rawWrite(fd int, p []byte) (int, error) {
	n, _, errno := syscall.RawSyscall(syscall.SYS_WRITE, uintptr(fd), uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)))
	if errno != 0 {
		return -1, errno
	}
	return int(n), nil
}

// wake makes the loop look at the server's state now (Shutdown, Close).
func (l *eventLoop) wake() { _ = l.epoll.SetReadDeadline(time.Unix(1, 0)) }

// serveConn reads what the connection has sent, answers every complete request, and
// writes the answers with one call.
func (l *eventLoop) serveConn(c *loopConn, events uint32) {
	if len(c.pending) > 0 {
		if !l.flush(c) || len(c.pending) > 0 {
			return
		}
	}
	if events&(syscall.EPOLLIN|syscall.EPOLLRDHUP|syscall.EPOLLHUP|syscall.EPOLLERR) != 0 && !c.sawEOF {
		if len(c.buf) == cap(c.buf) {
			grown := make([]byte, len(c.buf), max(2*cap(c.buf), loopBufferSize))
			copy(grown, c.buf)
			c.buf = grown
		}
		n, err := rawRead(c.fd, c.buf[len(c.buf):cap(c.buf)])
		switch {
		case err == syscall.EAGAIN:
		case err != nil:
			l.drop(c)
			return
		case n == 0:
			c.sawEOF = true
		default:
			if len(c.buf) == 0 { // a new request starts: its headers get readHeaderTimeout
				c.deadline = l.after(readHeaderTimeout)
			}
			c.buf = c.buf[:len(c.buf)+n]
		}
	}
	// Answers go out with one writev: head, date and body of each, with no copying.
	parts, size := l.parts[:0], 0
	answered := 0
	for !c.closeNow && len(parts) < maxWriteParts {
		end := bytes.Index(c.buf, headerEnd)
		if end < 0 {
			if len(c.buf) > maxHeaderBytes {
				l.handOff(c, parts) // net/http answers 431
				return
			}
			break
		}
		req := c.buf[:end+len(headerEnd)]
		r, status, head, closeAfter, ok := l.hs.answer(req)
		if !ok {
			l.handOff(c, parts)
			return
		}
		date := l.hs.date.get()
		parts = append(parts, r.head, date)
		n := len(r.head) + len(date)
		if !head && status == http.StatusOK {
			parts = append(parts, r.body)
			n += len(r.body)
		}
		size += n
		l.hs.srv.metrics.count(status, int64(n), 0)
		answered++
		c.buf = c.buf[:copy(c.buf, c.buf[len(req):])]
		c.closeNow = closeAfter || l.hs.shuttingDown()
	}
	l.parts = parts
	if answered > 0 {
		l.hs.served.Add(int64(answered))
		c.deadline = l.after(idleTimeout)
		if len(c.buf) > 0 {
			c.deadline = l.after(readHeaderTimeout)
		}
		if !l.write(c, parts, size) {
			return
		}
		if len(c.pending) == 0 && len(c.buf) > 0 && !c.closeNow {
			// More pipelined requests than one writev takes: answer the rest at once.
			l.serveConn(c, 0)
			return
		}
	}
	if len(c.pending) == 0 && (c.closeNow || c.sawEOF) {
		l.drop(c)
	}
}

// maxWriteParts bounds one writev, well under the kernel's IOV_MAX of 1024.
const maxWriteParts = 768

// write sends parts (size bytes in all) with writev. What the socket does not take is
// copied to c.pending, and the loop waits until c is writable. False when c was dropped.
func (l *eventLoop) write(c *loopConn, parts [][]byte, size int) bool {
	iov := l.iov[:0]
	for _, p := range parts {
		if len(p) > 0 {
			v := syscall.Iovec{Base: &p[0]}
			v.SetLen(len(p))
			iov = append(iov, v)
		}
	}
	l.iov = iov
	n := 0
	if len(iov) > 0 {
		written, _, errno := syscall.RawSyscall(syscall.SYS_WRITEV, uintptr(c.fd), uintptr(unsafe.Pointer(&iov[0])), uintptr(len(iov)))
		switch {
		case errno == syscall.EAGAIN:
		case errno != 0:
			l.drop(c)
			return false
		default:
			n = int(written)
		}
	}
	if n == size {
		return true
	}
	// Keep a copy of the rest: the parts are reused for the next connection.
	rest := make([]byte, 0, size-n)
	for _, p := range parts {
		skip := min(n, len(p))
		n -= skip
		rest = append(rest, p[skip:]...)
	}
	c.pending = rest
	c.waitingToWrite = true
	c.deadline = l.after(writeTimeout)
	return l.watch(c, syscall.EPOLLOUT)
}

// flush writes pending answers once c is writable. False when c was dropped; what the
// socket still does not take stays pending.
func (l *eventLoop) flush(c *loopConn) bool {
	n, err := rawWrite(c.fd, c.pending)
	if err != nil && err != syscall.EAGAIN {
		l.drop(c)
		return false
	}
	c.pending = c.pending[max(n, 0):]
	if len(c.pending) > 0 {
		return true
	}
	c.pending = nil
	c.waitingToWrite = false
	c.deadline = l.after(idleTimeout)
	return l.watch(c, syscall.EPOLLIN|syscall.EPOLLRDHUP)
}

// watch changes the events the loop waits for on c; false when c had to be dropped.
func (l *eventLoop) watch(c *loopConn, events uint32) bool {
	ev := syscall.EpollEvent{Events: events, Fd: int32(c.fd)}
	if err := syscall.EpollCtl(l.epfd, syscall.EPOLL_CTL_MOD, c.fd, &ev); err != nil {
		l.drop(c)
		return false
	}
	return true
}

// forget stops watching c; the caller closes or hands off its socket.
func (l *eventLoop) forget(c *loopConn) {
	_ = syscall.EpollCtl(l.epfd, syscall.EPOLL_CTL_DEL, c.fd, nil)
	delete(l.conns, int32(c.fd))
	l.open.Add(-1)
}

// drop closes c.
func (l *eventLoop) drop(c *loopConn) {
	l.forget(c)
	_ = syscall.Close(c.fd)
}

// handOff gives c to net/http, after writing the answers it already has (parts) and any
// still pending.
func (l *eventLoop) handOff(c *loopConn, parts [][]byte) {
	l.forget(c)
	unwritten := append([]byte(nil), c.pending...)
	for _, p := range parts {
		unwritten = append(unwritten, p...)
	}
	buffered := append([]byte(nil), c.buf...)
	go func() {
		f := os.NewFile(uintptr(c.fd), "")
		conn, err := net.FileConn(f) // a duplicate of the socket, in Go's poller
		_ = f.Close()
		if err != nil {
			return
		}
		if len(unwritten) > 0 {
			_ = conn.SetWriteDeadline(time.Now().Add(writeTimeout))
			if _, err := conn.Write(unwritten); err != nil {
				_ = conn.Close()
				return
			}
			_ = conn.SetWriteDeadline(time.Time{})
		}
		if !l.hs.handOff(conn, buffered) {
			_ = conn.Close()
		}
	}()
}

// sweep closes connections whose deadline passed, and when the server is stopping, the
// ones between requests.
func (l *eventLoop) sweep(now int64, stopping bool) {
	for _, c := range l.conns { // deleting while ranging over a map is allowed
		idle := len(c.buf) == 0 && len(c.pending) == 0
		if c.deadline < now || (stopping && idle) {
			l.drop(c)
		}
	}
}

// closeAll drops every connection (Close).
func (l *eventLoop) closeAll() {
	for _, c := range l.conns {
		l.drop(c)
	}
}
