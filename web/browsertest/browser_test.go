package browsertest

import (
	"context"
	"fmt"
	"net"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/server"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/testenv"
)

const chromiumPath = "/usr/bin/chromium"

// startSite serves the shipped content on 127.0.0.1. Every browser test starts with it, so
// it is where -short skips them, before the site is built (a second or more each).
func startSite(t *testing.T) *httptest.Server {
	t.Helper()
	ts, _ := startShipped(t)
	return ts
}

// startShipped serves the shipped content on 127.0.0.1, and returns it too, for tests
// that visit every page of a kind.
func startShipped(t *testing.T) (*httptest.Server, *site.Site) {
	t.Helper()
	testenv.SkipShort(t, "browser tests") // before building the site, which takes a second or two
	s, err := site.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(nil)
	ts.Listener = ln
	out, err := build.Site(context.Background(), s, build.Config{Pages: pages.Config{BaseURL: "http://" + ln.Addr().String()}})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = server.New(server.Config{}, out, nil)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts, s
}

// newBrowser starts a fresh headless Chromium, or skips (fails under CI) without one.
// Browser tests are a slow suite: -short skips them. The test's steps have a minute.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return newBrowserFor(t, time.Minute)
}

// newBrowserFor is newBrowser for a test whose steps take up to timeout in all: one that
// visits every page of a kind.
func newBrowserFor(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	testenv.SkipShort(t, "browser tests")
	if _, err := os.Stat(chromiumPath); err != nil {
		testenv.Missing(t, "Chromium is not installed at "+chromiumPath+" (apt-get install -y chromium): browser tests skipped")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first action starts the browser; it must not run under a timeout (that would
	// stop the browser), so the timeout is set on a context derived afterwards.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(cancelTimeout)
	return ctx
}

// do runs steps, failing the test on an error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// call sends one DevTools protocol command to the page.
func call[P any](t *testing.T, ctx context.Context, cmd cdp.Command[P, cdp.Empty], params P) {
	t.Helper()
	if _, err := chromedp.Call(ctx, cmd, params); err != nil {
		t.Fatal(err)
	}
}

type rowGeometry struct {
	HeaderBottom float64 `json:"headerBottom"`
	TheadBottom  float64 `json:"theadBottom"`
	RowTop       float64 `json:"rowTop"`
	RowBottom    float64 `json:"rowBottom"`
	Viewport     float64 `json:"viewport"`
	Target       string  `json:"target"`
	Background   string  `json:"background"`
	Other        string  `json:"other"`
}

func TestAnchorScrollsRowIntoViewBelowHeader(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx,
		chromedp.Navigate(ts.URL+"/compare/flask-vs-django#orm"),
		chromedp.WaitVisible(chromedp.CSS("tr#orm")),
		chromedp.Sleep(300*time.Millisecond),
	)
	g := eval[rowGeometry](t, ctx, `(() => {
		const row = document.getElementById("orm").getBoundingClientRect();
		const other = document.querySelector("tr.feature:not(#orm)");
		return {
			headerBottom: document.querySelector(".site-header").getBoundingClientRect().bottom,
			theadBottom: document.querySelector(".matrix thead th").getBoundingClientRect().bottom,
			rowTop: row.top, rowBottom: row.bottom, viewport: window.innerHeight,
			target: (document.querySelector(":target") || {}).id || "",
			background: getComputedStyle(document.getElementById("orm")).backgroundColor,
			other: getComputedStyle(other).backgroundColor,
		};
	})()`)
	if g.Target != "orm" {
		t.Errorf(":target is %q, want orm", g.Target)
	}
	covered := max(g.HeaderBottom, g.TheadBottom)
	if g.RowTop < covered-1 || g.RowBottom > g.Viewport {
		t.Errorf("row spans %.0f–%.0f px; the sticky headers end at %.0f px and the viewport at %.0f px", g.RowTop, g.RowBottom, covered, g.Viewport)
	}
	if g.Background == g.Other {
		t.Errorf("the target row is not highlighted (background %s, like other rows)", g.Background)
	}
}

func TestCopyLinkPutsCanonicalURLOnClipboard(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: ts.URL,
		}); err != nil {
			t.Fatal(err)
		}
	}
	do(t, ctx,
		chromedp.Navigate(ts.URL+"/compare/flask-vs-django"),
		chromedp.WaitVisible(chromedp.CSS(`tr#orm button.copy-link`)),
		chromedp.Click(chromedp.CSS(`tr#orm button.copy-link`)),
		chromedp.Sleep(300*time.Millisecond),
	)
	clipboard := eval[string](t, ctx, `navigator.clipboard.readText()`, chromedp.EvalAwaitPromise)
	status := eval[string](t, ctx, `document.querySelector("[role=status][aria-live=polite]").textContent`)
	if want := ts.URL + "/compare/flask-vs-django#orm"; clipboard != want {
		t.Errorf("clipboard = %q, want %q", clipboard, want)
	}
	if !strings.Contains(status, "copied") {
		t.Errorf("live region says %q", status)
	}
}

