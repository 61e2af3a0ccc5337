package components

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// The fixture's verdicts: orm (data) django, tie, django; csrf (apis) django, flask, django.
func TestNewGlance(t *testing.T) {
	f := threeFrame(t)
	g := newGlance(f.Site.Comparison("flask-vs-fastapi"))
	if g.Title != "Flask vs FastAPI" || g.URL != "/compare/flask-vs-fastapi" || g.Total != 2 {
		t.Errorf("glance = %+v", g)
	}
	if g.Answer != "A micro-framework and an API framework compared." {
		t.Errorf("without an answer: %q, want the pair's summary", g.Answer)
	}
	want := []TallySide{
		{ID: "flask", Name: "Flask", Count: 1, URL: "/compare/flask-vs-fastapi?wins=flask#rows", Class: "side-1", X: "0%", Width: "50%"},
		{ID: "tie", Name: "Tie", Count: 1, URL: "/compare/flask-vs-fastapi?wins=tie#rows", Class: "side-tie", X: "50%", Width: "50%"},
		{ID: "fastapi", Name: "FastAPI", Count: 0, URL: "/compare/flask-vs-fastapi?wins=fastapi#rows", Class: "side-3", X: "100%", Width: "0%"},
	}
	for i, s := range g.Sides {
		if s != want[i] {
			t.Errorf("side %d = %+v\nwant %+v", i, s, want[i])
		}
	}
	if len(g.Categories) != 2 || g.Categories[0].ID != "data" || g.Categories[0].URL != "#category-data" || g.Categories[0].Total != 1 ||
		g.Categories[1].Sides[0].URL != "/compare/flask-vs-fastapi?cat=apis&wins=flask#rows" || g.Categories[1].Sides[0].Count != 1 {
		t.Errorf("categories = %+v", g.Categories)
	}
	// A subject keeps its colour and pattern on every pair's page.
	if d := newGlance(f.Site.Comparison("django-vs-fastapi")); d.Sides[0].Class != "side-2" || d.Sides[2].Class != "side-3" {
		t.Errorf("django-vs-fastapi classes = %q, %q", d.Sides[0].Class, d.Sides[2].Class)
	}
	if percent(1, 3) != "33.33%" || percent(2, 3) != "66.67%" {
		t.Errorf("percent = %s, %s", percent(1, 3), percent(2, 3))
	}
}

func TestGlancePanel(t *testing.T) {
	f := threeFrame(t)
	g := newGlance(f.Site.Comparison("flask-vs-fastapi"))
	g.Answer, g.Choose, g.Questions = "Pick FastAPI for typed APIs.", "/compare/flask-vs-fastapi/choose", 2
	g.Sides[0].Current = true
	doc := renderHTML(t, GlancePanel(g))
	var sides []string
	doc.Find(".tally li").Each(func(_ int, li *goquery.Selection) {
		sides = append(sides, li.AttrOr("class", "")+": "+strings.Join(strings.Fields(li.Text()), " ")+" → "+li.Find("a").AttrOr("href", "none"))
	})
	if strings.Join(sides, "; ") != "side-1: 1 row favours Flask → /compare/flask-vs-fastapi?wins=flask#rows; "+
		"side-tie: 1 tie → /compare/flask-vs-fastapi?wins=tie#rows; side-3: 0 rows favour FastAPI → none" {
		t.Errorf("tally = %v", sides)
	}
	if _, ok := doc.Find(`.tally a[href$="wins=flask#rows"]`).Attr("aria-current"); !ok {
		t.Error("the side the page lists is not marked")
	}
	// The bars are decoration over the counts: hidden from screen readers, a segment per
	// side with rows, patterned for the second and third subjects.
	if doc.Find("svg.tally-bar[aria-hidden=true] rect").Length() != 2 || doc.Find(`svg.tally-bar rect.side-1`).AttrOr("width", "") != "50%" {
		t.Errorf("tally bar has %d segments", doc.Find("svg.tally-bar rect").Length())
	}
	if doc.Find(`svg.swatch rect.side-3`).AttrOr("fill", "") != "url(#pattern-side-3)" {
		t.Error("FastAPI's swatch is not dotted")
	}
	if doc.Find(".glance-answer p").Text() != "Pick FastAPI for typed APIs." {
		t.Error("the short answer is missing")
	}
	if doc.Find(`.glance-choose a.button[href="/compare/flask-vs-fastapi/choose"]`).Text() != "Which should I choose?" || !strings.Contains(doc.Find(".glance-choose").Text(), "2 questions") {
		t.Errorf("helper entry = %q", doc.Find(".glance-choose").Text())
	}
	// The picture per category is a table of counts in words, each linking to its rows.
	table := doc.Find("table.glance-categories")
	var heads []string
	table.Find("thead th").Each(func(_ int, th *goquery.Selection) { heads = append(heads, th.Text()) })
	if table.Find("caption").Text() != "Verdicts by category" || strings.Join(heads, "|") != "Category|Flask|Tie|FastAPI" {
		t.Errorf("caption %q, headers %v", table.Find("caption").Text(), heads)
	}
	apis := table.Find("tbody tr").Eq(1)
	if apis.Find(`th[scope=row] a[href="#category-apis"]`).Text() != "APIs" ||
		apis.Find("td.count a").First().Text() != "1 row in APIs where Flask is the better fit" ||
		apis.Find("td.count a").First().AttrOr("href", "") != "/compare/flask-vs-fastapi?cat=apis&wins=flask#rows" ||
		strings.TrimSpace(apis.Find("td.count").Eq(1).Text()) != "0" {
		t.Errorf("the APIs row = %q", apis.Text())
	}

	if renderHTML(t, GlancePanel(Glance{})).Find(".glance-choose").Length() != 0 {
		t.Error("a pair without a decision helper links to one")
	}
}
