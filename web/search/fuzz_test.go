package search_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/versus-dev/versus/web/search"
)

// FuzzSearch checks that no query makes Search panic, and that every answer is either a
// *QueryError for a query that deserves one or a set of well-formed results.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{
		"", "orm", "djngo admn", "migr", "Django's admin", "CSRF-token?", "the of and",
		"日本語", "Übersicht straße", "a'b's'", "'s", "   ", "\x00\xff", "é́́", strings.Repeat("x", 201),
		"widget zeppelin quokka marmots gunicorn workers laptop process manager",
		"flask vs django", "djnago flsak widget", "compare flask", "flask flask django django",
	} {
		f.Add(seed, 5)
	}
	ix := indexOf(f, fixture())
	f.Fuzz(func(t *testing.T, query string, limit int) {
		res, err := ix.Search(query, limit)
		if err != nil {
			var qe *search.QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("error %v is not a *QueryError", err)
			}
			if utf8.ValidString(query) && utf8.RuneCountInString(query) <= search.MaxQueryLength {
				t.Fatalf("valid query %q rejected: %v", query, err)
			}
			return
		}
		if !utf8.ValidString(query) || utf8.RuneCountInString(query) > search.MaxQueryLength {
			t.Fatalf("query %q accepted", query)
		}
		want := limit
		if want <= 0 {
			want = search.DefaultLimit
		}
		if len(res.Hits) > want || len(res.Hits) > res.Total {
			t.Fatalf("%d hits of %d for limit %d", len(res.Hits), res.Total, limit)
		}
		for i, h := range res.Hits {
			switch h.Kind {
			case search.KindRow:
				linked := 0
				for _, p := range h.Places {
					if p.Linked {
						linked++
						if p.URL != h.URL {
							t.Fatalf("hit %d links to %s, its linked place is %s", i, h.URL, p.URL)
						}
					}
				}
				if linked != 1 {
					t.Fatalf("hit %d: %d of its places %+v are linked, want 1", i, linked, h.Places)
				}
			case search.KindComparison, search.KindGuide, search.KindFramework:
				if h.Places != nil {
					t.Fatalf("hit %d: a %s with places %+v", i, h.Kind, h.Places)
				}
			default:
				t.Fatalf("hit %d: kind %q", i, h.Kind)
			}
			if !strings.HasPrefix(h.URL, "/") || h.Title == "" || !(h.Score > 0) {
				t.Fatalf("hit %d: %+v", i, h)
			}
			if i > 0 && h.Score > res.Hits[i-1].Score {
				t.Fatalf("hit %d scores above hit %d", i, i-1)
			}
			var title strings.Builder
			for _, s := range h.TitleSegments {
				title.WriteString(s.Text)
			}
			if title.String() != h.Title {
				t.Fatalf("hit %d: title segments %+v do not spell %q", i, h.TitleSegments, h.Title)
			}
			for _, s := range h.Snippet {
				if s.Text == "" || !utf8.ValidString(s.Text) {
					t.Fatalf("hit %d: bad snippet segment %q", i, s.Text)
				}
			}
		}
	})
}
