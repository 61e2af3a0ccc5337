package search

import (
	"html"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/versus-dev/versus/web/markdown"
	"github.com/versus-dev/versus/web/site"
)

// field is the part of a page a passage comes from; it decides how much a match counts.
type field uint8

const (
	fieldTitle field = iota
	fieldSummary
	fieldCells
	fieldHeadings
	fieldBody
	fieldCode
	numFields
)

// fieldWeight ranks matches: titles first, then summaries, cells and headings, then the
// body, then code. One title match outweighs any number of body matches of the same word.
var fieldWeight = [numFields]float64{
	fieldTitle:    8,
	fieldSummary:  3,
	fieldCells:    3,
	fieldHeadings: 3,
	fieldBody:     1,
	fieldCode:     0.7,
}

// lengthNormalisation is BM25's b per field: how much a longer field dilutes a match.
var lengthNormalisation = [numFields]float64{
	fieldTitle:    0.3,
	fieldSummary:  0.5,
	fieldCells:    0.5,
	fieldHeadings: 0.5,
	fieldBody:     0.75,
	fieldCode:     0.75,
}

// document is one searchable page, or for a feature row, the row with every page it is
// on: its page in each pair and its line in the table of all subjects.
type document struct {
	kind     Kind
	title    string
	url      string
	section  string    // where the page belongs (a row's category), shown with the result
	anchored bool      // whether results link to the section of the match
	headings []heading // the body's headings, for anchors
	passages []passage // title first, then summary, cells and body parts in page order
	length   [numFields]int
	subjects []string // a comparison's subject ids; nil for other kinds
	places   []place  // a row's pages: each pair in declared order, then the table; nil for other kinds
}

// place is one page a row is read on.
type place struct {
	title    string // the comparison's title
	url      string
	subjects []string // the comparison's subject ids
}

type heading struct {
	id, text string
}

// passage is a stretch of a page's text: a title, a summary, a cell, a heading, a
// paragraph run between headings, or a code block.
type passage struct {
	field   field
	label   string // shown before the text in a snippet, not searchable ("Flask: ")
	text    string // white space collapsed
	heading int    // index into document.headings of the section it is in, -1 before any
	place   int    // a row's text for one place (an index into document.places); shared: -1
	subject string // the subject a cell or code block is about; "" for the rest
	tokens  []token
}

// token is an indexed word of a passage.
type token struct {
	word       int32
	start, end int32 // byte range in passage.text
}

// posting says how often a word occurs in one field of one document.
type posting struct {
	doc   int32
	field field
	count uint16
}

// New builds the search index of s: one document per comparison (each pair and each
// table of three subjects or more), per feature row (with its page in every pair), per
// guide and per framework profile (none for a nil site). It is meant to run once at
// start-up; the index is read-only afterwards and safe for concurrent use.
func New(s *site.Site) *Index {
	ix := &Index{vocab: vocabulary{ids: map[string]int32{}}, comparisons: map[string]int{}}
	if s == nil {
		s = &site.Site{}
	}
	for _, subj := range s.Subjects() {
		sn := subjectName{id: subj.ID, words: []string{subj.ID}}
		words(subj.Name, func(w span) {
			if !stopWords[w.word] && !slices.Contains(sn.words, w.word) {
				sn.words = append(sn.words, w.word)
			}
		})
		ix.subjects = append(ix.subjects, sn)
	}
	for _, t := range s.Tables {
		for _, p := range t.Pairs {
			ix.addComparison(p)
		}
		if t.IsTable() {
			ix.addComparison(t)
		}
		for _, row := range t.Rows {
			ix.addRow(t, row)
		}
	}
	for _, g := range s.Guides {
		ix.addPage(KindGuide, g.Title, g.Summary, g.Path(), g.Body)
	}
	for _, f := range s.Frameworks {
		ix.addPage(KindFramework, f.Title, f.Summary, f.Path(), f.Body)
	}
	ix.index()
	return ix
}

// addPage indexes a guide or framework profile: its title, summary and body, with results
// linked to the matching section.
func (ix *Index) addPage(kind Kind, title, summary, url string, body *markdown.Document) {
	d := &document{kind: kind, title: title, url: url, anchored: true}
	d.add(fieldTitle, "", title, -1)
	d.add(fieldSummary, "", summary, -1)
	d.addBody(body)
	ix.docs = append(ix.docs, d)
}

// addComparison indexes a pair or a table of all subjects: its title, summary and intro.
func (ix *Index) addComparison(c *site.Comparison) {
	d := &document{kind: KindComparison, title: c.Title, url: c.Path(), subjects: subjectIDs(c)}
	d.add(fieldTitle, "", c.Title, -1)
	d.add(fieldSummary, "", c.Summary, -1)
	if c.Intro != nil {
		parts, _ := splitBody(c.Intro)
		for _, part := range parts {
			d.add(part.field, "", part.text, -1)
		}
	}
	ix.comparisons[subjectKey(d.subjects)] = len(ix.docs)
	ix.docs = append(ix.docs, d)
}

