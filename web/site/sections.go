package site

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
)

// A body with several audiences is split into sections, each opened by a marker line
// that names it: <!-- flask-vs-fastapi --> (an HTML comment, so it shows in no Markdown
// preview). Before the first marker there may be nothing but blank lines.
//
// A comparison's index.md has a section for each pair of subjects (that pair page's
// intro) and, with three subjects or more, one named after the comparison itself (the
// all-subjects table's intro). A row has a section for each pair (the explanation written
// for that pair) and may have a "code" section shared by every pair: each pair's page
// shows the code blocks of its two subjects, side by side, and the paragraphs of that
// section that start with one of its subjects' names in bold ("**FastAPI:** …"), which
// are notes on that subject's code.

// codeSection names the section of a row whose code blocks every pair shares.
const codeSection = "code"

var markerLine = regexp.MustCompile(`^<!--\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*-->\s*$`)

// section is one named part of a body, as body line numbers: [start, end) are the lines
// after the marker line up to the next marker (0-based indexes into the body's lines).
type section struct {
	name       string
	markerLine int // 0-based index of the marker line
	start, end int
}

// sections splits a body into its sections. stray is the 0-based index of the first
// non-blank line before the first marker, or -1 when there is none.
func sections(body []byte) (out []section, stray int) {
	lines := bodyLines(body)
	stray = -1
	inFence := ""
	for i, line := range lines {
		if fence := fenceOf(line); fence != "" {
			switch {
			case inFence == "":
				inFence = fence
			case strings.HasPrefix(strings.TrimSpace(line), inFence) && strings.TrimLeft(strings.TrimSpace(line), inFence[:1]) == "":
				inFence = ""
			}
		}
		if inFence == "" {
			if m := markerLine.FindStringSubmatch(line); m != nil {
				if len(out) > 0 {
					out[len(out)-1].end = i
				}
				out = append(out, section{name: m[1], markerLine: i, start: i + 1, end: len(lines)})
				continue
			}
		}
		if len(out) == 0 && stray < 0 && strings.TrimSpace(line) != "" {
			stray = i
		}
	}
	return out, stray
}

// fenceOf returns a line's code fence (``` or ~~~, as long as written) when the line
// opens or closes a fenced block, else "".
func fenceOf(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return ""
	}
	for _, c := range []string{"`", "~"} {
		n := len(t) - len(strings.TrimLeft(t, c))
		if n >= 3 {
			return t[:n]
		}
	}
	return ""
}

func bodyLines(body []byte) []string {
	return strings.Split(string(body), "\n")
}

// maskBody keeps the lines of body for which keep is true and blanks the others, so that
// line numbers (for error messages) stay those of the file.
func maskBody(body []byte, keep func(i int) bool) []byte {
	lines := bodyLines(body)
	var b bytes.Buffer
	for i, line := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		if keep(i) {
			b.WriteString(line)
		}
	}
	return b.Bytes()
}

// codeBlocksOf lists the fenced code blocks within lines [start, end) of body: their
// first and last line and their framework attribute ("" when none).
func codeBlocksOf(body []byte, start, end int) []codeBlock {
	lines := bodyLines(body)
	var out []codeBlock
	open := -1
	fence := ""
	for i := start; i < end && i < len(lines); i++ {
		f := fenceOf(lines[i])
		if f == "" {
			continue
		}
		if open < 0 {
			open, fence = i, f
			continue
		}
		t := strings.TrimSpace(lines[i])
		if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
			out = append(out, codeBlock{first: open, last: i, framework: frameworkAttr(lines[open])})
			open = -1
		}
	}
	return out
}

type codeBlock struct {
	first, last int
	framework   string
}

var frameworkAttribute = regexp.MustCompile(`[{\s]framework=("?)([a-z0-9-]+)`)

// frameworkAttr reads the framework attribute of a fence's info string.
func frameworkAttr(fenceLine string) string {
	if m := frameworkAttribute.FindStringSubmatch(fenceLine); m != nil {
		return m[2]
	}
	return ""
}

// wordCount counts the words of lines [start, end) of body outside fenced code.
func wordCount(body []byte, start, end int) int {
	lines := bodyLines(body)
	blocks := codeBlocksOf(body, start, end)
	n := 0
	for i := start; i < end && i < len(lines); i++ {
		inCode := false
		for _, b := range blocks {
			if i >= b.first && i <= b.last {
				inCode = true
			}
		}
		if !inCode {
			n += len(strings.Fields(lines[i]))
		}
	}
	return n
}

// subjectNote is a paragraph of a code section that starts with a subject's name in bold.
type subjectNote struct {
	first, last int
	subject     string
}

// subjectNotesOf lists the paragraphs within lines [start, end) of body, outside fenced
// code, that start with "**<name>:**" for one of the subjects.
func subjectNotesOf(body []byte, start, end int, subjects []Subject) []subjectNote {
	lines := bodyLines(body)
	blocks := codeBlocksOf(body, start, end)
	inCode := func(i int) bool {
		return slices.ContainsFunc(blocks, func(b codeBlock) bool { return i >= b.first && i <= b.last })
	}
	var out []subjectNote
	for i := start; i < end && i < len(lines); i++ {
		if inCode(i) || strings.TrimSpace(lines[i]) == "" || (i > start && strings.TrimSpace(lines[i-1]) != "" && !inCode(i-1)) {
			continue // not the first line of a paragraph
		}
		for _, s := range subjects {
			if strings.HasPrefix(lines[i], "**"+s.Name+":**") {
				last := i
				for last+1 < end && last+1 < len(lines) && strings.TrimSpace(lines[last+1]) != "" && !inCode(last+1) {
					last++
				}
				out = append(out, subjectNote{first: i, last: last, subject: s.ID})
			}
		}
	}
	return out
}
