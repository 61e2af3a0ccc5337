package components

import (
	"net/http"
	"testing"
)

func TestError(t *testing.T) {
	p := ErrorPage{
		Shell: testShell("/nope"), Status: http.StatusNotFound, Heading: "Page not found", Message: "Nothing here.",
		Suggestions: []Link{{Title: "ORM (Flask vs Django)", URL: "/compare/flask-vs-django/orm"}},
	}
	doc := renderHTML(t, Error(p))
	if doc.Find("h1").Text() != "Page not found" || doc.Find(".lede").Text() != "Nothing here." {
		t.Error("heading or message missing")
	}
	if doc.Find("#suggestions-heading").Text() != "Perhaps you were looking for" || doc.Find(`#suggestions-heading + ul a[href="/compare/flask-vs-django/orm"]`).Length() != 1 {
		t.Error("suggestions missing")
	}
	if doc.Find(`.error-page a[href="/"]`).Text() != "Go to the home page" || doc.Find(`.error-page a[href="/guides"]`).Text() != "browse the guides" {
		t.Error("no way home or to the guides")
	}
	p.Status = http.StatusBadRequest
	if got := renderHTML(t, Error(p)).Find("#suggestions-heading").Text(); got != "Where to go from here" {
		t.Errorf("a 400's links are headed %q", got)
	}
	p.Suggestions = nil
	if renderHTML(t, Error(p)).Find("#suggestions-heading").Length() != 0 {
		t.Error("a suggestions section without suggestions")
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
