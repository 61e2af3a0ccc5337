package pages

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/versus-dev/versus/components"
)

func errorPage(t *testing.T, r *Renderer, status int, path, message string, links ...components.Link) []byte {
	t.Helper()
	body, err := r.Error(context.Background(), status, path, message, links...)
	if err != nil {
		t.Fatal(err)
	}
	return body
}

func TestNotFoundSuggestsClosestPages(t *testing.T) {
	r := fixtureRenderer(t)
	doc := parse(t, errorPage(t, r, http.StatusNotFound, "/compare/flask-vs-django/ormm", ""))
	if got := doc.Find("h1").Text(); got != "Page not found" {
		t.Errorf("heading = %q", got)
	}
	if got := doc.Find(".lede").Text(); !strings.Contains(got, "no page at this address") {
		t.Errorf("message = %q", got)
	}
	if got := doc.Find("#suggestions-heading").Text(); got != "Perhaps you were looking for" {
		t.Errorf("suggestions heading = %q", got)
	}
	if href, _ := doc.Find("#suggestions-heading + ul a").First().Attr("href"); href != "/compare/flask-vs-django/orm" {
		t.Errorf("first suggestion = %q, want the orm row", href)
	}
	if content, _ := doc.Find(`meta[name=robots]`).Attr("content"); content != "noindex" {
		t.Error("the 404 page should not be indexed")
	}
	if got := doc.Find(`link[rel=canonical]`).AttrOr("href", ""); got != "https://versus.example/" {
		t.Errorf("canonical = %q, want the home page", got)
	}
	if doc.Find(`.error-page a[href="/"]`).Length() != 1 || doc.Find(`.error-page a[href="/guides"]`).Length() != 1 {
		t.Error("no way home or to the guides")
	}

	tests := []struct{ path, first string }{
		{"/compare/flask-vs-django/databse", "/compare/flask-vs-django/orm"}, // an alias, misspelt
		{"/guides/start", "/guides/start-here"},                              // a prefix
		{"/frameworks/flsak", "/frameworks/flask"},                           // a transposition
		{"/compare/flask-vs-django/CSRF-protection.html", "/compare/flask-vs-django/csrf"},
	}
	for _, tt := range tests {
		doc := parse(t, errorPage(t, r, http.StatusNotFound, tt.path, ""))
		if href := doc.Find("#suggestions-heading + ul a").First().AttrOr("href", ""); href != tt.first {
			t.Errorf("%s: first suggestion %q, want %q", tt.path, href, tt.first)
		}
	}
	for _, path := range []string{"/", "/compare/x/zzzzzz", "/guides/", "/" + strings.Repeat("qq-", 1000)} {
		if doc := parse(t, errorPage(t, r, http.StatusNotFound, path, "")); doc.Find("#suggestions-heading").Length() != 0 {
			t.Errorf("%.40s: suggests %q", path, doc.Find("#suggestions-heading + ul").Text())
		}
	}
}

func TestErrorPageSaysWhatWasWrong(t *testing.T) {
	r := fixtureRenderer(t)
	back := components.Link{Title: "Start the decision helper again", URL: "/compare/flask-vs-django/choose"}
	doc := parse(t, errorPage(t, r, http.StatusBadRequest, "/compare/flask-vs-django/choose", "These answers cannot be read.", back))
	if got := doc.Find("h1").Text(); got != "Bad Request" {
		t.Errorf("heading = %q", got)
	}
	if got := doc.Find(".lede").Text(); got != "These answers cannot be read." {
		t.Errorf("message = %q", got)
	}
	if got := doc.Find("#suggestions-heading").Text(); got != "Where to go from here" {
		t.Errorf("links heading = %q", got)
	}
	if doc.Find(`.error-page a[href="/compare/flask-vs-django/choose"]`).Text() != back.Title {
		t.Error("the page does not offer the link it was given")
	}
	if doc.Find(`meta[name=robots][content=noindex]`).Length() != 1 {
		t.Error("an error page should not be indexed")
	}
	// A 404 with its own message and links keeps both, after the suggestions.
	doc = parse(t, errorPage(t, r, http.StatusNotFound, "/compare/flask-vs-django/ormm", "Gone.", back))
	if doc.Find(".lede").Text() != "Gone." {
		t.Errorf("message = %q", doc.Find(".lede").Text())
	}
	if last := doc.Find("#suggestions-heading + ul a").Last().AttrOr("href", ""); last != back.URL {
		t.Errorf("last link = %q, want the one given", last)
	}
	plain := parse(t, errorPage(t, r, http.StatusInternalServerError, "/guides", ""))
	if plain.Find("h1").Text() != "Internal Server Error" || plain.Find("#suggestions-heading").Length() != 0 {
		t.Error("a 500 page without links should offer none")
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"orm", "orm", 1},
		{"migr", "migrations", 0.9},
		{"ormm", "orm", 0.75},
		{"flsak", "flask", 0.8}, // one transposition
		{"abc", "xyz", 0},
	}
	for _, tt := range tests {
		if got := similarity(tt.a, tt.b); got != tt.want {
			t.Errorf("similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
