package site

// The loader of the pages that are one file each: framework profiles (frameworks/<id>.md)
// and guides (guides/<slug>.md).

import (
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/versus-dev/versus/web/markdown"
)

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
			line := lineOf(doc.meta, "links", i)
			if strings.TrimSpace(link.Title) == "" {
				l.problems.add(doc.file, line, "a link needs a title")
			}
			if !isWebURL(link.URL) && !isMailto(link.URL) {
				l.problems.add(doc.file, line, "link url %q must be an absolute http(s) or mailto URL", link.URL)
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
