package pages

import (
	"context"
	"fmt"
	"io"

	"github.com/a-h/templ"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/choose"
	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// The pages that answer a query: search results and the decision helper's result. They
// render per request; their empty forms are pre-rendered by All, and the static export's
// versions by StaticVariants.

// Search renders the search page for query: its results, or why it could not run.
func (r *Renderer) Search(ctx context.Context, query string, results search.Results, problem string) ([]byte, error) {
	body, err := render(ctx, components.Search(components.NewSearchPage(r.frame, query, results, problem)))
	if err != nil {
		return nil, fmt.Errorf("rendering search results: %w", err)
	}
	return body, nil
}

// Pick renders the pair picker's page for a query that names no comparison, saying why,
// with the subjects a, b and c (the optional third) selected as far as they exist.
func (r *Renderer) Pick(ctx context.Context, a, b, c, problem string) ([]byte, error) {
	body, err := render(ctx, components.Pick(components.NewPickPage(r.frame, a, b, c, problem)))
	if err != nil {
		return nil, fmt.Errorf("rendering the pair picker: %w", err)
	}
	return body, nil
}

// Choose renders the decision helper with the reader's answers and, when any question is
// answered, the result.
func (r *Renderer) Choose(ctx context.Context, c *site.Comparison, answers choose.Answers) ([]byte, error) {
	body, err := render(ctx, components.Choose(components.NewChoosePage(r.frame, c, answers)))
	if err != nil {
		return nil, fmt.Errorf("rendering the decision helper: %w", err)
	}
	return body, nil
}

// openSearch is the OpenSearch description that lets browsers add the site's search.
func (r *Renderer) openSearch(w io.Writer) error {
	_, err := fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>%s</ShortName>
  <Description>Search %s's comparisons, their rows, the guides and the framework profiles</Description>
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
	searchPage := components.NewSearchPage(r.frame, "", search.Results{}, "")
	searchPage.Static = true
	body, err := render(ctx, components.Search(searchPage))
	if err != nil {
		return nil, fmt.Errorf("rendering the static search page: %w", err)
	}
	out := []Page{{Path: site.SearchPath, ContentType: HTMLType, Body: body}}
	helpers := r.site.Comparisons
	for _, t := range r.site.Tables {
		if t.IsTable() {
			helpers = append(helpers[:len(helpers):len(helpers)], t)
		}
	}
	for _, c := range helpers {
		if c.Choose == nil {
			continue
		}
		p := components.NewChoosePage(r.frame, c, nil)
		p.Static = true
		body, err := render(ctx, components.Choose(p))
		if err != nil {
			return nil, fmt.Errorf("rendering the static decision helper: %w", err)
		}
		out = append(out, Page{Path: c.ChoosePath(), ContentType: HTMLType, Body: body, Modified: c.Reviewed})
	}
	return out, nil
}
