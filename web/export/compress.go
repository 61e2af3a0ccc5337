package export

import "github.com/versus-dev/versus/web/compress"

const htmlType = "text/html; charset=utf-8"

// copies are the precompressed files written beside each compressible file.
var copies = []struct {
	suffix string
	make   func(*compress.Compressor, []byte) ([]byte, error)
}{
	{".gz", (*compress.Compressor).Gzip},
	{".br", (*compress.Compressor).Brotli},
}
