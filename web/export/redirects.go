package export

import (
	"bytes"
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/versus-dev/versus/web/site"
)

// redirect is one permanent redirect of the site.
type redirect struct {
	From, To string
}

// siteRedirects lists the permanent redirects the server answers for known addresses,
// sorted by From: a row's old ids (aliases) to its page, and every other order of a
// comparison's subjects (/compare/django-vs-flask, and each row and alias under it) to
// the canonical page. Unlike the server, which redirects /compare/django-vs-flask/database
// in two steps, each redirect here goes straight to the final page.
func siteRedirects(s *site.Site) []redirect {
	var out []redirect
	for _, c := range s.Comparisons {
		for _, row := range c.Rows {
			for _, alias := range row.Aliases {
				out = append(out, redirect{From: site.RowPath(c.Slug, alias), To: row.Path()})
			}
		}
		for _, other := range otherOrders(c) {
			out = append(out, redirect{From: site.ComparisonPath(other), To: c.Path()})
			for _, row := range c.Rows {
				out = append(out, redirect{From: site.RowPath(other, row.ID), To: row.Path()})
				for _, alias := range row.Aliases {
					out = append(out, redirect{From: site.RowPath(other, alias), To: row.Path()})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out
}

// otherOrders returns the comparison's slug for every order of its subjects but the
// canonical one: django-vs-flask for flask-vs-django.
func otherOrders(c *site.Comparison) []string {
	ids := make([]string, len(c.Subjects))
	for i, s := range c.Subjects {
		ids[i] = s.ID
	}
	var out []string
	for _, order := range permutations(ids) {
		if slug := strings.Join(order, "-vs-"); slug != c.Slug {
			out = append(out, slug)
		}
	}
	return out
}

// permutations returns every order of ids.
func permutations(ids []string) [][]string {
	if len(ids) <= 1 {
		return [][]string{append([]string(nil), ids...)}
	}
	var out [][]string
	for i, first := range ids {
		rest := make([]string, 0, len(ids)-1)
		rest = append(rest, ids[:i]...)
		rest = append(rest, ids[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]string{first}, p...))
		}
	}
	return out
}

// redirectsFile renders the redirects in the _redirects format of Netlify and Cloudflare
// Pages: one "/from /to 301" per line.
func redirectsFile(redirects []redirect) []byte {
	var b bytes.Buffer
	b.WriteString("# Permanent redirects of this Versus site: old row ids and other subject orders.\n")
	for _, r := range redirects {
		fmt.Fprintf(&b, "%s %s 301\n", r.From, r.To)
	}
	return b.Bytes()
}

// refreshPage renders the page left at an old address, for hosts that do not read
// _redirects: a meta refresh to path (no script, so the CSP still holds), a canonical
// link to the absolute URL for search engines, and a plain link for everyone else.
// (html/template would do the escaping too, but its reflection keeps every method of
// every type in the binary, about 2 MB, and the container image must stay small.)
func refreshPage(path, canonical string) []byte {
	p, c := html.EscapeString(path), html.EscapeString(canonical)
	return []byte(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved to ` + p + `</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="` + c + `">
<meta http-equiv="refresh" content="0; url=` + p + `">
</head>
<body>
<p>This page has moved to <a href="` + p + `">` + c + `</a>.</p>
</body>
</html>
`)
}
