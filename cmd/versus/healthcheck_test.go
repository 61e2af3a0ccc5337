package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHealthcheck(t *testing.T) {
	healthy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte("ok\n"))
	}))
	defer healthy.Close()
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "not ready", http.StatusServiceUnavailable)
	}))
	defer failing.Close()
	closed := func() string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		return addr
	}()
	port := func(addr string) string { _, p, _ := net.SplitHostPort(addr); return p }

	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		exit   int
		stdout string
		stderr string
	}{
		{name: "healthy", args: []string{"-addr", healthy.Listener.Addr().String()}, exit: 0,
			stdout: "healthy: GET http://" + healthy.Listener.Addr().String() + "/healthz answered 200"},
		{name: "address from the environment", env: map[string]string{"VERSUS_ADDR": healthy.Listener.Addr().String()}, exit: 0, stdout: "healthy"},
		{name: "wildcard host probes 127.0.0.1", args: []string{"-addr", ":" + port(healthy.Listener.Addr().String())}, exit: 0,
			stdout: "healthy: GET http://127.0.0.1:" + port(healthy.Listener.Addr().String())},
		{name: "unhealthy", args: []string{"-addr", failing.Listener.Addr().String()}, exit: 1, stderr: "answered 503 Service Unavailable"},
		{name: "nothing listening", args: []string{"-addr", closed}, exit: 1, stderr: "connection refused"},
		{name: "bad address", args: []string{"-addr", "localhost"}, exit: 1, stderr: `address "localhost" must be host:port`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runVersus(t, tt.env, append([]string{"healthcheck"}, tt.args...)...)
			if r.exit != tt.exit {
				t.Errorf("exit %d, want %d; err %v", r.exit, tt.exit, r.err)
			}
			if !strings.Contains(r.stdout, tt.stdout) || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stdout %q, want %q; stderr %q, want %q", r.stdout, tt.stdout, r.stderr, tt.stderr)
			}
		})
	}
}

// TestHealthcheckTimeout checks that a server that accepts but never answers fails the
// check within -timeout.
func TestHealthcheckTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		if conn, err := ln.Accept(); err == nil {
			accepted <- conn // held open and silent until the test ends
		}
	}()
	t.Cleanup(func() {
		select {
		case conn := <-accepted:
			conn.Close()
		default:
		}
	})
	r := runVersus(t, nil, "healthcheck", "-addr", ln.Addr().String(), "-timeout", "200ms")
	if r.exit != 1 || !strings.Contains(r.stderr, "deadline exceeded") {
		t.Errorf("exit %d, stderr %q", r.exit, r.stderr)
	}
}
