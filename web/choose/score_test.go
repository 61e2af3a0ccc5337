package choose_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/versus-dev/versus/web/choose"
	"github.com/versus-dev/versus/web/site"
)

func TestScore(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		name          string
		query         string
		flask, django int
		recommended   string // subject id, "" for none
		strength      choose.Strength
		margin        int
		reasons       []string // reason texts in order
		counterpoints []string
	}{
		{
			name:     "nothing answered",
			query:    "",
			strength: choose.Even,
		},
		{
			name:     "only no-preference answers",
			query:    "size=&team=",
			strength: choose.Even,
		},
		{
			name:  "tie within one answer",
			query: "size=both",
			flask: 1, django: 1,
			strength: choose.Even,
			reasons:  []string{"B1", "B2"},
		},
		{
			name:  "tie across answers lists both sides, heaviest first",
			query: "size=large&team=new&extras=none",
			flask: 3, django: 3,
			strength: choose.Even,
			reasons:  []string{"L1", "Z1", "N1"},
		},
		{
			name:        "single answer",
			query:       "team=new",
			flask:       1,
			recommended: "flask", strength: choose.Strong, margin: 1,
			reasons: []string{"N1"},
		},
		{
			name:        "one-sided",
			query:       "size=small&extras=none&hosting=tiny",
			flask:       8,
			recommended: "flask", strength: choose.Strong, margin: 8,
			reasons: []string{"S1", "Z1", "T1", "S2"},
		},
		{
			name:  "strong at exactly half",
			query: "size=large&team=new",
			flask: 1, django: 3,
			recommended: "django", strength: choose.Strong, margin: 2,
			reasons: []string{"L1"}, counterpoints: []string{"N1"},
		},
		{
			name:  "clear just under half",
			query: "size=large&extras=none&hosting=managed",
			flask: 2, django: 5,
			recommended: "django", strength: choose.Clear, margin: 3,
			reasons: []string{"L1", "M1"}, counterpoints: []string{"Z1"},
		},
		{
			name:  "clear at exactly a quarter",
			query: "size=large&team=new&extras=none&hosting=managed",
			flask: 3, django: 5,
			recommended: "django", strength: choose.Clear, margin: 2,
			reasons: []string{"L1", "M1"}, counterpoints: []string{"Z1", "N1"},
		},
		{
			name:  "slight just under a quarter",
			query: "size=small&team=expert",
			flask: 4, django: 3,
			recommended: "flask", strength: choose.Slight, margin: 1,
			reasons: []string{"S1", "S2"}, counterpoints: []string{"E1", "E2"},
		},
		{
			name:        "at most five reasons; equal weights keep question, then weight, order",
			query:       "size=large&extras=lots",
			django:      14,
			recommended: "django", strength: choose.Strong, margin: 14,
			reasons: []string{"L1", "X2", "X5", "X1", "X3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			answers, err := choose.ParseQuery(c.Choose, tt.query)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tt.query, err)
			}
			res := choose.Score(c, answers)
			wantTotals := []choose.Total{
				{Subject: site.Subject{ID: "flask", Name: "Flask"}, Weight: tt.flask},
				{Subject: site.Subject{ID: "django", Name: "Django"}, Weight: tt.django},
			}
			sameTotal := func(a, b choose.Total) bool {
				return a.Subject.ID == b.Subject.ID && a.Subject.Name == b.Subject.Name && a.Weight == b.Weight
			}
			if !slices.EqualFunc(res.Totals, wantTotals, sameTotal) {
				t.Errorf("totals = %+v, want %+v", res.Totals, wantTotals)
			}
			got := ""
			if res.Recommended != nil {
				got = res.Recommended.ID
			}
			if got != tt.recommended {
				t.Errorf("recommended = %q, want %q", got, tt.recommended)
			}
			if res.Strength != tt.strength || res.Margin != tt.margin || res.Given != tt.flask+tt.django {
				t.Errorf("strength, margin, given = %s, %d, %d; want %s, %d, %d",
					res.Strength, res.Margin, res.Given, tt.strength, tt.margin, tt.flask+tt.django)
			}
			if texts := reasonTexts(res.Reasons); !slices.Equal(texts, tt.reasons) {
				t.Errorf("reasons = %q, want %q", texts, tt.reasons)
			}
			if texts := reasonTexts(res.Counterpoints); !slices.Equal(texts, tt.counterpoints) {
				t.Errorf("counterpoints = %q, want %q", texts, tt.counterpoints)
			}
			for _, r := range res.Reasons {
				if res.Recommended != nil && r.Subject.ID != res.Recommended.ID {
					t.Errorf("reason %q favours %s, not the recommendation", r.Text, r.Subject.ID)
				}
			}
			for _, r := range res.Counterpoints {
				if r.Subject.ID == res.Recommended.ID {
					t.Errorf("counterpoint %q favours the recommendation", r.Text)
				}
			}
		})
	}
}

