package components

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
)

func TestGuide(t *testing.T) {
	p := GuidePage{
		Shell: testShell("/guides/start-here"), Title: "Start here", Summary: "Where to begin.",
		ReadingMinutes: 7, Reviewed: "1 November 2026",
		TOC:  []Heading{{Level: 2, ID: "first", Text: "First"}, {Level: 3, ID: "detail", Text: "Detail"}},
		Body: templ.Raw(`<h2 id="first">First</h2>`),
	}
	doc := renderHTML(t, Guide(p))
	if got := doc.Find(".page-header .meta").Text(); got != "7 minute read · Reviewed 1 November 2026" {
		t.Errorf("meta = %q", got)
	}
	var toc []string
	doc.Find("nav.toc li").Each(func(_ int, s *goquery.Selection) {
		toc = append(toc, s.AttrOr("class", "")+" "+s.Find("a").AttrOr("href", ""))
	})
	if strings.Join(toc, ", ") != "toc-level-2 #first, toc-level-3 #detail" {
		t.Errorf("toc = %v", toc)
	}
	if doc.Find(".sources").Length() != 0 {
		t.Error("sources shown without any")
	}
	p.TOC = nil
	p.ReadingMinutes = 1
	doc = renderHTML(t, Guide(p))
	if doc.Find("nav.toc").Length() != 0 {
		t.Error("a table of contents without headings")
	}
	if !strings.HasPrefix(doc.Find(".page-header .meta").Text(), "1 minute read ·") {
		t.Errorf("one minute reads %q", doc.Find(".page-header .meta").Text())
	}
}

func TestGuidesIndex(t *testing.T) {
	doc := renderHTML(t, GuidesIndex(GuidesIndexPage{
		Shell:  testShell("/guides"),
		Guides: []GuideSummary{{Title: "A", URL: "/guides/a", Summary: "About A.", ReadingMinutes: 3}, {Title: "B", URL: "/guides/b", ReadingMinutes: 1}},
	}))
	cards := doc.Find("ul.cards li.card")
	if cards.Length() != 2 || cards.First().Find(`h2 a[href="/guides/a"]`).Text() != "A" || cards.First().Find(".meta").Text() != "3 minute read" {
		t.Errorf("cards = %q", cards.Text())
	}
}

func TestNewGuidePages(t *testing.T) {
	f := testFrame(t)
	g := f.Site.Guide("start-here")
	p := NewGuidePage(f, g)
	if p.Title != "Start here" || p.Summary != "Where to begin." || p.ReadingMinutes != 1 || p.Reviewed != "1 November 2026" {
		t.Errorf("page = %+v", p)
	}
	if len(p.TOC) != 1 || p.TOC[0] != (Heading{Level: 2, ID: "first-steps", Text: "First steps"}) {
		t.Errorf("toc = %+v", p.TOC)
	}
	ld := p.Shell.Meta.JSONLD.(map[string]any)
	if ld["@type"] != "Article" || ld["dateModified"] != "2026-11-01" || ld["url"] != "https://versus.example/guides/start-here" || ld["wordCount"] != g.Words {
		t.Errorf("JSON-LD = %v", ld)
	}
	if p.Shell.Meta.OGType != "article" {
		t.Error("a guide is not an article")
	}
	index := NewGuidesIndexPage(f)
	if index.Shell.Meta.Canonical != "https://versus.example/guides" || len(index.Guides) != 1 || index.Guides[0] != (GuideSummary{Title: "Start here", URL: "/guides/start-here", Summary: "Where to begin.", ReadingMinutes: 1}) {
		t.Errorf("index = %+v", index)
	}
}
