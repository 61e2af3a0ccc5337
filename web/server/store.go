package server

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"github.com/versus-dev/versus/web/compress"
	"github.com/versus-dev/versus/web/pages"
)

// encoding indexes an entry's representations.
type encoding int

const (
	identity encoding = iota
	encGzip
	encBrotli
	numEncodings
)

// entry is a pre-rendered response: every header value is computed once, so serving it
// is a map lookup plus header writes.
type entry struct {
	status       int
	contentType  []string
	cacheControl []string
	variants     [numEncodings]*variant // nil when compression would not help
}

type variant struct {
	body     []byte
	etag     []string
	length   []string
	encoding []string // nil for identity
}

// Cache policies. No "public": nothing here is authenticated, so shared caches may store
// every response anyway (RFC 9111 §3), and REDbot flags it as unnecessary.
var (
	cachePage      = []string{"max-age=300, must-revalidate"}
	cacheImmutable = []string{"max-age=31536000, immutable"}
	varyEncoding   = []string{"Accept-Encoding"}
	cacheDynamic   = []string{"max-age=300"} // pages rendered for a query
	cacheNone      = []string{"no-store"}    // error pages
	allowGetHead   = []string{"GET, HEAD"}
	htmlType       = []string{pages.HTMLType}
)

// newEntry compresses body and computes strong ETags for each representation.
func newEntry(c *compress.Compressor, status int, contentType string, cacheControl []string, body []byte) (*entry, error) {
	sum := sha256.Sum256(body)
	tag := base64.RawURLEncoding.EncodeToString(sum[:12])
	e := &entry{status: status, contentType: []string{contentType}, cacheControl: cacheControl}
	e.variants[identity] = &variant{body: body, etag: []string{`"` + tag + `"`}, length: []string{strconv.Itoa(len(body))}}
	if !compress.Compressible(contentType) {
		return e, nil
	}
	gz, err := c.Gzip(body)
	if err != nil {
		return nil, err
	}
	if len(gz) < len(body) {
		e.variants[encGzip] = &variant{body: gz, etag: []string{`"` + tag + `-gz"`}, length: []string{strconv.Itoa(len(gz))}, encoding: []string{"gzip"}}
	}
	br, err := c.Brotli(body)
	if err != nil {
		return nil, err
	}
	if len(br) < len(body) {
		e.variants[encBrotli] = &variant{body: br, etag: []string{`"` + tag + `-br"`}, length: []string{strconv.Itoa(len(br))}, encoding: []string{"br"}}
	}
	return e, nil
}

// serve writes the entry in the best encoding the client accepts, or 304 when the client
// already has that representation. HEAD gets the same headers and no body.
func (e *entry) serve(w http.ResponseWriter, r *http.Request) {
	v := e.variants[identity]
	if enc := preferredEncoding(r.Header.Get("Accept-Encoding")); e.variants[enc] != nil {
		v = e.variants[enc]
	}
	h := w.Header()
	h["Vary"] = varyEncoding
	h["Etag"] = v.etag
	h["Cache-Control"] = e.cacheControl
	if e.status == http.StatusOK && etagMatches(r.Header.Get("If-None-Match"), v.etag[0]) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h["Content-Type"] = e.contentType
	h["Content-Length"] = v.length
	if v.encoding != nil {
		h["Content-Encoding"] = v.encoding
	}
	w.WriteHeader(e.status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(v.body)
	}
}

// preferredEncoding picks brotli, then gzip, among the codings the client accepts with a
// non-zero q-value; it reads the header in place, without allocating.
func preferredEncoding(accept string) encoding {
	best := identity
	for accept != "" {
		var part string
		part, accept, _ = strings.Cut(accept, ",")
		name, params, _ := strings.Cut(part, ";")
		name = strings.TrimSpace(name)
		if qZero(params) {
			continue
		}
		switch {
		case strings.EqualFold(name, "br"):
			return encBrotli
		case strings.EqualFold(name, "gzip"):
			best = encGzip
		}
	}
	return best
}

// qZero reports whether parameters say q=0 (the coding is refused).
func qZero(params string) bool {
	params = strings.TrimSpace(params)
	if !strings.HasPrefix(params, "q=") && !strings.HasPrefix(params, "Q=") {
		return false
	}
	q := strings.TrimSpace(params[2:])
	return strings.Trim(q, "0.") == "" && q != ""
}

// etagMatches implements If-None-Match's weak comparison against one strong ETag.
func etagMatches(header, etag string) bool {
	for header != "" {
		var candidate string
		candidate, header, _ = strings.Cut(header, ",")
		candidate = strings.TrimSpace(candidate)
		if candidate == "*" || strings.TrimPrefix(candidate, "W/") == etag {
			return true
		}
	}
	return false
}
