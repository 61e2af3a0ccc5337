// Package search is the site search of Versus: an in-memory index of every comparison,
// feature row, guide and framework profile, built once at start-up from the content model
// (web/site), and the ranking of pages for a query.
//
// A feature row is one document, whatever the number of pairs it is on: its result names
// every page it is on (its page in each pair, its line in the table of all subjects) and
// links to one of them. A query that names subjects ("django vs fastapi orm") links each row
// to the pair of those subjects; one that names a comparison and nothing else ("flask vs
// django", "compare django fastapi") puts that comparison first; otherwise a row links to
// the pair whose text the snippet quotes.
//
// Matches in titles count most, then summaries, cells and headings, then body text, then
// code (BM25 per field, weighted). Queries are case-insensitive, ignore stop words and
// punctuation, match word prefixes ("migr" finds "migrations") and tolerate typos ("djngo
// admn" finds the Django admin). Each result carries a plain-text snippet around its best
// match, cut into segments flagged as matches, so a template can mark them up; a guide
// result links to the section of the match.
package search

import (
	"errors"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Limits on queries.
const (
	MaxQueryLength = 200 // characters (runes); longer queries are a *QueryError
	MaxQueryWords  = 12  // words searched for; later words are ignored
	DefaultLimit   = 10  // results returned when Search is given a limit of 0 or less
)

// Kind is the kind of page a result is.
type Kind string

// The kinds of page the index holds.
const (
	KindRow        Kind = "row"
	KindComparison Kind = "comparison" // a pair, or the table of all subjects
	KindGuide      Kind = "guide"
	KindFramework  Kind = "framework"
)

// kindOrder breaks score ties: rows, then comparisons, guides and profiles.
var kindOrder = map[Kind]int{KindRow: 0, KindComparison: 1, KindGuide: 2, KindFramework: 3}

// Errors a query can have; Search wraps them in a *QueryError.
var (
	ErrQueryTooLong = errors.New("the search query is longer than 200 characters")
	ErrQueryNotUTF8 = errors.New("the search query is not valid UTF-8 text")
)

// QueryError is a query that cannot be searched for. The server answers it with 400 Bad
// Request; Error is a message fit to show the visitor.
type QueryError struct {
	Err error // ErrQueryTooLong or ErrQueryNotUTF8
}

func (e *QueryError) Error() string { return e.Err.Error() }

// Unwrap returns the reason, for errors.Is.
func (e *QueryError) Unwrap() error { return e.Err }

// Index is the search index of one site. It is read-only and safe for concurrent use.
type Index struct {
	docs          []*document
	vocab         vocabulary
	postings      [][]posting // by word id
	averageLength [numFields]float64
	subjects      []subjectName  // every subject of the site, for queries that name them
	comparisons   map[string]int // the document of the comparison of each set of subjects, by subjectKey
}

// subjectName is the words that name a subject in a query: its id and the words of its name.
type subjectName struct {
	id    string
	words []string
}

// Results is the answer to a query.
type Results struct {
	Query string   // the query, trimmed
	Words []string // the words searched for, normalised, without stop words
	Total int      // how many pages matched; Hits holds the best of them
	Hits  []Result // best first
}

// Result is one matching page, or one feature row with every page it is on.
type Result struct {
	Kind          Kind
	Title         string
	TitleSegments []Segment // the title with its matches flagged
	URL           string    // site path; for a guide match in a section, with #heading-id; for a row, one of Places
	Section       string    // where the result belongs: a row's category, or the heading a guide result links to
	Snippet       []Segment // about 160 characters of plain text around the best match
	Score         float64
	// Places are a row's pages: its page in each pair, in declared order, then its line
	// in the table of all subjects. URL is the one the query points to. Nil for other kinds.
	Places []Place
}

// Place is one page a row is on.
type Place struct {
	Title    string // the comparison's title: "Flask vs Django"
	URL      string
	Subjects int  // how many subjects the comparison has: 2 for a pair
	Linked   bool // whether it is the one the result's URL points to
}

// Segment is a piece of a snippet or title. Text is plain text, to be escaped like any
// other; Match says whether it matched the query.
type Segment struct {
	Text  string
	Match bool
}

// Docs returns how many pages the index holds.
func (ix *Index) Docs() int { return len(ix.docs) }

// Words returns how many distinct words the index holds.
func (ix *Index) Words() int { return len(ix.vocab.words) }

// Search returns the best limit pages for query (DefaultLimit when limit ≤ 0). An empty
// query, or one of stop words and punctuation only, has no results and no error. A query
// longer than MaxQueryLength characters or not valid UTF-8 is a *QueryError.
func (ix *Index) Search(query string, limit int) (Results, error) {
	if !utf8.ValidString(query) {
		return Results{}, &QueryError{Err: ErrQueryNotUTF8}
	}
	if utf8.RuneCountInString(query) > MaxQueryLength {
		return Results{}, &QueryError{Err: ErrQueryTooLong}
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	res := Results{Query: strings.TrimSpace(query), Words: queryWords(query)}
	if len(res.Words) == 0 {
		return res, nil
	}
	q := ix.read(res.Words)
	m := ix.match(q.scored)
	ranked := ix.rank(m)
	if q.pin {
		ranked = pinFirst(ranked, q.comparison)
	}
	res.Total = len(ranked)
	if len(ranked) > limit {
		ranked = ranked[:limit]
	}
	for _, r := range ranked {
		res.Hits = append(res.Hits, ix.result(r, m, q.subjects))
	}
	return res, nil
}

// comparisonWords say that a query asks for a comparison ("compare flask and django",
// "difference between django and fastapi"); they are left out of the ranking when the
// query names one.
var comparisonWords = map[string]bool{
	"compare": true, "compared": true, "comparing": true, "comparison": true, "comparisons": true,
	"versus": true, "between": true, "difference": true, "differences": true,
}

// reading is what a query says besides its words: the subjects it names and, when those
// make a comparison, which.
type reading struct {
	subjects   []string // ids of the subjects the query names, in the site's order
	comparison int      // the document of the comparison of exactly those subjects; -1 if none
	scored     []string // the words pages are ranked by
	pin        bool     // the query names the comparison and nothing else: it comes first
}

// read finds the subjects a query names. When they make a comparison (two subjects, or
// every subject of a table), the subject and comparison words only choose it: pages are
// ranked by the other words ("django vs fastapi orm" ranks by "orm"), or, when there are
// none, by the subjects' names with the comparison first.
func (ix *Index) read(words []string) reading {
	r := reading{comparison: -1, scored: words}
	// By subject (a query names none past the 64th) and by query word (MaxQueryWords).
	var named, isSubject [64]bool
	for i, w := range words {
		if s := ix.subjectNamed(w); s >= 0 && s < len(named) {
			named[s], isSubject[i] = true, true
		}
	}
	for i, s := range ix.subjects {
		if i < len(named) && named[i] {
			r.subjects = append(r.subjects, s.id)
		}
	}
	if len(r.subjects) < 2 {
		return r
	}
	doc, ok := ix.comparisons[subjectKey(r.subjects)]
	if !ok {
		return r
	}
	r.comparison = doc
	var names, rest []string
	for i, w := range words {
		switch {
		case isSubject[i]:
			names = append(names, w)
		case !comparisonWords[w]:
			rest = append(rest, w)
		}
	}
	if len(rest) == 0 {
		r.scored, r.pin = names, true
	} else {
		r.scored = rest
	}
	return r
}

// subjectNamed returns the index in ix.subjects of the subject a query word names, or -1:
// a word of its name or its id, or a typo of one (within maxTypos) that is no word of the
// site.
func (ix *Index) subjectNamed(w string) int {
	for i, s := range ix.subjects {
		if slices.Contains(s.words, w) {
			return i
		}
	}
	if _, known := ix.vocab.ids[w]; known {
		return -1 // "flash" is a word of its own, not a typo of "flask"
	}
	d := maxTypos(utf8.RuneCountInString(w))
	if d == 0 {
		return -1
	}
	for i, s := range ix.subjects {
		for _, name := range s.words {
			if EditDistance(w, name, d) <= d {
				return i
			}
		}
	}
	return -1
}

// pinFirst puts doc first, whether it matched or not, scored as high as the best (1 when
// nothing else matched).
func pinFirst(ranked []scored, doc int) []scored {
	out := []scored{{doc: doc, score: 1}}
	if len(ranked) > 0 {
		out[0].score = 0
	}
	for _, r := range ranked {
		out[0].score = max(out[0].score, r.score)
		if r.doc == doc {
			out[0].fields = r.fields
		} else {
			out = append(out, r)
		}
	}
	return out
}

// queryWords are the distinct words of a query, in order, without stop words.
func queryWords(query string) []string {
	var out []string
	seen := map[string]bool{}
	words(query, func(s span) {
		if len(out) == MaxQueryWords || stopWords[s.word] || seen[s.word] {
			return
		}
		seen[s.word] = true
		out = append(out, s.word)
	})
	return out
}

// matcher is a query's words expanded into the vocabulary.
type matcher struct {
	expansions [][]expansion // per query word
	// byWord maps a vocabulary word to the query word it stands for and how well; only
	// words of the vocabulary that some query word expands to are present. has is the
	// same set as a bitset, checked first because snippets test every word of a page.
	byWord map[int32]wordMatch
	has    []uint64
}

// lookup says which query word the vocabulary word stands for, if any.
func (m *matcher) lookup(word int32) (wordMatch, bool) {
	if m.has[word>>6]&(1<<(word&63)) == 0 {
		return wordMatch{}, false
	}
	wm, ok := m.byWord[word]
	return wm, ok
}

type wordMatch struct {
	query   int
	quality float64
}

func (ix *Index) match(queryWords []string) *matcher {
	m := &matcher{byWord: map[int32]wordMatch{}, has: make([]uint64, (len(ix.vocab.words)+63)/64)}
	for qi, w := range queryWords {
		exps := ix.vocab.expand(w)
		m.expansions = append(m.expansions, exps)
		for _, e := range exps {
			if old, ok := m.byWord[e.word]; !ok || e.quality > old.quality {
				m.byWord[e.word] = wordMatch{query: qi, quality: e.quality}
			}
			m.has[e.word>>6] |= 1 << (e.word & 63)
		}
	}
	return m
}

type scored struct {
	doc    int
	score  float64
	fields uint8 // the fields with a match, one bit each, so snippets skip the others
}

// BM25 term-frequency saturation.
const k1 = 1.2

// rank scores every document that matches at least one query word. A document's score is
// the sum over query words of the word's idf times the weighted, saturated frequency of
// its matches in each field, scaled by the square of the share of query words it matches,
// so pages that match the whole query come first, and by one plus the share of its title
// the query matches, so the page titled "Flask" comes before pages that merely mention
// Flask in a longer title.
func (ix *Index) rank(m *matcher) []scored {
	n := len(ix.docs)
	scores := make([]float64, n)
	matched := make([]int, n)
	fields := make([]uint8, n)
	freq := make([][numFields]float64, n)
	var touched []int32
	for _, exps := range m.expansions {
		touched = touched[:0]
		for _, e := range exps {
			for _, p := range ix.postings[e.word] {
				if freq[p.doc] == ([numFields]float64{}) {
					touched = append(touched, p.doc)
				}
				freq[p.doc][p.field] += e.quality * float64(p.count)
				fields[p.doc] |= 1 << p.field
			}
		}
		df := float64(len(touched))
		idf := math.Log(1 + (float64(n)-df+0.5)/(df+0.5))
		for _, doc := range touched {
			d := ix.docs[doc]
			var s float64
			for f := field(0); f < numFields; f++ {
				tf := freq[doc][f]
				if tf == 0 {
					continue
				}
				b := lengthNormalisation[f]
				norm := k1 * (1 - b + b*float64(d.length[f])/ix.averageLength[f])
				s += fieldWeight[f] * tf / (tf + norm)
			}
			scores[doc] += idf * s
			matched[doc]++
			freq[doc] = [numFields]float64{}
		}
	}
	var out []scored
	words := float64(len(m.expansions))
	for doc, s := range scores {
		if matched[doc] == 0 {
			continue
		}
		share := float64(matched[doc]) / words
		out = append(out, scored{doc: doc, score: s * share * share * (1 + ix.titleCoverage(doc, m)), fields: fields[doc]})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.score != b.score {
			return a.score > b.score
		}
		da, db := ix.docs[a.doc], ix.docs[b.doc]
		if da.kind != db.kind {
			return kindOrder[da.kind] < kindOrder[db.kind]
		}
		if da.title != db.title {
			return da.title < db.title
		}
		return da.url < db.url
	})
	return out
}

// titleCoverage is the share of the distinct words of a document's title that match the
// query, weighted by how well they match.
func (ix *Index) titleCoverage(doc int, m *matcher) float64 {
	for _, p := range ix.docs[doc].passages {
		if p.field != fieldTitle {
			continue
		}
		var matched float64
		var seen [8]int32
		distinct := 0
		for _, t := range p.tokens {
			if slices.Contains(seen[:min(distinct, len(seen))], t.word) {
				continue
			}
			if distinct < len(seen) {
				seen[distinct] = t.word
			}
			distinct++
			if wm, ok := m.lookup(t.word); ok {
				matched += wm.quality
			}
		}
		if distinct == 0 {
			return 0
		}
		return matched / float64(distinct)
	}
	return 0
}

// result builds the result for one ranked document: snippet, link and title marks. A
// row links to the page of the subjects the query names (named), else to the pair whose
// text the snippet quotes, else to its first pair; its snippet comes from the text of the
// page it links to, or of any page of the named subject.
func (ix *Index) result(ranked scored, m *matcher, named []string) Result {
	d := ix.docs[ranked.doc]
	r := Result{Kind: d.kind, Title: d.title, URL: d.url, Section: d.section, Score: ranked.score}
	r.TitleSegments = []Segment{{Text: d.title}}
	for _, p := range d.passages {
		if p.field == fieldTitle {
			r.TitleSegments = markAll(p, m)
			break
		}
	}
	var allowed func(*passage) bool // nil: every passage
	var candidates []int
	if d.places != nil {
		candidates = d.candidates(named)
		if len(named) >= 2 {
			candidates = candidates[:1] // the comparison of exactly those subjects, or the closest
		}
		allowed = func(p *passage) bool {
			if p.place >= 0 && !slices.Contains(candidates, p.place) {
				return false
			}
			return p.subject == "" || slices.ContainsFunc(candidates, func(i int) bool { return slices.Contains(d.places[i].subjects, p.subject) })
		}
	}
	snip, p := snippet(d, m, ranked.fields, allowed)
	r.Snippet = snip
	if p != nil && d.anchored && p.heading >= 0 && p.heading < len(d.headings) {
		h := d.headings[p.heading]
		if h.id != "" {
			r.URL += "#" + h.id
			r.Section = h.text
		}
	}
	if d.places != nil {
		linked := candidates[0]
		if p != nil && p.place >= 0 {
			linked = p.place
		}
		r.URL = d.places[linked].url
		for i, pl := range d.places {
			r.Places = append(r.Places, Place{Title: pl.title, URL: pl.url, Subjects: len(pl.subjects), Linked: i == linked})
		}
	}
	return r
}

// candidates are the places of a row that have every named subject, the closest first
// (pairs before the table, then in declared order); all of them when none has.
func (d *document) candidates(named []string) []int {
	var out []int
	for i, p := range d.places {
		if !slices.ContainsFunc(named, func(id string) bool { return !slices.Contains(p.subjects, id) }) {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		for i := range d.places {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int { return len(d.places[a].subjects) - len(d.places[b].subjects) })
	return out
}
