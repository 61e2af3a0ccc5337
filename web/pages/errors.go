package pages

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"strings"
	"unicode"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// NotFoundResults is how many search results a 404 page offers.
const NotFoundResults = 5

// Limits on the words PathQuery takes from a path, so that a 404, rendered per request,
// costs one short search whatever the address (and the query is never too long to run).
const (
	maxPathWords    = 6
	maxPathWordSize = 30 // bytes; longer runs of letters are not words anyone looks for
)

// Error renders the page for an error status, with links to offer. A 404 rendered by it
// searches for nothing: it is the static export's 404.html, and the server's for an
// address with no words to search for (see NotFound).
func (r *Renderer) Error(ctx context.Context, status int, path, message string, links ...components.Link) ([]byte, error) {
	return r.errorPage(ctx, components.NewErrorPage(r.frame, status, path, message, links))
}

// NotFound renders the server's 404 page for path: the results of searching for query (the
// words of the path, PathQuery) and a search form holding them. With no query it is the
// page Error renders.
func (r *Renderer) NotFound(ctx context.Context, path, query string, results search.Results, links ...components.Link) ([]byte, error) {
	p := components.NewErrorPage(r.frame, http.StatusNotFound, path, "", links)
	if query != "" {
		p.Search = components.NewPathSearch(query, results)
	}
	return r.errorPage(ctx, p)
}

func (r *Renderer) errorPage(ctx context.Context, p components.ErrorPage) ([]byte, error) {
	body, err := render(ctx, components.Error(p))
	if err != nil {
		return nil, fmt.Errorf("rendering the %d page: %w", p.Status, err)
	}
	return body, nil
}

// pathStructure are the words of the site's own paths and of file names, which say
// nothing about what a reader was looking for.
var pathStructure = map[string]bool{
	"compare": true, "guides": true, "frameworks": true, "choose": true, "vs": true,
	"html": true, "htm": true, "index": true, "www": true,
}

// PathQuery is what a 404 page searches for: the words of a path that was not found
// ("/compare/flask-vs-django/ormm" → "flask django ormm"), without the site's own path
// words and numbers, at most maxPathWords of them. It is "" when there is nothing to search
// for, and for the path of a static asset (under /static/, or a file name with an
// extension other than .html): nobody typed those, and browsers and robots ask for many.
func PathQuery(p string) string {
	if strings.HasPrefix(p, site.StaticPrefix) {
		return ""
	}
	if ext := strings.ToLower(path.Ext(p)); strings.IndexFunc(ext, unicode.IsLetter) >= 0 && ext != ".html" && ext != ".htm" {
		return "" // a file name (".12" in "python-3.12" is no extension)
	}
	var words []string
	// Bytes that are not UTF-8 decode as U+FFFD, which is no letter: words are valid text.
	for w := range strings.FieldsFuncSeq(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(words) == maxPathWords {
			break
		}
		if len(w) > maxPathWordSize || pathStructure[strings.ToLower(w)] || strings.IndexFunc(w, unicode.IsLetter) < 0 {
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ") // at most 6×30+5 bytes: under search.MaxQueryLength
}
