// Package build turns a loaded site into everything it serves, in one step: every page
// and asset as bytes with its content type, its gzip and brotli copies and their ETags,
// the 404 page, the list of permanent redirects, and the cards of the pages' preview
// images (drawn later: by the server on request, by the export all at once). The server
// serves an Output from memory and the static export writes the same Output to files, so
// the two cannot disagree; neither imports the other.
package build

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/versus-dev/versus/static"
	"github.com/versus-dev/versus/web/assets"
	"github.com/versus-dev/versus/web/compress"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/parallel"
	"github.com/versus-dev/versus/web/preview"
	"github.com/versus-dev/versus/web/site"
)

// Config is what a build needs besides the content.
type Config struct {
	Pages    pages.Config // site name, base URL, correction and source links
	StaticFS fs.FS        // stylesheets, scripts and images; nil means the embedded copy
}

// Encoding indexes a file's representations.
type Encoding int

// The representations of a file, in the order Variants holds them.
const (
	Identity Encoding = iota
	Gzip
	Brotli
	NumEncodings
)

// Variant is one representation of a file.
type Variant struct {
	Body     []byte
	ETag     string // strong, quoted: "<hash>" for identity, "<hash>-gz" and "<hash>-br"
	Encoding string // the Content-Encoding: "", "gzip" or "br"
}

// File is a page or an asset, ready to send.
type File struct {
	Path        string // site path, e.g. /compare/flask-vs-django/orm or /static/css/site.<hash>.css
	ContentType string
	Immutable   bool   // a content-hashed asset: its bytes never change under this path
	Preview     string // an HTML page's preview image (its og:image), a path in Output.Previews
	// Variants holds the identity representation and, for compressible types where
	// compression makes the body smaller, the gzip and brotli ones (nil otherwise).
	Variants [NumEncodings]*Variant
}

// Body is the file's uncompressed content.
func (f *File) Body() []byte { return f.Variants[Identity].Body }

// Redirect is one permanent redirect: an old or alternative address of a page.
type Redirect struct {
	From, To string // site paths; To is the page itself, never another redirect
}

// Output is a built site.
type Output struct {
	Files []*File // every page and asset the server pre-renders, sorted by path
	// Export holds the pages whose static-export version differs from the server's: the
	// search page and the decision helpers, which say that their results need the server.
	Export    []*File
	NotFound  *File      // the 404 page, for static hosts (404.html)
	Redirects []Redirect // sorted by From
	// Previews are the cards of every page's preview image and each error status's, by
	// the image's path; web/preview draws them.
	Previews preview.Set
	// Renderer renders what depends on a request: search results, filtered tables,
	// decision-helper answers and error pages.
	Renderer *pages.Renderer
	Duration time.Duration // how long the build took
}

// NotFoundPath is the path the 404 page is rendered for (static hosts serve it as
// /404.html).
const NotFoundPath = "/404.html"

// Site builds s: it renders every page, compresses every page and asset on every CPU,
// and lists the redirects.
func Site(ctx context.Context, s *site.Site, cfg Config) (*Output, error) {
	start := time.Now()
	staticFS := cfg.StaticFS
	if staticFS == nil {
		staticFS = static.FS
	}
	set, err := assets.Build(staticFS)
	if err != nil {
		return nil, err
	}
	renderer, err := pages.New(s, set, cfg.Pages)
	if err != nil {
		return nil, err
	}
	rendered, err := renderer.All(ctx)
	if err != nil {
		return nil, err
	}
	exportPages, err := renderer.StaticVariants(ctx)
	if err != nil {
		return nil, err
	}
	notFound, err := renderer.Error(ctx, http.StatusNotFound, NotFoundPath, "")
	if err != nil {
		return nil, fmt.Errorf("rendering the 404 page: %w", err)
	}

	var files []*File
	for _, p := range rendered {
		files = append(files, pageFile(p))
	}
	for _, a := range set.All() {
		files = append(files, &File{Path: a.URL, ContentType: a.ContentType, Immutable: true, Variants: [NumEncodings]*Variant{{Body: a.Body}}})
	}
	var export []*File
	for _, p := range exportPages {
		export = append(export, pageFile(p))
	}
	notFoundFile := &File{Path: NotFoundPath, ContentType: pages.HTMLType, Preview: site.ErrorPreviewPath(http.StatusNotFound), Variants: [NumEncodings]*Variant{{Body: notFound}}}
	all := append(append(files[:len(files):len(files)], export...), notFoundFile)
	previews := renderer.Previews()
	for _, f := range all {
		if _, ok := previews[f.Preview]; f.Preview != "" && !ok {
			return nil, fmt.Errorf("the page %s has no preview card for %s (web/pages/previews.go lists them)", f.Path, f.Preview)
		}
	}
	if err := encodeAll(all); err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return &Output{
		Files:     files,
		Export:    export,
		NotFound:  notFoundFile,
		Redirects: redirects(s),
		Previews:  previews,
		Renderer:  renderer,
		Duration:  time.Since(start),
	}, nil
}

