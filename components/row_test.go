package components

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func sampleRowPage() RowPage {
	return RowPage{
		Shell:      testShell("/compare/flask-vs-django/csrf"),
		Comparison: Link{Title: "Flask vs Django", URL: "/compare/flask-vs-django"},
		Category:   "Security",
		Row: Row{
			ID: "csrf", Title: "CSRF protection", Summary: "Django protects forms by default.", TableURL: "/compare/flask-vs-django#csrf",
			Verdict: "tie", VerdictName: "Tie",
			Cells: []Cell{
				{SubjectID: "flask", SubjectName: "Flask", Support: "extension", SupportLabel: "Extension", Text: "Flask-WTF"},
				{SubjectID: "django", SubjectName: "Django", Support: "builtin", SupportLabel: "Built in", Text: "CsrfViewMiddleware"},
			},
		},
		Body:    templ.Raw(`<p id="body">Explanation.</p>`),
		Sources: []Source{{Title: "Django docs", URL: "https://docs.djangoproject.com/", Read: "1 November 2026"}},
		Checked: "Checked against Flask 3.1 and Django 5.2 LTS on 1 November 2026.",
		Prev:    &Link{Title: "Sessions", URL: "/compare/flask-vs-django/sessions"},
	}
}

func TestRowDetail(t *testing.T) {
	doc := renderHTML(t, RowDetail(sampleRowPage()))
	if got := doc.Find(".breadcrumbs li").Text(); got != "Flask vs DjangoSecurity" || doc.Find(`.breadcrumbs a[href="/compare/flask-vs-django"]`).Length() != 1 {
		t.Errorf("breadcrumbs = %q", got)
	}
	// The page opens on the answer: the feature, its verdict beside it, the reason under them.
	header := doc.Find("header.row-header")
	if header.Find(".row-heading h1").Text() != "CSRF protection" || header.Find(".row-reason").Text() != "Django protects forms by default." {
		t.Errorf("header = %q", header.Text())
	}
	if got := header.Find(".row-heading h1 + p.verdict-chip.verdict-tie").Text(); got != "Verdict: Tie" {
		t.Errorf("verdict = %q", got)
	}
	if header.Find(".verdict-chip .visually-hidden").Text() != "Verdict: " {
		t.Error("the chip does not say it is the verdict to a screen reader")
	}
	// Then the cells, and no card of the verdict's own: on a tie neither cell is marked.
	if doc.Find(".cells .cell").Length() != 2 || doc.Find(".cells .verdict").Length() != 0 || doc.Find(".cell.win, .win-label").Length() != 0 {
		t.Errorf("cells = %q", doc.Find(".cells").Text())
	}
	flask := doc.Find(`.cell[data-framework=flask]`)
	if strings.TrimSpace(flask.Find("dt").Text()) != "Flask" || flask.Find(".support.support-extension").Text() != "Extension" || flask.Find(".cell-text").Text() != "Flask-WTF" {
		t.Errorf("Flask's cell = %q", flask.Text())
	}
	if doc.Find("header.row-header + dl.cells + .prose").Length() != 1 {
		t.Error("the explanation does not follow the header and the cells")
	}
	// A winner: named in the chip, its cell tinted (class win) and labelled in words.
	won := sampleRowPage()
	won.Row.Verdict, won.Row.VerdictName = "django", "Django"
	won.Row.Cells[1].Wins = "Better fit"
	doc = renderHTML(t, RowDetail(won))
	if got := doc.Find("p.verdict-chip.verdict-django").Text(); got != "Verdict: Django is the better fit" {
		t.Errorf("verdict = %q", got)
	}
	if win := doc.Find(".cell.win"); win.Length() != 1 || win.AttrOr("data-framework", "") != "django" || win.Find("dt .win-label").Text() != "Better fit" || win.Find("dt").Text() != "Django Better fit" {
		t.Errorf("the winning cell is not marked in words: %q", win.Text())
	}
	doc = renderHTML(t, RowDetail(sampleRowPage()))
	if doc.Find(".prose #body").Length() != 1 || doc.Find(".sources li").Length() != 1 {
		t.Error("body or sources missing")
	}
	if got := doc.Find("p.meta").Text(); !strings.HasPrefix(got, "Checked against Flask 3.1 and Django 5.2 LTS on 1 November 2026.") || doc.Find(`p.meta a[href="/compare/flask-vs-django#csrf"]`).Length() != 1 {
		t.Errorf("meta = %q", got)
	}
	if doc.Find(".row-actions").Length() != 0 {
		t.Error("row actions shown without links")
	}
	if doc.Find(`a[rel=prev][href="/compare/flask-vs-django/sessions"]`).Text() != "Previous Sessions" || doc.Find(`a[rel=next]`).Length() != 0 {
		t.Errorf("pager = %q", doc.Find(".pager").Text())
	}

	for _, tt := range []struct{ correction, source, want string }{
		{"https://c/", "", "Suggest a correction"},
		{"", "https://s/", "View source"},
		{"https://c/", "https://s/", "Suggest a correctionView source"},
	} {
		p := sampleRowPage()
		p.CorrectionURL, p.SourceURL = tt.correction, tt.source
		if got := renderHTML(t, RowDetail(p)).Find(".row-actions a").Text(); got != tt.want {
			t.Errorf("correction %q, source %q: actions %q", tt.correction, tt.source, got)
		}
	}
}

