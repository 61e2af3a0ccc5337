package site

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/versus-dev/versus/web/highlight"
	"github.com/versus-dev/versus/web/markdown"
	"github.com/versus-dev/versus/web/parallel"
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// The front matter of each kind of file, as written. Unknown keys are errors.
type (
	comparisonMeta struct {
		Title      string         `yaml:"title"`
		Summary    string         `yaml:"summary"`
		Subjects   []subjectMeta  `yaml:"subjects"`
		Categories []categoryMeta `yaml:"categories"`
		Reviewed   date           `yaml:"reviewed"`
	}
	subjectMeta struct {
		ID   string `yaml:"id"`
		Name string `yaml:"name"`
	}
	categoryMeta struct {
		ID    string `yaml:"id"`
		Title string `yaml:"title"`
	}
	rowMeta struct {
		Title    string              `yaml:"title"`
		Category string              `yaml:"category"`
		Order    int                 `yaml:"order"`
		Aliases  []string            `yaml:"aliases"`
		Summary  string              `yaml:"summary"`
		Verdict  string              `yaml:"verdict"`
		Cells    map[string]cellMeta `yaml:"cells"`
		Sources  []sourceMeta        `yaml:"sources"`
		Reviewed date                `yaml:"reviewed"`
	}
	cellMeta struct {
		Support string `yaml:"support"`
		Text    string `yaml:"text"`
	}
	sourceMeta struct {
		Title string `yaml:"title"`
		URL   string `yaml:"url"`
		Read  date   `yaml:"read"`
	}
	frameworkMeta struct {
		Title    string       `yaml:"title"`
		Summary  string       `yaml:"summary"`
		Facts    []factMeta   `yaml:"facts"`
		Links    []linkMeta   `yaml:"links"`
		Sources  []sourceMeta `yaml:"sources"`
		Reviewed date         `yaml:"reviewed"`
	}
	factMeta struct {
		Label string `yaml:"label"`
		Value string `yaml:"value"`
	}
	linkMeta struct {
		Title string `yaml:"title"`
		URL   string `yaml:"url"`
	}
	guideMeta struct {
		Title    string       `yaml:"title"`
		Summary  string       `yaml:"summary"`
		Reviewed date         `yaml:"reviewed"`
		Sources  []sourceMeta `yaml:"sources"`
	}
)

// loader holds the state of one Load.
type loader struct {
	fsys        fs.FS
	problems    problems
	highlighter *highlight.Highlighter // nil: markdown.New makes one
	md          *markdown.Renderer
	site        *Site
	docs        []renderedDoc // every rendered body, for link and code checks
	jobs        []renderJob   // bodies waiting for renderAll
}

// renderedDoc is a rendered body with what its links and code may refer to.
type renderedDoc struct {
	file       string
	doc        *markdown.Document
	comparison *Comparison // the row's comparison; nil for guides and profiles
}

// Option changes how Load renders content.
type Option func(*loader)

// WithHighlighter has code blocks highlighted by h, for instance one seeded with a
// highlight cache; by default each Load highlights with a new highlight.Highlighter.
func WithHighlighter(h *highlight.Highlighter) Option {
	return func(l *loader) { l.highlighter = h }
}

// Load reads, validates and renders all content in fsys. When anything is wrong it returns
// a *ValidationError listing every problem; nothing is served from half-valid content.
func Load(fsys fs.FS, options ...Option) (*Site, error) {
	l := &loader{fsys: fsys, site: &Site{}}
	for _, o := range options {
		o(l)
	}
	comparisonDirs, err := fs.Glob(fsys, "comparisons/*/index.md")
	if err != nil {
		return nil, fmt.Errorf("listing comparisons: %w", err)
	}
	// Subjects first: every body's code blocks are labelled with subject names.
	var metas []*document
	names := map[string]string{}
	for _, file := range comparisonDirs {
		doc, meta := l.readComparisonMeta(file)
		if doc == nil {
			continue
		}
		metas = append(metas, doc)
		for _, s := range meta.Subjects {
			names[s.ID] = s.Name
		}
	}
	l.md = markdown.New(names, l.highlighter)
	for _, doc := range metas {
		l.loadComparison(doc)
	}
	if len(comparisonDirs) == 0 {
		l.problems.add("comparisons", 0, "no comparison found: expected comparisons/<a>-vs-<b>/index.md")
	}
	l.loadFrameworks()
	l.loadGuides()
	l.renderAll()
	l.checkReferences(names)
	if err := l.problems.err(); err != nil {
		return nil, err
	}
	return l.site, nil
}

