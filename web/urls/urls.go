// Package urls builds the site paths of content: the one place that knows the URL scheme
// (/compare/<pair>/<row>, /guides/<slug>, …), shared by the page renderer, the server,
// search and the static export.
package urls

import "github.com/versus-dev/versus/web/site"

// Comparison is the comparison table's path.
func Comparison(c *site.Comparison) string { return "/compare/" + c.Slug }

// Row is a row page's path.
func Row(row *site.Row) string { return Comparison(row.Comparison) + "/" + row.ID }

// Choose is the decision helper's path.
func Choose(c *site.Comparison) string { return Comparison(c) + "/choose" }

// Guide is a guide's path.
func Guide(g *site.Guide) string { return "/guides/" + g.Slug }

// Framework is a profile's path.
func Framework(f *site.Framework) string { return "/frameworks/" + f.ID }
