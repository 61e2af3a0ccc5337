package server

import "net/http"

// healthz answers the liveness probe.
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