func TestFilterFormWorksWithoutJavaScript(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	call(t, ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	do(t, ctx,
		chromedp.Navigate(ts.URL+"/compare/flask-vs-django"),
		chromedp.Click(chromedp.CSS(`details.filter-box summary`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=cat][value=security]`)),
	)
	// Evaluate runs as DevTools, not as the page, so it still works with scripts off.
	if n := eval[int](t, ctx, `document.querySelectorAll("button.copy-link, #theme-toggle").length`); n != 0 {
		t.Fatalf("page JavaScript ran: %d script-made buttons", n)
	}
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`input[name=cat][value=security]`)),
		chromedp.Click(chromedp.CSS(`form.filter button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.filter-count`)),
	)
	url, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	rows := eval[int](t, ctx, `document.querySelectorAll("tr.feature").length`)
	headings := eval[int](t, ctx, `document.querySelectorAll("th[scope=rowgroup]").length`)
	if !strings.Contains(url, "cat=security") {
		t.Errorf("the view is not in the URL: %s", url)
	}
	if rows == 0 || headings != 1 || eval[int](t, ctx, `document.querySelectorAll("th#category-security").length`) != 1 {
		t.Errorf("filtered page shows %d rows under %d category headings", rows, headings)
	}
}

func TestDarkModeTogglePersistsAcrossReload(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	call(t, ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}})
	do(t, ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`#theme-toggle`)))
	before := eval[string](t, ctx, `document.documentElement.getAttribute("data-theme") || "auto"`)
	label := eval[string](t, ctx, `document.getElementById("theme-toggle").textContent`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`#theme-toggle`)))
	after := eval[string](t, ctx, `document.documentElement.getAttribute("data-theme")`)
	labelAfter := eval[string](t, ctx, `document.getElementById("theme-toggle").textContent`)
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`#theme-toggle`)))
	afterReload := eval[string](t, ctx, `document.documentElement.getAttribute("data-theme")`)
	labelReload := eval[string](t, ctx, `document.getElementById("theme-toggle").textContent`)
	bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`)
	if before != "auto" || after != "dark" || afterReload != "dark" {
		t.Errorf("theme before %q, after click %q, after reload %q", before, after, afterReload)
	}
	// The button says what it will do: "Dark theme" while light shows, then "Light theme".
	if label != "Dark theme" || labelAfter != "Light theme" || labelReload != "Light theme" {
		t.Errorf("the button reads %q, then %q after the click and %q after reload", label, labelAfter, labelReload)
	}
	if bg != "rgb(13, 17, 23)" {
		t.Errorf("dark background is %s", bg)
	}
}

// TestThemeButtonFollowsTheSystem: on first load in a dark system theme (nothing saved),
// the page is dark and the button offers the light theme.
func TestThemeButtonFollowsTheSystem(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	call(t, ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
	do(t, ctx, chromedp.Navigate(ts.URL+"/compare/flask-vs-django"), chromedp.WaitVisible(chromedp.CSS(`#theme-toggle`)))
	label := eval[string](t, ctx, `document.getElementById("theme-toggle").textContent`)
	bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`)
	if label != "Light theme" || bg != "rgb(13, 17, 23)" {
		t.Errorf("in a dark system theme the button reads %q over a %s page", label, bg)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`#theme-toggle`)))
	label = eval[string](t, ctx, `document.getElementById("theme-toggle").textContent`)
	bg = eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`)
	if label != "Dark theme" || bg != "rgb(255, 255, 255)" {
		t.Errorf("after the click the button reads %q over a %s page", label, bg)
	}
}

func TestNarrowScreenShowsCards(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx,
		chromedp.EmulateViewport(375, 800),
		chromedp.Navigate(ts.URL+"/compare/flask-vs-django"),
		chromedp.WaitVisible(chromedp.CSS(`tr#orm`)),
	)
	display := eval[string](t, ctx, `getComputedStyle(document.getElementById("orm")).display`)
	theadHeight := eval[float64](t, ctx, `document.querySelector(".matrix thead").getBoundingClientRect().height`)
	label := eval[string](t, ctx, `getComputedStyle(document.querySelector("tr#orm td"), "::before").content`)
	width := eval[float64](t, ctx, `document.documentElement.scrollWidth`)
	if display != "grid" || theadHeight > 1 || label != `"Flask"` {
		t.Errorf("at 375px: row display %q, thead height %.0f, cell label %s", display, theadHeight, label)
	}
	if width > 375 {
		t.Errorf("the page scrolls sideways at 375px (%.0f px wide)", width)
	}
}

