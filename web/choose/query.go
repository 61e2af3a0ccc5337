package choose

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/versus-dev/versus/web/site"
)

// MaxQueryBytes is the longest query string the decision helper accepts. Every answer
// of the shipped helper fits in a few hundred bytes, so anything longer is not a set of
// answers. Servers can check the raw query against it before parsing.
const MaxQueryBytes = 2048

// maxProblems caps how many problems a QueryError lists, so a hostile query cannot turn
// the error page into a wall of text.
const maxProblems = 10

// maxQuoted is how many characters of a reader's parameter a problem quotes.
const maxQuoted = 40

// QueryError says why a query string is not a valid set of answers. Its problems are
// sentences meant for people; the server shows them on a 400 page.
type QueryError struct {
	Problems []string
}

func (e *QueryError) Error() string {
	return "invalid decision-helper answers: " + strings.Join(e.Problems, "; ")
}

// ParseQuery is ParseAnswers for a raw query string: it refuses an oversized or malformed
// query before decoding it.
func ParseQuery(c *site.Choose, rawQuery string) (Answers, error) {
	if len(rawQuery) > MaxQueryBytes {
		return nil, tooLong(len(rawQuery))
	}
	query, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, &QueryError{Problems: []string{fmt.Sprintf("the query string is malformed: %v", err)}}
	}
	return ParseAnswers(c, query)
}

// ParseAnswers reads answers from a query whose parameters are question ids and whose
// values are answer ids, such as ?size=small&data=document-store. A missing question or
// an empty value means "no preference". Any other parameter, an unknown answer, a
// question given more than once, more parameters than there are questions or a query
// longer than MaxQueryBytes makes it return a *QueryError listing every problem found.
func ParseAnswers(c *site.Choose, query url.Values) (Answers, error) {
	if c == nil {
		return nil, &QueryError{Problems: []string{"this comparison has no decision helper"}}
	}
	if n := encodedLen(query); n > MaxQueryBytes {
		return nil, tooLong(n)
	}
	var problems problemList
	params := 0
	for _, values := range query {
		params += len(values)
	}
	if params > len(c.Questions) {
		problems.add("the query has %d parameters but there are only %d questions", params, len(c.Questions))
	}
	keys := make([]string, 0, len(query))
	for k := range query {
		keys = append(keys, k)
	}
	slices.Sort(keys) // problems in a stable order, whatever the map's
	known := ""       // the question ids, listed once the first unknown one turns up
	for _, k := range keys {
		values := query[k]
		q := c.Question(k)
		switch {
		case q == nil:
			if !problems.room() {
				continue
			}
			if known == "" {
				known = questionIDs(c)
			}
			problems.add("there is no question %s (the questions are: %s)", quote(k), known)
		case len(values) > 1:
			if problems.room() {
				problems.add("question %s is answered %d times; give it one answer", quote(k), len(values))
			}
		case values[0] != "" && q.Answer(values[0]) == nil:
			if problems.room() {
				problems.add("question %s has no answer %s (choose %s, or leave it empty for no preference)", quote(k), quote(values[0]), answerIDs(q))
			}
		}
	}
	if err := problems.err(); err != nil {
		return nil, err
	}
	var answers Answers
	for _, q := range c.Questions {
		if id := query.Get(q.ID); id != "" {
			answers = append(answers, Choice{Question: q, Answer: q.Answer(id)})
		}
	}
	return answers, nil
}

// problemList collects problem sentences, formatting at most maxProblems of them and
// only counting the rest, so a hostile query costs little to refuse.
type problemList struct {
	sentences []string
	more      int
}

// room reports whether the list will show another problem. When it will not, it counts
// the problem among those left out, and the caller skips formatting it.
func (p *problemList) room() bool {
	if len(p.sentences) < maxProblems {
		return true
	}
	p.more++
	return false
}

// add records a problem; call it only after room says there is room.
func (p *problemList) add(format string, args ...any) {
	p.sentences = append(p.sentences, fmt.Sprintf(format, args...))
}

// err returns the problems as a *QueryError, or nil when there are none.
func (p *problemList) err() error {
	if len(p.sentences) == 0 {
		return nil
	}
	if p.more > 0 {
		return &QueryError{Problems: append(p.sentences, fmt.Sprintf("and %d more %s", p.more, plural(p.more, "problem", "problems")))}
	}
	return &QueryError{Problems: p.sentences}
}

func tooLong(n int) *QueryError {
	return &QueryError{Problems: []string{fmt.Sprintf("the query is %d bytes long; answers never need more than %d", n, MaxQueryBytes)}}
}

// encodedLen is the length of the query once encoded, without building the string.
func encodedLen(query url.Values) int {
	n := 0
	for k, values := range query {
		for _, v := range values {
			if n > 0 {
				n++ // &
			}
			n += escapedLen(k) + 1 + escapedLen(v)
		}
	}
	return n
}

// escapedLen is len(url.QueryEscape(s)), counted without allocating.
func escapedLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '_', c == '.', c == '~', c == ' ':
			n++
		default:
			n += 3
		}
	}
	return n
}

// quote quotes a reader's parameter for a problem message, shortened to maxQuoted
// characters.
func quote(s string) string {
	if utf8.RuneCountInString(s) > maxQuoted {
		r := []rune(s)
		return strconv.Quote(string(r[:maxQuoted])) + "…"
	}
	return strconv.Quote(s)
}

func questionIDs(c *site.Choose) string {
	ids := make([]string, len(c.Questions))
	for i, q := range c.Questions {
		ids[i] = q.ID
	}
	return strings.Join(ids, ", ")
}

func answerIDs(q *site.Question) string {
	ids := make([]string, len(q.Answers))
	for i, a := range q.Answers {
		ids[i] = a.ID
	}
	return oneOf(ids)
}

// oneOf lists ids in words: "a", "a or b", "a, b or c".
func oneOf(ids []string) string {
	switch len(ids) {
	case 0:
		return "none"
	case 1:
		return ids[0]
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " or " + ids[len(ids)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
