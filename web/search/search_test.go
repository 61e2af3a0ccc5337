package search_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

// shipped is the index of the shipped content, built once for all tests and benchmarks.
var shipped = sync.OnceValues(func() (*search.Index, error) {
	s, err := search.ShippedSite()
	if err != nil {
		return nil, fmt.Errorf("loading the shipped content: %w", err)
	}
	return search.New(s), nil
})

func shippedIndex(tb testing.TB) *search.Index {
	tb.Helper()
	ix, err := shipped()
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}

// indexOf loads fsys and indexes it.
func indexOf(tb testing.TB, fsys fstest.MapFS) *search.Index {
	tb.Helper()
	s, err := site.Load(fsys)
	if err != nil {
		tb.Fatalf("loading fixture: %v", err)
	}
	return search.New(s)
}

func search1(tb testing.TB, ix *search.Index, query string, limit int) search.Results {
	tb.Helper()
	res, err := ix.Search(query, limit)
	if err != nil {
		tb.Fatalf("Search(%q): %v", query, err)
	}
	return res
}

func urls(res search.Results) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.URL)
	}
	return out
}

// rank is the position of url among the hits, 0 when absent. In "/compare/*/orm", * is
// any pair: each pair has its own page for a row.
func rank(res search.Results, url string) int {
	prefix, suffix, anyPair := strings.Cut(url, "*")
	for i, h := range res.Hits {
		if h.URL == url || anyPair && strings.HasPrefix(h.URL, prefix) && strings.HasSuffix(h.URL, suffix) && !strings.Contains(strings.TrimSuffix(strings.TrimPrefix(h.URL, prefix), suffix), "/") {
			return i + 1
		}
	}
	return 0
}

// snippetText is the snippet as a template shows it, with matches in [brackets].
func snippetText(segments []search.Segment) string {
	var b strings.Builder
	for _, s := range segments {
		if s.Match {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestShippedContentQueries(t *testing.T) {
	ix := shippedIndex(t)
	tests := []struct {
		query  string
		want   string // URL that must be among the first within results (* is any pair)
		within int
	}{
		{"djngo admn", "/compare/*/admin", 3},
		{"migr", "/compare/*/migrations", 1},
		{"MIGRATIONS", "/compare/*/migrations", 1},
		{"migratoins", "/compare/*/migrations", 1},
		{"Django's admin!", "/compare/*/admin", 1},
		{"csrf", "/compare/*/csrf", 1},
		{"the ORM", "/compare/*/orm", 1},
		{"async views", "/compare/*/async-views", 1},
		{"mvc", "/compare/*/mtv-pattern", 1},
		{"flask", "/frameworks/flask", 1},
		{"units of organisation", "/guides/architecture-differences#units-of-organisation-apps-and-blueprints", 1},
		{"flask cant scale", "/guides/comparison-mistakes#flask-cant-scale", 3},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := search1(t, ix, tt.query, 10)
			if r := rank(res, tt.want); r == 0 || r > tt.within {
				t.Errorf("%s is at rank %d, want 1–%d; got %v", tt.want, r, tt.within, urls(res))
			}
		})
	}
}

// TestShippedQueriesNamingComparisons checks the queries readers type to find a
// comparison, or a row in one pair, on the shipped content.
func TestShippedQueriesNamingComparisons(t *testing.T) {
	ix := shippedIndex(t)
	tests := []struct {
		query string
		first string // the first result's URL
		kind  search.Kind
	}{
		{"flask vs django", "/compare/flask-vs-django", search.KindComparison},
		{"Flask vs. Django?", "/compare/flask-vs-django", search.KindComparison},
		{"django fastapi", "/compare/django-vs-fastapi", search.KindComparison},
		{"fastapi vs flask", "/compare/flask-vs-fastapi", search.KindComparison},
		{"Flask, Django and FastAPI", "/compare/flask-vs-django-vs-fastapi", search.KindComparison},
		{"compare django fastapi", "/compare/django-vs-fastapi", search.KindComparison},
		{"difference between flask and fastapi", "/compare/flask-vs-fastapi", search.KindComparison},
		{"djnago versus fastpai", "/compare/django-vs-fastapi", search.KindComparison}, // typos
		{"django vs fastapi orm", "/compare/django-vs-fastapi/orm", search.KindRow},
		{"flask django admin", "/compare/flask-vs-django/admin", search.KindRow},
		{"fastapi flask admin", "/compare/flask-vs-fastapi/admin", search.KindRow},
		{"flask django fastapi orm", "/compare/flask-vs-django-vs-fastapi#orm", search.KindRow},
		{"djngo fastapi migratoins", "/compare/django-vs-fastapi/migrations", search.KindRow},
		{"django vs fastapi websock", "/compare/django-vs-fastapi/websockets", search.KindRow}, // a prefix
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := search1(t, ix, tt.query, 10)
			if len(res.Hits) == 0 || res.Hits[0].URL != tt.first || res.Hits[0].Kind != tt.kind {
				t.Fatalf("first result is not the %s %s; got %v", tt.kind, tt.first, urls(res))
			}
			if h := res.Hits[0]; h.Kind == search.KindRow {
				// The other pairs are named in the same result, and the row comes once.
				if len(h.Places) != 4 {
					t.Errorf("the row names %d pages, want its 3 pairs and the table: %+v", len(h.Places), h.Places)
				}
				for _, other := range res.Hits[1:] {
					if other.Title == h.Title {
						t.Errorf("the row %q comes twice: %s and %s", h.Title, h.URL, other.URL)
					}
				}
			}
		})
	}
	// A word of the site that is one letter from a framework's name is that word: "flash
	// messages" asks for flashed messages, not for Flask.
	if res := search1(t, ix, "flash messages", 3); len(res.Hits) == 0 || res.Hits[0].Kind == search.KindComparison {
		t.Errorf("flash messages: %v", urls(res))
	}
}

