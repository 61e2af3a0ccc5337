// Package compress makes the gzip and brotli copies of pre-rendered responses, for the
// server's store and the static export alike. A Compressor keeps its writers between
// calls: brotli's hash tables are large, and allocating them per page was a visible part
// of start-up.
package compress

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// Compression levels, chosen by measurement on the shipped site (README, "Compression
// levels"). Gzip 9 compresses the whole site in 57 ms against 42 ms at 6, for pages 0.6%
// smaller. Brotli above 5 switches to much slower match finders: rendering and compressing
// the site takes ~0.14 s at 5, ~0.29 s at 7 and several seconds at 10-11, for a few
// percent of size (go test ./web/server -bench RenderSite).
const (
	GzipLevel   = gzip.DefaultCompression // 6
	BrotliLevel = 5
)

// Compressible reports whether a content type is text that compression shrinks; images
// other than SVG, and fonts, are compressed already.
func Compressible(contentType string) bool {
	return strings.HasPrefix(contentType, "text/") || strings.Contains(contentType, "json") ||
		strings.Contains(contentType, "xml") || strings.Contains(contentType, "javascript") ||
		strings.Contains(contentType, "svg")
}

// Compressor compresses bodies one at a time; use one per goroutine.
type Compressor struct {
	buf bytes.Buffer
	gz  *gzip.Writer
	br  *brotli.Writer
}

// New returns a Compressor.
func New() *Compressor {
	c := &Compressor{br: brotli.NewWriterLevel(nil, BrotliLevel)}
	c.gz, _ = gzip.NewWriterLevel(nil, GzipLevel) // the level is a valid constant
	return c
}

// Gzip returns body gzip-compressed.
func (c *Compressor) Gzip(body []byte) ([]byte, error) { return c.compress(c.gz, "gzip", body) }

// Brotli returns body brotli-compressed.
func (c *Compressor) Brotli(body []byte) ([]byte, error) { return c.compress(c.br, "brotli", body) }

// resettableWriter is a compressing writer that can be reused (gzip's and brotli's).
type resettableWriter interface {
	io.WriteCloser
	Reset(io.Writer)
}

// compress runs body through w into the shared buffer and returns a copy of the result.
func (c *Compressor) compress(w resettableWriter, format string, body []byte) ([]byte, error) {
	c.buf.Reset()
	w.Reset(&c.buf)
	if _, err := w.Write(body); err != nil {
		return nil, fmt.Errorf("%s: %w", format, err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("%s: %w", format, err)
	}
	return bytes.Clone(c.buf.Bytes()), nil
}
