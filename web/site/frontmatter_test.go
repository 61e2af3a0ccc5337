package site

import (
	"errors"
	"testing"
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