// TestShippedRowsComeOnce checks that a row is one result naming each page it is on:
// "admin" gave the Admin interface row three times, once per pair, none saying which.
func TestShippedRowsComeOnce(t *testing.T) {
	ix := shippedIndex(t)
	res := search1(t, ix, "admin", 20)
	titles := map[string]int{}
	for _, h := range res.Hits {
		titles[h.Title+" "+string(h.Kind)]++
	}
	for title, n := range titles {
		if n > 1 {
			t.Errorf("%s comes %d times", title, n)
		}
	}
	h := res.Hits[0]
	if h.Title != "Admin interface" || h.URL != "/compare/flask-vs-django/admin" {
		t.Fatalf("first result = %s %s", h.Title, h.URL)
	}
	want := []search.Place{
		{Title: "Flask vs Django", URL: "/compare/flask-vs-django/admin", Subjects: 2, Linked: true},
		{Title: "Flask vs FastAPI", URL: "/compare/flask-vs-fastapi/admin", Subjects: 2},
		{Title: "Django vs FastAPI", URL: "/compare/django-vs-fastapi/admin", Subjects: 2},
		{Title: "Flask vs Django vs FastAPI", URL: "/compare/flask-vs-django-vs-fastapi#admin", Subjects: 3},
	}
	if !reflect.DeepEqual(h.Places, want) {
		t.Errorf("places = %+v\nwant     %+v", h.Places, want)
	}
	s, err := search.ShippedSite()
	if err != nil {
		t.Fatal(err)
	}
	docs := len(s.Tables[0].Rows) + len(s.Comparisons) + len(s.Tables) + len(s.Guides) + len(s.Frameworks)
	if got := ix.Docs(); got != docs {
		t.Errorf("the index holds %d documents, want one per row, comparison, guide and profile (%d)", got, docs)
	}
}

func TestShippedSnippets(t *testing.T) {
	ix := shippedIndex(t)
	for _, query := range []string{"djngo admn", "migr", "csrf token", "sqlalchemy sessions", "gunicorn", "async", "日本語", "flask"} {
		res := search1(t, ix, query, 20)
		for _, h := range res.Hits {
			text := snippetText(h.Snippet)
			if n := utf8.RuneCountInString(text); n == 0 || n > 240 {
				t.Errorf("%q: %s: snippet of %d characters: %s", query, h.URL, n, text)
			}
			for i, s := range h.Snippet {
				if s.Text == "" || (i > 0 && h.Snippet[i-1].Match == s.Match) {
					t.Errorf("%q: %s: segments not merged or empty: %+v", query, h.URL, h.Snippet)
				}
			}
		}
	}
}

