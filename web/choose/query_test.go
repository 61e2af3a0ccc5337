package choose_test

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/versus-dev/versus/web/choose"
)

func TestParseQueryAccepts(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		name  string
		query string
		want  string // the answers, re-encoded in question order
	}{
		{name: "nothing answered", query: "", want: ""},
		{name: "one answer", query: "team=expert", want: "team=expert"},
		{name: "every question, out of order", query: "hosting=tiny&extras=none&team=new&size=large", want: "size=large&team=new&extras=none&hosting=tiny"},
		{name: "empty value is no preference", query: "size=&team=new", want: "team=new"},
		{name: "every question with no preference", query: "size=&team=&extras=&hosting=", want: ""},
		{name: "a parameter with no equals sign is no preference", query: "size&team=new", want: "team=new"},
		{name: "escaped value", query: "team=%65xpert", want: "team=expert"},
		{name: "exactly the size limit", query: "size=small&team=new" + strings.Repeat("&", choose.MaxQueryBytes-len("size=small&team=new")), want: "size=small&team=new"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			answers, err := choose.ParseQuery(c.Choose, tt.query)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tt.query, err)
			}
			if got := answers.Encode(); got != tt.want {
				t.Errorf("answers = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseQueryRejects(t *testing.T) {
	c := fixture(t)
	const questions = "(the questions are: size, team, extras, hosting)"
	tests := []struct {
		name  string
		query string
		want  []string // every problem, in order
	}{
		{
			name:  "unknown question",
			query: "colour=red",
			want:  []string{`there is no question "colour" ` + questions},
		},
		{
			name:  "unknown question with an empty value",
			query: "colour=",
			want:  []string{`there is no question "colour" ` + questions},
		},
		{
			name:  "unknown answer",
			query: "size=huge",
			want:  []string{`question "size" has no answer "huge" (choose small, large or both, or leave it empty for no preference)`},
		},
		{
			name:  "answer ids are case-sensitive",
			query: "team=Expert",
			want:  []string{`question "team" has no answer "Expert" (choose new or expert, or leave it empty for no preference)`},
		},
		{
			name:  "whitespace is not an empty value",
			query: "team=+",
			want:  []string{`question "team" has no answer " " (choose new or expert, or leave it empty for no preference)`},
		},
		{
			name:  "repeated parameter",
			query: "size=small&size=large",
			want:  []string{`question "size" is answered 2 times; give it one answer`},
		},
		{
			name:  "repeated parameter, same value",
			query: "team=new&team=new",
			want:  []string{`question "team" is answered 2 times; give it one answer`},
		},
		{
			name:  "repeated empty parameter",
			query: "team=&team=",
			want:  []string{`question "team" is answered 2 times; give it one answer`},
		},
		{
			name:  "more parameters than questions",
			query: "size=small&team=new&extras=none&hosting=tiny&size=large",
			want: []string{
				"the query has 5 parameters but there are only 4 questions",
				`question "size" is answered 2 times; give it one answer`,
			},
		},
		{
			name:  "every problem is listed, sorted by parameter",
			query: "team=guru&a=1&size=small&size=",
			want: []string{
				`there is no question "a" ` + questions,
				`question "size" is answered 2 times; give it one answer`,
				`question "team" has no answer "guru" (choose new or expert, or leave it empty for no preference)`,
			},
		},
		{
			name:  "a long parameter is quoted shortened",
			query: "size=" + strings.Repeat("x", 60),
			want:  []string{`question "size" has no answer "` + strings.Repeat("x", 40) + `"… (choose small, large or both, or leave it empty for no preference)`},
		},
		{
			name:  "control characters are escaped",
			query: "size=%0Abig",
			want:  []string{`question "size" has no answer "\nbig" (choose small, large or both, or leave it empty for no preference)`},
		},
		{
			name:  "oversized query",
			query: "size=small&pad=" + strings.Repeat("x", choose.MaxQueryBytes),
			want:  []string{"the query is 2063 bytes long; answers never need more than 2048"},
		},
		{
			name:  "malformed escape",
			query: "size=%zz",
			want:  []string{`the query string is malformed: invalid URL escape "%zz"`},
		},
		{
			name:  "semicolon separator",
			query: "size=small;team=new",
			want:  []string{"the query string is malformed: invalid semicolon separator in query"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			answers, err := choose.ParseQuery(c.Choose, tt.query)
			if err == nil {
				t.Fatalf("ParseQuery(%q) = %q, want an error", tt.query, answers.Encode())
			}
			var qe *choose.QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("error %v is a %T, want *choose.QueryError", err, err)
			}
			if !slices.Equal(qe.Problems, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", qe.Problems, tt.want)
			}
			if answers != nil {
				t.Errorf("answers = %q alongside an error, want none", answers.Encode())
			}
		})
	}
}

