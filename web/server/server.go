// Package server serves a Versus site over HTTP. NewServer renders every page once (with
// web/pages), compresses each one and computes its ETag; after that a request for a known
// page is a map lookup plus header writes. routes.go is the one route table; handlers
// return errors through one adapter (errors.go), which renders the error pages.
package server

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/versus-dev/versus/static"
	"github.com/versus-dev/versus/web/assets"
	"github.com/versus-dev/versus/web/compress"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/parallel"
	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// Config is the server's configuration.
type Config struct {
	SiteName string // default "Versus"
	BaseURL  string // absolute URL of the site, for canonical links; default http://localhost:8080
	// CorrectionURL and SourceURL are URL templates for each row's "Suggest a correction"
	// and "View source" links ({title}, {url}, {id}, {file}); "" hides them.
	CorrectionURL string
	SourceURL     string
	// HSTSMaxAge, when above zero, sends Strict-Transport-Security with this max-age. Only
	// turn it on when the site is reached over HTTPS.
	HSTSMaxAge time.Duration
	// Metrics serves request counters as JSON at /debug/vars.
	Metrics bool
	// StaticFS holds the stylesheets, scripts and images; nil means the embedded copy.
	StaticFS fs.FS
}

// Server serves one rendered site.
type Server struct {
	cfg        Config
	site       *site.Site
	renderer   *pages.Renderer
	logger     *slog.Logger
	store      map[string]*entry // by path: every page and asset
	index      *search.Index     // set once indexReady is closed
	indexReady chan struct{}
	metrics    *metrics
	handler    http.Handler
}

// NewServer renders every page of s and returns the handler that serves them.
func NewServer(cfg Config, s *site.Site, logger *slog.Logger) (*Server, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	staticFS := cfg.StaticFS
	if staticFS == nil {
		staticFS = static.FS
	}
	set, err := assets.Build(staticFS)
	if err != nil {
		return nil, err
	}
	renderer, err := pages.New(s, set, pages.Config{
		SiteName: cfg.SiteName, BaseURL: cfg.BaseURL, CorrectionURL: cfg.CorrectionURL, SourceURL: cfg.SourceURL,
	})
	if err != nil {
		return nil, err
	}
	srv := &Server{cfg: cfg, site: s, renderer: renderer, logger: logger, metrics: &metrics{}, indexReady: make(chan struct{})}
	start := time.Now()
	if err := srv.buildStore(context.Background(), set); err != nil {
		return nil, err
	}
	srv.prepareSearch()
	srv.metrics.renderNano = int64(time.Since(start))
	srv.metrics.pages = len(srv.store)
	srv.handler = srv.routes()
	return srv, nil
}

// prepareSearch starts building the search index in the background. Pages do not need
// it, so rendering them and listening need not wait for it; a search that comes sooner
// waits. (Started once the pages are rendered, it shortens start-up by ~30 ms here;
// started before, it slows the rendering down as much.)
func (s *Server) prepareSearch() {
	go func() {
		s.index = search.New(s.site)
		close(s.indexReady)
	}()
}

// searchIndex returns the search index, waiting for it at start-up.
func (s *Server) searchIndex(ctx context.Context) (*search.Index, error) {
	select {
	case <-s.indexReady:
		return s.index, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Paths lists every pre-rendered path (pages and assets).
func (s *Server) Paths() []string {
	out := make([]string, 0, len(s.store))
	for p := range s.store {
		out = append(out, p)
	}
	return out
}

// buildStore renders all pages and compresses pages and assets, on every CPU.
func (s *Server) buildStore(ctx context.Context, set *assets.Set) error {
	rendered, err := s.renderer.All(ctx)
	if err != nil {
		return err
	}
	type item struct {
		path, contentType string
		cache             []string
		body              []byte
	}
	var items []item
	for _, p := range rendered {
		items = append(items, item{p.Path, p.ContentType, cachePage, p.Body})
	}
	for _, a := range set.All() {
		items = append(items, item{a.URL, a.ContentType, cacheImmutable, a.Body})
	}
	entries := make([]*entry, len(items))
	errs := make([]error, len(items))
	parallel.Each(len(items), func() func(int) {
		c := compress.New()
		return func(i int) {
			entries[i], errs[i] = newEntry(c, http.StatusOK, items[i].contentType, items[i].cache, items[i].body)
		}
	})
	s.store = make(map[string]*entry, len(items))
	for i, it := range items {
		if errs[i] != nil {
			return fmt.Errorf("compressing %s: %w", it.path, errs[i])
		}
		s.store[it.path] = entries[i]
	}
	return nil
}
