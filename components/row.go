package components

import (
	"net/url"
	"strings"

	"github.com/a-h/templ"

	"github.com/versus-dev/versus/web/site"
)

// RowPage is one feature row's own page.
type RowPage struct {
	Shell      Shell
	Comparison Link
	Category   string
	Row        Row
	Body       templ.Component
	Sources    []Source
	Prev, Next *Link // the rows before and after it in its category
	// Checked says which versions the row's facts were checked against, and when.
	Checked    string
	OtherPairs []Link // the same row in the other pairs of its subjects
	// CorrectionURL is the "Suggest a correction" link and SourceURL the "View source" link
	// of the row's content file; each is hidden when "".
	CorrectionURL string
	SourceURL     string
}

// NewRowPage returns the page of row. correctionURL and sourceURL are the URL templates
// of its "Suggest a correction" and "View source" links ("" hides the link): {title},
// {url} and {id} are replaced query-escaped, {file} with the row's content file as a path
// (comparisons/flask-vs-django/rows/orm.md).
func NewRowPage(f Frame, row *site.Row, correctionURL, sourceURL string) RowPage {
	c := row.Comparison
	// The preview names the row, both values and the verdict.
	var parts []string
	for _, cell := range row.Cells {
		if label := cell.Support.Label(); label != "" {
			parts = append(parts, cell.Subject.Name+": "+label+", "+cell.Text+".")
		} else { // a trait row's cell has no support level
			parts = append(parts, cell.Subject.Name+": "+cell.Text+".")
		}
	}
	description := strings.Join(parts, " ") + " Verdict: " + row.VerdictName() + ". " + row.Summary
	p := RowPage{
		Shell:      f.Shell(row.Path(), row.Title+": "+c.Title, description),
		Comparison: Link{Title: c.Title, URL: c.Path()},
		Category:   row.Category.Title,
		Row:        newTableRow(row),
		Body:       templ.Raw(string(row.Body.HTML)),
		Sources:    newSources(row.Sources),
		Checked:    checkedSentence(row),
	}
	for _, other := range row.InOtherPairs() {
		p.OtherPairs = append(p.OtherPairs, Link{Title: row.Title + ": " + other.Comparison.Title, URL: other.Path()})
	}
	p.CorrectionURL = expandURLTemplate(f, correctionURL, row)
	p.SourceURL = expandURLTemplate(f, sourceURL, row)
	p.Shell.Meta.OGType = "article"
	p.Shell.Meta.Alternates = []Alternate{{Type: "application/json", Href: row.JSONPath(), Title: row.Title + " as JSON"}}
	p.Shell.Meta.JSONLD = map[string]any{
		"@context": "https://schema.org",
		"@type":    "BreadcrumbList",
		"itemListElement": []map[string]any{
			{"@type": "ListItem", "position": 1, "name": c.Title, "item": f.AbsoluteURL(c.Path())},
			{"@type": "ListItem", "position": 2, "name": row.Title, "item": f.AbsoluteURL(row.Path())},
		},
	}
	prev, next := row.Neighbours()
	if prev != nil {
		p.Prev = &Link{Title: prev.Title, URL: prev.Path()}
	}
	if next != nil {
		p.Next = &Link{Title: next.Title, URL: next.Path()}
	}
	return p
}

// verdictChip says who wins a row, in a few words: "Django is the better fit", or "Tie".
func verdictChip(r Row) string {
	if r.Verdict == tieVerdict {
		return "Tie"
	}
	return r.VerdictName + " is the better fit"
}

// checkedSentence says what the row's facts were checked against and when: "Checked
// against Flask 3.1 and Django 5.2 LTS on 4 December 2026."
func checkedSentence(row *site.Row) string {
	if list := versionList(row.Comparison.Subjects); list != "" {
		return "Checked against " + list + " on " + date(row.Reviewed) + "."
	}
	return "Reviewed " + date(row.Reviewed) + "."
}

// expandURLTemplate fills a correction or source URL template for row.
func expandURLTemplate(f Frame, tmpl string, row *site.Row) string {
	if tmpl == "" {
		return ""
	}
	return strings.NewReplacer(
		"{title}", url.QueryEscape(row.Title),
		"{url}", url.QueryEscape(f.AbsoluteURL(row.Path())),
		"{id}", url.QueryEscape(row.ID),
		"{file}", row.File,
	).Replace(tmpl)
}
