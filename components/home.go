package components

import "github.com/versus-dev/versus/web/site"

// HomePage is the site's front page.
type HomePage struct {
	Shell       Shell
	Picker      Picker
	Tables      []TableSummary      // the tables of three subjects or more
	Comparisons []ComparisonSummary // every pair, in declared order
	Guides      []GuideSummary
	Frameworks  []Link
}

// TableSummary is a table of three subjects or more as listed on the home page.
type TableSummary struct {
	Title  string
	URL    string
	Choose string // its decision helper; "" when there is none
}

// ComparisonSummary is a comparison as listed on the home page.
type ComparisonSummary struct {
	Title      string
	URL        string
	Summary    string
	Glance     Glance // its tally and the way into its decision helper
	Highlights []Row
}

// maxHighlights is how many rows the home page suggests starting with, per comparison.
const maxHighlights = 6

// NewHomePage returns the front page: each comparison with its tally, its decision helper
// and the first row of each category as a highlight, then the guides and the profiles.
func NewHomePage(f Frame) HomePage {
	p := HomePage{Shell: f.Shell(site.HomePath, f.SiteName, "Web frameworks compared row by row, with sources and code that runs: Flask vs Django and more.")}
	p.Shell.Meta.JSONLD = map[string]any{
		"@context": "https://schema.org",
		"@type":    "WebSite",
		"name":     f.SiteName,
		"url":      f.AbsoluteURL(site.HomePath),
	}
	p.Picker = NewPicker(f.Site, "", "")
	var pairs []*site.Comparison
	for _, t := range f.Site.Tables {
		if t.IsTable() {
			ts := TableSummary{Title: t.Title, URL: t.Path()}
			if t.Choose != nil {
				ts.Choose = t.ChoosePath()
			}
			p.Tables = append(p.Tables, ts)
		}
		pairs = append(pairs, t.Pairs...)
	}
	for _, c := range pairs {
		cs := ComparisonSummary{Title: c.Title, URL: c.Path(), Summary: c.Summary, Glance: newGlance(c)}
		for _, cat := range c.Categories {
			if len(cat.Rows) > 0 && len(cs.Highlights) < maxHighlights {
				cs.Highlights = append(cs.Highlights, newRow(cat.Rows[0]))
			}
		}
		p.Comparisons = append(p.Comparisons, cs)
	}
	p.Guides = newGuideSummaries(f.Site.Guides)
	for _, fw := range f.Site.Frameworks {
		p.Frameworks = append(p.Frameworks, Link{Title: fw.Title, URL: fw.Path()})
	}
	return p
}
