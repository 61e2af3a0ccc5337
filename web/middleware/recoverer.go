package middleware

import (
	"net/http"
	"runtime/debug"
)

// Recoverer turns a panic in a handler into a call to answer, with the panic's value and
// stack, so the site can log it and send its own 500 page; the server goes on.
// http.ErrAbortHandler, net/http's way to abort a response on purpose, is passed on.
//
// chi's middleware.Recoverer prints the stack to standard error and answers a plain-text
// 500; the site wants a structured log line and its own error page, hence this one.
func Recoverer(answer func(w http.ResponseWriter, r *http.Request, value any, stack []byte)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				if v := recover(); v != nil {
					if v == http.ErrAbortHandler {
						panic(v)
					}
					answer(w, r, v, debug.Stack())
				}
			}()
			next.ServeHTTP(w, r)
		})
	}
}
