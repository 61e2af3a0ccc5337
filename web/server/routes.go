package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	chimiddleware "github.com/go-chi/chi/v5/middleware"

	"github.com/versus-dev/versus/web/middleware"
	"github.com/versus-dev/versus/web/site"
)

// routes is the site's one route table. Every path in it is served from the pre-rendered
// store; the handlers only decide between a stored page, a redirect and an error.
func (s *Server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID(s.cfg.TrustRequestID))
	r.Use(middleware.RequestLog(s.logger, s.metrics))
	r.Use(middleware.Recoverer(s.answerPanic))
	r.Use(middleware.SecurityHeaders(s.cfg.HSTSMaxAge))
	r.Use(middleware.LimitURL(maxURLBytes, s.handle(func(http.ResponseWriter, *http.Request) error {
		return &httpError{status: http.StatusRequestURITooLong, message: "This address is too long."}
	})))
	notFoundPage := s.handle(func(http.ResponseWriter, *http.Request) error { return notFound() })
	r.Use(middleware.CanonicalPath(site.StaticPrefix, func(w http.ResponseWriter, r *http.Request, path string) {
		if err := redirect(w, r, path); err != nil {
			s.writeError(w, r, err)
		}
	}, notFoundPage))
	r.Use(chimiddleware.GetHead) // HEAD is answered by the GET routes, without a body

	r.Get(site.HomePath, s.handle(s.stored))
	r.Get(site.ComparisonRoute, s.handle(s.comparison))
	r.Get(site.ChooseRoute, s.handle(s.choose))
	r.Get(site.RowRoute, s.handle(s.row))
	r.Get(site.GuidesPath, s.handle(s.stored))
	r.Get(site.GuideRoute, s.handle(s.stored))
	r.Get(site.FrameworkRoute, s.handle(s.stored))
	r.Get(site.StaticRoute, s.handle(s.stored))
	r.Get(site.PreviewRoute, s.handle(s.preview))
	r.Get(site.SitemapPath, s.handle(s.stored))
	r.Get(site.RobotsPath, s.handle(s.stored))
	r.Get(site.FeedPath, s.handle(s.stored))
	r.Get(site.OpenSearchPath, s.handle(s.stored))
	r.Get(site.SearchPath, s.handle(s.search))
	r.Get(site.PickPath, s.handle(s.pick))
	r.Get(site.HealthPath, s.handle(s.healthz))
	r.Get(site.ReadyPath, s.handle(s.readyz))
	if s.cfg.Metrics {
		r.Get(site.MetricsPath, s.handle(s.metrics.serveJSON))
	}

	r.NotFound(notFoundPage)
	r.MethodNotAllowed(s.handle(func(http.ResponseWriter, *http.Request) error {
		return &httpError{status: http.StatusMethodNotAllowed, message: "This address only answers GET and HEAD requests."}
	}))
	return r
}
