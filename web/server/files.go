package server

import (
	"sort"

	"github.com/versus-dev/versus/web/pages"
)

// File is one pre-rendered response body by URL path: a page or an asset.
type File struct {
	Path        string
	ContentType string
	Body        []byte // uncompressed
}

// Files lists every pre-rendered page and asset, sorted by path. The static export writes
// exactly these bytes, so the export and the server cannot disagree.
func (s *Server) Files() []File {
	out := make([]File, 0, len(s.store))
	for p, e := range s.store {
		out = append(out, File{Path: p, ContentType: e.contentType[0], Body: e.variants[identity].body})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// Renderer returns the page renderer, for pages rendered on demand (such as the 404 page
// of a static export).
func (s *Server) Renderer() *pages.Renderer { return s.renderer }
