package components

import (
	"strconv"
	"strings"

	"github.com/versus-dev/versus/web/site"
)

// HomePage is the site's front page.
type HomePage struct {
	Shell       Shell
	Picker      Picker
	Tables      []Link              // the tables of three subjects or more
	Comparisons []ComparisonSummary // every pair, in declared order
	Guides      []GuideSummary
	Frameworks  []Link
}

// ComparisonSummary is a comparison as listed on the home page.
type ComparisonSummary struct {
	Title      string
	URL        string
	Summary    string
	Verdicts   []VerdictCount // one per subject, then the ties
	Rows       int
	Highlights []Row
}

// VerdictCount says how many rows went to one side (or were ties).
type VerdictCount struct {
	Name  string
	Count int
}

// maxHighlights is how many rows the home page suggests starting with, per comparison.
const maxHighlights = 6

// NewHomePage returns the front page: each comparison with its verdicts counted and the
// first row of each category as a highlight, then the guides and the profiles.
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
			p.Tables = append(p.Tables, Link{Title: t.Title, URL: t.Path()})
		}
		pairs = append(pairs, t.Pairs...)
	}
	for _, c := range pairs {
		cs := ComparisonSummary{
			Title: c.Title, URL: c.Path(), Summary: c.Summary, Rows: len(c.Rows),
		}
		counts := map[string]int{}
		for _, row := range c.Rows {
			counts[row.Verdict]++
		}
		for _, s := range c.Subjects {
			cs.Verdicts = append(cs.Verdicts, VerdictCount{Name: s.Name, Count: counts[s.ID]})
		}
		cs.Verdicts = append(cs.Verdicts, VerdictCount{Name: "ties", Count: counts["tie"]})
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

// atAGlance sums up a comparison's verdicts: "At a glance, over 70 rows: Flask leads in 6,
// Django in 39; 25 ties."
func atAGlance(c ComparisonSummary) string {
	var parts []string
	ties := 0
	for _, v := range c.Verdicts {
		if v.Name == "ties" {
			ties = v.Count
			continue
		}
		if len(parts) == 0 {
			parts = append(parts, v.Name+" leads in "+strconv.Itoa(v.Count))
		} else {
			parts = append(parts, v.Name+" in "+strconv.Itoa(v.Count))
		}
	}
	return "At a glance, over " + strconv.Itoa(c.Rows) + " rows: " + strings.Join(parts, ", ") + "; " + count(ties, "tie", "ties") + "."
}