// fixture is the sitetest content plus rows and a guide built to test ranking and anchors.
func fixture() fstest.MapFS {
	fsys := sitetest.FS()
	row := func(id, title, summary, cells, body string) {
		fsys["comparisons/flask-vs-django/rows/"+id+".md"] = &fstest.MapFile{Data: []byte(`---
title: ` + title + `
category: data
order: 20
summary: "` + summary + `"
verdict: tie
cells:
  flask:  {support: builtin, text: "` + cells + `"}
  django: {support: builtin, text: "Built in"}
sources:
  - {title: "Docs", url: "https://example.org/", read: 2026-11-01}
reviewed: 2026-11-01
---
` + body)}
	}
	filler := "Some explanation about requests, responses and templates. "
	row("in-title", "Widget registry", "One thing and another.", "Plain", filler)
	row("in-summary", "Gadgets", "Registers every widget at start-up.", "Plain", filler)
	row("in-cell", "Doodads", "One thing and another.", "A widget list", filler)
	row("in-body", "Gizmos", "One thing and another.", "Plain", filler+"The widget, the widget and the widget again: widget.\n")
	row("in-code", "Thingamajigs", "One thing and another.", "Plain",
		filler+"\n```python {framework=flask file=app.py}\nwidget = make_widget()\n```\n")
	fsys["guides/deploying.md"] = &fstest.MapFile{Data: []byte(`---
title: Deploying an app
summary: From laptop to server.
reviewed: 2026-11-01
---
Before anything else, pick a host with a zeppelin hangar.

## Setting up the server

Install Python and a process manager.

` + "```sh\npip install quokka\n```" + `

## "Flask can't scale"

It scales like anything else with enough marmots.

### Running Gunicorn

Gunicorn runs the app with several workers; Übersicht über die Straße.
`)}
	return fsys
}

// TestRowGrouping checks, on a three-subject fixture, that a row is one result linking to
// the page the query points to, with a snippet from that page's text.
func TestRowGrouping(t *testing.T) {
	ix := indexOf(t, sitetest.ThreeFS())
	places := func(id string, linked int) []search.Place {
		out := []search.Place{
			{Title: "Flask vs Django", URL: "/compare/flask-vs-django/" + id, Subjects: 2},
			{Title: "Flask vs FastAPI", URL: "/compare/flask-vs-fastapi/" + id, Subjects: 2},
			{Title: "Django vs FastAPI", URL: "/compare/django-vs-fastapi/" + id, Subjects: 2},
			{Title: "Flask vs Django vs FastAPI", URL: "/compare/flask-vs-django-vs-fastapi#" + id, Subjects: 3},
		}
		out[linked].Linked = true
		return out
	}
	tests := []struct {
		query   string
		url     string
		places  []search.Place
		snippet string
	}{
		// No pair named: the first pair, or the one whose text the snippet quotes.
		{"orm", "/compare/flask-vs-django/orm", places("orm", 0), "Flask vs Django: Django ships an [ORM]; Flask leaves the choice to you."},
		{"nothing", "/compare/flask-vs-fastapi/csrf", places("csrf", 1), "Flask vs FastAPI: Flask-WTF covers forms; FastAPI has [nothing]."},
		// A pair named: its page, and a snippet from its text or its subjects' cells.
		{"django vs fastapi orm", "/compare/django-vs-fastapi/orm", places("orm", 2), "Django vs FastAPI: Django ships an [ORM]; FastAPI does not."},
		{"django fastapi sqlalchemy", "/compare/django-vs-fastapi/orm", places("orm", 2), "FastAPI: SQLModel or [SQLAlchemy]"},
		{"flask django sqlalchemy", "/compare/flask-vs-django/orm", places("orm", 0), "Flask: Flask-[SQLAlchemy]"},
		// One subject named: the pair with it whose text the snippet quotes, never text of a
		// pair without it ("differ" is in Flask vs Django's explanation only).
		{"fastapi differ", "/compare/django-vs-fastapi/orm", places("orm", 2), "Django vs FastAPI: Django ships an ORM; [FastAPI] does not."},
		// All three named: the table.
		{"flask django fastapi csrf", "/compare/flask-vs-django-vs-fastapi#csrf", places("csrf", 3), "Flask: Flask-WTF [CSRFProtect]"},
		// Code shared by the pairs is indexed once, and so is the code section's note.
		{"models", "/compare/flask-vs-django/orm", places("orm", 0), "from django.db import [models]"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := search1(t, ix, tt.query, 10)
			var rows []search.Result
			for _, h := range res.Hits {
				if h.Kind == search.KindRow {
					rows = append(rows, h)
				}
			}
			if len(rows) == 0 {
				t.Fatalf("no row among %v", urls(res))
			}
			h := rows[0]
			if h.URL != tt.url || !reflect.DeepEqual(h.Places, tt.places) {
				t.Errorf("first row links to %s, places %+v\nwant %s, %+v", h.URL, h.Places, tt.url, tt.places)
			}
			if got := snippetText(h.Snippet); got != tt.snippet {
				t.Errorf("snippet = %q\nwant      %q", got, tt.snippet)
			}
			seen := map[string]bool{}
			for _, r := range rows {
				if seen[r.Title] {
					t.Errorf("row %q comes twice in %v", r.Title, urls(res))
				}
				seen[r.Title] = true
			}
		})
	}
	if got := ix.Docs(); got != 2+4+1+1 {
		t.Errorf("the index holds %d documents, want 8: 2 rows, 3 pairs and the table, a guide, a profile", got)
	}
}

