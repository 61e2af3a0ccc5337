package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/pages"
)

// entry is a pre-rendered response with every header value built once, as the []string
// net/http's header map holds, so that serving it is a map lookup plus map assignments.
type entry struct {
	contentType  []string
	cacheControl []string
	variants     [build.NumEncodings]*variant // nil where the file has no such encoding
}

type variant struct {
	body     []byte // nil for an identity body that is kept only as its gzip copy
	etag     []string
	length   []string
	encoding []string // nil for identity
}

// Header values, built once. The cache policies of built files are web/build's.
var (
	cachePage      = []string{build.CachePage}
	cacheImmutable = []string{build.CacheImmutable}
	varyEncoding   = []string{"Accept-Encoding"}
	cacheDynamic   = []string{"max-age=300"} // pages rendered for a query
	cacheNone      = []string{"no-store"}    // error pages
	allowGetHead   = []string{"GET, HEAD"}
	htmlType       = []string{pages.HTMLType}
)

// newEntry prepares the header values of a built file. Where a file has a gzip copy, its
// identity bytes are not kept: clients nearly all accept gzip or brotli, and the few that
// do not are sent the gzip copy decompressed, which keeps the store (and the server's
// memory) a third of the size.
func newEntry(f *build.File) *entry {
	e := &entry{contentType: []string{f.ContentType}, cacheControl: cachePage}
	if f.Immutable {
		e.cacheControl = cacheImmutable
	}
	for enc, v := range f.Variants {
		if v == nil {
			continue
		}
		e.variants[enc] = &variant{body: v.Body, etag: []string{v.ETag}, length: []string{strconv.Itoa(len(v.Body))}}
		if build.Encoding(enc) == build.Identity && f.Variants[build.Gzip] != nil {
			e.variants[enc].body = nil
		}
		if v.Encoding != "" {
			e.variants[enc].encoding = []string{v.Encoding}
		}
	}
	return e
}

// size is the bytes an entry's bodies hold.
func (e *entry) size() int {
	n := 0
	for _, v := range e.variants {
		if v != nil {
			n += len(v.body)
		}
	}
	return n
}

// serve writes the entry in the best encoding the client accepts and the entry has
// (brotli, then gzip), or 304 when the client already has that representation. HEAD gets
// the same headers and no body.
func (e *entry) serve(w http.ResponseWriter, r *http.Request) {
	v := e.variants[build.Identity]
	gzipOK, brotliOK := acceptedEncodings(r.Header.Get("Accept-Encoding"))
	switch {
	case brotliOK && e.variants[build.Brotli] != nil:
		v = e.variants[build.Brotli]
	case gzipOK && e.variants[build.Gzip] != nil:
		v = e.variants[build.Gzip]
	}
	h := w.Header()
	h["Vary"] = varyEncoding
	h["Etag"] = v.etag
	h["Cache-Control"] = e.cacheControl
	if etagMatches(r.Header.Get("If-None-Match"), v.etag[0]) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h["Content-Type"] = e.contentType
	h["Content-Length"] = v.length
	if v.encoding != nil {
		h["Content-Encoding"] = v.encoding
	}
	w.WriteHeader(http.StatusOK)
	switch {
	case r.Method == http.MethodHead:
	case v.body != nil:
		_, _ = w.Write(v.body)
	default:
		e.writeGunzipped(w)
	}
}

// gzipReaders reuses gzip readers, whose window is large.
var gzipReaders sync.Pool

// writeGunzipped writes the identity body of an entry that keeps only its gzip copy. An
// error can only come from the client going away.
func (e *entry) writeGunzipped(w io.Writer) {
	src := bytes.NewReader(e.variants[build.Gzip].body)
	zr, _ := gzipReaders.Get().(*gzip.Reader)
	var err error
	if zr == nil {
		zr, err = gzip.NewReader(src)
	} else {
		err = zr.Reset(src)
	}
	if err != nil {
		return // not reachable: the build made this gzip stream
	}
	_, _ = io.Copy(w, zr)
	gzipReaders.Put(zr)
}

// acceptedEncodings reports whether the client accepts gzip and brotli, each named with a
// non-zero q-value; it reads the header in place, without allocating.
func acceptedEncodings(accept string) (gzipOK, brotliOK bool) {
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
			brotliOK = true
		case strings.EqualFold(name, "gzip"):
			gzipOK = true
		}
	}
	return gzipOK, brotliOK
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
