// Package logwriter buffers the server's log output, so that a log line per request does
// not cost a write system call per line. Lines reach the underlying writer when the
// buffer fills, a short while after they were written, and on Flush or Close (which the
// server calls at shutdown, so nothing is lost on SIGTERM).
package logwriter

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// bufferSize is the buffer's size: ~200 request lines of JSON.
const bufferSize = 64 << 10

// Writer is a buffered writer that is safe for concurrent use and flushes itself a
// short while after each write. Write it whole lines (slog's handlers do).
type Writer struct {
	mu      sync.Mutex
	buf     *bufio.Writer
	delay   time.Duration
	timer   *time.Timer // armed while unflushed bytes wait; nil when none do
	closed  bool
	lastErr error
}

// New returns a Writer over w that flushes at most delay after a write.
func New(w io.Writer, delay time.Duration) *Writer {
	return &Writer{buf: bufio.NewWriterSize(w, bufferSize), delay: delay}
}

// Write buffers p. After Close it writes through.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, err := w.buf.Write(p)
	if err != nil {
		return n, err
	}
	if w.closed {
		return n, w.buf.Flush()
	}
	if w.timer == nil && w.buf.Buffered() > 0 {
		w.timer = time.AfterFunc(w.delay, w.flushFromTimer)
	}
	return n, nil
}

func (w *Writer) flushFromTimer() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.timer = nil
	w.lastErr = w.buf.Flush()
}

// Flush writes out whatever is buffered.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	return w.buf.Flush()
}

// Close flushes, and makes later writes go straight through. It returns the first error
// of this flush or, failing that, of the last timed one.
func (w *Writer) Close() error {
	err := w.Flush()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	if err == nil {
		err = w.lastErr
	}
	return err
}
