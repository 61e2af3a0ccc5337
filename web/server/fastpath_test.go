package server

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// fastModes are the fast path's two ways of serving connections: the event loop (Linux)
// and a goroutine per connection (elsewhere).
var fastModes = []struct {
	name             string
	goroutinePerConn bool
}{{"event loop", false}, {"goroutine per connection", true}}

// eachFastMode runs test once per mode, with startFast serving srv on 127.0.0.1 that way.
func eachFastMode(t *testing.T, test func(t *testing.T, startFast func(*Server) (*HTTPServer, string))) {
	for _, mode := range fastModes {
		t.Run(mode.name, func(t *testing.T) {
			test(t, func(srv *Server) (*HTTPServer, string) {
				t.Helper()
				ln, err := net.Listen("tcp", "127.0.0.1:0")
				if err != nil {
					t.Fatal(err)
				}
				hs := NewFastHTTPServer(srv, srv)
				hs.goroutinePerConn = mode.goroutinePerConn
				go func() { _ = hs.Serve(ln) }()
				t.Cleanup(func() { _ = hs.Close() })
				return hs, ln.Addr().String()
			})
		})
	}
}

// exchange sends raw requests on one connection and reads n responses.
func exchange(t *testing.T, addr, raw string, n int, methods ...string) []*http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := conn.Write([]byte(raw)); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	var out []*http.Response
	for i := 0; i < n; i++ {
		method := http.MethodGet
		if i < len(methods) {
			method = methods[i]
		}
		resp, err := http.ReadResponse(br, &http.Request{Method: method})
		if err != nil {
			t.Fatalf("response %d: %v", i, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body = io.NopCloser(strings.NewReader(string(body)))
		resp.ContentLength = int64(len(body))
		out = append(out, resp)
	}
	return out
}

func request(method, target string, headers ...string) string {
	return method + " " + target + " HTTP/1.1\r\nHost: versus.example\r\n" + strings.Join(headers, "") + "\r\n"
}

// TestFastPathMatchesNetHTTP checks that the fast path answers exactly what the handler
// answers through net/http: status, headers and body, in every encoding, for 304s and
// HEAD.
func TestFastPathMatchesNetHTTP(t *testing.T) {
	eachFastMode(t, func(t *testing.T, startFast func(*Server) (*HTTPServer, string)) {
		srv := newTestServer(t)
		hs, addr := startFast(srv)
		defer func() {
			if hs.served.Load() < 10 {
				t.Errorf("the fast path answered only %d requests; the rest went to net/http", hs.served.Load())
			}
		}()
		cases := []struct {
			method, path string
			headers      []string
		}{
			{"GET", "/compare/flask-vs-django", nil},
			{"GET", "/compare/flask-vs-django", []string{"Accept-Encoding: gzip\r\n"}},
			{"GET", "/compare/flask-vs-django/orm", []string{"accept-encoding: gzip, deflate, br\r\n"}},
			{"HEAD", "/guides/start-here", []string{"Accept-Encoding: br\r\n"}},
			{"GET", "/", nil},
		}
		for _, c := range cases {
			got := exchange(t, addr, request(c.method, c.path, c.headers...), 1, c.method)[0]
			req, _ := http.NewRequest(c.method, c.path, nil)
			for _, h := range c.headers {
				k, v, _ := strings.Cut(strings.TrimSpace(h), ":")
				req.Header.Set(k, strings.TrimSpace(v))
			}
			want := get(t, srv, c.method, c.path, headerPairs(req)...)
			wantBody, _ := io.ReadAll(want.Body)
			gotBody, _ := io.ReadAll(got.Body)
			if got.StatusCode != want.StatusCode || string(gotBody) != string(wantBody) {
				t.Errorf("%s %s: fast path %d with %d bytes, net/http %d with %d bytes", c.method, c.path, got.StatusCode, len(gotBody), want.StatusCode, len(wantBody))
			}
			for k := range want.Header {
				if k == "Date" {
					continue
				}
				if got.Header.Get(k) != want.Header.Get(k) {
					t.Errorf("%s %s: header %s = %q, net/http sends %q", c.method, c.path, k, got.Header.Get(k), want.Header.Get(k))
				}
			}
			if got.Header.Get("Date") == "" {
				t.Errorf("%s %s: no Date header", c.method, c.path)
			}
			// The same ETag gets a 304 from the fast path too.
			again := exchange(t, addr, request(c.method, c.path, append(c.headers, "If-None-Match: "+got.Header.Get("Etag")+"\r\n")...), 1, c.method)[0]
			if again.StatusCode != http.StatusNotModified {
				t.Errorf("%s %s with its ETag: status %d", c.method, c.path, again.StatusCode)
			}
		}
	})
}

func headerPairs(r *http.Request) []string {
	var out []string
	for k, v := range r.Header {
		out = append(out, k, v[0])
	}
	return out
}

// TestFastPathHandsOffWhatItDoesNotServe: queries, other methods, unknown paths, HTTP/1.0
// and big headers go to net/http on the same connection, after any fast answers.
func TestFastPathHandsOffWhatItDoesNotServe(t *testing.T) {
	eachFastMode(t, func(t *testing.T, startFast func(*Server) (*HTTPServer, string)) {
		srv := newTestServer(t)
		_, addr := startFast(srv)
		raw := request("GET", "/guides") + request("GET", "/compare/flask-vs-django?cat=data") + request("GET", "/nope") + request("POST", "/")
		resps := exchange(t, addr, raw, 4)
		for i, want := range []int{200, 200, 404, 405} {
			if resps[i].StatusCode != want {
				t.Errorf("pipelined response %d: status %d, want %d", i, resps[i].StatusCode, want)
			}
		}
		body, _ := io.ReadAll(resps[1].Body)
		if !strings.Contains(string(body), "Showing 1 of 2 rows") {
			t.Error("the filtered view was not rendered by the handler")
		}
		if got := exchange(t, addr, "GET / HTTP/1.0\r\n\r\n", 1)[0].StatusCode; got != 200 {
			t.Errorf("HTTP/1.0: status %d", got)
		}
		big := request("GET", "/", "X-Big: "+strings.Repeat("b", 64<<10)+"\r\n")
		if got := exchange(t, addr, big, 1)[0].StatusCode; got != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("oversized headers: status %d, want 431", got)
		}
		if got := exchange(t, addr, request("GET", "/static/../go.mod"), 1)[0].StatusCode; got != 404 {
			t.Errorf("traversal: status %d", got)
		}
	})
}

