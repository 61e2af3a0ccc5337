package markdown

import (
	"errors"
	"strings"
	"testing"
)

// deepList is a list nested depth levels deep, one item per level.
func deepList(depth int) string {
	var b strings.Builder
	b.WriteString("Intro.\n\n")
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

// TestNestingIsLimited: blocks nested deeper than MaxNesting (lists in lists, quotes in
// quotes, footnotes in footnotes) are an error at the line where the limit is passed,
// found while parsing, so that a pathological document costs little: before the limit,
// 1,000 nested list items (1 MB) took goldmark seconds and hundreds of megabytes.
func TestNestingIsLimited(t *testing.T) {
	r := New(nil, nil)
	for _, tt := range []struct {
		name, source string
		line         int
	}{
		{"nested list", deepList(1000), 10 + 3 + MaxNesting},
		{"nested quotes on one line", strings.Repeat(">", 200000) + " deep\n", 11},
		{"nested list markers on one line", "Text.\n\n" + strings.Repeat("- ", 100000) + "x\n", 13},
		{"nested footnotes", "Text[^a].\n\n" + strings.Repeat("[^a]: ", 5000) + "x\n", 13},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Render([]byte(tt.source), 10)
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("err = %v, want a *LineError", err)
			}
			if le.Line != tt.line || !strings.Contains(le.Message, "nested more than") {
				t.Errorf("line %d: %s; want line %d", le.Line, le.Message, tt.line)
			}
		})
	}
	// At the limit, a document renders.
	if _, err := r.Render([]byte(deepList(MaxNesting)), 0); err != nil {
		t.Errorf("a list nested %d deep: %v", MaxNesting, err)
	}
	if _, err := r.Render([]byte(strings.Repeat("> ", MaxNesting)+"quoted\n"), 0); err != nil {
		t.Errorf("quotes nested %d deep: %v", MaxNesting, err)
	}
}

// BenchmarkDeepNesting: the cost of a 1 MiB document of nested lists, refused.
func BenchmarkDeepNesting(b *testing.B) {
	r := New(nil, nil)
	var src strings.Builder
	for i := 0; src.Len() < 1<<20; i++ {
		src.WriteString(strings.Repeat("  ", i%5000) + "- item\n")
	}
	b.SetBytes(int64(src.Len()))
	for b.Loop() {
		if _, err := r.Render([]byte(src.String()), 0); err == nil {
			b.Fatal("accepted")
		}
	}
}
