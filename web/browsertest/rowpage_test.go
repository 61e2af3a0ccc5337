package browsertest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/versus-dev/versus/web/site"
)

// A row page must answer at a glance (the verdict beside the feature, the reason under
// it, both cells on the first screen) and show code that lines up and never scrolls
// sideways on a laptop. What follows measures every row page in one browser.

// rowScreen is where a row page puts its answer, in page coordinates.
type rowScreen struct {
	Title       box       `json:"title"`   // the h1
	Verdict     box       `json:"verdict"` // the verdict chip
	VerdictText string    `json:"verdictText"`
	VerdictID   string    `json:"verdictID"` // from its class: a subject id or "tie"
	Reason      box       `json:"reason"`
	Cells       []cellBox `json:"cells"`
	Explanation box       `json:"explanation"` // the first element of the explanation
	Viewport    float64   `json:"viewport"`
	ScrollWidth float64   `json:"scrollWidth"`
	ClientWidth float64   `json:"clientWidth"`
}

// cellBox is one cell of a row page.
type cellBox struct {
	box
	Framework  string `json:"framework"`
	Win        bool   `json:"win"`        // marked the better fit (class win)
	Label      string `json:"label"`      // its visible "Better fit" label, "" for none
	Background string `json:"background"` // its computed background colour
}

const measureRowScreen = `(() => {
	window.scrollTo(0, 0);
	const box = e => {
		if (!e) return {found: false};
		const r = e.getBoundingClientRect();
		return {found: true, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right};
	};
	const chip = document.querySelector(".row-heading .verdict-chip");
	const verdict = chip ? [...chip.classList].find(c => c.startsWith("verdict-") && c !== "verdict-chip") : "";
	return {
		title: box(document.querySelector(".row-page h1")), verdict: box(chip),
		verdictText: chip ? chip.textContent : "", verdictID: verdict ? verdict.slice(8) : "",
		reason: box(document.querySelector(".row-header .row-reason")),
		cells: [...document.querySelectorAll(".row-page .cells .cell")].map(c => {
			const label = c.querySelector(".win-label");
			return Object.assign(box(c), {
				framework: c.dataset.framework || "", win: c.classList.contains("win"),
				label: label && label.checkVisibility() ? label.textContent : "",
				background: getComputedStyle(c).backgroundColor,
			});
		}),
		explanation: box(document.querySelector(".row-page > .prose > *")),
		viewport: innerHeight,
		scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
	};
})()`

