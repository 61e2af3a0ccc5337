package server

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func threeServer(t *testing.T) *Server {
	t.Helper()
	s, err := site.Load(sitetest.ThreeFS())
	if err != nil {
		t.Fatal(err)
	}
	return newServer(t, s, pages.Config{BaseURL: "https://versus.example"}, Config{}, nil)
}

// TestEveryPairAndTheTable: each pair's pages and twins, the table, and the picker answer.
func TestEveryPairAndTheTable(t *testing.T) {
	srv := threeServer(t)
	for _, path := range []string{
		"/compare/flask-vs-django-vs-fastapi", "/compare",
		"/compare/flask-vs-django", "/compare/flask-vs-fastapi", "/compare/django-vs-fastapi",
		"/compare/flask-vs-fastapi/orm", "/compare/django-vs-fastapi/csrf",
		"/compare/flask-vs-fastapi.json", "/compare/django-vs-fastapi.csv", "/compare/django-vs-fastapi/orm.json",
		"/compare/flask-vs-django-vs-fastapi.json", "/compare/flask-vs-django-vs-fastapi.csv",
	} {
		if got := get(t, srv, http.MethodGet, path).StatusCode; got != http.StatusOK {
			t.Errorf("GET %s: %d", path, got)
		}
	}
}

// TestPermutationsRedirect: every other order of the table's subjects and of each pair's
// leads to the canonical page, straight.
func TestPermutationsRedirect(t *testing.T) {
	srv := threeServer(t)
	for from, to := range map[string]string{
		"/compare/fastapi-vs-django-vs-flask": "/compare/flask-vs-django-vs-fastapi",
		"/compare/django-vs-flask-vs-fastapi": "/compare/flask-vs-django-vs-fastapi",
		"/compare/fastapi-vs-flask":           "/compare/flask-vs-fastapi",
		"/compare/fastapi-vs-django/csrf":     "/compare/django-vs-fastapi/csrf",
		"/compare/fastapi-vs-flask/database":  "/compare/flask-vs-fastapi/orm",
		"/compare/flask-vs-fastapi/database":  "/compare/flask-vs-fastapi/orm",
		"/Compare/FastAPI-vs-Flask/":          "/compare/fastapi-vs-flask",
	} {
		resp := get(t, srv, http.MethodGet, from)
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != to {
			t.Errorf("GET %s: %d to %q, want 301 to %s", from, resp.StatusCode, resp.Header.Get("Location"), to)
		}
	}
}

// TestPairPicker: the picker's GET form lands on the canonical pair, whichever order the
// two were picked in and in any case or spacing, and with a third subject on the table of
// the three; a query that names no comparison gets a 400 page saying why.
func TestPairPicker(t *testing.T) {
	srv := threeServer(t)
	for q, to := range map[string]string{
		"a=fastapi&b=flask":                "/compare/flask-vs-fastapi",
		"a=flask&b=fastapi":                "/compare/flask-vs-fastapi",
		"a=FLASK&b=django":                 "/compare/flask-vs-django",
		"a=+Flask+&b=Django":               "/compare/flask-vs-django",
		"a=flask&b=fastapi&c=":             "/compare/flask-vs-fastapi",
		"a=fastapi&b=flask&c=django":       "/compare/flask-vs-django-vs-fastapi",
		"a=Django&b=%20FastAPI%20&c=FLASK": "/compare/flask-vs-django-vs-fastapi",
	} {
		resp := get(t, srv, http.MethodGet, "/compare?"+q)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != to {
			t.Errorf("/compare?%s: %d to %q, want 303 to %s", q, resp.StatusCode, resp.Header.Get("Location"), to)
		}
	}
	for q, want := range map[string]string{
		"a=django&b=django":         "Pick different frameworks.",
		"a=flask&b=django&c=DJANGO": "Pick different frameworks.",
		"a=django&b=rails":          "There is no comparison of those two",
		"a=django&b=flask&c=rails":  "There is no table of those three",
		"a=django":                  "Pick two frameworks to compare.",
		"a=%20&b=flask":             "Pick two frameworks to compare.",
	} {
		resp := get(t, srv, http.MethodGet, "/compare?"+q)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("/compare?%s: %d, want 400", q, resp.StatusCode)
			continue
		}
		if got := document(t, resp).Find("[role=alert]").Text(); !strings.Contains(got, want) {
			t.Errorf("/compare?%s says %q, want %q", q, got, want)
		}
	}
}

// TestFilteredViews: ?wins= (with ?cat and ?diff) lists the rows a side wins, on a pair's
// page and on the table of every subject; a bad value is a 400 (views_test.go).
func TestFilteredViews(t *testing.T) {
	srv := threeServer(t)
	for _, tt := range []struct{ path, rows string }{
		{"/compare/flask-vs-fastapi?wins=flask", "csrf"},
		{"/compare/flask-vs-fastapi?wins=TIE", "orm"},
		{"/compare/flask-vs-fastapi?wins=tie&diff=1", ""},
		{"/compare/flask-vs-django-vs-fastapi?wins=flask", "csrf"},
		{"/compare/flask-vs-django-vs-fastapi?wins=django&cat=data", "orm"},
		{"/compare/flask-vs-django-vs-fastapi?diff=1", "orm,csrf"},
	} {
		resp := get(t, srv, http.MethodGet, tt.path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", tt.path, resp.StatusCode)
			continue
		}
		doc := document(t, resp)
		var rows []string
		doc.Find("tr.feature").Each(func(_ int, tr *goquery.Selection) { rows = append(rows, tr.AttrOr("id", "")) })
		if strings.Join(rows, ",") != tt.rows {
			t.Errorf("%s: rows %v; want %s", tt.path, rows, tt.rows)
		}
	}
	for _, path := range []string{
		"/compare/flask-vs-fastapi?wins=django", // not a side of this pair
		"/compare/flask-vs-django-vs-fastapi?wins=%ff",
		"/compare/flask-vs-django-vs-fastapi?categories=data",
	} {
		if got := get(t, srv, http.MethodGet, path).StatusCode; got != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", path, got)
		}
	}
}
