package markdown

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/versus-dev/versus/static"
)

func TestAlignRows(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files [][]string
		rows  int
		rowOf [][]int
	}{
		{"as many blocks each: block by block",
			[][]string{{"app.py", "test_app.py"}, {"main.py", "test_main.py"}}, 2, [][]int{{0, 1}, {0, 1}}},
		{"one long file beside three short ones: at the top only",
			[][]string{{"app.py"}, {"models.py", "views.py", "urls.py"}}, 1, [][]int{{0}, {0, 0, 0}}},
		{"at the file both have, with what comes before it in a row of its own",
			[][]string{{"app.py", "templates/books.html"}, {"models.py", "views.py", "templates/books.html", "urls.py"}},
			3, [][]int{{0, 1}, {0, 0, 1, 2}}},
		{"a shared file first",
			[][]string{{"templates/a.html", "app.py"}, {"views.py", "templates/a.html"}},
			3, [][]int{{1, 2}, {0, 1}}},
		{"shared files out of order: only those in the first side's order count",
			[][]string{{"a.html", "b.html", "app.py"}, {"b.html", "a.html", "views.py", "urls.py"}},
			3, [][]int{{1, 2, 2}, {0, 1, 2, 2}}},
		{"a name twice on a side is no anchor; different counts: the top",
			[][]string{{"x.py", "x.py", "app.py"}, {"x.py", "views.py"}}, 1, [][]int{{0, 0, 0}, {0, 0}}},
		{"three sides, one shared file",
			[][]string{{"app.py", "t.html"}, {"views.py", "urls.py", "t.html"}, {"main.py", "t.html"}},
			2, [][]int{{0, 1}, {0, 0, 1}, {0, 1}}},
		{"one side", [][]string{{"a.py", "b.py"}}, 1, [][]int{{0, 0}}},
		{"more rows than are aligned: the top",
			[][]string{{"1", "2", "3", "4", "5", "6", "7"}, {"a", "b", "c", "d", "e", "f", "g"}}, 1,
			[][]int{{0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}}},
		{"unnamed blocks, as many each", [][]string{{"", ""}, {"", ""}}, 2, [][]int{{0, 1}, {0, 1}}},
	} {
		rows, rowOf := alignRows(tt.files)
		if rows != tt.rows || fmt.Sprint(rowOf) != fmt.Sprint(tt.rowOf) {
			t.Errorf("%s: %d rows %v, want %d rows %v", tt.name, rows, rowOf, tt.rows, tt.rowOf)
		}
	}
}

func TestLongestLine(t *testing.T) {
	for code, want := range map[string]int{
		"":                       0,
		"ab\nabcd\nabc\n":        4,
		"\tx":                    9, // a tab goes to column 8
		"ab\tx":                  9,
		"日本語":                    6, // wide characters take two columns
		"naïve café\r\n":         10,
		"x = 1  # ✓ done":        15,
		strings.Repeat("y", 120): 120,
	} {
		if got := longestLine(code); got != want {
			t.Errorf("longestLine(%q) = %d, want %d", code, got, want)
		}
	}
}

func TestLayoutPairFit(t *testing.T) {
	side := func(longest ...int) []sideBlock {
		var out []sideBlock
		for _, n := range longest {
			out = append(out, sideBlock{code: strings.Repeat("x", n) + "\nshort\n"})
		}
		return out
	}
	for _, tt := range []struct {
		name  string
		sides [][]sideBlock
		fit   int
	}{
		// (71+2) + (74+2) + 3 = 152: side by side from 152ch.
		{"two sides of 71 and 74", [][]sideBlock{side(71, 40), side(74)}, 152},
		{"one character more waits for the next step", [][]sideBlock{side(72), side(74)}, 156},
		{"short sides still get a readable width", [][]sideBlock{side(10), side(12)}, minFit},
		{"too wide for any page: always stacked", [][]sideBlock{side(81), side(86)}, 0},
		{"three sides: 3×32 + 2×3, rounded up to a step", [][]sideBlock{side(30), side(30), side(30)}, 104},
		{"one side", [][]sideBlock{side(20)}, 0},
	} {
		if got := layoutPair(tt.sides).fit; got != tt.fit {
			t.Errorf("%s: fit %d, want %d", tt.name, got, tt.fit)
		}
	}
}

// TestStylesheetHasEveryLayoutClass: the stylesheet turns each width a pair can need into
// a container query, and each number of rows into a span; a class without its rule would
// leave that pair stacked, or its marks out of line.
func TestStylesheetHasEveryLayoutClass(t *testing.T) {
	css, err := fs.ReadFile(static.FS, "css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	var fits []string
	for _, m := range regexp.MustCompile(`@container code-pair \(min-width: (\d+)ch\) \{ \.code-fit-(\d+) > \.code-sides, \.code-fit-(\d+) \.code-column \{ display: grid; \} \}`).FindAllStringSubmatch(string(css), -1) {
		if m[1] != m[2] || m[2] != m[3] {
			t.Errorf("rule %q asks one width of another class", m[0])
		}
		fits = append(fits, m[1])
	}
	var want []string
	for n := minFit; n <= maxFit; n += fitStep {
		want = append(want, fmt.Sprint(n))
	}
	if !slices.Equal(fits, want) {
		t.Errorf("the stylesheet has code-fit rules for %v, want %v", fits, want)
	}
	for n := 1; n <= maxAlignedRows; n++ {
		if rule := fmt.Sprintf(".code-rows-%d { --code-rows: %d; }", n, n+1); !strings.Contains(string(css), rule) {
			t.Errorf("the stylesheet lacks %q", rule)
		}
	}
}
