package components

import (
	"strconv"

	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// SearchPage is the search form and its results.
type SearchPage struct {
	Shell       Shell
	Query       string
	Hits        []SearchHit
	Total       int
	Problem     string // why the query could not be run; "" when it ran
	Static      bool   // the static export: search needs the server
	Comparisons []Link // what the static export offers instead: every comparison table
}

// SearchHit is one search result.
type SearchHit struct {
	Kind    string // "Row", "Comparison", "Guide" or "Framework"
	Title   []Segment
	URL     string
	Section string
	Snippet []Segment
	Places  []SearchPlace // a row on several pages: each pair, then "all three"; nil otherwise
}

// SearchPlace is one page a row result is on; Linked is the one its title links to.
type SearchPlace struct {
	Title  string
	URL    string
	Linked bool
}

// Segment is a piece of a search snippet or title; Match marks the words that matched.
type Segment struct {
	Text  string
	Match bool
}

// NewSearchPage returns the search page for query with its results, or with the problem
// that kept it from running. The empty form is indexed; results and problems are not.
func NewSearchPage(f Frame, query string, results search.Results, problem string) SearchPage {
	title := "Search"
	if query != "" {
		title = "Search: " + query
	}
	p := SearchPage{
		Shell: f.Shell(site.SearchPath, title, "Search the comparisons, their rows, the guides and the framework profiles."),
		Query: query, Total: results.Total, Problem: problem,
	}
	if query != "" || problem != "" {
		p.Shell.Meta.NoIndex = true
	}
	p.Hits = newSearchHits(results)
	for _, c := range f.Site.Comparisons {
		p.Comparisons = append(p.Comparisons, Link{Title: c.Title, URL: c.Path()})
	}
	return p
}

// newSearchHits are the view of search results.
func newSearchHits(results search.Results) []SearchHit {
	var out []SearchHit
	for _, h := range results.Hits {
		hit := SearchHit{
			Kind: kindNames[h.Kind], Title: newSegments(h.TitleSegments, h.Title), URL: h.URL, Section: h.Section, Snippet: newSegments(h.Snippet, ""),
		}
		if len(h.Places) > 1 {
			for _, pl := range h.Places {
				title := pl.Title
				if pl.Subjects > 2 {
					title = allOf(pl.Subjects)
				}
				hit.Places = append(hit.Places, SearchPlace{Title: title, URL: pl.URL, Linked: pl.Linked})
			}
		}
		out = append(out, hit)
	}
	return out
}

var kindNames = map[search.Kind]string{
	search.KindRow: "Row", search.KindComparison: "Comparison", search.KindGuide: "Guide", search.KindFramework: "Framework",
}

// allOf names the table of n subjects in a list of a row's pages: "all three".
func allOf(n int) string {
	words := []string{3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
	if n < len(words) && words[n] != "" {
		return "all " + words[n]
	}
	return "all " + strconv.Itoa(n)
}

// newSegments converts a result's segments; a title without any is fallback, unmarked.
func newSegments(parts []search.Segment, fallback string) []Segment {
	if len(parts) == 0 && fallback != "" {
		return []Segment{{Text: fallback}}
	}
	out := make([]Segment, len(parts))
	for i, s := range parts {
		out[i] = Segment{Text: s.Text, Match: s.Match}
	}
	return out
}

func resultCount(total int, query string) string {
	if total == 0 {
		return "No results for “" + query + "”. Try fewer or other words."
	}
	return count(total, "result", "results") + " for “" + query + "”."
}

func resultKind(h SearchHit) string {
	if h.Section == "" {
		return h.Kind
	}
	return h.Kind + " · " + h.Section
}

// listSeparator goes after item i of n in a running list: ", " between items.
func listSeparator(i, n int) string {
	if i < n-1 {
		return ", "
	}
	return ""
}
