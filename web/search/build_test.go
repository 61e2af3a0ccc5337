package search

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/markdown"
	"github.com/versus-dev/versus/web/site"
)

// ShippedSite is the shipped content, loaded once for every test of the package, inside
// and outside it (over half a second each time): they only read it.
var ShippedSite = sync.OnceValues(func() (*site.Site, error) { return site.Load(content.FS) })

func countWords(text string) int {
	n := 0
	words(text, func(span) { n++ })
	return n
}

// TestSplitBodyShippedContent checks, on every page of the shipped content, that every
// heading and code block is found in the plain text and that no word is lost or doubled.
func TestSplitBodyShippedContent(t *testing.T) {
	s, err := ShippedSite()
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string]*markdown.Document{}
	for _, c := range s.Comparisons {
		for _, r := range c.Rows {
			bodies[r.File] = r.Body
		}
	}
	for _, g := range s.Guides {
		bodies[g.File] = g.Body
	}
	for _, f := range s.Frameworks {
		bodies[f.File] = f.Body
	}
	headings := 0
	for file, doc := range bodies {
		sections := htmlSections(t, doc)
		parts, found := splitBody(doc)
		if found != len(doc.Headings) {
			t.Errorf("%s: found %d of %d headings", file, found, len(doc.Headings))
		}
		headings += found
		code, wantCode := 0, 0
		for _, b := range doc.CodeBlocks {
			if strings.TrimSpace(b.Code) != "" {
				wantCode++
			}
		}
		words := 0
		for _, p := range parts {
			if p.field == fieldCode {
				code++
			}
			words += countWords(p.text)
			if p.field == fieldHeadings {
				continue
			}
			if section := sections[p.heading+1]; !strings.Contains(section, skeleton(p.text)) {
				t.Errorf("%s: part put under heading %d is not in that section of the HTML: %.80q", file, p.heading, p.text)
			}
		}
		if code != wantCode {
			t.Errorf("%s: %d code parts, want %d", file, code, wantCode)
		}
		if want := countWords(doc.Text); words != want {
			t.Errorf("%s: parts hold %d words, the text %d", file, words, want)
		}
	}
	if headings == 0 {
		t.Error("the shipped content has no headings: the test checks nothing")
	}
}

func TestSplitBody(t *testing.T) {
	md := markdown.New(map[string]string{"flask": "Flask"}, nil)
	doc, err := md.Render([]byte("Intro about testing.\n\n## Testing\n\nTesting text.\n\n```python\n## Testing\nx = 1\n```\n\n## Don't panic\n\nCalm text.\n\n## Missing `heading`\n\nEnd.\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	parts, found := splitBody(doc)
	if found != len(doc.Headings) {
		t.Errorf("found %d of %d headings", found, len(doc.Headings))
	}
	type part struct {
		field   field
		text    string
		heading int
	}
	var got []part
	for _, p := range parts {
		got = append(got, part{p.field, strings.TrimSpace(p.text), p.heading})
	}
	want := []part{
		{fieldBody, "Intro about testing.", -1},
		{fieldHeadings, "Testing", 0},
		{fieldBody, "Testing text.", 0},
		{fieldCode, "## Testing\nx = 1", 0},
		{fieldHeadings, "Don’t panic", 1},
		{fieldBody, "Calm text.", 1},
		{fieldHeadings, "Missing heading", 2},
		{fieldBody, "End.", 2},
	}
	if len(got) != len(want) {
		t.Fatalf("parts = %+v\nwant    %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("part %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// htmlSections reads the rendered HTML, which shows where headings really are: the
// skeleton of the text before the first heading, then of each heading's section.
func htmlSections(t *testing.T, doc *markdown.Document) []string {
	t.Helper()
	html, err := goquery.NewDocumentFromReader(bytes.NewReader(doc.HTML))
	if err != nil {
		t.Fatal(err)
	}
	html.Find("a.permalink").Remove()
	sections := []string{""}
	html.Find("body").Children().Each(func(_ int, el *goquery.Selection) {
		if goquery.NodeName(el) >= "h1" && goquery.NodeName(el) <= "h6" && len(goquery.NodeName(el)) == 2 {
			sections = append(sections, "")
			return
		}
		sections[len(sections)-1] += skeleton(el.Text())
	})
	if len(sections) != len(doc.Headings)+1 {
		t.Fatalf("the HTML has %d top-level headings, the document %d", len(sections)-1, len(doc.Headings))
	}
	return sections
}

// skeleton is text lower-cased with only its letters and digits, so texts compare
// whatever the typographer did to quotes and apostrophes.
func skeleton(text string) string {
	var b strings.Builder
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
