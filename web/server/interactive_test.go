package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
)

// shippedServer serves the shipped content, built once for the package's tests (about a
// second each time): they only read from it. Its content model has released its rendered
// HTML, as cmd/versus leaves it once the pages are built.
func shippedServer(t *testing.T) *Server {
	t.Helper()
	srv, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

var shipped = sync.OnceValues(func() (*Server, error) {
	s, err := site.Load(content.FS)
	if err != nil {
		return nil, err
	}
	out, err := build.Site(context.Background(), s, build.Config{Pages: pages.Config{BaseURL: "https://versus.example"}})
	if err != nil {
		return nil, err
	}
	srv := New(Config{}, out, nil)
	s.ReleaseRenderedHTML()
	return srv, nil
})

func TestSearchPage(t *testing.T) {
	srv := shippedServer(t)
	if resp := get(t, srv, http.MethodGet, "/search?q=djngo+admn"); resp.StatusCode != http.StatusOK {
		t.Errorf("a query: %d", resp.StatusCode)
	}
	if resp := get(t, srv, http.MethodGet, "/search"); resp.StatusCode != http.StatusOK {
		t.Errorf("/search without a query: %d", resp.StatusCode)
	}
	if resp := get(t, srv, http.MethodGet, "/search?q="); resp.StatusCode != http.StatusOK {
		t.Errorf("empty query: %d", resp.StatusCode)
	}
	for _, q := range []string{"q=" + strings.Repeat("a", 201), "q=%ff%fe", "q=orm&q=admin"} {
		resp := get(t, srv, http.MethodGet, "/search?"+q)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("/search?%.30s: status %d, want 400", q, resp.StatusCode)
			continue
		}
		if document(t, resp).Find(`[role=alert]`).Text() == "" {
			t.Errorf("/search?%.30s: the 400 page does not say what was wrong", q)
		}
	}
	resp := get(t, srv, http.MethodGet, "/opensearch.xml")
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "opensearchdescription") {
		t.Errorf("opensearch.xml: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

func TestChoosePage(t *testing.T) {
	srv := shippedServer(t)
	s := srv.site.Comparison("flask-vs-django")
	if got := get(t, srv, http.MethodGet, "/compare/flask-vs-django/choose").StatusCode; got != http.StatusOK {
		t.Fatalf("the questions: status %d", got)
	}

	// Answer the first answer of every question.
	q := url.Values{}
	for _, question := range s.Choose.Questions {
		q.Set(question.ID, question.Answers[0].ID)
	}
	resp := get(t, srv, http.MethodGet, "/compare/flask-vs-django/choose?"+q.Encode())
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("answered: status %d", resp.StatusCode)
	}

	first := s.Choose.Questions[0]
	for _, bad := range []string{"nope=1", first.ID + "=nope", first.ID + "=" + first.Answers[0].ID + "&" + first.ID + "=" + first.Answers[1].ID, strings.Repeat("x=1&", 600)} {
		resp := get(t, srv, http.MethodGet, "/compare/flask-vs-django/choose?"+bad)
		if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusRequestURITooLong {
			t.Errorf("?%.40s: status %d, want 400", bad, resp.StatusCode)
			continue
		}
		page := document(t, resp)
		if msg := page.Find(".lede").Text(); msg == "" {
			t.Errorf("?%.40s: the error page does not say what was wrong", bad)
		}
		if resp.StatusCode == http.StatusBadRequest && page.Find(`.error-page a[href="/compare/flask-vs-django/choose"]`).Length() == 0 {
			t.Errorf("?%.40s: the 400 page does not link back to the questions", bad)
		}
	}
	if got := get(t, srv, http.MethodGet, "/compare/django-vs-flask/choose").StatusCode; got != http.StatusMovedPermanently {
		t.Errorf("reversed pair: status %d", got)
	}
}
