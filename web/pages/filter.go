package pages

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/site"
)

// Filter is a view of a comparison's table chosen in the query string:
// ?cat=data,security shows only those categories; ?wins=django lists the rows a side wins
// (on a pair's page the rows whose verdict is Django, or with wins=tie the ties; on the
// table of every subject the rows where Django is the better fit in at least one of its
// pairs, or with wins=tie those where every pair ties); ?diff=1 hides ties (on the table,
// rows where every pair ties); ?q=text keeps rows whose title, summaries or cells contain
// the text.
type Filter struct {
	Categories []string // selected category ids; none means all
	Wins       string   // a subject id, "tie", or "" for any verdict
	DiffOnly   bool
	Query      string
	Notes      []string // what in the query was ignored, and why; shown on the page
}

// Active reports whether the filter hides anything.
func (f Filter) Active() bool {
	return len(f.Categories) > 0 || f.Wins != "" || f.DiffOnly || f.Query != ""
}

// maxFilterQuery bounds the text filter; longer text is cut with a note.
const maxFilterQuery = 100

// ParseFilter reads a filter from query parameters. Bad values never fail: they are
// ignored, with a note saying so. Parameters it does not know are ignored silently
// (links often carry tracking parameters).
func ParseFilter(c *site.Comparison, q url.Values) Filter {
	var f Filter
	known := map[string]bool{}
	for _, cat := range c.Categories {
		known[cat.ID] = true
	}
	seen := map[string]bool{}
	for _, v := range q["cat"] {
		for _, id := range strings.Split(v, ",") {
			id = strings.ToLower(strings.TrimSpace(id))
			switch {
			case id == "" || seen[id]:
			case !known[id]:
				f.Notes = append(f.Notes, fmt.Sprintf("There is no category %q; it was ignored.", truncate(id, 40)))
			default:
				seen[id] = true
				f.Categories = append(f.Categories, id)
			}
		}
	}
	f.Wins, f.Notes = parseWins(c, q["wins"], f.Notes)
	switch d := strings.ToLower(q.Get("diff")); d {
	case "", "0", "false", "off":
	case "1", "true", "on", "yes":
		f.DiffOnly = true
	default:
		f.Notes = append(f.Notes, fmt.Sprintf("diff=%q is not understood (use diff=1); all verdicts are shown.", truncate(d, 20)))
	}
	text := strings.TrimSpace(q.Get("q"))
	switch {
	case !utf8.ValidString(text):
		f.Notes = append(f.Notes, "The text filter is not valid UTF-8; it was ignored.")
	case utf8.RuneCountInString(text) > maxFilterQuery:
		f.Notes = append(f.Notes, fmt.Sprintf("The text filter was cut to its first %d characters.", maxFilterQuery))
		f.Query = string([]rune(text)[:maxFilterQuery])
	default:
		f.Query = text
	}
	return f
}

// parseWins reads ?wins=: one of c's subject ids or "tie", in any case and with spaces
// around it. Anything else is ignored with a note saying what it takes.
func parseWins(c *site.Comparison, values []string, notes []string) (string, []string) {
	var wins string
	for _, v := range values {
		id := strings.ToLower(strings.TrimSpace(v))
		switch {
		case id == "" || id == wins:
		case wins != "":
			return "", append(notes, fmt.Sprintf("wins= takes one side, not %q and %q; every verdict is shown.", wins, truncate(id, 20)))
		case id != tie && !c.Has(id):
			return "", append(notes, fmt.Sprintf("wins=%q is not a side here (use %s); every verdict is shown.", truncate(id, 20), winsChoices(c)))
		default:
			wins = id
		}
	}
	return wins, notes
}

// tie is the verdict of a row that favours neither subject.
const tie = "tie"

// winsChoices lists what ?wins= takes: "wins=flask, wins=django or wins=tie".
func winsChoices(c *site.Comparison) string {
	var out []string
	for _, s := range c.Subjects {
		out = append(out, "wins="+s.ID)
	}
	out = append(out, "wins="+tie)
	return strings.Join(out[:len(out)-1], ", ") + " or " + out[len(out)-1]
}

func truncate(s string, n int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "?")
	}
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// keeps reports whether row passes the filter. A pair's row has its own verdict; a row of
// the table of every subject has one per pair.
func (f Filter) keeps(row *site.Row) bool {
	if len(f.Categories) > 0 && !slices.Contains(f.Categories, row.Category.ID) {
		return false
	}
	var verdicts []string
	for _, pr := range row.InPairs() {
		verdicts = append(verdicts, pr.Verdict)
	}
	allTies := !slices.ContainsFunc(verdicts, func(v string) bool { return v != tie })
	if f.DiffOnly && allTies {
		return false
	}
	switch {
	case f.Wins == tie && !allTies:
		return false
	case f.Wins != "" && f.Wins != tie && !slices.Contains(verdicts, f.Wins):
		return false
	}
	if f.Query == "" {
		return true
	}
	needle := strings.ToLower(f.Query)
	haystack := []string{row.ID, row.Title, row.Summary, row.Category.Title}
	for _, pr := range row.InPairs() {
		haystack = append(haystack, pr.Summary)
	}
	for _, c := range row.Cells {
		haystack = append(haystack, c.Text)
	}
	for _, h := range haystack {
		if strings.Contains(strings.ToLower(h), needle) {
			return true
		}
	}
	return false
}

// FilteredComparison renders the comparison page for a filtered view, per request.
func (r *Renderer) FilteredComparison(ctx context.Context, c *site.Comparison, f Filter) ([]byte, error) {
	body, err := render(ctx, components.Comparison(r.comparisonPage(c, f)))
	if err != nil {
		return nil, fmt.Errorf("rendering the filtered comparison: %w", err)
	}
	return body, nil
}

// comparisonPage is the view model of c's table seen through f; the zero Filter shows
// every row.
func (r *Renderer) comparisonPage(c *site.Comparison, f Filter) components.ComparisonPage {
	form := components.NewFilterView(c, f.Categories, f.Wins, f.DiffOnly, f.Query, f.Active(), f.Notes)
	return components.NewComparisonPage(r.frame, c, form, f.keeps)
}
