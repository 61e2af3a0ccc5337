package components

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
)

// TestContentURLsAreSanitised: a URL that comes from content (a profile's links, a page's
// sources) goes through templ's URL sanitising, so a scheme that runs code is never
// rendered, even if it got past the content checks.
func TestContentURLsAreSanitised(t *testing.T) {
	const evil = "javascript://host/%0Aalert(1)"
	for name, c := range map[string]templ.Component{
		"profile link": Framework(FrameworkPage{
			Shell: testShell("/frameworks/flask"), Title: "Flask", Body: templ.Raw(""),
			Links: []Link{{Title: "Evil", URL: evil}, {Title: "Docs", URL: "https://flask.palletsprojects.com/"}},
		}),
		"source": Sources([]Source{{Title: "Evil", URL: evil, Read: "1 November 2026"}, {Title: "Docs", URL: "https://flask.palletsprojects.com/", Read: "1 November 2026"}}),
	} {
		doc := renderHTML(t, c)
		var hrefs []string
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) { hrefs = append(hrefs, a.AttrOr("href", "")) })
		for _, h := range hrefs {
			if strings.Contains(strings.ToLower(h), "javascript") {
				t.Errorf("%s: rendered href %q", name, h)
			}
		}
		if doc.Find(`a[href="https://flask.palletsprojects.com/"]`).Length() != 1 {
			t.Errorf("%s: the https link is not rendered as written (hrefs %q)", name, hrefs)
		}
	}
}