// pageFile is a rendered page as a File; an HTML page has its preview image at
// site.PreviewPath of its path, as its og:image says.
func pageFile(p pages.Page) *File {
	f := &File{Path: p.Path, ContentType: p.ContentType, Variants: [NumEncodings]*Variant{{Body: p.Body}}}
	if p.ContentType == pages.HTMLType {
		f.Preview = site.PreviewPath(p.Path)
	}
	return f
}

// encodeAll fills in every file's ETags and compressed variants, on every CPU.
func encodeAll(files []*File) error {
	errs := make([]error, len(files))
	parallel.Each(len(files), func() func(int) {
		c := compress.New()
		return func(i int) { errs[i] = Encode(c, files[i]) }
	})
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("compressing %s: %w", files[i].Path, err)
		}
	}
	return nil
}

// Encode computes the ETag of f's body and, for compressible types, its gzip and brotli
// variants (gzip alone for MachineReadable files), keeping each only when it is smaller
// than the body. Site does it for every file; the static export, for the redirect pages it
// makes itself.
func Encode(c *compress.Compressor, f *File) error {
	if MachineReadable(f.ContentType) {
		return encode(c, f, Gzip)
	}
	return encode(c, f, Gzip, Brotli)
}

// EncodeGzip is Encode without brotli, for pages made on request (the server's filtered
// views): on those, brotli at the site's level costs more time and memory than gzip for
// a few percent fewer bytes (README, "Filtered views").
func EncodeGzip(c *compress.Compressor, f *File) error { return encode(c, f, Gzip) }

// MachineReadable reports whether a file is data for programs (a table's JSON or CSV
// twin). Those are fetched by scripts, whose HTTP clients ask for gzip (curl --compressed,
// Python's requests and httpx) and not brotli, and there are as many of them as tables
// and rows: brotli copies would cost start-up time for bytes few clients take (README,
// "Compression levels").
func MachineReadable(contentType string) bool {
	return strings.HasPrefix(contentType, "application/json") || strings.HasPrefix(contentType, "text/csv")
}

// encodings are how each compressed representation is made and named.
var encodings = [NumEncodings]struct {
	name   string // the Content-Encoding
	suffix string // of the ETag
	pack   func(*compress.Compressor, []byte) ([]byte, error)
}{
	Gzip:   {"gzip", "-gz", (*compress.Compressor).Gzip},
	Brotli: {"br", "-br", (*compress.Compressor).Brotli},
}

// encode sets f's identity ETag and makes its variants in these encodings.
func encode(c *compress.Compressor, f *File, encs ...Encoding) error {
	body := f.Body()
	tag := hash(body)
	f.Variants[Identity].ETag = `"` + tag + `"`
	if !compress.Compressible(f.ContentType) {
		return nil
	}
	for _, enc := range encs {
		e := encodings[enc]
		packed, err := e.pack(c, body)
		if err != nil {
			return err
		}
		if len(packed) < len(body) {
			f.Variants[enc] = &Variant{Body: packed, ETag: `"` + tag + e.suffix + `"`, Encoding: e.name}
		}
	}
	return nil
}

// ETag is the strong entity tag of body, quoted: a hash of the bytes, so it changes
// whenever they do.
func ETag(body []byte) string { return `"` + hash(body) + `"` }

func hash(body []byte) string {
	sum := sha256.Sum256(body)
	return base64.RawURLEncoding.EncodeToString(sum[:12])
}
