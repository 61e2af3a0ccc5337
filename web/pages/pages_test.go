package pages

import (
	"bytes"
	"context"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/static"
	"github.com/versus-dev/versus/web/assets"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

const testBaseURL = "https://versus.example"

// testAssets are the shipped assets, built once for every test.
var testAssets = sync.OnceValues(func() (*assets.Set, error) { return assets.Build(static.FS) })

func newRenderer(t testing.TB, fsys fs.FS, cfg Config) *Renderer {
	t.Helper()
	s, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	a, err := testAssets()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = testBaseURL
	}
	r, err := New(s, a, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// fixtureRenderer renders the fixture content: one comparison with the rows orm (data)
// and csrf (security), the Flask profile and the guide start-here.
func fixtureRenderer(t testing.TB) *Renderer { return newRenderer(t, sitetest.FS(), Config{}) }

// shippedRenderer renders the shipped content, loaded once for every test.
func shippedRenderer(t testing.TB) *Renderer {
	t.Helper()
	s, err := shippedSite()
	if err != nil {
		t.Fatal(err)
	}
	a, err := testAssets()
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(s, a, Config{BaseURL: testBaseURL})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

var shippedSite = sync.OnceValues(func() (*site.Site, error) { return site.Load(content.FS) })

// fixtureWithTie is the fixture content with the csrf row's verdict changed to a tie.
func fixtureWithTie() fstest.MapFS {
	fsys := sitetest.FS()
	const file = "comparisons/flask-vs-django/rows/csrf.md"
	fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[file].Data), "verdict: django", "verdict: tie", 1))}
	return fsys
}

// renderAll renders every pre-rendered page of r, by path.
func renderAll(t testing.TB, r *Renderer) map[string]Page {
	t.Helper()
	all, err := r.All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]Page, len(all))
	for _, p := range all {
		if _, dup := out[p.Path]; dup {
			t.Errorf("%s is rendered twice", p.Path)
		}
		out[p.Path] = p
	}
	return out
}

func parse(t testing.TB, body []byte) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// page renders every page of r and parses the one at path.
func page(t testing.TB, r *Renderer, path string) *goquery.Document {
	t.Helper()
	p, ok := renderAll(t, r)[path]
	if !ok {
		t.Fatalf("no page at %s", path)
	}
	return parse(t, p.Body)
}

func TestEveryPageType(t *testing.T) {
	pages := renderAll(t, fixtureRenderer(t))
	tests := []struct{ path, title, canonical string }{
		{"/", "Versus", "https://versus.example/"},
		{"/compare/flask-vs-django", "Flask vs Django · Versus", "https://versus.example/compare/flask-vs-django"},
		{"/compare/flask-vs-django/orm", "ORM: Flask vs Django · Versus", "https://versus.example/compare/flask-vs-django/orm"},
		{"/guides", "Guides · Versus", "https://versus.example/guides"},
		{"/guides/start-here", "Start here · Versus", "https://versus.example/guides/start-here"},
		{"/frameworks/flask", "Flask · Versus", "https://versus.example/frameworks/flask"},
		{"/search", "Search · Versus", "https://versus.example/search"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			p, ok := pages[tt.path]
			if !ok {
				t.Fatal("not rendered")
			}
			if p.ContentType != HTMLType {
				t.Errorf("content type = %q", p.ContentType)
			}
			doc := parse(t, p.Body)
			if got := doc.Find("title").Text(); got != tt.title {
				t.Errorf("title = %q, want %q", got, tt.title)
			}
			if got, _ := doc.Find(`link[rel=canonical]`).Attr("href"); got != tt.canonical {
				t.Errorf("canonical = %q, want %q", got, tt.canonical)
			}
			if got, _ := doc.Find(`meta[name=description]`).Attr("content"); strings.TrimSpace(got) == "" {
				t.Error("empty meta description")
			}
			if doc.Find("h1").Length() != 1 {
				t.Errorf("want exactly one h1, got %d", doc.Find("h1").Length())
			}
			if doc.Find(`meta[name=robots]`).Length() != 0 {
				t.Error("a pre-rendered page is marked noindex")
			}
		})
	}
}

func TestAllRendersEveryPageAndTwin(t *testing.T) {
	pages := renderAll(t, fixtureRenderer(t))
	want := map[string]string{
		"/":                                  HTMLType,
		"/compare/flask-vs-django":           HTMLType,
		"/compare/flask-vs-django.json":      jsonType,
		"/compare/flask-vs-django.csv":       csvType,
		"/compare/flask-vs-django/orm":       HTMLType,
		"/compare/flask-vs-django/orm.json":  jsonType,
		"/compare/flask-vs-django/csrf":      HTMLType,
		"/compare/flask-vs-django/csrf.json": jsonType,
		"/guides":                            HTMLType,
		"/guides/start-here":                 HTMLType,
		"/frameworks/flask":                  HTMLType,
		"/search":                            HTMLType,
		"/sitemap.xml":                       xmlType,
		"/robots.txt":                        textType,
		"/feed.xml":                          atomType,
		"/opensearch.xml":                    "application/opensearchdescription+xml; charset=utf-8",
	}
	for path, ct := range want {
		p, ok := pages[path]
		if !ok {
			t.Errorf("%s is not rendered", path)
			continue
		}
		if p.ContentType != ct {
			t.Errorf("%s: content type %q, want %q", path, p.ContentType, ct)
		}
		if len(p.Body) == 0 {
			t.Errorf("%s is empty", path)
		}
	}
	for path := range pages {
		if _, ok := want[path]; !ok {
			t.Errorf("unexpected page %s", path)
		}
	}
	// The fixture has no choose.yaml, so no decision helper; the shipped content has one.
	if _, ok := renderAll(t, shippedRenderer(t))["/compare/flask-vs-django/choose"]; !ok {
		t.Error("the shipped comparison's decision helper is not rendered")
	}
}

