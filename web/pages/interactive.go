package pages

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/a-h/templ"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/choose"
	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// The pages that answer a query: search results and the decision helper's result. They
// render per request from the in-memory model; their empty forms are pre-rendered.

func render(ctx context.Context, c templ.Component) ([]byte, error) {
	var buf bytes.Buffer
	if err := c.Render(ctx, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Search renders the search page for query: its results, or why it could not run.
func (r *Renderer) Search(ctx context.Context, query string, results search.Results, problem string) ([]byte, error) {
	body, err := render(ctx, components.Search(r.searchPage(query, results, problem)))
	if err != nil {
		return nil, fmt.Errorf("rendering search results: %w", err)
	}
	return body, nil
}

func (r *Renderer) searchPage(query string, results search.Results, problem string) components.SearchPage {
	title := "Search"
	if query != "" {
		title = "Search: " + query
	}
	p := components.SearchPage{
		Shell: r.shell(site.SearchPath, title, "Search the comparison rows, guides and framework profiles."),
		Query: query, Total: results.Total, Problem: problem,
	}
	if query != "" || problem != "" {
		p.Shell.Meta.NoIndex = true
	}
	for _, h := range results.Hits {
		kind := map[search.Kind]string{search.KindRow: "Row", search.KindGuide: "Guide", search.KindFramework: "Framework"}[h.Kind]
		p.Hits = append(p.Hits, components.SearchHit{
			Kind: kind, Title: segments(h.TitleSegments, h.Title), URL: h.URL, Section: h.Section, Snippet: segments(h.Snippet, ""),
		})
	}
	return p
}

func segments(parts []search.Segment, fallback string) []components.Segment {
	if len(parts) == 0 && fallback != "" {
		return []components.Segment{{Text: fallback}}
	}
	out := make([]components.Segment, len(parts))
	for i, s := range parts {
		out[i] = components.Segment{Text: s.Text, Match: s.Match}
	}
	return out
}

// Choose renders the decision helper with the reader's answers and, when any question is
// answered, the result.
func (r *Renderer) Choose(ctx context.Context, c *site.Comparison, answers choose.Answers) ([]byte, error) {
	body, err := render(ctx, components.Choose(r.choosePage(c, answers, true)))
	if err != nil {
		return nil, fmt.Errorf("rendering the decision helper: %w", err)
	}
	return body, nil
}

func (r *Renderer) choosePage(c *site.Comparison, answers choose.Answers, withResult bool) components.ChoosePage {
	p := components.ChoosePage{
		Shell:      r.shell(c.ChoosePath(), "Which should I choose? "+c.Title, "Answer a few questions about your project and get a recommendation between "+subjectNames(c)+", with the reasons and links to the rows behind it."),
		Comparison: components.Link{Title: c.Title, URL: c.Path()},
		Action:     c.ChoosePath(),
	}
	for _, q := range c.Choose.Questions {
		chosen := answers.Answer(q.ID)
		qv := components.ChooseQuestion{ID: q.ID, Text: q.Text, Help: q.Help, Chosen: chosen != nil}
		for _, a := range q.Answers {
			qv.Answers = append(qv.Answers, components.ChooseAnswer{ID: a.ID, Text: a.Text, Checked: a == chosen})
		}
		p.Questions = append(p.Questions, qv)
	}
	if withResult && len(answers) > 0 {
		p.Shell.Meta.NoIndex = true
		res := choose.Score(c, answers)
		p.Result = r.chooseResult(c, answers, res)
	}
	return p
}

func (r *Renderer) chooseResult(c *site.Comparison, answers choose.Answers, res choose.Result) *components.ChooseResult {
	out := &components.ChooseResult{
		Answered: len(answers), Questions: len(c.Choose.Questions),
		ShareURL: r.AbsoluteURL(c.ChoosePath()) + "?" + answers.Encode(),
	}
	if res.Recommended == nil {
		out.Headline = "No clear winner"
		out.Explanation = "Your answers weigh the same toward each framework. Read the reasons on both sides below, or answer more questions."
	} else {
		name := res.Recommended.Name
		switch res.Strength {
		case choose.Strong:
			out.Headline = name + ", strongly"
			out.Explanation = "Nearly everything you told us points to " + name + "."
		case choose.Clear:
			out.Headline = name + ", clearly"
			out.Explanation = "Most of what you told us points to " + name + ", with some reasons the other way."
		default:
			out.Headline = name + ", slightly"
			out.Explanation = "Your answers lean toward " + name + ", but the other side has real arguments too: read both lists."
		}
	}
	for _, t := range res.Totals {
		out.Totals = append(out.Totals, components.ChooseTotal{Name: t.Subject.Name, Points: t.Weight})
	}
	link := func(rs choose.Reason) components.Link {
		if rs.Row != nil {
			return components.Link{Title: "Read the " + rs.Row.Title + " row", URL: rs.Row.Path()}
		}
		return components.Link{Title: "See " + rs.Category.Title, URL: c.Path() + "#category-" + rs.Category.ID}
	}
	for _, rs := range res.Reasons {
		out.Reasons = append(out.Reasons, components.ChooseReason{Subject: rs.Subject.Name, Text: rs.Text, Link: link(rs)})
	}
	for _, rs := range res.Counterpoints {
		out.Counterpoints = append(out.Counterpoints, components.ChooseReason{Subject: rs.Subject.Name, Text: rs.Text, Link: link(rs)})
	}
	return out
}

func subjectNames(c *site.Comparison) string {
	names := make([]string, len(c.Subjects))
	for i, s := range c.Subjects {
		names[i] = s.Name
	}
	return strings.Join(names, " and ")
}

// openSearch is the OpenSearch description that lets browsers add the site's search.
func (r *Renderer) openSearch(w io.Writer) error {
	_, err := fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>%s</ShortName>
  <Description>Search %s's comparison rows and guides</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Url type="text/html" method="get" template="%s?q={searchTerms}"/>
</OpenSearchDescription>
`, templ.EscapeString(r.cfg.SiteName), templ.EscapeString(r.cfg.SiteName), templ.EscapeString(r.AbsoluteURL(site.SearchPath)))
	return err
}

// StaticVariants renders the pages that need the server as a static export shows them:
// the search page and each decision helper say that results need the server and point to
// what works without it. The export writes these instead of the server's versions.
func (r *Renderer) StaticVariants(ctx context.Context) ([]Page, error) {
	searchPage := r.searchPage("", search.Results{}, "")
	searchPage.Static = true
	body, err := render(ctx, components.Search(searchPage))
	if err != nil {
		return nil, fmt.Errorf("rendering the static search page: %w", err)
	}
	out := []Page{{Path: site.SearchPath, ContentType: HTMLType, Body: body}}
	for _, c := range r.site.Comparisons {
		if c.Choose == nil {
			continue
		}
		p := r.choosePage(c, nil, false)
		p.Static = true
		body, err := render(ctx, components.Choose(p))
		if err != nil {
			return nil, fmt.Errorf("rendering the static decision helper: %w", err)
		}
		out = append(out, Page{Path: c.ChoosePath(), ContentType: HTMLType, Body: body, Modified: c.Reviewed})
	}
	return out, nil
}
