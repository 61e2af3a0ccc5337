package pages

import (
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/versus-dev/versus/web/site"
)

// sitemap lists every HTML page with its last-reviewed date.
func (r *Renderer) sitemap(w io.Writer, pages []job) error {
	type url struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		XMLNS   string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}
	set := urlset{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range pages {
		if p.contentType != HTMLType {
			continue
		}
		u := url{Loc: r.AbsoluteURL(p.path)}
		if !p.modified.IsZero() {
			u.LastMod = p.modified.Format(isoDate)
		}
		set.URLs = append(set.URLs, u)
	}
	sort.Slice(set.URLs, func(i, j int) bool { return set.URLs[i].Loc < set.URLs[j].Loc })
	return writeXML(w, set)
}

func (r *Renderer) robots(w io.Writer) error {
	_, err := fmt.Fprintf(w, "User-agent: *\nAllow: /\n\nSitemap: %s\n", r.AbsoluteURL(site.SitemapPath))
	return err
}

// maxFeedEntries bounds the feed: the newest changes only.
const maxFeedEntries = 50

// change is one entry of the feed: what was reviewed on one day, and the page to read it on.
type change struct {
	date    time.Time
	key     string // names what changed, the same from one build to the next: compare/<table>/<row>, guides/<slug>
	title   string
	path    string
	summary string        // plain text; "" when pages say it all
	pages   []changedPage // for a row of several pairs: each pair page the change touches
}

// changedPage is a pair's page of a row, in a change.
type changedPage struct {
	pair, summary, path string
}

// changes lists every real change of the content, one per page (or row) and day: a row's
// review on its reviewed date, with the pairs whose verdict was reviewed later on theirs
// (same-day reviews of one row are one change); each comparison, guide and profile on its
// reviewed date.
func (r *Renderer) changes() []change {
	var out []change
	for _, t := range r.site.Tables {
		home := t.Path()
		if !t.IsTable() && len(t.Pairs) == 1 {
			home = t.Pairs[0].Path()
		}
		out = append(out, change{date: t.Reviewed, key: "compare/" + t.Slug, title: t.Title, path: home, summary: t.Summary})
		for _, row := range t.Rows {
			out = append(out, rowChanges(t, row)...)
		}
	}
	for _, g := range r.site.Guides {
		out = append(out, change{date: g.Reviewed, key: "guides/" + g.Slug, title: g.Title, path: g.Path(), summary: g.Summary})
	}
	for _, f := range r.site.Frameworks {
		out = append(out, change{date: f.Reviewed, key: "frameworks/" + f.ID, title: f.Title, path: f.Path(), summary: f.Summary})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].date.Equal(out[j].date) {
			return out[i].date.After(out[j].date)
		}
		return out[i].key < out[j].key
	})
	return out
}