// TestComparisonDocuments checks that pairs and tables are found by their names, in any
// order and with typos, and by their summaries.
func TestComparisonDocuments(t *testing.T) {
	ix := indexOf(t, sitetest.ThreeFS())
	tests := []struct{ query, first string }{
		{"flask vs django", "/compare/flask-vs-django"},
		{"Django, Flask", "/compare/flask-vs-django"},
		{"fastapi versus django", "/compare/django-vs-fastapi"},
		{"compare flsak and fastapi", "/compare/flask-vs-fastapi"},
		{"flask django fastapi", "/compare/flask-vs-django-vs-fastapi"},
		{"micro-framework", "/compare/flask-vs-fastapi"},
	}
	for _, tt := range tests {
		res := search1(t, ix, tt.query, 10)
		if len(res.Hits) == 0 || res.Hits[0].URL != tt.first || res.Hits[0].Kind != search.KindComparison || res.Hits[0].Places != nil {
			t.Errorf("%q: first %v, want the comparison %s", tt.query, urls(res), tt.first)
		}
	}
	// A comparison named is first even when its title says nothing more than another's.
	res := search1(t, ix, "django fastapi", 10)
	if res.Hits[0].Score < res.Hits[1].Score || snippetText(res.Hits[0].TitleSegments) != "[Django] vs [FastAPI]" {
		t.Errorf("django fastapi: %+v", res.Hits[0])
	}
	// Two subjects with no comparison of their own are searched for as words.
	two := indexOf(t, sitetest.FS())
	if res := search1(t, two, "flask django", 10); len(res.Hits) == 0 || res.Hits[0].URL != "/compare/flask-vs-django" {
		t.Errorf("two-subject site: %v", urls(res))
	}
	if res := search1(t, two, "flask fastapi", 10); len(res.Hits) != 0 && res.Hits[0].Kind == search.KindComparison && strings.Contains(res.Hits[0].Title, "FastAPI") {
		t.Errorf("a pair that does not exist: %v", urls(res))
	}
}

