package site

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/versus-dev/versus/web/markdown"
)

// minExplanationWords is the least a pair's explanation of a row may say: an argued
// paragraph, not a restatement of the cells.
const minExplanationWords = 80

// tableRow is a row as written: a cell per subject, a verdict per pair, and the body
// whose sections explain each pair.
type tableRow struct {
	row      *Row // the table's row: every cell, no verdict
	doc      *document
	meta     rowMeta
	sections map[string]section
}

// loadComparison reads a comparison as written (index.md, its rows and choose.yaml), then
// derives the comparison of each pair of its subjects and adds them to the site.
func (l *loader) loadComparison(doc *document) {
	var meta comparisonMeta
	_ = doc.decodeStrict(&meta, &l.problems) // decoded cleanly once already
	dir := path.Dir(doc.file)
	c := &Comparison{
		Slug: path.Base(dir), File: doc.file, Title: meta.Title, Summary: meta.Summary,
		Reviewed: meta.Reviewed.Time, rowsByID: map[string]*Row{},
	}
	c.Table = c
	ps := &l.problems
	l.requireText(doc, meta.Title, "title")
	l.requireText(doc, meta.Summary, "summary")
	l.requireDate(doc, meta.Reviewed.Time, "reviewed")
	if len(meta.Subjects) < 2 {
		ps.add(doc.file, lineOf(doc.meta, "subjects"), "a comparison needs at least two subjects")
	}
	var ids []string
	for i, s := range meta.Subjects {
		line := lineOf(doc.meta, "subjects", i)
		switch {
		case !idPattern.MatchString(s.ID):
			ps.add(doc.file, line, "subject id %q must be lowercase letters, digits and dashes", s.ID)
		case s.ID == "tie" || s.ID == codeSection:
			ps.add(doc.file, line, "%q is reserved and cannot be a subject id", s.ID)
		case slices.Contains(ids, s.ID):
			ps.add(doc.file, line, "duplicate subject id %q", s.ID)
		}
		if strings.TrimSpace(s.Name) == "" {
			ps.add(doc.file, line, "subject %q needs a name", s.ID)
		}
		ids = append(ids, s.ID)
		c.Subjects = append(c.Subjects, Subject{ID: s.ID, Name: s.Name, Covers: s.Covers, Releases: l.subjects[s.ID].Releases})
	}
	if want := PairSlug(ids...); len(ids) >= 2 && c.Slug != want {
		ps.add(doc.file, lineOf(doc.meta, "subjects"), "the folder is named %q but its subjects make %q: rename one to match", c.Slug, want)
	}
	if c.IsTable() && meta.Answer != "" {
		ps.add(doc.file, lineOf(doc.meta, "answer"), "with three subjects or more, each pair has its own answer: write it under pairs: {%s: {answer: …}}", PairSlug(ids[0], ids[1]))
	}
	pairs := l.declarePairs(doc, c, meta)
	categories := l.categories(doc, c, meta.Categories)
	intros := l.bodySections(doc, append(pairSlugs(pairs), c.Slug), !c.IsTable())

	rowFiles, err := fs.ReadDir(l.fsys, path.Join(dir, "rows"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		ps.add(path.Join(dir, "rows"), 0, "cannot list rows: %v", err)
	}
	aliasOwner := map[string]string{} // alias or id → file that claims it
	var rows []*tableRow
	for _, entry := range rowFiles {
		file := path.Join(dir, "rows", entry.Name())
		if entry.IsDir() || strings.HasPrefix(entry.Name(), ".") {
			continue
		}
		if path.Ext(file) != ".md" {
			ps.add(file, 0, "unexpected file: rows are Markdown files named <row-id>.md")
			continue
		}
		tr := l.loadRow(file, c, pairs, categories)
		if tr == nil {
			continue
		}
		if other, taken := aliasOwner[tr.row.ID]; taken {
			ps.add(file, 1, "row id %q is already used by %s", tr.row.ID, other)
			continue
		}
		aliasOwner[tr.row.ID] = file
		c.rowsByID[tr.row.ID] = tr.row
		c.Rows = append(c.Rows, tr.row)
		rows = append(rows, tr)
	}
	for _, row := range c.Rows {
		for _, alias := range row.Aliases {
			if other, taken := aliasOwner[alias]; taken {
				ps.add(row.File, l.aliasLine(row, alias), "alias %q is already used by %s", alias, other)
				continue
			}
			aliasOwner[alias] = row.File
		}
	}
	sortRows(c)
	for i, cat := range c.Categories {
		if len(cat.Rows) == 0 && !slices.ContainsFunc(c.Rows, func(r *Row) bool { return categoryIndex(c, r.Category) == len(c.Categories) }) {
			ps.add(doc.file, lineOf(doc.meta, "categories", i), "category %q has no rows", cat.ID)
		}
	}
	l.loadChoose(c, dir)

	// Every pair is a comparison of its own, derived from the rows as written.
	for _, p := range pairs {
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
	if c.IsTable() {
		l.renderSection(doc, intros, c.Slug, c, func(d *markdown.Document) { c.Intro = d })
	} else {
		c.Intro = &markdown.Document{}
	}
	for _, row := range c.Rows {
		row.Body = &markdown.Document{}
	}
	l.site.Tables = append(l.site.Tables, c)
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

func (l *loader) categories(doc *document, c *Comparison, metas []categoryMeta) map[string]*Category {
	ps := &l.problems
	categories := map[string]*Category{}
	if len(metas) == 0 {
		ps.add(doc.file, lineOf(doc.meta, "categories"), "a comparison needs at least one category")
	}
	for i, cm := range metas {
		line := lineOf(doc.meta, "categories", i)
		if !idPattern.MatchString(cm.ID) {
			ps.add(doc.file, line, "category id %q must be lowercase letters, digits and dashes", cm.ID)
		}
		if categories[cm.ID] != nil {
			ps.add(doc.file, line, "duplicate category id %q", cm.ID)
			continue
		}
		if strings.TrimSpace(cm.Title) == "" {
			ps.add(doc.file, line, "category %q needs a title", cm.ID)
		}
		cat := &Category{ID: cm.ID, Title: cm.Title}
		categories[cm.ID] = cat
		c.Categories = append(c.Categories, cat)
	}
	return categories
}

// bodySections splits doc's body into the sections named by want (and, for rows, the
// shared code section), reporting markers that name nothing, sections given twice, and
// text before the first marker. A body without markers is one section for the only name
// in want when whole is set (the shorthand of a two-subject comparison); nil means the
// body is used whole.
func (l *loader) bodySections(doc *document, want []string, whole bool) map[string]section {
	ps := &l.problems
	list, stray := sections(doc.body)
	if len(list) == 0 && whole {
		return nil
	}
	if stray >= 0 {
		ps.add(doc.file, doc.bodyOffset+stray+1, "text before the first section: start the body with a marker such as <!-- %s -->", want[0])
	}
	out := map[string]section{}
	for _, s := range list {
		line := doc.bodyOffset + s.markerLine + 1
		switch {
		case !slices.Contains(want, s.name):
			ps.add(doc.file, line, "section <!-- %s --> names no pair of this comparison (sections: %s)", s.name, strings.Join(want, ", "))
		case out[s.name].name != "":
			ps.add(doc.file, line, "section <!-- %s --> is given twice", s.name)
		default:
			out[s.name] = s
		}
	}
	return out
}

// renderSection queues the rendering of doc's section name (all of doc when sections is
// nil), reporting a missing section.
func (l *loader) renderSection(doc *document, sections map[string]section, name string, c *Comparison, set func(*markdown.Document)) {
	if sections == nil {
		l.render(doc, c, set)
		return
	}
	s, ok := sections[name]
	if !ok {
		l.problems.add(doc.file, doc.bodyOffset+1, "missing section <!-- %s -->", name)
		set(&markdown.Document{})
		return
	}
	part := *doc
	part.body = maskBody(doc.body, func(i int) bool { return i >= s.start && i < s.end })
	l.render(&part, c, set)
}

// aliasLine finds the line of an alias in a row's front matter.
func (l *loader) aliasLine(row *Row, alias string) int {
	for i, a := range row.Aliases {
		if a == alias {
			return row.aliasLines[i]
		}
	}
	return 1
}

func categoryIndex(c *Comparison, cat *Category) int {
	for i, x := range c.Categories {
		if x == cat {
			return i
		}
	}
	return len(c.Categories)
}

// sortRows puts c's rows in table order (category, then order, then id) and files each
// under its category.
func sortRows(c *Comparison) {
	sort.SliceStable(c.Rows, func(i, j int) bool {
		a, b := c.Rows[i], c.Rows[j]
		if a.Category != b.Category {
			return categoryIndex(c, a.Category) < categoryIndex(c, b.Category)
		}
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return a.ID < b.ID
	})
	for _, row := range c.Rows {
		row.Category.Rows = append(row.Category.Rows, row)
	}
}

// loadRow reads a row as written: its cells, its verdict for each pair and the sections
// of its body.
func (l *loader) loadRow(file string, c *Comparison, pairs []*Comparison, categories map[string]*Category) *tableRow {
	doc, ok := l.read(file)
	if !ok {
		return nil
	}
	var meta rowMeta
	if !doc.decodeStrict(&meta, &l.problems) {
		return nil
	}
	ps := &l.problems
	id := strings.TrimSuffix(path.Base(file), ".md")
	if !idPattern.MatchString(id) {
		ps.add(file, 0, "row id %q (the file name) must be lowercase letters, digits and dashes", id)
	}
	if id == choose {
		ps.add(file, 0, "row id \"choose\" is taken by the decision helper's page: rename the file")
	}
	row := &Row{ID: id, File: file, Comparison: c, Title: meta.Title, Order: meta.Order, Kind: KindFeature, Aliases: meta.Aliases, Reviewed: meta.Reviewed.Time}
	switch k := Kind(meta.Kind); k {
	case "", KindFeature:
	case KindTrait:
		row.Kind = k
	default:
		ps.add(file, lineOf(doc.meta, "kind"), "kind %q must be %q (the default: a feature the frameworks may ship) or %q (the row describes them)", meta.Kind, KindFeature, KindTrait)
	}
	l.requireText(doc, meta.Title, "title")
	l.requireDate(doc, meta.Reviewed.Time, "reviewed")
	row.Category = categories[meta.Category]
	if row.Category == nil {
		known := make([]string, 0, len(c.Categories))
		for _, cat := range c.Categories {
			known = append(known, cat.ID)
		}
		if meta.Category == "" {
			ps.add(file, 1, "missing key \"category\" (one of: %s)", strings.Join(known, ", "))
		} else {
			ps.add(file, lineOf(doc.meta, "category"), "unknown category %q (one of: %s)", meta.Category, strings.Join(known, ", "))
		}
		row.Category = &Category{ID: meta.Category}
	}
	for i, alias := range meta.Aliases {
		line := lineOf(doc.meta, "aliases", i)
		row.aliasLines = append(row.aliasLines, line)
		if !idPattern.MatchString(alias) {
			ps.add(file, line, "alias %q must be lowercase letters, digits and dashes", alias)
		}
		if alias == id {
			ps.add(file, line, "alias %q is the row's own id", alias)
		}
	}
	for _, s := range c.Subjects {
		cell, ok := meta.Cells[s.ID]
		if !ok {
			ps.add(file, lineOf(doc.meta, "cells"), "missing cell for subject %q", s.ID)
			continue
		}
		line := lineOf(doc.meta, "cells", s.ID)
		l.checkSupport(file, line, row.Kind, s.ID, cell.Support)
		if strings.TrimSpace(cell.Text) == "" {
			ps.add(file, line, "cell %q needs a text: every cell says something in words", s.ID)
		}
		row.Cells = append(row.Cells, Cell{Subject: s, Support: Support(cell.Support), Text: cell.Text})
	}
	for key := range meta.Cells {
		if !c.Has(key) {
			ps.add(file, lineOf(doc.meta, "cells", key), "cell for unknown subject %q (subjects: %s)", key, subjectList(c))
		}
	}
	row.Sources = l.sources(doc, meta.Sources, true)
	for i, s := range row.Sources {
		for _, id := range s.Subjects {
			if !c.Has(id) {
				ps.add(file, lineOf(doc.meta, "sources", i), "source %q is for unknown subject %q (subjects: %s)", s.Title, id, subjectList(c))
			}
		}
	}
	tr := &tableRow{row: row, doc: doc, meta: meta}
	shorthand := !c.IsTable() && len(meta.Pairs) == 0
	if shorthand {
		meta.Pairs = map[string]verdictMeta{pairs[0].Slug: {Verdict: meta.Verdict, Summary: meta.Summary}}
		tr.meta = meta
	} else {
		if meta.Verdict != "" || meta.Summary != "" {
			key := "verdict"
			if meta.Verdict == "" {
				key = "summary"
			}
			ps.add(file, lineOf(doc.meta, key), "verdicts and summaries belong to pairs: write them under pairs: {%s: {verdict: …, summary: …}}", pairs[0].Slug)
		}
		for key := range meta.Pairs {
			if !slices.ContainsFunc(pairs, func(p *Comparison) bool { return p.Slug == key }) {
				ps.add(file, lineOf(doc.meta, "pairs", key), "%s", unknownPair(c, key))
			}
		}
	}
	want := append(pairSlugs(pairs), codeSection)
	tr.sections = l.bodySections(doc, want, shorthand)
	for _, p := range pairs {
		v, ok := tr.meta.Pairs[p.Slug]
		line := lineOf(doc.meta, "pairs", p.Slug)
		if shorthand {
			line = lineOf(doc.meta, "verdict")
		}
		if !ok {
			ps.add(file, lineOf(doc.meta, "pairs"), "missing verdict for pair %q", p.Slug)
			continue
		}
		if v.Verdict != "tie" && !p.Has(v.Verdict) {
			ps.add(file, line, "verdict %q for %s must be %s, %s or \"tie\"", v.Verdict, p.Slug, p.Subjects[0].ID, p.Subjects[1].ID)
		}
		if strings.TrimSpace(v.Summary) == "" {
			ps.add(file, line, "pair %q needs a summary", p.Slug)
		}
		if tr.sections == nil {
			continue
		}
		s, ok := tr.sections[p.Slug]
		if !ok {
			ps.add(file, doc.bodyOffset+1, "missing section <!-- %s -->: the explanation written for that pair", p.Slug)
			continue
		}
		if n := wordCount(doc.body, s.start, s.end); n < minExplanationWords {
			ps.add(file, doc.bodyOffset+s.markerLine+1, "the explanation for %s has %d words; write at least %d, argued for this pair", p.Slug, n, minExplanationWords)
		}
	}
	return tr
}

// checkSupport reports a cell's support level that its row's kind does not allow: a
// feature row's cells each need one of the levels, a trait row's cells none (a badge
// there would claim the framework "ships" its philosophy or licence).
func (l *loader) checkSupport(file string, line int, kind Kind, subject, support string) {
	levels := strings.Join(supportStrings(), ", ")
	switch {
	case kind == KindTrait && support != "":
		l.problems.add(file, line, "cell %q: a trait row's cells have no support level; remove support: %s (kind: trait rows describe the frameworks and show no badge)", subject, support)
	case kind == KindTrait:
	case support == "":
		l.problems.add(file, line, "cell %q needs a support level (one of: %s); if the row describes the frameworks rather than a feature they ship, mark it kind: trait", subject, levels)
	case !slices.Contains(supportStrings(), support):
		l.problems.add(file, line, "cell %q: support %q must be one of: %s", subject, support, levels)
	}
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
