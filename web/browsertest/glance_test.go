package browsertest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The comparison pages must answer at a glance: what follows measures, in a real browser
// at a desktop and a phone size, where the first screen puts the verdicts and the table.

// viewport is a window size a reader has.
type viewport struct {
	name          string
	width, height int64
	mobile        bool
}

var (
	desktop = viewport{"1366x768", 1366, 768, false}
	phone   = viewport{"390x844", 390, 844, true}
)

// emulate sets the page's viewport (and, for a phone, mobile emulation: overlay
// scrollbars and the viewport meta tag).
func emulate(v viewport) chromedp.Action[chromedp.Void] {
	if v.mobile {
		return chromedp.EmulateViewport(v.width, v.height, chromedp.EmulateMobile)
	}
	return chromedp.EmulateViewport(v.width, v.height)
}

// box is an element's extent in page coordinates (px from the top of the document);
// Found is false when the page has no such element.
type box struct {
	Found  bool    `json:"found"`
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
	Left   float64 `json:"left"`
	Right  float64 `json:"right"`
}

func (b box) String() string {
	if !b.Found {
		return "missing"
	}
	return fmt.Sprintf("%.0f–%.0f px", b.Top, b.Bottom)
}

// firstScreen is what the top of a comparison page shows.
type firstScreen struct {
	Header      box     `json:"header"`   // the site header
	FirstRow    box     `json:"firstRow"` // the table's first feature row
	Tally       box     `json:"tally"`    // the first (or only) pair's verdict tally
	Tallies     []box   `json:"tallies"`  // every pair's tally on the page
	Picture     box     `json:"picture"`  // the per-category picture
	Helper      box     `json:"helper"`   // the way into the decision helper
	PageHeight  float64 `json:"pageHeight"`
	ScrollWidth float64 `json:"scrollWidth"`
	ClientWidth float64 `json:"clientWidth"`
	Viewport    float64 `json:"viewport"`
}

const measureFirstScreen = `(() => {
	window.scrollTo(0, 0);
	const box = e => {
		if (!e) return {found: false};
		const r = e.getBoundingClientRect();
		return {found: true, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right};
	};
	const q = s => box(document.querySelector(s));
	return {
		header: q(".site-header"), firstRow: q("tr.feature"), tally: q(".glance-tally"),
		tallies: [...document.querySelectorAll(".glance-tally")].map(box),
		picture: q(".glance-categories"), helper: q(".glance-choose"),
		pageHeight: document.documentElement.scrollHeight,
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth,
		viewport: innerHeight,
	};
})()`

// measure opens path at the viewport and measures its first screen.
func measure(t *testing.T, ctx context.Context, url string, v viewport) firstScreen {
	t.Helper()
	do(t, ctx, emulate(v), chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("tr.feature")), chromedp.Sleep(200*time.Millisecond))
	return eval[firstScreen](t, ctx, measureFirstScreen)
}

// inFirstScreen reports whether b is wholly inside the first viewport.
func inFirstScreen(b box, s firstScreen) bool {
	return b.Found && b.Top >= 0 && b.Bottom <= s.Viewport
}

var pairPages = []string{"/compare/flask-vs-django", "/compare/flask-vs-fastapi", "/compare/django-vs-fastapi"}

const tablePage = "/compare/flask-vs-django-vs-fastapi"

// TestFirstScreenAnswers measures the top of each pair page and of the table of all three:
// at 1366×768 the tally, the per-category picture and the decision helper's entry are on
// the first screen and the first row starts above 900 px; at 390×844 the header is at
// most 72 px tall, the tally is on the first screen, the first row starts above 1,300 px
// and a pair page is at most 20,000 px tall; the page never scrolls sideways.
func TestFirstScreenAnswers(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	for _, path := range append(append([]string{}, pairPages...), tablePage) {
		for _, v := range []viewport{desktop, phone} {
			t.Run(v.name+path, func(t *testing.T) {
				s := measure(t, ctx, ts.URL+path, v)
				header := s.Header.Bottom - s.Header.Top
				t.Logf("%s at %s: header %.0f px tall, first row at y=%.0f, tally %v, picture %v, helper %v, page %.0f px tall, %.0f px wide in %.0f",
					path, v.name, header, s.FirstRow.Top, s.Tally, s.Picture, s.Helper, s.PageHeight, s.ScrollWidth, s.ClientWidth)
				if s.ScrollWidth > s.ClientWidth {
					t.Errorf("the page scrolls sideways: %.0f px wide in a %.0f px viewport", s.ScrollWidth, s.ClientWidth)
				}
				tallies := 1
				if path == tablePage {
					tallies = 3
				}
				if len(s.Tallies) != tallies {
					t.Errorf("%d tallies on the page, want %d", len(s.Tallies), tallies)
				}
				switch v {
				case desktop:
					if s.FirstRow.Top >= 900 {
						t.Errorf("the first row starts at y=%.0f, want above 900", s.FirstRow.Top)
					}
					for i, b := range s.Tallies {
						if !inFirstScreen(b, s) {
							t.Errorf("tally %d is at %v, not inside the first %.0f px", i+1, b, s.Viewport)
						}
					}
					if path != tablePage && !inFirstScreen(s.Picture, s) {
						t.Errorf("the per-category picture is at %v, not inside the first %.0f px", s.Picture, s.Viewport)
					}
					if !inFirstScreen(s.Helper, s) {
						t.Errorf("the decision helper's entry is at %v, not inside the first %.0f px", s.Helper, s.Viewport)
					}
				case phone:
					if header > 72 {
						t.Errorf("the site header is %.0f px tall, want at most 72", header)
					}
					if !inFirstScreen(s.Tally, s) {
						t.Errorf("the tally is at %v, not inside the first %.0f px", s.Tally, s.Viewport)
					}
					if s.FirstRow.Top >= 1300 {
						t.Errorf("the first row starts at y=%.0f, want above 1,300", s.FirstRow.Top)
					}
					if path != tablePage && s.PageHeight > 20000 {
						t.Errorf("the page is %.0f px tall, want at most 20,000", s.PageHeight)
					}
				}
			})
		}
	}
}

