package pages

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func TestParseFilter(t *testing.T) {
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	c := s.Comparison("flask-vs-django") // categories data, then security
	tests := []struct {
		query string
		want  Filter
	}{
		{"", Filter{}},
		{"cat=data", Filter{Categories: []string{"data"}}},
		{"cat=DATA,%20security,data", Filter{Categories: []string{"data", "security"}}},
		{"cat=security&cat=data", Filter{Categories: []string{"data", "security"}}}, // the comparison's order
		{"cat=&cat=,", Filter{}},
		{"diff=1", Filter{DiffOnly: true}},
		{"diff=on", Filter{DiffOnly: true}},
		{"diff=0", Filter{}},
		{"wins=+Django+", Filter{Wins: "django"}},
		{"wins=TIE", Filter{Wins: "tie"}},
		{"q=%20ORM%20", Filter{Query: "orm"}},
		{"q=Django%20%20%09ORM", Filter{Query: "django orm"}},
		{"q=" + strings.Repeat("é", 100), Filter{Query: strings.Repeat("é", 100)}},
		// The form sends every field, empty when unset.
		{"wins=&cat=security&q=", Filter{Categories: []string{"security"}}},
		// A shared link keeps the parameters a newsletter or social site added.
		{"utm_source=mail&utm_campaign=x&fbclid=abc&cat=data", Filter{Categories: []string{"data"}}},
		{"gclid=1", Filter{}},
	}
	for _, tt := range tests {
		got, err := ParseFilter(c, tt.query)
		if err != nil {
			t.Errorf("%q: %v", tt.query, err)
			continue
		}
		if got.Encode() != tt.want.Encode() || strings.Join(got.Categories, ",") != strings.Join(tt.want.Categories, ",") {
			t.Errorf("%q: filter = %+v, want %+v", tt.query, got, tt.want)
		}
	}
}

// TestParseFilterProblems: anything that is not a view of the table is a *FilterError
// saying what, with the view of the parts that could be read.
func TestParseFilterProblems(t *testing.T) {
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	c := s.Comparison("flask-vs-django")
	tests := []struct {
		query   string
		problem string
		valid   string // the valid parts, encoded
	}{
		{"cat=nope", `There is no category "nope" here`, ""},
		{"cat=data,nope", `There is no category "nope" here`, "cat=data"},
		{"diff=2", `diff="2" is not understood: use diff=1`, ""},
		{"wins=rails&cat=data", `wins="rails" is not a side here: use wins=flask, wins=django or wins=tie.`, "cat=data"},
		{"wins=django&wins=tie", "wins= is given 2 times; it takes one value.", ""},
		{"wins=django&wins=django", "wins= is given 2 times", ""},
		{"diff=1&diff=1", "diff= is given 2 times", ""},
		{"q=a&q=b&diff=1", "q= is given 2 times", "diff=1"},
		{"utm_source=mail&cats=data", `There is no parameter "cats" here: a view of the table takes cat, wins, diff and q.`, ""},
		{"CAT=data", `There is no parameter "CAT" here`, ""},
		{"q=%ff", "The text filter (q=) is not valid UTF-8.", ""},
		{"q=" + strings.Repeat("é", 101), "The text filter (q=) has 101 characters; it takes at most 100.", ""},
		{"cat=%zz", "The address's query cannot be read", ""},
		{"cat=" + strings.Repeat("x", 60), `"` + strings.Repeat("x", 40) + `…"`, ""},
	}
	for _, tt := range tests {
		_, err := ParseFilter(c, tt.query)
		var fe *FilterError
		if !errors.As(err, &fe) {
			t.Errorf("%q: err = %v, want a *FilterError", tt.query, err)
			continue
		}
		if problems := strings.Join(fe.Problems, " "); !strings.Contains(problems, tt.problem) {
			t.Errorf("%q: problems %q, want %q", tt.query, problems, tt.problem)
		}
		if got := fe.Valid.Encode(); got != tt.valid {
			t.Errorf("%q: the valid parts are %q, want %q", tt.query, got, tt.valid)
		}
	}
	// A hostile query gets a short list.
	var many []string
	for i := range 30 {
		many = append(many, fmt.Sprintf("x%d=1", i))
	}
	_, err = ParseFilter(c, strings.Join(many, "&"))
	var fe *FilterError
	if !errors.As(err, &fe) || len(fe.Problems) != maxFilterProblems || fe.Problems[maxFilterProblems-1] != "…and 21 more problems." {
		t.Errorf("30 unknown parameters: %v", err)
	}
}

// TestFilterEncodeIsCanonical: every spelling of a view encodes the same, and the encoding
// reads back as the same view.
func TestFilterEncodeIsCanonical(t *testing.T) {
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	c := s.Comparison("flask-vs-django")
	const want = "cat=data&cat=security&diff=1&q=django+orm&wins=django"
	for _, query := range []string{
		want,
		"wins=Django&q=+Django++ORM&diff=on&cat=security,data",
		"cat=security&cat=DATA&cat=data&diff=true&q=django%20orm&wins=django",
	} {
		f, err := ParseFilter(c, query)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Encode(); got != want {
			t.Errorf("%q encodes as %q, want %q", query, got, want)
		}
		again, err := ParseFilter(c, f.Encode())
		if err != nil || again.Encode() != want {
			t.Errorf("%q: the encoding reads back as %q, %v", query, again.Encode(), err)
		}
	}
	if got := (Filter{}).Encode(); got != "" {
		t.Errorf("the whole table encodes as %q", got)
	}
}

// TestBadFilterPage: the 400 page names the comparison, lists what was wrong in the
// filter form, which holds what could be read, and links to that view and to every row.
func TestBadFilterPage(t *testing.T) {
	r := fixtureRenderer(t)
	c := r.Site().Comparison("flask-vs-django")
	_, err := ParseFilter(c, "cat=data&wins=rails&sort=x")
	var fe *FilterError
	if !errors.As(err, &fe) {
		t.Fatal(err)
	}
	body, err := r.BadFilter(context.Background(), c, fe)
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, body)
	if got := doc.Find("h1").Text(); got != "Flask vs Django" {
		t.Errorf("h1 %q", got)
	}
	if doc.Find(".filter .notes li").Length() != 2 || !strings.Contains(doc.Find(".filter .notes").Text(), `wins="rails" is not a side here`) {
		t.Errorf("notes %q", doc.Find(".filter .notes").Text())
	}
	if _, open := doc.Find("details.filter-box").Attr("open"); !open {
		t.Error("the form is folded")
	}
	if _, checked := doc.Find(`input[name=cat][value=data]`).Attr("checked"); !checked {
		t.Error("the form does not hold the category that could be read")
	}
	notice := doc.Find("p.notice[role=alert]")
	if notice.Find(`a[href="/compare/flask-vs-django?cat=data#rows"]`).Length() != 1 || notice.Find(`a[href="/compare/flask-vs-django"]`).Length() != 1 {
		t.Errorf("the notice links %v", notice.Find("a").Nodes)
	}
	if doc.Find(`meta[name=robots][content*=noindex]`).Length() != 1 {
		t.Error("the page may be indexed")
	}
	if doc.Find("table.matrix").Length() != 0 {
		t.Error("the page renders the table")
	}
	// Nothing valid: the notice offers every row alone.
	_, err = ParseFilter(c, "wins=rails")
	if !errors.As(err, &fe) {
		t.Fatal(err)
	}
	body, _ = r.BadFilter(context.Background(), c, fe)
	if n := parse(t, body).Find("p.notice a").Length(); n != 1 {
		t.Errorf("the notice has %d links, want 1", n)
	}
}
