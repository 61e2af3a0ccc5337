package server

import (
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/highlight"
	"github.com/versus-dev/versus/web/site"
)

// BenchmarkStartup measures what the process does before it listens: load, validate and
// render the content (web/site), render and compress every page, build the search index.
// "shipped" starts as the server does, from the shipped highlight cache; "uncached"
// highlights every code block with chroma, as for a content folder of one's own:
// go test ./web/server -run '^$' -bench 'Startup$' -benchtime 10x
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
				if _, err := NewServer(Config{}, s, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
