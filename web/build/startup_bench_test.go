package build

import (
	"context"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/highlight"
	"github.com/versus-dev/versus/web/site"
)

// BenchmarkStartup measures what the process does before it listens: load, validate and
// render the content (web/site), then render and compress every page (Site). "shipped"
// starts as the server does, from the shipped highlight cache; "uncached" highlights every
// code block with chroma, as for a content folder of one's own:
// go test ./web/build -run '^$' -bench 'Startup$' -benchtime 10x
func BenchmarkStartup(b *testing.B) {
	cache, err := highlight.ParseCache(content.HighlightCache)
	if err != nil {
		b.Fatal(err)
	}
	for _, variant := range []struct {
		name  string
		cache *highlight.Cache
	}{{"shipped", cache}, {"uncached", nil}} {
		b.Run(variant.name, func(b *testing.B) {
			for b.Loop() {
				s, err := site.Load(content.FS, site.WithHighlighter(highlight.New(variant.cache)))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Site(context.Background(), s, Config{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRenderSite measures building the shipped site from its loaded content: render
// every page and compress it.
func BenchmarkRenderSite(b *testing.B) {
	s, err := site.Load(content.FS)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Site(context.Background(), s, Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