// TestFastPathShutdown lets a connection finish and closes idle ones.
func TestFastPathShutdown(t *testing.T) {
	eachFastMode(t, func(t *testing.T, startFast func(*Server) (*HTTPServer, string)) {
		srv := newTestServer(t)
		hs, addr := startFast(srv)
		idle, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer idle.Close()
		exchange(t, addr, request("GET", "/"), 1) // the server works
		time.Sleep(50 * time.Millisecond)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := hs.Shutdown(ctx); err != nil {
			t.Fatalf("Shutdown: %v", err)
		}
		_ = idle.SetReadDeadline(time.Now().Add(2 * time.Second))
		if _, err := idle.Read(make([]byte, 1)); err == nil {
			t.Error("an idle connection stayed open after Shutdown")
		}
		if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			t.Error("the listener still accepts after Shutdown")
		}
	})
}

// TestFastPathAnswerAllocatesNothing: parsing a request and finding its response must
// not allocate (go test -bench FastPath reports the rest of the cost).
func TestFastPathAnswerAllocatesNothing(t *testing.T) {
	hs := NewFastHTTPServer(newTestServer(t), nil)
	req := []byte(request("GET", "/compare/flask-vs-django", "Accept-Encoding: gzip, deflate, br\r\n", "If-None-Match: \"nope\"\r\n", "User-Agent: wrk\r\n"))
	allocs := testing.AllocsPerRun(1000, func() {
		if _, status, _, _, ok := hs.answer(req); !ok || status != http.StatusOK {
			t.Fatal("not answered")
		}
	})
	if allocs != 0 {
		t.Errorf("answer allocates %.1f times per request", allocs)
	}
}

// BenchmarkFastPathAnswer measures parsing a typical browser request and finding its
// pre-serialized response.
func BenchmarkFastPathAnswer(b *testing.B) {
	hs := NewFastHTTPServer(newTestServer(b), nil)
	req := []byte(request("GET", "/compare/flask-vs-django", "Accept-Encoding: gzip, deflate, br\r\n", "User-Agent: Mozilla/5.0\r\n", "Accept: text/html\r\n"))
	b.ReportAllocs()
	for b.Loop() {
		hs.answer(req)
	}
}

// TestFastPathSlowReader pipelines many large answers to a client that does not read for
// a while: what the socket cannot take must wait and arrive whole and in order.
func TestFastPathSlowReader(t *testing.T) {
	eachFastMode(t, func(t *testing.T, startFast func(*Server) (*HTTPServer, string)) {
		srv := newTestServer(t)
		_, addr := startFast(srv)
		want := get(t, srv, "GET", "/compare/flask-vs-django")
		wantBody, _ := io.ReadAll(want.Body)
		const n = 200 // several megabytes: more than the socket buffers hold
		raw := strings.Repeat(request("GET", "/compare/flask-vs-django"), n)
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		_ = conn.SetDeadline(time.Now().Add(20 * time.Second))
		go func() { _, _ = conn.Write([]byte(raw)) }()
		time.Sleep(300 * time.Millisecond) // the server fills the socket and has to wait
		br := bufio.NewReader(conn)
		for i := 0; i < n; i++ {
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatalf("response %d: %v", i, err)
			}
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 || string(body) != string(wantBody) {
				t.Fatalf("response %d: status %d with %d bytes, want 200 with %d", i, resp.StatusCode, len(body), len(wantBody))
			}
		}
	})
}

// TestFastPathClosing: "Connection: close" and a client that closes its side after its
// request both get their answer, then the end of the connection.
func TestFastPathClosing(t *testing.T) {
	eachFastMode(t, func(t *testing.T, startFast func(*Server) (*HTTPServer, string)) {
		_, addr := startFast(newTestServer(t))
		for _, tc := range []struct {
			name      string
			raw       string
			halfClose bool
		}{
			{"connection close", request("GET", "/", "Connection: close\r\n") + request("GET", "/guides"), false},
			{"half close", request("GET", "/") + request("GET", "/guides"), true},
		} {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
			if _, err := conn.Write([]byte(tc.raw)); err != nil {
				t.Fatal(err)
			}
			if tc.halfClose {
				_ = conn.(*net.TCPConn).CloseWrite()
			}
			all, err := io.ReadAll(conn) // returns at the end of the connection
			conn.Close()
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			answers := strings.Count(string(all), "HTTP/1.1 200 OK")
			if want := map[bool]int{false: 1, true: 2}[tc.halfClose]; answers != want {
				t.Errorf("%s: %d answers before the end, want %d", tc.name, answers, want)
			}
		}
	})
}
