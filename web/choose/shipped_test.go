package choose_test

import (
	"net/url"
	"regexp"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/choose"
	"github.com/versus-dev/versus/web/site"
)

// TestShippedHelperShape checks the editorial rules for the shipped choose.yaml that the
// loader does not enforce: enough questions, two to four answers each, and answers that
// weigh something.
func TestShippedHelperShape(t *testing.T) {
	c := shipped(t)
	if n := len(c.Choose.Questions); n < 8 {
		t.Errorf("%d questions, want at least 8", n)
	}
	for _, q := range c.Choose.Questions {
		if n := len(q.Answers); n < 2 || n > 4 {
			t.Errorf("question %s has %d answers, want 2 to 4", q.ID, n)
		}
		for _, a := range q.Answers {
			if len(a.Weights) == 0 {
				t.Errorf("answer %s=%s weighs nothing", q.ID, a.ID)
			}
		}
	}
}

// TestShippedHelperIsBalanced checks that the shipped helper is not an advert: each
// subject can win strongly, and each is favoured by answers to several questions.
func TestShippedHelperIsBalanced(t *testing.T) {
	c := shipped(t)
	for _, s := range c.Subjects {
		// Pick, for every question, the answer that helps s most.
		var best choose.Answers
		questionsFavouring := 0
		for _, q := range c.Choose.Questions {
			var pick *site.Answer
			bestNet := 0
			for _, a := range q.Answers {
				if net := netToward(a, s.ID); pick == nil || net > bestNet {
					pick, bestNet = a, net
				}
			}
			if bestNet > 0 {
				questionsFavouring++
			}
			best = append(best, choose.Choice{Question: q, Answer: pick})
		}
		res := choose.Score(c, best)
		if res.Recommended == nil || res.Recommended.ID != s.ID || res.Strength != choose.Strong {
			t.Errorf("the answers most favourable to %s give %+v, want a strong %s recommendation", s.ID, res.Totals, s.ID)
		}
		if questionsFavouring < len(c.Choose.Questions)/2 {
			t.Errorf("only %d of %d questions have an answer favouring %s", questionsFavouring, len(c.Choose.Questions), s.ID)
		}
		t.Logf("%s: favoured by an answer in %d of %d questions; best case %+v", s.ID, questionsFavouring, len(c.Choose.Questions), res.Totals)
	}
}

// netToward is what an answer adds to subject id minus what it adds to the others.
func netToward(a *site.Answer, id string) int {
	net := 0
	for _, w := range a.Weights {
		if w.Toward == id {
			net += w.Amount
		} else {
			net -= w.Amount
		}
	}
	return net
}

// TestShippedHelperRoundTrip parses every answer of the shipped helper from a query
// and scores it: each must parse and produce a recommendation with reasons.
func TestShippedHelperRoundTrip(t *testing.T) {
	c := shipped(t)
	for _, q := range c.Choose.Questions {
		for _, a := range q.Answers {
			query := url.Values{q.ID: {a.ID}}
			answers, err := choose.ParseAnswers(c.Choose, query)
			if err != nil {
				t.Errorf("%s: %v", query.Encode(), err)
				continue
			}
			if got := answers.Encode(); got != query.Encode() {
				t.Errorf("%s re-encodes as %s", query.Encode(), got)
			}
			if res := choose.Score(c, answers); len(res.Reasons) == 0 {
				t.Errorf("%s gives no reasons", query.Encode())
			}
		}
	}
}

// BenchmarkParseAndScore measures one request's work on the shipped helper: decode a
// query that answers every question, then score it.
func BenchmarkParseAndScore(b *testing.B) {
	c := shipped(b)
	query := url.Values{}
	for i, q := range c.Choose.Questions {
		query.Set(q.ID, q.Answers[i%len(q.Answers)].ID)
	}
	raw := query.Encode()
	b.ReportAllocs()
	for b.Loop() {
		answers, err := choose.ParseQuery(c.Choose, raw)
		if err != nil {
			b.Fatal(err)
		}
		if res := choose.Score(c, answers); res.Given == 0 {
			b.Fatal("no weight given")
		}
	}
}

// BenchmarkParseRejected measures refusing a query full of unknown parameters, the
// most work a bad request can cause.
func BenchmarkParseRejected(b *testing.B) {
	c := shipped(b)
	query := url.Values{}
	for i := 0; len(query.Encode()) < choose.MaxQueryBytes-20; i++ {
		query.Set("p"+string(rune('a'+i%26))+string(rune('a'+i/26%26)), "x")
	}
	raw := query.Encode()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := choose.ParseQuery(c.Choose, raw); err == nil {
			b.Fatal("accepted junk")
		}
	}
}

// TestShippedPairHelpersQuoteOnlyThePair checks every answer of every pair's helper in the
// shipped content: the reasons a result shows, for the pair's subjects and against them,
// name no subject outside the pair. (A Flask vs Django result once quoted a reason that
// compared Django with FastAPI.)
func TestShippedPairHelpersQuoteOnlyThePair(t *testing.T) {
	s, err := site.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, pair := range s.Comparisons {
		if pair.Choose == nil {
			continue
		}
		var outside []*regexp.Regexp
		for _, subj := range s.Subjects() {
			if !pair.Has(subj.ID) {
				outside = append(outside, regexp.MustCompile(`(?i)\b(`+regexp.QuoteMeta(subj.Name)+`|`+regexp.QuoteMeta(subj.ID)+`)\b`))
			}
		}
		for _, q := range pair.Choose.Questions {
			for _, a := range q.Answers {
				res := choose.Score(pair, choose.Answers{{Question: q, Answer: a}})
				for _, r := range append(res.Reasons, res.Counterpoints...) {
					checked++
					for _, re := range outside {
						if name := re.FindString(r.Text); name != "" {
							t.Errorf("%s, %s=%s: a reason for %s names %s: %q", pair.Slug, q.ID, a.ID, r.Subject.Name, name, r.Text)
						}
					}
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("checked %d reasons; the pairs' helpers should show far more", checked)
	}
}
