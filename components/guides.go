package components

import (
	"strconv"
	"time"

	"github.com/a-h/templ"

	"github.com/versus-dev/versus/web/site"
)

// GuidesIndexPage lists every guide.
type GuidesIndexPage struct {
	Shell  Shell
	Guides []GuideSummary
}

// GuideSummary is a guide in a list.
type GuideSummary struct {
	Title          string
	URL            string
	Summary        string
	ReadingMinutes int
}

// GuidePage is a long-form article.
type GuidePage struct {
	Shell          Shell
	Title          string
	Summary        string
	ReadingMinutes int
	Reviewed       string
	TOC            []Heading
	Body           templ.Component
	Sources        []Source
}

// Heading is an entry of a table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// NewGuidesIndexPage returns the list of the site's guides.
func NewGuidesIndexPage(f Frame) GuidesIndexPage {
	return GuidesIndexPage{
		Shell:  f.Shell(site.GuidesPath, "Guides", "Long-form guides on choosing and using Python web frameworks."),
		Guides: newGuideSummaries(f.Site.Guides),
	}
}

func newGuideSummaries(guides []*site.Guide) []GuideSummary {
	var out []GuideSummary
	for _, g := range guides {
		out = append(out, GuideSummary{Title: g.Title, URL: g.Path(), Summary: g.Summary, ReadingMinutes: g.ReadingMinutes()})
	}
	return out
}

// NewGuidePage returns the page of g; its table of contents lists the level-2 and
// level-3 headings.
func NewGuidePage(f Frame, g *site.Guide) GuidePage {
	p := GuidePage{
		Shell:          f.Shell(g.Path(), g.Title, g.Summary),
		Title:          g.Title,
		Summary:        g.Summary,
		ReadingMinutes: g.ReadingMinutes(),
		Reviewed:       date(g.Reviewed),
		Body:           templ.Raw(string(g.Body.HTML)),
		Sources:        newSources(g.Sources),
	}
	p.Shell.Meta.OGType = "article"
	p.Shell.Meta.JSONLD = map[string]any{
		"@context":     "https://schema.org",
		"@type":        "Article",
		"headline":     g.Title,
		"description":  g.Summary,
		"dateModified": g.Reviewed.Format(time.DateOnly),
		"url":          f.AbsoluteURL(g.Path()),
		"wordCount":    g.Words,
		"publisher":    map[string]any{"@type": "Organization", "name": f.SiteName},
	}
	for _, h := range g.Body.Headings {
		if h.Level == 2 || h.Level == 3 {
			p.TOC = append(p.TOC, Heading{Level: h.Level, ID: h.ID, Text: h.Text})
		}
	}
	return p
}

// minutes is a reading time: "1 minute read", "12 minute read".
func minutes(n int) string {
	if n == 1 {
		return "1 minute read"
	}
	return strconv.Itoa(n) + " minute read"
}
