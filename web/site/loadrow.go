package site

// The loader of a row as written (rows/<id>.md): its cells, its verdict and summary for
// each pair, its sources and the sections of its body.

import (
	"path"
	"slices"
	"strings"

	"github.com/versus-dev/versus/web/parallel"
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

// parsedRow is a row file split into front matter and body, its front matter decoded,
// before the loader checks it.
type parsedRow struct {
	file     string
	doc      *document // nil: the file could not be read or split
	meta     rowMeta
	ok       bool     // the front matter decoded well enough to check the row
	problems problems // found while parsing, added to the loader's by loadRow
}

// parseRows reads the row files and decodes their front matter on every CPU: parsing
// YAML is the largest part of loading the shipped content (the checks that follow need the
// rows one after another and stay on one goroutine). The files are read in order, since
// the content's size is counted as they are; each file's problems are its own, and
// problems are reported sorted by file and line, so the report is the same as if one
// goroutine had done it all.
func (l *loader) parseRows(files []string) []*parsedRow {
	parsed := make([]*parsedRow, len(files))
	data := make([][]byte, len(files))
	for i, file := range files {
		parsed[i] = &parsedRow{file: file}
		data[i], parsed[i].ok = l.readFile(file)
	}
	parallel.Each(len(files), func() func(int) {
		return func(i int) {
			p := parsed[i]
			if !p.ok {
				return
			}
			if p.doc, p.ok = splitFrontMatter(p.file, data[i], &p.problems); p.ok {
				p.ok = p.doc.decodeStrict(&p.meta, &p.problems)
			}
		}
	})
	return parsed
}

// loadRow checks a parsed row and makes it: its cells, its verdict for each pair and the
// sections of its body.
func (l *loader) loadRow(parsed *parsedRow, c *Comparison, pairs []*Comparison, categories map[string]*Category) *tableRow {
	ps := &l.problems
	ps.list = append(ps.list, parsed.problems.list...)
	if !parsed.ok {
		return nil
	}
	file, doc, meta := parsed.file, parsed.doc, parsed.meta
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

func supportStrings() []string {
	out := make([]string, len(SupportLevels))
	for i, s := range SupportLevels {
		out[i] = string(s)
	}
	return out
}
