package components

import (
	"slices"
	"strings"
	"testing"
)

func TestHome(t *testing.T) {
	p := HomePage{
		Shell:  Shell{SiteName: "Versus"},
		Tables: []TableSummary{{Title: "Flask vs Django vs FastAPI", URL: "/compare/flask-vs-django-vs-fastapi", Choose: "/compare/flask-vs-django-vs-fastapi/choose"}},
		Comparisons: []ComparisonSummary{{
			Title: "Flask vs Django", URL: "/compare/flask-vs-django", Summary: "Two frameworks.",
			Glance: Glance{Total: 70, Choose: "/compare/flask-vs-django/choose", Sides: []TallySide{
				{ID: "flask", Name: "Flask", Count: 6, URL: "/compare/flask-vs-django?wins=flask", Class: "side-1"},
				{ID: "tie", Name: "Tie", Count: 25, URL: "/compare/flask-vs-django?wins=tie", Class: "side-tie"},
				{ID: "django", Name: "Django", Count: 39, URL: "/compare/flask-vs-django?wins=django", Class: "side-2"},
			}},
			Highlights: []Row{{Title: "ORM", URL: "/compare/flask-vs-django/orm", Summary: "Models."}},
		}},
		Frameworks: []Link{{Title: "Flask", URL: "/frameworks/flask"}},
	}
	doc := renderHTML(t, Home(p))
	if got := doc.Find("h1").Text(); got != "Versus: web frameworks compared, row by row" {
		t.Errorf("h1 = %q", got)
	}
	summary := doc.Find("section.comparison-summary")
	if got := strings.Join(strings.Fields(summary.Find(".tally-total").Text()+" "+summary.Find(`.tally a[href="/compare/flask-vs-django?wins=django"]`).Text()), " "); got != "Over 70 rows: 39 rows favour Django" {
		t.Errorf("tally = %q", got)
	}
	if summary.Find(`.highlights a[href="/compare/flask-vs-django/orm"]`).Text() != "ORM" || summary.Find(`a.button[href="/compare/flask-vs-django"]`).Length() != 1 {
		t.Error("highlights or the link to the comparison missing")
	}
	if summary.Find(`a.button[href="/compare/flask-vs-django/choose"]`).Text() != "Which should I choose?" ||
		doc.Find(`ul.tables a[href="/compare/flask-vs-django-vs-fastapi/choose"]`).Length() != 1 {
		t.Error("the decision helpers are not linked from the home page")
	}
	if doc.Find("svg.bar-patterns pattern").Length() != 2 {
		t.Error("the tally's patterns are not defined on the page")
	}
	if doc.Find("#guides-heading").Length() != 0 {
		t.Error("a guides section without guides")
	}
	if doc.Find(`#frameworks-heading + ul a[href="/frameworks/flask"]`).Text() != "Flask" {
		t.Error("profiles missing")
	}
	p.Comparisons[0].Highlights = nil
	p.Comparisons[0].Glance.Choose = ""
	doc = renderHTML(t, Home(p))
	if doc.Find(".highlights").Length() != 0 || doc.Find(".summary-actions a").Length() != 1 {
		t.Error("highlights without rows, or a helper button without a helper")
	}
}

func TestNewHomePage(t *testing.T) {
	f := testFrame(t)
	p := NewHomePage(f)
	if p.Shell.Meta.Title != "Versus" || p.Shell.Meta.Canonical != "https://versus.example/" || p.Shell.Meta.Path != "/" {
		t.Errorf("meta = %+v", p.Shell.Meta)
	}
	if ld := p.Shell.Meta.JSONLD.(map[string]any); ld["@type"] != "WebSite" || ld["url"] != "https://versus.example/" {
		t.Errorf("JSON-LD = %v", ld)
	}
	if len(p.Comparisons) != 1 {
		t.Fatalf("%d comparisons", len(p.Comparisons))
	}
	c := p.Comparisons[0]
	if c.URL != "/compare/flask-vs-django" || c.Glance.Total != 2 {
		t.Errorf("summary = %+v", c)
	}
	var counts []int
	for _, s := range c.Glance.Sides {
		counts = append(counts, s.Count)
	}
	if !slices.Equal(counts, []int{0, 0, 2}) {
		t.Errorf("tally = %v, want Flask 0, ties 0, Django 2", counts)
	}
	if len(c.Highlights) != 2 || c.Highlights[0].ID != "orm" || c.Highlights[1].ID != "csrf" {
		t.Errorf("highlights = %+v, want the first row of each category", c.Highlights)
	}
	if len(p.Guides) != 1 || len(p.Frameworks) != 1 || p.Frameworks[0] != (Link{Title: "Flask", URL: "/frameworks/flask"}) {
		t.Errorf("guides %+v, frameworks %+v", p.Guides, p.Frameworks)
	}
}
