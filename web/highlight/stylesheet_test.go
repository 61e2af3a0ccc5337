package highlight

import (
	"strings"
	"testing"
)

func TestChromaStylesheetScopesDarkStyle(t *testing.T) {
	css, err := Stylesheet()
	if err != nil {
		t.Fatal(err)
	}
	s := string(css)
	for _, want := range []string{
		"@media not all and (prefers-color-scheme: dark) {",
		`:root:not([data-theme="dark"]) .chroma .k {`,
		`:root[data-theme="light"] .chroma .k {`,
		"@media (prefers-color-scheme: dark) {",
		`:root:not([data-theme="light"]) .chroma .k {`,
		`:root[data-theme="dark"] .chroma .k {`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("chroma stylesheet lacks %q", want)
		}
	}
}
