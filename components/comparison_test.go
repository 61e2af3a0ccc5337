package components

import (
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"github.com/versus-dev/versus/web/site"
)

// winner marks cell i of a pair's row as the better fit.
func winner(cells []Cell, i int) []Cell {
	cells[i].Wins = "Better fit"
	return cells
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
				{ID: "orm", Title: "ORM", URL: "/compare/flask-vs-django/orm", Cells: winner(cells("SQLAlchemy", "Django ORM"), 1), Verdict: "django", VerdictName: "Django", Aliases: []string{"database"}},
				{ID: "nosql", Title: "NoSQL", URL: "/compare/flask-vs-django/nosql", Cells: cells("Any driver", "Third-party"), Verdict: "tie"},
			}},
		},
		Legend: Legend{Items: []LegendItem{{Support: "builtin", Label: "Built in", Description: "Ships with it."}}},
		Filter: FilterView{Action: "/compare/flask-vs-django", Categories: []FilterOption{{ID: "data", Title: "Data"}}, Total: 2},
		JSON:   "/compare/flask-vs-django.json",
		CSV:    "/compare/flask-vs-django.csv",
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
	if table.Find("thead th#django").AttrOr("class", "") != "subject-2" || !table.Find("tr#orm td").Eq(1).HasClass("subject-2") {
		t.Error("a subject's header and cells do not share the column class")
	}
	if table.Find("th[scope=rowgroup]#category-data").Text() != "Data" || table.Find("th[scope=rowgroup]").AttrOr("colspan", "") != "4" {
		t.Error("category heading row missing or not spanning the table")
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
	if got := orm.Find("td.verdict").AttrOr("class", ""); got != "verdict verdict-django" {
		t.Errorf("verdict class = %q", got)
	}
	if got := table.Find("tr#nosql td.verdict").Text(); got != "Tie" {
		t.Errorf("tie verdict reads %q", got)
	}
	// The verdict is in the row's data, and the better fit's cell says so in words.
	if orm.AttrOr("data-verdict", "") != "django" || table.Find("tr#nosql").AttrOr("data-verdict", "") != "tie" {
		t.Errorf("data-verdict = %q, %q", orm.AttrOr("data-verdict", ""), table.Find("tr#nosql").AttrOr("data-verdict", ""))
	}
	if win := orm.Find("td.win"); win.Length() != 1 || win.AttrOr("data-label", "") != "Django" || win.Find(".win-label").Text() != "Better fit" {
		t.Errorf("the winning cell is not marked in words: %q", win.Text())
	}
	if table.Find("tr#nosql td.win, tr#nosql .win-label").Length() != 0 {
		t.Error("a tie marks a cell as the better fit")
	}
	if table.Find(".table-wrap").Length() != 0 || doc.Find(".table-wrap").Length() != 0 {
		t.Error("the table sits in a scrolling wrapper, which stops its header from sticking")
	}
	// The introduction is kept, folded above the table.
	if doc.Find("details.intro .prose p").Text() != "Intro" {
		t.Error("intro missing")
	}
	if doc.Find(".legend dt").First().Text() != "Built in" || doc.Find(".legend dt .win-label").Text() != "Better fit" {
		t.Errorf("legend = %q", doc.Find(".legend").Text())
	}
	if doc.Find(`.twins a[href="/compare/flask-vs-django.json"]`).Text() != "JSON" || doc.Find(`.twins a[href="/compare/flask-vs-django.csv"]`).Text() != "CSV" {
		t.Error("the twins are not linked visibly")
	}
}

func TestComparisonWithNoRowShown(t *testing.T) {
	p := samplePage()
	p.Categories = nil
	doc := renderHTML(t, Comparison(p))
	if doc.Find("table").Length() != 0 {
		t.Error("an empty view renders a table")
	}
	if doc.Find(`p.empty a[href="/compare/flask-vs-django"]`).Text() != "Show every row" {
		t.Error("an empty view does not link back to every row")
	}
}