// TestScoreReasonDetails checks what a reason carries: its subject, weight, the row or
// category it links to, and the question and answer it came from.
func TestScoreReasonDetails(t *testing.T) {
	c := fixture(t)
	answers, err := choose.ParseQuery(c.Choose, "team=expert")
	if err != nil {
		t.Fatal(err)
	}
	res := choose.Score(c, answers)
	if len(res.Reasons) != 2 {
		t.Fatalf("reasons = %+v, want 2", res.Reasons)
	}
	byCategory, byRow := res.Reasons[0], res.Reasons[1]
	if byCategory.Text != "E1" || byCategory.Weight != 2 || byCategory.Subject.Name != "Django" {
		t.Errorf("first reason = %q, weight %d, toward %s", byCategory.Text, byCategory.Weight, byCategory.Subject.Name)
	}
	if byCategory.Row != nil || byCategory.Category == nil || byCategory.Category.ID != "security" {
		t.Errorf("first reason links to row %v, category %v; want category security", byCategory.Row, byCategory.Category)
	}
	if byRow.Category != nil || byRow.Row != c.Row("csrf") {
		t.Errorf("second reason links to row %v, category %v; want row csrf", byRow.Row, byRow.Category)
	}
	if byRow.Question != c.Choose.Question("team") || byRow.Answer.ID != "expert" {
		t.Errorf("second reason comes from %s=%s, want team=expert", byRow.Question.ID, byRow.Answer.ID)
	}
}

// TestScoreIsDeterministic scores every combination of fixture answers twice and
// compares the results.
func TestScoreIsDeterministic(t *testing.T) {
	c := fixture(t)
	for _, answers := range allCombinations(c.Choose) {
		first, second := choose.Score(c, answers), choose.Score(c, answers)
		if !reflect.DeepEqual(first, second) {
			t.Fatalf("%s scored differently twice:\n%+v\n%+v", answers.Encode(), first, second)
		}
	}
}

// TestScoreIgnoresUnknownSubjects scores hand-built answers whose weight names a subject
// the comparison does not have: it counts for nothing and gives no reason.
func TestScoreIgnoresUnknownSubjects(t *testing.T) {
	c := fixture(t)
	q := &site.Question{ID: "q", Text: "Q"}
	a := &site.Answer{ID: "a", Text: "A", Weights: []site.Weight{
		{Row: c.Row("orm"), Toward: "pyramid", Amount: 3, Reason: "unknown"},
		{Row: c.Row("orm"), Toward: "django", Amount: 1, Reason: "known"},
	}}
	res := choose.Score(c, choose.Answers{{Question: q, Answer: a}})
	if res.Given != 1 || res.Recommended == nil || res.Recommended.ID != "django" {
		t.Errorf("given %d, recommended %v; want 1 and django", res.Given, res.Recommended)
	}
	if texts := reasonTexts(res.Reasons); !slices.Equal(texts, []string{"known"}) {
		t.Errorf("reasons = %q", texts)
	}
}

func reasonTexts(reasons []choose.Reason) []string {
	var out []string
	for _, r := range reasons {
		out = append(out, r.Text)
	}
	return out
}

// allCombinations returns every possible set of answers, "no preference" included.
func allCombinations(c *site.Choose) []choose.Answers {
	combos := []choose.Answers{nil}
	for _, q := range c.Questions {
		var next []choose.Answers
		for _, prefix := range combos {
			next = append(next, slices.Clone(prefix))
			for _, a := range q.Answers {
				next = append(next, append(slices.Clone(prefix), choose.Choice{Question: q, Answer: a}))
			}
		}
		combos = next
	}
	return combos
}
