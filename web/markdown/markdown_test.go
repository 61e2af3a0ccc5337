package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func render(t *testing.T, src string, offset int) (*Document, *goquery.Document) {
	t.Helper()
	doc, err := New(map[string]string{"flask": "Flask", "django": "Django"}, nil).Render([]byte(src), offset)
	if err != nil {
		t.Fatal(err)
	}
	html, err := goquery.NewDocumentFromReader(bytes.NewReader(doc.HTML))
	if err != nil {
		t.Fatal(err)
	}
	return doc, html
}

const pairSource = "Intro.\n\n" +
	"```python {framework=flask file=app.py request=\"GET /\" status=200}\nfrom flask import Flask\n```\n\n" +
	"```python {framework=django file=\"views.py\"}\ndef view(request): ...\n```\n" +
	"```python {framework=django file=urls.py}\nurlpatterns = []\n```\n\n" +
	"Between.\n\n" +
	"```python {framework=flask}\nx = 1\n```\n"

func TestCodePairs(t *testing.T) {
	doc, html := render(t, pairSource, 0)
	pairs := html.Find("div.code-pair")
	if pairs.Length() != 2 {
		t.Fatalf("code pairs = %d, want 2 (a paragraph separates the second)", pairs.Length())
	}
	first := pairs.First()
	if label, _ := first.Attr("aria-label"); label != "Flask and Django code" {
		t.Errorf("pair label = %q", label)
	}
	cols := first.Find(".code-column")
	if cols.Length() != 2 {
		t.Fatalf("columns = %d, want 2", cols.Length())
	}
	if fw, _ := cols.Eq(1).Attr("data-framework"); fw != "django" || cols.Eq(1).Find("figure").Length() != 2 {
		t.Errorf("second column should hold both Django files, got %q with %d figures", fw, cols.Eq(1).Find("figure").Length())
	}
	var captions []string
	first.Find("figcaption").Each(func(_ int, s *goquery.Selection) { captions = append(captions, s.Text()) })
	if got := strings.Join(captions, "|"); got != "Flask app.py|Django views.py|Django urls.py" {
		t.Errorf("captions = %q", got)
	}
	if !pairs.Eq(1).HasClass("code-single") {
		t.Error("a lone framework block should be marked code-single")
	}
	// One block beside two: the sides share one row (their tops), then the marks'. Their
	// longest lines (23 and 22 characters) fit beside each other in the narrowest width.
	if !first.HasClass("code-fit-60") || first.Children().Length() != 1 || !first.Children().First().Is(".code-sides.code-rows-1") {
		out, _ := goquery.OuterHtml(first)
		t.Errorf("the pair's layout:\n%s", out)
	}
	cols.Each(func(i int, col *goquery.Selection) {
		if col.Children().Length() != 1 || !col.Children().First().Is("div.code-row") || col.Find(".code-row > figure").Length() != []int{1, 2}[i] {
			out, _ := goquery.OuterHtml(col)
			t.Errorf("column %d:\n%s", i, out)
		}
	})
	if first.Find("pre.chroma span.kn").Length() == 0 {
		t.Error("Python is not highlighted with chroma classes")
	}
	if strings.Contains(string(doc.HTML), "style=") {
		t.Error("highlighted HTML has inline styles")
	}

	if len(doc.CodeGroups) != 2 || len(doc.CodeGroups[0].Blocks) != 3 {
		t.Fatalf("code groups = %+v", doc.CodeGroups)
	}
	b := doc.CodeGroups[0].Blocks[0]
	if b.Framework != "flask" || b.File != "app.py" || b.Attrs["request"] != "GET /" || b.Attrs["status"] != "200" || b.Line != 3 {
		t.Errorf("first block = %+v", b)
	}
	if got := doc.CodeGroups[0].Frameworks(); strings.Join(got, ",") != "flask,django" {
		t.Errorf("frameworks = %v", got)
	}
}