func TestFilterForm(t *testing.T) {
	closed := renderHTML(t, FilterForm(samplePage().Filter))
	if _, open := closed.Find("details").Attr("open"); open {
		t.Error("an inactive filter opens")
	}
	if closed.Find(".notes, .filter-count").Length() != 0 || closed.Find(`a`).Length() != 0 {
		t.Error("an inactive filter shows notes, a count or a reset link")
	}
	if closed.Find(`form[method=get][action="/compare/flask-vs-django"]`).Length() != 1 {
		t.Error("the form does not GET the comparison")
	}

	f := FilterView{
		Action:     "/compare/flask-vs-django",
		Categories: []FilterOption{{ID: "data", Title: "Data", Checked: true}, {ID: "security", Title: "Security"}},
		DiffOnly:   true, Query: "orm", Active: true, Notes: []string{"Note one.", "Note two."}, Shown: 1, Total: 2,
	}
	doc := renderHTML(t, FilterForm(f))
	if _, open := doc.Find("details").Attr("open"); !open {
		t.Error("an active filter is closed")
	}
	if got := doc.Find(".notes[role=status] li").Length(); got != 2 {
		t.Errorf("%d notes, want 2", got)
	}
	if _, checked := doc.Find(`input[name=cat][value=data]`).Attr("checked"); !checked {
		t.Error("data is not checked")
	}
	if _, checked := doc.Find(`input[name=cat][value=security]`).Attr("checked"); checked {
		t.Error("security is checked")
	}
	if _, checked := doc.Find(`input[name=diff][value="1"]`).Attr("checked"); !checked {
		t.Error("diff is not checked")
	}
	if doc.Find(`input#filter-q[name=q]`).AttrOr("value", "") != "orm" || doc.Find(`label[for=filter-q]`).Length() != 1 {
		t.Error("the text filter is not kept or not labelled")
	}
	if doc.Find(`a[href="/compare/flask-vs-django"]`).Text() != "Reset" {
		t.Error("no reset link")
	}
	if got := doc.Find(".filter-count").Text(); got != "Showing 1 of 2 rows." {
		t.Errorf("count = %q", got)
	}
	// Notes alone open the form, so the reader sees what was wrong with the query.
	notesOnly := renderHTML(t, FilterForm(FilterView{Action: "/c", Notes: []string{"Ignored."}}))
	if _, open := notesOnly.Find("details").Attr("open"); !open {
		t.Error("notes do not open the form")
	}
}

func TestNewComparisonPage(t *testing.T) {
	f := testFrame(t)
	c := f.Site.Comparison("flask-vs-django")
	all := NewComparisonPage(f, c, NewFilterView(c, nil, "", false, "", false, nil), func(*site.Row) bool { return true })
	if all.Title != "Flask vs Django" || all.Summary != c.Summary || all.Reviewed != "1 November 2026" {
		t.Errorf("page = %+v", all)
	}
	if all.Shell.Meta.Canonical != "https://versus.example/compare/flask-vs-django" || all.Shell.Meta.Title != "Flask vs Django" {
		t.Errorf("shell = %+v", all.Shell.Meta)
	}
	if len(all.Shell.Meta.Alternates) != 2 || all.Shell.Meta.Alternates[0].Href != "/compare/flask-vs-django.json" || all.Shell.Meta.Alternates[1].Href != "/compare/flask-vs-django.csv" {
		t.Errorf("alternates = %+v", all.Shell.Meta.Alternates)
	}
	if len(all.Subjects) != 2 || all.Subjects[0] != (Subject{ID: "flask", Name: "Flask"}) {
		t.Errorf("subjects = %+v", all.Subjects)
	}
	if len(all.Categories) != 2 || all.Categories[0].ID != "data" || all.Categories[0].Rows[0].ID != "orm" {
		t.Fatalf("categories = %+v", all.Categories)
	}
	orm := all.Categories[0].Rows[0]
	want := Row{
		ID: "orm", Title: "ORM", URL: "/compare/flask-vs-django/orm", TableURL: "/compare/flask-vs-django#orm",
		Summary: "Django ships an ORM; Flask leaves the choice to you.", Verdict: "django", VerdictName: "Django",
		Aliases: []string{"database"},
		Cells: []Cell{
			{SubjectID: "flask", SubjectName: "Flask", Support: "extension", SupportLabel: "Extension", Text: "Flask-SQLAlchemy"},
			{SubjectID: "django", SubjectName: "Django", Support: "builtin", SupportLabel: "Built in", Text: "Django ORM", Wins: "Better fit"},
		},
	}
	if !reflect.DeepEqual(orm, want) {
		t.Errorf("orm = %+v\nwant %+v", orm, want)
	}
	if all.Filter.Shown != 2 || all.Filter.Total != 2 || all.Filter.Active || len(all.Legend.Items) != 2 || all.Legend.Traits {
		t.Errorf("filter %+v, legend %+v", all.Filter, all.Legend)
	}
	if len(all.Glances) != 1 || all.Glances[0].Total != 2 || all.Glances[0].Answer != c.Summary || all.JSON != c.JSONPath() || all.CSV != c.CSVPath() {
		t.Errorf("glances %+v, twins %q %q", all.Glances, all.JSON, all.CSV)
	}

	onlyCSRF := NewComparisonPage(f, c, NewFilterView(c, []string{"security"}, "django", true, "x", true, []string{"n"}), func(r *site.Row) bool { return r.ID == "csrf" })
	var current []string
	for _, s := range onlyCSRF.Glances[0].Sides {
		if s.Current {
			current = append(current, s.ID)
		}
	}
	if strings.Join(current, " ") != "django" {
		t.Errorf("the tally marks %v as the side listed, want django", current)
	}
	if len(onlyCSRF.Categories) != 1 || onlyCSRF.Categories[0].ID != "security" || onlyCSRF.Filter.Shown != 1 {
		t.Errorf("filtered: categories %+v, shown %d", onlyCSRF.Categories, onlyCSRF.Filter.Shown)
	}
	none := NewComparisonPage(f, c, FilterView{}, func(*site.Row) bool { return false })
	if len(none.Categories) != 0 || !none.Legend.Empty() || none.Filter.Shown != 0 {
		t.Errorf("nothing kept: %+v", none)
	}
}

