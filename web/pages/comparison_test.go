package pages

import (
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func rowIDs(doc *goquery.Document) []string {
	var ids []string
	doc.Find("tr.feature").Each(func(_ int, s *goquery.Selection) { ids = append(ids, s.AttrOr("id", "")) })
	return ids
}

// filtered renders the fixture's comparison filtered by query.
func filtered(t *testing.T, r *Renderer, query string) *goquery.Document {
	t.Helper()
	return filteredView(t, r, r.Site().Comparison("flask-vs-django"), query)
}

// filteredView renders c filtered by query, which must be a view of its table.
func filteredView(t *testing.T, r *Renderer, c *site.Comparison, query string) *goquery.Document {
	t.Helper()
	f, err := ParseFilter(c, query)
	if err != nil {
		t.Fatal(err)
	}
	body, err := r.FilteredComparison(context.Background(), c, f)
	if err != nil {
		t.Fatal(err)
	}
	return parse(t, body)
}

func TestComparisonTableSemantics(t *testing.T) {
	doc := page(t, fixtureRenderer(t), "/compare/flask-vs-django")
	table := doc.Find("table.matrix")
	if table.Find("caption").Length() != 1 {
		t.Error("the table has no caption")
	}
	for _, id := range []string{"flask", "django"} {
		if table.Find(`thead th[scope=col]#`+id).Length() != 1 {
			t.Errorf("no column header with id %q", id)
		}
	}
	rows := table.Find("tr.feature")
	if rows.Length() != 2 {
		t.Fatalf("feature rows = %d, want 2", rows.Length())
	}
	rows.Each(func(_ int, row *goquery.Selection) {
		id, _ := row.Attr("id")
		if id == "" || row.Find(`th[scope=row]`).Length() != 1 {
			t.Errorf("row %q lacks an id or a row header", id)
		}
		row.Find("td").Each(func(_ int, td *goquery.Selection) {
			if strings.TrimSpace(td.Text()) == "" {
				t.Errorf("row %q has an empty cell", id)
			}
		})
		if label, _ := row.Find("a.permalink").Attr("aria-label"); !strings.HasPrefix(label, "Link to the ") {
			t.Errorf("row %q permalink has accessible name %q", id, label)
		}
	})
	if doc.Find(`#database.alias-anchor`).Length() != 1 {
		t.Error("the old id #database is not kept as an anchor")
	}
	if got := doc.Find("tr#orm td.verdict").Text(); got != "Django" {
		t.Errorf("orm verdict = %q", got)
	}
	if got := doc.Find("tr#orm a.row-title").AttrOr("href", ""); got != "/compare/flask-vs-django/orm" {
		t.Errorf("orm links to %q, not its page", got)
	}
	if doc.Find(".legend dt .support").Length() != 2 {
		t.Errorf("legend should list only the two support levels used, got %d", doc.Find(".legend dt .support").Length())
	}
	var cats []string
	doc.Find(`table.glance-categories tbody th a`).Each(func(_ int, s *goquery.Selection) { cats = append(cats, s.AttrOr("href", "")) })
	if strings.Join(cats, " ") != "#category-data #category-security" {
		t.Errorf("category links = %v", cats)
	}
	if doc.Find(`link[rel=alternate][type="application/json"][href="/compare/flask-vs-django.json"]`).Length() != 1 ||
		doc.Find(`link[rel=alternate][type="text/csv"][href="/compare/flask-vs-django.csv"]`).Length() != 1 {
		t.Error("the twins are not announced with <link rel=alternate>")
	}
	if doc.Find(`.prose a[href="/compare/flask-vs-django#orm"]`).Length() != 1 {
		t.Error("the intro is not rendered")
	}
	if got := strings.Join(strings.Fields(doc.Find("p.meta").First().Text()), " "); got != "Reviewed 1 November 2026. Also as JSON and CSV." {
		t.Errorf("reviewed = %q", got)
	}
	// The unfiltered table keeps the filter form closed, with no count and no reset link.
	if _, open := doc.Find("details.filter-box").Attr("open"); open || doc.Find(".filter-count").Length() != 0 {
		t.Error("the unfiltered table shows the filter as active")
	}
}

func TestFilters(t *testing.T) {
	r := fixtureRenderer(t)
	tests := []struct {
		query string
		rows  []string
	}{
		{"", []string{"orm", "csrf"}},
		{"cat=data", []string{"orm"}},
		{"cat=data,security", []string{"orm", "csrf"}},
		{"cat=data&cat=security", []string{"orm", "csrf"}},
		{"q=csrfprotect", []string{"csrf"}},
		{"q=DJANGO+ORM", []string{"orm"}},
		{"q=security", []string{"csrf"}}, // the category's title
		{"diff=1", []string{"orm", "csrf"}},
		{"wins=&cat=data&q=", []string{"orm"}}, // as the form sends it
		{"q=" + strings.Repeat("x", 100), nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			doc := filtered(t, r, tt.query)
			if got := strings.Join(rowIDs(doc), ","); got != strings.Join(tt.rows, ",") {
				t.Errorf("rows = %q, want %q", got, strings.Join(tt.rows, ","))
			}
			if notes := doc.Find(".filter .notes").Text(); notes != "" {
				t.Errorf("a view has notes %q", notes)
			}
			// The form opens when the view hides something.
			f, _ := ParseFilter(r.Site().Comparison("flask-vs-django"), tt.query)
			if _, open := doc.Find("details.filter-box").Attr("open"); open != f.Active() {
				t.Errorf("the filter box open = %v", open)
			}
			// A view shows the introduction, as the whole table does.
			if doc.Find(`details.intro .prose a[href="/compare/flask-vs-django#orm"]`).Length() != 1 {
				t.Error("the view has no introduction")
			}
		})
	}
	// The form reflects the view it produced, so the page's URL can be shared as is.
	doc := filtered(t, r, "cat=security&diff=1&q=csrf")
	if _, checked := doc.Find(`input[name=cat][value=security]`).Attr("checked"); !checked {
		t.Error("the security checkbox is not checked")
	}
	if _, checked := doc.Find(`input[name=cat][value=data]`).Attr("checked"); checked {
		t.Error("the data checkbox is checked")
	}
	if _, checked := doc.Find(`input[name=diff]`).Attr("checked"); !checked {
		t.Error("diff is not checked")
	}
	if doc.Find(`.filter input[name=q]`).AttrOr("value", "") != "csrf" {
		t.Error("q is not kept in the form")
	}
	if doc.Find(`.filter a[href="/compare/flask-vs-django"]`).Text() != "Reset" {
		t.Error("no reset link")
	}
	if got := doc.Find(".filter-count").Text(); got != "Showing 1 of 2 rows." {
		t.Errorf("count = %q", got)
	}
	if got := doc.Find(".legend dt .support").Length(); got != 2 {
		t.Errorf("the legend lists %d levels for the csrf row, want 2", got)
	}
	// A view with no rows says so and links back to the whole table.
	empty := filtered(t, r, "q=nothing-matches-this")
	if empty.Find("table.matrix").Length() != 0 || empty.Find(`p.empty a[href="/compare/flask-vs-django"]`).Length() != 1 {
		t.Error("an empty view does not say so")
	}
	if empty.Find(".legend").Length() != 0 {
		t.Error("an empty view has a legend")
	}
}