// addRow indexes a feature row of the table t once, with the text of each of its pairs:
// title, each pair's summary, every cell, each pair's explanation and the shared code
// (each block once). Each pair's text is labelled with the pair when there are several, so
// a snippet says whose verdict it quotes.
func (ix *Index) addRow(t *site.Comparison, row *site.Row) {
	d := &document{kind: KindRow, title: row.Title}
	if row.Category != nil {
		d.section = row.Category.Title
	}
	var pairRows []*site.Row
	for _, p := range t.Pairs {
		if pr := p.Row(row.ID); pr != nil {
			pairRows = append(pairRows, pr)
			d.places = append(d.places, place{title: p.Title, url: pr.Path(), subjects: subjectIDs(p)})
		}
	}
	if t.IsTable() {
		d.places = append(d.places, place{title: t.Title, url: row.TablePath(), subjects: subjectIDs(t)})
	}
	if len(d.places) == 0 {
		return
	}
	d.url = d.places[0].url
	label := func(i int) string {
		if len(pairRows) > 1 {
			return d.places[i].title + ": "
		}
		return ""
	}
	d.add(fieldTitle, "", row.Title, -1)
	for i, pr := range pairRows {
		d.addFor(fieldSummary, label(i), pr.Summary, i, "")
	}
	for _, cell := range row.Cells {
		d.addFor(fieldCells, cell.Subject.Name+": ", cell.Text, -1, cell.Subject.ID)
	}
	seen := map[string]int{} // body text → its passage, so code shared by pairs is indexed once
	for i, pr := range pairRows {
		if pr.Body == nil {
			continue
		}
		parts, _ := splitBody(pr.Body)
		for _, part := range parts {
			text := collapseSpace(part.text)
			if j, ok := seen[text]; ok {
				if d.passages[j].place != i { // the same text in two pairs: shared
					d.passages[j].place, d.passages[j].label = -1, ""
				}
				continue
			}
			lbl, at := label(i), i
			if part.field == fieldCode {
				lbl, at = "", -1
			}
			if d.addFor(part.field, lbl, text, at, part.subject) {
				seen[text] = len(d.passages) - 1
			}
		}
	}
	ix.docs = append(ix.docs, d)
}

func subjectIDs(c *site.Comparison) []string {
	ids := make([]string, len(c.Subjects))
	for i, s := range c.Subjects {
		ids[i] = s.ID
	}
	return ids
}

// subjectKey names a set of subjects whatever their order.
func subjectKey(ids []string) string {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	return strings.Join(sorted, ",")
}

func (d *document) add(f field, label, text string, heading int) {
	text = collapseSpace(text)
	if text == "" {
		return
	}
	d.passages = append(d.passages, passage{field: f, label: label, text: text, heading: heading, place: -1})
}

// addFor adds a passage of a row: for one of its places (-1: all of them) and about one
// subject (""), reporting whether there was any text to add.
func (d *document) addFor(f field, label, text string, place int, subject string) bool {
	text = collapseSpace(text)
	if text == "" {
		return false
	}
	d.passages = append(d.passages, passage{field: f, label: label, text: text, heading: -1, place: place, subject: subject})
	return true
}

// addBody adds a rendered document's prose, headings and code, each passage knowing the
// section it is in.
func (d *document) addBody(doc *markdown.Document) {
	if doc == nil {
		return
	}
	for _, h := range doc.Headings {
		d.headings = append(d.headings, heading{id: h.ID, text: collapseSpace(html.UnescapeString(h.Text))})
	}
	parts, _ := splitBody(doc)
	for _, part := range parts {
		d.add(part.field, "", part.text, part.heading)
	}
}

// index tokenises every passage and builds the vocabulary and postings.
func (ix *Index) index() {
	type key struct {
		word  int32
		field field
	}
	var postings [][]posting
	for docID, d := range ix.docs {
		counts := map[key]int{}
		var order []key
		for pi := range d.passages {
			p := &d.passages[pi]
			words(p.text, func(s span) {
				if stopWords[s.word] {
					return
				}
				id := ix.vocab.add(s.word)
				p.tokens = append(p.tokens, token{word: id, start: int32(s.start), end: int32(s.end)})
				d.length[p.field]++
				k := key{id, p.field}
				if counts[k] == 0 {
					order = append(order, k)
				}
				counts[k]++
			})
		}
		for len(postings) < len(ix.vocab.words) {
			postings = append(postings, nil)
		}
		for _, k := range order {
			postings[k.word] = append(postings[k.word], posting{doc: int32(docID), field: k.field, count: uint16(min(counts[k], 1<<16-1))})
		}
	}
	for len(postings) < len(ix.vocab.words) {
		postings = append(postings, nil)
	}
	ix.postings = postings
	ix.vocab.seal()
	for _, d := range ix.docs {
		for f, n := range d.length {
			ix.averageLength[f] += float64(n)
		}
	}
	for f := range ix.averageLength {
		if len(ix.docs) > 0 {
			ix.averageLength[f] /= float64(len(ix.docs))
		}
		if ix.averageLength[f] == 0 {
			ix.averageLength[f] = 1
		}
	}
}