// TestFieldRanking checks that the field a word is found in decides the order: title,
// then summary and cells, then body and code.
func TestFieldRanking(t *testing.T) {
	ix := indexOf(t, fixture())
	res := search1(t, ix, "widget", 10)
	tiers := [][]string{
		{"/compare/flask-vs-django/in-title"},
		{"/compare/flask-vs-django/in-summary", "/compare/flask-vs-django/in-cell"},
		{"/compare/flask-vs-django/in-body", "/compare/flask-vs-django/in-code"},
	}
	got := urls(res)
	if len(got) != 5 {
		t.Fatalf("results = %v, want the 5 widget rows", got)
	}
	pos := 0
	for _, tier := range tiers {
		for _, url := range tier {
			if r := rank(res, url); r <= pos || r > pos+len(tier) {
				t.Errorf("%s at rank %d, want %d–%d; order %v", url, r, pos+1, pos+len(tier), got)
			}
		}
		pos += len(tier)
	}
	if res.Total != 5 || len(res.Words) != 1 || res.Words[0] != "widget" {
		t.Errorf("Total = %d, Words = %v", res.Total, res.Words)
	}
	title := res.Hits[0].TitleSegments
	if len(title) != 2 || title[0] != (search.Segment{Text: "Widget", Match: true}) || title[1].Match {
		t.Errorf("title segments = %+v", title)
	}
	if res.Hits[0].Kind != search.KindRow || res.Hits[0].Section != "Data" {
		t.Errorf("kind, section = %q, %q", res.Hits[0].Kind, res.Hits[0].Section)
	}
	for _, h := range res.Hits {
		switch h.URL {
		case "/compare/flask-vs-django/in-cell":
			if got := snippetText(h.Snippet); got != "Flask: A [widget] list" {
				t.Errorf("cell snippet = %q", got)
			}
		case "/compare/flask-vs-django/in-code":
			if got := snippetText(h.Snippet); got != "[widget] = make_[widget]()" {
				t.Errorf("code snippet = %q", got)
			}
		}
	}
}

// TestGuideAnchors checks that a guide result links to the section of its match.
func TestGuideAnchors(t *testing.T) {
	ix := indexOf(t, fixture())
	tests := []struct {
		query, url, section, snippet string
	}{
		{"zeppelin", "/guides/deploying", "", "Before anything else, pick a host with a [zeppelin] hangar."},
		{"process manager", "/guides/deploying#setting-up-the-server", "Setting up the server", "Install Python and a [process] [manager]."},
		{"quokka", "/guides/deploying#setting-up-the-server", "Setting up the server", "pip install [quokka]"},
		{"marmots", "/guides/deploying#flask-cant-scale", "“Flask can’t scale”", "It scales like anything else with enough [marmots]."},
		{"workers", "/guides/deploying#running-gunicorn", "Running Gunicorn", "Gunicorn runs the app with several [workers]; Übersicht über die Straße."},
		{"gunicorn", "/guides/deploying#running-gunicorn", "Running Gunicorn", "Running [Gunicorn]"},
		{"ÜBERSICHT STRASSE straße", "/guides/deploying#running-gunicorn", "Running Gunicorn", "Gunicorn runs the app with several workers; [Übersicht] über die [Straße]."},
		{"laptop", "/guides/deploying", "", "From [laptop] to server."},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := search1(t, ix, tt.query, 10)
			if len(res.Hits) == 0 {
				t.Fatal("no results")
			}
			h := res.Hits[0]
			if h.Kind != search.KindGuide || h.URL != tt.url || h.Section != tt.section {
				t.Errorf("first = %s %s %q, want guide %s %q", h.Kind, h.URL, h.Section, tt.url, tt.section)
			}
			if got := snippetText(h.Snippet); got != tt.snippet {
				t.Errorf("snippet = %q\nwant      %q", got, tt.snippet)
			}
		})
	}
}