func TestNewConfig(t *testing.T) {
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	a, err := testAssets()
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"versus.example", "/path", "https://", "http://[::1"} {
		if _, err := New(s, a, Config{BaseURL: bad}); err == nil {
			t.Errorf("base URL %q was accepted", bad)
		}
	}
	r, err := New(s, a, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.AbsoluteURL("/guides"); got != "http://localhost:8080/guides" {
		t.Errorf("default base URL gives %q", got)
	}
	if r.Site() != s {
		t.Error("Site does not return the content rendered")
	}
	if title := page(t, r, "/guides").Find("title").Text(); title != "Guides · Versus" {
		t.Errorf("default site name gives the title %q", title)
	}
	sub, err := New(s, a, Config{BaseURL: "https://example.org/versus/", SiteName: "Frameworks"})
	if err != nil {
		t.Fatal(err)
	}
	if got := sub.AbsoluteURL("/compare/flask-vs-django"); got != "https://example.org/versus/compare/flask-vs-django" {
		t.Errorf("base URL with a path gives %q", got)
	}
	home := page(t, sub, "/")
	if home.Find("title").Text() != "Frameworks" || home.Find("a.brand").Text() != "Frameworks" {
		t.Errorf("site name not used: title %q", home.Find("title").Text())
	}
	if got := home.Find(`link[rel=canonical]`).AttrOr("href", ""); got != "https://example.org/versus/" {
		t.Errorf("home canonical = %q", got)
	}
}

func TestEveryPageCarriesSearchAndFeed(t *testing.T) {
	for path, p := range renderAll(t, fixtureRenderer(t)) {
		if p.ContentType != HTMLType {
			continue
		}
		doc := parse(t, p.Body)
		if doc.Find(`header form[role=search][action="/search"] input[name=q]`).Length() != 1 {
			t.Errorf("%s: no search box in the header", path)
		}
		if doc.Find(`link[rel=search][href="/opensearch.xml"]`).Length() != 1 {
			t.Errorf("%s: OpenSearch is not announced", path)
		}
		if doc.Find(`link[rel=alternate][type="application/atom+xml"][href="/feed.xml"]`).Length() != 1 {
			t.Errorf("%s: the feed is not announced", path)
		}
		var hrefs []string
		doc.Find(`link[rel=stylesheet]`).Each(func(_ int, s *goquery.Selection) { hrefs = append(hrefs, s.AttrOr("href", "")) })
		if len(hrefs) != 2 || !strings.HasPrefix(hrefs[0], "/static/css/site.") || !strings.HasPrefix(hrefs[1], "/static/css/chroma.") {
			t.Errorf("%s: stylesheets %v are not the hashed assets", path, hrefs)
		}
	}
}

func TestNavigationMarksTheCurrentSection(t *testing.T) {
	pages := renderAll(t, fixtureRenderer(t))
	tests := []struct{ path, current string }{
		{"/", "Home"},
		{"/compare/flask-vs-django", "Flask vs Django"},
		{"/compare/flask-vs-django/orm", "Flask vs Django"},
		{"/guides", "Guides"},
		{"/guides/start-here", "Guides"},
		{"/frameworks/flask", "Flask"},
		{"/search", ""},
	}
	for _, tt := range tests {
		doc := parse(t, pages[tt.path].Body)
		if got := doc.Find(`nav[aria-label=Main] a[aria-current=page]`).Text(); got != tt.current {
			t.Errorf("%s: current navigation entry %q, want %q", tt.path, got, tt.current)
		}
	}
	var nav []string
	parse(t, pages["/"].Body).Find(`nav[aria-label=Main] a`).Each(func(_ int, s *goquery.Selection) {
		nav = append(nav, s.Text()+" "+s.AttrOr("href", ""))
	})
	if got := strings.Join(nav, ", "); got != "Home /, Flask vs Django /compare/flask-vs-django, Guides /guides, Flask /frameworks/flask" {
		t.Errorf("navigation = %s", got)
	}
}

// TestShippedProfilesLinkTheirComparisons checks that each framework's profile links to
// every comparison of it, pairs and the table, and to their decision helpers.
func TestShippedProfilesLinkTheirComparisons(t *testing.T) {
	pages := renderAll(t, shippedRenderer(t))
	want := map[string][]string{
		"flask":   {"flask-vs-django", "flask-vs-fastapi", "flask-vs-django-vs-fastapi"},
		"django":  {"flask-vs-django", "django-vs-fastapi", "flask-vs-django-vs-fastapi"},
		"fastapi": {"flask-vs-fastapi", "django-vs-fastapi", "flask-vs-django-vs-fastapi"},
	}
	for id, slugs := range want {
		doc := parse(t, pages["/frameworks/"+id].Body)
		var got []string
		doc.Find(".profile-comparisons li").Each(func(_ int, li *goquery.Selection) {
			got = append(got, li.Find("a").Map(func(_ int, a *goquery.Selection) string { return a.AttrOr("href", "") })...)
		})
		var wantHrefs []string
		for _, slug := range slugs {
			wantHrefs = append(wantHrefs, "/compare/"+slug, "/compare/"+slug+"/choose")
		}
		if strings.Join(got, " ") != strings.Join(wantHrefs, " ") {
			t.Errorf("/frameworks/%s links %v\nwant %v", id, got, wantHrefs)
		}
		for _, href := range got {
			if _, ok := pages[href]; !ok {
				t.Errorf("/frameworks/%s links to %s, which is no page", id, href)
			}
		}
	}
}
