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
	Legend     Legend
	Reviewed   string
	Filter     FilterView
	Covers     string // which versions the table covers, in a sentence; "" when unknown
	Picker     Picker
	Related    []Link // the other pairs of the same subjects, and the table of them all
	IsTable    bool   // every subject's cells, with the pairs' verdicts instead of one
	// Glances is what the page opens on: the pair's tally, answer and verdicts by
	// category, or on the table one card per pair.
	Glances []Glance
	// Choose is the decision helper of the table's subjects, and Questions how many it
	// asks (a pair's glance carries its own); "" when there is none.
	Choose    string
	Questions int
	JSON, CSV string // the page's machine-readable twins, linked visibly
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
	Verdict     string // subject id or "tie"; "" in a table of three subjects or more
	VerdictName string
	Aliases     []string
	Pairs       []PairVerdict // in a table of three subjects or more: each pair's verdict
}

// PairVerdict is one pair's verdict on a row, linking to that pair's row page.
type PairVerdict struct {
	Pair      string // "Flask vs FastAPI"
	PairID    string // "flask-vs-fastapi"
	URL       string
	VerdictID string // the winner's id, or "tie"
	Verdict   string // in words: the winner's name, or "Tie"
	Summary   string // the pair's one-sentence summary of the row
}

// Cell is one subject's value in a row.
type Cell struct {
	SubjectID    string
	SubjectName  string
	Support      string // builtin, extension, partial, none; "" in a trait row (no badge)
	SupportLabel string
	Text         string
	// Wins says the row's verdict favours this cell: "Better fit" in a pair's table,
	// "Better fit than Flask and FastAPI" in the table of every subject; "" otherwise.
	Wins string
}

// FilterView is the state of the comparison's filter form (query parameters cat, wins,
// diff, q).
type FilterView struct {
	Action     string // the form's target: the comparison's path
	Categories []FilterOption
	Wins       []FilterOption // the sides to list the rows of (?wins=), the first for any
	DiffOnly   bool
	Query      string
	Active     bool     // the filter is set: the form opens and offers Reset
	Notes      []string // what is wrong with the query (on the 400 page); they open the form
	Shown      int
	Total      int // rows in the table; 0 on a page that lists none (the 400 page), which has no count
}

// wins is the side the filter lists the rows of: a subject id, "tie", or "" for any.
func (f FilterView) wins() string {
	for _, w := range f.Wins {
		if w.Checked {
			return w.ID
		}
	}
	return ""
}

// FilterOption is one category checkbox, or one side to list the rows of.
type FilterOption struct {
	ID      string
	Title   string
	Checked bool
}

// NewComparisonPage returns the page of c, a pair or the table of three subjects or
// more, with the rows that keep accepts, under the filter form in the state filter; the
// legend explains only what the rows shown use. The tally marks the side whose rows the
// filter lists.
func NewComparisonPage(f Frame, c *site.Comparison, filter FilterView, keep func(*site.Row) bool) ComparisonPage {
	p := ComparisonPage{
		Shell:    f.Shell(c.Path(), c.Title, c.Summary),
		Title:    c.Title,
		Summary:  c.Summary,
		Intro:    templ.Raw(string(c.Intro.HTML)),
		Subjects: newSubjects(c),
		Reviewed: date(c.Reviewed),
		Covers:   coversSentence(c.Subjects),
		IsTable:  c.IsTable(),
		JSON:     c.JSONPath(),
		CSV:      c.CSVPath(),
	}
	p.Shell.Meta.Alternates = []Alternate{
		{Type: "application/json", Href: c.JSONPath(), Title: c.Title + " as JSON"},
		{Type: "text/csv", Href: c.CSVPath(), Title: c.Title + " as CSV"},
	}
	if c.IsTable() {
		p.Picker = NewPicker(f.Site, c.Subjects[0].ID, c.Subjects[1].ID)
		p.Picker.C = c.Subjects[2].ID
		for _, pair := range c.Pairs {
			p.Related = append(p.Related, Link{Title: pair.Title, URL: pair.Path()})
			p.Glances = append(p.Glances, newGlance(pair))
		}
		if c.Choose != nil {
			p.Choose, p.Questions = c.ChoosePath(), len(c.Choose.Questions)
		}
	} else {
		p.Picker = NewPicker(f.Site, c.Subjects[0].ID, c.Subjects[1].ID)
		p.Related = related(c)
		g := newGlance(c)
		wins := filter.wins()
		for i := range g.Sides {
			g.Sides[i].Current = g.Sides[i].ID == wins
		}
		p.Glances = []Glance{g}
	}
	var shown []*site.Row
	for _, cat := range c.Categories {
		cv := Category{ID: cat.ID, Title: cat.Title}
		for _, row := range cat.Rows {
			if keep(row) {
				cv.Rows = append(cv.Rows, newTableRow(row))
				shown = append(shown, row)
			}
		}
		if len(cv.Rows) > 0 {
			p.Categories = append(p.Categories, cv)
		}
	}
	p.Legend = newLegend(c, shown)
	p.Filter = filter
	p.Filter.Shown = len(shown)
	return p
}