func TestNewRowPage(t *testing.T) {
	f := testFrame(t)
	orm := f.Site.Comparison("flask-vs-django").Row("orm")
	p := NewRowPage(f, orm, "https://c/new?t={title}&u={url}&i={id}", "https://s/{file}")
	if p.Shell.Meta.Title != "ORM: Flask vs Django" || p.Shell.Meta.Canonical != "https://versus.example/compare/flask-vs-django/orm" {
		t.Errorf("meta = %+v", p.Shell.Meta)
	}
	if want := "Flask: Extension, Flask-SQLAlchemy. Django: Built in, Django ORM. Verdict: Django. Django ships an ORM; Flask leaves the choice to you."; p.Shell.Meta.Description != want {
		t.Errorf("description = %q", p.Shell.Meta.Description)
	}
	if p.Shell.Meta.OGType != "article" || len(p.Shell.Meta.Alternates) != 1 || p.Shell.Meta.Alternates[0].Href != "/compare/flask-vs-django/orm.json" {
		t.Errorf("og:type %q, alternates %+v", p.Shell.Meta.OGType, p.Shell.Meta.Alternates)
	}
	if p.Comparison != (Link{Title: "Flask vs Django", URL: "/compare/flask-vs-django"}) || p.Category != "Data" || p.Row.ID != "orm" {
		t.Errorf("comparison %+v, category %q", p.Comparison, p.Category)
	}
	// Django wins the row: its cell says so, as in the pair's table.
	if p.Row.Cells[0].Wins != "" || p.Row.Cells[1].Wins != "Better fit" || verdictChip(p.Row) != "Django is the better fit" {
		t.Errorf("cells %+v, chip %q", p.Row.Cells, verdictChip(p.Row))
	}
	if p.Checked != "Reviewed 1 November 2026." || len(p.Sources) != 1 || p.Prev != nil || p.Next != nil || p.OtherPairs != nil {
		t.Errorf("checked %q, %d sources, prev %v, next %v, other pairs %v", p.Checked, len(p.Sources), p.Prev, p.Next, p.OtherPairs)
	}
	if p.CorrectionURL != "https://c/new?t=ORM&u=https%3A%2F%2Fversus.example%2Fcompare%2Fflask-vs-django%2Form&i=orm" {
		t.Errorf("correction = %q", p.CorrectionURL)
	}
	if p.SourceURL != "https://s/comparisons/flask-vs-django/rows/orm.md" {
		t.Errorf("source = %q", p.SourceURL)
	}
	ld := p.Shell.Meta.JSONLD.(map[string]any)["itemListElement"].([]map[string]any)
	if len(ld) != 2 || ld[0]["item"] != "https://versus.example/compare/flask-vs-django" || ld[1]["name"] != "ORM" {
		t.Errorf("breadcrumbs = %v", ld)
	}
	if !strings.Contains(renderHTML(t, p.Body).Text(), "Why it matters") {
		t.Error("the body is not the row's Markdown")
	}
	if q := NewRowPage(f, orm, "", ""); q.CorrectionURL != "" || q.SourceURL != "" {
		t.Error("empty templates give links")
	}

	// Rows link to their neighbours within their category.
	fsys := sitetest.FS()
	csrf := string(fsys["comparisons/flask-vs-django/rows/csrf.md"].Data)
	fsys["comparisons/flask-vs-django/rows/sessions.md"] = &fstest.MapFile{Data: []byte(strings.NewReplacer("title: CSRF protection", "title: Sessions", "order: 10", "order: 20").Replace(csrf))}
	s, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	f.Site = s
	c := s.Comparison("flask-vs-django")
	first, second := NewRowPage(f, c.Row("csrf"), "", ""), NewRowPage(f, c.Row("sessions"), "", "")
	if first.Prev != nil || first.Next == nil || *first.Next != (Link{Title: "Sessions", URL: "/compare/flask-vs-django/sessions"}) {
		t.Errorf("csrf: prev %v, next %v", first.Prev, first.Next)
	}
	if second.Next != nil || second.Prev == nil || second.Prev.URL != "/compare/flask-vs-django/csrf" {
		t.Errorf("sessions: prev %v, next %v", second.Prev, second.Next)
	}
}

