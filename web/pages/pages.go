// Package pages knows every page of the site: which page is at which path, rendered from
// which view model (built by the components' constructors from the content model,
// web/site), plus the machine-readable twins, the sitemap, robots.txt, the feed and the
// OpenSearch description. All renders every page that does not depend on a request; the
// Renderer's other methods render search results, filtered tables, decision-helper results
// and error pages per request. The server and the static export both take their bytes
// from here, so the two can never disagree.
package pages

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/assets"
	"github.com/versus-dev/versus/web/parallel"
	"github.com/versus-dev/versus/web/preview"
	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// Page is one rendered page.
type Page struct {
	Path        string // canonical site path, e.g. /compare/flask-vs-django/orm
	ContentType string
	Body        []byte
	Modified    time.Time // the content's reviewed date, for sitemaps and feeds
}

// Config is what pages need besides content and assets.
type Config struct {
	SiteName string // shown in titles and the header; default "Versus"
	BaseURL  string // absolute URL the site is served at, for canonical links; default http://localhost:8080
	// CorrectionURL and SourceURL are URL templates for each row's "Suggest a correction"
	// and "View source" links; "" hides the link. {title}, {url} and {id} are replaced
	// query-escaped, {file} with the row's content file as a path
	// (comparisons/flask-vs-django/rows/orm.md).
	CorrectionURL string
	SourceURL     string
}

// Renderer renders the pages of one site.
type Renderer struct {
	site  *site.Site
	cfg   Config
	frame components.Frame // what every page shares: site name, base URL, assets, navigation
}

