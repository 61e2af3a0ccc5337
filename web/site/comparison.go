package site

// A comparison's and its rows' methods, and the derivation of every pair of a comparison's
// subjects from the comparison as written: its title, its rows (two cells, the pair's
// verdict, the sources of its subjects, the explanation and code of its two subjects),
// its decision helper and introduction.

import (
	"slices"
	"strings"

	"github.com/versus-dev/versus/web/markdown"
)

// Row returns the row with this id, or nil.
func (c *Comparison) Row(id string) *Row { return c.rowsByID[id] }

// IsTable reports whether c is a table of three subjects or more rather than a pair.
func (c *Comparison) IsTable() bool { return len(c.Subjects) > 2 }

// Has reports whether id is one of c's subjects.
func (c *Comparison) Has(id string) bool {
	return slices.ContainsFunc(c.Subjects, func(s Subject) bool { return s.ID == id })
}

// subject returns the subject with this id, or nil.
func (c *Comparison) subject(id string) *Subject {
	for i := range c.Subjects {
		if c.Subjects[i].ID == id {
			return &c.Subjects[i]
		}
	}
	return nil
}

// Category returns the category with this id, or nil.
func (c *Comparison) Category(id string) *Category {
	for _, cat := range c.Categories {
		if cat.ID == id {
			return cat
		}
	}
	return nil
}

// VerdictName is the verdict in words: the winning subject's name, or "Tie".
func (r *Row) VerdictName() string {
	for _, s := range r.Comparison.Subjects {
		if s.ID == r.Verdict {
			return s.Name
		}
	}
	return "Tie"
}

// InOtherPairs returns the same row in the other pairs of its comparison's subjects.
func (r *Row) InOtherPairs() []*Row {
	var out []*Row
	if r.Comparison.Table == nil {
		return nil
	}
	for _, p := range r.Comparison.Table.Pairs {
		if p != r.Comparison {
			if other := p.Row(r.ID); other != nil {
				out = append(out, other)
			}
		}
	}
	return out
}

// InPairs returns the row in each pair of its comparison, in declared order: for a table
// row, the same row in each pair (which carries that pair's verdict); for a pair's row,
// the row itself.
func (r *Row) InPairs() []*Row {
	if !r.Comparison.IsTable() {
		return []*Row{r}
	}
	var out []*Row
	for _, p := range r.Comparison.Pairs {
		if pr := p.Row(r.ID); pr != nil {
			out = append(out, pr)
		}
	}
	return out
}

// Neighbours returns the rows before and after r within its category (nil at the ends).
func (r *Row) Neighbours() (prev, next *Row) {
	rows := r.Category.Rows
	for i, x := range rows {
		if x != r {
			continue
		}
		if i > 0 {
			prev = rows[i-1]
		}
		if i+1 < len(rows) {
			next = rows[i+1]
		}
	}
	return prev, next
}

// declarePairs makes the comparison of every pair of c's subjects, in declared order
// (flask-vs-django, flask-vs-fastapi, django-vs-fastapi), with the title and summary the
// front matter gives it. A two-subject comparison may leave them to its own.
func (l *loader) declarePairs(doc *document, c *Comparison, meta comparisonMeta) []*Comparison {
	ps := &l.problems
	var pairs []*Comparison
	for i, a := range c.Subjects {
		for _, b := range c.Subjects[i+1:] {
			p := &Comparison{Slug: PairSlug(a.ID, b.ID), Subjects: []Subject{a, b}, rowsByID: map[string]*Row{}}
			pm, ok := meta.Pairs[p.Slug]
			switch {
			case ok:
				p.Title, p.Summary, p.Answer = pm.Title, pm.Summary, strings.TrimSpace(pm.Answer)
				line := lineOf(doc.meta, "pairs", p.Slug)
				if strings.TrimSpace(pm.Title) == "" || strings.TrimSpace(pm.Summary) == "" {
					ps.add(doc.file, line, "pair %q needs a title and a summary", p.Slug)
				}
			case !c.IsTable():
				p.Title, p.Summary, p.Answer = c.Title, c.Summary, strings.TrimSpace(meta.Answer)
			default:
				ps.add(doc.file, lineOf(doc.meta, "pairs"), "missing pair %q: with three subjects or more, pairs: gives each pair page its title and summary", p.Slug)
			}
			pairs = append(pairs, p)
		}
	}
	for key := range meta.Pairs {
		if !slices.ContainsFunc(pairs, func(p *Comparison) bool { return p.Slug == key }) {
			ps.add(doc.file, lineOf(doc.meta, "pairs", key), "%s", unknownPair(c, key))
		}
	}
	return pairs
}