// checkRowScreen holds a row page's top to its design at viewport v: the verdict beside
// the title or just under it, the reason under both, the cells under the reason and the
// explanation under the cells; on the first screen, the title, verdict and reason (and at
// 1366×768 the cells); the better fit's cell tinted and labelled in words, no cell
// marked on a tie; nothing wider than the page.
func checkRowScreen(s rowScreen, v viewport) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if s.ScrollWidth > s.ClientWidth {
		bad("the page scrolls sideways: %.0f px wide in %.0f", s.ScrollWidth, s.ClientWidth)
	}
	if !s.Title.Found || !s.Verdict.Found || !s.Reason.Found || !s.Explanation.Found || len(s.Cells) != 2 {
		bad("title %v, verdict %v, reason %v, explanation %v, %d cells", s.Title, s.Verdict, s.Reason, s.Explanation, len(s.Cells))
		return problems
	}
	beside := s.Verdict.Top < s.Title.Bottom && s.Verdict.Bottom > s.Title.Top && s.Verdict.Left >= s.Title.Right
	under := s.Verdict.Top >= s.Title.Bottom-1 && s.Verdict.Top-s.Title.Bottom < 16 && s.Verdict.Left < s.Title.Right
	if !beside && !under {
		bad("the verdict (%v, from x=%.0f) is neither beside nor just under the title (%v, to x=%.0f)", s.Verdict, s.Verdict.Left, s.Title, s.Title.Right)
	}
	if s.Reason.Top < max(s.Title.Bottom, s.Verdict.Bottom)-1 {
		bad("the reason (%v) starts above the end of the title and verdict", s.Reason)
	}
	for _, c := range s.Cells {
		if c.Top < s.Reason.Bottom || c.Bottom > s.Explanation.Top {
			bad("the %s cell (%v) is not between the reason (%v) and the explanation (%v)", c.Framework, c.box, s.Reason, s.Explanation)
		}
	}
	last := s.Reason.Bottom
	if v == desktop {
		last = max(s.Cells[0].Bottom, s.Cells[1].Bottom)
	}
	if s.Title.Top < 0 || last > s.Viewport {
		bad("the first screen (%.0f px) ends before the %s, at %.0f px", s.Viewport, map[bool]string{true: "cells", false: "reason"}[v == desktop], last)
	}
	wins := 0
	for i, c := range s.Cells {
		other := s.Cells[1-i]
		switch {
		case c.Framework == s.VerdictID:
			wins++
			if !c.Win || c.Label != "Better fit" || c.Background == other.Background {
				bad("the better fit's cell (%s) is not tinted and labelled: win %v, label %q, background %s beside %s", c.Framework, c.Win, c.Label, c.Background, other.Background)
			}
		case c.Win || c.Label != "":
			bad("the %s cell is marked the better fit on a verdict of %q", c.Framework, s.VerdictID)
		}
	}
	want := "Verdict: Tie"
	if s.VerdictID != "tie" {
		want = "Verdict: "
		if wins != 1 {
			bad("verdict %q names neither cell", s.VerdictID)
		}
	}
	if !strings.HasPrefix(s.VerdictText, want) || (s.VerdictID != "tie" && !strings.HasSuffix(s.VerdictText, " is the better fit")) {
		bad("the verdict reads %q", s.VerdictText)
	}
	return problems
}

// rowPages lists every pair's row pages.
func rowPages(s *site.Site) []string {
	var all []string
	for _, c := range s.Comparisons {
		for _, r := range c.Rows {
			all = append(all, r.Path())
		}
	}
	return all
}

// codeLayout is how a page lays out its code.
type codeLayout struct {
	Blocks      []codeBlock `json:"blocks"`
	Pairs       []pairBox   `json:"pairs"`
	ScrollWidth float64     `json:"scrollWidth"`
	ClientWidth float64     `json:"clientWidth"`
}

// codeBlock is one code block: how wide its code is against its box, its text size and
// the mark in its header.
type codeBlock struct {
	Caption     string  `json:"caption"`
	ScrollWidth float64 `json:"scrollWidth"`
	ClientWidth float64 `json:"clientWidth"`
	FontSize    float64 `json:"fontSize"`
	Mark        string  `json:"mark"`       // the visible mark in its header, "" for none
	MarkTarget  string  `json:"markTarget"` // what the mark links to: "in its sample's details", or what is wrong
	ColumnMark  bool    `json:"columnMark"` // its sample has a mark (a <details>) under it
}

// pairBox is one code pair: side by side or stacked, and where each side's rows and mark
// start.
type pairBox struct {
	Class   string    `json:"class"`
	Split   bool      `json:"split"` // its sides are side by side
	Width   float64   `json:"width"`
	Columns []sideBox `json:"columns"`
}

type sideBox struct {
	box
	Framework string    `json:"framework"`
	Rows      []float64 `json:"rows"` // the top of each row of blocks
	Filled    []bool    `json:"filled"`
	Mark      float64   `json:"mark"` // the top of its mark, -1 for none
}

