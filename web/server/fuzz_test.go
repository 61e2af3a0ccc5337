package server

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/url"
	"testing"
	"time"
)

// FuzzRequest sends arbitrary request targets over TCP to the hardened http.Server that
// serves the site: it must never panic or answer 500, and redirects must stay on this
// site.
func FuzzRequest(f *testing.F) {
	addr := listen(f, newTestServer(f))
	for _, seed := range []string{
		"/", "/compare/flask-vs-django?cat=data,x&diff=2&q=orm", "/compare/Django-vs-Flask/ORM/",
		"/static/../go.mod", "/guides/%2e%2e/", "//evil.example/", "/search?q=%ff", "/compare/flask-vs-django/choose?x=1",
		"/compare/flask-vs-django/database.json", "/frameworks/", "/\\evil", "/A?#%", "*", "http://evil.example/",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, target string) {
		conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: versus.example\r\nConnection: close\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%q: no response: %v", target, err)
		}
		resp.Body.Close()
		if resp.StatusCode >= 500 {
			t.Fatalf("%q: status %d", target, resp.StatusCode)
		}
		if loc := resp.Header.Get("Location"); loc != "" {
			if l, err := url.Parse(loc); err != nil || l.Host != "" || len(loc) > 1 && loc[1] == '/' {
				t.Fatalf("%q redirects off the site to %q", target, loc)
			}
		}
	})
}
