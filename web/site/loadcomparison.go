package site

// The loader of a comparison as written: index.md (subjects, categories, the sections of
// its introductions), its rows folder and choose.yaml, and the order of the table.

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/versus-dev/versus/web/markdown"
)

// readComparisonMeta reads and decodes a comparison's index.md; nil when it cannot be used.
func (l *loader) readComparisonMeta(file string) (*document, *comparisonMeta) {
	doc, ok := l.read(file)
	if !ok {
		return nil, nil
	}
	var meta comparisonMeta
	if !doc.decodeStrict(&meta, &l.problems) {
		return nil, nil
	}
	return doc, &meta
}

// loadComparison reads a comparison as written (index.md, decoded as meta, its rows and
// choose.yaml), then derives the comparison of each pair of its subjects and adds them to
// the site.
func (l *loader) loadComparison(doc *document, meta *comparisonMeta) {
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
	pairs := l.declarePairs(doc, c, *meta)
	categories := l.categories(doc, c, meta.Categories)
	intros := l.bodySections(doc, append(pairSlugs(pairs), c.Slug), !c.IsTable())

	rowFiles, err := fs.ReadDir(l.fsys, path.Join(dir, "rows"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		ps.add(path.Join(dir, "rows"), 0, "cannot list rows: %v", err)
	}
	aliasOwner := map[string]string{} // alias or id → file that claims it
	var files []string
	for _, entry := range rowFiles {
		file := path.Join(dir, "rows", entry.Name())
		if entry.IsDir() || strings.HasPrefix(entry.Name(), ".") {
			continue
		}
		if path.Ext(file) != ".md" {
			ps.add(file, 0, "unexpected file: rows are Markdown files named <row-id>.md")
			continue
		}
		files = append(files, file)
	}
	var rows []*tableRow
	for _, parsed := range l.parseRows(files) {
		file := parsed.file
		tr := l.loadRow(parsed, c, pairs, categories)
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
		l.derivePair(doc, c, p, rows, intros)
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
