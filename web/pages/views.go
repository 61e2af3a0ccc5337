package pages

import (
	"strings"

	"github.com/a-h/templ"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/site"
)

func (r *Renderer) subjects(c *site.Comparison) []components.Subject {
	out := make([]components.Subject, len(c.Subjects))
	for i, s := range c.Subjects {
		out[i] = components.Subject{ID: s.ID, Name: s.Name}
		if f := r.site.Framework(s.ID); f != nil {
			out[i].ProfileURL = f.Path()
		}
	}
	return out
}

func rowView(row *site.Row) components.Row {
	v := components.Row{
		ID: row.ID, Title: row.Title, URL: row.Path(), TableURL: row.Comparison.Path() + "#" + row.ID,
		Summary: row.Summary, Verdict: row.Verdict, VerdictName: row.VerdictName(), Aliases: row.Aliases,
	}
	for _, c := range row.Cells {
		v.Cells = append(v.Cells, components.Cell{
			SubjectID: c.Subject.ID, SubjectName: c.Subject.Name,
			Support: string(c.Support), SupportLabel: c.Support.Label(), Text: c.Text,
		})
	}
	return v
}

// legend lists the support levels that appear in rows, in legend order.
func legend(rows []*site.Row) []components.LegendItem {
	used := map[site.Support]bool{}
	for _, row := range rows {
		for _, c := range row.Cells {
			used[c.Support] = true
		}
	}
	var out []components.LegendItem
	for _, s := range site.SupportLevels {
		if used[s] {
			out = append(out, components.LegendItem{Support: string(s), Label: s.Label(), Description: s.Description()})
		}
	}
	return out
}

func sources(list []site.Source) []components.Source {
	out := make([]components.Source, len(list))
	for i, s := range list {
		out[i] = components.Source{Title: s.Title, URL: s.URL, Read: date(s.Read)}
	}
	return out
}

func (r *Renderer) comparisonPage(c *site.Comparison, f Filter) components.ComparisonPage {
	path := c.Path()
	p := components.ComparisonPage{
		Shell:    r.shell(path, c.Title, c.Summary),
		Title:    c.Title,
		Summary:  c.Summary,
		Intro:    templ.Raw(string(c.Intro.HTML)),
		Subjects: r.subjects(c),
		Reviewed: date(c.Reviewed),
	}
	p.Shell.Meta.Alternates = []components.Alternate{
		{Type: "application/json", Href: c.JSONPath(), Title: c.Title + " as JSON"},
		{Type: "text/csv", Href: c.CSVPath(), Title: c.Title + " as CSV"},
	}
	var shown []*site.Row
	for _, cat := range c.Categories {
		cv := components.Category{ID: cat.ID, Title: cat.Title}
		for _, row := range cat.Rows {
			if f.keeps(row) {
				cv.Rows = append(cv.Rows, rowView(row))
				shown = append(shown, row)
			}
		}
		if len(cv.Rows) > 0 {
			p.Categories = append(p.Categories, cv)
		}
	}
	p.Legend = legend(shown)
	p.Filter = filterView(c, f, len(shown))
	return p
}

func (r *Renderer) rowPage(row *site.Row) components.RowPage {
	c := row.Comparison
	// The preview names the row, both values and the verdict.
	var parts []string
	for _, cell := range row.Cells {
		parts = append(parts, cell.Subject.Name+": "+cell.Support.Label()+", "+cell.Text+".")
	}
	description := strings.Join(parts, " ") + " Verdict: " + row.VerdictName() + ". " + row.Summary
	p := components.RowPage{
		Shell:      r.shell(row.Path(), row.Title+": "+c.Title, description),
		Comparison: components.Link{Title: c.Title, URL: c.Path()},
		Category:   row.Category.Title,
		Row:        rowView(row),
		Subjects:   r.subjects(c),
		Body:       templ.Raw(string(row.Body.HTML)),
		Sources:    sources(row.Sources),
		Reviewed:   date(row.Reviewed),
		Legend:     legend([]*site.Row{row}),
	}
	p.CorrectionURL = r.expandURLTemplate(r.cfg.CorrectionURL, row)
	p.SourceURL = r.expandURLTemplate(r.cfg.SourceURL, row)
	p.Shell.Meta.OGType = "article"
	p.Shell.Meta.Alternates = []components.Alternate{{Type: "application/json", Href: row.JSONPath(), Title: row.Title + " as JSON"}}
	p.Shell.Meta.JSONLD = map[string]any{
		"@context": "https://schema.org",
		"@type":    "BreadcrumbList",
		"itemListElement": []map[string]any{
			{"@type": "ListItem", "position": 1, "name": c.Title, "item": r.AbsoluteURL(c.Path())},
			{"@type": "ListItem", "position": 2, "name": row.Title, "item": r.AbsoluteURL(row.Path())},
		},
	}
	prev, next := row.Neighbours()
	if prev != nil {
		p.Prev = &components.Link{Title: prev.Title, URL: prev.Path()}
	}
	if next != nil {
		p.Next = &components.Link{Title: next.Title, URL: next.Path()}
	}
	return p
}

