package components

import (
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

// threeFrame is the frame of the three-subject fixture (Flask, Django, FastAPI).
func threeFrame(t *testing.T) Frame {
	t.Helper()
	s, err := site.Load(sitetest.ThreeFS())
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://versus.example")
	return NewFrame(s, "Versus", base, testAssets)
}

func TestTablePageHasEveryCellAndEachPairsVerdict(t *testing.T) {
	f := threeFrame(t)
	table := f.Site.Tables[0]
	doc := renderHTML(t, Comparison(NewComparisonPage(f, table, NewFilterView(table, nil, "", false, "", false, nil), func(*site.Row) bool { return true })))
	if got := doc.Find("table.matrix thead th").Length(); got != 4 {
		t.Errorf("%d column headers, want the feature and three subjects", got)
	}
	if got := doc.Find("tr.category-row th").First().AttrOr("colspan", ""); got != "4" {
		t.Errorf("category heading spans %s columns", got)
	}
	orm := doc.Find("tr#orm")
	if got := orm.Find("td[data-label]").Length(); got != 3 {
		t.Errorf("the orm row has %d cells, want three subjects", got)
	}
	if orm.Find(`th ul.pair-verdicts a[href="/compare/flask-vs-fastapi/orm"]`).Text() != "Flask vs FastAPI" ||
		!strings.Contains(orm.Find("ul.pair-verdicts").Text(), "Django vs FastAPI: Django. Django ships an ORM; FastAPI does not.") {
		t.Errorf("pair verdicts = %q", orm.Find("ul.pair-verdicts").Text())
	}
	// Each pair's verdict is in its data; the cells say whom they are the better fit than.
	var verdicts []string
	orm.Find("ul.pair-verdicts li").Each(func(_ int, li *goquery.Selection) {
		verdicts = append(verdicts, li.AttrOr("data-pair", "")+"="+li.AttrOr("data-verdict", ""))
	})
	if strings.Join(verdicts, " ") != "flask-vs-django=django flask-vs-fastapi=tie django-vs-fastapi=django" {
		t.Errorf("pair verdicts' data = %v", verdicts)
	}
	if _, ok := orm.Attr("data-verdict"); ok {
		t.Error("a row of the table carries one verdict")
	}
	if got := orm.Find("td.win .win-label").Text(); got != "Better fit than Flask and FastAPI" || orm.Find("td.win").AttrOr("data-label", "") != "Django" {
		t.Errorf("win labels = %q", got)
	}
	if doc.Find(`.filter-box input[name=wins][value=fastapi]`).Length() != 1 {
		t.Error("the table page offers no ?wins filter")
	}
	// The first screen shows each pair's tally and the helper of all three.
	var pairs []string
	doc.Find(".pair-glances > li").Each(func(_ int, li *goquery.Selection) {
		sides := []string{li.Find("h3 a").AttrOr("href", "")}
		li.Find(".tally li").Each(func(_ int, side *goquery.Selection) {
			sides = append(sides, strings.Join(strings.Fields(side.Text()), " "))
		})
		pairs = append(pairs, strings.Join(sides, " "))
	})
	if strings.Join(pairs, "; ") != "/compare/flask-vs-django 0 rows favour Flask 0 ties 2 rows favour Django; "+
		"/compare/flask-vs-fastapi 1 row favours Flask 1 tie 0 rows favour FastAPI; "+
		"/compare/django-vs-fastapi 2 rows favour Django 0 ties 0 rows favour FastAPI" {
		t.Errorf("pair tallies = %v", pairs)
	}
	if doc.Find(`.glance-choose a[href="/compare/flask-vs-django-vs-fastapi/choose"]`).Length() != 1 && table.Choose != nil {
		t.Error("the helper of all three is not linked")
	}
	if doc.Find(`link[rel=alternate][type="application/json"]`).AttrOr("href", "") != "/compare/flask-vs-django-vs-fastapi.json" {
		t.Error("the table's JSON twin is not announced")
	}
	if got := strings.Join(strings.Fields(doc.Find("header p.meta").Text()), " "); got != "This comparison covers Flask 3.1, Django 5.2 LTS and FastAPI 0.165. Reviewed 1 December 2026. Also as JSON and CSV." {
		t.Errorf("meta = %q", got)
	}
	if doc.Find(`nav.related-pairs a[href="/compare/flask-vs-django"]`).Length() != 1 || doc.Find("nav.related-pairs li").Length() != 3 {
		t.Errorf("related = %q", doc.Find("nav.related-pairs").Text())
	}
}

func TestPairPageLinksTheOtherPairsAndPicker(t *testing.T) {
	f := threeFrame(t)
	c := f.Site.Comparison("flask-vs-fastapi")
	doc := renderHTML(t, Comparison(NewComparisonPage(f, c, FilterView{Action: c.Path()}, func(*site.Row) bool { return true })))
	if got := doc.Find("nav.related-pairs a").Last().Text(); got != "All three" {
		t.Errorf("the table is linked as %q", got)
	}
	var related []string
	doc.Find("nav.related-pairs a").Each(func(_ int, a *goquery.Selection) { related = append(related, a.AttrOr("href", "")) })
	if strings.Join(related, " ") != "/compare/flask-vs-django /compare/django-vs-fastapi /compare/flask-vs-django-vs-fastapi" {
		t.Errorf("related = %v", related)
	}
	form := doc.Find(`form.pair-picker[method=get][action="/compare"]`)
	if form.Find(`select[name=a] option[selected]`).AttrOr("value", "") != "flask" || form.Find(`select[name=b] option[selected]`).AttrOr("value", "") != "fastapi" ||
		form.Find(`select[name=b] option`).Length() != 3 || form.Find(`label[for=pick-a]`).Length() != 1 ||
		form.Find(`select[name=c] option[selected]`).AttrOr("value", "x") != "" || form.Find(`label[for=pick-c]`).Length() != 1 {
		t.Errorf("picker = %q", form.Text())
	}
	if got := strings.Join(strings.Fields(doc.Find("header p.meta").Text()), " "); !strings.HasPrefix(got, "This comparison covers Flask 3.1 and FastAPI 0.165.") {
		t.Errorf("meta = %q", got)
	}
}

func TestRowPageNamesVersionsAndOtherPairs(t *testing.T) {
	f := threeFrame(t)
	row := f.Site.Comparison("django-vs-fastapi").Row("csrf")
	p := NewRowPage(f, row, "", "")
	if p.Checked != "Checked against Django 5.2 LTS and FastAPI 0.165 on 3 December 2026." {
		t.Errorf("checked = %q", p.Checked)
	}
	doc := renderHTML(t, RowDetail(p))
	var links []string
	doc.Find("nav.other-pairs a").Each(func(_ int, a *goquery.Selection) { links = append(links, a.AttrOr("href", "")+" "+a.Text()) })
	if strings.Join(links, "; ") != "/compare/flask-vs-django/csrf CSRF protection: Flask vs Django; /compare/flask-vs-fastapi/csrf CSRF protection: Flask vs FastAPI" {
		t.Errorf("other pairs = %v", links)
	}
}

func TestPickPage(t *testing.T) {
	f := threeFrame(t)
	doc := renderHTML(t, Pick(NewPickPage(f, "django", "django", "", "Pick two different frameworks.")))
	if doc.Find("[role=alert]").Text() != "Pick two different frameworks." || doc.Find("form.pair-picker").Length() != 1 {
		t.Error("the problem or the picker is missing")
	}
	if got := doc.Find("article.pick ul li").Length(); got != 4 {
		t.Errorf("%d comparisons listed, want three pairs and the table", got)
	}
	if renderHTML(t, PairPicker(NewPicker(testFrame(t).Site, "", ""))).Find("form").Length() != 0 {
		t.Error("a site with one pair shows a picker")
	}
}

func TestThreeWayHelperNamesItsSubjects(t *testing.T) {
	if got := subjectNames(threeFrame(t).Site.Tables[0]); got != "Flask, Django and FastAPI" {
		t.Errorf("subject names = %q", got)
	}
	if got := subjectNames(testFrame(t).Site.Comparisons[0]); got != "Flask and Django" {
		t.Errorf("subject names = %q", got)
	}
}
