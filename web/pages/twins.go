package pages

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"

	"github.com/versus-dev/versus/web/site"
)

// The machine-readable twins of the comparison and its rows. They are rendered from the
// same model as the HTML; the JSON field names are part of the public interface
// (documented in README.md), so change them only with care.

// ComparisonJSON is the shape of /compare/<pair>.json.
type ComparisonJSON struct {
	Title      string         `json:"title"`
	URL        string         `json:"url"`
	Summary    string         `json:"summary"`
	Answer     string         `json:"answer,omitempty"` // the short answer the page opens on
	Reviewed   string         `json:"reviewed"`
	Subjects   []SubjectJSON  `json:"subjects"`
	Categories []CategoryJSON `json:"categories"`
	Rows       []RowJSON      `json:"rows"`
}

// TableJSON is the shape of /compare/<a>-vs-<b>-vs-<c>.json, the table of every subject:
// every cell, and each pair's verdict and summary of each row.
type TableJSON struct {
	Title      string         `json:"title"`
	URL        string         `json:"url"`
	Summary    string         `json:"summary"`
	Reviewed   string         `json:"reviewed"`
	Subjects   []SubjectJSON  `json:"subjects"`
	Pairs      []PairJSON     `json:"pairs"`
	Categories []CategoryJSON `json:"categories"`
	Rows       []TableRowJSON `json:"rows"`
}

// PairJSON is one pair of the table's subjects: its page, and the page's summary and
// short answer.
type PairJSON struct {
	ID       string   `json:"id"` // flask-vs-django
	Title    string   `json:"title"`
	URL      string   `json:"url"`
	Subjects []string `json:"subjects"`
	Summary  string   `json:"summary"`
	Answer   string   `json:"answer,omitempty"`
}

// TableRowJSON is a row of the table of every subject: a cell per subject, and a
// verdict per pair keyed by the pair's id.
type TableRowJSON struct {
	ID       string                 `json:"id"`
	Title    string                 `json:"title"`
	Category string                 `json:"category"`
	Kind     string                 `json:"kind"`
	URL      string                 `json:"url"` // the row in the table
	Cells    map[string]CellJSON    `json:"cells"`
	Pairs    map[string]VerdictJSON `json:"pairs"`
	Aliases  []string               `json:"aliases"`
	Sources  []SourceJSON           `json:"sources"`
	Reviewed string                 `json:"reviewed"`
}

// VerdictJSON is one pair's verdict on a row of the table, with the pair's row page.
type VerdictJSON struct {
	Verdict  string `json:"verdict"` // one of the pair's subject ids, or "tie"
	Summary  string `json:"summary"`
	URL      string `json:"url"`
	Reviewed string `json:"reviewed"`
}

// SubjectJSON is a subject in the JSON twins.
type SubjectJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// CategoryJSON is a category in the JSON twins.
type CategoryJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// RowJSON is a row, as listed in /compare/<pair>.json and served alone at
// /compare/<pair>/<row>.json.
type RowJSON struct {
	ID       string              `json:"id"`
	Title    string              `json:"title"`
	Category string              `json:"category"`
	Kind     string              `json:"kind"` // feature, or trait: its cells have no support
	URL      string              `json:"url"`
	Summary  string              `json:"summary"`
	Verdict  string              `json:"verdict"`
	Cells    map[string]CellJSON `json:"cells"`
	Aliases  []string            `json:"aliases"`
	Sources  []SourceJSON        `json:"sources"`
	Reviewed string              `json:"reviewed"`
}

// CellJSON is one subject's value in a row.
type CellJSON struct {
	Support string `json:"support,omitempty"` // absent in a trait row
	Text    string `json:"text"`
}

// SourceJSON is a row's source.
type SourceJSON struct {
	Title    string   `json:"title"`
	URL      string   `json:"url"`
	Read     string   `json:"read"`
	Subjects []string `json:"subjects,omitempty"` // in the table's twin: the subjects it documents, when not all
}

const isoDate = "2006-01-02"

func (r *Renderer) rowJSON(row *site.Row) RowJSON {
	v := RowJSON{
		ID: row.ID, Title: row.Title, Category: row.Category.ID, Kind: string(row.Kind), URL: r.AbsoluteURL(row.Path()),
		Summary: row.Summary, Verdict: row.Verdict, Cells: cellsJSON(row),
		Aliases: append([]string{}, row.Aliases...), Reviewed: row.Reviewed.Format(isoDate),
	}
	for _, s := range row.Sources {
		v.Sources = append(v.Sources, SourceJSON{Title: s.Title, URL: s.URL, Read: s.Read.Format(isoDate)})
	}
	return v
}

func cellsJSON(row *site.Row) map[string]CellJSON {
	out := map[string]CellJSON{}
	for _, c := range row.Cells {
		out[c.Subject.ID] = CellJSON{Support: string(c.Support), Text: c.Text}
	}
	return out
}

