package middleware

import (
	"net/http"
	"path"
	"strings"
)

// CanonicalPath gives every page exactly one address. A path with upper-case letters, a
// trailing slash or a character percent-encoded for no reason ("%66" for "f") goes to
// redirect with its canonical form (lower case, no trailing slash, plain characters).
// A path with an encoded slash ("%2F") goes to notFound: it names a different path, with
// a slash inside a segment, that no page has, even though it decodes to one that does; so
// does one whose escapes decode to dot segments ("%2e%2e").
// Paths under exempt (hashed assets, whose names are case-sensitive) keep their case, and
// a path whose canonical form would start with "//" is passed on as it is.
func CanonicalPath(exempt string, redirect func(w http.ResponseWriter, r *http.Request, path string), notFound http.Handler) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			// net/http sets RawPath only when the path was not encoded the plain way.
			raw := r.URL.RawPath
			if raw != "" && strings.Contains(strings.ToLower(raw), "%2f") {
				notFound.ServeHTTP(w, r)
				return
			}
			p := r.URL.Path
			canonical := p
			if !strings.HasPrefix(p, exempt) {
				canonical = strings.ToLower(p)
				for len(canonical) > 1 && strings.HasSuffix(canonical, "/") {
					canonical = canonical[:len(canonical)-1]
				}
			}
			needless := strings.Contains(raw, "%") // an escape the plain form does without
			if needless && path.Clean(canonical) != canonical {
				notFound.ServeHTTP(w, r) // encoded dot segments ("%2e%2e"): no page is there
				return
			}
			if (canonical != p || needless) && !strings.HasPrefix(canonical, "//") {
				redirect(w, r, canonical)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