// bodyPart is a stretch of a rendered document's plain text.
type bodyPart struct {
	field   field // fieldBody, fieldHeadings or fieldCode
	text    string
	heading int    // index into the document's headings of the section it is in, -1 before any
	subject string // a code block's framework= attribute
}

// splitBody cuts a document's plain text (prose and code in page order, see
// markdown.Document.Text) into prose, headings and code blocks, each with the heading of
// its section. The text does not record where headings and code are, so they are found in
// it in order: code blocks verbatim, headings as a whole-word match of their text. A
// heading that cannot be found leaves its section's text in the previous section and comes
// last, on its own; found counts the headings that were found.
func splitBody(doc *markdown.Document) (parts []bodyPart, found int) {
	text := doc.Text
	type cut struct {
		start, end int
		field      field
		heading    int
		subject    string
	}
	var cuts []cut
	pos := 0
	for _, b := range doc.CodeBlocks {
		if strings.TrimSpace(b.Code) == "" {
			continue
		}
		i := strings.Index(text[pos:], b.Code)
		if i < 0 {
			continue
		}
		cuts = append(cuts, cut{start: pos + i, end: pos + i + len(b.Code), field: fieldCode, subject: b.Framework})
		pos += i + len(b.Code)
	}
	codeCuts := len(cuts)
	inCode := func(start, end int) bool {
		for _, c := range cuts[:codeCuts] {
			if start < c.end && end > c.start {
				return true
			}
		}
		return false
	}
	pos = 0
	var lost []int
	for hi, h := range doc.Headings {
		start, end, ok := findHeading(text, pos, h.Text, inCode)
		if !ok {
			lost = append(lost, hi)
			continue
		}
		cuts = append(cuts, cut{start: start, end: end, field: fieldHeadings, heading: hi})
		pos = end
	}
	found = len(doc.Headings) - len(lost)
	sort.SliceStable(cuts, func(i, j int) bool { return cuts[i].start < cuts[j].start })

	section := -1
	pos = 0
	for _, c := range cuts {
		if c.start < pos {
			continue // overlaps the previous cut
		}
		parts = append(parts, bodyPart{field: fieldBody, text: text[pos:c.start], heading: section})
		if c.field == fieldHeadings {
			section = c.heading
			parts = append(parts, bodyPart{field: fieldHeadings, text: doc.Headings[c.heading].Text, heading: section})
		} else {
			parts = append(parts, bodyPart{field: fieldCode, text: text[c.start:c.end], heading: section, subject: c.subject})
		}
		pos = c.end
	}
	parts = append(parts, bodyPart{field: fieldBody, text: text[pos:], heading: section})
	for _, hi := range lost {
		parts = append(parts, bodyPart{field: fieldHeadings, text: doc.Headings[hi].Text, heading: hi})
	}
	out := parts[:0]
	for _, p := range parts {
		if p.field == fieldHeadings {
			p.text = html.UnescapeString(p.text)
		}
		if strings.TrimSpace(p.text) != "" {
			out = append(out, p)
		}
	}
	return out, found
}

// typographerEntities are the entities goldmark's typographer puts in heading texts
// (curly quotes, dashes, ellipsis); the plain text has nothing in their place.
var typographerEntities = regexp.MustCompile(`&(?:[lr][sd]quo|[nm]dash|hellip|[lr]aquo);`)

// findHeading finds a heading's text in the plain text from pos on, as a whole-word match
// outside code. Heading texts carry the typographer's entities while the plain text drops
// them, so the text is tried as written, without the entities and with them decoded.
func findHeading(text string, pos int, headingText string, inCode func(start, end int) bool) (start, end int, ok bool) {
	forms := []string{headingText, typographerEntities.ReplaceAllString(headingText, ""), html.UnescapeString(headingText)}
	best := -1
	bestEnd := 0
	for _, form := range forms {
		form = strings.TrimSpace(form)
		if form == "" {
			continue
		}
		for from := pos; from < len(text); {
			i := strings.Index(text[from:], form)
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(form)
			if wordBoundary(text, s, e) && !inCode(s, e) {
				if best < 0 || s < best {
					best, bestEnd = s, e
				}
				break
			}
			from = s + 1
		}
	}
	return best, bestEnd, best >= 0
}

// wordBoundary reports whether text[start:end] neither starts nor ends inside a word.
func wordBoundary(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