func (l *loader) read(file string) (*document, bool) {
	data, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.problems.add(file, 0, "cannot read: %v", err)
		return nil, false
	}
	return splitFrontMatter(file, data, &l.problems)
}

// render queues doc's body for rendering; set receives the result once renderAll has run.
func (l *loader) render(doc *document, comparison *Comparison, set func(*markdown.Document)) {
	l.jobs = append(l.jobs, renderJob{doc: doc, comparison: comparison, set: set})
}

// renderJob is one Markdown body to render.
type renderJob struct {
	doc        *document
	comparison *Comparison
	set        func(*markdown.Document)
}

// renderAll renders every queued body on every CPU (highlighting code is most of the
// start-up time), then hands each result to its owner in queue order.
func (l *loader) renderAll() {
	results := make([]*markdown.Document, len(l.jobs))
	errs := make([]error, len(l.jobs))
	parallel.Each(len(l.jobs), func() func(int) {
		return func(i int) {
			results[i], errs[i] = l.md.Render(l.jobs[i].doc.body, l.jobs[i].doc.bodyOffset)
		}
	})
	for i, job := range l.jobs {
		if errs[i] != nil {
			l.problems.add(job.doc.file, job.doc.bodyOffset+1, "%v", errs[i])
			job.set(&markdown.Document{})
			continue
		}
		job.set(results[i])
		l.docs = append(l.docs, renderedDoc{file: job.doc.file, doc: results[i], comparison: job.comparison})
	}
	l.jobs = nil
}

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

