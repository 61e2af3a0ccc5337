package components

import "github.com/versus-dev/versus/web/site"

// Picker is the pair picker: a GET form with lists of subjects that the server turns into
// the canonical address of the pair, or with a third subject of the table of the three,
// so it works without JavaScript.
type Picker struct {
	Action   string
	Subjects []Subject
	A, B     string // the subjects chosen, selected in the lists
	C        string // the optional third subject; "" for just the pair
}

// NewPicker returns the picker over every subject of s, with a and b selected (when ""
// the first two subjects are).
func NewPicker(s *site.Site, a, b string) Picker {
	p := Picker{Action: site.PickPath, A: a, B: b}
	for _, subj := range s.Subjects() {
		p.Subjects = append(p.Subjects, Subject{ID: subj.ID, Name: subj.Name})
	}
	if p.A == "" && len(p.Subjects) > 0 {
		p.A = p.Subjects[0].ID
	}
	if p.B == "" && len(p.Subjects) > 1 {
		p.B = p.Subjects[1].ID
	}
	return p
}

// PickPage is the page at /compare: the picker and every comparison on the site, and,
// when the query named no pair, what was wrong.
type PickPage struct {
	Shell   Shell
	Picker  Picker
	Problem string
	Pages   []Link // every pair and table, in declared order
}

// NewPickPage returns the picker's page with a, b and c selected; problem says why the
// query led nowhere ("" on the page itself).
func NewPickPage(f Frame, a, b, c, problem string) PickPage {
	p := PickPage{
		Shell:   f.Shell(site.PickPath, "Compare frameworks", "Pick any two frameworks to compare them row by row, or three for the table of all three."),
		Picker:  NewPicker(f.Site, a, b),
		Problem: problem,
	}
	p.Picker.C = c
	for _, t := range f.Site.Tables {
		for _, pair := range t.Pairs {
			p.Pages = append(p.Pages, Link{Title: pair.Title, URL: pair.Path()})
		}
		if t.IsTable() {
			p.Pages = append(p.Pages, Link{Title: t.Title + ": every cell", URL: t.Path()})
		}
	}
	if problem != "" {
		p.Shell.Meta.NoIndex = true
	}
	return p
}
