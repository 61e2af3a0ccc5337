package pages

import (
	"net/url"
	"strings"
	"testing"

	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

func TestParseFilter(t *testing.T) {
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	c := s.Comparison("flask-vs-django")
	tests := []struct {
		query string
		want  Filter
		note  string
	}{
		{"", Filter{}, ""},
		{"cat=data", Filter{Categories: []string{"data"}}, ""},
		{"cat=DATA,%20security,data", Filter{Categories: []string{"data", "security"}}, ""},
		{"cat=data&cat=security", Filter{Categories: []string{"data", "security"}}, ""},
		{"cat=nope", Filter{}, `no category "nope"`},
		{"diff=1", Filter{DiffOnly: true}, ""},
		{"diff=on", Filter{DiffOnly: true}, ""},
		{"diff=0", Filter{}, ""},
		{"diff=2", Filter{}, "not understood"},
		{"q=%20ORM%20", Filter{Query: "ORM"}, ""},
		{"q=%ff", Filter{}, "not valid UTF-8"},
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		got := ParseFilter(c, q)
		notes := strings.Join(got.Notes, " ")
		got.Notes = nil
		if strings.Join(got.Categories, ",") != strings.Join(tt.want.Categories, ",") || got.DiffOnly != tt.want.DiffOnly || got.Query != tt.want.Query {
			t.Errorf("%q: filter = %+v, want %+v", tt.query, got, tt.want)
		}
		if (tt.note == "") != (notes == "") || !strings.Contains(notes, tt.note) {
			t.Errorf("%q: notes = %q, want %q", tt.query, notes, tt.note)
		}
	}
	long := ParseFilter(c, url.Values{"q": {strings.Repeat("é", 150)}})
	if len([]rune(long.Query)) != maxFilterQuery || len(long.Notes) != 1 {
		t.Errorf("long query kept %d characters with notes %v", len([]rune(long.Query)), long.Notes)
	}
}
