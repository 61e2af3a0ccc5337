package components

import (
	"net/http"

	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// ErrorPage is shown for 404s and other errors.
type ErrorPage struct {
	Shell       Shell
	Status      int
	Heading     string
	Message     string
	Suggestions []Link      // where to go from here
	Search      *PathSearch // a 404's search for the words of its address; nil when there is none
}

// PathSearch is the search a 404 page runs for the words of the address it was asked for.
type PathSearch struct {
	Query string // the words, as the search form holds them
	Hits  []SearchHit
}

// NewErrorPage returns the page for an error status at path, saying message and offering
// suggestions. It is never indexed, and its canonical link is the home page. A 404 with
// no message explains that there is no page at this address. Its preview image is the
// status's, whatever the address.
func NewErrorPage(f Frame, status int, path, message string, suggestions []Link) ErrorPage {
	p := ErrorPage{
		Shell:       f.Shell(path, http.StatusText(status), http.StatusText(status)),
		Status:      status,
		Heading:     http.StatusText(status),
		Message:     message,
		Suggestions: suggestions,
	}
	p.Shell.Meta.NoIndex = true
	p.Shell.Meta.Canonical = f.AbsoluteURL(site.HomePath)
	p.Shell.Meta.Image = f.PreviewImage(site.ErrorPreviewPath(status))
	if status == http.StatusNotFound {
		p.Heading = "Page not found"
		if message == "" {
			p.Message = "There is no page at this address. It may have moved, or the link may have a typo."
		}
	}
	return p
}

// NewPathSearch is a 404 page's search: the words of its address and their results.
func NewPathSearch(query string, results search.Results) *PathSearch {
	return &PathSearch{Query: query, Hits: newSearchHits(results)}
}
