package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/middleware"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/search"
)

// handlerFunc is a handler that returns its error instead of writing it.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// httpError is an error with the status and message to show the client, and links to
// offer on the error page.
type httpError struct {
	status  int
	message string
	links   []components.Link
}

func (e *httpError) Error() string { return fmt.Sprintf("%d: %s", e.status, e.message) }

func notFound() error { return &httpError{status: http.StatusNotFound} }

// handle adapts a handlerFunc: an *httpError becomes its status page, a request the
// client gave up on is dropped quietly, and any other error is a logged 500 page.
func (s *Server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	}
}

// renderContext is the context pages are rendered in for a request. Rendering takes
// microseconds, so it is not worth interrupting: a client that half-closes its side after
// sending (which cancels the request's context) still gets its answer.
func renderContext(r *http.Request) context.Context { return context.WithoutCancel(r.Context()) }

// canceled reports whether err comes from the client going away (or its deadline) rather
// than from the server.
func canceled(r *http.Request, err error) bool {
	return r.Context().Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded))
}

// writeError renders the error page for err. A canceled request is not an error: it is
// counted apart, logged at debug level, and its connection is closed without an answer
// (http.ErrAbortHandler, which net/http does not log).
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if canceled(r, err) {
		s.metrics.canceled.Add(1)
		s.logRequest(w, r, slog.LevelDebug, "request canceled", slog.Any("err", err))
		panic(http.ErrAbortHandler)
	}
	var he *httpError
	if !errors.As(err, &he) {
		s.logRequest(w, r, slog.LevelError, "request failed", slog.Any("err", err))
		he = internalError()
	}
	s.writeErrorPage(w, r, he)
}

// internalError is what a client is told of a failure on our side.
func internalError() *httpError {
	return &httpError{status: http.StatusInternalServerError, message: "Something went wrong on our side. Please try again."}
}

// writeErrorPage sends he's status page: for a plain 404, the page that searches for the
// words of the path.
func (s *Server) writeErrorPage(w http.ResponseWriter, r *http.Request, he *httpError) {
	var body []byte
	var renderErr error
	if he.status == http.StatusNotFound && he.message == "" {
		body, renderErr = s.notFoundPage(r, he.links)
	} else {
		body, renderErr = s.renderer.Error(renderContext(r), he.status, r.URL.Path, he.message, he.links...)
	}
	if renderErr != nil {
		s.logRequest(w, r, slog.LevelError, "rendering error page", slog.Any("err", renderErr))
		http.Error(w, http.StatusText(he.status), he.status)
		return
	}
	h := w.Header()
	h["Content-Type"] = htmlType
	h["Cache-Control"] = cacheNone
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	if he.status == http.StatusMethodNotAllowed {
		h["Allow"] = allowGetHead
	}
	w.WriteHeader(he.status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// notFoundPage renders the 404 page for the request, with the search results for the words
// of its path (none for a static asset's path).
func (s *Server) notFoundPage(r *http.Request, links []components.Link) ([]byte, error) {
	query := pages.PathQuery(r.URL.Path)
	var results search.Results
	if query != "" {
		index, err := s.searchIndex(renderContext(r)) // a short wait at start-up, as for /search
		if err != nil {
			return nil, err
		}
		if results, err = index.Search(query, pages.NotFoundResults); err != nil {
			return nil, fmt.Errorf("searching for the words of a missing path: %w", err)
		}
	}
	return s.renderer.NotFound(renderContext(r), r.URL.Path, query, results, links...)
}

// answerPanic logs a handler's panic with its stack and sends the 500 page.
func (s *Server) answerPanic(w http.ResponseWriter, r *http.Request, value any, stack []byte) {
	s.logRequest(w, r, slog.LevelError, "panic", slog.String("panic", fmt.Sprint(value)), slog.String("stack", string(stack)))
	s.writeErrorPage(w, r, internalError())
}

// logRequest logs a line about the request r: every such line carries the method, the
// path and the request id that RequestID put on w, as the request log line does, so the
// lines about one request can be found together.
func (s *Server) logRequest(w http.ResponseWriter, r *http.Request, level slog.Level, msg string, attrs ...slog.Attr) {
	if !s.logger.Enabled(r.Context(), level) {
		return
	}
	all := append([]slog.Attr{
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.String("request_id", middleware.ResponseRequestID(w)),
	}, attrs...)
	s.logger.LogAttrs(r.Context(), level, msg, all...)
}