func TestPrintShowsEveryRow(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	call(t, ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	do(t, ctx, chromedp.Navigate(ts.URL+"/compare/flask-vs-django"), chromedp.WaitReady(chromedp.CSS(`tr#orm`)))
	total := eval[int](t, ctx, `document.querySelectorAll("tr.feature").length`)
	visible := eval[int](t, ctx, `[...document.querySelectorAll("tr.feature")].filter(r => r.getClientRects().length > 0).length`)
	header := eval[string](t, ctx, `getComputedStyle(document.querySelector(".site-header")).display`)
	if total < 50 || visible != total {
		t.Errorf("print shows %d of %d rows", visible, total)
	}
	if header != "none" {
		t.Errorf("navigation is printed (display %s)", header)
	}
}

// TestSearchAndChooseWithoutJavaScript uses the header search box and the decision helper
// with scripts disabled: both are plain GET forms whose results can be shared by URL.
func TestSearchAndChooseWithoutJavaScript(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	call(t, ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	do(t, ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SendKeys(chromedp.CSS(`#site-search-q`), "djngo admn"),
		chromedp.Submit(chromedp.CSS(`#site-search-q`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.results`)),
	)
	url, _ := chromedp.Run(ctx, chromedp.Location())
	first := eval[string](t, ctx, `document.querySelector("ol.results a").getAttribute("href")`)
	if !strings.Contains(url, "/search?q=djngo+admn") || first != "/compare/flask-vs-django/admin" {
		t.Errorf("search: at %s the first result is %q", url, first)
	}

	do(t, ctx,
		chromedp.Navigate(ts.URL+"/compare/flask-vs-django/choose"),
		chromedp.Click(chromedp.CSS(`input[name=back-office][value=soon]`)),
		chromedp.Click(chromedp.CSS(`form.choose-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.choose-result`)),
	)
	url, _ = chromedp.Run(ctx, chromedp.Location())
	headline := eval[string](t, ctx, `document.querySelector("#result-heading").textContent`)
	if !strings.Contains(url, "back-office=soon") || headline == "" {
		t.Errorf("decision helper: at %s the result reads %q", url, headline)
	}
	// The result's URL is the share link: opening it again shows the same result.
	do(t, ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`.choose-result`)))
	if again := eval[string](t, ctx, `document.querySelector("#result-heading").textContent`); again != headline {
		t.Errorf("the shared URL shows %q, not %q", again, headline)
	}
}

// TestPairPickerWithoutJavaScript picks two frameworks on the home page with scripts
// disabled: the GET form lands on the pair's canonical page, whichever order they were
// picked in.
func TestPairPickerWithoutJavaScript(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	call(t, ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	do(t, ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SetValue(chromedp.CSS(`#pick-a`), "fastapi"),
		chromedp.SetValue(chromedp.CSS(`#pick-b`), "django"),
		chromedp.Submit(chromedp.CSS(`form.pair-picker`)),
		chromedp.WaitVisible(chromedp.CSS(`table.matrix`)),
	)
	url, _ := chromedp.Run(ctx, chromedp.Location())
	title := eval[string](t, ctx, `document.querySelector("h1").textContent`)
	if url != ts.URL+"/compare/django-vs-fastapi" || title != "Django vs FastAPI" {
		t.Errorf("the picker landed on %s, titled %q", url, title)
	}
	// A third framework leads to the table of the three.
	do(t, ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SetValue(chromedp.CSS(`#pick-a`), "fastapi"),
		chromedp.SetValue(chromedp.CSS(`#pick-b`), "django"),
		chromedp.SetValue(chromedp.CSS(`#pick-c`), "flask"),
		chromedp.Submit(chromedp.CSS(`form.pair-picker`)),
		chromedp.WaitVisible(chromedp.CSS(`table.matrix`)),
	)
	url, _ = chromedp.Run(ctx, chromedp.Location())
	if url != ts.URL+"/compare/flask-vs-django-vs-fastapi" {
		t.Errorf("the picker with three landed on %s", url)
	}
}

// TestSearchResultsAndNotFoundFit checks, on a phone and a laptop, the pages that show
// search results: nothing scrolls sideways, each page a row result names stays on one
// line, and the 404 page shows its search form and first result on the first screen.
func TestSearchResultsAndNotFoundFit(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	for _, size := range [][2]int64{{390, 844}, {1366, 768}} {
		for _, path := range []string{"/search?q=django+vs+fastapi+orm", "/compare/flask-vs-django/ormm"} {
			do(t, ctx,
				chromedp.EmulateViewport(size[0], size[1]),
				chromedp.Navigate(ts.URL+path),
				chromedp.WaitVisible(chromedp.CSS(`ol.results`)),
			)
			where := fmt.Sprintf("%s at %dx%d", path, size[0], size[1])
			if width := eval[float64](t, ctx, `document.documentElement.scrollWidth`); width > float64(size[0]) {
				t.Errorf("%s: the page scrolls sideways (%.0f px wide)", where, width)
			}
			places := eval[[]struct{ Right, Height, Line float64 }](t, ctx, `[...document.querySelectorAll(".result-places a")].map(a => {
				const r = a.getBoundingClientRect();
				return {Right: r.right, Height: r.height, Line: parseFloat(getComputedStyle(a).lineHeight) || 24};
			})`)
			if len(places) < 4 {
				t.Errorf("%s: %d links to a row's pages, want its 3 pairs and the table", where, len(places))
			}
			for i, p := range places {
				if p.Right > float64(size[0]) || p.Height > 1.5*p.Line {
					t.Errorf("%s: page link %d ends at %.0f px and is %.0f px tall (line %.0f px)", where, i, p.Right, p.Height, p.Line)
				}
			}
		}
		// The 404 page: the form holding the path's words, then the first result, on the
		// first screen.
		formBottom := eval[float64](t, ctx, `document.querySelector(".not-found-search form").getBoundingClientRect().bottom`)
		firstTop := eval[float64](t, ctx, `document.querySelector(".not-found-search .results h3").getBoundingClientRect().top`)
		if formBottom > firstTop || firstTop > float64(size[1]) {
			t.Errorf("404 at %dx%d: the form ends at %.0f px, the first result starts at %.0f px", size[0], size[1], formBottom, firstTop)
		}
	}
}
