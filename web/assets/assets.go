// Package assets turns the static files, plus the code stylesheet that web/highlight
// generates, into immutable assets served under content-hashed names such as
// /static/css/site.3f9a1c2b7d.css.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"sort"
	"strings"

	"github.com/versus-dev/versus/web/highlight"
	"github.com/versus-dev/versus/web/site"
)

// Asset is one file with its hashed URL.
type Asset struct {
	Name        string // logical name, e.g. "css/site.css"
	URL         string // "/static/css/site.<hash>.css"
	ContentType string
	Body        []byte
}

// Set is every asset of the site, by logical name and by URL.
type Set struct {
	byName map[string]*Asset
	byURL  map[string]*Asset
}

// ChromaCSS is the logical name of the generated code-highlighting stylesheet.
const ChromaCSS = "css/chroma.css"

// Build hashes every file in fsys and adds the generated chroma stylesheet. fsys must hold
// every file in Linked: a page cannot link a file that is not there.
func Build(fsys fs.FS) (*Set, error) {
	set := &Set{byName: map[string]*Asset{}, byURL: map[string]*Asset{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) == ".go" || strings.HasPrefix(path.Base(p), ".") {
			return err
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("reading asset %s: %w", p, err)
		}
		set.add(p, body)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("building assets: %w", err)
	}
	for _, name := range Linked {
		if set.byName[name] == nil {
			return nil, fmt.Errorf("building assets: the static files lack %q, which every page links", name)
		}
	}
	css, err := highlight.Stylesheet()
	if err != nil {
		return nil, err
	}
	set.add(ChromaCSS, css)
	return set, nil
}

func (s *Set) add(name string, body []byte) {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	url := site.StaticPrefix + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	ctype := mime.TypeByExtension(ext)
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	a := &Asset{Name: name, URL: url, ContentType: ctype, Body: body}
	s.byName[name] = a
	s.byURL[url] = a
}

// URL returns the hashed URL of a logical name, or "" when there is no such asset.
func (s *Set) URL(name string) string {
	if a, ok := s.byName[name]; ok {
		return a.URL
	}
	return ""
}

// ByURL returns the asset served at url.
func (s *Set) ByURL(url string) (*Asset, bool) {
	a, ok := s.byURL[url]
	return a, ok
}

// All returns every asset, sorted by URL.
func (s *Set) All() []*Asset {
	out := make([]*Asset, 0, len(s.byURL))
	for _, a := range s.byURL {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out
}

// The files every page links, by logical name (besides ChromaCSS, which is generated).
const (
	SiteCSS = "css/site.css"
	ThemeJS = "js/theme.js"
	SiteJS  = "js/site.js"
	Icon    = "img/icon.svg"
)

// Linked lists the files every page links.
var Linked = []string{SiteCSS, ThemeJS, SiteJS, Icon}
