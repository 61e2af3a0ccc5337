package site

// Content files split into YAML front matter and a Markdown body; the front matter decoded
// strictly, its errors reported at the file's lines in the words of a content author.

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// document is a content file split into its front matter and Markdown body.
type document struct {
	file       string
	yaml       []byte     // the front matter's text; its line 1 is the file's line 2
	meta       *yaml.Node // the front matter's mapping node (line numbers are the file's)
	body       []byte
	bodyOffset int // lines before the body starts
}

// Why a file has no usable front matter.
var (
	errNoFrontMatter       = errors.New(`missing front matter: the file must start with a line "---"`)
	errUnclosedFrontMatter = errors.New(`front matter is not closed: add a line "---" after it`)
)

// SplitFrontMatter splits a content file into its YAML front matter and its Markdown body.
// linesBefore is the number of the file's lines before the body, so a body line n is the
// file's line n+linesBefore. A byte-order mark and CRLF line ends are accepted. It only
// splits: the YAML is not parsed.
func SplitFrontMatter(data []byte) (frontMatter, body []byte, linesBefore int, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return nil, nil, 0, errNoFrontMatter
	}
	lines := bytes.SplitAfter(data[len("---\n"):], []byte("\n"))
	offset := 0
	for i, line := range lines {
		if string(bytes.TrimRight(line, "\n")) == "---" {
			return data[len("---\n") : len("---\n")+offset], bytes.Join(lines[i+1:], nil), i + 2, nil
		}
		offset += len(line)
	}
	return nil, nil, 0, errUnclosedFrontMatter
}

// splitFrontMatter splits a file into its front matter, parsed, and its body.
func splitFrontMatter(file string, data []byte, ps *problems) (*document, bool) {
	yamlText, body, linesBefore, err := SplitFrontMatter(data)
	if err != nil {
		ps.add(file, 1, "%v", err)
		return nil, false
	}
	doc := &document{file: file, yaml: yamlText, body: body, bodyOffset: linesBefore}

	var root yaml.Node
	if err := yaml.Unmarshal(yamlText, &root); err != nil {
		reportSyntaxError(file, 1, yamlText, err, ps)
		return nil, false
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		ps.add(file, 2, "front matter must be a YAML mapping of keys to values")
		return nil, false
	}
	shiftLines(&root, 1)
	doc.meta = root.Content[0]
	return doc, true
}

// reportSyntaxError reports the error yaml.v3 found parsing yamlText, whose line 1 is the
// file's line shift+1, at the line where it is.
func reportSyntaxError(file string, shift int, yamlText []byte, err error, ps *problems) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		msg = m[2]
	}
	ps.add(file, shift+syntaxErrorLine(yamlText, err), "%s", friendlyYAML(msg))
}

// syntaxErrorLine returns the line of yamlText (1-based) where the syntax error err is:
// the first line at which the text up to it fails to parse with err's very message. The
// message's own line cannot be used: yaml.v3 names the line where the enclosing construct
// starts (an unclosed "[", a block mapping), 0-based for parser errors and 1-based for
// scanner errors, and no line at all for the first. Parsing stops at the first problem, so
// every longer prefix fails the same way: a binary search finds the line in a few parses.
func syntaxErrorLine(yamlText []byte, err error) int {
	lines := bytes.SplitAfter(yamlText, []byte("\n"))
	want := err.Error()
	first := sort.Search(len(lines), func(i int) bool {
		var n yaml.Node
		e := yaml.Unmarshal(bytes.Join(lines[:i+1], nil), &n)
		return e != nil && e.Error() == want
	})
	return min(first+1, len(lines))
}

// decodeStrict decodes the front matter into v, reporting unknown keys and wrong types
// at their lines.
func (d *document) decodeStrict(v any, ps *problems) bool {
	dec := yaml.NewDecoder(bytes.NewReader(d.yaml))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if err == nil {
		return true
	}
	reportYAMLError(d.file, 1, err, ps)
	// A *yaml.TypeError leaves the rest decoded: keep going, so one bad value does not
	// hide the file's other problems behind a cascade of "missing" ones.
	var te *yaml.TypeError
	return errors.As(err, &te)
}

// date is a YYYY-MM-DD date in front matter. Its decoding error names the line, which
// yaml.v3's own time decoding does not.
type date struct{ time.Time }

func (d *date) UnmarshalYAML(n *yaml.Node) error {
	t, err := time.Parse("2006-01-02", n.Value)
	if err != nil || n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: value %q should be a date (YYYY-MM-DD)", n.Line, n.Value)}}
	}
	d.Time = t
	return nil
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)
var unknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)
var cannotUnmarshal = regexp.MustCompile("cannot unmarshal !!(\\w+) `([^`]*)` into (\\S+)")

// friendlyYAML turns yaml.v3 wording into content-author wording.
func friendlyYAML(msg string) string {
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = unknownField.ReplaceAllString(msg, `unknown key "$1"`)
	msg = cannotUnmarshal.ReplaceAllStringFunc(msg, func(m string) string {
		sub := cannotUnmarshal.FindStringSubmatch(m)
		want := sub[3]
		switch {
		case strings.Contains(want, "time.Time"):
			want = "a date (YYYY-MM-DD)"
		case strings.HasPrefix(want, "[]"):
			want = "a list"
		case strings.HasPrefix(want, "map") || strings.HasPrefix(want, "site."):
			want = "a mapping"
		case want == "int":
			want = "a whole number"
		}
		return "value " + strconv.Quote(sub[2]) + " should be " + want
	})
	return msg
}

// reportYAMLError reports a yaml.v3 error whose line numbers are offset by shift.
func reportYAMLError(file string, shift int, err error, ps *problems) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, msg := range msgs {
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			ps.add(file, n+shift, "%s", friendlyYAML(m[2]))
			continue
		}
		ps.add(file, shift+1, "%s", friendlyYAML(msg))
	}
}

func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}

// lineOf returns the line of the value at path (string keys for mappings, ints for
// sequence indexes) within node, or the line of the deepest node found on the way.
func lineOf(node *yaml.Node, path ...any) int {
	line := node.Line
	cur := node
	for _, step := range path {
		switch step := step.(type) {
		case string:
			if cur.Kind != yaml.MappingNode {
				return line
			}
			found := false
			for i := 0; i+1 < len(cur.Content); i += 2 {
				if cur.Content[i].Value == step {
					line = cur.Content[i].Line
					cur = cur.Content[i+1]
					found = true
					break
				}
			}
			if !found {
				return line
			}
		case int:
			if cur.Kind != yaml.SequenceNode || step >= len(cur.Content) {
				return line
			}
			cur = cur.Content[step]
			line = cur.Line
		}
	}
	return line
}
