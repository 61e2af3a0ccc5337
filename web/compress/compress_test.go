package compress

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestRoundTripWithReusedWriters(t *testing.T) {
	c := New()
	for _, body := range []string{strings.Repeat("<p>Flask vs Django</p>", 200), "", "x", strings.Repeat("ab", 5000)} {
		gz, err := c.Gzip([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		br, err := c.Brotli([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := io.ReadAll(zr); string(got) != body {
			t.Errorf("gzip round trip of %d bytes failed", len(body))
		}
		if got, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); string(got) != body {
			t.Errorf("brotli round trip of %d bytes failed", len(body))
		}
	}
}

func TestCompressible(t *testing.T) {
	for ct, want := range map[string]bool{
		"text/html; charset=utf-8": true, "application/json": true, "image/svg+xml": true,
		"application/atom+xml": true, "text/javascript": true, "image/png": false, "font/woff2": false,
	} {
		if Compressible(ct) != want {
			t.Errorf("Compressible(%q) = %v", ct, !want)
		}
	}
}
