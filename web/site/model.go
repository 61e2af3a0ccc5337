// Package site is the content model of Versus: comparisons of subjects (frameworks) with
// their categories and feature rows, framework profiles and guides. A comparison's content
// holds one cell per subject per feature and a verdict per pair of subjects; every pair
// becomes a comparison of its own (its table, rows, twins and decision helper are derived
// from that content), and a comparison of three subjects or more also has a table of every
// cell. Load reads them from an fs.FS, validates
// everything (reporting every problem at once as file:line: message) and renders all
// Markdown once, so nothing downstream parses content again.
package site

import (
	"slices"
	"time"

	"github.com/versus-dev/versus/web/markdown"
)

// Site is all the content of one Versus instance.
type Site struct {
	Comparisons []*Comparison // every pair of subjects, in declared order (flask-vs-django, flask-vs-fastapi, …)
	// Tables are the comparisons as written, with every subject and cell, sorted by slug;
	// each lists its pairs in declared order. Those of three subjects or more (IsTable)
	// have a page of their own.
	Tables     []*Comparison
	Frameworks []*Framework // sorted by id
	Guides     []*Guide     // sorted by title
}

// Comparison is "a vs b", or a table of three subjects or more ("a vs b vs c"): its
// subjects, categories and rows. A pair's rows have two cells and a verdict; a table's rows
// have a cell per subject and no verdict (verdicts belong to pairs).
type Comparison struct {
	Slug    string // "flask-vs-django": the subject ids joined by "-vs-"
	File    string
	Title   string
	Summary string
	// Answer is the short answer a pair's page opens on: one paragraph written for the
	// pair (when to pick which), never derived from the verdict counts. "" when the
	// content gives none (the page shows Summary instead); a table of three has none.
	Answer     string
	Subjects   []Subject
	Categories []*Category // in content order, each with its rows in table order
	Rows       []*Row      // every row, in table order
	Intro      *markdown.Document
	Reviewed   time.Time
	Choose     *Choose       // the decision helper; nil when the comparison has no choose.yaml
	Table      *Comparison   // a pair's comparison of all subjects (itself for a two-subject one)
	Pairs      []*Comparison // every pair of the comparison's subjects, in declared order

	rowsByID map[string]*Row
}

// Subject is one of the things compared, such as a framework.
type Subject struct {
	ID     string
	Name   string
	Covers string // the versions the content was written against, e.g. "5.2 LTS and 6.1"; may be ""
	// Releases are the environments its code samples run in (its samples: field), with the
	// release of its package each one's lock pins; none when the content has no locks.
	Releases []Release
}

// Category groups rows in the table.
type Category struct {
	ID    string
	Title string
	Rows  []*Row
}

// Kind says what a row compares.
type Kind string

// The kinds of row.
const (
	// KindFeature is a feature a framework may ship: each cell has a support level.
	KindFeature Kind = "feature"
	// KindTrait describes the frameworks (philosophy, licence, release policy,
	// community): there is nothing to ship, so its cells have no support level and
	// show no badge.
	KindTrait Kind = "trait"
)

// Kinds lists the kinds of row.
var Kinds = []Kind{KindFeature, KindTrait}

// Support says how a subject covers a row's feature. It is "" in a trait row.
type Support string

// The support levels a cell can have.
const (
	SupportBuiltin   Support = "builtin"   // ships in the framework's own package
	SupportExtension Support = "extension" // needs a separate install
	SupportPartial   Support = "partial"   // covers part of it
	SupportNone      Support = "none"      // not provided
)

// SupportLevels lists the levels in legend order.
var SupportLevels = []Support{SupportBuiltin, SupportExtension, SupportPartial, SupportNone}

// Label is the support level in a few words ("" for a trait row's cell).
func (s Support) Label() string {
	switch s {
	case SupportBuiltin:
		return "Built in"
	case SupportExtension:
		return "Extension"
	case SupportPartial:
		return "Partial"
	case SupportNone:
		return "Not provided"
	}
	return string(s)
}

// Description explains the support level in a sentence, for the legend. These are the
// meanings content/README.md gives them (a test holds the two together).
func (s Support) Description() string {
	switch s {
	case SupportBuiltin:
		return "Ships in the framework's own package: nothing else to install."
	case SupportExtension:
		return "Needs a separate install: an official extension or a third-party package."
	case SupportPartial:
		return "The framework does part of the job; the rest is up to you."
	case SupportNone:
		return "You build it yourself, or use a general library with no integration for the framework."
	}
	return ""
}

