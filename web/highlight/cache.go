package highlight

import (
	"bytes"
	"compress/gzip"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
)

// Cache is a set of highlighted blocks written ahead of time, and the chroma version that
// highlighted them.
//
// Its file is gzip-compressed text: a header line, a line naming the chroma version, then
// one record per block, sorted by key:
//
//	versus highlight cache 1
//	chroma v2.27.0
//	<32 hex digits of the key> <length of the HTML in bytes>
//	<the HTML>
type Cache struct {
	Chroma  string // the chroma module version that made the entries
	entries map[Key]string
}

const cacheHeader = "versus highlight cache 1\n"

// Len is the number of blocks in the cache.
func (c *Cache) Len() int { return len(c.entries) }

// Equal reports whether c and other hold the same version and entries.
func (c *Cache) Equal(other *Cache) bool {
	if c.Chroma != other.Chroma || len(c.entries) != len(other.entries) {
		return false
	}
	for k, html := range c.entries {
		if o, ok := other.entries[k]; !ok || o != html {
			return false
		}
	}
	return true
}

// Encode writes the cache in its file format. The same cache always encodes to the same
// bytes.
func (c *Cache) Encode() ([]byte, error) {
	keys := make([]Key, 0, len(c.entries))
	for k := range c.entries {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b Key) int { return bytes.Compare(a[:], b[:]) })
	var text bytes.Buffer
	text.WriteString(cacheHeader)
	text.WriteString("chroma " + c.Chroma + "\n")
	for _, k := range keys {
		html := c.entries[k]
		fmt.Fprintf(&text, "%s %d\n%s\n", hex.EncodeToString(k[:]), len(html), html)
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(text.Bytes()); err != nil {
		return nil, fmt.Errorf("compressing the highlight cache: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compressing the highlight cache: %w", err)
	}
	return out.Bytes(), nil
}

// ParseCache reads a cache file. An error says where the file is damaged.
func ParseCache(data []byte) (*Cache, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("highlight cache: %w", err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("highlight cache: %w", err)
	}
	rest, ok := bytes.CutPrefix(text, []byte(cacheHeader))
	if !ok {
		return nil, errors.New("highlight cache: line 1: not a versus highlight cache (version 1)")
	}
	line := 2
	next := func() (string, bool) {
		l, after, found := bytes.Cut(rest, []byte{'\n'})
		if !found {
			return "", false
		}
		rest = after
		line++
		return string(l), true
	}
	version, ok := next()
	chroma, found := strings.CutPrefix(version, "chroma ")
	if !ok || !found || chroma == "" {
		return nil, fmt.Errorf("highlight cache: line %d: want \"chroma <version>\"", line-1)
	}
	c := &Cache{Chroma: chroma, entries: map[Key]string{}}
	for len(rest) > 0 {
		recordLine := line
		record, ok := next()
		if !ok {
			return nil, fmt.Errorf("highlight cache: line %d: record without a newline", recordLine)
		}
		key, size, err := parseRecord(record)
		if err != nil {
			return nil, fmt.Errorf("highlight cache: line %d: %w", recordLine, err)
		}
		if size+1 > len(rest) || rest[size] != '\n' {
			return nil, fmt.Errorf("highlight cache: line %d: the HTML is shorter than its %d bytes", recordLine, size)
		}
		html := string(rest[:size])
		line += bytes.Count(rest[:size+1], []byte{'\n'})
		rest = rest[size+1:]
		c.entries[key] = html
	}
	return c, nil
}

// parseRecord reads "<hex key> <size>".
func parseRecord(record string) (Key, int, error) {
	var k Key
	hexKey, sizeText, ok := strings.Cut(record, " ")
	if !ok || len(hexKey) != 2*len(k) {
		return k, 0, fmt.Errorf("want \"<%d hex digits> <size>\", got %q", 2*len(k), record)
	}
	if _, err := hex.Decode(k[:], []byte(hexKey)); err != nil {
		return k, 0, fmt.Errorf("key %q: %w", hexKey, err)
	}
	size, err := strconv.Atoi(sizeText)
	if err != nil || size < 0 {
		return k, 0, fmt.Errorf("size %q is not a byte count", sizeText)
	}
	return k, size, nil
}

// ChromaVersion is the version of the chroma module this program was built with, or ""
// when the build does not record it.
func ChromaVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, dep := range info.Deps {
		if dep.Path == "github.com/alecthomas/chroma/v2" {
			if dep.Replace != nil {
				return dep.Replace.Version
			}
			return dep.Version
		}
	}
	return ""
}

// Usable reports whether the cache was made by the chroma this program runs, and if not,
// why not. A program that does not record its chroma version (test binaries) trusts the
// cache: content/highlight.cache is checked against chroma by the content tests.
func (c *Cache) Usable() (bool, string) {
	return c.usableWith(ChromaVersion())
}

func (c *Cache) usableWith(running string) (bool, string) {
	if running != "" && running != c.Chroma {
		return false, fmt.Sprintf("it was made by chroma %s, and this program runs chroma %s", c.Chroma, running)
	}
	return true, ""
}
