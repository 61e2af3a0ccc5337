package site

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/versus-dev/versus/web/site/sitetest"
)

func TestThreeSubjectsMakeThreePairsAndATable(t *testing.T) {
	s, err := Load(sitetest.ThreeFS())
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, c := range s.Comparisons {
		slugs = append(slugs, c.Slug)
	}
	if want := []string{"flask-vs-django", "flask-vs-fastapi", "django-vs-fastapi"}; !slices.Equal(slugs, want) {
		t.Fatalf("pairs %v, want %v", slugs, want)
	}
	if len(s.Tables) != 1 || s.Tables[0].Slug != "flask-vs-django-vs-fastapi" || !s.Tables[0].IsTable() {
		t.Fatalf("tables %v", s.Tables)
	}
	table := s.Tables[0]
	if len(table.Pairs) != 3 || table.Pairs[0].Slug != "flask-vs-django" || table.Pairs[2].Slug != "django-vs-fastapi" {
		t.Errorf("the table's pairs are not in declared order: %v", table.Pairs)
	}
	if row := table.Row("orm"); len(row.Cells) != 3 || row.Verdict != "" {
		t.Errorf("table row: %d cells, verdict %q", len(row.Cells), row.Verdict)
	}
	if table.Subjects[2].Covers != "0.165" {
		t.Errorf("covers %q", table.Subjects[2].Covers)
	}
	if !strings.Contains(string(table.Intro.HTML), "Every cell of the three") || strings.Contains(string(table.Intro.HTML), "intro.") {
		t.Errorf("table intro %q", string(table.Intro.HTML))
	}

	pair := s.Comparison("flask-vs-fastapi")
	if pair.Title != "Flask vs FastAPI" || pair.Table != table || !strings.Contains(string(pair.Intro.HTML), "Flask and FastAPI, intro.") || strings.Contains(string(pair.Intro.HTML), "Django") {
		t.Errorf("pair: title %q, intro %q", pair.Title, string(pair.Intro.HTML))
	}
	orm := pair.Row("orm")
	if orm == nil || !slices.Equal(orm.Aliases, []string{"database"}) {
		t.Fatal("the pair has no orm row, or it lost its old id")
	}
	if len(orm.Cells) != 2 || orm.Cells[0].Subject.ID != "flask" || orm.Cells[1].Subject.ID != "fastapi" || orm.Verdict != "tie" || orm.Summary != "Neither ships an ORM." {
		t.Errorf("pair row: cells %v, verdict %q, summary %q", orm.Cells, orm.Verdict, orm.Summary)
	}
	body := string(orm.Body.HTML)
	for _, want := range []string{"Flask and FastAPI both leave it to you", "The same task in each framework", "main.py", "app.py", "a note on the\nFastAPI app"} {
		if !strings.Contains(body, want) {
			t.Errorf("the flask-vs-fastapi orm body lacks %q", want)
		}
	}
	for _, unwanted := range []string{"Flask and Django differ", "Django has one", "models.py", "the Django model"} {
		if strings.Contains(body, unwanted) {
			t.Errorf("the flask-vs-fastapi orm body has %q, which belongs to another pair", unwanted)
		}
	}
	var sources []string
	for _, src := range orm.Sources {
		sources = append(sources, src.Title)
	}
	if !slices.Equal(sources, []string{"FastAPI docs: SQL databases"}) {
		t.Errorf("sources of the flask-vs-fastapi row: %v (the Django one is for Django only)", sources)
	}
	var others []string
	for _, r := range orm.InOtherPairs() {
		others = append(others, r.Path())
	}
	if want := []string{"/compare/flask-vs-django/orm", "/compare/django-vs-fastapi/orm"}; !slices.Equal(others, want) {
		t.Errorf("the row in other pairs: %v, want %v", others, want)
	}
	if csrf := s.Comparison("django-vs-fastapi").Row("csrf"); csrf.Verdict != "django" || len(csrf.Sources) != 1 || csrf.Reviewed.Format("2006-01-02") != "2026-12-03" {
		t.Errorf("django-vs-fastapi csrf: verdict %q, %d sources (an untagged source is for every pair), reviewed %s (the pair's own date)", csrf.Verdict, len(csrf.Sources), csrf.Reviewed)
	}
	if csrf := s.Comparison("flask-vs-django").Row("csrf"); csrf.Reviewed.Format("2006-01-02") != "2026-12-01" {
		t.Errorf("flask-vs-django csrf reviewed %s, want the row's date", csrf.Reviewed)
	}
}