// stickyHeader is where the table's column header is after scrolling deep into the table.
type stickyHeader struct {
	HeaderBottom float64 `json:"headerBottom"` // the site header's bottom, on screen
	TheadTop     float64 `json:"theadTop"`     // the column header's top, on screen
	TheadBottom  float64 `json:"theadBottom"`
	Labels       string  `json:"labels"` // the column header's text
	ScrollY      float64 `json:"scrollY"`
}

// TestTableHeaderStaysInView scrolls each table page to a row deep in the table and
// measures the column header (Feature | Flask | Django | Verdict) on screen: it must sit
// just under the site header, not scrolled away with the top of the table.
func TestTableHeaderStaysInView(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	for _, path := range append(append([]string{}, pairPages...), tablePage) {
		for _, v := range []viewport{desktop, {"1024x768", 1024, 768, false}} {
			t.Run(v.name+path, func(t *testing.T) {
				do(t, ctx, emulate(v), chromedp.Navigate(ts.URL+path), chromedp.WaitReady(chromedp.CSS("tr.feature")))
				h := eval[stickyHeader](t, ctx, `(async () => {
					const rows = document.querySelectorAll("tr.feature");
					const deep = rows[Math.floor(rows.length * 0.8)];
					window.scrollTo(0, deep.getBoundingClientRect().top + scrollY - innerHeight / 2);
					await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
					// The header cells are what sticks (their row and thead keep their places).
					const thead = document.querySelector(".matrix thead th").getBoundingClientRect();
					return {
						headerBottom: Math.max(0, document.querySelector(".site-header").getBoundingClientRect().bottom),
						theadTop: thead.top, theadBottom: thead.bottom, scrollY: scrollY,
						labels: [...document.querySelectorAll(".matrix thead th")].map(th => th.textContent.trim()).join(" | "),
					};
				})()`, chromedp.EvalAwaitPromise)
				t.Logf("%s at %s, scrolled to y=%.0f: site header ends at %.0f px, column header (%s) spans %.0f–%.0f px on screen",
					path, v.name, h.ScrollY, h.HeaderBottom, h.Labels, h.TheadTop, h.TheadBottom)
				if h.ScrollY < 2000 {
					t.Fatalf("scrolled only to y=%.0f: not deep into the table", h.ScrollY)
				}
				if h.TheadTop < h.HeaderBottom-1 || h.TheadTop > h.HeaderBottom+1 || h.TheadBottom-h.TheadTop < 20 {
					t.Errorf("the column header spans %.0f–%.0f px on screen; want it held just under the site header (%.0f px)", h.TheadTop, h.TheadBottom, h.HeaderBottom)
				}
			})
		}
	}
}

// card is where a phone card's parts sit, relative to the card's top.
type card struct {
	ID       string  `json:"id"`
	Title    float64 `json:"title"`    // the feature name's top
	Verdict  float64 `json:"verdict"`  // the verdict's top (-1 when the card has none)
	Cells    float64 `json:"cells"`    // the first cell's top
	Width    float64 `json:"width"`    // the card's width
	Caption  float64 `json:"caption"`  // the table caption's width
	Viewport float64 `json:"viewport"` // the page's width
}

