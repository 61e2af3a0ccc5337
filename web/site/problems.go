package site

// What is wrong with the content: each problem at its file and line, all of them at once.

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Problem is one thing wrong with the content, at a file and line.
type Problem struct {
	File    string // path within the content file system
	Line    int    // 1-based; 0 when the problem is about the whole file
	Message string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Message)
}

// ValidationError lists every problem found in the content, sorted by file and line.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return fmt.Sprintf("%d content problem(s):\n%s", len(e.Problems), strings.Join(lines, "\n"))
}

// problems collects problems while content is loaded.
type problems struct {
	list []Problem
}

func (ps *problems) add(file string, line int, format string, args ...any) {
	ps.list = append(ps.list, Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// err returns a *ValidationError holding every problem once (a row's code is rendered for
// each of its pairs), or nil when there are none.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	seen := map[Problem]bool{}
	ps.list = slices.DeleteFunc(ps.list, func(p Problem) bool {
		dup := seen[p]
		seen[p] = true
		return dup
	})
	sort.SliceStable(ps.list, func(i, j int) bool {
		a, b := ps.list[i], ps.list[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return &ValidationError{Problems: ps.list}
}
