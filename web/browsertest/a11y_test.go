package browsertest

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/versus-dev/versus/web/testenv"
)

// axeScript is axe-core's axe.min.js, from the npm registry. CI installs it and sets
// VERSUS_AXE_JS; without it the accessibility tests skip (and fail under CI=true).
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("VERSUS_AXE_JS")
	if path == "" {
		testenv.Missing(t, "VERSUS_AXE_JS is not set (npm install axe-core, then point it at node_modules/axe-core/axe.min.js): accessibility tests skipped")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading axe-core: %v", err)
	}
	return string(b)
}

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
		Why    string `json:"failureSummary"`
	} `json:"nodes"`
}

// TestAccessibility runs axe-core's WCAG 2.2 A and AA rules on every page type, in the
// light and the dark theme: there must be no violation.
func TestAccessibility(t *testing.T) {
	axe := axeScript(t)
	ts := startSite(t)
	ctx := newBrowser(t)
	call(t, ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}) // to inject axe
	pages := []string{
		"/",
		"/compare/flask-vs-django",
		"/compare/django-vs-fastapi",
		"/compare/flask-vs-django?cat=data,security&diff=1&q=a",
		"/compare/flask-vs-fastapi?wins=fastapi&cat=apis",
		"/compare/flask-vs-django-vs-fastapi?wins=bottle",
		"/compare/flask-vs-django/orm",
		"/compare/django-vs-fastapi/orm",
		"/compare/django-vs-fastapi/background-tasks", // a sample for some releases only, under its mark
		"/compare/flask-vs-django-vs-fastapi",
		"/compare",
		"/compare?a=flask&b=flask",
		"/compare/flask-vs-django-vs-fastapi/choose?output=api-small",
		"/guides/architecture-differences",
		"/guides/how-the-code-is-tested",
		"/guides",
		"/frameworks/django",
		"/frameworks/flask",
		"/search?q=djngo+admn",
		"/search?q=admin",
		"/search?q=django+vs+fastapi+orm",
		"/search?q=flask+vs+django",
		"/compare/flask-vs-django/choose",
		"/compare/flask-vs-django/choose?size=small&back-office=soon",
		"/no-such-page",
		"/compare/flask-vs-django/ormm",
		"/guides/async-python",
		"/guides/zzzqqq-xxyyzz",
	}
	// On a phone the header's menu folds and the tables are cards: the pages whose layout
	// changes there are checked at that size too.
	phonePages := []string{"/", "/compare/flask-vs-django", "/compare/flask-vs-django-vs-fastapi", "/compare/flask-vs-fastapi?wins=flask"}
	// Row pages open on the verdict and lay their code out by width: a tie, a win with
	// code side by side at 1366 px, a trait row, a ranged sample; at both sizes.
	rowPages := []string{"/compare/flask-vs-django/orm", "/compare/flask-vs-django/mtv-pattern", "/compare/flask-vs-django/licence", "/compare/django-vs-fastapi/background-tasks", "/compare/flask-vs-fastapi/template-inheritance"}
	phonePages = append(phonePages, rowPages...)
	type run struct {
		scheme string
		view   viewport
		path   string
	}
	var runs []run
	for _, scheme := range []string{"light", "dark"} {
		for _, path := range pages {
			runs = append(runs, run{scheme, viewport{"", 1280, 900, false}, path})
		}
		for _, path := range phonePages {
			runs = append(runs, run{scheme, phone, path})
		}
		for _, path := range rowPages {
			runs = append(runs, run{scheme, desktop, path})
		}
	}
	for _, r := range runs {
		scheme, path := r.scheme, r.path
		call(t, ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		name := scheme + path
		if r.view.name != "" {
			name = scheme + "-" + r.view.name + path
		}
		{
			t.Run(name, func(t *testing.T) {
				do(t, ctx, emulate(r.view), chromedp.Navigate(ts.URL+path), chromedp.WaitReady(chromedp.CSS("body")))
				eval[bool](t, ctx, axe+";true")
				violations := eval[[]axeViolation](t, ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}).then(r => r.violations)`, chromedp.EvalAwaitPromise)
				for _, v := range violations {
					var where []string
					for i, n := range v.Nodes {
						if i == 3 {
							where = append(where, fmt.Sprintf("… and %d more", len(v.Nodes)-3))
							break
						}
						where = append(where, fmt.Sprintf("%v %.120s", n.Target, n.HTML))
					}
					t.Errorf("%s: %s\n  %s", v.ID, v.Help, strings.Join(where, "\n  "))
				}
			})
		}
	}
}

// TestKeyboard: the first Tab reaches the skip link, which is visible when focused; the
// theme toggle works from the keyboard; focus is always visibly outlined.
func TestKeyboard(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(ts.URL+"/compare/flask-vs-django"), chromedp.WaitVisible(chromedp.CSS("#theme-toggle")))
	do(t, ctx, chromedp.KeyEvent("\t"))
	if got := eval[string](t, ctx, `document.activeElement.className`); got != "skip-link" {
		t.Fatalf("first Tab focuses %q, want the skip link", got)
	}
	if left := eval[float64](t, ctx, `document.activeElement.getBoundingClientRect().left`); left < 0 {
		t.Error("the focused skip link is off screen")
	}
	// Tab through the page: every focused element shows an outline, and nothing traps focus.
	seen := map[string]bool{}
	for i := 0; i < 40; i++ {
		do(t, ctx, chromedp.KeyEvent("\t"))
		info := eval[map[string]string](t, ctx, `(() => { const e = document.activeElement; const s = getComputedStyle(e);
			return {tag: e.tagName, id: e.id || e.className || e.textContent.slice(0, 20), outline: s.outlineStyle + " " + s.outlineWidth}; })()`)
		if info["tag"] == "BODY" {
			continue
		}
		seen[info["id"]] = true
		if strings.HasPrefix(info["outline"], "none") {
			t.Errorf("focused %s %q has no visible outline (%s)", info["tag"], info["id"], info["outline"])
		}
	}
	if len(seen) < 20 {
		t.Errorf("40 Tabs reached only %d distinct elements: focus may be trapped", len(seen))
	}
	// The theme toggle answers Enter.
	do(t, ctx, chromedp.Focus(chromedp.CSS("#theme-toggle")), chromedp.KeyEvent("\r"), chromedp.Sleep(100*time.Millisecond))
	if got := eval[string](t, ctx, `document.documentElement.getAttribute("data-theme") || ""`); got == "" {
		t.Error("Enter on the theme toggle did nothing")
	}
}
