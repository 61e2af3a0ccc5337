package search_test

import (
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// typicalQueries are what visitors type: feature names, typos, prefixes, several words.
var typicalQueries = []string{
	"orm", "djngo admn", "migr", "csrf protection", "async views", "sqlalchemy sessions",
	"flask", "template inheritance", "authentification", "how do i deploy django with gunicorn",
}

// BenchmarkSearch runs each typical query on the shipped content, with the top 10 results
// and their snippets, as the /search page asks for them.
func BenchmarkSearch(b *testing.B) {
	ix := shippedIndex(b)
	for _, q := range typicalQueries {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ix.Search(q, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildIndex is the start-up cost of the index for the shipped content (the
// content is loaded once, outside the timing).
func BenchmarkBuildIndex(b *testing.B) {
	s, err := site.Load(content.FS)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var ix *search.Index
	for b.Loop() {
		ix = search.New(s)
	}
	b.ReportMetric(float64(ix.Docs()), "pages")
	b.ReportMetric(float64(ix.Words()), "words")
}