// TestCodePairRows: the sides' blocks are put in shared rows, the shared template in a row
// of its own, and a pair too wide for any page has no code-fit class.
func TestCodePairRows(t *testing.T) {
	long := strings.Repeat("x", 90)
	src := "```python {framework=flask file=app.py}\n" + long + "\n```\n" +
		"```html {framework=flask file=t.html}\n<p>\n```\n" +
		"```python {framework=django file=views.py}\n" + long + "\n```\n" +
		"```python {framework=django file=urls.py}\nurlpatterns = []\n```\n" +
		"```html {framework=django file=t.html}\n<p>\n```\n"
	_, html := render(t, src, 0)
	pair := html.Find(".code-pair")
	if pair.Find(".code-sides.code-rows-2").Length() != 1 || strings.Contains(pair.AttrOr("class", ""), "code-fit") {
		t.Errorf("pair class %q, sides %q", pair.AttrOr("class", ""), pair.Find(".code-sides").AttrOr("class", ""))
	}
	var rows []string
	pair.Find(".code-column").Each(func(_ int, col *goquery.Selection) {
		var side []string
		col.Find(".code-row").Each(func(_ int, row *goquery.Selection) {
			side = append(side, strings.TrimSpace(strings.ReplaceAll(row.Find(".code-file").Text(), "\n", "")))
		})
		rows = append(rows, strings.Join(side, " | "))
	})
	if got := strings.Join(rows, " / "); got != "app.py | t.html / views.pyurls.py | t.html" {
		t.Errorf("rows: %s", got)
	}
}

func TestUnknownLanguageFallsBackToEscapedText(t *testing.T) {
	doc, html := render(t, "```nosuchlanguage\n<script>alert(1)</script> & more\n```\n", 0)
	pre := html.Find("pre code")
	if pre.Length() != 1 || pre.Text() != "<script>alert(1)</script> & more\n" {
		t.Fatalf("fallback block = %q", pre.Text())
	}
	if strings.Contains(string(doc.HTML), "<script>") {
		t.Error("code was not escaped")
	}
	if tabindex, _ := html.Find("pre").Attr("tabindex"); tabindex != "0" {
		t.Error("code blocks should be focusable for keyboard scrolling")
	}
}

func TestUnreadableAttributesAreFlagged(t *testing.T) {
	doc, _ := render(t, "```python {framework=flask file=templates/x.html}\nx\n```\n", 0)
	if got := doc.CodeBlocks[0].Attrs[InvalidAttributes]; got != "{framework=flask file=templates/x.html}" {
		t.Errorf("invalid attributes = %q", got)
	}
}

func TestHeadingPermalinks(t *testing.T) {
	doc, html := render(t, "## Why it matters\n\ntext\n\n### Why it matters\n", 0)
	h := html.Find("h2#why-it-matters")
	link := h.Find("a.permalink")
	if href, _ := link.Attr("href"); href != "#why-it-matters" {
		t.Errorf("permalink href = %q", href)
	}
	if label, _ := link.Attr("aria-label"); label != "Link to the section “Why it matters”" {
		t.Errorf("permalink label = %q", label)
	}
	if len(doc.Headings) != 2 || doc.Headings[1].ID != "why-it-matters-1" || doc.Headings[0].Text != "Why it matters" {
		t.Errorf("headings = %+v", doc.Headings)
	}
}

func TestHeadingAndPlainTextKeepTypography(t *testing.T) {
	doc, _ := render(t, "## What Flask's docs say\n\nIt's \"quoted\" -- really.\n", 0)
	if got := doc.Headings[0].Text; got != "What Flask’s docs say" {
		t.Errorf("heading text = %q", got)
	}
	if !strings.Contains(doc.Text, "It’s “quoted” – really.") {
		t.Errorf("plain text = %q", doc.Text)
	}
}

func TestGFMFootnotesTypographerAndLinks(t *testing.T) {
	src := "| a | b |\n|---|---|\n| 1 | 2 |\n\nIt's \"quoted\"[^1] -- see [the row](/compare/x-vs-y/orm).\n\n[^1]: A note.\n"
	doc, html := render(t, src, 10)
	if html.Find("table td").Length() != 2 {
		t.Error("GFM table not rendered")
	}
	if html.Find(".footnotes li").Length() != 1 {
		t.Error("footnote not rendered")
	}
	if !strings.Contains(html.Find("p").First().Text(), "“quoted”") {
		t.Errorf("typographer quotes missing: %q", html.Find("p").First().Text())
	}
	if len(doc.Links) != 1 || doc.Links[0].Destination != "/compare/x-vs-y/orm" || doc.Links[0].Line != 15 {
		t.Errorf("links = %+v (want line 5 + offset 10)", doc.Links)
	}
	if !strings.Contains(doc.Text, "A note.") {
		t.Errorf("plain text misses the footnote: %q", doc.Text)
	}
}

