package server

import (
	"net/http"
	"strings"
	"testing"

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
// two were picked in; a query that names no pair gets a 400 page saying why.
func TestPairPicker(t *testing.T) {
	srv := threeServer(t)
	for _, q := range []string{"a=fastapi&b=flask", "a=flask&b=fastapi"} {
		resp := get(t, srv, http.MethodGet, "/compare?"+q)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/compare/flask-vs-fastapi" {
			t.Errorf("/compare?%s: %d to %q", q, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	for q, want := range map[string]string{
		"a=django&b=django": "Pick two different frameworks.",
		"a=django&b=rails":  "There is no comparison of those two",
		"a=django":          "Pick two frameworks to compare.",
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
