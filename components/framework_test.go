package components

import (
	"slices"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

func TestFramework(t *testing.T) {
	p := FrameworkPage{
		Shell: testShell("/frameworks/flask"), Title: "Flask", Summary: "A micro-framework.",
		Facts: []Fact{{Label: "Licence", Value: "BSD-3-Clause"}},
		Links: []Link{{Title: "Documentation", URL: "https://flask.palletsprojects.com/"}},
		Body:  templ.Raw("<p>Profile.</p>"), Reviewed: "1 November 2026",
	}
	doc := renderHTML(t, Framework(p))
	if doc.Find(".facts dt").Text() != "Licence" || doc.Find(".facts dd").Text() != "BSD-3-Clause" {
		t.Error("facts missing")
	}
	if doc.Find(`#links-heading + ul a[href="https://flask.palletsprojects.com/"]`).Text() != "Documentation" {
		t.Error("official links missing")
	}
	if doc.Find(".prose p").Text() != "Profile." || doc.Find("article > p.meta").Text() != "Reviewed 1 November 2026" {
		t.Error("body or reviewed date missing")
	}
	p.Facts, p.Links = nil, nil
	doc = renderHTML(t, Framework(p))
	if doc.Find("#facts-heading, #links-heading, #compare-heading").Length() != 0 {
		t.Error("empty sections rendered")
	}

	p.Comparisons = []ProfileComparison{
		{Title: "Flask vs Django", URL: "/compare/flask-vs-django", ChooseURL: "/compare/flask-vs-django/choose"},
		{Title: "Flask vs Django vs FastAPI", URL: "/compare/flask-vs-django-vs-fastapi"},
	}
	doc = renderHTML(t, Framework(p))
	items := doc.Find(`section[aria-labelledby=compare-heading] li`)
	if doc.Find("#compare-heading").Text() != "Compare Flask" || items.Length() != 2 {
		t.Fatalf("comparisons section: %q", doc.Find(".profile-comparisons").Text())
	}
	helper := items.First().Find(`a[href="/compare/flask-vs-django/choose"]`)
	if items.First().Find(`a[href="/compare/flask-vs-django"]`).Text() != "Flask vs Django" || helper.Text() != "Which should I choose? Flask vs Django" || helper.Find(".visually-hidden").Length() != 1 {
		t.Errorf("first comparison: %q", items.First().Text())
	}
	if items.Last().Find("a").Length() != 1 {
		t.Error("a comparison without a helper links to one")
	}
	// The section comes before the profile's text, after the key facts.
	if html, _ := doc.Find("article").Html(); strings.Index(html, "compare-heading") > strings.Index(html, `class="prose"`) {
		t.Error("the comparisons come after the profile's text")
	}
}

func TestNewFrameworkPageLinksItsComparisons(t *testing.T) {
	f := threeFrame(t)
	want := map[string][]ProfileComparison{
		"fastapi": {
			{Title: "Flask vs FastAPI", URL: "/compare/flask-vs-fastapi"},
			{Title: "Django vs FastAPI", URL: "/compare/django-vs-fastapi"},
			{Title: "Flask vs Django vs FastAPI", URL: "/compare/flask-vs-django-vs-fastapi"},
		},
	}
	for id, comparisons := range want {
		if got := NewFrameworkPage(f, f.Site.Framework(id)).Comparisons; !slices.Equal(got, comparisons) {
			t.Errorf("%s: %+v\nwant %+v", id, got, comparisons)
		}
	}
	// With a decision helper, each comparison links to it.
	two := testFrame(t)
	got := NewFrameworkPage(two, two.Site.Framework("flask")).Comparisons
	if !slices.Equal(got, []ProfileComparison{{Title: "Flask vs Django", URL: "/compare/flask-vs-django", ChooseURL: "/compare/flask-vs-django/choose"}}) {
		t.Errorf("flask: %+v", got)
	}
}

func TestNewFrameworkPage(t *testing.T) {
	f := testFrame(t)
	p := NewFrameworkPage(f, f.Site.Framework("flask"))
	if p.Title != "Flask" || p.Summary != "A micro-framework." || p.Reviewed != "1 November 2026" || p.Shell.Meta.Canonical != "https://versus.example/frameworks/flask" {
		t.Errorf("page = %+v", p)
	}
	if len(p.Facts) != 1 || p.Facts[0] != (Fact{Label: "Licence", Value: "BSD-3-Clause"}) {
		t.Errorf("facts = %+v", p.Facts)
	}
	if len(p.Links) != 1 || p.Links[0] != (Link{Title: "Documentation", URL: "https://flask.palletsprojects.com/"}) || len(p.Sources) != 1 {
		t.Errorf("links %+v, sources %+v", p.Links, p.Sources)
	}
}
