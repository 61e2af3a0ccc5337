package choose

import (
	"errors"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/site"
)

// FuzzParseQuery parses arbitrary query strings against the shipped questions: no panic,
// errors are always a *QueryError with problems, and good answers always score.
func FuzzParseQuery(f *testing.F) {
	s, err := site.Load(content.FS)
	if err != nil {
		f.Fatal(err)
	}
	c := s.Comparison("flask-vs-django")
	for _, seed := range []string{"", "size=small", "size=small&size=large", "nope=1", "size=%zz", "a;b", "size=&deadline=weeks"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		answers, err := ParseQuery(c.Choose, raw)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) || len(qe.Problems) == 0 {
				t.Fatalf("%q: error %v is not a QueryError with problems", raw, err)
			}
			return
		}
		res := Score(c, answers)
		if len(res.Totals) != len(c.Subjects) {
			t.Fatalf("%q: %d totals", raw, len(res.Totals))
		}
	})
}
