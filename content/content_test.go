package content_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/markdown"
	"github.com/versus-dev/versus/web/site"
)

// shippedSite is the content loaded once for the tests that read it (over half a second
// each time).
var shippedSite = sync.OnceValues(func() (*site.Site, error) { return site.Load(content.FS) })

// TestFlaskVsDjangoIsComplete holds the shipped comparison to its editorial promises:
// enough rows and categories, an explanation of at least 120 words per row, a source on
// every row, code side by side in at least 30 rows, ten or more guides of 800+ words, both
// profiles, and at least 8 decision-helper questions.
func TestFlaskVsDjangoIsComplete(t *testing.T) {
	s, err := shippedSite()
	if err != nil {
		t.Fatal(err)
	}
	c := s.Comparison("flask-vs-django")
	if len(c.Rows) < 50 || len(c.Categories) < 10 {
		t.Errorf("%d rows in %d categories; want at least 50 in 10", len(c.Rows), len(c.Categories))
	}
	sentenceEnd := regexp.MustCompile(`[.!?]["”)]?\s+[A-Z]`)
	pairs := 0
	for _, row := range c.Rows {
		if words := proseWords(row.Body.Text, row.Body.CodeBlocks); words < 120 {
			t.Errorf("%s: the explanation has %d words of prose, want at least 120", row.File, words)
		}
		if sentenceEnd.MatchString(row.Summary) {
			t.Errorf("%s: the summary should be one sentence: %q", row.File, row.Summary)
		}
		if len(row.Sources) == 0 {
			t.Errorf("%s: no source", row.File)
		}
		for _, g := range row.Body.CodeGroups {
			if len(g.Frameworks()) >= 2 {
				pairs++
				break
			}
		}
	}
	if pairs < 30 {
		t.Errorf("%d rows show code side by side, want at least 30", pairs)
	}
	long := 0
	for _, g := range s.Guides {
		if proseWords(g.Body.Text, g.Body.CodeBlocks) >= 800 {
			long++
		} else {
			t.Logf("%s has fewer than 800 words of prose", g.File)
		}
	}
	if long < 10 {
		t.Errorf("%d guides of 800+ words, want at least 10", long)
	}
	for _, id := range []string{"flask", "django"} {
		if f := s.Framework(id); f == nil || len(f.Facts) < 6 || len(f.Sources) == 0 {
			t.Errorf("the %s profile is missing or thin", id)
		}
	}
	if c.Choose == nil || len(c.Choose.Questions) < 8 {
		t.Error("the decision helper needs at least 8 questions")
	}
	t.Logf("%d rows in %d categories, %d with code pairs; %d guides (%d of 800+ words)", len(c.Rows), len(c.Categories), pairs, len(s.Guides), long)
}

// proseWords counts the words of a body's text that are not code.
func proseWords(text string, code []markdown.CodeBlock) int {
	for _, b := range code {
		text = strings.Replace(text, b.Code, " ", 1)
	}
	return len(strings.Fields(text))
}

