package site

// The checks run once everything is loaded: every link in the content's Markdown (a
// path of ours must name a page there is, and its anchor one on that page; any other link
// must be http(s) or mailto), and every code block's framework=.

import (
	"net/url"
	"sort"
	"strings"

	"github.com/versus-dev/versus/web/markdown"
)

// checkReferences reports internal links that lead nowhere and code blocks whose
// framework= is not a known subject. It runs once everything is loaded.
func (l *loader) checkReferences(subjectNames map[string]string) {
	targets := l.linkTargets()
	for _, d := range l.docs {
		for _, link := range d.doc.Links {
			if msg := targets.check(link.Destination, d); msg != "" {
				l.problems.add(d.file, link.Line, "%s", msg)
			}
		}
		for _, block := range d.doc.CodeBlocks {
			if raw, bad := block.Attrs[markdown.InvalidAttributes]; bad {
				l.problems.add(d.file, block.Line, "code block attributes %s cannot be read: quote values with characters other than letters, digits and _ : . - (file=\"templates/post.html\")", raw)
				continue
			}
			fw := block.Framework
			if _, hasAttr := block.Attrs["framework"]; !hasAttr {
				continue
			}
			known := subjectNames
			if d.comparison != nil {
				known = map[string]string{}
				for _, s := range d.comparison.Subjects {
					known[s.ID] = s.Name
				}
			}
			if _, ok := known[fw]; !ok {
				ids := make([]string, 0, len(known))
				for id := range known {
					ids = append(ids, id)
				}
				sort.Strings(ids)
				l.problems.add(d.file, block.Line, "code block framework %q is not a subject (one of: %s)", fw, strings.Join(ids, ", "))
			}
		}
	}
}

// linkTargets is every internal path a link may point to, with the fragments each page has
// (nil: fragments on that page are not checked).
type linkTargets map[string]map[string]bool

func (l *loader) linkTargets() linkTargets {
	t := linkTargets{HomePath: nil, GuidesPath: nil, SearchPath: nil, SitemapPath: nil, FeedPath: nil, RobotsPath: nil}
	for _, c := range l.site.Comparisons {
		for _, row := range c.Rows {
			t[row.Path()] = headingIDs(row.Body.Headings)
			t[row.JSONPath()] = nil
			for _, alias := range row.Aliases {
				t[RowPath(c.Slug, alias)] = nil
			}
		}
		t[c.Path()] = tableAnchors(c)
		t[c.JSONPath()] = nil
		t[c.CSVPath()] = nil
		t[c.ChoosePath()] = nil
	}
	for _, c := range l.site.Tables {
		if !c.IsTable() {
			continue // a two-subject comparison is its pair's page
		}
		t[c.Path()] = tableAnchors(c)
		if c.Choose != nil {
			t[c.ChoosePath()] = nil
		}
	}
	for _, g := range l.site.Guides {
		t[g.Path()] = headingIDs(g.Body.Headings)
	}
	for _, f := range l.site.Frameworks {
		t[f.Path()] = headingIDs(f.Body.Headings)
	}
	return t
}

// tableAnchors are the fragments of a comparison's table: a column per subject, a section
// per category, and each row under its id and its old ids.
func tableAnchors(c *Comparison) map[string]bool {
	anchors := map[string]bool{}
	for _, s := range c.Subjects {
		anchors[s.ID] = true
	}
	for _, cat := range c.Categories {
		anchors["category-"+cat.ID] = true
	}
	for _, row := range c.Rows {
		anchors[row.ID] = true
		for _, alias := range row.Aliases {
			anchors[alias] = true
		}
	}
	return anchors
}

func headingIDs(hs []markdown.Heading) map[string]bool {
	ids := map[string]bool{}
	for _, h := range hs {
		ids[h.ID] = true
	}
	return ids
}

// check returns why dest does not resolve, or "" when it does or is an http(s) or mailto:
// URL.
func (t linkTargets) check(dest string, from renderedDoc) string {
	u, err := url.Parse(dest)
	if err != nil {
		return "link " + quote(dest) + " is not a valid URL"
	}
	if u.Scheme != "" || u.Host != "" {
		if isWebURL(dest) || isMailto(dest) {
			return "" // external
		}
		return "link " + quote(dest) + " must be a site path, an http(s) URL or a mailto: address"
	}
	if u.Path == "" {
		if u.Fragment == "" || headingIDs(from.doc.Headings)[u.Fragment] {
			return ""
		}
		return "link " + quote(dest) + " points to no heading on this page"
	}
	if !strings.HasPrefix(u.Path, "/") {
		return "internal link " + quote(dest) + " must be a site path starting with / (for example /compare/flask-vs-django/orm)"
	}
	p := u.Path
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	anchors, ok := t[p]
	if !ok {
		return "link " + quote(dest) + " points to no page on this site"
	}
	if u.Fragment != "" && anchors != nil && !anchors[u.Fragment] {
		return "link " + quote(dest) + " points to no anchor #" + u.Fragment + " on " + p
	}
	return ""
}

func quote(s string) string { return `"` + s + `"` }