const measureCode = `(() => {
	const box = e => { const r = e.getBoundingClientRect(); return {found: true, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right}; };
	const blocks = [...document.querySelectorAll(".code-sample")].map(fig => {
		const pre = fig.querySelector("pre");
		const mark = fig.querySelector("figcaption .code-runs");
		const link = mark && mark.querySelector("a");
		const column = fig.closest(".code-column");
		const details = column && column.querySelector(":scope > details.sample-mark");
		let target = "no link";
		if (link) {
			const to = document.getElementById(decodeURIComponent(link.hash.slice(1)));
			target = !to ? "nothing: " + link.hash : (details && details.contains(to) ? "in its sample's details" : "elsewhere: " + link.hash);
		}
		return {
			caption: fig.querySelector("figcaption").textContent,
			scrollWidth: pre.scrollWidth, clientWidth: pre.clientWidth,
			fontSize: parseFloat(getComputedStyle(pre.querySelector("code") || pre).fontSize),
			mark: mark && mark.checkVisibility() && mark.getBoundingClientRect().width > 0 ? mark.textContent : "",
			markTarget: target, columnMark: !!details,
		};
	});
	const pairs = [...document.querySelectorAll(".code-pair")].map(pair => {
		const sides = pair.querySelector(":scope > .code-sides");
		return {
			class: pair.className, split: getComputedStyle(sides).display === "grid", width: pair.getBoundingClientRect().width,
			columns: [...sides.children].map(col => {
				const rows = [...col.querySelectorAll(":scope > .code-row")];
				const mark = col.querySelector(":scope > .sample-mark");
				return Object.assign(box(col), {
					framework: col.dataset.framework,
					rows: rows.map(r => box(r).top), filled: rows.map(r => r.children.length > 0),
					mark: mark ? box(mark).top : -1,
				});
			}),
		};
	});
	return {blocks, pairs, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth};
})()`

var runsMark = regexp.MustCompile(`^(\S+ \d+\.\d+\+? only\. )?Runs on \S+ \d+\.\d+\.\d+( and \d+\.\d+\.\d+)*$`)

// checkCode holds a page's code to its design at 1366×768: no block scrolls sideways,
// code is at least 13 px, every block of a tested sample says in its header which
// releases it ran on and links to what the run checks; a pair side by side starts its
// sides' rows, and their marks, at the same heights, and a stacked pair puts each side
// under the one before, full width.
func checkCode(l codeLayout) (problems []string, split, stacked int) {
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if l.ScrollWidth > l.ClientWidth {
		bad("the page scrolls sideways: %.0f px wide in %.0f", l.ScrollWidth, l.ClientWidth)
	}
	for _, b := range l.Blocks {
		if b.ScrollWidth > b.ClientWidth {
			bad("%q scrolls sideways: %.0f px of code in %.0f", b.Caption, b.ScrollWidth, b.ClientWidth)
		}
		if b.FontSize < 13 {
			bad("%q: code is %.1f px, want at least 13", b.Caption, b.FontSize)
		}
		if b.ColumnMark && (!runsMark.MatchString(b.Mark) || b.MarkTarget != "in its sample's details") {
			bad("%q: its header's mark reads %q and links %s", b.Caption, b.Mark, b.MarkTarget)
		}
	}
	for _, p := range l.Pairs {
		cols := p.Columns
		if len(cols) < 2 {
			continue
		}
		if !p.Split {
			stacked++
			for i, c := range cols {
				if c.Right-c.Left < p.Width-1 || (i > 0 && c.Top < cols[i-1].Bottom) {
					bad("stacked pair %q: side %s spans x %.0f–%.0f (pair %.0f px wide), from y=%.0f", p.Class, c.Framework, c.Left, c.Right, p.Width, c.Top)
				}
			}
			continue
		}
		split++
		for i, c := range cols[1:] {
			if c.Left < cols[i].Right {
				bad("pair %q: side %s starts at x=%.0f, inside side %s (to x=%.0f)", p.Class, c.Framework, c.Left, cols[i].Framework, cols[i].Right)
			}
			if len(c.Rows) != len(cols[0].Rows) {
				bad("pair %q: side %s has %d rows, side %s %d", p.Class, c.Framework, len(c.Rows), cols[0].Framework, len(cols[0].Rows))
				continue
			}
			for r := range c.Rows {
				if d := c.Rows[r] - cols[0].Rows[r]; d > 1 || d < -1 {
					bad("pair %q: row %d of blocks starts at y=%.0f on %s and y=%.0f on %s", p.Class, r+1, cols[0].Rows[r], cols[0].Framework, c.Rows[r], c.Framework)
				}
			}
			if c.Mark >= 0 && cols[0].Mark >= 0 && (c.Mark-cols[0].Mark > 1 || cols[0].Mark-c.Mark > 1) {
				bad("pair %q: the marks start at y=%.0f on %s and y=%.0f on %s", p.Class, cols[0].Mark, cols[0].Framework, c.Mark, c.Framework)
			}
		}
	}
	return problems, split, stacked
}

