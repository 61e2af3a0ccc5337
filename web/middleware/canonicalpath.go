package middleware

import (
	"net/http"
	"strings"
)

// CanonicalPath sends paths with upper-case letters or a trailing slash to redirect with
// their canonical form (lower case, no trailing slash), so every page has exactly one
// address. Paths under exempt (hashed assets, whose names are case-sensitive) pass as
// they are, and so does a path whose canonical form would start with "//".
func CanonicalPath(exempt string, redirect func(w http.ResponseWriter, r *http.Request, path string)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			p := r.URL.Path
			if strings.HasPrefix(p, exempt) {
				next.ServeHTTP(w, r)
				return
			}
			canonical := strings.ToLower(p)
			for len(canonical) > 1 && strings.HasSuffix(canonical, "/") {
				canonical = canonical[:len(canonical)-1]
			}
			if canonical != p && !strings.HasPrefix(canonical, "//") {
				redirect(w, r, canonical)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
