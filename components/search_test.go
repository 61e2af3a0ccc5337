package components

import (
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/web/search"
)

func TestSearchResults(t *testing.T) {
	p := SearchPage{
		Shell: testShell("/search"), Query: "orm <b>", Total: 1,
		Hits: []SearchHit{{
			Kind: "Row", Section: "Data", URL: "/compare/flask-vs-django/orm",
			Title:   []Segment{{Text: "ORM", Match: true}},
			Snippet: []Segment{{Text: "Django ships an "}, {Text: "ORM", Match: true}, {Text: "."}},
		}},
	}
	doc := renderHTML(t, Search(p))
	if doc.Find(`form.search-form[action="/search"] input#search-q`).AttrOr("value", "") != "orm <b>" {
		t.Error("the query is not kept in the form")
	}
	if got := doc.Find("[role=status]").Text(); got != "1 result for “orm <b>”." {
		t.Errorf("count = %q", got)
	}
	hit := doc.Find("ol.results li")
	if hit.Length() != 1 || hit.Find(".result-kind").Text() != "Row · Data" {
		t.Errorf("kind = %q", hit.Find(".result-kind").Text())
	}
	if hit.Find(`h2 a[href="/compare/flask-vs-django/orm"] mark`).Text() != "ORM" {
		t.Error("the title's match is not marked")
	}
	if hit.Find(".snippet").Text() != "Django ships an ORM." || hit.Find(".snippet mark").Text() != "ORM" {
		t.Errorf("snippet = %q", hit.Find(".snippet").Text())
	}
	if doc.Find(".notice").Length() != 0 {
		t.Error("a notice beside results")
	}
	if hit.Find(".result-places").Length() != 0 {
		t.Error("a row on one page lists its pages")
	}

	// A row on several pages names each, the one its title links to in bold.
	p.Hits[0].URL = "/compare/django-vs-fastapi/orm"
	p.Hits[0].Places = []SearchPlace{
		{Title: "Flask vs Django", URL: "/compare/flask-vs-django/orm"},
		{Title: "Django vs FastAPI", URL: "/compare/django-vs-fastapi/orm", Linked: true},
		{Title: "all three", URL: "/compare/flask-vs-django-vs-fastapi#orm"},
	}
	places := renderHTML(t, Search(p)).Find("ol.results li .result-places")
	if got := strings.Join(strings.Fields(places.Text()), " "); got != "Compared in: Flask vs Django · Django vs FastAPI · all three" {
		t.Errorf("places read %q", got)
	}
	if places.Find("a").Length() != 3 || places.Find(`strong a[href="/compare/django-vs-fastapi/orm"]`).Length() != 1 || places.Find(`[aria-hidden=true]`).Length() != 2 {
		t.Errorf("places = %s", places.Text())
	}

	p.Total, p.Hits = 12, nil
	if got := renderHTML(t, Search(p)).Find("[role=status]").Text(); got != "12 results for “orm <b>”." {
		t.Errorf("count = %q", got)
	}
	p.Hits = []SearchHit{{Kind: "Guide"}}
	if got := renderHTML(t, Search(p)).Find(".result-kind").Text(); got != "Guide" {
		t.Errorf("a result without a section reads %q", got)
	}
	p.Total, p.Hits = 0, nil
	if got := renderHTML(t, Search(p)).Find("[role=status]").Text(); got != "No results for “orm <b>”. Try fewer or other words." {
		t.Errorf("no results = %q", got)
	}
	p.Problem = "Too long."
	doc = renderHTML(t, Search(p))
	if doc.Find(".notice[role=alert]").Text() != "Too long." || doc.Find("[role=status]").Length() != 0 {
		t.Error("a problem is not shown instead of results")
	}
	empty := renderHTML(t, Search(SearchPage{Shell: testShell("/search")}))
	if empty.Find("[role=status], [role=alert], .notice, ol.results").Length() != 0 {
		t.Error("the empty form says more than the form")
	}
}

