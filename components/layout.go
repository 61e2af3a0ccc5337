package components

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/versus-dev/versus/web/preview"
	"github.com/versus-dev/versus/web/site"
)

// Shell is what the layout needs besides a page's own content.
type Shell struct {
	SiteName string
	Meta     Meta
	Assets   Assets
	Nav      []NavLink
}

// Meta is what every page declares about itself in <head>.
type Meta struct {
	Title       string // the page's own title; the layout adds the site name
	Description string
	Canonical   string // absolute URL
	Path        string // site path, for marking the current navigation entry
	NoIndex     bool   // e.g. the 404 page
	Alternates  []Alternate
	OGType      string // Open Graph type: "website" (default) or "article"
	JSONLD      any    // structured data for search engines, rendered as application/ld+json
	Image       Image  // the link-preview image (og:image); none when URL is ""
}

// Image is a page's link-preview image, as Open Graph and Twitter cards announce it.
type Image struct {
	URL           string // absolute
	Type          string
	Width, Height int
	Alt           string // what the image says
}

// Alternate is a machine-readable twin of a page, announced with <link rel="alternate">.
type Alternate struct {
	Type  string
	Href  string
	Title string
}

// Assets are the content-hashed URLs of the site's stylesheets and script.
type Assets struct {
	CSS       string
	ChromaCSS string
	ThemeJS   string // tiny, runs before the page paints so the saved theme never flashes
	JS        string // deferred: copy-link buttons, theme toggle, code tabs
	Icon      string
}

// NavLink is an entry of the site navigation.
type NavLink struct {
	Title string
	URL   string
}

// Link is a titled link.
type Link struct {
	Title string
	URL   string
}

// Frame is what every page of one site shares: the content, the site's name, the absolute
// URL it is served at, its assets, the navigation and the pages' preview images. Page
// constructors take it to build their Shell, absolute URLs and links between pages.
type Frame struct {
	Site     *site.Site
	SiteName string
	Base     *url.URL // absolute, without a trailing slash
	Assets   Assets
	Nav      []NavLink
	Previews preview.Set // by image path (site.PreviewPath); a page without one has no og:image
}

// NewFrame returns the frame of the pages of s; the navigation lists the home page, each
// comparison as written (a table of three subjects or more, or a two-subject pair), the
// guides and each framework profile.
func NewFrame(s *site.Site, siteName string, base *url.URL, assets Assets) Frame {
	nav := []NavLink{{Title: "Home", URL: site.HomePath}}
	for _, t := range s.Tables {
		nav = append(nav, NavLink{Title: t.Title, URL: t.Path()})
	}
	nav = append(nav, NavLink{Title: "Guides", URL: site.GuidesPath})
	for _, f := range s.Frameworks {
		nav = append(nav, NavLink{Title: f.Title, URL: f.Path()})
	}
	return Frame{Site: s, SiteName: siteName, Base: base, Assets: assets, Nav: nav}
}

// AbsoluteURL turns a site path, which may end in a #fragment, into an absolute URL
// under the base URL.
func (f Frame) AbsoluteURL(path string) string {
	u := *f.Base
	path, u.Fragment, _ = strings.Cut(path, "#")
	u.Path = strings.TrimSuffix(f.Base.Path, "/") + path
	return u.String()
}

// Shell returns the shell of the page at path; its canonical link is the path's absolute
// URL, and its preview image the one at site.PreviewPath(path).
func (f Frame) Shell(path, title, description string) Shell {
	return Shell{
		SiteName: f.SiteName,
		Meta: Meta{
			Title: title, Description: description, Canonical: f.AbsoluteURL(path), Path: path,
			Image: f.PreviewImage(site.PreviewPath(path)),
		},
		Assets: f.Assets,
		Nav:    f.Nav,
	}
}

// PreviewImage is the preview image served at imagePath, or none when the site has no
// card for it.
func (f Frame) PreviewImage(imagePath string) Image {
	card, ok := f.Previews[imagePath]
	if !ok {
		return Image{}
	}
	return Image{URL: f.AbsoluteURL(imagePath), Type: preview.ContentType, Width: preview.Width, Height: preview.Height, Alt: card.Alt}
}

func pageTitle(s Shell) string {
	if s.Meta.Title == "" || s.Meta.Title == s.SiteName {
		return s.SiteName
	}
	return s.Meta.Title + " · " + s.SiteName
}

// navAttrs marks the navigation entry of the current section.
func navAttrs(current, url string) templ.Attributes {
	if current == url || (url != site.HomePath && strings.HasPrefix(current, url+"/")) {
		return templ.Attributes{"aria-current": "page"}
	}
	return templ.Attributes{}
}

func ogType(m Meta) string {
	if m.OGType == "" {
		return "website"
	}
	return m.OGType
}

// date is a reviewed or read date as pages show it: "21 November 2026".
func date(t time.Time) string { return t.Format("2 January 2006") }

// count is n with its noun: "1 tie", "3 ties".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
