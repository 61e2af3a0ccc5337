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
