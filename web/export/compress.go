package export

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"

	"github.com/andybalholm/brotli"
)

// Compression levels: gzip at its best, since static hosts serve the copy as is; brotli
// at 5, because its higher levels switch to much slower match finders (the server makes
// the same choice for its own copies).
const (
	gzipLevel   = gzip.BestCompression
	brotliLevel = 5
)

const htmlType = "text/html; charset=utf-8"

// compressor makes one precompressed copy, written beside the file with suffix.
type compressor struct {
	suffix   string
	compress func([]byte) ([]byte, error)
}

var compressors = []compressor{
	{".gz", gzipBytes},
	{".br", brotliBytes},
}

// compressible reports whether a content type is text that compression shrinks; images
// other than SVG and fonts are compressed already.
func compressible(contentType string) bool {
	return strings.HasPrefix(contentType, "text/") || strings.Contains(contentType, "json") ||
		strings.Contains(contentType, "xml") || strings.Contains(contentType, "javascript") ||
		strings.Contains(contentType, "svg")
}

func gzipBytes(body []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzipLevel)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if _, err := w.Write(body); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return buf.Bytes(), nil
}

func brotliBytes(body []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotliLevel)
	if _, err := w.Write(body); err != nil {
		return nil, fmt.Errorf("brotli: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("brotli: %w", err)
	}
	return buf.Bytes(), nil
}
