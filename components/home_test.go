package components

import (
	"testing"
)

func TestHome(t *testing.T) {
	p := HomePage{
		Shell: Shell{SiteName: "Versus"},
		Comparisons: []ComparisonSummary{{
			Title: "Flask vs Django", URL: "/compare/flask-vs-django", Summary: "Two frameworks.", Rows: 70,
			Verdicts:   []VerdictCount{{"Flask", 6}, {"Django", 39}, {"ties", 25}},
			Highlights: []Row{{Title: "ORM", URL: "/compare/flask-vs-django/orm", Summary: "Models."}},
		}},
		Frameworks: []Link{{Title: "Flask", URL: "/frameworks/flask"}},
	}
	doc := renderHTML(t, Home(p))
	if got := doc.Find("h1").Text(); got != "Versus: web frameworks compared, row by row" {
		t.Errorf("h1 = %q", got)
	}
	summary := doc.Find("section.comparison-summary")
	if got := summary.Find(".at-a-glance").Text(); got != "At a glance, over 70 rows: Flask leads in 6, Django in 39; 25 ties." {
		t.Errorf("at a glance = %q", got)
	}
	if summary.Find(`.highlights a[href="/compare/flask-vs-django/orm"]`).Text() != "ORM" || summary.Find(`a.button[href="/compare/flask-vs-django"]`).Length() != 1 {
		t.Error("highlights or the link to the comparison missing")
	}
	if doc.Find("#guides-heading").Length() != 0 {
		t.Error("a guides section without guides")
	}
	if doc.Find(`#frameworks-heading + ul a[href="/frameworks/flask"]`).Text() != "Flask" {
		t.Error("profiles missing")
	}
	p.Comparisons[0].Highlights = nil
	p.Comparisons[0].Verdicts = []VerdictCount{{"Flask", 1}, {"Django", 0}, {"ties", 1}}
	p.Comparisons[0].Rows = 2
	doc = renderHTML(t, Home(p))
	if got := doc.Find(".at-a-glance").Text(); got != "At a glance, over 2 rows: Flask leads in 1, Django in 0; 1 tie." {
		t.Errorf("at a glance = %q", got)
	}
	if doc.Find(".highlights").Length() != 0 {
		t.Error("highlights without rows")
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
	if c.URL != "/compare/flask-vs-django" || c.Rows != 2 {
		t.Errorf("summary = %+v", c)
	}
	want := []VerdictCount{{"Flask", 0}, {"Django", 2}, {"ties", 0}}
	for i := range want {
		if i >= len(c.Verdicts) || c.Verdicts[i] != want[i] {
			t.Fatalf("verdicts = %v, want %v", c.Verdicts, want)
		}
	}
	if len(c.Highlights) != 2 || c.Highlights[0].ID != "orm" || c.Highlights[1].ID != "csrf" {
		t.Errorf("highlights = %+v, want the first row of each category", c.Highlights)
	}
	if len(p.Guides) != 1 || len(p.Frameworks) != 1 || p.Frameworks[0] != (Link{Title: "Flask", URL: "/frameworks/flask"}) {
		t.Errorf("guides %+v, frameworks %+v", p.Guides, p.Frameworks)
	}
}
