package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
	chimiddleware "github.com/go-chi/chi/v5/middleware"

	"github.com/versus-dev/versus/web/middleware"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
)

// routes is the site's one route table. Every path in it is served from the pre-rendered
// store; the handlers only decide between a stored page, a redirect and an error.
func (s *Server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID)
	r.Use(middleware.RequestLog(s.logger, s.metrics))
	r.Use(middleware.Recoverer(s.answerPanic))
	r.Use(middleware.SecurityHeaders(s.cfg.HSTSMaxAge))
	r.Use(middleware.LimitURL(maxURLBytes, s.handle(func(http.ResponseWriter, *http.Request) error {
		return &httpError{status: http.StatusRequestURITooLong, message: "This address is too long."}
	})))
	r.Use(middleware.CanonicalPath(site.StaticPrefix, func(w http.ResponseWriter, r *http.Request, path string) {
		if err := redirect(w, r, path); err != nil {
			s.writeError(w, r, err)
		}
	}))
	r.Use(chimiddleware.GetHead) // HEAD is answered by the GET routes, without a body

	r.Get(site.HomePath, s.handle(s.stored))
	r.Get(site.ComparisonRoute, s.handle(s.comparison))
	r.Get(site.ChooseRoute, s.handle(s.choose))
	r.Get(site.RowRoute, s.handle(s.row))
	r.Get(site.GuidesPath, s.handle(s.stored))
	r.Get(site.GuideRoute, s.handle(s.stored))
	r.Get(site.FrameworkRoute, s.handle(s.stored))
	r.Get(site.StaticRoute, s.handle(s.stored))
	r.Get(site.SitemapPath, s.handle(s.stored))
	r.Get(site.RobotsPath, s.handle(s.stored))
	r.Get(site.FeedPath, s.handle(s.stored))
	r.Get(site.OpenSearchPath, s.handle(s.stored))
	r.Get(site.SearchPath, s.handle(s.search))
	r.Get(site.HealthPath, s.handle(s.healthz))
	r.Get(site.ReadyPath, s.handle(s.readyz))
	if s.cfg.Metrics {
		r.Get(site.MetricsPath, s.handle(s.metrics.serveJSON))
	}

	r.NotFound(s.handle(func(http.ResponseWriter, *http.Request) error { return notFound() }))
	r.MethodNotAllowed(s.handle(func(http.ResponseWriter, *http.Request) error {
		return &httpError{status: http.StatusMethodNotAllowed, message: "This address only answers GET and HEAD requests."}
	}))
	return r
}

// stored serves the pre-rendered page or asset at the request's path.
func (s *Server) stored(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.store[r.URL.Path]
	if !ok {
		return notFound()
	}
	e.serve(w, r)
	return nil
}

// comparison serves a comparison (filtered per request when the query asks for a view)
// and its .json and .csv twins, or redirects another order of its subjects.
func (s *Server) comparison(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.store[r.URL.Path]
	if !ok {
		return s.redirectOrNotFound(w, r)
	}
	if c := s.site.Comparison(chi.URLParam(r, "pair")); c != nil && r.URL.RawQuery != "" {
		return s.filteredComparison(w, r, c, e)
	}
	e.serve(w, r)
	return nil
}

// row serves a row page or its .json twin, or redirects an old id (alias) or another
// order of the comparison's subjects.
func (s *Server) row(w http.ResponseWriter, r *http.Request) error {
	if e, ok := s.store[r.URL.Path]; ok {
		e.serve(w, r)
		return nil
	}
	return s.redirectOrNotFound(w, r)
}

// redirectOrNotFound redirects a known old address (web/build lists them) to its page,
// and answers 404 to anything else.
func (s *Server) redirectOrNotFound(w http.ResponseWriter, r *http.Request) error {
	if to, ok := s.redirects[r.URL.Path]; ok {
		return redirect(w, r, to)
	}
	return notFound()
}

// redirect sends a permanent redirect to a site path, escaped, keeping the query string
// (re-encoded when it would not survive as written, and dropped when it cannot be read).
func redirect(w http.ResponseWriter, r *http.Request, path string) error {
	query := r.URL.RawQuery
	if strings.ContainsAny(query, "# \x00") || strings.Contains(query, "%") {
		values, err := url.ParseQuery(query)
		if err != nil {
			values = nil
		}
		query = values.Encode()
	}
	target := (&url.URL{Path: path, RawQuery: query}).String()
	if strings.HasPrefix(target, "//") {
		return notFound() // never hand a browser a scheme-relative URL to another host
	}
	// Without a lifetime, caches would pick their own for a permanent redirect; give it the
	// pages' lifetime, since the rules change with the content (a row's aliases).
	w.Header()["Cache-Control"] = cachePage
	http.Redirect(w, r, target, http.StatusMovedPermanently)
	return nil
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte("ok\n"))
	return nil
}

// readyz answers 200 once the site is built, which it is before the server exists.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) error {
	if len(s.store) == 0 {
		return &httpError{status: http.StatusServiceUnavailable, message: "The site is not rendered yet."}
	}
	return s.healthz(w, r)
}

// filteredComparison renders a view of the table chosen in the query (?cat=, ?diff=, ?q=).
// A query that selects nothing special is served the pre-rendered page, stored.
func (s *Server) filteredComparison(w http.ResponseWriter, r *http.Request, c *site.Comparison, stored *entry) error {
	if len(r.URL.RawQuery) > maxQueryBytes {
		return &httpError{status: http.StatusRequestURITooLong, message: "This address is too long."}
	}
	f := pages.ParseFilter(c, r.URL.Query())
	if !f.Active() && len(f.Notes) == 0 {
		stored.serve(w, r)
		return nil
	}
	body, err := s.renderer.FilteredComparison(renderContext(r), c, f)
	if err != nil {
		return err
	}
	writeHTML(w, r, http.StatusOK, body)
	return nil
}

// Limits on what the server will parse: longer request targets get 414 before routing,
// longer query strings 414 before they are read.
const (
	maxURLBytes   = 4096
	maxQueryBytes = 2048
)

// writeHTML writes a page rendered for this request.
func writeHTML(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	h := w.Header()
	h["Content-Type"] = htmlType
	if status == http.StatusOK {
		h["Cache-Control"] = cacheDynamic
	} else {
		h["Cache-Control"] = cacheNone
	}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}
