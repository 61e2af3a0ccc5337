package export

import (
	"net/http"
	"path"
	"strings"
	"testing"

	"github.com/versus-dev/versus/web/server"
	"github.com/versus-dev/versus/web/site/sitetest"
)

// parseHeadersFile reads a _headers file as Netlify and Cloudflare Pages do: a line with a
// path pattern, then indented "Name: value" lines; # starts a comment.
func parseHeadersFile(t *testing.T, text string) map[string]http.Header {
	t.Helper()
	rules := map[string]http.Header{}
	var current http.Header
	for n, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		switch trimmed := strings.TrimSpace(line); {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case !strings.HasPrefix(line, " ") && strings.HasPrefix(line, "/"):
			current = http.Header{}
			rules[line] = current
		case strings.HasPrefix(line, "  ") && current != nil:
			name, value, ok := strings.Cut(trimmed, ": ")
			if !ok {
				t.Fatalf("_headers line %d: %q is not Name: value", n+1, line)
			}
			current.Add(name, value)
		default:
			t.Fatalf("_headers line %d: %q is neither a path nor an indented header", n+1, line)
		}
	}
	return rules
}

// matches reports whether a _headers pattern (a path, "*" matching the rest) covers p.
func matches(pattern, p string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	return pattern == p
}

// TestHeadersFileMatchesServer: a host that reads _headers sends, on a page and on a hashed
// asset, the security headers the server sends, and the asset's cache policy.
func TestHeadersFileMatchesServer(t *testing.T) {
	out := newBuild(t, sitetest.FS())
	srv := server.New(server.Config{}, out, nil)
	dir, _ := export(t, out)
	rules := parseHeadersFile(t, string(readFile(t, dir, HeadersFile)))
	var asset string
	for _, f := range out.Files {
		if f.Immutable && path.Ext(f.Path) == ".css" {
			asset = f.Path
		}
	}
	for _, p := range []string{"/", "/compare/flask-vs-django/orm", asset} {
		want := serve(srv, p).Header()
		got := http.Header{}
		for pattern, h := range rules {
			if matches(pattern, p) {
				for name, values := range h {
					got[name] = append(got[name], values...)
				}
			}
		}
		names := []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy"}
		if p == asset {
			names = append(names, "Cache-Control")
		}
		for _, name := range names {
			if g, w := strings.Join(got[name], ", "), want.Get(name); g != w || w == "" {
				t.Errorf("%s: _headers gives %s %q, the server sends %q", p, name, g, w)
			}
		}
		for name := range got {
			if want.Get(name) == "" {
				t.Errorf("%s: _headers gives %s, which the server does not send", p, name)
			}
		}
	}
}
