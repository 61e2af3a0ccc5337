package search_test

import (
	"runtime"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// typicalQueries are what visitors type: feature names, typos, prefixes, several words.
var typicalQueries = []string{
	"orm", "djngo admn", "migr", "csrf protection", "async views", "sqlalchemy sessions",
	"flask", "template inheritance", "authentification", "how do i deploy django with gunicorn",
	"flask vs django", "django vs fastapi orm",
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
// content is loaded once, outside the timing), and the heap the index keeps: live heap
// after building it less the live heap before, both after a collection.
func BenchmarkBuildIndex(b *testing.B) {
	s, err := site.Load(content.FS)
	if err != nil {
		b.Fatal(err)
	}
	heap := indexHeap(s)
	b.ReportAllocs()
	var ix *search.Index
	for b.Loop() {
		ix = search.New(s)
	}
	b.ReportMetric(float64(heap)/1024, "index-KiB")
	b.ReportMetric(float64(ix.Docs()), "pages")
	b.ReportMetric(float64(ix.Words()), "words")
}

// indexHeap is the live heap an index of s keeps, in bytes.
func indexHeap(s *site.Site) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ix := search.New(s)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(ix)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc)
}
