package browsertest

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/versus-dev/versus/web/testenv"
)

// TestLighthouse runs Lighthouse (npm, with Debian's Chromium, mobile emulation) on the
// home page, the comparison and a row page: every category must score at least 95.
// CI installs Lighthouse and sets VERSUS_LIGHTHOUSE to its binary.
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
			report := filepath.Join(t.TempDir(), "report.json")
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, ts.URL+path,
				"--chrome-path="+chromiumPath,
				"--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-quic --user-data-dir="+t.TempDir(),
				"--only-categories=performance,accessibility,best-practices,seo",
				"--output=json", "--output-path="+report, "--quiet")
			if out, err := cmd.CombinedOutput(); err != nil {
				// Chromium sometimes fails to start under load; one more try tells a flake
				// from a real failure.
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
			}
			if err := json.Unmarshal(data, &r); err != nil {
				t.Fatal(err)
			}
			for name, c := range r.Categories {
				t.Logf("%s %s: %.0f", path, name, c.Score*100)
				if c.Score < 0.95 {
					t.Errorf("%s: %s scores %.0f, below 95", path, name, c.Score*100)
				}
			}
			if len(r.Categories) != 4 {
				t.Errorf("%d categories in the report, want 4", len(r.Categories))
			}
		})
	}
}
