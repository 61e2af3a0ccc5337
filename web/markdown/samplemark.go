package markdown

import (
	"html/template"

	"github.com/yuin/goldmark/util"
)

// SampleMark is what the page says of one sample (one framework's blocks within a code
// pair): which releases the sample is right for, which CI ran it on and what the run
// checks; under the sample in full, and in short in the header of each of its blocks. The
// content model fills it in (web/site); writeSampleMark and writeBlockMark are its only
// markup.
type SampleMark struct {
	Only    string // "Django 6.1+ only" when the sample is right for some releases; else ""
	Summary string // "Tested on Django 5.2.19 (Python 3.11) and 6.1.3 (Python 3.13)"; "" when nothing ran it
	// Runs is the short form each block's header shows: "Runs on Django 5.2.19 and 6.1.3";
	// "" when nothing ran it.
	Runs    string
	Details []MarkDetail // what the run sends and expects, shown when the reader opens the mark
	Link    string       // the page that explains how samples are run; "" for none
	// LinkText is the link's text, the page's title.
	LinkText string
}

// MarkDetail is one labelled line of a mark's details: "Request: GET /posts".
type MarkDetail struct {
	Label string
	Parts []MarkPart
}

// MarkPart is a run of a detail's text: plain, code, or a quoted value.
type MarkPart struct {
	Text  string
	Code  bool
	Quote bool
}

// SampleMarker returns the mark of a framework's sample, given its blocks, or nil for none.
type SampleMarker func(framework string, blocks []CodeBlock) *SampleMark

// writeSampleMark writes a mark as one element: a <details> whose summary says which
// releases CI ran the sample on (readable with JavaScript off), or, for a sample nothing
// ran, a paragraph saying which releases it is for. Its list of what the run checks has
// the id checkID (when not ""), which each block's header links to; a browser following
// the link opens the <details>.
//
//	<details class="sample-mark"><summary><span class="sample-only">Django 6.1+ only.</span>
//	Tested on Django 6.1.3 (Python 3.13)</summary><dl class="sample-check" id="sample-1-django">…</dl>
//	<p class="sample-how"><a href="/guides/…">…</a></p></details>
func writeSampleMark(w util.BufWriter, m *SampleMark, checkID string) {
	esc := template.HTMLEscapeString
	only := ""
	if m.Only != "" {
		only = `<span class="sample-only">` + esc(m.Only) + `</span>`
	}
	if m.Summary == "" {
		_, _ = w.WriteString(`<p class="sample-mark">` + only + "</p>\n")
		return
	}
	if only != "" {
		only = `<span class="sample-only">` + esc(m.Only) + `.</span> `
	}
	_, _ = w.WriteString(`<details class="sample-mark"><summary>` + only + esc(m.Summary) + "</summary>\n")
	if len(m.Details) > 0 {
		id := ""
		if checkID != "" {
			id = ` id="` + esc(checkID) + `"`
		}
		_, _ = w.WriteString(`<dl class="sample-check"` + id + `>`)
		for _, d := range m.Details {
			_, _ = w.WriteString("<dt>" + esc(d.Label) + "</dt><dd>")
			for _, p := range d.Parts {
				switch {
				case p.Code:
					_, _ = w.WriteString("<code>" + esc(p.Text) + "</code>")
				case p.Quote:
					_, _ = w.WriteString("<q>" + esc(p.Text) + "</q>")
				default:
					_, _ = w.WriteString(esc(p.Text))
				}
			}
			_, _ = w.WriteString("</dd>")
		}
		_, _ = w.WriteString("</dl>\n")
	}
	if m.Link != "" {
		_, _ = w.WriteString(`<p class="sample-how"><a href="` + esc(m.Link) + `">` + esc(m.LinkText) + "</a></p>\n")
	}
	_, _ = w.WriteString("</details>\n")
}

// writeBlockMark writes the short form of a sample's mark into the header of each of its
// blocks: the releases it is for, and those CI ran it on, linking to what the run checks
// (checkID, in the mark under the sample).
//
//	<span class="code-runs"><span class="sample-only">Django 6.1+ only.</span>
//	<a class="sample-runs" href="#sample-1-django">Runs on Django 6.1.3</a></span>
func writeBlockMark(w util.BufWriter, m *SampleMark, checkID string) {
	esc := template.HTMLEscapeString
	if m.Only == "" && m.Runs == "" {
		return
	}
	_, _ = w.WriteString(` <span class="code-runs">`)
	if m.Only != "" {
		dot := ""
		if m.Runs != "" {
			dot = "."
		}
		_, _ = w.WriteString(`<span class="sample-only">` + esc(m.Only) + dot + `</span>`)
		if m.Runs != "" {
			_, _ = w.WriteString(" ")
		}
	}
	switch {
	case m.Runs == "":
	case checkID != "" && m.Summary != "" && len(m.Details) > 0:
		_, _ = w.WriteString(`<a class="sample-runs" href="#` + esc(checkID) + `">` + esc(m.Runs) + `</a>`)
	default:
		_, _ = w.WriteString(`<span class="sample-runs">` + esc(m.Runs) + `</span>`)
	}
	_, _ = w.WriteString(`</span>`)
}
