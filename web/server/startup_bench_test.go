package server

import (
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/site"
)

// BenchmarkStartup measures what the process does before it listens: load, validate and
// render the content (web/site), render and compress every page, build the search index.
func BenchmarkStartup(b *testing.B) {
	for b.Loop() {
		s, err := site.Load(content.FS)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := NewServer(Config{}, s, nil); err != nil {
			b.Fatal(err)
		}
	}
}