func TestTieFilterHidesTies(t *testing.T) {
	r := newRenderer(t, fixtureWithTie(), Config{})
	all := rowIDs(page(t, r, "/compare/flask-vs-django"))
	diff := rowIDs(filtered(t, r, "diff=1"))
	if len(all) != 2 || len(diff) != 1 || diff[0] != "orm" {
		t.Errorf("all = %v, diff only = %v", all, diff)
	}
	doc := page(t, r, "/compare/flask-vs-django")
	if got := doc.Find("tr#csrf td.verdict").Text(); got != "Tie" {
		t.Errorf("the tie reads %q", got)
	}
	if got := doc.Find("tr#csrf td.verdict").AttrOr("class", ""); got != "verdict verdict-tie" {
		t.Errorf("the tie's class is %q", got)
	}
	// ?wins= lists the rows a side wins, in any case (a side that is not one is a 400:
	// TestParseFilterProblems).
	for _, tt := range []struct{ query, rows string }{
		{"wins=django", "orm"},
		{"wins=tie", "csrf"},
		{"wins=flask", ""},
		{"wins=+Django+", "orm"},
		{"wins=tie&diff=1", ""},
		{"wins=django&cat=security", ""},
		{"wins=", "orm,csrf"},
	} {
		doc := filtered(t, r, tt.query)
		if got := strings.Join(rowIDs(doc), ","); got != tt.rows {
			t.Errorf("%s: rows %q; want %q", tt.query, got, tt.rows)
		}
	}
	doc = filtered(t, r, "wins=tie")
	if _, checked := doc.Find(`input[name=wins][value=tie]`).Attr("checked"); !checked {
		t.Error("the form does not keep wins=tie")
	}
	if _, current := doc.Find(`.tally a[href="/compare/flask-vs-django?wins=tie#rows"]`).Attr("aria-current"); !current {
		t.Error("the tally does not mark the side listed")
	}
}

// TestTableFilters: the table of every subject takes ?cat, ?diff and ?wins too; wins= a
// subject lists the rows it wins in at least one of its pairs, wins=tie those every pair
// ties. The fixture: orm is django, tie, django; csrf is django, flask, django.
func TestTableFilters(t *testing.T) {
	r := newRenderer(t, sitetest.ThreeFS(), Config{})
	table := r.Site().Table("flask-vs-django-vs-fastapi")
	for _, tt := range []struct{ query, rows string }{
		{"", "orm,csrf"},
		{"wins=flask", "csrf"},
		{"wins=django", "orm,csrf"},
		{"wins=fastapi", ""},
		{"wins=tie", ""},
		{"diff=1", "orm,csrf"},
		{"cat=apis&wins=django", "csrf"},
		{"q=SQLModel", "orm"},
		{"q=Neither+ships", "orm"}, // a pair's summary
	} {
		doc := filteredView(t, r, table, tt.query)
		if got := strings.Join(rowIDs(doc), ","); got != tt.rows {
			t.Errorf("%s: rows %q; want %q", tt.query, got, tt.rows)
		}
		if doc.Find(".pair-glances > li").Length() != 3 {
			t.Errorf("%s: the view does not open on the three pairs' tallies", tt.query)
		}
	}
}

func TestShippedComparisonTable(t *testing.T) {
	r := shippedRenderer(t)
	c := r.Site().Comparison("flask-vs-django")
	doc := page(t, r, c.Path())
	if got := len(rowIDs(doc)); got != len(c.Rows) {
		t.Errorf("the table has %d rows, the content %d", got, len(c.Rows))
	}
	if got := doc.Find("table.matrix tbody").Length(); got != len(c.Categories) {
		t.Errorf("the table has %d groups, the content %d categories", got, len(c.Categories))
	}
	if got := doc.Find(`th[scope=rowgroup]`).First().AttrOr("colspan", ""); got != "4" {
		t.Errorf("a category heading spans %q columns, want 4", got)
	}
}
