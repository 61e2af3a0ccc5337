package components

import (
	"strconv"
	"strings"

	"github.com/versus-dev/versus/web/choose"
	"github.com/versus-dev/versus/web/site"
)

// ChoosePage is the decision helper: the questions, and the result once answered.
type ChoosePage struct {
	Shell      Shell
	Comparison Link
	Action     string
	Questions  []ChooseQuestion
	Result     *ChooseResult
	Static     bool // the static export: results need the server
}

// ChooseQuestion is one question of the decision helper.
type ChooseQuestion struct {
	ID      string
	Text    string
	Help    string
	Answers []ChooseAnswer
	Chosen  bool // an answer other than "no preference" is checked
}

// ChooseAnswer is one answer of a decision-helper question.
type ChooseAnswer struct {
	ID      string
	Text    string
	Checked bool
}

// ChooseResult is the scored answers.
type ChooseResult struct {
	Headline      string // "Django, clearly" or "No clear winner"
	Explanation   string
	Answered      int
	Questions     int
	Totals        []ChooseTotal
	Reasons       []ChooseReason
	Counterpoints []ChooseReason
	ShareURL      string
}

// ChooseTotal is the points one subject received.
type ChooseTotal struct {
	Name   string
	Points int
}

// ChooseReason is one weight behind a result, linking to the row that explains it.
type ChooseReason struct {
	Subject string
	Text    string
	Link    Link
}

// NewChoosePage returns the decision helper of c (which must have one) with answers
// checked and, when there are any, the result they score; a page with a result is not
// indexed.
func NewChoosePage(f Frame, c *site.Comparison, answers choose.Answers) ChoosePage {
	p := ChoosePage{
		Shell:      f.Shell(c.ChoosePath(), "Which should I choose? "+c.Title, "Answer a few questions about your project and get a recommendation between "+subjectNames(c)+", with the reasons and links to the rows behind it."),
		Comparison: Link{Title: c.Title, URL: c.Path()},
		Action:     c.ChoosePath(),
	}
	for _, q := range c.Choose.Questions {
		chosen := answers.Answer(q.ID)
		qv := ChooseQuestion{ID: q.ID, Text: q.Text, Help: q.Help, Chosen: chosen != nil}
		for _, a := range q.Answers {
			qv.Answers = append(qv.Answers, ChooseAnswer{ID: a.ID, Text: a.Text, Checked: a == chosen})
		}
		p.Questions = append(p.Questions, qv)
	}
	if len(answers) > 0 {
		p.Shell.Meta.NoIndex = true
		p.Result = newChooseResult(f, c, answers, choose.Score(c, answers))
	}
	return p
}

func newChooseResult(f Frame, c *site.Comparison, answers choose.Answers, res choose.Result) *ChooseResult {
	out := &ChooseResult{
		Answered: len(answers), Questions: len(c.Choose.Questions),
		ShareURL: f.AbsoluteURL(c.ChoosePath()) + "?" + answers.Encode(),
	}
	if res.Recommended == nil {
		out.Headline = "No clear winner"
		out.Explanation = "Your answers weigh the same toward each framework. Read the reasons on both sides below, or answer more questions."
	} else {
		name := res.Recommended.Name
		switch res.Strength {
		case choose.Strong:
			out.Headline = name + ", strongly"
			out.Explanation = "Nearly everything you told us points to " + name + "."
		case choose.Clear:
			out.Headline = name + ", clearly"
			out.Explanation = "Most of what you told us points to " + name + ", with some reasons the other way."
		default:
			out.Headline = name + ", slightly"
			out.Explanation = "Your answers lean toward " + name + ", but the other side has real arguments too: read both lists."
		}
	}
	for _, t := range res.Totals {
		out.Totals = append(out.Totals, ChooseTotal{Name: t.Subject.Name, Points: t.Weight})
	}
	link := func(rs choose.Reason) Link {
		if rs.Row != nil {
			return Link{Title: "Read the " + rs.Row.Title + " row", URL: rs.Row.Path()}
		}
		return Link{Title: "See " + rs.Category.Title, URL: c.Path() + "#category-" + rs.Category.ID}
	}
	for _, rs := range res.Reasons {
		out.Reasons = append(out.Reasons, ChooseReason{Subject: rs.Subject.Name, Text: rs.Text, Link: link(rs)})
	}
	for _, rs := range res.Counterpoints {
		out.Counterpoints = append(out.Counterpoints, ChooseReason{Subject: rs.Subject.Name, Text: rs.Text, Link: link(rs)})
	}
	return out
}

// subjectNames joins the names of c's subjects: "Flask and Django", "Flask, Django and
// FastAPI".
func subjectNames(c *site.Comparison) string {
	names := make([]string, len(c.Subjects))
	for i, s := range c.Subjects {
		names[i] = s.Name
	}
	return andList(names)
}

// chooseTotals reads "Based on 3 of 11 questions. Flask: 3 points, Django: 7 points."
func chooseTotals(r ChooseResult) string {
	var parts []string
	for _, t := range r.Totals {
		parts = append(parts, t.Name+": "+count(t.Points, "point", "points"))
	}
	return "Based on " + strconv.Itoa(r.Answered) + " of " + strconv.Itoa(r.Questions) + " questions. " + strings.Join(parts, ", ") + "."
}
