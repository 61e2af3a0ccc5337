package components

import "github.com/versus-dev/versus/web/site"

// LegendItem explains a support level.
type LegendItem struct {
	Support     string
	Label       string
	Description string
}

// newLegend lists the support levels that appear in rows, in legend order.
func newLegend(rows []*site.Row) []LegendItem {
	used := map[site.Support]bool{}
	for _, row := range rows {
		for _, c := range row.Cells {
			used[c.Support] = true
		}
	}
	var out []LegendItem
	for _, s := range site.SupportLevels {
		if used[s] {
			out = append(out, LegendItem{Support: string(s), Label: s.Label(), Description: s.Description()})
		}
	}
	return out
}
