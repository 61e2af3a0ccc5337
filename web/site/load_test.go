package site

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func TestLoadFixture(t *testing.T) {
	s, err := Load(sitetest.FS())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	c := s.Comparison("flask-vs-django")
	if c == nil {
		t.Fatal("comparison flask-vs-django not loaded")
	}
	if got := len(c.Rows); got != 2 {
		t.Fatalf("rows = %d, want 2", got)
	}
	if c.Rows[0].ID != "orm" || c.Rows[1].ID != "csrf" {
		t.Errorf("row order = %s, %s; want orm (data) then csrf (security)", c.Rows[0].ID, c.Rows[1].ID)
	}
	orm := c.Row("orm")
	if !slices.Equal(orm.Aliases, []string{"database"}) {
		t.Errorf("the orm row's old ids are %v, want [database]", orm.Aliases)
	}
	if orm.VerdictName() != "Django" {
		t.Errorf("VerdictName = %q", orm.VerdictName())
	}
	if len(orm.Cells) != 2 || orm.Cells[0].Subject.ID != "flask" || orm.Cells[1].Support != SupportBuiltin {
		t.Errorf("cells = %+v", orm.Cells)
	}
	if len(orm.Body.CodeGroups) != 1 || len(orm.Body.CodeGroups[0].Blocks) != 2 {
		t.Errorf("code groups = %+v", orm.Body.CodeGroups)
	}
	if g := s.Guide("start-here"); g == nil || g.ReadingMinutes() != 1 {
		t.Errorf("guide start-here = %+v", g)
	}
}

