package pages

import (
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func TestEveryPageHasAPreviewCard(t *testing.T) {
	r := newRenderer(t, sitetest.ThreeFS(), Config{SiteName: "Compared"})
	set := r.Previews()
	cards := map[string]string{ // image path → what its card is titled
		"/preview/index.png":                              "",
		"/preview/compare/flask-vs-django.png":            "Flask vs Django",
		"/preview/compare/flask-vs-django/orm.png":        "ORM",
		"/preview/compare/flask-vs-django-vs-fastapi.png": "Flask vs Django vs FastAPI",
		"/preview/compare.png":                            "Compare frameworks",
		"/preview/search.png":                             "Search",
		"/preview/errors/404.png":                         "Page not found",
		"/preview/errors/500.png":                         "Internal Server Error",
	}
	for path, title := range cards {
		card, ok := set[path]
		if !ok {
			t.Errorf("no card for %s", path)
			continue
		}
		if title != "" && card.Title != title {
			t.Errorf("%s: titled %q, want %q", path, card.Title, title)
		}
		if card.Site != "Compared" || card.Alt == "" {
			t.Errorf("%s: site %q, alt %q", path, card.Site, card.Alt)
		}
	}
	if home := set["/preview/index.png"]; home.Kind != "" || home.Title == "" || home.Title == "Compared" {
		t.Errorf("the home page's card repeats the site's name or has no title: %+v", home)
	}
	for path, card := range set {
		if card.Kind == "Decision helper" && (card.Title != "Which should I choose?" || card.Kicker == "") {
			t.Errorf("%s: a decision helper titled %q under %q", path, card.Title, card.Kicker)
		}
	}
	// Every pre-rendered page's image has a card (build.Site also refuses a page without).
	pages, err := r.All(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if _, ok := set[site.PreviewPath(p.Path)]; p.ContentType == HTMLType && !ok {
			t.Errorf("no preview card for the page %s", p.Path)
		}
	}
}

// BenchmarkPreviewCards measures making every card of the shipped site, part of start-up:
// go test ./web/pages -run '^$' -bench PreviewCards -benchmem
func BenchmarkPreviewCards(b *testing.B) {
	r := newRenderer(b, content.FS, Config{})
	for b.Loop() {
		if _, err := r.previews(); err != nil {
			b.Fatal(err)
		}
	}
}
