package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/versus-dev/versus/web/site"
)

// stored serves the pre-rendered page or asset at the request's path.
func (s *Server) stored(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.store[r.URL.Path]
	if !ok {
		return notFound()
	}
	e.serve(w, r)
	return nil
}

// comparison serves a pair or the table of every subject (filtered per request when the
// query asks for a view) and its .json and .csv twins, or redirects another order of its
// subjects.
func (s *Server) comparison(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.store[r.URL.Path]
	if !ok {
		return s.redirectOrNotFound(w, r)
	}
	if c := s.comparisonAt(chi.URLParam(r, "pair")); c != nil && r.URL.RawQuery != "" {
		return s.filteredComparison(w, r, c, e)
	}
	e.serve(w, r)
	return nil
}

// comparisonAt returns the pair or the table of three subjects or more with this slug, or
// nil.
func (s *Server) comparisonAt(slug string) *site.Comparison {
	if c := s.site.Comparison(slug); c != nil {
		return c
	}
	if t := s.site.Table(slug); t != nil && t.IsTable() {
		return t
	}
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
