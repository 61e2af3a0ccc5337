package components

import "github.com/versus-dev/versus/web/site"

// Source is a document a page's facts were checked against.
type Source struct {
	Title string
	URL   string
	Read  string
}

// newSources returns the sources of a row, guide or profile, in content order.
func newSources(list []site.Source) []Source {
	out := make([]Source, len(list))
	for i, s := range list {
		out[i] = Source{Title: s.Title, URL: s.URL, Read: date(s.Read)}
	}
	return out
}
