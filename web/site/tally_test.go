package site

import (
	"strings"
	"testing"

	"github.com/versus-dev/versus/web/site/sitetest"
)

func TestTallyCountsAPairsVerdicts(t *testing.T) {
	s, err := Load(sitetest.ThreeFS())
	if err != nil {
		t.Fatal(err)
	}
	// orm: django, tie, django; csrf: django, flask, django.
	cases := []struct {
		pair       string
		wins       [2]int
		ties       int
		categories []string
	}{
		{"flask-vs-django", [2]int{0, 2}, 0, []string{"data", "apis"}},
		{"flask-vs-fastapi", [2]int{1, 0}, 1, []string{"data", "apis"}},
		{"django-vs-fastapi", [2]int{2, 0}, 0, []string{"data", "apis"}},
	}
	for _, c := range cases {
		tally := s.Comparison(c.pair).Tally()
		if tally.Counts.Wins != c.wins || tally.Counts.Ties != c.ties {
			t.Errorf("%s: %+v, want wins %v and %d ties", c.pair, tally.Counts, c.wins, c.ties)
		}
		var cats []string
		sum := Counts{}
		for _, ct := range tally.Categories {
			cats = append(cats, ct.Category.ID)
			sum.Wins[0] += ct.Counts.Wins[0]
			sum.Wins[1] += ct.Counts.Wins[1]
			sum.Ties += ct.Counts.Ties
		}
		if len(cats) != len(c.categories) || cats[0] != c.categories[0] || sum != tally.Counts {
			t.Errorf("%s: categories %v summing to %+v, want %v summing to %+v", c.pair, cats, sum, c.categories, tally.Counts)
		}
	}
	if tally := s.Comparison("flask-vs-fastapi").Tally(); tally.Categories[0].Counts.Ties != 1 || tally.Categories[1].Counts.Wins[0] != 1 {
		t.Errorf("flask-vs-fastapi per category: %+v", tally.Categories)
	}
	if tally := s.Tables[0].Tally(); tally.Counts.Total() != 0 || tally.Categories != nil {
		t.Errorf("a table of three has verdicts only in its pairs, got %+v", tally)
	}
}

func TestInPairs(t *testing.T) {
	s, err := Load(sitetest.ThreeFS())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range s.Table("flask-vs-django-vs-fastapi").Row("orm").InPairs() {
		got = append(got, r.Comparison.Slug+":"+r.Verdict)
	}
	if want := "flask-vs-django:django flask-vs-fastapi:tie django-vs-fastapi:django"; strings.Join(got, " ") != want {
		t.Errorf("the table's orm row in its pairs: %v, want %s", got, want)
	}
	if pr := s.Comparison("flask-vs-fastapi").Row("orm"); len(pr.InPairs()) != 1 || pr.InPairs()[0] != pr {
		t.Errorf("a pair's row is its own only pair row: %v", pr.InPairs())
	}
}
