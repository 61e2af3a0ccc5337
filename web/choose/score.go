package choose

import (
	"slices"

	"github.com/versus-dev/versus/web/site"
)

// MaxReasons is how many reasons a Result lists on each side.
const MaxReasons = 5

// Strength says how decisive a recommendation is: the margin between the two highest
// totals as a share of all the weight the reader's answers gave, toward any subject.
type Strength string

// The strengths, from a tie to a one-sided result. With two subjects whose totals are
// a > b, the share is (a-b)/(a+b): slight is under 5:3, clear from 5:3 to under 3:1,
// strong from 3:1.
const (
	Even   Strength = "even"   // no recommendation: nothing answered, or the totals are equal
	Slight Strength = "slight" // the margin is under a quarter of the weight given
	Clear  Strength = "clear"  // the margin is at least a quarter and under a half
	Strong Strength = "strong" // the margin is at least half the weight given
)

// Total is the weight the answers gave one subject.
type Total struct {
	Subject site.Subject
	Weight  int
}

// Reason is one weight behind a result: what it favours, why, and the row or category
// to read more.
type Reason struct {
	Subject  site.Subject   // the subject it favours
	Weight   int            // 1 to 3
	Text     string         // one sentence from choose.yaml
	Row      *site.Row      // the row it links to; nil when it names a category
	Category *site.Category // the category it links to; nil when it names a row
	Question *site.Question // the question whose answer gave it
	Answer   *site.Answer
}

// Result is the scored answers.
type Result struct {
	Totals []Total // one per subject, in the comparison's subject order
	// Recommended is the subject with the highest total, or nil when the top totals are
	// equal (including when nothing is answered).
	Recommended *site.Subject
	Strength    Strength
	Margin      int // the recommended subject's lead over the next; 0 when tied
	Given       int // all the weight given, toward every subject
	// Reasons are the heaviest weights behind the recommendation, at most MaxReasons;
	// when there is no recommendation, the heaviest weights toward any subject.
	Reasons []Reason
	// Counterpoints are the heaviest weights toward the other subjects, at most
	// MaxReasons; empty when there is no recommendation, since Reasons holds both sides.
	Counterpoints []Reason
}

// Score adds the weights of the chosen answers toward each subject of c and recommends
// the subject with the highest total. Reasons are ordered heaviest first; equal weights
// keep the order of the answers (question order, as ParseAnswers returns them) and,
// within an answer, the order of its weights in choose.yaml, so the same answers always
// give the same result. A weight toward an id that is not one of c's subjects counts for
// nothing.
func Score(c *site.Comparison, answers Answers) Result {
	res := Result{Totals: make([]Total, len(c.Subjects)), Strength: Even}
	index := make(map[string]int, len(c.Subjects))
	for i, s := range c.Subjects {
		res.Totals[i].Subject = s
		index[s.ID] = i
	}
	n := 0
	for _, choice := range answers {
		n += len(choice.Answer.Weights)
	}
	all := make([]Reason, 0, n)
	for _, choice := range answers {
		for _, w := range choice.Answer.Weights {
			i, ok := index[w.Toward]
			if !ok {
				continue
			}
			res.Totals[i].Weight += w.Amount
			res.Given += w.Amount
			all = append(all, Reason{
				Subject: c.Subjects[i], Weight: w.Amount, Text: w.Reason,
				Row: w.Row, Category: w.Category, Question: choice.Question, Answer: choice.Answer,
			})
		}
	}
	// Stable, so equal weights keep the answers' order.
	slices.SortStableFunc(all, func(a, b Reason) int { return b.Weight - a.Weight })

	best, next := -1, -1 // indexes of the highest and second-highest totals
	for i, t := range res.Totals {
		switch {
		case best < 0 || t.Weight > res.Totals[best].Weight:
			best, next = i, best
		case next < 0 || t.Weight > res.Totals[next].Weight:
			next = i
		}
	}
	if best < 0 || res.Totals[best].Weight == 0 || (next >= 0 && res.Totals[next].Weight == res.Totals[best].Weight) {
		res.Reasons = firstN(all, func(Reason) bool { return true })
		return res
	}
	winner := res.Totals[best].Subject
	res.Recommended = &winner
	res.Margin = res.Totals[best].Weight
	if next >= 0 {
		res.Margin -= res.Totals[next].Weight
	}
	res.Strength = strength(res.Margin, res.Given)
	res.Reasons = firstN(all, func(r Reason) bool { return r.Subject.ID == winner.ID })
	res.Counterpoints = firstN(all, func(r Reason) bool { return r.Subject.ID != winner.ID })
	return res
}

// strength labels a positive margin out of the weight given, in whole numbers so the
// thresholds are exact.
func strength(margin, given int) Strength {
	switch {
	case 2*margin >= given:
		return Strong
	case 4*margin >= given:
		return Clear
	default:
		return Slight
	}
}

// firstN returns up to MaxReasons reasons that keep, in order.
func firstN(reasons []Reason, keep func(Reason) bool) []Reason {
	var out []Reason
	for _, r := range reasons {
		if len(out) == MaxReasons {
			break
		}
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}
