package build

import (
	"sort"

	"github.com/versus-dev/versus/web/site"
)

// redirects lists the site's permanent redirects, sorted by From: a row's old ids
// (aliases) to its page; every other order of a pair's subjects (/compare/django-vs-flask)
// to the canonical page, for the pair, each row and alias, each row's JSON twin and the
// decision helper; and every other order of a table's subjects to the table and its
// decision helper. Each goes straight to the page.
// These are the only redirects of known addresses; upper-case paths and trailing slashes
// are a rule of the server's (middleware.CanonicalPath), which static hosts apply their
// own way.
func redirects(s *site.Site) []Redirect {
	var out []Redirect
	for _, c := range s.Comparisons {
		for _, row := range c.Rows {
			for _, alias := range row.Aliases {
				out = append(out, Redirect{From: site.RowPath(c.Slug, alias), To: row.Path()})
			}
		}
	}
	for _, t := range s.Tables {
		if !t.IsTable() {
			continue
		}
		for _, other := range otherOrders(t) {
			out = append(out, Redirect{From: site.ComparisonPath(other), To: t.Path()})
			if t.Choose != nil {
				out = append(out, Redirect{From: site.ChoosePath(other), To: t.ChoosePath()})
			}
		}
	}
	for _, c := range s.Comparisons {
		for _, other := range otherOrders(c) {
			out = append(out, Redirect{From: site.ComparisonPath(other), To: c.Path()})
			if c.Choose != nil {
				out = append(out, Redirect{From: site.ChoosePath(other), To: c.ChoosePath()})
			}
			for _, row := range c.Rows {
				out = append(out, Redirect{From: site.RowPath(other, row.ID), To: row.Path()})
				out = append(out, Redirect{From: site.RowJSONPath(other, row.ID), To: row.JSONPath()})
				for _, alias := range row.Aliases {
					out = append(out, Redirect{From: site.RowPath(other, alias), To: row.Path()})
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
		if slug := site.PairSlug(order...); slug != c.Slug {
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
