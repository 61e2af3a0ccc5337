package pages

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestRowPageHasCodePairAndSources(t *testing.T) {
	doc := page(t, fixtureRenderer(t), "/compare/flask-vs-django/orm")
	pair := doc.Find(".code-pair")
	if pair.Length() != 1 || pair.Find(".code-column").Length() != 2 {
		t.Fatalf("want one code pair with two columns")
	}
	if got := pair.Find(`figcaption`).First().Text(); got != "Flask app.py" {
		t.Errorf("first caption = %q", got)
	}
	if doc.Find(".sources a[href^='https://docs.djangoproject.com']").Length() != 1 {
		t.Error("the source is not linked")
	}
	if got := doc.Find(".sources .read").Text(); got != "(read 1 November 2026)" {
		t.Errorf("the source's date reads %q", got)
	}
	if href, _ := doc.Find(`a[rel=next]`).Attr("href"); href != "" {
		t.Errorf("orm is alone in its category but links next to %q", href)
	}
	if h, _ := doc.Find("h2#why-it-matters a.permalink").Attr("aria-label"); h == "" {
		t.Error("heading permalink has no accessible name")
	}
	var crumbs []string
	doc.Find(".breadcrumbs li").Each(func(_ int, s *goquery.Selection) { crumbs = append(crumbs, s.Text()) })
	if strings.Join(crumbs, " / ") != "Flask vs Django / Data" || doc.Find(`.breadcrumbs a[href="/compare/flask-vs-django"]`).Length() != 1 {
		t.Errorf("breadcrumbs = %v", crumbs)
	}
	if got := doc.Find(`.cell[data-framework=flask] .support`).Text(); got != "Extension" {
		t.Errorf("Flask's support reads %q", got)
	}
	if got := doc.Find(`.row-heading .verdict-chip`).Text(); got != "Verdict: Django is the better fit" {
		t.Errorf("verdict = %q", got)
	}
	if got := doc.Find(`.cell.win[data-framework=django] .win-label`).Text(); got != "Better fit" {
		t.Errorf("Django's cell is labelled %q", got)
	}
	if doc.Find(`p.meta a[href="/compare/flask-vs-django#orm"]`).Length() != 1 {
		t.Error("no link to the row in the table")
	}
	if doc.Find(`link[rel=alternate][type="application/json"][href="/compare/flask-vs-django/orm.json"]`).Length() != 1 {
		t.Error("the row's JSON twin is not announced")
	}
}

func TestRowPagerWithinCategory(t *testing.T) {
	r := shippedRenderer(t)
	c := r.Site().Comparison("flask-vs-django")
	cat := c.Categories[0]
	if len(cat.Rows) < 3 {
		t.Skip("the first category has fewer than three rows")
	}
	middle := cat.Rows[1]
	doc := page(t, r, middle.Path())
	if got := doc.Find(`a[rel=prev]`).AttrOr("href", ""); got != cat.Rows[0].Path() {
		t.Errorf("previous = %q, want %q", got, cat.Rows[0].Path())
	}
	if got := doc.Find(`a[rel=next]`).AttrOr("href", ""); got != cat.Rows[2].Path() {
		t.Errorf("next = %q, want %q", got, cat.Rows[2].Path())
	}
	if doc.Find(`a[rel=prev]`).Length() != 1 || page(t, r, cat.Rows[0].Path()).Find(`a[rel=prev]`).Length() != 0 {
		t.Error("the first row of a category links back")
	}
}

func TestPreviewsAndRowLinks(t *testing.T) {
	r := newRenderer(t, fixtureWithTie(), Config{
		CorrectionURL: "https://github.com/example/versus/issues/new?title={title}&body={url}&id={id}",
		SourceURL:     "https://github.com/example/versus/blob/main/content/{file}",
	})
	doc := page(t, r, "/compare/flask-vs-django/orm")
	desc := doc.Find(`meta[property="og:description"]`).AttrOr("content", "")
	for _, want := range []string{"Flask: Extension, Flask-SQLAlchemy.", "Django: Built in, Django ORM.", "Verdict: Django."} {
		if !strings.Contains(desc, want) {
			t.Errorf("og:description %q lacks %q", desc, want)
		}
	}
	if doc.Find(`meta[property="og:url"]`).AttrOr("content", "") != "https://versus.example/compare/flask-vs-django/orm" {
		t.Error("og:url is not the absolute canonical URL")
	}
	if got := doc.Find(`meta[property="og:type"]`).AttrOr("content", ""); got != "article" {
		t.Errorf("og:type = %q", got)
	}
	ld := doc.Find(`script[type="application/ld+json"]`)
	if ld.Length() != 1 {
		t.Fatal("no JSON-LD on the row page")
	}
	var crumbs struct {
		Type  string `json:"@type"`
		Items []struct {
			Name string `json:"name"`
			Item string `json:"item"`
		} `json:"itemListElement"`
	}
	if err := json.Unmarshal([]byte(ld.Text()), &crumbs); err != nil {
		t.Fatal(err)
	}
	if crumbs.Type != "BreadcrumbList" || len(crumbs.Items) != 2 || crumbs.Items[1].Item != "https://versus.example/compare/flask-vs-django/orm" {
		t.Errorf("JSON-LD = %+v", crumbs)
	}
	if href := doc.Find(`.row-actions a`).First().AttrOr("href", ""); href != "https://github.com/example/versus/issues/new?title=ORM&body=https%3A%2F%2Fversus.example%2Fcompare%2Fflask-vs-django%2Form&id=orm" {
		t.Errorf("correction link = %q", href)
	}
	if href := doc.Find(`.row-actions a`).Last().AttrOr("href", ""); href != "https://github.com/example/versus/blob/main/content/comparisons/flask-vs-django/rows/orm.md" {
		t.Errorf("source link = %q", href)
	}
	if got := page(t, r, "/compare/flask-vs-django/csrf").Find(`meta[property="og:description"]`).AttrOr("content", ""); !strings.Contains(got, "Verdict: Tie.") {
		t.Errorf("a tie's preview reads %q", got)
	}
	plain := page(t, fixtureRenderer(t), "/compare/flask-vs-django/orm")
	if plain.Find(".row-actions").Length() != 0 {
		t.Error("correction and source links should be hidden when not configured")
	}
}
