package browsertest

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/versus-dev/versus/web/testenv"
)

// TestLighthouse runs Lighthouse (npm, with Debian's Chromium, mobile emulation) on the
// home page, the comparisons and a row page: every category must score at least 95.
// CI installs Lighthouse and sets VERSUS_LIGHTHOUSE to its binary.
//
// Accessibility, best practices and SEO are read from the page and do not vary between
// runs. The performance score does: it is simulated from timings, and Lighthouse's own
// documentation on variability (docs/variability.md in GoogleChrome/lighthouse) names
// resource contention on the client as a large source, which go test ./... running the
// code samples and load tests beside this one is. A performance score under 95 is
// therefore measured twice more, and the median of the three must reach 95.
func TestLighthouse(t *testing.T) {
	testenv.SkipShort(t, "the Lighthouse run")
	bin := os.Getenv("VERSUS_LIGHTHOUSE")
	if bin == "" {
		testenv.Missing(t, "VERSUS_LIGHTHOUSE is not set (npm install lighthouse@12): Lighthouse test skipped")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skip("Chromium is not installed")
	}
	ts := startSite(t)
	for _, path := range []string{"/", "/compare/flask-vs-django", "/compare/flask-vs-django-vs-fastapi", "/compare/flask-vs-django/orm"} {
		t.Run(path, func(t *testing.T) {
			r := runLighthouse(t, bin, ts.URL+path)
			for name, score := range r.scores {
				t.Logf("%s %s: %.0f", path, name, score)
				if name != "performance" && score < 95 {
					t.Errorf("%s: %s scores %.0f, below 95", path, name, score)
				}
			}
			if len(r.scores) != 4 {
				t.Errorf("%d categories in the report, want 4", len(r.scores))
			}
			performance := []float64{r.scores["performance"]}
			if performance[0] < 95 {
				t.Logf("%s: performance %.0f (%s); measuring twice more", path, performance[0], r.metrics)
				for range 2 {
					again := runLighthouse(t, bin, ts.URL+path)
					t.Logf("%s: performance %.0f (%s)", path, again.scores["performance"], again.metrics)
					performance = append(performance, again.scores["performance"])
				}
			}
			sort.Float64s(performance)
			if median := performance[len(performance)/2]; median < 95 {
				t.Errorf("%s: performance scores %v, median %.0f, below 95", path, performance, median)
			}
		})
	}
}

// lighthouseRun is what one Lighthouse run reported: each category's score out of 100,
// and the metrics the performance score is made of.
type lighthouseRun struct {
	scores  map[string]float64
	metrics string
}

// runLighthouse runs Lighthouse once on url, with one more try when Chromium fails to
// start (which it sometimes does under load).
func runLighthouse(t *testing.T, bin, url string) lighthouseRun {
	t.Helper()
	report := filepath.Join(t.TempDir(), "report.json")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, url,
		"--chrome-path="+chromiumPath,
		"--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-quic --user-data-dir="+t.TempDir(),
		"--only-categories=performance,accessibility,best-practices,seo",
		"--output=json", "--output-path="+report, "--quiet")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Logf("lighthouse failed once, trying again: %v\n%s", err, out)
		cmd = exec.CommandContext(ctx, cmd.Path, cmd.Args[1:]...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("lighthouse: %v\n%s", err, out)
		}
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Categories map[string]struct {
			Score float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			DisplayValue string `json:"displayValue"`
		} `json:"audits"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	run := lighthouseRun{scores: map[string]float64{}}
	for name, c := range r.Categories {
		run.scores[name] = c.Score * 100
	}
	var metrics []string
	for _, audit := range []string{"first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"} {
		metrics = append(metrics, audit+" "+r.Audits[audit].DisplayValue)
	}
	run.metrics = strings.Join(metrics, ", ")
	return run
}
