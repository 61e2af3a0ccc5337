package site

import (
	"os"
	"strings"
	"testing"

	"github.com/versus-dev/versus/web/site/sitetest"
)

const threeDir = "comparisons/flask-vs-django-vs-fastapi/"

func TestTraitRowsHaveNoSupportLevels(t *testing.T) {
	fsys := sitetest.ThreeFS()
	row := threeDir + "rows/orm.md"
	breakFixture(t, fsys, row, "order: 10\n", "order: 10\nkind: trait\n")
	breakFixture(t, fsys, row, "{support: extension, text: \"Flask-SQLAlchemy\"}", "{text: \"Flask-SQLAlchemy\"}")
	breakFixture(t, fsys, row, "{support: builtin,   text: \"Django ORM\"}", "{text: \"Django ORM\"}")
	breakFixture(t, fsys, row, "{support: extension, text: \"SQLModel or SQLAlchemy\"}", "{text: \"SQLModel or SQLAlchemy\"}")
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range append([]*Comparison{s.Table("flask-vs-django-vs-fastapi")}, s.Comparisons...) {
		r := c.Row("orm")
		if r.Kind != KindTrait {
			t.Errorf("%s: orm is a %q row, want trait", c.Slug, r.Kind)
		}
		for _, cell := range r.Cells {
			if cell.Support != "" || cell.Support.Label() != "" {
				t.Errorf("%s: %s's cell has support %q", c.Slug, cell.Subject.ID, cell.Support)
			}
		}
		if other := c.Row("csrf"); other.Kind != KindFeature {
			t.Errorf("%s: csrf is a %q row, want feature (the default)", c.Slug, other.Kind)
		}
	}
}

// TestSupportLevelsFollowTheRowKind: versus check refuses, at the cell's line, a badge a
// trait row does not allow, a feature cell without one, and an unknown kind.
func TestSupportLevelsFollowTheRowKind(t *testing.T) {
	row := threeDir + "rows/orm.md"
	index := threeDir + "index.md"
	tests := []struct {
		name     string
		file     string
		old, new string
		want     string
	}{
		{"a badge in a trait row", row, "order: 10\n", "order: 10\nkind: trait\n",
			row + `:8: cell "flask": a trait row's cells have no support level; remove support: extension`},
		{"a feature cell without support", row, "{support: extension, text: \"Flask-SQLAlchemy\"}", "{text: \"Flask-SQLAlchemy\"}",
			row + `:7: cell "flask" needs a support level (one of: builtin, extension, partial, none); if the row describes the frameworks rather than a feature they ship, mark it kind: trait`},
		{"an unknown support level", row, "{support: extension, text: \"Flask-SQLAlchemy\"}", "{support: info, text: \"Flask-SQLAlchemy\"}",
			row + `:7: cell "flask": support "info" must be one of: builtin, extension, partial, none`},
		{"an unknown kind", row, "order: 10\n", "order: 10\nkind: fact\n",
			row + `:5: kind "fact" must be "feature"`},
		{"an answer on the table", index, "reviewed: 2026-12-01\n", "answer: Pick one.\nreviewed: 2026-12-01\n",
			index + `:15: with three subjects or more, each pair has its own answer`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.ThreeFS()
			breakFixture(t, fsys, tt.file, tt.old, tt.new)
			wantProblem(t, fsys, tt.want)
		})
	}
}

func TestPairAnswers(t *testing.T) {
	fsys := sitetest.ThreeFS()
	breakFixture(t, fsys, threeDir+"index.md", "summary: Two classic Python web frameworks compared.}",
		"summary: Two classic Python web frameworks compared., answer: \" Pick Django for a site with accounts; Flask for a small service. \"}")
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Comparison("flask-vs-django").Answer; got != "Pick Django for a site with accounts; Flask for a small service." {
		t.Errorf("flask-vs-django answer = %q", got)
	}
	if got := s.Comparison("flask-vs-fastapi").Answer; got != "" {
		t.Errorf("flask-vs-fastapi answer = %q, want none", got)
	}
}

// TestSupportMeaningsAreTheREADMEs: the legend's sentence for each support level is the
// meaning content/README.md gives it, so the two cannot drift apart.
func TestSupportMeaningsAreTheREADMEs(t *testing.T) {
	readme, err := os.ReadFile("../../content/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range SupportLevels {
		row := "| `" + string(s) + "` | " + s.Label() + " | " + s.Description() + " |"
		if !strings.Contains(string(readme), row) {
			t.Errorf("content/README.md has no line %q", row)
		}
	}
}
