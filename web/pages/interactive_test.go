package pages

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/web/choose"
	"github.com/versus-dev/versus/web/search"
)

func searchPage(t *testing.T, r *Renderer, query string) *goquery.Document {
	t.Helper()
	results, err := search.New(r.Site()).Search(query, search.DefaultLimit)
	if err != nil {
		t.Fatal(err)
	}
	body, err := r.Search(context.Background(), query, results, "")
	if err != nil {
		t.Fatal(err)
	}
	return parse(t, body)
}

func TestSearchPage(t *testing.T) {
	r := shippedRenderer(t)
	doc := searchPage(t, r, "djngo admn")
	first := doc.Find("ol.results li").First()
	if href := first.Find("h2 a").AttrOr("href", ""); href != "/compare/flask-vs-django/admin" {
		t.Errorf("first result = %q, want the admin row", href)
	}
	if got := first.Find(".result-kind").Text(); !strings.HasPrefix(got, "Row · ") {
		t.Errorf("the first result's kind reads %q", got)
	}
	if doc.Find("ol.results mark").Length() == 0 {
		t.Error("matched words are not highlighted")
	}
	if doc.Find(`#search-q`).AttrOr("value", "") != "djngo admn" {
		t.Error("the query is not kept in the form")
	}
	if got := doc.Find("[role=status]").Text(); !strings.HasSuffix(got, " for “djngo admn”.") {
		t.Errorf("the count reads %q", got)
	}
	if got := doc.Find("title").Text(); got != "Search: djngo admn · Versus" {
		t.Errorf("title = %q", got)
	}
	if doc.Find(`meta[name=robots][content=noindex]`).Length() != 1 {
		t.Error("results should not be indexed")
	}

	none := searchPage(t, r, "qqqqqqqqqq")
	if got := none.Find("[role=status]").Text(); got != "No results for “qqqqqqqqqq”. Try fewer or other words." {
		t.Errorf("no results reads %q", got)
	}
	if none.Find("ol.results li").Length() != 0 {
		t.Error("results listed for a query with none")
	}
}

func TestSearchProblem(t *testing.T) {
	r := fixtureRenderer(t)
	body, err := r.Search(context.Background(), "", search.Results{}, "Search takes one q parameter; this address has several.")
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, body)
	if got := doc.Find(`[role=alert]`).Text(); got != "Search takes one q parameter; this address has several." {
		t.Errorf("the problem reads %q", got)
	}
	if doc.Find("ol.results").Length() != 0 || doc.Find(`meta[name=robots][content=noindex]`).Length() != 1 {
		t.Error("a problem page lists results or is indexed")
	}
	empty := page(t, r, "/search")
	if empty.Find(`[role=alert]`).Length() != 0 || empty.Find(`[role=status]`).Length() != 0 || empty.Find(".notice").Length() != 0 {
		t.Error("the empty search page says more than the form")
	}
}

func TestChoosePage(t *testing.T) {
	r := shippedRenderer(t)
	c := r.Site().Comparison("flask-vs-django")
	form := page(t, r, c.ChoosePath())
	if got := form.Find("form.choose-form fieldset").Length(); got != len(c.Choose.Questions) || got < 8 {
		t.Fatalf("%d questions on the form, %d in content", got, len(c.Choose.Questions))
	}
	if form.Find(".choose-result").Length() != 0 {
		t.Error("a result is shown before any answer")
	}
	if got := form.Find(`form.choose-form input[value=""][checked]`).Length(); got != len(c.Choose.Questions) {
		t.Errorf("%d questions start at no preference, want all %d", got, len(c.Choose.Questions))
	}
	if form.Find(`meta[name=robots]`).Length() != 0 {
		t.Error("the questions should be indexed")
	}

	// Answer the first answer of every question.
	q := url.Values{}
	for _, question := range c.Choose.Questions {
		q.Set(question.ID, question.Answers[0].ID)
	}
	answers, err := choose.ParseQuery(c.Choose, q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	body, err := r.Choose(context.Background(), c, answers)
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, body)
	result := doc.Find(".choose-result")
	if result.Find("h2").Text() == "" || result.Find("ul.reasons li").Length() == 0 {
		t.Fatal("no result or no reasons")
	}
	paths := renderAll(t, r)
	result.Find("ul.reasons a").Each(func(_ int, a *goquery.Selection) {
		href := a.AttrOr("href", "")
		if _, ok := paths[strings.Split(href, "#")[0]]; !ok {
			t.Errorf("reason link %s leads to no page", href)
		}
	})
	if !strings.Contains(result.Text(), "Based on "+strconv.Itoa(len(c.Choose.Questions))+" of") {
		t.Errorf("the result does not say how many questions were answered: %q", result.Find(".meta").Text())
	}
	first := c.Choose.Questions[0]
	if _, checked := doc.Find(`input[name="` + first.ID + `"][value="` + first.Answers[0].ID + `"]`).Attr("checked"); !checked {
		t.Error("the chosen answer is not checked on the result page")
	}
	if _, checked := doc.Find(`input[name="` + first.ID + `"][value=""]`).Attr("checked"); checked {
		t.Error("no preference is still checked for an answered question")
	}
	share := result.Find("a").Last().AttrOr("href", "")
	if share != "https://versus.example"+c.ChoosePath()+"?"+answers.Encode() {
		t.Errorf("share link = %q", share)
	}
	if doc.Find(`meta[name=robots][content=noindex]`).Length() != 1 {
		t.Error("a result should not be indexed")
	}
}

func TestStaticVariants(t *testing.T) {
	r := shippedRenderer(t)
	variants, err := r.StaticVariants(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Page{}
	for _, p := range variants {
		got[p.Path] = p
	}
	c := r.Site().Comparison("flask-vs-django")
	// The search page, each pair's decision helper and the three-way one.
	if len(got) != 2+len(r.Site().Comparisons) || got["/search"].Body == nil || got[c.ChoosePath()].Body == nil || got["/compare/flask-vs-django-vs-fastapi/choose"].Body == nil {
		t.Fatalf("static variants: %d pages", len(variants))
	}
	doc := parse(t, got["/search"].Body)
	notice := doc.Find(".notice")
	if !strings.Contains(notice.Text(), "static export") {
		t.Errorf("the search notice reads %q", notice.Text())
	}
	if notice.Find(`a[href="/compare/flask-vs-django"]`).Length() != 1 || notice.Find(`a[href="/guides"]`).Length() != 1 {
		t.Errorf("the search notice does not link to the comparison and the guides: %q", notice.Text())
	}
	doc = parse(t, got[c.ChoosePath()].Body)
	if !strings.Contains(doc.Find(".notice").Text(), "static export") || doc.Find(`.notice a[href="/compare/flask-vs-django"]`).Length() != 1 {
		t.Error("the decision helper's notice is missing or links nowhere")
	}
	if got[c.ChoosePath()].Modified != c.Reviewed {
		t.Error("the decision helper's variant has no date")
	}
}