// rowChanges are the changes of one row of table t: its own review, which touches each of
// its pages, and each later day on which pairs' verdicts were reviewed, which touches
// those pairs' pages.
func rowChanges(t *site.Comparison, row *site.Row) []change {
	type pairRow struct {
		pair *site.Comparison
		row  *site.Row
	}
	var pairs []pairRow
	for _, p := range t.Pairs {
		if pr := p.Row(row.ID); pr != nil {
			pairs = append(pairs, pairRow{p, pr})
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	link := func(pr pairRow) changedPage {
		return changedPage{pair: pr.pair.Title, summary: pr.row.Summary, path: pr.row.Path()}
	}
	key := "compare/" + t.Slug + "/" + row.ID
	whole := change{date: row.Reviewed, key: key, title: row.Title + " (" + t.Title + ")", path: row.TablePath()}
	if !t.IsTable() {
		whole.path = pairs[0].row.Path()
	}
	later := map[time.Time]*change{}
	var days []time.Time
	for _, pr := range pairs {
		if !pr.row.Reviewed.After(row.Reviewed) {
			whole.pages = append(whole.pages, link(pr))
			continue
		}
		day := pr.row.Reviewed
		c, ok := later[day]
		if !ok {
			c = &change{date: day, key: key, path: pr.row.Path()}
			later[day] = c
			days = append(days, day)
		}
		c.pages = append(c.pages, link(pr))
		c.title = joinTitle(c.title, pr.pair.Title)
	}
	out := []change{whole}
	for _, day := range days {
		c := later[day]
		c.title = row.Title + " (" + c.title + ")"
		out = append(out, *c)
	}
	if len(pairs) == 1 { // a two-subject comparison: the pair's summary says what the row is
		for i := range out {
			out[i].summary, out[i].pages = pairs[0].row.Summary, nil
		}
	}
	return out
}

func joinTitle(list, title string) string {
	if list == "" {
		return title
	}
	return list + ", " + title
}

// feed is an Atom feed of the content's changes, newest first: one entry per page (or row)
// and day it was reviewed, at most maxFeedEntries. An entry's id is a tag URI of the site's
// host, the day and what changed, so it stays the same from one build to the next and a new
// review is a new entry.
func (r *Renderer) feed(w io.Writer) error {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type text struct {
		Type string `xml:"type,attr,omitempty"`
		Body string `xml:",chardata"`
	}
	type entry struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Link    link   `xml:"link"`
		Updated string `xml:"updated"`
		Summary *text  `xml:"summary,omitempty"`
		Content *text  `xml:"content,omitempty"`
	}
	type feed struct {
		XMLName xml.Name `xml:"feed"`
		XMLNS   string   `xml:"xmlns,attr"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Links   []link   `xml:"link"`
		Updated string   `xml:"updated"`
		Author  struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Entries []entry `xml:"entry"`
	}
	f := feed{
		XMLNS: "http://www.w3.org/2005/Atom", Title: r.cfg.SiteName, ID: r.AbsoluteURL(site.HomePath),
		Links: []link{{Href: r.AbsoluteURL(site.FeedPath), Rel: "self"}, {Href: r.AbsoluteURL(site.HomePath)}},
	}
	f.Author.Name = r.cfg.SiteName
	stamp := func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
	authority := tagAuthority(r.frame.Base.Hostname())
	changes := r.changes()
	if len(changes) > maxFeedEntries {
		changes = changes[:maxFeedEntries]
	}
	var latest time.Time
	for _, c := range changes {
		e := entry{
			Title:   c.title,
			ID:      "tag:" + authority + "," + c.date.UTC().Format(isoDate) + ":" + c.key,
			Link:    link{Href: r.absoluteLink(c.path), Rel: "alternate"},
			Updated: stamp(c.date),
		}
		if c.summary != "" {
			e.Summary = &text{Body: c.summary}
		}
		if len(c.pages) > 0 {
			var b strings.Builder
			b.WriteString("<ul>")
			for _, p := range c.pages {
				fmt.Fprintf(&b, `<li><a href="%s">%s</a>: %s</li>`, html.EscapeString(r.AbsoluteURL(p.path)), html.EscapeString(p.pair), html.EscapeString(p.summary))
			}
			b.WriteString("</ul>")
			e.Content = &text{Type: "html", Body: b.String()}
		}
		f.Entries = append(f.Entries, e)
		if c.date.After(latest) {
			latest = c.date
		}
	}
	f.Updated = stamp(latest)
	return writeXML(w, f)
}

// absoluteLink is AbsoluteURL for a path that may end in a #fragment.
func (r *Renderer) absoluteLink(path string) string {
	if p, fragment, ok := strings.Cut(path, "#"); ok {
		return r.AbsoluteURL(p) + "#" + fragment
	}
	return r.AbsoluteURL(path)
}

// tagAuthority is the host as a tag URI's authority (RFC 4151): a DNS name, so an IPv6
// address's colons become dashes.
func tagAuthority(host string) string {
	return strings.ReplaceAll(strings.ToLower(host), ":", "-")
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encoding XML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
