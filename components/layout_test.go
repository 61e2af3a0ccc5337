package components

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/web/preview"
)

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

func TestLayoutMetadata(t *testing.T) {
	s := Shell{
		SiteName: "Versus",
		Meta: Meta{
			Title: "ORM", Description: "Both ORMs.", Canonical: "https://versus.example/compare/flask-vs-django/orm",
			NoIndex: true, OGType: "article", JSONLD: map[string]any{"@type": "Thing", "name": "</script>"},
			Alternates: []Alternate{{Type: "application/json", Href: "/orm.json", Title: "ORM as JSON"}},
			Image: Image{
				URL: "https://versus.example/preview/compare/flask-vs-django/orm.png", Type: "image/png",
				Width: 1200, Height: 630, Alt: "Flask vs Django, ORM: Django is the better fit.",
			},
		},
		Assets: testAssets,
	}
	doc := renderHTML(t, Layout(s))
	head := doc.Find("head")
	attr := func(sel, name string) string { return head.Find(sel).AttrOr(name, "") }
	checks := []struct{ got, want string }{
		{attr(`meta[name=description]`, "content"), "Both ORMs."},
		{attr(`link[rel=canonical]`, "href"), "https://versus.example/compare/flask-vs-django/orm"},
		{attr(`meta[name=robots]`, "content"), "noindex"},
		{attr(`meta[property="og:type"]`, "content"), "article"},
		{attr(`meta[property="og:title"]`, "content"), "ORM · Versus"},
		{attr(`meta[property="og:url"]`, "content"), "https://versus.example/compare/flask-vs-django/orm"},
		{attr(`meta[property="og:site_name"]`, "content"), "Versus"},
		{attr(`meta[name="twitter:description"]`, "content"), "Both ORMs."},
		{attr(`meta[property="og:image"]`, "content"), "https://versus.example/preview/compare/flask-vs-django/orm.png"},
		{attr(`meta[property="og:image:type"]`, "content"), "image/png"},
		{attr(`meta[property="og:image:width"]`, "content"), "1200"},
		{attr(`meta[property="og:image:height"]`, "content"), "630"},
		{attr(`meta[property="og:image:alt"]`, "content"), "Flask vs Django, ORM: Django is the better fit."},
		{attr(`meta[name="twitter:card"]`, "content"), "summary_large_image"},
		{attr(`meta[name="twitter:image"]`, "content"), "https://versus.example/preview/compare/flask-vs-django/orm.png"},
		{attr(`meta[name="twitter:image:alt"]`, "content"), "Flask vs Django, ORM: Django is the better fit."},
		{attr(`link[rel=alternate][type="application/json"]`, "href"), "/orm.json"},
		{attr(`link[rel=alternate][type="application/json"]`, "title"), "ORM as JSON"},
		{attr(`link[rel=alternate][type="application/atom+xml"]`, "href"), "/feed.xml"},
		{attr(`link[rel=alternate][type="application/atom+xml"]`, "title"), "Versus updates"},
		{attr(`link[rel=search]`, "href"), "/opensearch.xml"},
		{attr(`link[rel=icon]`, "href"), "/static/icon.svg"},
		{attr(`script[defer]`, "src"), "/static/site.js"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	var sheets []string
	head.Find(`link[rel=stylesheet]`).Each(func(_ int, l *goquery.Selection) { sheets = append(sheets, l.AttrOr("href", "")) })
	if strings.Join(sheets, " ") != "/static/site.css /static/chroma.css" {
		t.Errorf("stylesheets = %v", sheets)
	}
	// The theme script runs first thing in the body, before anything paints.
	if doc.Find("body").Children().First().AttrOr("src", "") != "/static/theme.js" {
		t.Error("the theme script is not the body's first element")
	}
	var ld map[string]string
	if err := json.Unmarshal([]byte(head.Find(`script[type="application/ld+json"]`).Text()), &ld); err != nil || ld["name"] != "</script>" {
		t.Errorf("JSON-LD = %v, %v", ld, err)
	}
	if strings.Contains(head.Find(`script[type="application/ld+json"]`).Text(), "</script>") {
		t.Error("JSON-LD is not escaped")
	}
	if doc.Find(`a.brand[href="/"]`).Text() != "Versus" {
		t.Error("the brand does not link home")
	}
	if doc.Find(`header form.site-search[action="/search"] input[name=q]`).Length() != 1 {
		t.Error("no search box in the header")
	}

	// Without the optional parts: indexable, a website, no icon, script or structured data.
	plain := renderHTML(t, Layout(Shell{SiteName: "Versus", Meta: Meta{Title: "Versus"}, Assets: Assets{CSS: "/a.css", ChromaCSS: "/b.css"}}))
	if plain.Find("title").Text() != "Versus" {
		t.Errorf("a page titled like the site is titled %q", plain.Find("title").Text())
	}
	if plain.Find(`meta[property="og:type"]`).AttrOr("content", "") != "website" {
		t.Error("og:type does not default to website")
	}
	if n := plain.Find(`meta[name=robots], link[rel=icon], script, link[rel=alternate][type="application/json"], meta[property^="og:image"], meta[name="twitter:image"]`).Length(); n != 0 {
		t.Errorf("%d optional elements rendered without data", n)
	}
	if plain.Find(`meta[name="twitter:card"]`).AttrOr("content", "") != "summary" {
		t.Error("a page without an image is not a summary card")
	}
}

func TestNavigationMarksTheCurrentSection(t *testing.T) {
	nav := []NavLink{{"Home", "/"}, {"Flask vs Django", "/compare/flask-vs-django"}, {"Guides", "/guides"}}
	tests := []struct{ path, current string }{
		{"/", "Home"},
		{"/compare/flask-vs-django", "Flask vs Django"},
		{"/compare/flask-vs-django/orm", "Flask vs Django"},
		{"/guides/start-here", "Guides"},
		{"/guidesx", ""},
		{"/search", ""},
	}
	for _, tt := range tests {
		doc := renderHTML(t, Layout(Shell{SiteName: "Versus", Meta: Meta{Path: tt.path}, Nav: nav}))
		if got := doc.Find(`nav[aria-label=Main] a[aria-current=page]`).Text(); got != tt.current {
			t.Errorf("%s: current entry %q, want %q", tt.path, got, tt.current)
		}
	}
}

func TestFrame(t *testing.T) {
	f := testFrame(t)
	var nav []string
	for _, n := range f.Nav {
		nav = append(nav, n.Title+" "+n.URL)
	}
	if got := strings.Join(nav, ", "); got != "Home /, Flask vs Django /compare/flask-vs-django, Guides /guides, Flask /frameworks/flask" {
		t.Errorf("nav = %s", got)
	}
	s := f.Shell("/guides", "Guides", "All of them.")
	if s.SiteName != "Versus" || s.Meta.Canonical != "https://versus.example/guides" || s.Meta.Path != "/guides" || s.Meta.Description != "All of them." || s.Assets != testAssets {
		t.Errorf("shell = %+v", s)
	}
	if s.Meta.Image != (Image{}) {
		t.Errorf("a frame without preview cards gives the page an image: %+v", s.Meta.Image)
	}
	f.Previews = preview.Set{"/preview/guides.png": {Title: "Guides", Alt: "Versus, guides."}}
	if img := f.Shell("/guides", "Guides", "").Meta.Image; img != (Image{URL: "https://versus.example/preview/guides.png", Type: "image/png", Width: 1200, Height: 630, Alt: "Versus, guides."}) {
		t.Errorf("image = %+v", img)
	}
	if img := NewErrorPage(f, 404, "/guides", "", nil).Shell.Meta.Image; img.URL != "" {
		t.Errorf("the 404 page shows %s, which has no card", img.URL)
	}
	f.Previews["/preview/errors/404.png"] = preview.Card{Alt: "Page not found."}
	if img := NewErrorPage(f, 404, "/guides", "", nil).Shell.Meta.Image; img.URL != "https://versus.example/preview/errors/404.png" {
		t.Errorf("the 404 page at /guides shows %q, not the 404 image", img.URL)
	}
	base, _ := url.Parse("https://example.org/sub")
	f.Base = base
	if got := f.AbsoluteURL("/compare/flask-vs-django"); got != "https://example.org/sub/compare/flask-vs-django" {
		t.Errorf("under a base path: %q", got)
	}
	if got := f.AbsoluteURL("/"); got != "https://example.org/sub/" {
		t.Errorf("home under a base path: %q", got)
	}
}

func TestFormatting(t *testing.T) {
	if got := date(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)); got != "1 November 2026" {
		t.Errorf("date = %q", got)
	}
	for n, want := range map[int]string{0: "0 ties", 1: "1 tie", 2: "2 ties"} {
		if got := count(n, "tie", "ties"); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSourcesAndLegend(t *testing.T) {
	if renderHTML(t, Sources(nil)).Find("section").Length() != 0 || renderHTML(t, LegendBox(Legend{})).Find("details").Length() != 0 {
		t.Error("an empty list renders a section")
	}
	doc := renderHTML(t, Sources([]Source{{Title: "Django docs", URL: "https://docs.djangoproject.com/", Read: "1 November 2026"}}))
	if doc.Find(`.sources a[href="https://docs.djangoproject.com/"]`).Text() != "Django docs" || doc.Find(".read").Text() != "(read 1 November 2026)" {
		t.Errorf("sources = %q", doc.Text())
	}
	s := testSite(t)
	orm := s.Comparison("flask-vs-django").Row("orm")
	if got := newSources(orm.Sources); len(got) != 1 || got[0].Read != "1 November 2026" || got[0].URL != orm.Sources[0].URL {
		t.Errorf("newSources = %+v", got)
	}
	c := s.Comparison("flask-vs-django")
	legend := newLegend(c, c.Rows)
	if items := legend.Items; len(items) != 2 || items[0].Support != "builtin" || items[1].Support != "extension" || legend.Traits {
		t.Errorf("legend = %+v, want built in, then extension, and no traits", legend)
	}
	doc = renderHTML(t, LegendBox(legend))
	if doc.Find("dt .support-builtin").Text() != "Built in" || doc.Find("dd").First().Text() == "" {
		t.Errorf("legend = %q", doc.Text())
	}
	// Each label is explained once, and an explanation does not repeat its label.
	seen := map[string]bool{}
	doc.Find(".legend dl > div").Each(func(_ int, d *goquery.Selection) {
		label, text := strings.TrimSpace(d.Find("dt").Text()), d.Find("dd").Text()
		if seen[label] || strings.HasPrefix(strings.ToLower(text), strings.ToLower(label)) {
			t.Errorf("legend entry %q: %q", label, text)
		}
		seen[label] = true
	})
	if renderHTML(t, LegendBox(Legend{Traits: true})).Find(".legend dt").First().Text() != "No label" {
		t.Error("the legend does not say that trait rows carry no label")
	}
}