// Row is one feature row of a comparison.
type Row struct {
	ID         string
	File       string
	Comparison *Comparison
	Title      string
	Category   *Category
	Order      int
	Kind       Kind
	Aliases    []string
	Summary    string
	Verdict    string // a subject id, or "tie"
	Cells      []Cell // one per subject, in subject order
	Sources    []Source
	Reviewed   time.Time
	Body       *markdown.Document

	aliasLines []int // front matter line of each alias, for error messages
}

// Cell is one subject's value in a row.
type Cell struct {
	Subject Subject
	Support Support
	Text    string
}

// Source is a document a row's facts were checked against.
type Source struct {
	Title    string
	URL      string
	Read     time.Time
	Subjects []string // the subjects it documents; empty when it is about all of them
}

// Framework is a subject's profile page.
type Framework struct {
	ID       string
	File     string
	Title    string
	Summary  string
	Facts    []Fact
	Links    []NamedLink
	Sources  []Source
	Reviewed time.Time
	Body     *markdown.Document
}

// Fact is one labelled fact on a profile.
type Fact struct {
	Label string
	Value string
}

// NamedLink is a titled external link.
type NamedLink struct {
	Title string
	URL   string
}

// Guide is a long-form article.
type Guide struct {
	Slug     string
	File     string
	Title    string
	Summary  string
	Reviewed time.Time
	Sources  []Source
	Body     *markdown.Document
	Words    int
}

// ReadingMinutes estimates reading time at 220 words a minute, at least one minute.
func (g *Guide) ReadingMinutes() int {
	m := (g.Words + 219) / 220
	if m < 1 {
		return 1
	}
	return m
}

// Comparison returns the comparison with this slug, or nil.
func (s *Site) Comparison(slug string) *Comparison {
	for _, c := range s.Comparisons {
		if c.Slug == slug {
			return c
		}
	}
	return nil
}

// Table returns the comparison as written with this slug (see Tables), or nil.
func (s *Site) Table(slug string) *Comparison {
	for _, t := range s.Tables {
		if t.Slug == slug {
			return t
		}
	}
	return nil
}

// Guide returns the guide with this slug, or nil.
func (s *Site) Guide(slug string) *Guide {
	for _, g := range s.Guides {
		if g.Slug == slug {
			return g
		}
	}
	return nil
}

// Framework returns the profile with this id, or nil.
func (s *Site) Framework(id string) *Framework {
	for _, f := range s.Frameworks {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// PairOf returns the comparison of the subjects a and b, in either order, or nil.
func (s *Site) PairOf(a, b string) *Comparison {
	for _, c := range s.Comparisons {
		x, y := c.Subjects[0].ID, c.Subjects[1].ID
		if (x == a && y == b) || (x == b && y == a) {
			return c
		}
	}
	return nil
}

// TableOf returns the table of three subjects or more whose subjects are exactly ids, in
// any order, or nil.
func (s *Site) TableOf(ids ...string) *Comparison {
	for _, t := range s.Tables {
		if !t.IsTable() || len(t.Subjects) != len(ids) {
			continue
		}
		if !slices.ContainsFunc(ids, func(id string) bool { return !t.Has(id) }) && !hasRepeats(ids) {
			return t
		}
	}
	return nil
}

func hasRepeats(ids []string) bool {
	for i, id := range ids {
		if slices.Contains(ids[i+1:], id) {
			return true
		}
	}
	return false
}

// Subjects lists every subject of the site's comparisons once, in the order they are
// first declared.
func (s *Site) Subjects() []Subject {
	var out []Subject
	seen := map[string]bool{}
	for _, t := range s.Tables {
		for _, subj := range t.Subjects {
			if !seen[subj.ID] {
				seen[subj.ID] = true
				out = append(out, subj)
			}
		}
	}
	return out
}

// Subject returns the subject with this id as first declared (with its releases), and
// whether there is one.
func (s *Site) Subject(id string) (Subject, bool) {
	for _, subj := range s.Subjects() {
		if subj.ID == id {
			return subj, true
		}
	}
	return Subject{}, false
}

// ReleaseRenderedHTML drops the rendered HTML of the rows', guides' and profiles' bodies. A
// server calls it once its pages are built: after that the content model serves search
// and the pages rendered per request, none of which show those bodies, and they are most
// of the model's memory (4.5 MiB of the shipped site's 17 MiB live heap). The
// comparisons' introductions are kept: the filtered views of a table show them, and they
// weigh a few KiB.
func (s *Site) ReleaseRenderedHTML() {
	release := func(d *markdown.Document) {
		if d != nil {
			d.HTML = nil
		}
	}
	for _, c := range append(s.Comparisons[:len(s.Comparisons):len(s.Comparisons)], s.Tables...) {
		for _, row := range c.Rows {
			release(row.Body)
		}
	}
	for _, g := range s.Guides {
		release(g.Body)
	}
	for _, f := range s.Frameworks {
		release(f.Body)
	}
}
