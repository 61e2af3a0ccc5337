// Package server serves a built Versus site (web/build) over HTTP with net/http and chi:
// a request for a pre-rendered page or asset is a map lookup plus header writes; a filtered
// view of a table is made on its first request and then served the same way; search
// results and decision-helper answers are rendered per request.
// routes.go is the one route table; handlers return errors through one adapter
// (errors.go), which renders the error pages.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// Config is the server's configuration.
type Config struct {
	// HSTSMaxAge, when above zero, sends Strict-Transport-Security with this max-age. Only
	// turn it on when the site is reached over HTTPS.
	HSTSMaxAge time.Duration
	// Metrics serves request counters as JSON at /debug/vars.
	Metrics bool
	// TrustRequestID keeps a request's own X-Request-Id (when sane), for a proxy in front
	// that sets it; otherwise every request gets an id made here.
	TrustRequestID bool
}

// Server serves one built site.
type Server struct {
	cfg        Config
	site       *site.Site
	renderer   *pages.Renderer
	logger     *slog.Logger
	store      map[string]*entry // by path: every page and asset
	redirects  map[string]string // by path: where each known old address goes
	previews   *previews         // the pages' preview images, drawn on request
	views      *views            // the filtered views of the tables, made on request
	index      *search.Index     // set once indexReady is closed
	indexReady chan struct{}
	metrics    *metrics
	handler    http.Handler
}

// New returns the handler that serves out.
func New(cfg Config, out *build.Output, logger *slog.Logger) *Server {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	srv := &Server{
		cfg:        cfg,
		site:       out.Renderer.Site(),
		renderer:   out.Renderer,
		logger:     logger,
		store:      make(map[string]*entry, len(out.Files)),
		redirects:  make(map[string]string, len(out.Redirects)),
		previews:   newPreviews(out.Previews, previewCacheBytes, previewDrawers),
		views:      newViews(viewCacheBytes, viewProtectBytes, viewRenderers, viewRenderWait),
		metrics:    &metrics{renderNano: int64(out.Duration), pages: len(out.Files)},
		indexReady: make(chan struct{}),
	}
	for _, f := range out.Files {
		srv.store[f.Path] = newEntry(f)
	}
	for _, r := range out.Redirects {
		srv.redirects[r.From] = r.To
	}
	srv.metrics.previews = srv.previews.stats
	srv.metrics.views = srv.views.stats
	srv.prepareSearch()
	srv.handler = srv.routes()
	return srv
}

// prepareSearch builds the search index in the background: pages do not need it, so
// listening need not wait for it; a search that comes sooner waits.
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
