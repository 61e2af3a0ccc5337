package site

// The decision helper (choose.yaml): its questions and answers, the weights each answer
// gives rows or categories, how a pair keeps those toward its two subjects, and its loader.

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Choose is a comparison's decision helper: questions whose answers weigh rows or
// categories toward one subject.
type Choose struct {
	File      string
	Questions []*Question
}

// Question is one question of the decision helper.
type Question struct {
	ID      string
	Text    string
	Help    string
	Answers []*Answer
}

// Answer is one possible answer and what it weighs.
type Answer struct {
	ID      string
	Text    string
	Weights []Weight
}

// Weight pushes one row, or every row of a category, toward a subject.
type Weight struct {
	Row      *Row      // set when the weight names a row
	Category *Category // set when the weight names a category
	Toward   string    // subject id
	Amount   int       // 1 to 3
	Reason   string
}

// Question returns the question with this id, or nil.
func (c *Choose) Question(id string) *Question {
	for _, q := range c.Questions {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// Answer returns the answer with this id, or nil.
func (q *Question) Answer(id string) *Answer {
	for _, a := range q.Answers {
		if a.ID == id {
			return a
		}
	}
	return nil
}

type (
	chooseMeta struct {
		Questions []questionMeta `yaml:"questions" jsonschema:"required,minItems=1"`
	}
	questionMeta struct {
		ID      string       `yaml:"id" jsonschema:"required,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
		Text    string       `yaml:"text" jsonschema:"required"`
		Help    string       `yaml:"help"`
		Answers []answerMeta `yaml:"answers" jsonschema:"required,minItems=2"`
	}
	answerMeta struct {
		ID      string       `yaml:"id" jsonschema:"required,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
		Text    string       `yaml:"text" jsonschema:"required"`
		Weights []weightMeta `yaml:"weights"`
	}
	weightMeta struct {
		Row      string `yaml:"row" jsonschema_description:"A row id; or name a category"`
		Category string `yaml:"category" jsonschema_description:"A category id; or name a row"`
		Toward   string `yaml:"toward" jsonschema:"required" jsonschema_description:"A subject id"`
		Weight   int    `yaml:"weight" jsonschema:"required,minimum=1,maximum=3"`
		Reason   string `yaml:"reason" jsonschema:"required"`
	}
)

// loadChoose reads the comparison's choose.yaml, if it has one. It runs after the rows
// are loaded, since weights name them.
func (l *loader) loadChoose(c *Comparison, dir string) {
	file := path.Join(dir, "choose.yaml")
	if _, err := fs.Stat(l.fsys, file); errors.Is(err, fs.ErrNotExist) {
		return
	}
	ps := &l.problems
	data, ok := l.readFile(file)
	if !ok {
		return
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		reportSyntaxError(file, 0, data, err, ps)
		return
	}
	if len(root.Content) == 0 {
		ps.add(file, 1, "choose.yaml is empty: it needs a list of questions")
		return
	}
	doc := &document{file: file, yaml: data, meta: root.Content[0]}
	// decodeStrict shifts lines by one for front matter; choose.yaml has none.
	var meta chooseMeta
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&meta); err != nil {
		reportYAMLError(file, 0, err, ps)
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return
		}
	}
	ch := &Choose{File: file}
	mentions := subjectMentions(c)
	if len(meta.Questions) == 0 {
		ps.add(file, 1, "choose.yaml needs at least one question")
	}
	seenQ := map[string]bool{}
	for qi, qm := range meta.Questions {
		qline := lineOf(doc.meta, "questions", qi)
		switch {
		case !idPattern.MatchString(qm.ID):
			ps.add(file, qline, "question id %q must be lowercase letters, digits and dashes", qm.ID)
		case seenQ[qm.ID]:
			ps.add(file, qline, "duplicate question id %q", qm.ID)
		}
		seenQ[qm.ID] = true
		if strings.TrimSpace(qm.Text) == "" {
			ps.add(file, qline, "question %q needs a text", qm.ID)
		}
		if len(qm.Answers) < 2 {
			ps.add(file, qline, "question %q needs at least two answers", qm.ID)
		}
		q := &Question{ID: qm.ID, Text: qm.Text, Help: qm.Help}
		seenA := map[string]bool{}
		for ai, am := range qm.Answers {
			aline := lineOf(doc.meta, "questions", qi, "answers", ai)
			switch {
			case !idPattern.MatchString(am.ID):
				ps.add(file, aline, "answer id %q must be lowercase letters, digits and dashes", am.ID)
			case seenA[am.ID]:
				ps.add(file, aline, "duplicate answer id %q in question %q", am.ID, qm.ID)
			}
			seenA[am.ID] = true
			if strings.TrimSpace(am.Text) == "" {
				ps.add(file, aline, "answer %q needs a text", am.ID)
			}
			a := &Answer{ID: am.ID, Text: am.Text}
			for wi, wm := range am.Weights {
				wline := lineOf(doc.meta, "questions", qi, "answers", ai, "weights", wi)
				if w, ok := l.weight(c, file, wline, wm, mentions); ok {
					a.Weights = append(a.Weights, w)
				}
			}
			q.Answers = append(q.Answers, a)
		}
		ch.Questions = append(ch.Questions, q)
	}
	c.Choose = ch
}