func TestThreeSubjectValidationErrors(t *testing.T) {
	const index = "comparisons/flask-vs-django-vs-fastapi/index.md"
	const row = "comparisons/flask-vs-django-vs-fastapi/rows/orm.md"
	tests := []struct {
		name, file, old, new, want string
	}{
		{"missing pair verdict", row, "  flask-vs-fastapi:  {verdict: tie, summary: \"Neither ships an ORM.\"}\n", "",
			row + `:10: missing verdict for pair "flask-vs-fastapi"`},
		{"verdict outside the pair", row, "flask-vs-fastapi:  {verdict: tie,", "flask-vs-fastapi:  {verdict: django,",
			row + `:12: verdict "django" for flask-vs-fastapi must be flask, fastapi or "tie"`},
		{"pair in the wrong order", row, "  flask-vs-fastapi:  {verdict", "  fastapi-vs-flask:  {verdict",
			row + `:12: pair "fastapi-vs-flask" is written in the wrong order: write "flask-vs-fastapi"`},
		{"pair with an unknown subject", row, "  flask-vs-fastapi:  {verdict: tie, summary: \"Neither ships an ORM.\"}\n", "  flask-vs-fastapi:  {verdict: tie, summary: \"Neither ships an ORM.\"}\n  flask-vs-rails: {verdict: tie, summary: x}\n",
			row + `:13: pair "flask-vs-rails" names a subject outside this comparison (subjects: flask, django, fastapi)`},
		{"pair without a summary", row, `summary: "Neither ships an ORM."`, `summary: ""`,
			row + `:12: pair "flask-vs-fastapi" needs a summary`},
		{"missing cell", row, "  fastapi: {support: extension, text: \"SQLModel or SQLAlchemy\"}\n", "",
			row + `:6: missing cell for subject "fastapi"`},
		{"missing explanation", row, "<!-- flask-vs-fastapi -->\n", "",
			row + `:19: missing section <!-- flask-vs-fastapi -->: the explanation written for that pair`},
		{"section naming no pair", row, "<!-- flask-vs-fastapi -->", "<!-- flask-vs-bottle -->",
			row + `:22: section <!-- flask-vs-bottle --> names no pair of this comparison`},
		{"section given twice", row, "<!-- django-vs-fastapi -->", "<!-- flask-vs-fastapi -->",
			row + `:25: section <!-- flask-vs-fastapi --> is given twice`},
		{"text before the first section", row, "---\n<!-- flask-vs-django -->", "---\nStray words.\n<!-- flask-vs-django -->",
			row + `:19: text before the first section`},
		{"explanation too short", row, sitetest.Words("Flask and FastAPI both leave it to you", 85), "Too short.",
			row + `:22: the explanation for flask-vs-fastapi has 2 words; write at least 80`},
		{"verdict outside pairs", row, "aliases: [database]\n", "aliases: [database]\nverdict: django\n",
			row + `:6: verdicts and summaries belong to pairs`},
		{"source for an unknown subject", row, "subjects: [django]}", "subjects: [rails]}",
			row + `:15: source "Django docs: Models" is for unknown subject "rails"`},
		{"missing pair page", index, "  flask-vs-fastapi: {title: Flask vs FastAPI, summary: A micro-framework and an API framework compared.}\n", "",
			index + `:8: missing pair "flask-vs-fastapi"`},
		{"missing table intro", index, "<!-- flask-vs-django-vs-fastapi -->\n", "",
			index + `:17: missing section <!-- flask-vs-django-vs-fastapi -->`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.ThreeFS()
			breakFixture(t, fsys, tt.file, tt.old, tt.new)
			wantProblem(t, fsys, tt.want)
		})
	}
}

func TestAPairComparedTwiceIsAProblem(t *testing.T) {
	fsys := sitetest.ThreeFS()
	for name, f := range sitetest.FS() {
		if strings.HasPrefix(name, "comparisons/") {
			fsys[name] = f
		}
	}
	_, err := Load(fsys)
	if err == nil || !strings.Contains(err.Error(), "the pair flask-vs-django is also compared in") {
		t.Errorf("err = %v", err)
	}
}

// TestReasonsNameOnlyTheirSubject checks that, in a comparison of three subjects, a decision
// helper's reason that names another subject is reported with its line: a pair's helper
// would show it beside a subject it does not name.
func TestReasonsNameOnlyTheirSubject(t *testing.T) {
	const file = "comparisons/flask-vs-django-vs-fastapi/choose.yaml"
	choose := func(reason string) fstest.MapFS {
		fsys := sitetest.ThreeFS()
		fsys[file] = &fstest.MapFile{Data: []byte(`questions:
  - id: size
    text: How big?
    answers:
      - id: small
        text: Small
        weights:
          - {row: orm, toward: flask, weight: 1, reason: "Flask stays small."}
      - id: large
        text: Large
        weights:
          - {row: orm, toward: django, weight: 2, reason: "` + reason + `"}
`)}
		return fsys
	}
	for _, reason := range []string{
		"Django ships an ORM, while Flask does not.",
		"Django's ORM beats what flask-sqlalchemy gives.",
		"Django ships what FASTAPI leaves to SQLModel.",
	} {
		wantProblem(t, choose(reason), file+":12: the reason for Django names ")
	}
	for _, reason := range []string{
		"Django ships an ORM, and Django REST framework builds on it.",
		"Django's ORM needs no Flaskr-style setup.", // a longer word is not the name
	} {
		if _, err := Load(choose(reason)); err != nil {
			t.Errorf("%q: %v", reason, err)
		}
	}
	// A two-subject comparison has one pair: its reasons may compare the two.
	fsys := sitetest.FS()
	fsys["comparisons/flask-vs-django/choose.yaml"] = &fstest.MapFile{Data: []byte(`questions:
  - id: size
    text: How big?
    answers:
      - id: small
        text: Small
        weights:
          - {row: orm, toward: flask, weight: 1, reason: "Flask stays smaller than Django."}
      - id: large
        text: Large
        weights:
          - {row: orm, toward: django, weight: 2, reason: "Django ships an ORM; Flask does not."}
`)}
	if _, err := Load(fsys); err != nil {
		t.Errorf("a two-subject helper: %v", err)
	}
}
