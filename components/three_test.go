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
	doc := renderHTML(t, Comparison(NewTablePage(f, f.Site.Tables[0])))
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
		!strings.Contains(orm.Find("ul.pair-verdicts").Text(), "Django vs FastAPI: Django") {
		t.Errorf("pair verdicts = %q", orm.Find("ul.pair-verdicts").Text())
	}
	if doc.Find(".filter-box").Length() != 0 {
		t.Error("the table page offers a filter it cannot apply")
	}
	if got := strings.Join(strings.Fields(doc.Find("header p.meta").Text()), " "); got != "This comparison covers Flask 3.1, Django 5.2 LTS and FastAPI 0.165. Reviewed 1 December 2026." {
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
	var related []string
	doc.Find("nav.related-pairs a").Each(func(_ int, a *goquery.Selection) { related = append(related, a.AttrOr("href", "")) })
	if strings.Join(related, " ") != "/compare/flask-vs-django /compare/django-vs-fastapi /compare/flask-vs-django-vs-fastapi" {
		t.Errorf("related = %v", related)
	}
	form := doc.Find(`form.pair-picker[method=get][action="/compare"]`)
	if form.Find(`select[name=a] option[selected]`).AttrOr("value", "") != "flask" || form.Find(`select[name=b] option[selected]`).AttrOr("value", "") != "fastapi" ||
		form.Find(`select[name=b] option`).Length() != 3 || form.Find(`label[for=pick-a]`).Length() != 1 {
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
	doc := renderHTML(t, Pick(NewPickPage(f, "django", "django", "Pick two different frameworks.")))
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
