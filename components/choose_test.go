package components

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/web/choose"
)

func sampleChoosePage() ChoosePage {
	return ChoosePage{
		Shell:      testShell("/compare/flask-vs-django/choose"),
		Comparison: Link{Title: "Flask vs Django", URL: "/compare/flask-vs-django"},
		Action:     "/compare/flask-vs-django/choose",
		Questions: []ChooseQuestion{
			{ID: "size", Text: "How big is it?", Help: "Count the models.", Chosen: true, Answers: []ChooseAnswer{{ID: "small", Text: "Small", Checked: true}, {ID: "large", Text: "Large"}}},
			{ID: "team", Text: "Who builds it?", Answers: []ChooseAnswer{{ID: "new", Text: "Newcomers"}}},
		},
	}
}

func TestChooseForm(t *testing.T) {
	doc := renderHTML(t, Choose(sampleChoosePage()))
	if doc.Find(`form.choose-form[method=get][action="/compare/flask-vs-django/choose"]`).Length() != 1 {
		t.Fatal("no GET form to the decision helper")
	}
	size := doc.Find("fieldset.question").First()
	if size.Find("legend").Text() != "How big is it?" || size.Find(".help").Text() != "Count the models." {
		t.Error("question or help missing")
	}
	if _, checked := size.Find(`input[name=size][value=small]`).Attr("checked"); !checked {
		t.Error("the chosen answer is not checked")
	}
	if _, checked := size.Find(`input[name=size][value=""]`).Attr("checked"); checked {
		t.Error("no preference is checked beside a chosen answer")
	}
	team := doc.Find("fieldset.question").Last()
	if team.Find(".help").Length() != 0 {
		t.Error("a help paragraph without help")
	}
	if _, checked := team.Find(`input[name=team][value=""]`).Attr("checked"); !checked {
		t.Error("an unanswered question is not at no preference")
	}
	if doc.Find(".choose-result, .notice").Length() != 0 {
		t.Error("a result or notice without one")
	}
	if doc.Find(`a[href="/compare/flask-vs-django/choose"]`).Text() != "Start again" {
		t.Error("no way to start again")
	}

	p := sampleChoosePage()
	p.Static = true
	notice := renderHTML(t, Choose(p)).Find(".notice")
	if !strings.Contains(notice.Text(), "static export") || notice.Find(`a[href="/compare/flask-vs-django"]`).Length() != 1 {
		t.Errorf("static notice = %q", notice.Text())
	}
}

func TestChooseResult(t *testing.T) {
	p := sampleChoosePage()
	p.Result = &ChooseResult{
		Headline: "Flask, clearly", Explanation: "Most of it.", Answered: 1, Questions: 2,
		Totals:        []ChooseTotal{{Name: "Flask", Points: 3}, {Name: "Django", Points: 1}},
		Reasons:       []ChooseReason{{Subject: "Flask", Text: "Small apps.", Link: Link{Title: "Read the ORM row", URL: "/compare/flask-vs-django/orm"}}},
		Counterpoints: []ChooseReason{{Subject: "Django", Text: "Security.", Link: Link{Title: "See Security", URL: "/compare/flask-vs-django#category-security"}}},
		ShareURL:      "https://versus.example/compare/flask-vs-django/choose?size=small",
	}
	doc := renderHTML(t, Choose(p))
	result := doc.Find("section.choose-result[aria-labelledby=result-heading]")
	if result.Find("h2#result-heading").Text() != "Flask, clearly" {
		t.Errorf("headline = %q", result.Find("h2").Text())
	}
	if got := result.Find("p.meta").Text(); got != "Based on 1 of 2 questions. Flask: 3 points, Django: 1 point." {
		t.Errorf("totals = %q", got)
	}
	var headings []string
	result.Find("h3").Each(func(_ int, s *goquery.Selection) { headings = append(headings, s.Text()) })
	if strings.Join(headings, "|") != "Why|What points the other way" {
		t.Errorf("headings = %v", headings)
	}
	if got := result.Find("ul.reasons").First().Find("li").Text(); got != "Flask: Small apps. Read the ORM row" {
		t.Errorf("reason = %q", got)
	}
	if result.Find(`a[href="https://versus.example/compare/flask-vs-django/choose?size=small"]`).Length() != 1 {
		t.Error("no share link")
	}
	// The result comes before the questions.
	if doc.Find("article").Children().Filter("section.choose-result").Next().Is("form") == false {
		t.Error("the result does not come right before the form")
	}
	p.Result.Reasons, p.Result.Counterpoints = nil, nil
	if renderHTML(t, Choose(p)).Find(".choose-result h3").Length() != 0 {
		t.Error("reason headings without reasons")
	}
}

