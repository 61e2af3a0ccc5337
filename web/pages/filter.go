package pages

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
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
// the text. A Filter is always in its canonical form, so two queries that select the same
// rows give equal Filters (and the same Encode).
type Filter struct {
	Categories []string // selected category ids, each once, in the comparison's order; none means all
	Wins       string   // a subject id, "tie", or "" for any verdict
	DiffOnly   bool
	Query      string // the text, in lower case, with each run of white space as one space
}

// Active reports whether the filter hides anything.
func (f Filter) Active() bool {
	return len(f.Categories) > 0 || f.Wins != "" || f.DiffOnly || f.Query != ""
}

// Encode is the filter's canonical query string, such as
// "cat=data&cat=security&diff=1&q=orm&wins=django" (keys sorted, categories in the
// comparison's order, only what the filter sets); "" for the whole table. Every query that
// selects the same view encodes the same, so it keys the server's cache of rendered views.
func (f Filter) Encode() string {
	var b strings.Builder
	param := func(name, value string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(name)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(value))
	}
	for _, id := range f.Categories {
		param("cat", id)
	}
	if f.DiffOnly {
		param("diff", "1")
	}
	if f.Query != "" {
		param("q", f.Query)
	}
	if f.Wins != "" {
		param("wins", f.Wins)
	}
	return b.String()
}

// FilterError says why a query is not a view of the table. Its problems are sentences for
// the reader (the server shows them on a 400 page); Valid is the view of what could be
// read, for that page's form.
type FilterError struct {
	Problems []string
	Valid    Filter
}

func (e *FilterError) Error() string {
	return "not a view of the table: " + strings.Join(e.Problems, " ")
}

// Limits of a filter's query.
const (
	maxFilterQuery    = 100 // characters of ?q=, as the form's maxlength
	maxFilterProblems = 10  // problems listed, so a hostile query cannot make a wall of text
	maxQuoted         = 40  // characters of the reader's own text quoted in a problem
)

// filterParams are the parameters a view takes; every other one is a problem, except
// those that link trackers add to a shared address (ignoredParam).
var filterParams = []string{"cat", "wins", "diff", "q"}

// ignoredParam reports whether a parameter is one that newsletters, social sites and ad
// networks append to links they pass on (utm_source, fbclid…): it says nothing about the
// view, and a reader who follows such a link must land on the table, not on a 400.
func ignoredParam(name string) bool {
	if strings.HasPrefix(name, "utm_") {
		return true
	}
	switch name {
	case "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "twclid", "igshid", "mc_cid", "mc_eid", "ref":
		return true
	}
	return false
}

// ParseFilter reads a view of c's table from a raw query string. Names and values are
// read in any case and with spaces around them; ?cat may be given any number of times,
// each a comma-separated list of category ids; wins, diff and q at most once each, and
// empty (as the filter form sends them) they select nothing. diff takes 1, true, on or yes
// (0, false or off: the default). Anything else (an unknown parameter, category, side or
// diff value, a repeated wins, diff or q, text over 100 characters or not UTF-8, a
// malformed query) makes it return a *FilterError listing every problem; link trackers'
// parameters are ignored (ignoredParam).
func ParseFilter(c *site.Comparison, rawQuery string) (Filter, error) {
	var f Filter
	var problems problemList
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		problems.add("The address's query cannot be read (%s).", quoteSafe(err.Error(), 80))
	}
	params := make([]string, 0, len(q))
	for name := range q {
		params = append(params, name)
	}
	slices.Sort(params) // problems in a stable order
	for _, name := range params {
		if ignoredParam(name) {
			continue
		}
		if !slices.Contains(filterParams, name) {
			problems.add("There is no parameter %s here: a view of the table takes cat, wins, diff and q.", quote(name))
			continue
		}
		if name != "cat" && len(q[name]) > 1 {
			problems.add("%s= is given %d times; it takes one value.", name, len(q[name]))
		}
	}

	selected := map[string]bool{}
	for _, v := range q["cat"] {
		for _, id := range strings.Split(v, ",") {
			id = strings.ToLower(strings.TrimSpace(id))
			switch {
			case id == "":
			case c.Category(id) == nil:
				problems.add("There is no category %s here: pick the categories from the list below.", quote(id))
			default:
				selected[id] = true
			}
		}
	}
	for _, cat := range c.Categories {
		if selected[cat.ID] {
			f.Categories = append(f.Categories, cat.ID)
		}
	}

	if v, ok := single(q, "wins"); ok {
		switch id := strings.ToLower(strings.TrimSpace(v)); {
		case id == "":
		case id == tie || c.Has(id):
			f.Wins = id
		default:
			problems.add("wins=%s is not a side here: use %s.", quote(id), winsChoices(c))
		}
	}

	if v, ok := single(q, "diff"); ok {
		switch d := strings.ToLower(strings.TrimSpace(v)); d {
		case "", "0", "false", "off":
		case "1", "true", "on", "yes":
			f.DiffOnly = true
		default:
			problems.add("diff=%s is not understood: use diff=1 to hide ties, or leave it out.", quote(d))
		}
	}

	if v, ok := single(q, "q"); ok {
		switch text := strings.Join(strings.Fields(v), " "); {
		case !utf8.ValidString(text):
			problems.add("The text filter (q=) is not valid UTF-8.")
		case utf8.RuneCountInString(text) > maxFilterQuery:
			problems.add("The text filter (q=) has %d characters; it takes at most %d.", utf8.RuneCountInString(text), maxFilterQuery)
		default:
			f.Query = strings.ToLower(text)
		}
	}

	if problems.n == 0 {
		return f, nil
	}
	return Filter{}, &FilterError{Problems: problems.list(), Valid: f}
}

