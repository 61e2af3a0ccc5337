// Package middleware holds the site's HTTP middleware, one func(http.Handler) http.Handler
// per file in the manner of chi's own middleware folder: the request id, the request log,
// panic recovery, security headers, the URL length limit and canonical paths. None of them
// knows about the site; each takes what it needs as arguments, so each is tested alone.
package middleware