func TestNewChoosePage(t *testing.T) {
	f := testFrame(t)
	c := f.Site.Comparison("flask-vs-django")
	answer := func(query string) choose.Answers {
		t.Helper()
		a, err := choose.ParseQuery(c.Choose, query)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}

	form := NewChoosePage(f, c, nil)
	if form.Result != nil || form.Shell.Meta.NoIndex || form.Action != "/compare/flask-vs-django/choose" {
		t.Errorf("form = %+v", form)
	}
	if form.Shell.Meta.Title != "Which should I choose? Flask vs Django" || !strings.Contains(form.Shell.Meta.Description, "between Flask and Django,") {
		t.Errorf("meta = %+v", form.Shell.Meta)
	}
	if len(form.Questions) != 2 || form.Questions[0].Help != "Count the models." || len(form.Questions[0].Answers) != 2 || form.Questions[0].Chosen {
		t.Errorf("questions = %+v", form.Questions)
	}

	tests := []struct {
		query, headline, totals string
		reasons, counterpoints  int
	}{
		{"size=small", "Flask, strongly", "Based on 1 of 2 questions. Flask: 3 points, Django: 0 points.", 1, 0},
		{"size=large&team=new", "Django, clearly", "Based on 2 of 2 questions. Flask: 2 points, Django: 4 points.", 2, 1},
		{"size=large", "Django, slightly", "Based on 1 of 2 questions. Flask: 2 points, Django: 3 points.", 1, 1},
		{"team=even", "No clear winner", "Based on 1 of 2 questions. Flask: 1 point, Django: 1 point.", 2, 0},
	}
	for _, tt := range tests {
		p := NewChoosePage(f, c, answer(tt.query))
		if p.Result == nil {
			t.Fatalf("%s: no result", tt.query)
		}
		if !p.Shell.Meta.NoIndex {
			t.Errorf("%s: a result is indexed", tt.query)
		}
		r := *p.Result
		if r.Headline != tt.headline || r.Explanation == "" {
			t.Errorf("%s: headline %q, explanation %q", tt.query, r.Headline, r.Explanation)
		}
		if got := chooseTotals(r); got != tt.totals {
			t.Errorf("%s: totals %q, want %q", tt.query, got, tt.totals)
		}
		if len(r.Reasons) != tt.reasons || len(r.Counterpoints) != tt.counterpoints {
			t.Errorf("%s: %d reasons, %d counterpoints", tt.query, len(r.Reasons), len(r.Counterpoints))
		}
		if r.ShareURL != "https://versus.example/compare/flask-vs-django/choose?"+tt.query {
			t.Errorf("%s: share URL %q", tt.query, r.ShareURL)
		}
	}

	p := NewChoosePage(f, c, answer("size=large"))
	if !p.Questions[0].Chosen || !p.Questions[0].Answers[1].Checked || p.Questions[0].Answers[0].Checked || p.Questions[1].Chosen {
		t.Errorf("checked answers = %+v", p.Questions)
	}
	if got := p.Result.Reasons[0]; got.Subject != "Django" || got.Link != (Link{Title: "Read the ORM row", URL: "/compare/flask-vs-django/orm"}) {
		t.Errorf("row reason = %+v", got)
	}
	if got := p.Result.Counterpoints[0]; got.Subject != "Flask" || got.Link != (Link{Title: "See Security", URL: "/compare/flask-vs-django#category-security"}) {
		t.Errorf("category reason = %+v", got)
	}
}
