// Package compress makes the gzip and brotli copies of the built site's pages and assets
// (web/build). A Compressor keeps its writers between calls, because brotli's hash tables
// are large enough that allocating them per page would slow start-up.
package compress

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
)

// Compression levels: higher levels cost start-up time out of proportion to the bytes
// they save (brotli above 5 switches to much slower match finders). The measurements are
// in the README, "Compression levels".
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