func subjectsJSON(c *site.Comparison) []SubjectJSON {
	var out []SubjectJSON
	for _, s := range c.Subjects {
		out = append(out, SubjectJSON{ID: s.ID, Name: s.Name})
	}
	return out
}

func categoriesJSON(c *site.Comparison) []CategoryJSON {
	var out []CategoryJSON
	for _, cat := range c.Categories {
		out = append(out, CategoryJSON{ID: cat.ID, Title: cat.Title})
	}
	return out
}

func (r *Renderer) tableJSON(t *site.Comparison) TableJSON {
	v := TableJSON{
		Title: t.Title, URL: r.AbsoluteURL(t.Path()), Summary: t.Summary, Reviewed: t.Reviewed.Format(isoDate),
		Subjects: subjectsJSON(t), Categories: categoriesJSON(t),
	}
	for _, p := range t.Pairs {
		v.Pairs = append(v.Pairs, PairJSON{
			ID: p.Slug, Title: p.Title, URL: r.AbsoluteURL(p.Path()),
			Subjects: []string{p.Subjects[0].ID, p.Subjects[1].ID}, Summary: p.Summary, Answer: p.Answer,
		})
	}
	for _, row := range t.Rows {
		tr := TableRowJSON{
			ID: row.ID, Title: row.Title, Category: row.Category.ID, Kind: string(row.Kind),
			URL: r.AbsoluteURL(row.TablePath()), Cells: cellsJSON(row), Pairs: map[string]VerdictJSON{},
			Aliases: append([]string{}, row.Aliases...), Reviewed: row.Reviewed.Format(isoDate),
		}
		for _, pr := range row.InPairs() {
			tr.Pairs[pr.Comparison.Slug] = VerdictJSON{
				Verdict: pr.Verdict, Summary: pr.Summary, URL: r.AbsoluteURL(pr.Path()), Reviewed: pr.Reviewed.Format(isoDate),
			}
		}
		for _, s := range row.Sources {
			tr.Sources = append(tr.Sources, SourceJSON{Title: s.Title, URL: s.URL, Read: s.Read.Format(isoDate), Subjects: s.Subjects})
		}
		v.Rows = append(v.Rows, tr)
	}
	return v
}

func (r *Renderer) comparisonJSON(c *site.Comparison) ComparisonJSON {
	v := ComparisonJSON{
		Title: c.Title, URL: r.AbsoluteURL(c.Path()), Summary: c.Summary, Answer: c.Answer, Reviewed: c.Reviewed.Format(isoDate),
	}
	v.Subjects, v.Categories = subjectsJSON(c), categoriesJSON(c)
	for _, row := range c.Rows {
		v.Rows = append(v.Rows, r.rowJSON(row))
	}
	return v
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encoding JSON: %w", err)
	}
	return nil
}

// comparisonCSV writes one line per row: id, title, category, verdict, summary, then
// support and text for each subject, the row's URL, its reviewed date and its kind
// (last, so the columns of before keep their places).
func (r *Renderer) comparisonCSV(w io.Writer, c *site.Comparison) error {
	header := []string{"id", "title", "category", "verdict", "summary"}
	for _, s := range c.Subjects {
		header = append(header, s.ID+"_support", s.ID+"_text")
	}
	header = append(header, "url", "reviewed", "kind")
	records := [][]string{header}
	for _, row := range c.Rows {
		rec := []string{row.ID, row.Title, row.Category.ID, row.Verdict, row.Summary}
		for _, cell := range row.Cells {
			rec = append(rec, string(cell.Support), cell.Text)
		}
		records = append(records, append(rec, r.AbsoluteURL(row.Path()), row.Reviewed.Format(isoDate), string(row.Kind)))
	}
	return writeCSV(w, records)
}

// tableCSV writes one line per row of the table of every subject: id, title, category,
// kind, support and text for each subject, verdict and summary for each pair, the row's
// URL in the table and its reviewed date.
func (r *Renderer) tableCSV(w io.Writer, t *site.Comparison) error {
	header := []string{"id", "title", "category", "kind"}
	for _, s := range t.Subjects {
		header = append(header, s.ID+"_support", s.ID+"_text")
	}
	for _, p := range t.Pairs {
		header = append(header, p.Slug+"_verdict", p.Slug+"_summary")
	}
	header = append(header, "url", "reviewed")
	records := [][]string{header}
	for _, row := range t.Rows {
		rec := []string{row.ID, row.Title, row.Category.ID, string(row.Kind)}
		for _, cell := range row.Cells {
			rec = append(rec, string(cell.Support), cell.Text)
		}
		for _, pr := range row.InPairs() {
			rec = append(rec, pr.Verdict, pr.Summary)
		}
		records = append(records, append(rec, r.AbsoluteURL(row.TablePath()), row.Reviewed.Format(isoDate)))
	}
	return writeCSV(w, records)
}

func writeCSV(w io.Writer, records [][]string) error {
	var buf bytes.Buffer
	if err := csv.NewWriter(&buf).WriteAll(records); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
