package site

import (
	"testing"

	"github.com/versus-dev/versus/content"
)

// BenchmarkLoad measures loading, validating and rendering the shipped content.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(content.FS); err != nil {
			b.Fatal(err)
		}
	}
}
