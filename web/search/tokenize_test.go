package search

import (
	"reflect"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		text string
		want []span
	}{
		{"Django's admin", []span{{"django", 0, 8}, {"admin", 9, 14}}},
		{"Django’s", []span{{"django", 0, 10}}},
		{"don't stop", []span{{"dont", 0, 5}, {"stop", 6, 10}}},
		{"it's", []span{{"it", 0, 4}}},
		{"'quoted' words'", []span{{"quoted", 1, 7}, {"words", 9, 14}}},
		{"Flask-SQLAlchemy 2.x", []span{{"flask", 0, 5}, {"sqlalchemy", 6, 16}, {"2", 17, 18}, {"x", 19, 20}}},
		{"list_display=True", []span{{"list", 0, 4}, {"display", 5, 12}, {"true", 13, 17}}},
		{"Café CRÈME", []span{{"café", 0, 5}, {"crème", 6, 12}}},
		{"ΑΘΗΝΑ", []span{{"αθηνα", 0, 10}}},
		{"日本語で", []span{{"日", 0, 3}, {"本", 3, 6}, {"語", 6, 9}, {"で", 9, 12}}},
		{"  ", nil},
		{"x's", []span{{"x", 0, 3}}},
		{"'s", []span{{"s", 1, 2}}},
		{"a'b", []span{{"ab", 0, 3}}},
	}
	for _, tt := range tests {
		var got []span
		words(tt.text, func(s span) { got = append(got, s) })
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("words(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	tests := map[string]string{
		"":                     "",
		"  a  b\n\tc ":         "a b c",
		"def f():\n    pass\n": "def f(): pass",
	}
	for in, want := range tests {
		if got := collapseSpace(in); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", in, got, want)
		}
	}
}