// TestParseAnswersChecksDecodedSize covers a query that arrives already decoded (the
// caller did not use ParseQuery): its encoded size still counts.
func TestParseAnswersChecksDecodedSize(t *testing.T) {
	c := fixture(t)
	query := url.Values{"size": {strings.Repeat("é", 400)}} // 6 bytes each once escaped
	_, err := choose.ParseAnswers(c.Choose, query)
	var qe *choose.QueryError
	if !errors.As(err, &qe) {
		t.Fatalf("ParseAnswers: error %v, want a *choose.QueryError", err)
	}
	if want := []string{"the query is 2405 bytes long; answers never need more than 2048"}; !slices.Equal(qe.Problems, want) {
		t.Errorf("problems = %q, want %q", qe.Problems, want)
	}
	if got, want := len(query.Encode()), 2405; got != want {
		t.Errorf("url.Values.Encode is %d bytes, the test assumes %d", got, want)
	}
}

// TestParseAnswersCapsProblems checks that a query full of junk lists a bounded number of
// problems, and says how many it left out.
func TestParseAnswersCapsProblems(t *testing.T) {
	c := fixture(t)
	query := url.Values{}
	for _, k := range strings.Split("a b c d e f g h i j k l m n", " ") {
		query.Set(k, "1")
	}
	_, err := choose.ParseAnswers(c.Choose, query)
	var qe *choose.QueryError
	if !errors.As(err, &qe) {
		t.Fatalf("error %v, want a *choose.QueryError", err)
	}
	// 1 "too many parameters" + 14 unknown questions = 15, shown as 10 plus a summary.
	if len(qe.Problems) != 11 {
		t.Fatalf("%d problems, want 11: %q", len(qe.Problems), qe.Problems)
	}
	if got, want := qe.Problems[10], "and 5 more problems"; got != want {
		t.Errorf("last problem = %q, want %q", got, want)
	}
	if !strings.HasPrefix(err.Error(), "invalid decision-helper answers: the query has 14 parameters") {
		t.Errorf("Error() = %q", err.Error())
	}
}

func TestParseAnswersWithoutHelper(t *testing.T) {
	_, err := choose.ParseAnswers(nil, url.Values{})
	if err == nil || err.Error() != "invalid decision-helper answers: this comparison has no decision helper" {
		t.Errorf("ParseAnswers(nil) error = %v", err)
	}
}

func TestAnswersLookup(t *testing.T) {
	c := fixture(t)
	answers, err := choose.ParseQuery(c.Choose, "extras=lots&size=both")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ question, want string }{
		{"size", "both"},
		{"extras", "lots"},
		{"team", ""}, // no preference
		{"colour", ""},
	}
	for _, tt := range tests {
		got := ""
		if a := answers.Answer(tt.question); a != nil {
			got = a.ID
		}
		if got != tt.want {
			t.Errorf("Answer(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
	if got := answers[0].Question.Text; got != "How big is it?" {
		t.Errorf("first choice's question = %q, want the size question", got)
	}
}