func guideSummary(g *site.Guide) components.GuideSummary {
	return components.GuideSummary{Title: g.Title, URL: g.Path(), Summary: g.Summary, ReadingMinutes: g.ReadingMinutes()}
}

func (r *Renderer) guidePage(g *site.Guide) components.GuidePage {
	p := components.GuidePage{
		Shell:          r.shell(g.Path(), g.Title, g.Summary),
		Title:          g.Title,
		Summary:        g.Summary,
		ReadingMinutes: g.ReadingMinutes(),
		Reviewed:       date(g.Reviewed),
		Body:           templ.Raw(string(g.Body.HTML)),
		Sources:        sources(g.Sources),
	}
	p.Shell.Meta.OGType = "article"
	p.Shell.Meta.JSONLD = map[string]any{
		"@context":     "https://schema.org",
		"@type":        "Article",
		"headline":     g.Title,
		"description":  g.Summary,
		"dateModified": g.Reviewed.Format(isoDate),
		"url":          r.AbsoluteURL(g.Path()),
		"wordCount":    g.Words,
		"publisher":    map[string]any{"@type": "Organization", "name": r.cfg.SiteName},
	}
	for _, h := range g.Body.Headings {
		if h.Level == 2 || h.Level == 3 {
			p.TOC = append(p.TOC, components.Heading{Level: h.Level, ID: h.ID, Text: h.Text})
		}
	}
	return p
}

func (r *Renderer) guidesIndexPage() components.GuidesIndexPage {
	p := components.GuidesIndexPage{Shell: r.shell(site.GuidesPath, "Guides", "Long-form guides on choosing and using Python web frameworks.")}
	for _, g := range r.site.Guides {
		p.Guides = append(p.Guides, guideSummary(g))
	}
	return p
}

func (r *Renderer) frameworkPage(f *site.Framework) components.FrameworkPage {
	p := components.FrameworkPage{
		Shell:    r.shell(f.Path(), f.Title, f.Summary),
		Title:    f.Title,
		Summary:  f.Summary,
		Body:     templ.Raw(string(f.Body.HTML)),
		Sources:  sources(f.Sources),
		Reviewed: date(f.Reviewed),
	}
	for _, fact := range f.Facts {
		p.Facts = append(p.Facts, components.Fact{Label: fact.Label, Value: fact.Value})
	}
	for _, l := range f.Links {
		p.Links = append(p.Links, components.Link{Title: l.Title, URL: l.URL})
	}
	return p
}

func (r *Renderer) homePage() components.HomePage {
	p := components.HomePage{Shell: r.shell("/", r.cfg.SiteName, "Web frameworks compared row by row, with sources and code that runs: Flask vs Django and more.")}
	p.Shell.Meta.JSONLD = map[string]any{
		"@context": "https://schema.org",
		"@type":    "WebSite",
		"name":     r.cfg.SiteName,
		"url":      r.AbsoluteURL("/"),
	}
	for _, c := range r.site.Comparisons {
		cs := components.ComparisonSummary{
			Title: c.Title, URL: c.Path(), Summary: c.Summary, Subjects: r.subjects(c), Rows: len(c.Rows),
		}
		counts := map[string]int{}
		for _, row := range c.Rows {
			counts[row.Verdict]++
		}
		for _, s := range c.Subjects {
			cs.Verdicts = append(cs.Verdicts, components.VerdictCount{Name: s.Name, Count: counts[s.ID]})
		}
		cs.Verdicts = append(cs.Verdicts, components.VerdictCount{Name: "ties", Count: counts["tie"]})
		// The first row of each category is its headline; show a handful.
		for _, cat := range c.Categories {
			if len(cat.Rows) > 0 && len(cs.Highlights) < 6 {
				cs.Highlights = append(cs.Highlights, rowView(cat.Rows[0]))
			}
		}
		p.Comparisons = append(p.Comparisons, cs)
	}
	for _, g := range r.site.Guides {
		p.Guides = append(p.Guides, guideSummary(g))
	}
	for _, f := range r.site.Frameworks {
		p.Frameworks = append(p.Frameworks, components.Link{Title: f.Title, URL: f.Path()})
	}
	return p
}