// TestRowPagesOnALaptop opens every row page of every pair at 1366×768, once each: its top
// must answer (checkRowScreen), and its code fit and line up (checkCode); so must the code
// of every guide. It logs where the ORM row's answer sits and how many pairs went side by
// side.
func TestRowPagesOnALaptop(t *testing.T) {
	ts, s := startShipped(t)
	all := rowPages(s)
	var guides []string
	for _, g := range s.Guides {
		if len(g.Body.CodeGroups) > 0 {
			guides = append(guides, g.Path())
		}
	}
	ctx := newBrowserFor(t, 3*time.Minute)
	var lowest float64 // the lowest bottom of the cells, over every row page
	pages, blocks, split, stacked := 0, 0, 0, 0
	for _, path := range append(all, guides...) {
		do(t, ctx, emulate(desktop), chromedp.Navigate(ts.URL+path), chromedp.WaitReady(chromedp.CSS("main")))
		var problems []string
		if strings.HasPrefix(path, "/compare/") {
			sc := eval[rowScreen](t, ctx, measureRowScreen)
			problems = checkRowScreen(sc, desktop)
			for _, c := range sc.Cells {
				lowest = max(lowest, c.Bottom)
			}
			if path == "/compare/flask-vs-django/orm" {
				logRowScreen(t, path, desktop, sc)
			}
		}
		l := eval[codeLayout](t, ctx, measureCode)
		codeProblems, sp, st := checkCode(l)
		problems = append(problems, codeProblems...)
		if len(problems) > 0 {
			t.Errorf("%s at %s:\n  %s", path, desktop.name, strings.Join(problems, "\n  "))
		}
		if len(l.Blocks) > 0 {
			pages++
		}
		blocks += len(l.Blocks)
		split += sp
		stacked += st
	}
	t.Logf("at %s: %d row pages, their cells ending by %.0f px on every one; %d pages with code (row pages and guides): %d code blocks, %d pairs side by side, %d stacked",
		desktop.name, len(all), lowest, pages, blocks, split, stacked)
	if split == 0 || stacked == 0 {
		t.Errorf("%d pairs side by side and %d stacked: the layout chose one for all", split, stacked)
	}
	// Narrower, a pair side by side at 1366 px either still fits or is stacked.
	for _, path := range []string{"/compare/flask-vs-django/mtv-pattern", "/compare/flask-vs-django/url-routing", "/compare/flask-vs-fastapi/template-inheritance"} {
		for _, v := range []viewport{{"1024x768", 1024, 768, false}, {"800x600", 800, 600, false}} {
			do(t, ctx, emulate(v), chromedp.Navigate(ts.URL+path), chromedp.WaitReady(chromedp.CSS("main")))
			l := eval[codeLayout](t, ctx, measureCode)
			problems, _, _ := checkCode(l)
			if len(problems) > 0 {
				t.Errorf("%s at %s:\n  %s", path, v.name, strings.Join(problems, "\n  "))
			}
		}
	}
}

