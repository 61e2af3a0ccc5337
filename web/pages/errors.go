package pages

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/search"
)

// Error renders the page for an error status, with links to offer. For 404s it suggests
// the rows, guides and profiles whose names are closest to the path that was asked for.
func (r *Renderer) Error(ctx context.Context, status int, path, message string, links ...components.Link) ([]byte, error) {
	var suggestions []components.Link
	if status == http.StatusNotFound {
		suggestions = r.suggest(path, 5)
	}
	p := components.NewErrorPage(r.frame, status, path, message, append(suggestions, links...))
	body, err := render(ctx, components.Error(p))
	if err != nil {
		return nil, fmt.Errorf("rendering the %d page: %w", status, err)
	}
	return body, nil
}

// suggest ranks every page by how close its id and title are to the words in path.
func (r *Renderer) suggest(path string, max int) []components.Link {
	// The last segment names what was wanted; the ones before it (compare/flask-vs-django)
	// would match every page.
	path = strings.Trim(path, "/")
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		path = path[i+1:]
	}
	words := strings.FieldsFunc(strings.ToLower(path), func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')
	})
	var query []string
	for _, w := range words {
		if len(query) == 5 {
			break // a long path says nothing more, and each word costs a scan
		}
		if len(w) > 40 {
			w = w[:40]
		}
		switch w {
		case "compare", "guides", "frameworks", "vs", "html", "www":
			continue
		}
		query = append(query, w)
	}
	if len(query) == 0 {
		return nil
	}
	type candidate struct {
		link  components.Link
		names []string
		score float64
	}
	var cands []candidate
	for _, c := range r.site.Comparisons {
		for _, row := range c.Rows {
			names := append([]string{row.ID, row.Title}, row.Aliases...)
			cands = append(cands, candidate{link: components.Link{Title: row.Title + " (" + c.Title + ")", URL: row.Path()}, names: names})
		}
	}
	for _, g := range r.site.Guides {
		cands = append(cands, candidate{link: components.Link{Title: g.Title, URL: g.Path()}, names: []string{g.Slug, g.Title}})
	}
	for _, f := range r.site.Frameworks {
		cands = append(cands, candidate{link: components.Link{Title: f.Title, URL: f.Path()}, names: []string{f.ID, f.Title}})
	}
	for i := range cands {
		cands[i].score = matchScore(query, cands[i].names)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var out []components.Link
	for _, c := range cands {
		if c.score < 0.5 || len(out) == max {
			break
		}
		out = append(out, c.link)
	}
	return out
}

// matchScore is the average, over the query's words, of each word's best similarity to a
// word in names (1 for an exact match, less for typos and prefixes).
func matchScore(query, names []string) float64 {
	var target []string
	for _, n := range names {
		target = append(target, strings.FieldsFunc(strings.ToLower(n), func(c rune) bool {
			return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')
		})...)
	}
	total := 0.0
	for _, q := range query {
		best := 0.0
		for _, t := range target {
			if s := similarity(q, t); s > best {
				best = s
			}
		}
		total += best
	}
	return total / float64(len(query))
}

// similarity is 1 - edit distance / longer length, with prefixes of 3+ letters counting
// as strong matches ("migr" for "migrations").
func similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	if len(a) >= 3 && strings.HasPrefix(b, a) {
		return 0.9
	}
	longer := max(len(a), len(b))
	d := search.EditDistance(a, b, longer)
	return 1 - float64(d)/float64(longer)
}