func TestStaticSearchNotice(t *testing.T) {
	tests := []struct {
		comparisons []Link
		text        string
	}{
		{nil, "Search needs the Versus server, and this copy of the site is a static export. Browse the guides."},
		{
			[]Link{{Title: "Flask vs Django", URL: "/compare/flask-vs-django"}},
			"Search needs the Versus server, and this copy of the site is a static export. Browse the full comparison table (your browser's find-in-page searches all of it) or the guides.",
		},
		{
			[]Link{{Title: "Flask vs Django", URL: "/compare/flask-vs-django"}, {Title: "Flask vs FastAPI", URL: "/compare/flask-vs-fastapi"}},
			"Search needs the Versus server, and this copy of the site is a static export. Browse the full comparison tables (your browser's find-in-page searches each of them): Flask vs Django, Flask vs FastAPI or the guides.",
		},
	}
	for _, tt := range tests {
		doc := renderHTML(t, Search(SearchPage{Shell: testShell("/search"), Static: true, Query: "x", Problem: "y", Comparisons: tt.comparisons}))
		notice := doc.Find(".notice")
		if got := notice.Text(); got != tt.text {
			t.Errorf("%d comparisons: notice reads\n%q\nwant\n%q", len(tt.comparisons), got, tt.text)
		}
		var hrefs []string
		for _, c := range tt.comparisons {
			hrefs = append(hrefs, c.URL)
		}
		hrefs = append(hrefs, "/guides")
		got := notice.Find("a").Map(func(_ int, a *goquery.Selection) string { return a.AttrOr("href", "") })
		if strings.Join(got, " ") != strings.Join(hrefs, " ") {
			t.Errorf("%d comparisons: links %v, want %v", len(tt.comparisons), got, hrefs)
		}
		if doc.Find("[role=alert], [role=status]").Length() != 0 {
			t.Error("the static page shows a problem or results")
		}
	}
}

func TestNewSearchPage(t *testing.T) {
	f := testFrame(t)
	empty := NewSearchPage(f, "", search.Results{}, "")
	if empty.Shell.Meta.Title != "Search" || empty.Shell.Meta.NoIndex || empty.Shell.Meta.Canonical != "https://versus.example/search" {
		t.Errorf("empty page = %+v", empty.Shell.Meta)
	}
	if len(empty.Comparisons) != 1 || empty.Comparisons[0] != (Link{Title: "Flask vs Django", URL: "/compare/flask-vs-django"}) {
		t.Errorf("comparisons = %+v", empty.Comparisons)
	}
	if p := NewSearchPage(f, "", search.Results{}, "Bad."); !p.Shell.Meta.NoIndex || p.Problem != "Bad." {
		t.Error("a problem page is indexed")
	}
	results := search.Results{Total: 4, Hits: []search.Result{
		{Kind: search.KindRow, Title: "ORM", TitleSegments: []search.Segment{{Text: "ORM", Match: true}}, URL: "/compare/flask-vs-django/orm", Section: "Data", Snippet: []search.Segment{{Text: "a"}, {Text: "b", Match: true}},
			Places: []search.Place{
				{Title: "Flask vs Django", URL: "/compare/flask-vs-django/orm", Subjects: 2, Linked: true},
				{Title: "Flask vs Django vs FastAPI", URL: "/compare/flask-vs-django-vs-fastapi#orm", Subjects: 3},
			}},
		{Kind: search.KindGuide, Title: "Start here", URL: "/guides/start-here#first-steps", Section: "First steps"},
		{Kind: search.KindFramework, Title: "Flask", URL: "/frameworks/flask"},
		{Kind: search.KindComparison, Title: "Flask vs Django", URL: "/compare/flask-vs-django",
			Places: []search.Place{{Title: "Flask vs Django", URL: "/compare/flask-vs-django/orm", Subjects: 2, Linked: true}}},
	}}
	p := NewSearchPage(f, "orm", results, "")
	if p.Shell.Meta.Title != "Search: orm" || !p.Shell.Meta.NoIndex || p.Total != 4 || p.Query != "orm" {
		t.Errorf("page = %+v", p)
	}
	var kinds []string
	for _, h := range p.Hits {
		kinds = append(kinds, h.Kind)
	}
	if strings.Join(kinds, ",") != "Row,Guide,Framework,Comparison" {
		t.Errorf("kinds = %v", kinds)
	}
	if len(p.Hits[0].Title) != 1 || !p.Hits[0].Title[0].Match || len(p.Hits[0].Snippet) != 2 || !p.Hits[0].Snippet[1].Match {
		t.Errorf("segments = %+v", p.Hits[0])
	}
	// A title without segments is shown whole, unmarked.
	if len(p.Hits[1].Title) != 1 || p.Hits[1].Title[0] != (Segment{Text: "Start here"}) || len(p.Hits[1].Snippet) != 0 {
		t.Errorf("fallback title = %+v", p.Hits[1])
	}
	if p.Hits[1].URL != "/guides/start-here#first-steps" || p.Hits[1].Section != "First steps" {
		t.Errorf("guide hit = %+v", p.Hits[1])
	}
	// The table is "all three" among a row's pages; a result on one page lists none.
	want := []SearchPlace{{Title: "Flask vs Django", URL: "/compare/flask-vs-django/orm", Linked: true}, {Title: "all three", URL: "/compare/flask-vs-django-vs-fastapi#orm"}}
	if !slices.Equal(p.Hits[0].Places, want) || p.Hits[3].Places != nil {
		t.Errorf("places = %+v and %+v", p.Hits[0].Places, p.Hits[3].Places)
	}
	for n, want := range map[int]string{3: "all three", 4: "all four", 11: "all 11"} {
		if got := allOf(n); got != want {
			t.Errorf("allOf(%d) = %q, want %q", n, got, want)
		}
	}
}
