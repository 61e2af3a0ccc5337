// Package components holds the templ components that compose every page of Versus and
// the view models they take. Components know nothing about how content is loaded or
// served: web/pages fills these structs from the content model, and the components turn
// them into HTML. This package imports only templ and the standard library.
package components

import "github.com/a-h/templ"

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

// Shell is what the layout needs besides a page's own content.
type Shell struct {
	SiteName string
	Meta     Meta
	Assets   Assets
	Nav      []NavLink
}

// NavLink is an entry of the site navigation.
type NavLink struct {
	Title string
	URL   string
}

// Subject is one side of a comparison.
type Subject struct {
	ID         string
	Name       string
	ProfileURL string // "" when there is no profile
}

// Cell is one subject's value in a row.
type Cell struct {
	SubjectID    string
	SubjectName  string
	Support      string // builtin, extension, partial, none
	SupportLabel string
	Text         string
}

// Row is a feature row as shown in the table and on its own page.
type Row struct {
	ID          string
	Title       string
	URL         string // the row page
	TableURL    string // the row in the table: /compare/x#id
	Summary     string
	Cells       []Cell
	Verdict     string // subject id or "tie"
	VerdictName string
	Aliases     []string
}

// Category is a group of rows.
type Category struct {
	ID    string
	Title string
	Rows  []Row
}

// LegendItem explains a support level.
type LegendItem struct {
	Support     string
	Label       string
	Description string
}

// ComparisonPage is the full comparison table.
type ComparisonPage struct {
	Shell      Shell
	Title      string
	Summary    string
	Intro      templ.Component
	Subjects   []Subject
	Categories []Category
	Legend     []LegendItem
	Reviewed   string
	Filter     FilterView
}

// FilterView is the state of the comparison's filter form (query parameters cat, diff, q).
type FilterView struct {
	Action     string // the form's target: the comparison's path
	Categories []FilterOption
	DiffOnly   bool
	Query      string
	Active     bool     // some rows are hidden
	Notes      []string // query values that were ignored, and why
	Shown      int
	Total      int
}

// FilterOption is one category checkbox.
type FilterOption struct {
	ID      string
	Title   string
	Checked bool
}

// Source is a document a row's facts were checked against.
type Source struct {
	Title string
	URL   string
	Read  string
}

// Link is a titled internal link.
type Link struct {
	Title string
	URL   string
}

// RowPage is one feature row's own page.
type RowPage struct {
	Shell      Shell
	Comparison Link
	Category   string
	Row        Row
	Subjects   []Subject
	Body       templ.Component
	Sources    []Source
	Reviewed   string
	Prev, Next *Link
	Legend     []LegendItem
	// CorrectionURL is the "Suggest a correction" link and SourceURL the "View source" link
	// of the row's content file; each is hidden when "".
	CorrectionURL string
	SourceURL     string
}

// GuideSummary is a guide in a list.
type GuideSummary struct {
	Title          string
	URL            string
	Summary        string
	ReadingMinutes int
}

// Heading is an entry of a table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// GuidePage is a long-form article.
type GuidePage struct {
	Shell          Shell
	Title          string
	Summary        string
	ReadingMinutes int
	Reviewed       string
	TOC            []Heading
	Body           templ.Component
	Sources        []Source
}

// GuidesIndexPage lists every guide.
type GuidesIndexPage struct {
	Shell  Shell
	Guides []GuideSummary
}

// Fact is a labelled fact on a profile.
type Fact struct {
	Label string
	Value string
}

// FrameworkPage is a subject's profile.
type FrameworkPage struct {
	Shell    Shell
	Title    string
	Summary  string
	Facts    []Fact
	Links    []Link
	Body     templ.Component
	Sources  []Source
	Reviewed string
}

// ComparisonSummary is a comparison as listed on the home page.
type ComparisonSummary struct {
	Title      string
	URL        string
	Summary    string
	Subjects   []Subject
	Verdicts   []VerdictCount
	Rows       int
	Highlights []Row
}

// VerdictCount says how many rows went to one side (or were ties).
type VerdictCount struct {
	Name  string
	Count int
}

// HomePage is the site's front page.
type HomePage struct {
	Shell       Shell
	Comparisons []ComparisonSummary
	Guides      []GuideSummary
	Frameworks  []Link
}

// ErrorPage is shown for 404s and other errors.
type ErrorPage struct {
	Shell       Shell
	Status      int
	Heading     string
	Message     string
	Suggestions []Link
}

// Segment is a piece of a search snippet or title; Match marks the words that matched.
type Segment struct {
	Text  string
	Match bool
}

// SearchHit is one search result.
type SearchHit struct {
	Kind    string // "Row", "Guide" or "Framework"
	Title   []Segment
	URL     string
	Section string
	Snippet []Segment
}

// SearchPage is the search form and its results.
type SearchPage struct {
	Shell   Shell
	Query   string
	Hits    []SearchHit
	Total   int
	Problem string // why the query could not be run; "" when it ran
	Static  bool   // the static export: search needs the server
}

// ChooseAnswer is one answer of a decision-helper question.
type ChooseAnswer struct {
	ID      string
	Text    string
	Checked bool
}

// ChooseQuestion is one question of the decision helper.
type ChooseQuestion struct {
	ID      string
	Text    string
	Help    string
	Answers []ChooseAnswer
	Chosen  bool // an answer other than "no preference" is checked
}

// ChooseReason is one weight behind a result, linking to the row that explains it.
type ChooseReason struct {
	Subject string
	Text    string
	Link    Link
}

// ChooseTotal is the points one subject received.
type ChooseTotal struct {
	Name   string
	Points int
}

// ChooseResult is the scored answers.
type ChooseResult struct {
	Headline      string // "Django, clearly" or "No clear winner"
	Explanation   string
	Answered      int
	Questions     int
	Totals        []ChooseTotal
	Reasons       []ChooseReason
	Counterpoints []ChooseReason
	ShareURL      string
}

// ChoosePage is the decision helper: the questions, and the result once answered.
type ChoosePage struct {
	Shell      Shell
	Comparison Link
	Action     string
	Questions  []ChooseQuestion
	Result     *ChooseResult
	Static     bool // the static export: results need the server
}
