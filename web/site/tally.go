package site

// A pair's verdicts counted: the rows each subject is the better fit for and the ties, in
// all and by category.

// Tally is how a pair's rows came out: the rows each subject is the better fit for, and
// the ties, in all and per category. It is what a pair page opens on and what its preview
// image shows.
type Tally struct {
	Counts     Counts
	Categories []CategoryTally // in table order; categories without rows are left out
}

// Counts are verdicts counted over some rows of a pair.
type Counts struct {
	Wins [2]int // rows won by the pair's first and second subject, in subject order
	Ties int
}

// Total is the number of rows counted.
func (c Counts) Total() int { return c.Wins[0] + c.Wins[1] + c.Ties }

// CategoryTally is one category's share of a pair's tally.
type CategoryTally struct {
	Category *Category
	Counts   Counts
}

// Tally counts the verdicts of a pair's rows. A table of three subjects or more has no
// verdicts of its own (its pairs do), so its tally is empty.
func (c *Comparison) Tally() Tally {
	var t Tally
	if c.IsTable() || len(c.Subjects) != 2 {
		return t
	}
	for _, cat := range c.Categories {
		ct := CategoryTally{Category: cat}
		for _, r := range cat.Rows {
			ct.Counts.add(c, r.Verdict)
			t.Counts.add(c, r.Verdict)
		}
		if ct.Counts.Total() > 0 {
			t.Categories = append(t.Categories, ct)
		}
	}
	return t
}

func (n *Counts) add(c *Comparison, verdict string) {
	switch verdict {
	case c.Subjects[0].ID:
		n.Wins[0]++
	case c.Subjects[1].ID:
		n.Wins[1]++
	default:
		n.Ties++
	}
}
