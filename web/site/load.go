package site

// Load, the entry point of the loader, and what its parts share: reading files within the
// limits, queueing Markdown bodies and rendering them on every CPU, and the checks every
// kind of file makes (sources, required keys). Each kind of file has its own: index.md in
// loadcomparison.go, rows in loadrow.go, profiles and guides in loadpages.go, choose.yaml
// in choose.go; comparison.go derives each pair, and meta.go holds the front matter as
// written.

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/versus-dev/versus/web/highlight"
	"github.com/versus-dev/versus/web/markdown"
	"github.com/versus-dev/versus/web/parallel"
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// loader holds the state of one Load.
type loader struct {
	fsys         fs.FS
	problems     problems
	highlighter  *highlight.Highlighter // nil: markdown.New makes one
	md           *markdown.Renderer
	site         *Site
	docs         []renderedDoc      // every rendered body, for link and code checks
	jobs         []renderJob        // bodies waiting for renderAll
	subjects     map[string]Subject // every subject by id, with its releases, as first declared
	envOwners    map[string]string  // environment (lock file) → the subject that names it
	contentBytes int64              // bytes of every file read so far
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
	l := &loader{fsys: fsys, site: &Site{}, subjects: map[string]Subject{}, envOwners: map[string]string{}}
	for _, o := range options {
		o(l)
	}
	comparisonDirs, err := fs.Glob(fsys, "comparisons/*/index.md")
	if err != nil {
		return nil, fmt.Errorf("listing comparisons: %w", err)
	}
	// Subjects first: every body's code blocks are labelled with subject names, and each
	// sample is marked with its subject's releases. Each index.md is decoded here, once,
	// and the rest of it loaded once the Markdown renderer knows the names.
	type indexFile struct {
		doc  *document
		meta *comparisonMeta
	}
	var indexes []indexFile
	names := map[string]string{}
	for _, file := range comparisonDirs {
		doc, meta := l.readComparisonMeta(file)
		if doc == nil {
			continue
		}
		indexes = append(indexes, indexFile{doc, meta})
		for _, s := range meta.Subjects {
			names[s.ID] = s.Name
		}
		l.readReleases(doc, meta)
	}
	l.checkLockFiles()
	l.md = markdown.New(names, l.highlighter, markdown.WithSampleMarks(l.sampleMark))
	for _, index := range indexes {
		l.loadComparison(index.doc, index.meta)
	}
	if len(comparisonDirs) == 0 {
		l.problems.add("comparisons", 0, "no comparison found: expected comparisons/<a>-vs-<b>/index.md")
	}
	l.loadFrameworks()
	l.loadGuides()
	l.renderAll()
	sortBySlug(l.site.Tables)
	l.site.Comparisons = nil // in declared order, comparison by comparison
	seen := map[string]*Comparison{}
	for _, t := range l.site.Tables {
		for _, p := range t.Pairs {
			if other := seen[p.Slug]; other != nil {
				l.problems.add(p.File, 1, "the pair %s is also compared in %s: each pair of subjects belongs to one comparison", p.Slug, other.File)
				continue
			}
			seen[p.Slug] = p
			l.site.Comparisons = append(l.site.Comparisons, p)
		}
	}
	l.checkReferences(names)
	l.checkSamples()
	if err := l.problems.err(); err != nil {
		return nil, err
	}
	return l.site, nil
}

func (l *loader) read(file string) (*document, bool) {
	data, ok := l.readFile(file)
	if !ok {
		return nil, false
	}
	return splitFrontMatter(file, data, &l.problems)
}

// Limits of content, which bound the memory and time that loading and serving it take: a
// site holds every page rendered, in memory, which takes about twelve times the size of
// its source.
const (
	MaxFileBytes    = 1 << 20  // one content file
	MaxContentBytes = 16 << 20 // every file of a content folder together
)

// readFile reads a content file, reporting why it cannot be used: it cannot be read, it is
// over MaxFileBytes (known before it is read) or takes the content past MaxContentBytes,
// or it is not UTF-8 (pages are served as UTF-8, so such a file would make invalid pages).
func (l *loader) readFile(file string) ([]byte, bool) {
	info, err := fs.Stat(l.fsys, file)
	if err != nil {
		l.problems.add(file, 0, "cannot read: %v", err)
		return nil, false
	}
	if info.Size() > MaxFileBytes {
		l.problems.add(file, 0, "the file is %d bytes; a content file may have at most %d (1 MiB)", info.Size(), MaxFileBytes)
		return nil, false
	}
	if l.contentBytes+info.Size() > MaxContentBytes {
		if l.contentBytes <= MaxContentBytes {
			l.problems.add(file, 0, "the content passes 16 MiB in all with this file (content folders may hold at most %d bytes); nothing after it is read", MaxContentBytes)
		}
		l.contentBytes = MaxContentBytes + 1
		return nil, false
	}
	l.contentBytes += info.Size()
	data, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.problems.add(file, 0, "cannot read: %v", err)
		return nil, false
	}
	if int64(len(data)) > MaxFileBytes { // it grew since the Stat
		l.problems.add(file, 0, "the file is %d bytes; a content file may have at most %d (1 MiB)", len(data), MaxFileBytes)
		return nil, false
	}
	if !utf8.Valid(data) {
		line, column, b := firstInvalidUTF8(data)
		l.problems.add(file, line, "the file is not UTF-8: byte 0x%02X at column %d of this line; save it as UTF-8", b, column)
		return nil, false
	}
	return data, true
}

// firstInvalidUTF8 finds the first byte of data that is not part of valid UTF-8: its
// line, its column (in bytes, 1-based) and the byte.
func firstInvalidUTF8(data []byte) (line, column int, b byte) {
	line, lineStart := 1, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, i - lineStart + 1, data[i]
		}
		if r == '\n' {
			line, lineStart = line+1, i+1
		}
		i += size
	}
	return line, len(data) - lineStart + 1, 0
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
		var lineErr *markdown.LineError
		if errors.As(errs[i], &lineErr) {
			l.problems.add(job.doc.file, lineErr.Line, "%s", lineErr.Message)
			job.set(&markdown.Document{})
			continue
		}
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
		if !isWebURL(s.URL) {
			ps.add(doc.file, line, "source url %q must be an absolute http(s) URL", s.URL)
		}
		if s.Read.IsZero() {
			ps.add(doc.file, line, "source %q needs the date it was read (read: YYYY-MM-DD)", s.Title)
		}
		out = append(out, Source{Title: s.Title, URL: s.URL, Read: s.Read.Time, Subjects: s.Subjects})
	}
	return out
}

// isWebURL reports whether raw is an absolute http or https URL with a host: the only
// kind of URL a source may have, and what a link to another site must be.
func isWebURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// isMailto reports whether raw is a mailto: URL with an address. Links may be one: it
// opens a mail client and runs nothing. Every other scheme (javascript:, data:, file:…)
// is refused, whatever the renderer would make of it.
func isMailto(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "mailto" && strings.Contains(u.Opaque, "@")
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

func sortBySlug(cs []*Comparison) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].Slug < cs[j].Slug })
}

func subjectList(c *Comparison) string {
	ids := make([]string, len(c.Subjects))
	for i, s := range c.Subjects {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}