// TestRowPagesOnAPhone opens every row page of every pair at 390×844: its top must answer
// (checkRowScreen), the page must be no wider than the phone (code scrolls inside its
// block) and every pair stacked.
func TestRowPagesOnAPhone(t *testing.T) {
	ts, s := startShipped(t)
	all := rowPages(s)
	ctx := newBrowserFor(t, 3*time.Minute)
	var lowest float64 // the lowest bottom of the reason, over every row page
	for _, path := range all {
		do(t, ctx, emulate(phone), chromedp.Navigate(ts.URL+path), chromedp.WaitReady(chromedp.CSS(".row-page")))
		sc := eval[rowScreen](t, ctx, measureRowScreen)
		problems := checkRowScreen(sc, phone)
		lowest = max(lowest, sc.Reason.Bottom)
		if path == "/compare/flask-vs-django/orm" || path == "/compare/flask-vs-django/admin" {
			logRowScreen(t, path, phone, sc)
		}
		l := eval[codeLayout](t, ctx, measureCode)
		for _, p := range l.Pairs {
			if p.Split {
				problems = append(problems, fmt.Sprintf("pair %q is side by side on a phone", p.Class))
			}
		}
		if len(problems) > 0 {
			t.Errorf("%s at %s:\n  %s", path, phone.name, strings.Join(problems, "\n  "))
		}
	}
	t.Logf("at %s: %d row pages, their reason ending by %.0f px on every one", phone.name, len(all), lowest)
}

func logRowScreen(t *testing.T, path string, v viewport, sc rowScreen) {
	t.Helper()
	if len(sc.Cells) != 2 {
		return
	}
	t.Logf("%s at %s: title %v, verdict %v (%q), reason %v, cells %v and %v, explanation from %.0f px",
		path, v.name, sc.Title, sc.Verdict, sc.VerdictText, sc.Reason, sc.Cells[0].box, sc.Cells[1].box, sc.Explanation.Top)
}

// TestBlockMarkOpensItsCheck follows a block's "Runs on …" mark with scripts off: the
// browser opens its sample's mark and shows what the run checks below the site header.
func TestBlockMarkOpensItsCheck(t *testing.T) {
	ts := startSite(t)
	ctx := newBrowser(t)
	call(t, ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	for _, path := range []string{"/compare/flask-vs-django/orm", "/compare/django-vs-fastapi/background-tasks"} {
		do(t, ctx, emulate(desktop), chromedp.Navigate(ts.URL+path), chromedp.WaitReady(chromedp.CSS(".code-runs a")))
		// The last column's first block: its mark is below the first screen.
		sel := `.code-column:last-child .code-runs a`
		do(t, ctx, chromedp.ScrollIntoView(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(sel)), chromedp.Sleep(300*time.Millisecond))
		got := eval[map[string]any](t, ctx, `(() => {
			const t = document.querySelector(":target");
			const d = t && t.closest("details.sample-mark");
			return {
				target: t ? t.id : "", open: !!(d && d.open),
				top: t ? t.getBoundingClientRect().top : -1,
				summary: d ? d.querySelector("summary").getBoundingClientRect().top : -1,
				header: document.querySelector(".site-header").getBoundingClientRect().bottom,
				text: t ? t.textContent : "",
			};
		})()`)
		t.Logf("%s: %v", path, got)
		top, summary, header := got["top"].(float64), got["summary"].(float64), got["header"].(float64)
		if got["open"] != true || !strings.Contains(got["text"].(string), "Expects") || summary < header || top > 768 {
			t.Errorf("%s: following a block's mark shows %v", path, got)
		}
	}
	if only := eval[string](t, ctx, `document.querySelector(".code-column[data-framework=django] .code-runs").textContent`); !strings.HasPrefix(only, "Django 6.0+ only. Runs on Django 6.1.") {
		t.Errorf("a ranged sample's blocks read %q", only)
	}
}
