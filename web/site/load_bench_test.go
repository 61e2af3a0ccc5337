package site

import (
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/highlight"
)

// BenchmarkLoad measures loading, validating and rendering the shipped content: "lexed"
// highlights every code block, as for a content folder of one's own; "cached" starts
// from the shipped highlight cache, as the server does.
func BenchmarkLoad(b *testing.B) {
	b.Run("lexed", func(b *testing.B) {
		for b.Loop() {
			if _, err := Load(content.FS); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		cache, err := highlight.ParseCache(content.HighlightCache)
		if err != nil {
			b.Fatal(err)
		}
		h := highlight.New(cache)
		for b.Loop() {
			if _, err := Load(content.FS, WithHighlighter(h)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