func TestTemplateLanguagesAreHighlighted(t *testing.T) {
	for _, lang := range []string{"html+jinja", "html+django"} {
		_, html := render(t, "```"+lang+"\n<p>{% if user %}{{ user.name }}{% endif %}</p>\n```\n", 0)
		if html.Find("pre.chroma span.nt").Length() == 0 || html.Find("pre.chroma span.k").Length() == 0 {
			t.Errorf("%s: HTML tags or template keywords are not highlighted", lang)
		}
	}
}

// TestSampleMarks checks that each sample (one framework's blocks in a code pair) is
// followed, inside its column, by the mark its marker returns, given its blocks, and that
// the mark's text is escaped.
func TestSampleMarks(t *testing.T) {
	var asked []string
	marker := func(framework string, blocks []CodeBlock) *SampleMark {
		var files []string
		for _, b := range blocks {
			files = append(files, b.File)
		}
		asked = append(asked, framework+":"+strings.Join(files, ","))
		if framework == "django" {
			return &SampleMark{Only: "Django 6.1+ only"}
		}
		return &SampleMark{
			Summary: "Tested on Flask 3.1.3 (Python 3.11 and 3.13)", Runs: "Runs on Flask 3.1.3",
			Details: []MarkDetail{{Label: "Request", Parts: []MarkPart{{Text: "GET /?a=1&b=<2>", Code: true}}},
				{Label: "Expects", Parts: []MarkPart{{Text: "status 200, a body containing "}, {Text: `"x"`, Quote: true}}}},
			Link: "/guides/how", LinkText: "How the code is tested",
		}
	}
	doc, err := New(map[string]string{"flask": "Flask", "django": "Django"}, nil, WithSampleMarks(marker)).Render([]byte(pairSource), 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"flask:app.py", "django:views.py,urls.py", "flask:"}; strings.Join(asked, " ") != strings.Join(want, " ") {
		t.Errorf("marks asked for %q, want %q", asked, want)
	}
	html, err := goquery.NewDocumentFromReader(bytes.NewReader(doc.HTML))
	if err != nil {
		t.Fatal(err)
	}
	columns := html.Find("div.code-pair").First().Find("div.code-column")
	flask := columns.First().Children().Last()
	if !flask.Is("details.sample-mark") || flask.Find("summary").Text() != "Tested on Flask 3.1.3 (Python 3.11 and 3.13)" {
		out, _ := goquery.OuterHtml(flask)
		t.Errorf("the Flask column ends with %s", out)
	}
	if got := flask.Find("dl.sample-check dd code").Text(); got != "GET /?a=1&b=<2>" {
		t.Errorf("request %q", got)
	}
	if got, _ := flask.Find("p.sample-how a").Attr("href"); got != "/guides/how" {
		t.Errorf("link %q", got)
	}
	if !strings.Contains(string(doc.HTML), "<code>GET /?a=1&amp;b=&lt;2&gt;</code>") || !strings.Contains(string(doc.HTML), "<q>&#34;x&#34;</q>") {
		t.Errorf("the mark's text is not escaped:\n%s", doc.HTML)
	}
	django := columns.Last().Children().Last()
	if !django.Is("p.sample-mark") || django.Text() != "Django 6.1+ only" || django.Find("details").Length() != 0 {
		out, _ := goquery.OuterHtml(django)
		t.Errorf("the Django column ends with %s", out)
	}
	// Each block's header says it in short, linking to what the check does: the list
	// under its sample, by an id unique on the page (the pair's number and the framework).
	if id, _ := flask.Find("dl.sample-check").Attr("id"); id != "sample-1-flask" {
		t.Errorf("the check's id is %q", id)
	}
	runs := columns.First().Find("figcaption .code-runs")
	if runs.Length() != 1 || runs.Text() != "Runs on Flask 3.1.3" || runs.Find("a.sample-runs").AttrOr("href", "") != "#sample-1-flask" {
		out, _ := goquery.OuterHtml(runs)
		t.Errorf("the Flask block's mark is %s", out)
	}
	columns.Last().Find("figcaption").Each(func(i int, c *goquery.Selection) {
		if got := c.Find(".code-runs").Text(); got != "Django 6.1+ only" || c.Find(".code-runs a").Length() != 0 {
			t.Errorf("Django block %d's mark reads %q", i, got)
		}
	})
	if got := html.Find("div.code-pair").Eq(1).Find("a.sample-runs").AttrOr("href", ""); got != "#sample-2-flask" {
		t.Errorf("the second pair's mark links to %q", got)
	}
	// Without a marker, nothing is added.
	_, plain := render(t, pairSource, 0)
	if plain.Find(".sample-mark").Length() != 0 {
		t.Error("a mark without a marker")
	}
}
