// Package assets turns the static files, plus the stylesheet generated from chroma's
// styles, into immutable assets served under content-hashed names such as
// /static/css/site.3f9a1c2b7d.css.
package assets

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"sort"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
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

// Chroma styles used for code: light by default, dark when the page is dark.
const (
	LightStyle = "github"
	DarkStyle  = "github-dark"
)

// Build hashes every file in fsys and adds the generated chroma stylesheet.
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
	css, err := chromaStylesheet()
	if err != nil {
		return nil, err
	}
	set.add(ChromaCSS, css)
	return set, nil
}

func (s *Set) add(name string, body []byte) {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	url := "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
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

// chromaStylesheet writes chroma's light style for light pages and its dark style for
// dark pages: the system preference (unless the reader chose otherwise) or an explicit
// data-theme. Each style is scoped to its own theme, so a token colour that one style
// sets and the other leaves to the text colour never leaks across (dark purple on a dark
// background).
func chromaStylesheet() ([]byte, error) {
	light, dark := styles.Get(LightStyle), styles.Get(DarkStyle)
	if light == nil || dark == nil {
		return nil, fmt.Errorf("chroma styles %q and %q are not available", LightStyle, DarkStyle)
	}
	lightCSS, err := styleCSS(light)
	if err != nil {
		return nil, err
	}
	darkCSS, err := styleCSS(dark)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString("/* Generated from chroma's " + LightStyle + " and " + DarkStyle + " styles. */\n")
	out.WriteString("@media not all and (prefers-color-scheme: dark) {\n")
	out.Write(scope(lightCSS, `:root:not([data-theme="dark"]) `))
	out.WriteString("}\n")
	out.Write(scope(lightCSS, `:root[data-theme="light"] `))
	out.WriteString("@media (prefers-color-scheme: dark) {\n")
	out.Write(scope(darkCSS, `:root:not([data-theme="light"]) `))
	out.WriteString("}\n")
	out.Write(scope(darkCSS, `:root[data-theme="dark"] `))
	return out.Bytes(), nil
}

func styleCSS(style *chroma.Style) ([]byte, error) {
	var buf bytes.Buffer
	if err := chromahtml.New(chromahtml.WithClasses(true)).WriteCSS(&buf, style); err != nil {
		return nil, fmt.Errorf("writing chroma CSS: %w", err)
	}
	return buf.Bytes(), nil
}

// scope prefixes every rule's selector in chroma's one-rule-per-line CSS.
func scope(css []byte, prefix string) []byte {
	var out bytes.Buffer
	for _, line := range strings.Split(string(css), "\n") {
		rule := line
		comment := ""
		if strings.HasPrefix(rule, "/*") {
			if end := strings.Index(rule, "*/"); end >= 0 {
				comment, rule = rule[:end+2]+" ", strings.TrimSpace(rule[end+2:])
			}
		}
		if rule == "" || !strings.Contains(rule, "{") {
			continue
		}
		sel, decl, _ := strings.Cut(rule, "{")
		var scoped []string
		for _, s := range strings.Split(sel, ",") {
			scoped = append(scoped, prefix+strings.TrimSpace(s))
		}
		out.WriteString(comment + strings.Join(scoped, ", ") + " {" + decl + "\n")
	}
	return out.Bytes()
}