// TestValidationErrors breaks the fixture one way per case and checks the exact
// file:line: message reported.
func TestValidationErrors(t *testing.T) {
	const row = "comparisons/flask-vs-django/rows/orm.md"
	const index = "comparisons/flask-vs-django/index.md"
	tests := []struct {
		name    string
		file    string
		old     string
		new     string
		want    string
		newFile bool
	}{
		{name: "unknown key", file: row, old: "order: 10", new: "order: 10\ncolour: red", want: row + `:5: unknown key "colour"`},
		{name: "unknown category", file: row, old: "category: data", new: "category: dta", want: row + `:3: unknown category "dta" (one of: data, security)`},
		{name: "missing cell", file: row, old: "  django: {support: builtin,   text: \"Django ORM\"}\n", new: "", want: row + `:8: missing cell for subject "django"`},
		{name: "cell for unknown subject", file: row, old: "cells:\n", new: "cells:\n  pyramid: {support: none, text: x}\n", want: row + `:9: cell for unknown subject "pyramid" (subjects: flask, django)`},
		{name: "bad verdict", file: row, old: "verdict: django", new: "verdict: djngo", want: row + `:7: verdict "djngo" for flask-vs-django must be flask, django or "tie"`},
		{name: "bad support", file: row, old: "support: builtin,", new: "support: yes,", want: row + `:10: cell "django": support "yes" must be one of: builtin, extension, partial, none`},
		{name: "empty cell text", file: row, old: `text: "Django ORM"`, new: `text: ""`, want: row + `:10: cell "django" needs a text: every cell says something in words`},
		{name: "missing sources", file: row, old: "sources:\n  - {title: \"Django docs: Models\", url: \"https://docs.djangoproject.com/en/5.2/topics/db/models/\", read: 2026-11-01}\n", new: "", want: row + `:2: missing sources: name at least one document the facts were checked against`},
		{name: "source without read date", file: row, old: ", read: 2026-11-01}", new: "}", want: row + `:12: source "Django docs: Models" needs the date it was read (read: YYYY-MM-DD)`},
		{name: "missing reviewed", file: row, old: "reviewed: 2026-11-01\n", new: "", want: row + `:2: missing "reviewed" date (YYYY-MM-DD)`},
		{name: "bad date", file: row, old: "reviewed: 2026-11-01", new: "reviewed: last week", want: row + `:13: value "last week" should be a date (YYYY-MM-DD)`},
		{name: "duplicate alias", file: "comparisons/flask-vs-django/rows/csrf.md", old: "order: 10", new: "order: 10\naliases: [database]", want: `alias "database" is already used by `},
		{name: "alias equal to a row id", file: "comparisons/flask-vs-django/rows/csrf.md", old: "order: 10", new: "order: 10\naliases: [orm]", want: `comparisons/flask-vs-django/rows/csrf.md:5: alias "orm" is already used by ` + row},
		{name: "broken internal link", file: row, old: "/guides/start-here", new: "/guides/start-her", want: row + `:17: link "/guides/start-her" points to no page on this site`},
		{name: "broken row anchor", file: index, old: "#orm", new: "#orn", want: index + `:12: link "/compare/flask-vs-django#orn" points to no anchor #orn on /compare/flask-vs-django`},
		{name: "relative internal link", file: row, old: "(/compare/flask-vs-django/csrf)", new: "(csrf)", want: row + `:17: internal link "csrf" must be a site path starting with /`},
		{name: "unknown code framework", file: row, old: "framework=django", new: "framework=rails", want: row + `:24: code block framework "rails" is not a subject (one of: django, flask)`},
		{name: "unreadable code attributes", file: row, old: "file=models.py", new: "file=app/models.py", want: row + `:24: code block attributes {framework=django file=app/models.py} cannot be read`},
		{name: "no front matter", file: row, old: "---\ntitle: ORM", new: "title: ORM", want: row + `:1: missing front matter`},
		{name: "yaml syntax", file: row, old: "order: 10", new: "order: [10", want: row + `:4: did not find expected ',' or ']'`},
		{name: "profile link with a script scheme", file: "frameworks/flask.md", old: `url: "https://flask.palletsprojects.com/"}`, new: `url: "javascript://host/%0Aalert(1)"}`, want: `frameworks/flask.md:7: link url "javascript://host/%0Aalert(1)" must be an absolute http(s) or mailto URL`},
		{name: "profile link with an ftp scheme", file: "frameworks/flask.md", old: `url: "https://flask.palletsprojects.com/"}`, new: `url: "ftp://flask.example/"}`, want: `frameworks/flask.md:7: link url "ftp://flask.example/" must be an absolute http(s) or mailto URL`},
		{name: "profile link without a title", file: "frameworks/flask.md", old: `{title: Documentation, `, new: `{title: "", `, want: `frameworks/flask.md:7: a link needs a title`},
		{name: "body link with a script scheme", file: row, old: "(/guides/start-here)", new: "(javascript:alert(1))", want: row + `:17: link "javascript:alert(1)" must be a site path, an http(s) URL or a mailto: address`},
		{name: "body link with a data scheme", file: row, old: "(/guides/start-here)", new: "(data:text/html,hi)", want: row + `:17: link "data:text/html,hi" must be a site path, an http(s) URL or a mailto: address`},
		{name: "bad row file name", file: "comparisons/flask-vs-django/rows/Bad_Name.md", newFile: true, want: `comparisons/flask-vs-django/rows/Bad_Name.md: row id "Bad_Name" (the file name) must be lowercase letters, digits and dashes`},
		{name: "unexpected row file", file: "comparisons/flask-vs-django/rows/notes.txt", newFile: true, want: `comparisons/flask-vs-django/rows/notes.txt: unexpected file`},
		{name: "duplicate category", file: index, old: "  - {id: security, title: Security}", new: "  - {id: security, title: Security}\n  - {id: data, title: Again}", want: index + `:10: duplicate category id "data"`},
		{name: "folder does not match subjects", file: index, old: "{id: django, name: Django}", new: "{id: bottle, name: Bottle}", want: index + `:4: the folder is named "flask-vs-django" but its subjects make "flask-vs-bottle"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.FS()
			if tt.newFile {
				fsys[tt.file] = &fstest.MapFile{Data: fsys[row].Data}
				wantProblem(t, fsys, tt.want)
				return
			}
			breakFixture(t, fsys, tt.file, tt.old, tt.new)
			wantProblem(t, fsys, tt.want)
		})
	}
}

// breakFixture replaces old with new in a fixture file, which must contain it.
func breakFixture(t *testing.T, fsys fstest.MapFS, file, old, new string) {
	t.Helper()
	data := string(fsys[file].Data)
	if !strings.Contains(data, old) {
		t.Fatalf("fixture %s does not contain %q", file, old)
	}
	fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
}

// wantProblem loads fsys and expects a *ValidationError with a line containing want.
func wantProblem(t *testing.T, fsys fstest.MapFS, want string) {
	t.Helper()
	_, err := Load(fsys)
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("Load error = %v, want a *ValidationError", err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("problems:\n%v\nwant a line containing:\n%s", err, want)
	}
}

// TestLoadReportsEveryProblem checks that problems in different files are all reported.
func TestLoadReportsEveryProblem(t *testing.T) {
	fsys := sitetest.FS()
	for file, pair := range map[string][2]string{
		"comparisons/flask-vs-django/rows/orm.md":  {"verdict: django", "verdict: nobody"},
		"comparisons/flask-vs-django/rows/csrf.md": {"category: security", "category: nowhere"},
		"guides/start-here.md":                     {"title: Start here\n", ""},
	} {
		fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[file].Data), pair[0], pair[1], 1))}
	}
	_, err := Load(fsys)
	var verr *ValidationError
	if !errors.As(err, &verr) || len(verr.Problems) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
}

// TestShippedContent loads the embedded content: it must have no problems at all.
func TestShippedContent(t *testing.T) {
	s, err := Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	c := s.Comparison("flask-vs-django")
	if c == nil {
		t.Fatal("the shipped content has no flask-vs-django comparison")
	}
	t.Logf("%d rows in %d categories, %d guides, %d profiles", len(c.Rows), len(c.Categories), len(s.Guides), len(s.Frameworks))
}

// TestContentMustBeUTF8: pages are served as UTF-8, so a content file that is not (a
// Latin-1 save, a stray byte) is refused at the line of its first bad byte, in the front
// matter, in the body and in choose.yaml.
func TestContentMustBeUTF8(t *testing.T) {
	const row = "comparisons/flask-vs-django/rows/orm.md"
	for _, tt := range []struct {
		name, file, old, new, want string
	}{
		{"front matter", row, "title: ORM", "title: ORM caf\xe9", row + ":2: the file is not UTF-8: byte 0xE9 at column 15 of this line; save it as UTF-8"},
		{"body", row, "## Why it matters", "## Why it \xffmatters", row + ":15: the file is not UTF-8: byte 0xFF at column 11 of this line; save it as UTF-8"},
		{"guide", "guides/start-here.md", "title: Start here", "title: Start here\n# \xc3(", "guides/start-here.md:3: the file is not UTF-8: byte 0xC3 at column 3 of this line; save it as UTF-8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.FS()
			breakFixture(t, fsys, tt.file, tt.old, tt.new)
			wantProblem(t, fsys, tt.want)
		})
	}
	fsys := sitetest.FS()
	fsys["comparisons/flask-vs-django/choose.yaml"] = &fstest.MapFile{Data: []byte("questions:\n  - id: caf\xe9\n")}
	wantProblem(t, fsys, "comparisons/flask-vs-django/choose.yaml:2: the file is not UTF-8: byte 0xE9 at column 12 of this line; save it as UTF-8")
}

// TestContentSizeIsLimited: a file over MaxFileBytes is refused without being read whole,
// and so is the content that passes MaxContentBytes in all; a body nested too deep is a
// problem at its line.
func TestContentSizeIsLimited(t *testing.T) {
	fsys := sitetest.FS()
	huge := "---\ntitle: Huge\nsummary: x\nreviewed: 2026-11-01\n---\n" + strings.Repeat("word ", MaxFileBytes/5)
	fsys["guides/huge.md"] = &fstest.MapFile{Data: []byte(huge)}
	wantProblem(t, fsys, fmt.Sprintf("guides/huge.md: the file is %d bytes; a content file may have at most 1048576 (1 MiB)", len(huge)))

	fsys = sitetest.FS()
	// Files without front matter are read (and counted) but not rendered, which keeps the
	// test quick.
	filler := []byte(strings.Repeat("Text. ", (MaxFileBytes-1000)/6))
	for i := range MaxContentBytes/len(filler) + 1 {
		fsys[fmt.Sprintf("guides/g%03d.md", i)] = &fstest.MapFile{Data: filler}
	}
	wantProblem(t, fsys, ": the content passes 16 MiB in all with this file (content folders may hold at most 16777216 bytes); nothing after it is read")

	fsys = sitetest.FS()
	var deep strings.Builder
	for i := range 100 {
		deep.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	breakFixture(t, fsys, "guides/start-here.md", "reviewed: 2026-11-01\n---\n", "reviewed: 2026-11-01\n---\n"+deep.String())
	wantProblem(t, fsys, "guides/start-here.md:26: blocks are nested more than 20 deep here")
}
