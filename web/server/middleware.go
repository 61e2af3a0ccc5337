package server

import (
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"
)

// recoverPanics turns a panic in a handler into a logged 500 page.
func recoverPanics(s *Server) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				if v := recover(); v != nil {
					if v == http.ErrAbortHandler {
						panic(v)
					}
					s.logger.ErrorContext(r.Context(), "panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
					s.writeError(w, r, fmt.Errorf("panic: %v", v))
				}
			}()
			next.ServeHTTP(w, r)
		})
	}
}

// Security headers sent with every response. The CSP allows nothing inline.
var securityHeaderValues = map[string][]string{
	"Content-Security-Policy":      {"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"},
	"X-Content-Type-Options":       {"nosniff"},
	"Referrer-Policy":              {"strict-origin-when-cross-origin"},
	"Permissions-Policy":           {"camera=(), microphone=(), geolocation=(), interest-cohort=()"},
	"Cross-Origin-Opener-Policy":   {"same-origin"},
	"Cross-Origin-Resource-Policy": {"same-origin"},
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range securityHeaderValues {
			h[k] = v
		}
		next.ServeHTTP(w, r)
	})
}

// canonicalPaths redirects (301) paths with upper-case letters or a trailing slash to
// their canonical form, so every page has exactly one address. Hashed assets are exempt.
func canonicalPaths(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if strings.HasPrefix(p, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		canonical := strings.ToLower(p)
		for len(canonical) > 1 && strings.HasSuffix(canonical, "/") {
			canonical = canonical[:len(canonical)-1]
		}
		if canonical != p && !strings.HasPrefix(canonical, "//") {
			_ = redirect(w, r, canonical)
			return
		}
		next.ServeHTTP(w, r)
	})
}