// problemList collects what is wrong with a query, formatting only the first
// maxFilterProblems and counting the rest.
type problemList struct {
	problems []string
	n        int
}

func (p *problemList) add(format string, args ...any) {
	p.n++
	if p.n <= maxFilterProblems {
		p.problems = append(p.problems, fmt.Sprintf(format, args...))
	}
}

// list is the problems to show: the first ones, and how many more there are.
func (p *problemList) list() []string {
	if p.n <= maxFilterProblems {
		return p.problems
	}
	return append(p.problems[:maxFilterProblems-1], fmt.Sprintf("…and %d more problems.", p.n-maxFilterProblems+1))
}

// single returns the one value of a single-valued parameter, and whether it has exactly
// one (a repeated one is a problem reported with the other parameters).
func single(q url.Values, name string) (string, bool) {
	if v := q[name]; len(v) == 1 {
		return v[0], true
	}
	return "", false
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

// quote quotes the reader's own text in a problem, cut to maxQuoted characters.
func quote(s string) string { return strconv.Quote(quoteSafe(s, maxQuoted)) }

// quoteSafe makes s valid UTF-8 and cuts it to n characters.
func quoteSafe(s string, n int) string {
	s = strings.ToValidUTF8(s, "?")
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
	haystack := []string{row.ID, row.Title, row.Summary, row.Category.Title}
	for _, pr := range row.InPairs() {
		haystack = append(haystack, pr.Summary)
	}
	for _, c := range row.Cells {
		haystack = append(haystack, c.Text)
	}
	for _, h := range haystack {
		if strings.Contains(strings.ToLower(h), f.Query) {
			return true
		}
	}
	return false
}

// FilteredComparison renders the comparison page for a filtered view.
func (r *Renderer) FilteredComparison(ctx context.Context, c *site.Comparison, f Filter) ([]byte, error) {
	body, err := render(ctx, components.Comparison(r.comparisonPage(c, f)))
	if err != nil {
		return nil, fmt.Errorf("rendering the filtered comparison: %w", err)
	}
	return body, nil
}

// BadFilter renders the page a comparison answers (with a 400) to a query that is not a
// view of its table: what was wrong, and the filter form holding what could be read, so
// that the reader can correct it there.
func (r *Renderer) BadFilter(ctx context.Context, c *site.Comparison, fe *FilterError) ([]byte, error) {
	valid := ""
	if fe.Valid.Active() {
		valid = c.Path() + "?" + fe.Valid.Encode() + "#" + components.RowsAnchor
	}
	page := components.NewFilterProblemPage(r.frame, c, r.filterView(c, fe.Valid, fe.Problems), valid)
	body, err := render(ctx, components.FilterProblem(page))
	if err != nil {
		return nil, fmt.Errorf("rendering the filter's problems: %w", err)
	}
	return body, nil
}

// comparisonPage is the view model of c's table seen through f; the zero Filter shows
// every row.
func (r *Renderer) comparisonPage(c *site.Comparison, f Filter) components.ComparisonPage {
	return components.NewComparisonPage(r.frame, c, r.filterView(c, f, nil), f.keeps)
}

// filterView is the filter form in the state f, listing problems with the query.
func (r *Renderer) filterView(c *site.Comparison, f Filter, problems []string) components.FilterView {
	return components.NewFilterView(c, f.Categories, f.Wins, f.DiffOnly, f.Query, f.Active(), problems)
}
