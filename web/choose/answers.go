// Package choose is the logic behind the "Which should I choose?" decision helper: it reads
// a reader's answers from the page's query string (ParseAnswers) and scores them against the
// comparison's choose.yaml (Score). It renders nothing and keeps no state, so the page that
// uses it can run it on every request.
package choose

import (
	"net/url"
	"strings"

	"github.com/versus-dev/versus/web/site"
)

// Choice is one answered question.
type Choice struct {
	Question *site.Question
	Answer   *site.Answer
}

// Answers are a reader's chosen answers in question order. A question the reader left
// unanswered ("no preference") has no Choice.
type Answers []Choice

// Answer returns the answer chosen for the question with this id, or nil when the reader
// has no preference.
func (a Answers) Answer(questionID string) *site.Answer {
	for _, c := range a {
		if c.Question.ID == questionID {
			return c.Answer
		}
	}
	return nil
}

// Encode returns the answers as a query string in question order, such as
// "size=small&data=document-store": the canonical, shareable form of a result. Unanswered
// questions are left out, so no answers encode to "".
func (a Answers) Encode() string {
	var b strings.Builder
	for i, c := range a {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(c.Question.ID))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(c.Answer.ID))
	}
	return b.String()
}