// TestPhoneCardsOpenWithFeatureAndVerdict: at 390 px each row of a pair's table is a card
// whose first line holds the feature's name and its verdict, above the cells; the caption
// and the cards use the full width.
func TestPhoneCardsOpenWithFeatureAndVerdict(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	for _, path := range append(append([]string{}, pairPages...), tablePage) {
		t.Run(path, func(t *testing.T) {
			do(t, ctx, emulate(phone), chromedp.Navigate(ts.URL+path), chromedp.WaitReady(chromedp.CSS("tr.feature")))
			cards := eval[[]card](t, ctx, `[...document.querySelectorAll("tr.feature")].map(tr => {
				const top = tr.getBoundingClientRect().top;
				const at = s => { const e = tr.querySelector(s); return e ? e.getBoundingClientRect().top - top : -1; };
				return {id: tr.id, title: at(".row-title"), verdict: at("td.verdict"), cells: at("td[data-label]"),
					width: tr.getBoundingClientRect().width,
					caption: document.querySelector(".matrix caption").getBoundingClientRect().width,
					viewport: document.documentElement.clientWidth};
			})`)
			if len(cards) < 50 {
				t.Fatalf("%d cards", len(cards))
			}
			for _, c := range cards {
				if c.Title > 16 || (path != tablePage && (c.Verdict < 0 || c.Verdict > 16)) || c.Cells <= c.Title {
					t.Errorf("card %s: title at +%.0f px, verdict at +%.0f px, cells at +%.0f px", c.ID, c.Title, c.Verdict, c.Cells)
				}
				if c.Width < c.Viewport-40 || c.Caption < c.Viewport-40 {
					t.Errorf("card %s is %.0f px wide and the caption %.0f px in a %.0f px page", c.ID, c.Width, c.Caption, c.Viewport)
				}
			}
		})
	}
}

// TestTallyLinksListTheRowsASideWins follows the tally's link for Django on the Flask vs
// Django page with scripts off: the view lists only rows whose verdict is Django, as many
// as the tally said, each with Django's cell marked "Better fit".
func TestTallyLinksListTheRowsASideWins(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	call(t, ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	do(t, ctx, emulate(desktop), chromedp.Navigate(ts.URL+"/compare/flask-vs-django"), chromedp.WaitReady(chromedp.CSS(".tally")))
	said := eval[string](t, ctx, `document.querySelector('.tally a[href$="wins=django#rows"] .tally-count').textContent`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`.tally a[href$="wins=django#rows"]`)), chromedp.WaitReady(chromedp.CSS(".filter-count")), chromedp.Sleep(200*time.Millisecond))
	url, _ := chromedp.Run(ctx, chromedp.Location())
	got := eval[map[string]any](t, ctx, `(() => {
		const rows = [...document.querySelectorAll("tr.feature")];
		return {
			rows: rows.length,
			others: rows.filter(r => r.dataset.verdict !== "django").length,
			unmarked: rows.filter(r => r.querySelector('td.win[data-label="Django"] .win-label') === null).length,
			current: document.querySelector('.tally a[aria-current]') ? document.querySelector('.tally a[aria-current]').getAttribute("href") : "",
			// The link lands on the view: its count and first row are on screen.
			count: document.querySelector(".filter-count").getBoundingClientRect().top,
			first: rows.length ? rows[0].getBoundingClientRect().top : 0,
			header: document.querySelector(".site-header").getBoundingClientRect().bottom,
		};
	})()`)
	if !strings.HasSuffix(url, "/compare/flask-vs-django?wins=django#rows") || fmt.Sprint(got["rows"]) != said || got["others"] != 0.0 || got["unmarked"] != 0.0 {
		t.Errorf("at %s (the tally said %s): %v", url, said, got)
	}
	if got["current"] != "/compare/flask-vs-django?wins=django#rows" {
		t.Errorf("the tally marks %v as the view", got["current"])
	}
	if c, f, h := got["count"].(float64), got["first"].(float64), got["header"].(float64); c < h || f > 768 {
		t.Errorf("the view's count is at %.0f px (header ends at %.0f) and its first row at %.0f px: the link did not land on the rows", c, h, f)
	}
}

// TestMenuFoldsOnPhones: at 390 px the navigation and search sit behind a Menu
// disclosure that opens without JavaScript; at 1366 px they show in the header with no
// Menu button.
func TestMenuFoldsOnPhones(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	call(t, ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	// checkVisibility sees through a closed <details>, whose content keeps its boxes.
	visible := `(() => { const a = document.querySelector('.site-header nav a[href="/guides"]'); const r = a.getBoundingClientRect(); return a.checkVisibility() && r.width > 0 && r.height > 0; })()`
	do(t, ctx, emulate(phone), chromedp.Navigate(ts.URL+"/compare/flask-vs-django"), chromedp.WaitReady(chromedp.CSS(".site-menu")))
	if eval[bool](t, ctx, visible) {
		t.Error("on a phone the navigation shows before the menu is opened")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(".site-menu > summary")))
	if !eval[bool](t, ctx, visible) || !eval[bool](t, ctx, `document.querySelector("#site-search-q").checkVisibility() && document.querySelector("#site-search-q").getBoundingClientRect().width > 100`) {
		t.Error("the opened menu does not show the navigation and the search box")
	}
	do(t, ctx, emulate(desktop), chromedp.Navigate(ts.URL+"/compare/flask-vs-django"), chromedp.WaitReady(chromedp.CSS(".site-menu")))
	summary := eval[float64](t, ctx, `document.querySelector(".site-menu > summary").getBoundingClientRect().width`)
	header := eval[float64](t, ctx, `document.querySelector(".site-header").getBoundingClientRect().height`)
	if !eval[bool](t, ctx, visible) || summary != 0 || header > 57 {
		t.Errorf("at 1366 px: navigation shown %v, Menu button %.0f px wide, header %.0f px tall", eval[bool](t, ctx, visible), summary, header)
	}
}
