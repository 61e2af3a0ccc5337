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
	Reviewed   string         `json:"reviewed"`
	Subjects   []SubjectJSON  `json:"subjects"`
	Categories []CategoryJSON `json:"categories"`
	Rows       []RowJSON      `json:"rows"`
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
	Support string `json:"support"`
	Text    string `json:"text"`
}

// SourceJSON is a row's source.
type SourceJSON struct {
	Title string `json:"title"`
	URL   string `json:"url"`
	Read  string `json:"read"`
}

const isoDate = "2006-01-02"

func (r *Renderer) rowJSON(row *site.Row) RowJSON {
	v := RowJSON{
		ID: row.ID, Title: row.Title, Category: row.Category.ID, URL: r.AbsoluteURL(row.Path()),
		Summary: row.Summary, Verdict: row.Verdict, Cells: map[string]CellJSON{},
		Aliases: append([]string{}, row.Aliases...), Reviewed: row.Reviewed.Format(isoDate),
	}
	for _, c := range row.Cells {
		v.Cells[c.Subject.ID] = CellJSON{Support: string(c.Support), Text: c.Text}
	}
	for _, s := range row.Sources {
		v.Sources = append(v.Sources, SourceJSON{Title: s.Title, URL: s.URL, Read: s.Read.Format(isoDate)})
	}
	return v
}

func (r *Renderer) comparisonJSON(c *site.Comparison) ComparisonJSON {
	v := ComparisonJSON{
		Title: c.Title, URL: r.AbsoluteURL(c.Path()), Summary: c.Summary, Reviewed: c.Reviewed.Format(isoDate),
	}
	for _, s := range c.Subjects {
		v.Subjects = append(v.Subjects, SubjectJSON{ID: s.ID, Name: s.Name})
	}
	for _, cat := range c.Categories {
		v.Categories = append(v.Categories, CategoryJSON{ID: cat.ID, Title: cat.Title})
	}
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
// support and text for each subject, the row's URL and its reviewed date.
func (r *Renderer) comparisonCSV(w io.Writer, c *site.Comparison) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	header := []string{"id", "title", "category", "verdict", "summary"}
	for _, s := range c.Subjects {
		header = append(header, s.ID+"_support", s.ID+"_text")
	}
	header = append(header, "url", "reviewed")
	_ = cw.Write(header)
	for _, row := range c.Rows {
		rec := []string{row.ID, row.Title, row.Category.ID, row.Verdict, row.Summary}
		for _, cell := range row.Cells {
			rec = append(rec, string(cell.Support), cell.Text)
		}
		rec = append(rec, r.AbsoluteURL(row.Path()), row.Reviewed.Format(isoDate))
		_ = cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
