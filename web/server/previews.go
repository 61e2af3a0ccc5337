package server

import (
	"context"
	"net/http"
	"runtime"
	"strconv"
	"sync"

	"golang.org/x/sync/singleflight"

	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/preview"
)

// The preview images' budgets. Drawing one takes ~10 ms of a core and ~1 MB of
// short-lived memory (web/preview's BenchmarkDraw), and a site has hundreds, so they are
// drawn on first request rather than at start-up, a few at a time, and the most recently
// used kept within a byte budget.
const previewCacheBytes = 1 << 20 // about 30 images of the ~30 KB they weigh

// previewDrawers is how many images are drawn at once: half the CPUs, so that a flood of
// preview requests leaves the other half to the pages.
var previewDrawers = max(1, runtime.GOMAXPROCS(0)/2)

var (
	// cachePreview lets caches keep an image for a day: it changes only when the content
	// does, and a day-old preview of a changed row misleads no one for long.
	cachePreview = []string{"max-age=86400"}
	pngType      = []string{preview.ContentType}
	// crossOrigin lets other sites show the images (the point of them): a chat's web
	// client may load a link's og:image straight from here, which the site-wide
	// Cross-Origin-Resource-Policy: same-origin would refuse.
	crossOrigin = []string{"cross-origin"}
)

// previewImage is a drawn image with its header values.
type previewImage struct {
	body   []byte
	etag   []string
	length []string
}

// previews draws a build's preview images on request and keeps the most recently used
// within a byte budget. Requests for an image being drawn wait for that drawing; the
// ETag of every image drawn so far is kept after its bytes are dropped, so a client
// revalidating gets its 304 without a new drawing.
type previews struct {
	cards   preview.Set
	drawers chan struct{} // a slot per drawing under way
	flights singleflight.Group
	draw    func(preview.Card) ([]byte, error)
	cache   *lru[*previewImage]

	mu    sync.Mutex
	etags map[string]string // of every image drawn, by path
	drawn int               // images drawn so far
}

func newPreviews(cards preview.Set, maxBytes, drawers int) *previews {
	return &previews{
		cards: cards, drawers: make(chan struct{}, drawers), draw: preview.Draw,
		cache: newLRU(maxBytes, func(img *previewImage) int { return len(img.body) }),
		etags: map[string]string{},
	}
}

// has reports whether there is an image at path.
func (p *previews) has(path string) bool {
	_, ok := p.cards[path]
	return ok
}

// etag returns the ETag of the image at path, if it has been drawn.
func (p *previews) etag(path string) (string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	tag, ok := p.etags[path]
	return tag, ok
}

// image returns the image at path, drawing it if it is not in the cache. It waits for a
// free drawer, or for another request's drawing of the same image, until ctx is done; a
// drawing once started finishes (and is cached) even if every request for it has gone.
func (p *previews) image(ctx context.Context, path string) (*previewImage, error) {
	if img := p.cached(path); img != nil {
		return img, nil
	}
	card, ok := p.cards[path]
	if !ok {
		return nil, notFound()
	}
	result := p.flights.DoChan(path, func() (any, error) {
		p.drawers <- struct{}{}
		defer func() { <-p.drawers }()
		if img := p.cached(path); img != nil {
			return img, nil // drawn while this one waited for a drawer
		}
		body, err := p.draw(card)
		if err != nil {
			return nil, err
		}
		img := &previewImage{body: body, etag: []string{build.ETag(body)}, length: []string{strconv.Itoa(len(body))}}
		p.add(path, img)
		return img, nil
	})
	select {
	case r := <-result:
		if r.Err != nil {
			return nil, r.Err
		}
		return r.Val.(*previewImage), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// cached returns the image at path from the cache, marking it the most recently used.
func (p *previews) cached(path string) *previewImage {
	img, _ := p.cache.get(path)
	return img
}

// add caches a drawn image and keeps its ETag.
func (p *previews) add(path string, img *previewImage) {
	p.mu.Lock()
	p.etags[path] = img.etag[0]
	p.drawn++
	p.mu.Unlock()
	p.cache.add(path, img)
}

// stats returns how many images have been drawn and the cache's size in bytes and images.
func (p *previews) stats() (drawn, bytes, images int) {
	p.mu.Lock()
	drawn = p.drawn
	p.mu.Unlock()
	bytes, images = p.cache.stats()
	return drawn, bytes, images
}

// preview serves a page's preview image: 304 when the client has it (known without
// drawing once it has been drawn), else the PNG, drawn first if it is not cached.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) error {
	path := r.URL.Path
	if !s.previews.has(path) {
		return notFound()
	}
	inm := r.Header.Get("If-None-Match")
	if tag, ok := s.previews.etag(path); ok && etagMatches(inm, tag) {
		previewHeaders(w, []string{tag})
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	img, err := s.previews.image(r.Context(), path)
	if err != nil {
		return err
	}
	previewHeaders(w, img.etag)
	if etagMatches(inm, img.etag[0]) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	h := w.Header()
	h["Content-Type"] = pngType
	h["Content-Length"] = img.length
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(img.body)
	}
	return nil
}

// previewHeaders sets the headers of an image's 200 and 304 answers.
func previewHeaders(w http.ResponseWriter, etag []string) {
	h := w.Header()
	h["Etag"] = etag
	h["Cache-Control"] = cachePreview
	h["Cross-Origin-Resource-Policy"] = crossOrigin
}