// New returns a renderer for s.
func New(s *site.Site, a *assets.Set, cfg Config) (*Renderer, error) {
	if cfg.SiteName == "" {
		cfg.SiteName = "Versus"
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = "http://localhost:8080"
	}
	base, err := url.Parse(strings.TrimSuffix(cfg.BaseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("base URL %q must be absolute, like https://versus.example.org", cfg.BaseURL)
	}
	frame := components.NewFrame(s, cfg.SiteName, base, components.Assets{
		CSS: a.URL(assets.SiteCSS), ChromaCSS: a.URL(assets.ChromaCSS),
		ThemeJS: a.URL(assets.ThemeJS), JS: a.URL(assets.SiteJS), Icon: a.URL(assets.Icon),
	})
	r := &Renderer{site: s, cfg: cfg, frame: frame}
	if r.frame.Previews, err = r.previews(); err != nil {
		return nil, err
	}
	return r, nil
}

// Previews returns the card of every page's preview image, by the image's path.
func (r *Renderer) Previews() preview.Set { return r.frame.Previews }

// Site returns the content the renderer draws from.
func (r *Renderer) Site() *site.Site { return r.site }

// HTMLType is the content type of every HTML page, pre-rendered or rendered per request.
const HTMLType = "text/html; charset=utf-8"

// Content types of the other pages.
const (
	jsonType = "application/json; charset=utf-8"
	csvType  = "text/csv; charset=utf-8"
	xmlType  = "application/xml; charset=utf-8"
	atomType = "application/atom+xml; charset=utf-8"
	textType = "text/plain; charset=utf-8"
)

// job is one page to render.
type job struct {
	path        string
	contentType string
	modified    time.Time
	render      func(ctx context.Context, w io.Writer) error
}

func htmlJob(path string, modified time.Time, c templ.Component) job {
	return job{path: path, contentType: HTMLType, modified: modified, render: c.Render}
}

func dataJob(path, contentType string, modified time.Time, render func(w io.Writer) error) job {
	return job{path: path, contentType: contentType, modified: modified, render: func(_ context.Context, w io.Writer) error { return render(w) }}
}

// All renders every pre-renderable page, using every CPU.
func (r *Renderer) All(ctx context.Context) ([]Page, error) {
	jobs := r.jobs()
	out := make([]Page, len(jobs))
	errs := make([]error, len(jobs))
	parallel.Each(len(jobs), func() func(int) {
		return func(i int) {
			var buf bytes.Buffer
			if err := jobs[i].render(ctx, &buf); err != nil {
				errs[i] = fmt.Errorf("rendering %s: %w", jobs[i].path, err)
				return
			}
			out[i] = Page{Path: jobs[i].path, ContentType: jobs[i].contentType, Body: buf.Bytes(), Modified: jobs[i].modified}
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (r *Renderer) jobs() []job {
	s := r.site
	var latest time.Time
	newer := func(t time.Time) {
		if t.After(latest) {
			latest = t
		}
	}
	var jobs []job
	for _, c := range s.Comparisons {
		jobs = append(jobs,
			htmlJob(c.Path(), c.Reviewed, components.Comparison(r.comparisonPage(c, Filter{}))),
			dataJob(c.JSONPath(), jsonType, c.Reviewed, func(w io.Writer) error { return writeJSON(w, r.comparisonJSON(c)) }),
			dataJob(c.CSVPath(), csvType, c.Reviewed, func(w io.Writer) error { return r.comparisonCSV(w, c) }),
		)
		if c.Choose != nil {
			jobs = append(jobs, htmlJob(c.ChoosePath(), c.Reviewed, components.Choose(components.NewChoosePage(r.frame, c, nil))))
		}
		for _, row := range c.Rows {
			jobs = append(jobs,
				htmlJob(row.Path(), row.Reviewed, components.RowDetail(components.NewRowPage(r.frame, row, r.cfg.CorrectionURL, r.cfg.SourceURL))),
				dataJob(row.JSONPath(), jsonType, row.Reviewed, func(w io.Writer) error { return writeJSON(w, r.rowJSON(row)) }),
			)
			newer(row.Reviewed)
		}
	}
	for _, t := range s.Tables {
		if !t.IsTable() {
			continue // its one pair is its page
		}
		jobs = append(jobs,
			htmlJob(t.Path(), t.Reviewed, components.Comparison(r.comparisonPage(t, Filter{}))),
			dataJob(t.JSONPath(), jsonType, t.Reviewed, func(w io.Writer) error { return writeJSON(w, r.tableJSON(t)) }),
			dataJob(t.CSVPath(), csvType, t.Reviewed, func(w io.Writer) error { return r.tableCSV(w, t) }),
		)
		if t.Choose != nil {
			jobs = append(jobs, htmlJob(t.ChoosePath(), t.Reviewed, components.Choose(components.NewChoosePage(r.frame, t, nil))))
		}
	}
	if len(s.Comparisons) > 1 { // with one pair there is nothing to pick
		jobs = append(jobs, htmlJob(site.PickPath, latest, components.Pick(components.NewPickPage(r.frame, "", "", "", ""))))
	}
	for _, g := range s.Guides {
		jobs = append(jobs, htmlJob(g.Path(), g.Reviewed, components.Guide(components.NewGuidePage(r.frame, g))))
		newer(g.Reviewed)
	}
	jobs = append(jobs, htmlJob(site.GuidesPath, latest, components.GuidesIndex(components.NewGuidesIndexPage(r.frame))))
	for _, f := range s.Frameworks {
		jobs = append(jobs, htmlJob(f.Path(), f.Reviewed, components.Framework(components.NewFrameworkPage(r.frame, f))))
	}
	jobs = append(jobs, htmlJob(site.HomePath, latest, components.Home(components.NewHomePage(r.frame))))
	jobs = append(jobs, htmlJob(site.SearchPath, latest, components.Search(components.NewSearchPage(r.frame, "", search.Results{}, ""))))
	listed := append([]job(nil), jobs...)
	jobs = append(jobs,
		dataJob(site.SitemapPath, xmlType, latest, func(w io.Writer) error { return r.sitemap(w, listed) }),
		dataJob(site.RobotsPath, textType, latest, r.robots),
		dataJob(site.FeedPath, atomType, latest, r.feed),
		dataJob(site.OpenSearchPath, "application/opensearchdescription+xml; charset=utf-8", latest, r.openSearch),
	)
	return jobs
}

// render renders one page per request.
func render(ctx context.Context, c templ.Component) ([]byte, error) {
	var buf bytes.Buffer
	if err := c.Render(ctx, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// AbsoluteURL turns a site path into an absolute URL under the base URL.
func (r *Renderer) AbsoluteURL(path string) string { return r.frame.AbsoluteURL(path) }
