package server

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/versus-dev/versus/components"
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

// handle adapts a handlerFunc: an *httpError becomes its status page, any other error a
// logged 500 page.
func (s *Server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	}
}

// writeError renders the error page for err.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	if !errors.As(err, &he) {
		s.logger.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		he = &httpError{status: http.StatusInternalServerError, message: "Something went wrong on our side. Please try again."}
	}
	body, renderErr := s.renderer.Error(r.Context(), he.status, r.URL.Path, he.message, he.links...)
	if renderErr != nil {
		s.logger.ErrorContext(r.Context(), "rendering error page", "err", renderErr)
		http.Error(w, http.StatusText(he.status), he.status)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", fmt.Sprint(len(body)))
	if he.status == http.StatusMethodNotAllowed {
		h["Allow"] = allowGetHead
	}
	w.WriteHeader(he.status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}
