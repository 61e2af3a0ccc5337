package site

// The site's URL scheme: every path of a page of ours is built here, from the content
// model or from these constants, and nowhere else (the server's route patterns too).
// It imports nothing of ours, so every package can use it.

import (
	"strconv"
	"strings"
)

// Paths of the pages that do not come from content.
const (
	HomePath       = "/"
	GuidesPath     = "/guides"
	SearchPath     = "/search"
	SitemapPath    = "/sitemap.xml"
	RobotsPath     = "/robots.txt"
	FeedPath       = "/feed.xml"
	OpenSearchPath = "/opensearch.xml"
	StaticPrefix   = "/static/"  // hashed assets; see web/assets
	PreviewPrefix  = "/preview/" // each page's link-preview image; see PreviewPath
	PickPath       = "/compare"  // the pair picker: /compare?a=flask&b=fastapi leads to the pair's page
	HealthPath     = "/healthz"
	ReadyPath      = "/readyz"
	MetricsPath    = "/debug/vars"
)

// Route patterns (chi syntax) of the pages that come from content, matching the paths
// the methods below build.
const (
	ComparisonRoute = comparePrefix + "{pair}"           // a comparison, its .json and .csv
	ChooseRoute     = comparePrefix + "{pair}/" + choose // the decision helper
	RowRoute        = comparePrefix + "{pair}/{row}"     // a row page and its .json
	GuideRoute      = GuidesPath + "/{slug}"
	FrameworkRoute  = frameworksPrefix + "{id}"
	StaticRoute     = StaticPrefix + "*"
	PreviewRoute    = PreviewPrefix + "*"
)

const (
	comparePrefix    = "/compare/"
	frameworksPrefix = "/frameworks/"
	choose           = "choose" // also reserved as a row id (see the loader)
	jsonSuffix       = ".json"
	pairSeparator    = "-vs-"
	csvSuffix        = ".csv"
	previewSuffix    = ".png"
	homePreviewName  = "index"  // the home page's preview is /preview/index.png
	errorPreviews    = "errors" // an error page's is /preview/errors/<status>.png
)

// PairSlug is the slug of a comparison of these subjects in this order: flask-vs-django.
func PairSlug(subjectIDs ...string) string { return strings.Join(subjectIDs, pairSeparator) }

// ComparisonPath is the path of the comparison whose subjects are in this order: the
// canonical slug, or another order that redirects to it.
func ComparisonPath(slug string) string { return comparePrefix + slug }

// Path is the comparison table's path.
func (c *Comparison) Path() string { return ComparisonPath(c.Slug) }

// JSONPath and CSVPath are the table's machine-readable twins.
func (c *Comparison) JSONPath() string { return c.Path() + jsonSuffix }
func (c *Comparison) CSVPath() string  { return c.Path() + csvSuffix }

// ChoosePath is the decision helper's path under the comparison at slug.
func ChoosePath(slug string) string { return RowPath(slug, choose) }

// ChoosePath is the decision helper's path.
func (c *Comparison) ChoosePath() string { return ChoosePath(c.Slug) }

// RowPath is the path of a row page, or of one of its old ids (aliases), under the
// comparison at slug.
func RowPath(slug, id string) string { return ComparisonPath(slug) + "/" + id }

// RowJSONPath is the path of a row's machine-readable twin under the comparison at slug.
func RowJSONPath(slug, id string) string { return RowPath(slug, id) + jsonSuffix }

// Path is the row page's path.
func (r *Row) Path() string { return RowPath(r.Comparison.Slug, r.ID) }

// JSONPath is the row's machine-readable twin.
func (r *Row) JSONPath() string { return RowJSONPath(r.Comparison.Slug, r.ID) }

// TablePath is the row's place in the comparison table.
func (r *Row) TablePath() string { return r.Comparison.Path() + "#" + r.ID }

// Path is the guide's path.
func (g *Guide) Path() string { return GuidesPath + "/" + g.Slug }

// Path is the framework profile's path.
func (f *Framework) Path() string { return frameworksPrefix + f.ID }

// PreviewPath is the path of the link-preview image (og:image) of the page at pagePath:
// /preview/compare/flask-vs-django/orm.png for /compare/flask-vs-django/orm, and
// /preview/index.png for the home page. No page of ours is at /index or under /errors,
// so no two pages share an image path.
func PreviewPath(pagePath string) string {
	name := strings.TrimPrefix(pagePath, "/")
	if pagePath == HomePath {
		name = homePreviewName
	}
	return PreviewPrefix + name + previewSuffix
}

// ErrorPreviewPath is the path of the preview image of the error page for status, which
// is the same at every address: /preview/errors/404.png.
func ErrorPreviewPath(status int) string {
	return PreviewPrefix + errorPreviews + "/" + strconv.Itoa(status) + previewSuffix
}
