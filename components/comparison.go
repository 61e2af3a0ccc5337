package components

import (
	"slices"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"github.com/versus-dev/versus/web/site"
)

// ComparisonPage is the full comparison table, or a filtered view of it.
type ComparisonPage struct {
	Shell      Shell
	Title      string
	Summary    string
	Intro      templ.Component
	Subjects   []Subject
	Categories []Category // only those with a row shown
	Legend     []LegendItem
	Reviewed   string
	Filter     FilterView
	Covers     string // which versions the table covers, in a sentence; "" when unknown
	Picker     Picker
	Related    []Link // the other pairs of the same subjects, and the table of them all
	IsTable    bool   // every subject's cells, with the pairs' verdicts instead of one
}

// Subject is one side of a comparison: a column of the table.
type Subject struct {
	ID   string
	Name string
}

// Category is a group of rows.
type Category struct {
	ID    string
	Title string
	Rows  []Row
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
	Pairs       []PairVerdict // in a table of three subjects or more: each pair's verdict
}

// PairVerdict is one pair's verdict on a row, linking to that pair's row page.
type PairVerdict struct {
	Pair    string // "Flask vs FastAPI"
	URL     string
	Verdict string // in words: the winner's name, or "Tie"
}

// Cell is one subject's value in a row.
type Cell struct {
	SubjectID    string
	SubjectName  string
	Support      string // builtin, extension, partial, none
	SupportLabel string
	Text         string
}

// FilterView is the state of the comparison's filter form (query parameters cat, diff, q).
type FilterView struct {
	Action     string // the form's target: the comparison's path
	Categories []FilterOption
	DiffOnly   bool
	Query      string
	Active     bool     // the filter is set: the form opens and offers Reset
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

// NewComparisonPage returns the table of c with the rows that keep accepts, under the
// filter form in the state filter; the legend lists only the support levels shown.
func NewComparisonPage(f Frame, c *site.Comparison, filter FilterView, keep func(*site.Row) bool) ComparisonPage {
	p := newTable(f, c)
	p.Picker = NewPicker(f.Site, c.Subjects[0].ID, c.Subjects[1].ID)
	p.Related = related(c)
	p.Shell.Meta.Alternates = []Alternate{
		{Type: "application/json", Href: c.JSONPath(), Title: c.Title + " as JSON"},
		{Type: "text/csv", Href: c.CSVPath(), Title: c.Title + " as CSV"},
	}
	var shown []*site.Row
	for _, cat := range c.Categories {
		cv := Category{ID: cat.ID, Title: cat.Title}
		for _, row := range cat.Rows {
			if keep(row) {
				cv.Rows = append(cv.Rows, newRow(row))
				shown = append(shown, row)
			}
		}
		if len(cv.Rows) > 0 {
			p.Categories = append(p.Categories, cv)
		}
	}
	p.Legend = newLegend(shown)
	p.Filter = filter
	p.Filter.Shown = len(shown)
	return p
}

// NewTablePage returns the table of every subject of t, a comparison of three subjects
// or more: every cell of every row, and each pair's verdict linking to that pair's page.
func NewTablePage(f Frame, t *site.Comparison) ComparisonPage {
	p := newTable(f, t)
	p.Picker = NewPicker(f.Site, "", "")
	p.IsTable = true
	for _, pair := range t.Pairs {
		p.Related = append(p.Related, Link{Title: pair.Title, URL: pair.Path()})
	}
	var rows []*site.Row
	for _, cat := range t.Categories {
		cv := Category{ID: cat.ID, Title: cat.Title}
		for _, row := range cat.Rows {
			r := newRow(row)
			r.URL = row.TablePath()
			for _, pair := range t.Pairs {
				if pr := pair.Row(row.ID); pr != nil {
					r.Pairs = append(r.Pairs, PairVerdict{Pair: pair.Title, URL: pr.Path(), Verdict: pr.VerdictName()})
				}
			}
			cv.Rows = append(cv.Rows, r)
			rows = append(rows, row)
		}
		if len(cv.Rows) > 0 {
			p.Categories = append(p.Categories, cv)
		}
	}
	p.Legend = newLegend(rows)
	return p
}

// newTable is what every comparison page has: its heading, intro, columns and versions.
func newTable(f Frame, c *site.Comparison) ComparisonPage {
	return ComparisonPage{
		Shell:    f.Shell(c.Path(), c.Title, c.Summary),
		Title:    c.Title,
		Summary:  c.Summary,
		Intro:    templ.Raw(string(c.Intro.HTML)),
		Subjects: newSubjects(c),
		Reviewed: date(c.Reviewed),
		Covers:   coversSentence(c.Subjects),
	}
}

// related links a pair's page to the other pairs of its subjects and to their table.
func related(c *site.Comparison) []Link {
	t := c.Table
	if t == nil || !t.IsTable() {
		return nil
	}
	var out []Link
	for _, pair := range t.Pairs {
		if pair != c {
			out = append(out, Link{Title: pair.Title, URL: pair.Path()})
		}
	}
	return append(out, Link{Title: t.Title + ": every cell", URL: t.Path()})
}

// coversSentence says which versions the content was written against: "This comparison
// covers Flask 3.1 and Django 5.2 LTS." It is "" when no subject says.
func coversSentence(subjects []site.Subject) string {
	list := versionList(subjects)
	if list == "" {
		return ""
	}
	return "This comparison covers " + list + "."
}

// versionList names each subject with the versions its facts were checked against:
// "Flask 3.1, Django 5.2 LTS and FastAPI 0.165"; subjects that say nothing are left out.
func versionList(subjects []site.Subject) string {
	var parts []string
	for _, s := range subjects {
		if s.Covers != "" {
			parts = append(parts, s.Name+" "+s.Covers)
		}
	}
	return andList(parts)
}

// andList joins words as "A", "A and B", "A, B and C" ("" for none). When a word has an
// "and" of its own ("Django 5.2 LTS and 6.1"), the last is set off by a comma too, so
// that the list reads as intended: "Flask 3.1, Django 5.2 LTS and 6.1, and FastAPI 0.165".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	last := " and "
	if slices.ContainsFunc(words, func(w string) bool { return strings.Contains(w, " and ") }) {
		last = ", and "
	}
	return strings.Join(words[:len(words)-1], ", ") + last + words[len(words)-1]
}