func (l *loader) loadComparison(doc *document) {
	var meta comparisonMeta
	_ = doc.decodeStrict(&meta, &l.problems) // decoded cleanly once already
	dir := path.Dir(doc.file)
	c := &Comparison{
		Slug: path.Base(dir), File: doc.file, Title: meta.Title, Summary: meta.Summary,
		Reviewed: meta.Reviewed.Time, rowsByID: map[string]*Row{}, aliases: map[string]*Row{},
	}
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
		case s.ID == "tie":
			ps.add(doc.file, line, `"tie" is reserved for verdicts and cannot be a subject id`)
		case slices.Contains(ids, s.ID):
			ps.add(doc.file, line, "duplicate subject id %q", s.ID)
		}
		if strings.TrimSpace(s.Name) == "" {
			ps.add(doc.file, line, "subject %q needs a name", s.ID)
		}
		ids = append(ids, s.ID)
		c.Subjects = append(c.Subjects, Subject(s))
	}
	if want := PairSlug(ids...); len(ids) >= 2 && c.Slug != want {
		ps.add(doc.file, lineOf(doc.meta, "subjects"), "the folder is named %q but its subjects make %q: rename one to match", c.Slug, want)
	}
	categories := map[string]*Category{}
	if len(meta.Categories) == 0 {
		ps.add(doc.file, lineOf(doc.meta, "categories"), "a comparison needs at least one category")
	}
	for i, cm := range meta.Categories {
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
	l.render(doc, c, func(d *markdown.Document) { c.Intro = d })

	rowFiles, err := fs.ReadDir(l.fsys, path.Join(dir, "rows"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		ps.add(path.Join(dir, "rows"), 0, "cannot list rows: %v", err)
	}
	aliasOwner := map[string]string{} // alias or id → file that claims it
	for _, entry := range rowFiles {
		file := path.Join(dir, "rows", entry.Name())
		if entry.IsDir() || strings.HasPrefix(entry.Name(), ".") {
			continue
		}
		if path.Ext(file) != ".md" {
			ps.add(file, 0, "unexpected file: rows are Markdown files named <row-id>.md")
			continue
		}
		row := l.loadRow(file, c, categories)
		if row == nil {
			continue
		}
		if other, taken := aliasOwner[row.ID]; taken {
			ps.add(file, 1, "row id %q is already used by %s", row.ID, other)
			continue
		}
		aliasOwner[row.ID] = file
		c.rowsByID[row.ID] = row
		c.Rows = append(c.Rows, row)
	}
	for _, row := range c.Rows {
		for _, alias := range row.Aliases {
			if other, taken := aliasOwner[alias]; taken {
				ps.add(row.File, l.aliasLine(row, alias), "alias %q is already used by %s", alias, other)
				continue
			}
			aliasOwner[alias] = row.File
			c.aliases[alias] = row
		}
	}
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
	rowWithoutCategory := false // then an empty category is likely that row's, not news
	for _, row := range c.Rows {
		row.Category.Rows = append(row.Category.Rows, row)
		rowWithoutCategory = rowWithoutCategory || categoryIndex(c, row.Category) == len(c.Categories)
	}
	for i, cat := range c.Categories {
		if len(cat.Rows) == 0 && !rowWithoutCategory {
			ps.add(doc.file, lineOf(doc.meta, "categories", i), "category %q has no rows", cat.ID)
		}
	}
	l.loadChoose(c, dir)
	l.site.Comparisons = append(l.site.Comparisons, c)
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

func (l *loader) loadRow(file string, c *Comparison, categories map[string]*Category) *Row {
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
	if id == "choose" {
		ps.add(file, 0, "row id \"choose\" is taken by the decision helper's page: rename the file")
	}
	row := &Row{
		ID: id, File: file, Comparison: c, Title: meta.Title, Order: meta.Order,
		Aliases: meta.Aliases, Summary: meta.Summary, Verdict: meta.Verdict, Reviewed: meta.Reviewed.Time,
	}
	l.requireText(doc, meta.Title, "title")
	l.requireText(doc, meta.Summary, "summary")
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
	if _, ok := c.Subject(meta.Verdict); !ok && meta.Verdict != "tie" {
		ps.add(file, lineOf(doc.meta, "verdict"), "verdict %q must be a subject id (%s) or \"tie\"", meta.Verdict, subjectList(c))
	}
	for _, s := range c.Subjects {
		cell, ok := meta.Cells[s.ID]
		if !ok {
			ps.add(file, lineOf(doc.meta, "cells"), "missing cell for subject %q", s.ID)
			continue
		}
		line := lineOf(doc.meta, "cells", s.ID)
		support := Support(cell.Support)
		if !slices.Contains(supportStrings(), cell.Support) {
			ps.add(file, line, "cell %q: support %q must be one of: %s", s.ID, cell.Support, strings.Join(supportStrings(), ", "))
		}
		if strings.TrimSpace(cell.Text) == "" {
			ps.add(file, line, "cell %q needs a text: every cell says something in words", s.ID)
		}
		row.Cells = append(row.Cells, Cell{Subject: s, Support: support, Text: cell.Text})
	}
	for key := range meta.Cells {
		if _, ok := c.Subject(key); !ok {
			ps.add(file, lineOf(doc.meta, "cells", key), "cell for unknown subject %q (subjects: %s)", key, subjectList(c))
		}
	}
	row.Sources = l.sources(doc, meta.Sources, true)
	l.render(doc, c, func(d *markdown.Document) { row.Body = d })
	return row
}

func (l *loader) sources(doc *document, metas []sourceMeta, required bool) []Source {
	ps := &l.problems
	if required && len(metas) == 0 {
		ps.add(doc.file, lineOf(doc.meta, "sources"), "missing sources: name at least one document the facts were checked against")
	}
	var out []Source
	for i, s := range metas {
		line := lineOf(doc.meta, "sources", i)
		if strings.TrimSpace(s.Title) == "" {
			ps.add(doc.file, line, "source needs a title")
		}
		if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			ps.add(doc.file, line, "source url %q must be an absolute http(s) URL", s.URL)
		}
		if s.Read.IsZero() {
			ps.add(doc.file, line, "source %q needs the date it was read (read: YYYY-MM-DD)", s.Title)
		}
		out = append(out, Source{Title: s.Title, URL: s.URL, Read: s.Read.Time})
	}
	return out
}

func (l *loader) requireText(doc *document, value, key string) {
	if strings.TrimSpace(value) == "" {
		l.problems.add(doc.file, lineOf(doc.meta, key), "missing %q", key)
	}
}

func (l *loader) requireDate(doc *document, value time.Time, key string) {
	if value.IsZero() {
		l.problems.add(doc.file, lineOf(doc.meta, key), "missing %q date (YYYY-MM-DD)", key)
	}
}

// pageMeta is the front matter every profile and guide has.
type pageMeta interface {
	page() (title, summary string, reviewed time.Time)
}

func (m *frameworkMeta) page() (string, string, time.Time) {
	return m.Title, m.Summary, m.Reviewed.Time
}
func (m *guideMeta) page() (string, string, time.Time) { return m.Title, m.Summary, m.Reviewed.Time }

// loadPages reads every file matching pattern with front matter M, checks the id its file
// name gives and the keys every page has, and hands each to add.
func loadPages[M any, PM interface {
	*M
	pageMeta
}](l *loader, pattern, idName string, add func(doc *document, id string, meta *M)) {
	files, err := fs.Glob(l.fsys, pattern)
	if err != nil {
		l.problems.add(path.Dir(pattern), 0, "cannot list: %v", err)
		return
	}
	for _, file := range files {
		doc, ok := l.read(file)
		if !ok {
			continue
		}
		meta := new(M)
		if !doc.decodeStrict(meta, &l.problems) {
			continue
		}
		id := strings.TrimSuffix(path.Base(file), ".md")
		if !idPattern.MatchString(id) {
			l.problems.add(file, 0, "%s %q (the file name) must be lowercase letters, digits and dashes", idName, id)
		}
		title, summary, reviewed := PM(meta).page()
		l.requireText(doc, title, "title")
		l.requireText(doc, summary, "summary")
		l.requireDate(doc, reviewed, "reviewed")
		add(doc, id, meta)
	}
}

func (l *loader) loadFrameworks() {
	loadPages(l, "frameworks/*.md", "profile id", func(doc *document, id string, meta *frameworkMeta) {
		f := &Framework{ID: id, File: doc.file, Title: meta.Title, Summary: meta.Summary, Reviewed: meta.Reviewed.Time}
		for i, fact := range meta.Facts {
			if strings.TrimSpace(fact.Label) == "" || strings.TrimSpace(fact.Value) == "" {
				l.problems.add(doc.file, lineOf(doc.meta, "facts", i), "a fact needs a label and a value")
			}
			f.Facts = append(f.Facts, Fact(fact))
		}
		for i, link := range meta.Links {
			if u, err := url.Parse(link.URL); err != nil || u.Host == "" || strings.TrimSpace(link.Title) == "" {
				l.problems.add(doc.file, lineOf(doc.meta, "links", i), "a link needs a title and an absolute URL")
			}
			f.Links = append(f.Links, NamedLink(link))
		}
		f.Sources = l.sources(doc, meta.Sources, true)
		l.render(doc, nil, func(d *markdown.Document) { f.Body = d })
		l.site.Frameworks = append(l.site.Frameworks, f)
	})
}

func (l *loader) loadGuides() {
	loadPages(l, "guides/*.md", "guide slug", func(doc *document, slug string, meta *guideMeta) {
		g := &Guide{Slug: slug, File: doc.file, Title: meta.Title, Summary: meta.Summary, Reviewed: meta.Reviewed.Time}
		g.Sources = l.sources(doc, meta.Sources, false)
		l.render(doc, nil, func(d *markdown.Document) {
			g.Body = d
			g.Words = len(strings.Fields(d.Text))
		})
		l.site.Guides = append(l.site.Guides, g)
	})
	sort.Slice(l.site.Guides, func(i, j int) bool { return l.site.Guides[i].Title < l.site.Guides[j].Title })
}

func supportStrings() []string {
	out := make([]string, len(SupportLevels))
	for i, s := range SupportLevels {
		out[i] = string(s)
	}
	return out
}

func subjectList(c *Comparison) string {
	ids := make([]string, len(c.Subjects))
	for i, s := range c.Subjects {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}
