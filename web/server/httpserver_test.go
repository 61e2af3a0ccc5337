package server

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestLimitClosesTheLongestIdleConnections: as a new connection takes the count to 90% of
// the bound, idle keep-alive connections are closed, longest idle first, down to 75%; the
// others, and the new one, are served.
func TestLimitClosesTheLongestIdleConnections(t *testing.T) {
	hs := NewHTTPServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok") }), nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = hs.Serve(hs.Limit(ln, 20)) }() // closes idle ones from 18 down to 15
	t.Cleanup(func() { _ = hs.Close() })
	addr := ln.Addr().String()
	request := func(c net.Conn) error {
		_ = c.SetDeadline(time.Now().Add(2 * time.Second))
		if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: a\r\n\r\n"); err != nil {
			return err
		}
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	var conns []net.Conn
	for i := range 17 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if err := request(c); err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		conns = append(conns, c)
		time.Sleep(2 * time.Millisecond) // so their idle times differ
	}
	if got := hs.OpenConnections(); got != 17 {
		t.Fatalf("%d connections open, want 17", got)
	}
	newcomer, err := net.Dial("tcp", addr) // the 18th
	if err != nil {
		t.Fatal(err)
	}
	defer newcomer.Close()
	if err := request(newcomer); err != nil {
		t.Fatalf("the new connection: %v", err)
	}
	// 18 open, 15 wanted: the three longest idle are closed by the server.
	for i, c := range conns {
		_ = c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
		_, err := c.Read(make([]byte, 1))
		closed := err == io.EOF || (err != nil && strings.Contains(err.Error(), "reset"))
		if closed != (i < 3) {
			t.Errorf("connection %d (opened %d-th): closed %v, read error %v", i, i+1, closed, err)
		}
	}
}
