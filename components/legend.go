package components

import "github.com/versus-dev/versus/web/site"

// Legend explains the labels of the rows a page shows: each support level used, once,
// that trait rows carry none, and what marks a verdict.
type Legend struct {
	Items  []LegendItem
	Traits bool // some rows shown describe the frameworks, and carry no support label
	Table  bool // the table of every subject: cells say which subjects they beat
}

// LegendItem explains a support level.
type LegendItem struct {
	Support     string
	Label       string
	Description string
}

// newLegend lists the support levels that appear in rows, in legend order.
func newLegend(c *site.Comparison, rows []*site.Row) Legend {
	l := Legend{Table: c.IsTable()}
	used := map[site.Support]bool{}
	for _, row := range rows {
		if row.Kind == site.KindTrait {
			l.Traits = true
		}
		for _, c := range row.Cells {
			used[c.Support] = true
		}
	}
	for _, s := range site.SupportLevels {
		if used[s] {
			l.Items = append(l.Items, LegendItem{Support: string(s), Label: s.Label(), Description: s.Description()})
		}
	}
	return l
}

// Empty reports whether the legend has nothing to explain (no row is shown).
func (l Legend) Empty() bool { return len(l.Items) == 0 && !l.Traits }
