package components

import (
	"strconv"
	"strings"

	"github.com/a-h/templ"
)

func pageTitle(s Shell) string {
	if s.Meta.Title == "" || s.Meta.Title == s.SiteName {
		return s.SiteName
	}
	return s.Meta.Title + " · " + s.SiteName
}

// navAttrs marks the navigation entry of the current section.
func navAttrs(current, url string) templ.Attributes {
	if current == url || (url != "/" && strings.HasPrefix(current, url+"/")) {
		return templ.Attributes{"aria-current": "page"}
	}
	return templ.Attributes{}
}

func minutes(n int) string {
	if n == 1 {
		return "1 minute read"
	}
	return strconv.Itoa(n) + " minute read"
}

func verdictClass(v string) string { return "verdict verdict-" + v }

// verdictText says who wins a row, in words.
func verdictText(r Row) string {
	if r.Verdict == "tie" {
		return "Tie"
	}
	return r.VerdictName
}

func colspan(subjects []Subject) string { return strconv.Itoa(len(subjects) + 2) }

func levelString(n int) string { return strconv.Itoa(n) }

func itoa(n int) string { return strconv.Itoa(n) }

func ogType(m Meta) string {
	if m.OGType == "" {
		return "website"
	}
	return m.OGType
}

// subjectColumn is the class shared by a subject's column header and cells, so CSS can
// highlight the column when its header is the :target.
func subjectColumn(i int) string { return "subject-" + strconv.Itoa(i+1) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func resultCount(total int, query string) string {
	if total == 0 {
		return "No results for “" + query + "”. Try fewer or other words."
	}
	return itoa(total) + " " + plural(total, "result", "results") + " for “" + query + "”."
}

func resultKind(h SearchHit) string {
	if h.Section == "" {
		return h.Kind
	}
	return h.Kind + " · " + h.Section
}

// atAGlance sums up a comparison's verdicts: "70 rows: Flask leads in 6, Django in 39; 25 ties."
func atAGlance(c ComparisonSummary) string {
	var parts []string
	ties := 0
	for _, v := range c.Verdicts {
		if v.Name == "ties" {
			ties = v.Count
			continue
		}
		if len(parts) == 0 {
			parts = append(parts, v.Name+" leads in "+itoa(v.Count))
		} else {
			parts = append(parts, v.Name+" in "+itoa(v.Count))
		}
	}
	return "At a glance, over " + itoa(c.Rows) + " rows: " + strings.Join(parts, ", ") + "; " + itoa(ties) + " " + plural(ties, "tie", "ties") + "."
}

func suggestionsHeading(status int) string {
	if status == 404 {
		return "Perhaps you were looking for"
	}
	return "Where to go from here"
}

// chooseTotals reads "Based on 3 of 11 questions. Flask: 3 points, Django: 7 points."
func chooseTotals(r ChooseResult) string {
	var parts []string
	for _, t := range r.Totals {
		parts = append(parts, t.Name+": "+itoa(t.Points)+" "+plural(t.Points, "point", "points"))
	}
	return "Based on " + itoa(r.Answered) + " of " + itoa(r.Questions) + " questions. " + strings.Join(parts, ", ") + "."
}
