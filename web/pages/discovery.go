package pages

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
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

// feed is an Atom feed of guides and rows, newest reviewed first.
func (r *Renderer) feed(w io.Writer) error {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Link    link   `xml:"link"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
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
	var latest time.Time
	add := func(title, path, summary string, t time.Time) {
		f.Entries = append(f.Entries, entry{Title: title, ID: r.AbsoluteURL(path), Link: link{Href: r.AbsoluteURL(path)}, Updated: stamp(t), Summary: summary})
		if t.After(latest) {
			latest = t
		}
	}
	for _, g := range r.site.Guides {
		add(g.Title, g.Path(), g.Summary, g.Reviewed)
	}
	for _, c := range r.site.Comparisons {
		for _, row := range c.Rows {
			add(row.Title+" ("+c.Title+")", row.Path(), row.Summary, row.Reviewed)
		}
	}
	sort.SliceStable(f.Entries, func(i, j int) bool {
		if f.Entries[i].Updated != f.Entries[j].Updated {
			return f.Entries[i].Updated > f.Entries[j].Updated
		}
		return f.Entries[i].ID < f.Entries[j].ID
	})
	f.Updated = stamp(latest)
	return writeXML(w, f)
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