func TestSnippetWindow(t *testing.T) {
	fsys := sitetest.FS()
	long := strings.Repeat("Lorem ipsum dolor sit amet. ", 20) + "The needle is here. " + strings.Repeat("Consectetur adipiscing elit. ", 20)
	fsys["guides/long.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Long\nsummary: A long one.\nreviewed: 2026-11-01\n---\n" + long + "\n")}
	ix := indexOf(t, fsys)
	res := search1(t, ix, "needle", 1)
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %d", len(res.Hits))
	}
	got := snippetText(res.Hits[0].Snippet)
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || !strings.Contains(got, "The [needle] is here.") {
		t.Errorf("snippet = %q", got)
	}
	body := strings.Trim(got, "…")
	if n := utf8.RuneCountInString(body); n < 120 || n > 162 {
		t.Errorf("snippet body is %d characters, want about 160: %q", n, body)
	}
	if strings.HasPrefix(body, " ") || strings.HasSuffix(body, " ") {
		t.Errorf("snippet not cut at word boundaries: %q", got)
	}
}

// TestTitleOnlyMatch shows the summary, unmarked, when only the title matches.
func TestTitleOnlyMatch(t *testing.T) {
	ix := indexOf(t, sitetest.FS())
	res := search1(t, ix, "start here", 10)
	if len(res.Hits) == 0 || res.Hits[0].URL != "/guides/start-here" {
		t.Fatalf("hits = %v", urls(res))
	}
	if got := snippetText(res.Hits[0].Snippet); got != "Where to begin." {
		t.Errorf("snippet = %q", got)
	}
}

func TestBadQueries(t *testing.T) {
	ix := indexOf(t, sitetest.FS())
	tests := []struct {
		name  string
		query string
		err   error // nil: no error and no results
	}{
		{"empty", "", nil},
		{"blank", " \t\n", nil},
		{"stop words", "the of and", nil},
		{"punctuation", "?!…—()", nil},
		{"unknown word", "xylophone", nil},
		{"too long", strings.Repeat("é", search.MaxQueryLength+1), search.ErrQueryTooLong},
		{"invalid UTF-8", "orm\xff", search.ErrQueryNotUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(tt.query, 10)
			if tt.err == nil {
				if err != nil || len(res.Hits) != 0 || res.Total != 0 {
					t.Errorf("got %d hits, error %v; want none", len(res.Hits), err)
				}
				return
			}
			var qe *search.QueryError
			if !errors.As(err, &qe) || !errors.Is(err, tt.err) {
				t.Errorf("error = %v, want a *QueryError for %v", err, tt.err)
			}
		})
	}
	if _, err := ix.Search(strings.Repeat("é", search.MaxQueryLength), 10); err != nil {
		t.Errorf("a query of exactly %d characters: %v", search.MaxQueryLength, err)
	}
}

func TestLimit(t *testing.T) {
	ix := shippedIndex(t)
	if res := search1(t, ix, "django", 3); len(res.Hits) != 3 || res.Total <= 3 {
		t.Errorf("limit 3: %d hits of %d", len(res.Hits), res.Total)
	}
	if res := search1(t, ix, "django", 0); len(res.Hits) != search.DefaultLimit {
		t.Errorf("limit 0: %d hits, want %d", len(res.Hits), search.DefaultLimit)
	}
}

func TestDeterministic(t *testing.T) {
	ix := shippedIndex(t)
	for _, q := range []string{"django", "flask django", "djngo admn", "migr"} {
		first := search1(t, ix, q, 100)
		for range 3 {
			if again := search1(t, ix, q, 100); !reflect.DeepEqual(first, again) {
				t.Fatalf("%q: results differ between runs", q)
			}
		}
		for i := 1; i < len(first.Hits); i++ {
			if first.Hits[i].Score > first.Hits[i-1].Score {
				t.Errorf("%q: hit %d scores above hit %d", q, i, i-1)
			}
		}
	}
}

func TestEmptySite(t *testing.T) {
	for _, s := range []*site.Site{nil, {}} {
		ix := search.New(s)
		if res := search1(t, ix, "django admin", 10); len(res.Hits) != 0 || res.Total != 0 {
			t.Errorf("empty site: %d hits", len(res.Hits))
		}
	}
}

func TestConcurrentSearches(t *testing.T) {
	ix := indexOf(t, fixture())
	want := search1(t, ix, "widget gunicorn", 10)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got, err := ix.Search("widget gunicorn", 10); err != nil || !reflect.DeepEqual(got, want) {
					t.Errorf("concurrent search differs: %v", err)
					return
				}
			}
		})
	}
	wg.Wait()
}