// unknownPair explains why key names no pair of c.
func unknownPair(c *Comparison, key string) string {
	ids := strings.Split(key, pairSeparator)
	if len(ids) == 2 && ids[0] != ids[1] && c.Has(ids[0]) && c.Has(ids[1]) {
		return "pair " + quote(key) + " is written in the wrong order: write " + quote(PairSlug(ids[1], ids[0])) + " (subjects in their declared order)"
	}
	return "pair " + quote(key) + " names a subject outside this comparison (subjects: " + subjectList(c) + ")"
}

func pairSlugs(pairs []*Comparison) []string {
	out := make([]string, len(pairs))
	for i, p := range pairs {
		out[i] = p.Slug
	}
	return out
}

// derivePair makes pair p of comparison c (index.md is doc, its sections intros): its
// categories, its rows derived from the rows as written, its decision helper and its
// introduction; then adds it to c's pairs.
func (l *loader) derivePair(doc *document, c, p *Comparison, rows []*tableRow, intros map[string]section) {
	p.Table = c
	p.File, p.Reviewed = c.File, c.Reviewed
	p.Categories = make([]*Category, len(c.Categories))
	pairCategory := map[*Category]*Category{}
	for i, cat := range c.Categories {
		p.Categories[i] = &Category{ID: cat.ID, Title: cat.Title}
		pairCategory[cat] = p.Categories[i]
	}
	for _, tr := range rows {
		l.pairRow(tr, p, pairCategory[tr.row.Category])
	}
	sortRows(p)
	p.Choose = c.Choose.forPair(p)
	l.renderSection(doc, intros, p.Slug, p, func(d *markdown.Document) { p.Intro = d })
	c.Pairs = append(c.Pairs, p)
}

// pairRow derives tr's row in pair p: the pair's two cells, its verdict and summary, the
// sources about its subjects, and a body of the pair's explanation followed by the shared
// code blocks of its two subjects.
func (l *loader) pairRow(tr *tableRow, p *Comparison, cat *Category) {
	t := tr.row
	v := tr.meta.Pairs[p.Slug]
	if cat == nil { // the row names an unknown category, reported already
		cat = &Category{ID: t.Category.ID}
	}
	row := &Row{
		ID: t.ID, File: t.File, Comparison: p, Title: t.Title, Category: cat, Order: t.Order, Kind: t.Kind,
		Aliases: t.Aliases, Summary: v.Summary, Verdict: v.Verdict, Reviewed: t.Reviewed, aliasLines: t.aliasLines,
	}
	if v.Reviewed.After(row.Reviewed) {
		row.Reviewed = v.Reviewed.Time
	}
	for _, cell := range t.Cells {
		if p.Has(cell.Subject.ID) {
			row.Cells = append(row.Cells, cell)
		}
	}
	for _, s := range t.Sources {
		if len(s.Subjects) == 0 || slices.ContainsFunc(s.Subjects, p.Has) {
			row.Sources = append(row.Sources, s)
		}
	}
	p.rowsByID[row.ID] = row
	p.Rows = append(p.Rows, row)
	if tr.sections == nil {
		l.render(tr.doc, p, func(d *markdown.Document) { row.Body = d })
		return
	}
	explanation, hasExplanation := tr.sections[p.Slug]
	code, hasCode := tr.sections[codeSection]
	if !hasExplanation {
		row.Body = &markdown.Document{}
		return
	}
	var dropped []codeBlock // blocks and notes of the other subjects, as line ranges
	if hasCode {
		for _, b := range codeBlocksOf(tr.doc.body, code.start, code.end) {
			if b.framework != "" && !p.Has(b.framework) {
				dropped = append(dropped, b)
			}
		}
		for _, n := range subjectNotesOf(tr.doc.body, code.start, code.end, p.Table.Subjects) {
			if !p.Has(n.subject) {
				dropped = append(dropped, codeBlock{first: n.first, last: n.last})
			}
		}
	}
	part := *tr.doc
	part.body = maskBody(tr.doc.body, func(i int) bool {
		if i >= explanation.start && i < explanation.end {
			return true
		}
		if !hasCode || i < code.start || i >= code.end {
			return false
		}
		return !slices.ContainsFunc(dropped, func(b codeBlock) bool { return i >= b.first && i <= b.last })
	})
	l.render(&part, p, func(d *markdown.Document) { row.Body = d })
}