// newTableRow is a row as a comparison's table shows it: in a pair's table (and on the
// row's own page), the winning cell marked; in the table of every subject, each pair's verdict and summary, and each
// cell marked with the subjects it is the better fit than.
func newTableRow(row *site.Row) Row {
	r := newRow(row)
	if !row.Comparison.IsTable() {
		for i := range r.Cells {
			if r.Cells[i].SubjectID == row.Verdict {
				r.Cells[i].Wins = "Better fit"
			}
		}
		return r
	}
	r.URL = row.TablePath()
	beats := map[string][]string{} // subject id → the names of those it is the better fit than
	for _, pr := range row.InPairs() {
		pair := pr.Comparison
		r.Pairs = append(r.Pairs, PairVerdict{
			Pair: pair.Title, PairID: pair.Slug, URL: pr.Path(),
			VerdictID: pr.Verdict, Verdict: pr.VerdictName(), Summary: pr.Summary,
		})
		for i, s := range pair.Subjects {
			if s.ID == pr.Verdict {
				beats[s.ID] = append(beats[s.ID], pair.Subjects[1-i].Name)
			}
		}
	}
	for i := range r.Cells {
		if names := beats[r.Cells[i].SubjectID]; len(names) > 0 {
			r.Cells[i].Wins = "Better fit than " + andList(names)
		}
	}
	return r
}

// related links a pair's page to the other pairs of its subjects and to their table
// ("All three", under the navigation's "Other comparisons of these frameworks").
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
	return append(out, Link{Title: "All three", URL: t.Path()})
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

// NewFilterView is the filter form of c with these categories selected, the rows of this
// side listed (wins: a subject id, "tie" or "" for any), ties hidden or not, this text,
// and notes on what in the query was wrong; active says whether the filter hides
// anything.
func NewFilterView(c *site.Comparison, categories []string, wins string, diffOnly bool, query string, active bool, notes []string) FilterView {
	v := FilterView{
		Action: c.Path(), DiffOnly: diffOnly, Query: query, Active: active,
		Notes: notes, Total: len(c.Rows),
	}
	for _, cat := range c.Categories {
		v.Categories = append(v.Categories, FilterOption{ID: cat.ID, Title: cat.Title, Checked: slices.Contains(categories, cat.ID)})
	}
	v.Wins = append(v.Wins, FilterOption{ID: "", Title: "Any verdict", Checked: wins == ""})
	for _, s := range c.Subjects {
		title := s.Name + " is the better fit"
		if c.IsTable() {
			title = s.Name + " is the better fit in a pair"
		}
		v.Wins = append(v.Wins, FilterOption{ID: s.ID, Title: title, Checked: wins == s.ID})
	}
	tie := "Tie"
	if c.IsTable() {
		tie = "Tie in every pair"
	}
	v.Wins = append(v.Wins, FilterOption{ID: tieVerdict, Title: tie, Checked: wins == tieVerdict})
	return v
}

// FilterProblemPage is what a comparison answers, with a 400, to a query that is not a view
// of its table: what was wrong (the form's notes), and the filter form holding what could
// be read, so that the reader corrects the query there.
type FilterProblemPage struct {
	Shell  Shell
	Title  string
	Filter FilterView
	Valid  string // the view of what could be read, when it hides anything; "" otherwise
	All    string // the whole table
}

// NewFilterProblemPage returns c's page for a query it cannot show, with the form in the
// state filter (whose notes say what was wrong) and valid, the view without the problems
// ("" when that is the whole table). It is never indexed.
func NewFilterProblemPage(f Frame, c *site.Comparison, filter FilterView, valid string) FilterProblemPage {
	p := FilterProblemPage{
		Shell: f.Shell(c.Path(), c.Title, c.Summary),
		Title: c.Title, Filter: filter, Valid: valid, All: c.Path(),
	}
	p.Shell.Meta.NoIndex = true
	p.Filter.Total = 0 // the page lists no rows
	return p
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
	if row.Comparison.IsTable() {
		v.VerdictName = "" // verdicts belong to the pairs
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

// verdictAttrs carries a pair's row verdict as data-verdict (a subject id or "tie"), for
// styles and scripts; a row of the table of every subject carries one per pair instead.
func verdictAttrs(r Row) templ.Attributes {
	if r.Verdict == "" {
		return templ.Attributes{}
	}
	return templ.Attributes{"data-verdict": r.Verdict}
}

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
