package components

import (
	"bytes"
	"context"
	"net/url"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

// Tests of the components render each one with a view model built in the test; tests of
// the constructors build view models from the fixture content (web/site/sitetest).

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

// testChoose is a decision helper over the fixture's rows orm (data) and csrf (security).
const testChoose = `questions:
  - id: size
    text: How big is it?
    help: Count the models.
    answers:
      - id: small
        text: Small
        weights:
          - {row: orm, toward: flask, weight: 3, reason: "Small apps need no ORM."}
      - id: large
        text: Large
        weights:
          - {row: orm, toward: django, weight: 3, reason: "Large apps want the ORM."}
          - {category: security, toward: flask, weight: 2, reason: "Flask's security is enough."}
  - id: team
    text: Who builds it?
    answers:
      - id: new
        text: Newcomers
        weights:
          - {row: csrf, toward: django, weight: 1, reason: "CSRF on by default."}
      - id: even
        text: Either
        weights:
          - {row: csrf, toward: flask, weight: 1, reason: "F."}
          - {row: orm, toward: django, weight: 1, reason: "D."}
`

// testSite is the fixture content with testChoose.
func testSite(t *testing.T) *site.Site {
	t.Helper()
	fsys := sitetest.FS()
	fsys["comparisons/flask-vs-django/choose.yaml"] = &fstest.MapFile{Data: []byte(testChoose)}
	s, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var testAssets = Assets{CSS: "/static/site.css", ChromaCSS: "/static/chroma.css", ThemeJS: "/static/theme.js", JS: "/static/site.js", Icon: "/static/icon.svg"}

// testFrame is the frame of the fixture content, served at https://versus.example.
func testFrame(t *testing.T) Frame {
	t.Helper()
	base, err := url.Parse("https://versus.example")
	if err != nil {
		t.Fatal(err)
	}
	return NewFrame(testSite(t), "Versus", base, testAssets)
}

func testShell(path string) Shell {
	return Shell{SiteName: "Versus", Meta: Meta{Title: "Page", Canonical: "https://versus.example" + path, Path: path}}
}
