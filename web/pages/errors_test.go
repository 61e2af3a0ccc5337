package pages

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func errorPage(t *testing.T, r *Renderer, status int, path, message string, links ...components.Link) []byte {
	t.Helper()
	body, err := r.Error(context.Background(), status, path, message, links...)
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// notFoundPage renders the server's 404 page for path, searching ix as the server does.
func notFoundPage(t *testing.T, r *Renderer, ix *search.Index, path string) *goquery.Document {
	t.Helper()
	query := PathQuery(path)
	var results search.Results
	if query != "" {
		var err error
		if results, err = ix.Search(query, NotFoundResults); err != nil {
			t.Fatalf("%s: searching for %q: %v", path, query, err)
		}
	}
	body, err := r.NotFound(context.Background(), path, query, results)
	if err != nil {
		t.Fatal(err)
	}
	return parse(t, body)
}

func firstResult(doc *goquery.Document) string {
	return doc.Find(".not-found-search .results h3 a").First().AttrOr("href", "")
}

func TestNotFoundSearchesTheWordsOfThePath(t *testing.T) {
	r := newRenderer(t, sitetest.ThreeFS(), Config{})
	ix := search.New(r.Site())
	doc := notFoundPage(t, r, ix, "/compare/flask-vs-django/ormm")
	if got := doc.Find("h1").Text(); got != "Page not found" {
		t.Errorf("heading = %q", got)
	}
	if got := doc.Find(".lede").Text(); !strings.Contains(got, "no page at this address") {
		t.Errorf("message = %q", got)
	}
	if got := doc.Find("#results-heading").Text(); got != "Perhaps you were looking for" {
		t.Errorf("results heading = %q", got)
	}
	if got := firstResult(doc); got != "/compare/flask-vs-django/orm" {
		t.Errorf("first result = %q, want the ORM row in Flask vs Django (the pair the path names)", got)
	}
	if got := doc.Find(".not-found-search .result-places a").Length(); got != 4 {
		t.Errorf("the ORM result names %d pages, want its three pairs and the table", got)
	}
	form := doc.Find(`.not-found-search form[role=search][action="/search"]`)
	if form.Find(`input[name=q]`).AttrOr("value", "") != "flask django ormm" || form.Find(`label[for=not-found-q]`).Length() != 1 {
		t.Errorf("the search form holds %q", form.Find(`input[name=q]`).AttrOr("value", ""))
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
		{"/compare/django-vs-fastapi/ormm", "/compare/django-vs-fastapi/orm"},
		{"/compare/flask-vs-fastapi/crsf-protection", "/compare/flask-vs-fastapi/csrf"},
		{"/compare/orm", "/compare/flask-vs-django/orm"},
		{"/frameworks/fastpai", "/frameworks/fastapi"}, // a transposition
		{"/compare/flask-vs-django/CSRF-protection.html", "/compare/flask-vs-django/csrf"},
	}
	for _, tt := range tests {
		if got := firstResult(notFoundPage(t, r, ix, tt.path)); got != tt.first {
			t.Errorf("%s: first result %q, want %q", tt.path, got, tt.first)
		}
	}

	// Nothing found: the form, holding the words, and a sentence saying so.
	doc = notFoundPage(t, r, ix, "/guides/zzzqqq-xxyyzz")
	if doc.Find(".not-found-search .results").Length() != 0 || doc.Find("#not-found-q").AttrOr("value", "") != "zzzqqq xxyyzz" {
		t.Errorf("no results: %q", doc.Find(".not-found-search").Text())
	}
	if !strings.Contains(doc.Find(".not-found-search p").Text(), "Nothing on the site matches “zzzqqq xxyyzz”") {
		t.Errorf("no results: %q", doc.Find(".not-found-search").Text())
	}
}

// TestNotFoundWithoutWords checks that a 404 with nothing to search for (and the static
// export's, which cannot search) offers the home page and the guides only, and that the
// server's page for such a path is the export's byte for byte.
func TestNotFoundWithoutWords(t *testing.T) {
	r := fixtureRenderer(t)
	static := errorPage(t, r, http.StatusNotFound, "/404.html", "")
	doc := parse(t, static)
	if doc.Find(".not-found-search, #suggestions-heading, .error-page form").Length() != 0 {
		t.Errorf("the static 404 page offers %q", doc.Find(".error-page").Text())
	}
	if doc.Find(`.error-page a[href="/"]`).Length() != 1 || doc.Find(`.error-page a[href="/guides"]`).Length() != 1 {
		t.Error("no way home or to the guides")
	}
	for _, path := range []string{"/404.html", "/", "/guides/", "/compare/2026", "/static/css/site.0123abcd.css", "/favicon.ico"} {
		body, err := r.NotFound(context.Background(), path, PathQuery(path), search.Results{})
		if err != nil {
			t.Fatal(err)
		}
		if doc := parse(t, body); doc.Find(".not-found-search").Length() != 0 {
			t.Errorf("%s: searches for %q", path, doc.Find("#not-found-q").AttrOr("value", ""))
		}
	}
	body, err := r.NotFound(context.Background(), "/404.html", PathQuery("/404.html"), search.Results{})
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != string(static) {
		t.Error("the server's page for /404.html differs from the export's 404.html")
	}
}

func TestPathQuery(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/compare/flask-vs-django/ormm", "flask django ormm"},
		{"/guides/async-python", "async python"},
		{"/guides/async-in-python-3.12", "async in python"},
		{"/frameworks/Flask.html", "Flask"},
		{"/compare/flask-vs-django/choose", "flask django"},
		{"/Übersicht/straße", "Übersicht straße"},
		{"/404.html", ""},
		{"/", ""},
		{"/static/css/site.css", ""},
		{"/static/missing", ""},
		{"/favicon.ico", ""},
		{"/wp-login.php", ""},
		{"/robots.txt.bak", ""},
		{"/a\xffb", "a b"},
		{"/" + strings.Repeat("x", 31) + "/orm", "orm"},
		{"/one/two/three/four/five/six/seven/eight", "one two three four five six"},
	}
	for _, tt := range tests {
		if got := PathQuery(tt.path); got != tt.want {
			t.Errorf("PathQuery(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
	worst := PathQuery("/" + strings.Repeat(strings.Repeat("é", 15)+"-", 100))
	if n := utf8.RuneCountInString(worst); n > search.MaxQueryLength || !utf8.ValidString(worst) {
		t.Errorf("the longest query a path gives is %d runes, over the search's limit of %d", n, search.MaxQueryLength)
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
	if doc.Find(".not-found-search").Length() != 0 {
		t.Error("a 400 page searches")
	}
	// A 404 with its own links keeps them, after the results.
	ix := search.New(r.Site())
	results, _ := ix.Search("ormm", NotFoundResults)
	body, err := r.NotFound(context.Background(), "/compare/flask-vs-django/ormm", "ormm", results, back)
	if err != nil {
		t.Fatal(err)
	}
	doc = parse(t, body)
	if doc.Find(".not-found-search .results li").Length() == 0 || doc.Find(`#suggestions-heading + ul a[href="/compare/flask-vs-django/choose"]`).Length() != 1 {
		t.Error("a 404 with links does not offer both results and links")
	}
	plain := parse(t, errorPage(t, r, http.StatusInternalServerError, "/guides", ""))
	if plain.Find("h1").Text() != "Internal Server Error" || plain.Find("#suggestions-heading, .not-found-search").Length() != 0 {
		t.Error("a 500 page without links should offer none")
	}
}