// weight reads one weight of an answer. In a comparison of three subjects or more, its
// reason may name no subject but the one it weighs toward: each pair's helper shows it
// beside a different other subject, so a reason that compares with one of them is wrong in
// the other pair (mentions finds the names; see subjectMentions).
func (l *loader) weight(c *Comparison, file string, line int, wm weightMeta, mentions map[string]*regexp.Regexp) (Weight, bool) {
	ps := &l.problems
	w := Weight{Toward: wm.Toward, Amount: wm.Weight, Reason: wm.Reason}
	ok := true
	switch {
	case wm.Row != "" && wm.Category != "":
		ps.add(file, line, "a weight names a row or a category, not both")
		ok = false
	case wm.Row != "":
		if w.Row = c.Row(wm.Row); w.Row == nil {
			ps.add(file, line, "weight names unknown row %q", wm.Row)
			ok = false
		}
	case wm.Category != "":
		for _, cat := range c.Categories {
			if cat.ID == wm.Category {
				w.Category = cat
			}
		}
		if w.Category == nil {
			ps.add(file, line, "weight names unknown category %q", wm.Category)
			ok = false
		}
	default:
		ps.add(file, line, "a weight needs a row or a category")
		ok = false
	}
	if !c.Has(wm.Toward) {
		ps.add(file, line, "weight toward %q: must be a subject id (%s)", wm.Toward, subjectList(c))
		ok = false
	}
	if wm.Weight < 1 || wm.Weight > 3 {
		ps.add(file, line, "weight %d must be a whole number from 1 to 3", wm.Weight)
		ok = false
	}
	if strings.TrimSpace(wm.Reason) == "" {
		ps.add(file, line, "a weight needs a reason: the result page shows it")
		ok = false
	}
	if toward := c.subject(wm.Toward); c.IsTable() && toward != nil {
		for _, s := range c.Subjects {
			if s.ID != toward.ID && mentions[s.ID].MatchString(wm.Reason) {
				ps.add(file, line, "the reason for %s names %s: each of %s's pairs shows it beside a different subject, so it may name only %s", toward.Name, s.Name, toward.Name, toward.Name)
				ok = false
				break
			}
		}
	}
	return w, ok
}

// subjectMentions finds each subject of c named in a text: its name or id as a word of its
// own, in any case ("Flask-Admin" and "flask run" name Flask; "Flaskr" does not).
func subjectMentions(c *Comparison) map[string]*regexp.Regexp {
	out := make(map[string]*regexp.Regexp, len(c.Subjects))
	for _, s := range c.Subjects {
		out[s.ID] = regexp.MustCompile(`(?i)(?:^|[^\pL\pN])(?:` + regexp.QuoteMeta(s.Name) + `|` + regexp.QuoteMeta(s.ID) + `)(?:[^\pL\pN]|$)`)
	}
	return out
}

// forPair derives a pair's decision helper from its comparison's: the same questions and
// answers, keeping only the weights toward the pair's two subjects, pointed at the pair's
// own rows and categories. It is nil when the comparison has no helper.
func (ch *Choose) forPair(p *Comparison) *Choose {
	if ch == nil {
		return nil
	}
	out := &Choose{File: ch.File}
	for _, q := range ch.Questions {
		pq := &Question{ID: q.ID, Text: q.Text, Help: q.Help}
		for _, a := range q.Answers {
			pa := &Answer{ID: a.ID, Text: a.Text}
			for _, w := range a.Weights {
				if !p.Has(w.Toward) {
					continue
				}
				if w.Row != nil {
					w.Row = p.Row(w.Row.ID)
				}
				if w.Category != nil {
					w.Category = p.Category(w.Category.ID)
				}
				pa.Weights = append(pa.Weights, w)
			}
			pq.Answers = append(pq.Answers, pa)
		}
		out.Questions = append(out.Questions, pq)
	}
	return out
}