// TestTraitRowPageHasNoBadge: a trait row's page shows its cells' text with no support
// label, and its description names none.
func TestTraitRowPageHasNoBadge(t *testing.T) {
	fsys := sitetest.ThreeFS()
	const row = "comparisons/flask-vs-django-vs-fastapi/rows/orm.md"
	data := string(fsys[row].Data)
	for old, new := range map[string]string{
		"order: 10\n": "order: 10\nkind: trait\n", "support: extension, ": "", "support: builtin,   ": "",
	} {
		data = strings.ReplaceAll(data, old, new)
	}
	fsys[row] = &fstest.MapFile{Data: []byte(data)}
	s, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://versus.example")
	f := NewFrame(s, "Versus", base, testAssets)
	p := NewRowPage(f, s.Comparison("flask-vs-django").Row("orm"), "", "")
	if want := "Flask: Flask-SQLAlchemy. Django: Django ORM. Verdict: Django."; !strings.HasPrefix(p.Shell.Meta.Description, want) {
		t.Errorf("description = %q", p.Shell.Meta.Description)
	}
	doc := renderHTML(t, RowDetail(p))
	if doc.Find(".cells .support").Length() != 0 || doc.Find(".cells .cell-text").First().Text() != "Flask-SQLAlchemy" {
		t.Errorf("cells = %q", doc.Find(".cells").Text())
	}
	table := renderHTML(t, Comparison(NewComparisonPage(f, s.Comparison("flask-vs-django"), FilterView{}, func(*site.Row) bool { return true })))
	if table.Find("tr#orm .support").Length() != 0 || table.Find("tr#csrf .support").Length() != 2 {
		t.Errorf("table: orm badges %d, csrf badges %d", table.Find("tr#orm .support").Length(), table.Find("tr#csrf .support").Length())
	}
	var labels []string
	table.Find(".legend dt").Each(func(_ int, dt *goquery.Selection) { labels = append(labels, strings.TrimSpace(dt.Text())) })
	if !slices.Contains(labels, "No label") {
		t.Errorf("the legend does not explain the trait row: %v", labels)
	}
}
