package components

import (
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
	if doc.Find("#facts-heading, #links-heading").Length() != 0 {
		t.Error("empty sections rendered")
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
