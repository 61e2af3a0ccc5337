package choose_test

import (
	"io/fs"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

// fixtureChoose is a decision helper over the sitetest comparison (rows orm and csrf,
// categories data and security). Each reason text is a short tag so tests can check
// which weights a result picked and in what order.
const fixtureChoose = `questions:
  - id: size
    text: How big is it?
    answers:
      - id: small
        text: Small
        weights:
          - {row: orm, toward: flask, weight: 3, reason: "S1"}
          - {row: csrf, toward: flask, weight: 1, reason: "S2"}
      - id: large
        text: Large
        weights:
          - {row: orm, toward: django, weight: 3, reason: "L1"}
      - id: both
        text: Both
        weights:
          - {row: orm, toward: flask, weight: 1, reason: "B1"}
          - {category: data, toward: django, weight: 1, reason: "B2"}
  - id: team
    text: Who builds it?
    answers:
      - id: new
        text: Newcomers
        weights:
          - {row: csrf, toward: flask, weight: 1, reason: "N1"}
      - id: expert
        text: Experts
        weights:
          - {category: security, toward: django, weight: 2, reason: "E1"}
          - {row: csrf, toward: django, weight: 1, reason: "E2"}
  - id: extras
    text: How many extras?
    answers:
      - id: lots
        text: Lots
        weights:
          - {row: orm, toward: django, weight: 2, reason: "X1"}
          - {row: csrf, toward: django, weight: 3, reason: "X2"}
          - {category: data, toward: django, weight: 2, reason: "X3"}
          - {category: security, toward: django, weight: 1, reason: "X4"}
          - {row: orm, toward: django, weight: 3, reason: "X5"}
      - id: none
        text: None
        weights:
          - {row: csrf, toward: flask, weight: 2, reason: "Z1"}
  - id: hosting
    text: Where does it run?
    answers:
      - id: tiny
        text: Tiny
        weights:
          - {row: orm, toward: flask, weight: 2, reason: "T1"}
      - id: managed
        text: Managed
        weights:
          - {row: csrf, toward: django, weight: 2, reason: "M1"}
`

// fixture loads the sitetest content with fixtureChoose added.
func fixture(t testing.TB) *site.Comparison {
	t.Helper()
	fsys := sitetest.FS()
	fsys["comparisons/flask-vs-django/choose.yaml"] = &fstest.MapFile{Data: []byte(fixtureChoose)}
	return loadComparison(t, fsys)
}

// shipped is the embedded content's flask-vs-django comparison, loaded once for the
// package's tests (over half a second each time): they only read it.
func shipped(t testing.TB) *site.Comparison {
	t.Helper()
	s, err := shippedSite()
	if err != nil {
		t.Fatalf("load content: %v", err)
	}
	return comparisonWithHelper(t, s)
}

var shippedSite = sync.OnceValues(func() (*site.Site, error) { return site.Load(content.FS) })

func loadComparison(t testing.TB, fsys fs.FS) *site.Comparison {
	t.Helper()
	s, err := site.Load(fsys)
	if err != nil {
		t.Fatalf("load content: %v", err)
	}
	return comparisonWithHelper(t, s)
}

// comparisonWithHelper is s's flask-vs-django comparison, which must have a helper.
func comparisonWithHelper(t testing.TB, s *site.Site) *site.Comparison {
	t.Helper()
	c := s.Comparison("flask-vs-django")
	if c == nil || c.Choose == nil {
		t.Fatal("content has no flask-vs-django comparison with a choose.yaml")
	}
	return c
}
