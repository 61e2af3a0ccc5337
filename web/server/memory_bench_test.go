package server

import (
	"context"
	"runtime"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/highlight"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
)

// BenchmarkLiveHeap reports the live heap of a serving site, as cmd/versus leaves it:
// the shipped content loaded, built and handed to the server, its rendered HTML released
// and the search index built, measured after a collection (live-KiB). The budget of the
// whole process is 50 MB resident (web/loadtest), of which the live heap is the part the
// site's own data holds.
func BenchmarkLiveHeap(b *testing.B) {
	cache, err := highlight.ParseCache(content.HighlightCache)
	if err != nil {
		b.Fatal(err)
	}
	var live uint64
	for b.Loop() {
		s, err := site.Load(content.FS, site.WithHighlighter(highlight.New(cache)))
		if err != nil {
			b.Fatal(err)
		}
		out, err := build.Site(context.Background(), s, build.Config{Pages: pages.Config{BaseURL: "https://versus.example"}})
		if err != nil {
			b.Fatal(err)
		}
		srv := New(Config{}, out, nil)
		s.ReleaseRenderedHTML()
		out = nil
		if _, err := srv.searchIndex(context.Background()); err != nil {
			b.Fatal(err)
		}
		var m runtime.MemStats
		runtime.GC()
		runtime.GC() // the first collection's finalizers free more
		runtime.ReadMemStats(&m)
		live = m.HeapAlloc
		runtime.KeepAlive(srv)
	}
	b.ReportMetric(float64(live)/(1<<10), "live-KiB")
}
