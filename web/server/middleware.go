package server

import (
	"fmt"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
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

// securityHeaderValues are the headers sent with every response. The CSP allows nothing
// inline: styles and scripts come from hashed files under /static.
func securityHeaderValues(hstsMaxAge time.Duration) map[string][]string {
	h := map[string][]string{
		"Content-Security-Policy":      {"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"},
		"X-Content-Type-Options":       {"nosniff"},
		"Referrer-Policy":              {"strict-origin-when-cross-origin"},
		"Permissions-Policy":           {"camera=(), microphone=(), geolocation=(), payment=(), usb=()"},
		"Cross-Origin-Opener-Policy":   {"same-origin"},
		"Cross-Origin-Resource-Policy": {"same-origin"},
	}
	if hstsMaxAge > 0 {
		h["Strict-Transport-Security"] = []string{"max-age=" + strconv.Itoa(int(hstsMaxAge.Seconds())) + "; includeSubDomains"}
	}
	return h
}

// securityHeaders sets the server's security headers; the values are shared, so this
// allocates nothing.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range s.headers {
			h[k] = v
		}
		next.ServeHTTP(w, r)
	})
}

// maxURLBytes bounds the request target; longer ones get 414 before any routing.
const maxURLBytes = 4096

// limitURL answers 414 to over-long request targets.
func (s *Server) limitURL(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.RequestURI) > maxURLBytes || len(r.URL.Path) > maxURLBytes {
			s.writeError(w, r, &httpError{status: http.StatusRequestURITooLong, message: "This address is too long."})
			return
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
