package middleware

import "net/http"

// LimitURL hands requests whose target or path is longer than maxBytes to tooLong (which
// answers 414) before any routing looks at them.
func LimitURL(maxBytes int, tooLong http.Handler) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if len(r.RequestURI) > maxBytes || len(r.URL.Path) > maxBytes {
				tooLong.ServeHTTP(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
