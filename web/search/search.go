// Package search is the site search of Versus: an in-memory index of every feature row,
// guide and framework profile, built once at start-up from the content model (web/site),
// and the ranking of pages for a query.
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
	KindRow       Kind = "row"
	KindGuide     Kind = "guide"
	KindFramework Kind = "framework"
)

// kindOrder breaks score ties: rows, then guides, then profiles.
var kindOrder = map[Kind]int{KindRow: 0, KindGuide: 1, KindFramework: 2}

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
}

// Results is the answer to a query.
type Results struct {
	Query string   // the query, trimmed
	Words []string // the words searched for, normalised, without stop words
	Total int      // how many pages matched; Hits holds the best of them
	Hits  []Result // best first
}

// Result is one matching page.
type Result struct {
	Kind          Kind
	Title         string
	TitleSegments []Segment // the title with its matches flagged
	URL           string    // site path; for a guide match in a section, with #heading-id
	Section       string    // where the result belongs: a row's category, or the heading a guide result links to
	Snippet       []Segment // about 160 characters of plain text around the best match
	Score         float64
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
	m := ix.match(res.Words)
	ranked := ix.rank(m)
	res.Total = len(ranked)
	if len(ranked) > limit {
		ranked = ranked[:limit]
	}
	for _, r := range ranked {
		res.Hits = append(res.Hits, ix.result(r.doc, r.score, m))
	}
	return res, nil
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
	doc   int
	score float64
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
		out = append(out, scored{doc: doc, score: s * share * share * (1 + ix.titleCoverage(doc, m))})
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

// result builds the result for one ranked document: snippet, link and title marks.
func (ix *Index) result(docID int, score float64, m *matcher) Result {
	d := ix.docs[docID]
	r := Result{Kind: d.kind, Title: d.title, URL: d.url, Section: d.section, Score: score}
	r.TitleSegments = []Segment{{Text: d.title}}
	for _, p := range d.passages {
		if p.field == fieldTitle {
			r.TitleSegments = markAll(p, m)
			break
		}
	}
	snip, p := snippet(d, m)
	r.Snippet = snip
	if p != nil && d.anchored && p.heading >= 0 && p.heading < len(d.headings) {
		h := d.headings[p.heading]
		if h.id != "" {
			r.URL += "#" + h.id
			r.Section = h.text
		}
	}
	return r
}