func TestNewFilterView(t *testing.T) {
	c := testSite(t).Comparison("flask-vs-django")
	v := NewFilterView(c, []string{"security"}, "tie", true, "orm", true, []string{"Note."})
	if v.Action != "/compare/flask-vs-django" || !v.DiffOnly || v.Query != "orm" || !v.Active || v.Total != 2 || len(v.Notes) != 1 {
		t.Errorf("view = %+v", v)
	}
	if len(v.Categories) != 2 || v.Categories[0] != (FilterOption{ID: "data", Title: "Data"}) || v.Categories[1] != (FilterOption{ID: "security", Title: "Security", Checked: true}) {
		t.Errorf("options = %+v", v.Categories)
	}
	want := []FilterOption{{ID: "", Title: "Any verdict"}, {ID: "flask", Title: "Flask is the better fit"}, {ID: "django", Title: "Django is the better fit"}, {ID: "tie", Title: "Tie", Checked: true}}
	if !reflect.DeepEqual(v.Wins, want) {
		t.Errorf("wins options = %+v\nwant %+v", v.Wins, want)
	}
	if v.wins() != "tie" || NewFilterView(c, nil, "", false, "", false, nil).wins() != "" {
		t.Error("the filter view does not say which side it lists")
	}
}

func TestAndList(t *testing.T) {
	for _, tc := range []struct {
		words []string
		want  string
	}{
		{nil, ""},
		{[]string{"Flask 3.1"}, "Flask 3.1"},
		{[]string{"Flask 3.1", "FastAPI 0.165"}, "Flask 3.1 and FastAPI 0.165"},
		{[]string{"Flask 3.1", "Django 5.2 LTS", "FastAPI 0.165"}, "Flask 3.1, Django 5.2 LTS and FastAPI 0.165"},
		{[]string{"Flask 3.1", "Django 5.2 LTS and 6.1", "FastAPI 0.165"}, "Flask 3.1, Django 5.2 LTS and 6.1, and FastAPI 0.165"},
		{[]string{"Django 5.2 LTS and 6.1", "FastAPI 0.165"}, "Django 5.2 LTS and 6.1, and FastAPI 0.165"},
	} {
		if got := andList(tc.words); got != tc.want {
			t.Errorf("andList(%q) = %q, want %q", tc.words, got, tc.want)
		}
	}
}

func TestNewFilterProblemPage(t *testing.T) {
	f := testFrame(t)
	c := f.Site.Comparison("flask-vs-django")
	p := NewFilterProblemPage(f, c, NewFilterView(c, []string{"data"}, "", false, "", true, []string{"Wrong."}), "/compare/flask-vs-django?cat=data#rows")
	if p.Title != "Flask vs Django" || p.All != "/compare/flask-vs-django" || !p.Shell.Meta.NoIndex || p.Shell.Meta.Canonical != "https://versus.example/compare/flask-vs-django" {
		t.Errorf("page = %+v", p)
	}
	doc := renderHTML(t, FilterProblem(p))
	if doc.Find(".notice[role=alert] a").Length() != 2 || doc.Find(".filter .notes li").Text() != "Wrong." {
		t.Errorf("the page does not say what was wrong and where to go: %s", doc.Find("article").Text())
	}
	if doc.Find(".filter-count").Length() != 0 {
		t.Error("a page that lists no rows counts them")
	}
}