// NewFilterView is the filter form of c with these categories selected, ties hidden or
// not, this text, and notes on what in the query was ignored; active says whether the
// filter hides anything.
func NewFilterView(c *site.Comparison, categories []string, diffOnly bool, query string, active bool, notes []string) FilterView {
	v := FilterView{
		Action: c.Path(), DiffOnly: diffOnly, Query: query, Active: active,
		Notes: notes, Total: len(c.Rows),
	}
	for _, cat := range c.Categories {
		v.Categories = append(v.Categories, FilterOption{ID: cat.ID, Title: cat.Title, Checked: slices.Contains(categories, cat.ID)})
	}
	return v
}

func newSubjects(c *site.Comparison) []Subject {
	out := make([]Subject, len(c.Subjects))
	for i, s := range c.Subjects {
		out[i] = Subject{ID: s.ID, Name: s.Name}
	}
	return out
}

func newRow(row *site.Row) Row {
	v := Row{
		ID: row.ID, Title: row.Title, URL: row.Path(), TableURL: row.TablePath(),
		Summary: row.Summary, Verdict: row.Verdict, VerdictName: row.VerdictName(), Aliases: row.Aliases,
	}
	for _, c := range row.Cells {
		v.Cells = append(v.Cells, Cell{
			SubjectID: c.Subject.ID, SubjectName: c.Subject.Name,
			Support: string(c.Support), SupportLabel: c.Support.Label(), Text: c.Text,
		})
	}
	return v
}

func verdictClass(v string) string { return "verdict verdict-" + v }

// verdictText says who wins a row, in words.
func verdictText(r Row) string {
	if r.Verdict == "tie" {
		return "Tie"
	}
	return r.VerdictName
}

// colspan is the width of a category heading row: the feature, each subject and, in a
// pair's table, the verdict.
func colspan(p ComparisonPage) string {
	if p.IsTable {
		return strconv.Itoa(len(p.Subjects) + 1)
	}
	return strconv.Itoa(len(p.Subjects) + 2)
}

// subjectColumn is the class shared by a subject's column header and cells, so CSS can
// highlight the column when its header is the :target.
func subjectColumn(i int) string { return "subject-" + strconv.Itoa(i+1) }
