package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/choose"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// search answers /search?q=: the pre-rendered form without a query, results with one,
// and a 400 page for a query that cannot be run (too long, not UTF-8, repeated).
func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	if r.URL.RawQuery == "" {
		return s.stored(w, r)
	}
	values, err := readQuery(r, "This search is too long.")
	if err != nil {
		return err
	}
	if len(values["q"]) > 1 {
		return s.badSearch(w, r, "", "Search takes one q parameter; this address has several.")
	}
	query := values.Get("q")
	index, err := s.searchIndex(renderContext(r)) // a short wait at start-up; a half-closed client still gets its answer
	if err != nil {
		return err
	}
	results, err := index.Search(query, search.DefaultLimit)
	var qe *search.QueryError
	if errors.As(err, &qe) {
		return s.badSearch(w, r, "", qe.Error())
	}
	if err != nil {
		return err
	}
	body, err := s.renderer.Search(renderContext(r), query, results, "")
	if err != nil {
		return err
	}
	writeHTML(w, r, http.StatusOK, body)
	return nil
}

// badSearch answers 400 with the search page explaining what was wrong.
func (s *Server) badSearch(w http.ResponseWriter, r *http.Request, query, problem string) error {
	body, err := s.renderer.Search(renderContext(r), query, search.Results{}, problem)
	if err != nil {
		return err
	}
	writeHTML(w, r, http.StatusBadRequest, body)
	return nil
}

// choose answers the decision helper: the pre-rendered questions without a query, the
// result with one, and a 400 page listing what was wrong with bad answers.
func (s *Server) choose(w http.ResponseWriter, r *http.Request) error {
	c := s.comparisonAt(chi.URLParam(r, "pair")) // a pair's, or that of all the table's subjects
	if c == nil || c.Choose == nil {
		return s.redirectOrNotFound(w, r)
	}
	if r.URL.RawQuery == "" {
		return s.stored(w, r)
	}
	answers, err := choose.ParseQuery(c.Choose, r.URL.RawQuery)
	var qe *choose.QueryError
	if errors.As(err, &qe) {
		message := "These answers cannot be read: "
		for i, p := range qe.Problems {
			if i > 0 {
				message += "; "
			}
			message += p
		}
		return &httpError{status: http.StatusBadRequest, message: message + ".", links: []components.Link{
			{Title: "Start the decision helper again", URL: c.ChoosePath()},
		}}
	}
	if err != nil {
		return err
	}
	body, err := s.renderer.Choose(renderContext(r), c, answers)
	if err != nil {
		return err
	}
	writeHTML(w, r, http.StatusOK, body)
	return nil
}

// pick sends the pair picker's answer (/compare?a=flask&b=fastapi) to the pair's page, in
// either order, and with a third subject (&c=django) to the table of the three; names are
// read in any case and with spaces around them. Without a query it serves the picker's
// page, and with one that names no comparison, that page with a 400 saying why.
func (s *Server) pick(w http.ResponseWriter, r *http.Request) error {
	if r.URL.RawQuery == "" {
		return s.stored(w, r)
	}
	q, err := readQuery(r, "This address is too long.")
	if err != nil {
		return err
	}
	subject := func(key string) string { return strings.ToLower(strings.TrimSpace(q.Get(key))) }
	a, b, c := subject("a"), subject("b"), subject("c")
	problem := "There is no comparison of those two: pick each framework from its list."
	var to *site.Comparison
	switch {
	case a == "" || b == "":
		problem = "Pick two frameworks to compare."
	case a == b || a == c || b == c:
		problem = "Pick different frameworks."
	case c != "":
		problem = "There is no table of those three: pick each framework from its list."
		to = s.site.TableOf(a, b, c)
	default:
		to = s.site.PairOf(a, b)
	}
	if to != nil {
		w.Header()["Cache-Control"] = cacheDynamic
		http.Redirect(w, r, to.Path(), http.StatusSeeOther)
		return nil
	}
	body, err := s.renderer.Pick(renderContext(r), a, b, c, problem)
	if err != nil {
		return err
	}
	writeHTML(w, r, http.StatusBadRequest, body)
	return nil
}

// readQuery parses the query string of a page rendered for its query, or answers 414
// with tooLong when the query is longer than the server will parse.
func readQuery(r *http.Request, tooLong string) (url.Values, error) {
	if err := checkQueryLength(r, tooLong); err != nil {
		return nil, err
	}
	return r.URL.Query(), nil
}

// checkQueryLength answers 414 with tooLong when the query is longer than the server
// will parse.
func checkQueryLength(r *http.Request, tooLong string) error {
	if len(r.URL.RawQuery) > maxQueryBytes {
		return &httpError{status: http.StatusRequestURITooLong, message: tooLong}
	}
	return nil
}

// filteredComparison serves a view of the table chosen in the query (?cat=, ?wins=,
// ?diff=, ?q=) like a stored page: made on its first request and kept (views.go). A query
// that selects nothing is served the stored page; one that is not a view of the table,
// the page that says what is wrong, with a 400.
func (s *Server) filteredComparison(w http.ResponseWriter, r *http.Request, c *site.Comparison, stored *entry) error {
	if err := checkQueryLength(r, "This address is too long."); err != nil {
		return err
	}
	f, err := pages.ParseFilter(c, r.URL.RawQuery)
	var fe *pages.FilterError
	if errors.As(err, &fe) {
		body, err := s.renderer.BadFilter(renderContext(r), c, fe)
		if err != nil {
			return err
		}
		writeHTML(w, r, http.StatusBadRequest, body)
		return nil
	}
	if err != nil {
		return err
	}
	if !f.Active() {
		stored.serve(w, r)
		return nil
	}
	// A half-closed client still gets its answer, as from the other pages made per request:
	// the wait is bounded by the views' own (viewRenderWait and a render).
	e, err := s.views.get(renderContext(r), c.Path(), f, func(ctx context.Context, f pages.Filter) ([]byte, error) {
		return s.renderer.FilteredComparison(ctx, c, f)
	})
	if errors.Is(err, errBusy) {
		return s.views.busyError(w, c.Path())
	}
	if err != nil {
		return err
	}
	e.serve(w, r)
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
