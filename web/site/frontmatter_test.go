package site

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/versus-dev/versus/web/site/sitetest"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, in, yaml, body string
		before               int
		err                  error
	}{
		{"plain", "---\ntitle: x\n---\nBody\n", "title: x\n", "Body\n", 3, nil},
		{"CRLF and byte-order mark", "\xef\xbb\xbf---\r\na: 1\r\nb: 2\r\n---\r\n\r\nBody", "a: 1\nb: 2\n", "\nBody", 4, nil},
		{"empty front matter", "---\n---\n", "", "", 2, nil},
		{"no front matter", "title: x\n", "", "", 0, errNoFrontMatter},
		{"not closed", "---\ntitle: x\n", "", "", 0, errUnclosedFrontMatter},
	}
	for _, tt := range tests {
		yaml, body, before, err := SplitFrontMatter([]byte(tt.in))
		if !errors.Is(err, tt.err) || string(yaml) != tt.yaml || string(body) != tt.body || before != tt.before {
			t.Errorf("%s: got (%q, %q, %d, %v), want (%q, %q, %d, %v)", tt.name, yaml, body, before, err, tt.yaml, tt.body, tt.before, tt.err)
		}
	}
}

// TestYAMLSyntaxErrorLines: a YAML syntax error is reported at the file's line where it
// is, whatever yaml.v3's own numbering (the enclosing construct's line, 0-based for
// parser errors and 1-based for scanner errors, none at all on the first line).
func TestYAMLSyntaxErrorLines(t *testing.T) {
	for _, tt := range []struct {
		name, frontMatter string
		line              int // in the file, whose line 1 is "---"
		message           string
	}{
		{"unclosed [", "title: x\norder: [10\nreviewed: 2026-01-01\n", 3, "did not find expected ',' or ']'"},
		{"unclosed [ before a blank line", "title: x\norder: 10\nkey: [a, b\n\nother: 1\n", 4, "did not find expected ',' or ']'"},
		{"unclosed {", "title: x\norder: 10\nkey: {a: 1\nreviewed: 1\n", 4, "did not find expected ',' or '}'"},
		{"unclosed quote", "title: x\norder: 10\nbad: \"unclosed\nreviewed: 2026-01-01\n", 4, "found unexpected end of stream"},
		{"tab indentation", "title: x\norder: 10\n\ttab: 1\n", 4, "found a tab character that violates indentation"},
		{"bad indentation", "title: x\norder: 10\n  indented: wrong\nreviewed: 1\n", 4, "mapping values are not allowed in this context"},
		{"list item in a mapping", "title: x\norder: 10\n- item\n", 4, "did not find expected key"},
		{"character that starts no token", "title: x\norder: 10\nc: @x\n", 4, "found character that cannot start any token"},
		{"error on the first line", "c: @x\nb: 2\n", 2, "found character that cannot start any token"},
		{"unknown alias", "title: x\norder: 10\nkey: *nope\n", 4, "unknown anchor 'nope' referenced"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var ps problems
			_, ok := splitFrontMatter("row.md", []byte("---\n"+tt.frontMatter+"---\nBody.\n"), &ps)
			if ok || len(ps.list) != 1 {
				t.Fatalf("ok = %v, problems %v; want one problem", ok, ps.list)
			}
			if p := ps.list[0]; p.Line != tt.line || p.Message != tt.message {
				t.Errorf("problem %s; want row.md:%d: %s", p, tt.line, tt.message)
			}
		})
	}
}

// TestChooseYAMLSyntaxErrorLine: choose.yaml, which has no front matter, gets the same
// line-finding.
func TestChooseYAMLSyntaxErrorLine(t *testing.T) {
	fsys := sitetest.FS()
	fsys["comparisons/flask-vs-django/choose.yaml"] = &fstest.MapFile{Data: []byte("questions:\n  - id: size\n    text: [How big\n    answers: []\n")}
	wantProblem(t, fsys, "comparisons/flask-vs-django/choose.yaml:3: did not find expected ',' or ']'")
}
