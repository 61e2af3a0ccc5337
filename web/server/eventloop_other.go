//go:build !linux

package server

import (
	"errors"
	"net"
	"sync/atomic"
)

// eventLoop is Linux-only (eventloop_linux.go); elsewhere each connection has its own
// goroutine (HTTPServer.serveConn).
type eventLoop struct {
	open    atomic.Int64
	closing atomic.Bool
	exited  chan struct{}
}

func newEventLoop(*HTTPServer) (*eventLoop, error) { return nil, errors.ErrUnsupported }

func (*eventLoop) serve(*net.TCPListener) error { return errors.ErrUnsupported }

func (*eventLoop) wake() {}
