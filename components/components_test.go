package components

import (
	"bytes"
	"context"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
)

func renderHTML(t *testing.T, c templ.Component) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func samplePage() ComparisonPage {
	cells := func(f, d string) []Cell {
		return []Cell{
			{SubjectID: "flask", SubjectName: "Flask", Support: "extension", SupportLabel: "Extension", Text: f},
			{SubjectID: "django", SubjectName: "Django", Support: "builtin", SupportLabel: "Built in", Text: d},
		}
	}
	return ComparisonPage{
		Shell:    Shell{SiteName: "Versus", Meta: Meta{Title: "Flask vs Django", Canonical: "https://x/compare/flask-vs-django", Path: "/compare/flask-vs-django"}},
		Title:    "Flask vs Django",
		Intro:    templ.Raw("<p>Intro</p>"),
		Subjects: []Subject{{ID: "flask", Name: "Flask"}, {ID: "django", Name: "Django"}},
		Categories: []Category{
			{ID: "data", Title: "Data", Rows: []Row{
				{ID: "orm", Title: "ORM", URL: "/compare/flask-vs-django/orm", Cells: cells("SQLAlchemy", "Django ORM"), Verdict: "django", VerdictName: "Django", Aliases: []string{"database"}},
				{ID: "nosql", Title: "NoSQL", URL: "/compare/flask-vs-django/nosql", Cells: cells("Any driver", "Third-party"), Verdict: "tie"},
			}},
		},
		Legend: []LegendItem{{Support: "builtin", Label: "Built in", Description: "Ships with it."}},
	}
}

func TestComparisonTableStructure(t *testing.T) {
	doc := renderHTML(t, Comparison(samplePage()))
	table := doc.Find("table")
	if table.Find("caption").Length() != 1 {
		t.Error("no caption")
	}
	var cols []string
	table.Find("thead th[scope=col]").Each(func(_ int, s *goquery.Selection) { cols = append(cols, s.Text()) })
	if len(cols) != 4 || cols[1] != "Flask" || cols[2] != "Django" || cols[3] != "Verdict" {
		t.Errorf("column headers = %v", cols)
	}
	if table.Find("th[scope=rowgroup]#category-data").Text() != "Data" {
		t.Error("category heading row missing")
	}
	orm := table.Find("tr#orm")
	if orm.Find("th[scope=row] a.row-title").AttrOr("href", "") != "/compare/flask-vs-django/orm" {
		t.Error("row title does not link to the row page")
	}
	if orm.Find("a.permalink").AttrOr("aria-label", "") != "Link to the ORM row" || orm.Find("a.permalink").AttrOr("href", "") != "#orm" {
		t.Error("row permalink is missing or unnamed")
	}
	if orm.Find("span#database").Length() != 1 {
		t.Error("alias anchor missing")
	}
	tds := orm.Find("td")
	if tds.Length() != 3 || tds.Eq(0).AttrOr("data-label", "") != "Flask" || tds.Eq(0).Find(".support").Text() != "Extension" {
		t.Errorf("cells are not labelled in words: %q", tds.Eq(0).Text())
	}
	if got := table.Find("tr#nosql td.verdict").Text(); got != "Tie" {
		t.Errorf("tie verdict reads %q", got)
	}
}

func TestLayoutHead(t *testing.T) {
	doc := renderHTML(t, Comparison(samplePage()))
	if doc.Find("title").Text() != "Flask vs Django · Versus" {
		t.Errorf("title = %q", doc.Find("title").Text())
	}
	if doc.Find(`a.skip-link[href="#main"]`).Length() != 1 || doc.Find("main#main").Length() != 1 {
		t.Error("skip link or main landmark missing")
	}
	if doc.Find(`nav a[aria-current=page]`).Text() != "" {
		t.Error("no nav entries were given, none should be current")
	}
	if doc.Find("[style]").Length() != 0 || doc.Find("script:not([src])").Length() != 0 {
		t.Error("inline styles or scripts would break the CSP")
	}
}
