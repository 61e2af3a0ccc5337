package server

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"regexp"
	"testing"
)

// TestComparisonPageWeight holds the comparison page to its budget: its HTML, CSS and JS
// together at most 60 KB gzip-compressed (brotli is smaller still), no script in <head>
// that blocks rendering, and no web fonts.
func TestComparisonPageWeight(t *testing.T) {
	srv := shippedServer(t)
	gz := func(path string) (int, []byte) {
		resp := get(t, srv, http.MethodGet, path, "Accept-Encoding", "gzip")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		var raw bytes.Buffer
		_, _ = raw.ReadFrom(resp.Body)
		zr, err := gzip.NewReader(bytes.NewReader(raw.Bytes()))
		if err != nil {
			t.Fatalf("%s is not gzip: %v", path, err)
		}
		var plain bytes.Buffer
		_, _ = plain.ReadFrom(zr)
		return raw.Len(), plain.Bytes()
	}
	total, html := gz("/compare/flask-vs-django")
	assets := regexp.MustCompile(`(?:href|src)="(/static/[^"]+\.(?:css|js))"`).FindAllSubmatch(html, -1)
	if len(assets) < 2 {
		t.Fatalf("found %d stylesheets and scripts", len(assets))
	}
	for _, m := range assets {
		n, body := gz(string(m[1]))
		total += n
		if bytes.Contains(body, []byte("@font-face")) {
			t.Errorf("%s loads a web font", m[1])
		}
	}
	t.Logf("comparison page: %d bytes of HTML, CSS and JS, gzip", total)
	if total > 60_000 {
		t.Errorf("comparison page weighs %d bytes compressed, over the 60 KB budget", total)
	}
	head := html[:bytes.Index(html, []byte("</head>"))]
	for _, tag := range regexp.MustCompile(`<script[^>]*>`).FindAll(head, -1) {
		if !bytes.Contains(tag, []byte("defer")) && !bytes.Contains(tag, []byte("async")) && !bytes.Contains(tag, []byte("application/ld+json")) {
			t.Errorf("render-blocking script in <head>: %s", tag)
		}
	}
}
