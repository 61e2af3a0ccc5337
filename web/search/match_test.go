package search

import (
	"testing"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"django", "django", 2, 0},
		{"djngo", "django", 2, 1},
		{"djnago", "django", 2, 1}, // transposition
		{"admn", "admin", 1, 1},
		{"dngo", "django", 2, 2},
		{"migratoins", "migrations", 2, 1},
		{"migrasion", "migrations", 2, 2},
		{"flask", "django", 1, 2}, // early exit: more than max
		{"", "abc", 3, 3},
		{"abc", "", 3, 3},
		{"abc", "", 1, 2},
		{"ca", "abc", 3, 3}, // optimal string alignment: a transposed pair is not edited again
		{"über", "uber", 1, 1},
	}
	var buf distanceBuffers
	for _, tt := range tests {
		if got := buf.distance([]rune(tt.a), []rune(tt.b), tt.max); got != tt.want {
			t.Errorf("distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}

func testVocabulary(words ...string) *vocabulary {
	v := &vocabulary{ids: map[string]int32{}}
	for _, w := range words {
		v.add(w)
	}
	v.seal()
	return v
}

func TestExpand(t *testing.T) {
	v := testVocabulary("django", "admin", "administrator", "migrations", "migrate", "migration",
		"orm", "form", "forms", "from", "norm", "2024", "2025", "db", "dbs")
	tests := []struct {
		query string
		want  []string // best first
	}{
		{"djngo", []string{"django"}},                            // 5 letters: one typo
		{"admn", []string{"admin"}},                              // 4 letters: one typo
		{"dngo", nil},                                            // 4 letters: two typos are too many
		{"adm", []string{"admin", "administrator"}},              // prefixes only below 4 letters
		{"migr", []string{"migrate", "migration", "migrations"}}, // prefixes, the closest first
		{"migratoins", []string{"migrations", "migration"}},      // 10 letters: up to two typos
		{"form", []string{"form", "forms"}},                      // known word: no typos
		{"fomr", []string{"form"}},                               // unknown word: one typo (a transposition)
		{"2026", nil},                                            // numbers have no typos
		{"db", []string{"db"}},                                   // no prefixes below 3 letters
		{"orm", []string{"orm"}},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range v.expand(tt.query) {
			got = append(got, v.words[e.word])
		}
		if !equalStrings(got, tt.want) {
			t.Errorf("expand(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
