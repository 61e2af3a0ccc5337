package components

import (
	"net/http"
	"strings"
	"testing"
)

func TestError(t *testing.T) {
	p := ErrorPage{
		Shell: testShell("/nope"), Status: http.StatusNotFound, Heading: "Page not found", Message: "Nothing here.",
		Suggestions: []Link{{Title: "Back", URL: "/compare/flask-vs-django/choose"}},
	}
	doc := renderHTML(t, Error(p))
	if doc.Find("h1").Text() != "Page not found" || doc.Find(".lede").Text() != "Nothing here." {
		t.Error("heading or message missing")
	}
	if doc.Find("#suggestions-heading").Text() != "Where to go from here" || doc.Find(`#suggestions-heading + ul a[href="/compare/flask-vs-django/choose"]`).Length() != 1 {
		t.Error("links missing")
	}
	if doc.Find(`.error-page a[href="/"]`).Text() != "Go to the home page" || doc.Find(`.error-page a[href="/guides"]`).Text() != "browse the guides" {
		t.Error("no way home or to the guides")
	}
	if doc.Find(".not-found-search, .error-page form").Length() != 0 {
		t.Error("a page without a search shows one")
	}
	p.Suggestions = nil
	if renderHTML(t, Error(p)).Find("#suggestions-heading").Length() != 0 {
		t.Error("a links section without links")
	}

	// The server's 404: results for the words of the path, as h3s under the section's h2,
	// and the form holding the words.
	p.Search = &PathSearch{Query: "flask django ormm", Hits: []SearchHit{{
		Kind: "Row", Section: "Data", URL: "/compare/flask-vs-django/orm", Title: []Segment{{Text: "ORM", Match: true}},
		Places: []SearchPlace{{Title: "Flask vs Django", URL: "/compare/flask-vs-django/orm", Linked: true}, {Title: "all three", URL: "/compare/flask-vs-django-vs-fastapi#orm"}},
	}}}
	doc = renderHTML(t, Error(p))
	section := doc.Find(`section.not-found-search[aria-labelledby="results-heading"]`)
	if section.Find("h2#results-heading").Text() != "Perhaps you were looking for" || section.Find(`ol.results li h3 a[href="/compare/flask-vs-django/orm"]`).Text() != "ORM" {
		t.Errorf("results = %q", section.Text())
	}
	if section.Find(".result-places a").Length() != 2 {
		t.Error("the result does not name its pages")
	}
	if section.Find(`form[role=search] input#not-found-q[name=q]`).AttrOr("value", "") != "flask django ormm" || section.Find(`label[for=not-found-q]`).Length() != 1 {
		t.Error("the form does not hold the words of the path")
	}
	p.Search.Hits = nil
	section = renderHTML(t, Error(p)).Find(".not-found-search")
	if section.Find(".results").Length() != 0 || !strings.Contains(section.Text(), "Nothing on the site matches “flask django ormm”") || section.Find("form").Length() != 1 {
		t.Errorf("no results = %q", section.Text())
	}
}

func TestNewErrorPage(t *testing.T) {
	f := testFrame(t)
	p := NewErrorPage(f, http.StatusNotFound, "/nope", "", nil)
	if p.Heading != "Page not found" || p.Message == "" || p.Shell.Meta.Title != "Not Found" {
		t.Errorf("404 = %+v", p)
	}
	if !p.Shell.Meta.NoIndex || p.Shell.Meta.Canonical != "https://versus.example/" || p.Shell.Meta.Path != "/nope" {
		t.Errorf("meta = %+v", p.Shell.Meta)
	}
	links := []Link{{Title: "Back", URL: "/compare/flask-vs-django/choose"}}
	p = NewErrorPage(f, http.StatusBadRequest, "/compare/flask-vs-django/choose", "Bad answers.", links)
	if p.Heading != "Bad Request" || p.Message != "Bad answers." || len(p.Suggestions) != 1 || p.Status != http.StatusBadRequest {
		t.Errorf("400 = %+v", p)
	}
	if p := NewErrorPage(f, http.StatusNotFound, "/x", "Gone.", nil); p.Message != "Gone." {
		t.Errorf("a 404's own message is replaced by %q", p.Message)
	}
}
