package components

import (
	"github.com/a-h/templ"

	"github.com/versus-dev/versus/web/site"
)

// FrameworkPage is a subject's profile.
type FrameworkPage struct {
	Shell    Shell
	Title    string
	Summary  string
	Facts    []Fact
	Links    []Link
	Body     templ.Component
	Sources  []Source
	Reviewed string
}

// Fact is a labelled fact on a profile.
type Fact struct {
	Label string
	Value string
}

// NewFrameworkPage returns the profile page of fw.
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
	return p
}
