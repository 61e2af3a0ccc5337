package server

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/compress"
	"github.com/versus-dev/versus/web/pages"
)

// The filtered views' budgets (README, "Filtered views"). A view is made on its first
// request, gzip-compressed, and served from then on like a stored page. The views kept
// hold at most viewCacheBytes, of which views asked for more than once may hold
// viewProtectBytes (a segmented LRU: views asked for once push out only each other, so a
// flood of texts nobody searches twice leaves the tallies' views alone). Their text (?q=)
// makes the number of views unbounded, so at most viewRenderers are made at once, and a
// request that waits longer than viewRenderWait for its turn is answered 503.
const (
	viewCacheBytes   = 1 << 20   // 1 MiB: about 100 views of a few categories, 30 of nearly every row
	viewProtectBytes = 768 << 10 // every view the shipped pages link to (580 KiB) and a third more
	viewRenderWait   = time.Second
)

// viewRenderers is how many views are made at once: half the CPUs, so that a flood of
// distinct views leaves the other half to the stored pages.
var viewRenderers = max(1, runtime.GOMAXPROCS(0)/2)

// errBusy is why a view was not made: every renderer stayed busy for viewRenderWait.
var errBusy = errors.New("every renderer of filtered views is busy")

// views makes the filtered views of the comparisons' tables on request and keeps the most
// recently used, each as an entry with its gzip body and ETags (no brotli: build.EncodeGzip
// says why), keyed by the comparison and the filter's canonical form, so that every
// spelling of a view shares one. Requests for a view being made wait for it.
type views struct {
	renderers   chan struct{} // a slot per view being made
	compressors sync.Pool     // of *compress.Compressor (gzip's writer holds 0.6 MiB once used)
	wait        time.Duration
	flights     singleflight.Group
	cache       *lru[*entry]
	rendered    atomic.Int64 // views made so far
	busy        atomic.Int64 // requests answered 503
}

func newViews(maxBytes, protectBytes, renderers int, wait time.Duration) *views {
	return &views{
		renderers:   make(chan struct{}, renderers),
		compressors: sync.Pool{New: func() any { return compress.New() }},
		wait:        wait,
		cache:       newSegmentedLRU(maxBytes, protectBytes, (*entry).size),
	}
}

// get returns the view of the page at path through f: from the cache, or made by render
// (which renders its HTML, given the filter). It waits for a free renderer, or for another
// request's making of the same view, until ctx is done; a view once started is finished
// (and cached) even if every request for it has gone.
func (v *views) get(ctx context.Context, path string, f pages.Filter, render func(context.Context, pages.Filter) ([]byte, error)) (*entry, error) {
	key := path + "?" + f.Encode()
	if e, ok := v.cache.get(key); ok {
		return e, nil
	}
	result := v.flights.DoChan(key, func() (any, error) {
		timer := time.NewTimer(v.wait)
		defer timer.Stop()
		select {
		case v.renderers <- struct{}{}:
			defer func() { <-v.renderers }()
		case <-timer.C:
			return nil, errBusy
		}
		if e, ok := v.cache.get(key); ok {
			return e, nil // made while this one waited
		}
		body, err := render(context.Background(), f)
		if err != nil {
			return nil, err
		}
		file := &build.File{Path: key, ContentType: pages.HTMLType, Variants: [build.NumEncodings]*build.Variant{{Body: body}}}
		c := v.compressors.Get().(*compress.Compressor)
		err = build.EncodeGzip(c, file)
		v.compressors.Put(c)
		if err != nil {
			return nil, err
		}
		e := newEntry(file)
		v.cache.add(key, e)
		v.rendered.Add(1)
		return e, nil
	})
	select {
	case r := <-result:
		if r.Err != nil {
			return nil, r.Err
		}
		return r.Val.(*entry), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// stats returns how many views have been made, how many requests found every renderer
// busy, and the cache's size in bytes and views.
func (v *views) stats() (rendered, busy int64, bytes, cached int) {
	bytes, cached = v.cache.stats()
	return v.rendered.Load(), v.busy.Load(), bytes, cached
}

// busyError is the answer to a request for a view of the table at path that could not be
// made in time: a 503 that asks the client to come back in a second.
func (v *views) busyError(w http.ResponseWriter, path string) error {
	v.busy.Add(1)
	w.Header().Set("Retry-After", "1")
	return &httpError{
		status:  http.StatusServiceUnavailable,
		message: "Many views of the tables are being made right now. Please try again in a moment.",
		links:   []components.Link{{Title: "See the whole table", URL: path}},
	}
}
