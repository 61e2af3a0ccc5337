package middleware

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strconv"
	"sync"
)

// RequestIDHeader carries a request's id, in the request (from a trusted proxy) and in
// the response (so a reader can quote it).
const RequestIDHeader = "X-Request-Id"

// maxRequestIDBytes bounds an id taken from a trusted proxy.
const maxRequestIDBytes = 64

// RequestID returns the middleware that sets X-Request-Id on every response: an id made
// here or, when trustIncoming is set (a proxy in front sets the header and strips the
// client's), the request's own X-Request-Id if it is sane (printable ASCII, at most 64
// bytes). Without that trust a client's id is ignored: anyone could write what they like
// into the log's ids, or reuse another request's. RequestLog reads the id back from the
// response header.
//
// chi's middleware.RequestID does a different job: it keeps any incoming value unchecked,
// stores the id in the request context (a new context and a copy of the request each time)
// and does not send it back; so the site has its own.
func RequestID(trustIncoming bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		ids := newIDSource()
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if id := r.Header[RequestIDHeader]; trustIncoming && len(id) == 1 && saneRequestID(id[0]) {
				w.Header()[RequestIDHeader] = id
			} else {
				w.Header()[RequestIDHeader] = ids.next()
			}
			next.ServeHTTP(w, r)
		})
	}
}

// ResponseRequestID returns the id RequestID set on w's response, or "" when the request
// did not pass through RequestID. Every log line about a request carries it.
func ResponseRequestID(w http.ResponseWriter) string {
	if v := w.Header()[RequestIDHeader]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func saneRequestID(id string) bool {
	if id == "" || len(id) > maxRequestIDBytes {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < 0x21 || id[i] > 0x7e {
			return false
		}
	}
	return true
}

// idBatch is how many ids idSource makes at a time.
const idBatch = 64

// idSource makes ids of the form <process prefix>-<counter>: a random prefix per process
// (so ids from replicas and restarts do not collide) and a counter. It makes them in
// batches, as one string and one slice of header values that the ids are cut from, so an
// id costs a mutex and two slice expressions rather than allocations of its own.
type idSource struct {
	mu      sync.Mutex
	prefix  string
	counter uint64
	values  []string // header values left in the current batch, each one id
}

func newIDSource() *idSource {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return &idSource{prefix: hex.EncodeToString(b[:]) + "-"}
}

// next returns a one-element header value holding a new id.
func (s *idSource) next() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.values) == 0 {
		s.values = s.makeBatch()
	}
	v := s.values[:1:1]
	s.values = s.values[1:]
	return v
}

func (s *idSource) makeBatch() []string {
	var buf []byte
	ends := make([]int, idBatch)
	for i := range ends {
		s.counter++
		buf = append(buf, s.prefix...)
		buf = strconv.AppendUint(buf, s.counter, 10)
		ends[i] = len(buf)
	}
	all := string(buf)
	values := make([]string, idBatch)
	start := 0
	for i, end := range ends {
		values[i] = all[start:end]
		start = end
	}
	return values
}
