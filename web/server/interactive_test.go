package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
)

func shippedServer(t *testing.T) *Server {
	t.Helper()
	s, err := site.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	return newServer(t, s, pages.Config{BaseURL: "https://versus.example"}, Config{}, nil)
}

func TestSearchPage(t *testing.T) {
	srv := shippedServer(t)
	doc := document(t, get(t, srv, http.MethodGet, "/search?q=djngo+admn"))
	first := doc.Find("ol.results li").First()
	if href := first.Find("h2 a").AttrOr("href", ""); href != "/compare/flask-vs-django/admin" {
		t.Errorf("first result = %q, want the admin row", href)
	}
	if doc.Find("ol.results mark").Length() == 0 {
		t.Error("matched words are not highlighted")
	}
	if doc.Find(`#search-q`).AttrOr("value", "") != "djngo admn" {
		t.Error("the query is not kept in the form")
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
	// Every page carries the search box and announces OpenSearch.
	home := document(t, get(t, srv, http.MethodGet, "/"))
	if home.Find(`header form[role=search][action="/search"] input[name=q]`).Length() != 1 {
		t.Error("no search box in the header")
	}
	if home.Find(`link[rel=search][href="/opensearch.xml"]`).Length() != 1 {
		t.Error("OpenSearch is not announced")
	}
	resp := get(t, srv, http.MethodGet, "/opensearch.xml")
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "opensearchdescription") {
		t.Errorf("opensearch.xml: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

func TestChoosePage(t *testing.T) {
	srv := shippedServer(t)
	s := srv.site.Comparison("flask-vs-django")
	form := document(t, get(t, srv, http.MethodGet, "/compare/flask-vs-django/choose"))
	if got := form.Find("form.choose-form fieldset").Length(); got != len(s.Choose.Questions) || got < 8 {
		t.Fatalf("%d questions on the form, %d in content", got, len(s.Choose.Questions))
	}
	if form.Find(".choose-result").Length() != 0 {
		t.Error("a result is shown before any answer")
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
	doc := document(t, resp)
	result := doc.Find(".choose-result")
	if result.Find("h2").Text() == "" || result.Find("ul.reasons li").Length() == 0 {
		t.Fatal("no result or no reasons")
	}
	result.Find("ul.reasons a").Each(func(_ int, a *goquery.Selection) {
		href := a.AttrOr("href", "")
		if got := get(t, srv, http.MethodGet, strings.Split(href, "#")[0]).StatusCode; got != http.StatusOK {
			t.Errorf("reason link %s answers %d", href, got)
		}
	})
	if !strings.Contains(result.Text(), "Based on "+strconv.Itoa(len(s.Choose.Questions))+" of") {
		t.Errorf("the result does not say how many questions were answered: %q", result.Find(".meta").Text())
	}
	if _, checked := doc.Find(`input[name="` + s.Choose.Questions[0].ID + `"][value="` + s.Choose.Questions[0].Answers[0].ID + `"]`).Attr("checked"); !checked {
		t.Error("the chosen answer is not checked on the result page")
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
