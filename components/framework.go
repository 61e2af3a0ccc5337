package components

import (
	"github.com/a-h/templ"

	"github.com/versus-dev/versus/web/site"
)

// FrameworkPage is a subject's profile.
type FrameworkPage struct {
	Shell       Shell
	Title       string
	Summary     string
	Facts       []Fact
	Comparisons []ProfileComparison // every comparison of the subject: its pairs, then the tables
	Links       []Link
	Body        templ.Component
	Sources     []Source
	Reviewed    string
}

// ProfileComparison is a comparison a profile links to, with its decision helper.
type ProfileComparison struct {
	Title     string
	URL       string
	ChooseURL string // "" when the comparison has no decision helper
}

// Fact is a labelled fact on a profile.
type Fact struct {
	Label string
	Value string
}

// NewFrameworkPage returns the profile page of fw, linking to every comparison of fw: each
// pair with it, then the table of all subjects, each with its decision helper.
func NewFrameworkPage(f Frame, fw *site.Framework) FrameworkPage {
	p := FrameworkPage{
		Shell:    f.Shell(fw.Path(), fw.Title, fw.Summary),
		Title:    fw.Title,
		Summary:  fw.Summary,
		Body:     templ.Raw(string(fw.Body.HTML)),
		Sources:  newSources(fw.Sources),
		Reviewed: date(fw.Reviewed),
	}
	for _, fact := range fw.Facts {
		p.Facts = append(p.Facts, Fact{Label: fact.Label, Value: fact.Value})
	}
	for _, l := range fw.Links {
		p.Links = append(p.Links, Link{Title: l.Title, URL: l.URL})
	}
	for _, t := range f.Site.Tables {
		if !t.Has(fw.ID) {
			continue
		}
		comparisons := t.Pairs
		if t.IsTable() {
			comparisons = append(comparisons[:len(comparisons):len(comparisons)], t)
		}
		for _, c := range comparisons {
			if !c.Has(fw.ID) {
				continue
			}
			pc := ProfileComparison{Title: c.Title, URL: c.Path()}
			if c.Choose != nil {
				pc.ChooseURL = c.ChoosePath()
			}
			p.Comparisons = append(p.Comparisons, pc)
		}
	}
	return p
}