// TestFastAPIIsComplete holds FastAPI, the third subject, to the same standard: a cell with
// a FastAPI source for every row, a verdict and an argued explanation in both of its pairs,
// the rows that only matter with FastAPI, at least 40 rows with FastAPI code, a profile,
// the three FastAPI guides, and a decision helper that weighs all three.
func TestFastAPIIsComplete(t *testing.T) {
	s, err := shippedSite()
	if err != nil {
		t.Fatal(err)
	}
	table := s.Comparison("flask-vs-django").Table
	if table.Slug != "flask-vs-django-vs-fastapi" || len(table.Subjects) != 3 || len(table.Rows) < 70 {
		t.Fatalf("table %s: %d subjects, %d rows", table.Slug, len(table.Subjects), len(table.Rows))
	}
	for _, row := range table.Rows {
		sourced := false
		for _, src := range row.Sources {
			if slices.Contains(src.Subjects, "fastapi") && !src.Read.IsZero() {
				sourced = true
			}
		}
		if !sourced {
			t.Errorf("%s: no source about FastAPI", row.File)
		}
	}
	for _, id := range []string{"dependency-injection", "type-hint-validation", "openapi"} {
		if table.Row(id) == nil {
			t.Errorf("no %s row", id)
		}
	}
	withCode := 0
	for _, slug := range []string{"flask-vs-fastapi", "django-vs-fastapi"} {
		pair := s.Comparison(slug)
		if pair == nil || len(pair.Rows) != len(table.Rows) {
			t.Fatalf("the %s pair is missing rows", slug)
		}
		for _, row := range pair.Rows {
			if row.Verdict == "" || row.Summary == "" || proseWords(row.Body.Text, row.Body.CodeBlocks) < 80 {
				t.Errorf("%s %s: verdict %q, summary %q, explanation too short", slug, row.ID, row.Verdict, row.Summary)
			}
			if slug == "flask-vs-fastapi" && slices.ContainsFunc(row.Body.CodeBlocks, func(b markdown.CodeBlock) bool { return b.Attrs["framework"] == "fastapi" }) {
				withCode++
			}
		}
	}
	if withCode < 40 {
		t.Errorf("%d rows with FastAPI code, want at least 40", withCode)
	}
	if f := s.Framework("fastapi"); f == nil || len(f.Facts) < 6 || len(f.Sources) == 0 {
		t.Error("the FastAPI profile is missing or thin")
	}
	for _, slug := range []string{"fastapi-or-flask-for-an-api", "fastapi-drf-or-django-ninja", "async-across-flask-django-fastapi"} {
		if g := s.Guide(slug); g == nil || proseWords(g.Body.Text, g.Body.CodeBlocks) < 800 {
			t.Errorf("guide %s is missing or under 800 words", slug)
		}
	}
	towardFastAPI := 0
	for _, q := range table.Choose.Questions {
		for _, a := range q.Answers {
			for _, w := range a.Weights {
				if w.Toward == "fastapi" {
					towardFastAPI++
				}
			}
		}
	}
	if len(table.Choose.Questions) < 8 || towardFastAPI < 10 {
		t.Errorf("the three-way decision helper has %d questions and %d weights toward FastAPI", len(table.Choose.Questions), towardFastAPI)
	}
	t.Logf("%d rows, %d with FastAPI code; %d weights toward FastAPI", len(table.Rows), withCode, towardFastAPI)
}

// TestEverySampleIsMarked holds every page that shows code (each pair's row pages and the
// guides) to its marks: each sample's column ends with a mark naming the releases it was
// tested on (the releases its subject's locks pin), linking to the guide that explains how,
// and the Django samples that need Django 6.0 say so.
func TestEverySampleIsMarked(t *testing.T) {
	s, err := site.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	subjects := map[string]site.Subject{}
	for _, subj := range s.Subjects() {
		if len(subj.Releases) == 0 {
			t.Errorf("%s names no environment for its samples (samples: in index.md)", subj.ID)
		}
		subjects[subj.ID] = subj
	}
	type page struct {
		name string
		body *markdown.Document
	}
	var pages []page
	for _, c := range s.Comparisons {
		for _, row := range c.Rows {
			pages = append(pages, page{row.Path(), row.Body})
		}
	}
	for _, g := range s.Guides {
		pages = append(pages, page{g.Path(), g.Body})
	}
	marks, only := 0, 0
	for _, p := range pages {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(p.body.HTML))
		if err != nil {
			t.Fatal(err)
		}
		doc.Find("div.code-column").Each(func(_ int, col *goquery.Selection) {
			fw, _ := col.Attr("data-framework")
			subj := subjects[fw]
			mark := col.Children().Last()
			summary := mark.Find("summary").Text()
			if !mark.Is("details.sample-mark") || !strings.Contains(summary, "Tested on "+subj.Name+" ") {
				t.Errorf("%s: a %s sample has no mark naming its releases (its column ends with %q)", p.name, fw, mark.Text())
				return
			}
			marks++
			if mark.Find("span.sample-only").Length() > 0 {
				only++
			}
			for _, r := range subj.Releases {
				if strings.Contains(summary, r.Version+" (Python ") {
					return
				}
			}
			t.Errorf("%s: a %s sample's mark %q names none of %s's releases %+v", p.name, fw, summary, subj.Name, subj.Releases)
		})
		if href, ok := doc.Find("p.sample-how a").Attr("href"); ok && href != "/guides/"+site.HowSamplesRunGuide {
			t.Errorf("%s: the marks link to %s", p.name, href)
		}
	}
	if marks < 400 || only < 3 {
		t.Errorf("%d marks, %d of them for some releases only; want at least 400 and 3", marks, only)
	}
	t.Logf("%d marks on %d pages, %d for some releases only", marks, len(pages), only)
}
