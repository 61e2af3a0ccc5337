package components

import (
	"math"
	"net/url"
	"strconv"

	"github.com/a-h/templ"

	"github.com/versus-dev/versus/web/site"
)

// Glance is how one pair's rows came out, as the top of a comparison page shows it: the
// rows each subject is the better fit for and the ties, in all and per category, the
// pair's short answer and the way into its decision helper.
type Glance struct {
	ID         string // the pair's slug, unique on the page (ids of headings)
	Title      string // "Flask vs Django"
	URL        string // the pair's page; the tally's links are its filtered views
	Answer     string // the short answer; "" when the glance is one of the table's cards
	Total      int
	Sides      []TallySide // the first subject's wins, the ties, the second subject's wins
	Categories []CategoryGlance
	Choose     string // the decision helper's URL; "" when there is none
	Questions  int    // how many questions the decision helper asks
}

// TallySide is one side of a tally (a subject's wins, or the ties) over some rows.
type TallySide struct {
	ID    string // the subject's id, or "tie"
	Name  string // "Flask", or "Tie"
	Count int
	URL   string // the pair's rows on this side: its page with ?wins= (and ?cat=), at #rows
	// Class is side-1, side-2, side-3 (the subject's place in the whole comparison, so a
	// subject keeps its colour and pattern on every pair's page) or side-tie.
	Class string
	X     string // the side's bar segment: where it starts and how wide it is, in percent
	Width string
	// Current marks the side whose rows the page lists (?wins= in the query).
	Current bool
}

// CategoryGlance is one category's share of a pair's tally.
type CategoryGlance struct {
	ID    string
	Title string
	URL   string // the category in the table below: #category-<id>
	Total int
	Sides []TallySide // in the same order as the pair's
}

// newGlance returns the glance of pair p (a comparison of two subjects): its tally from
// Comparison.Tally, each side linking to the rows it wins.
func newGlance(p *site.Comparison) Glance {
	tally := p.Tally()
	g := Glance{ID: p.Slug, Title: p.Title, URL: p.Path(), Answer: p.Answer, Total: tally.Counts.Total()}
	if g.Answer == "" {
		g.Answer = p.Summary
	}
	if p.Choose != nil {
		g.Choose = p.ChoosePath()
		g.Questions = len(p.Choose.Questions)
	}
	g.Sides = tallySides(p, tally.Counts, "")
	for _, ct := range tally.Categories {
		g.Categories = append(g.Categories, CategoryGlance{
			ID: ct.Category.ID, Title: ct.Category.Title, URL: "#category-" + ct.Category.ID,
			Total: ct.Counts.Total(), Sides: tallySides(p, ct.Counts, ct.Category.ID),
		})
	}
	return g
}

// tallySides lays the counts out as the bars show them: the first subject's wins on the
// left, the ties in the middle, the second subject's on the right. category, when set,
// narrows the sides' links to that category.
func tallySides(p *site.Comparison, n site.Counts, category string) []TallySide {
	a, b := p.Subjects[0], p.Subjects[1]
	sides := []TallySide{
		{ID: a.ID, Name: a.Name, Count: n.Wins[0], Class: sideClass(p, a.ID)},
		{ID: tieVerdict, Name: "Tie", Count: n.Ties, Class: "side-tie"},
		{ID: b.ID, Name: b.Name, Count: n.Wins[1], Class: sideClass(p, b.ID)},
	}
	total, start := n.Total(), 0
	for i := range sides {
		s := &sides[i]
		q := url.Values{"wins": {s.ID}}
		if category != "" {
			q.Set("cat", category)
		}
		s.URL = p.Path() + "?" + q.Encode() + "#" + RowsAnchor
		if total > 0 {
			s.X, s.Width = percent(start, total), percent(s.Count, total)
		}
		start += s.Count
	}
	return sides
}

// RowsAnchor is the id of the place above a comparison's table where a view's notes and
// count begin: the tally's links land there, on the rows they list.
const RowsAnchor = "rows"

// tieVerdict is the verdict of a row neither subject wins.
const tieVerdict = "tie"

// sideClass is the colour and pattern class of a subject: its place among all the
// subjects of the comparison (the table's), so Django looks the same on every page.
func sideClass(p *site.Comparison, id string) string {
	subjects := p.Subjects
	if p.Table != nil {
		subjects = p.Table.Subjects
	}
	for i, s := range subjects {
		if s.ID == id {
			return "side-" + strconv.Itoa(i+1)
		}
	}
	return "side-tie"
}

// percent is n of total as an SVG length: "37.5%".
func percent(n, total int) string {
	return strconv.FormatFloat(math.Round(float64(n)*10000/float64(total))/100, 'f', -1, 64) + "%"
}

// winsLabel says what a side's count counts, for the tally: "rows favour Flask" (the
// rows where Flask is the better fit), or "ties".
func winsLabel(s TallySide, n int) string {
	switch {
	case s.ID == tieVerdict && n == 1:
		return "tie"
	case s.ID == tieVerdict:
		return "ties"
	case n == 1:
		return "row favours " + s.Name
	}
	return "rows favour " + s.Name
}

// categoryCountLabel is what a per-category count means, for screen readers: "rows in
// Templates where Flask is the better fit", "ties in Templates".
func categoryCountLabel(s TallySide, category string) string {
	rows, ties := "rows", "ties"
	if s.Count == 1 {
		rows, ties = "row", "tie"
	}
	if s.ID == tieVerdict {
		return ties + " in " + category
	}
	return rows + " in " + category + " where " + s.Name + " is the better fit"
}

// sideFill fills a side's shapes with its pattern: the first subject is solid, the
// second striped, the third dotted, the ties plain; the colours come from the stylesheet.
func sideFill(class string) templ.Attributes {
	switch class {
	case "side-2", "side-3":
		return templ.Attributes{"fill": "url(#pattern-" + class + ")"}
	}
	return templ.Attributes{}
}
