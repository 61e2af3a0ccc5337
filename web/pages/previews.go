package pages

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/versus-dev/versus/components"
	"github.com/versus-dev/versus/web/preview"
	"github.com/versus-dev/versus/web/search"
	"github.com/versus-dev/versus/web/site"
)

// previews makes the card of every page's preview image, by the image's path: the same
// pages as jobs renders (the build checks that each has one), plus each error status's.
// Pages that are not about one row, pair, table, guide or profile show their own title
// and description.
func (r *Renderer) previews() (preview.Set, error) {
	s, name, f := r.site, r.cfg.SiteName, r.frame
	set := preview.Set{}
	var err error
	add := func(imagePath string, card preview.Card) {
		if _, taken := set[imagePath]; taken && err == nil {
			err = fmt.Errorf("two pages would share the preview image %s", imagePath)
		}
		set[imagePath] = card
	}
	page := func(pagePath, kind string, shell components.Shell) {
		add(site.PreviewPath(pagePath), preview.ForPage(name, s, kind, shell.Meta.Title, shell.Meta.Description))
	}
	// A decision helper's title ends with its comparison's ("Which should I choose? Flask
	// vs Django"); its image sets the comparison above the question.
	helper := func(c *site.Comparison) {
		shell := components.NewChoosePage(f, c, nil).Shell
		card := preview.ForPage(name, s, "Decision helper", shell.Meta.Title, shell.Meta.Description)
		if question, ok := strings.CutSuffix(card.Title, " "+c.Title); ok {
			card.Kicker, card.Title = c.Title, question
		}
		add(site.PreviewPath(c.ChoosePath()), card)
	}
	for _, c := range s.Comparisons {
		add(site.PreviewPath(c.Path()), preview.ForPair(name, c))
		if c.Choose != nil {
			helper(c)
		}
		for _, row := range c.Rows {
			add(site.PreviewPath(row.Path()), preview.ForRow(name, row))
		}
	}
	for _, t := range s.Tables {
		if !t.IsTable() {
			continue
		}
		add(site.PreviewPath(t.Path()), preview.ForTable(name, t))
		if t.Choose != nil {
			helper(t)
		}
	}
	if len(s.Comparisons) > 1 {
		page(site.PickPath, "Pair picker", components.NewPickPage(f, "", "", "", "").Shell)
	}
	for _, g := range s.Guides {
		add(site.PreviewPath(g.Path()), preview.ForGuide(name, g))
	}
	page(site.GuidesPath, "Guides", components.NewGuidesIndexPage(f).Shell)
	for _, fw := range s.Frameworks {
		add(site.PreviewPath(fw.Path()), preview.ForFramework(name, fw))
	}
	// The home page's title is the site's name, which the image's header already shows;
	// its description says what the site is.
	home := components.NewHomePage(f).Shell
	add(site.PreviewPath(site.HomePath), preview.ForPage(name, s, "", home.Meta.Description, ""))
	page(site.SearchPath, "Search", components.NewSearchPage(f, "", search.Results{}, "").Shell)
	for status := 400; status < 600; status++ {
		if http.StatusText(status) == "" {
			continue
		}
		p := components.NewErrorPage(f, status, "", "", nil)
		add(site.ErrorPreviewPath(status), preview.ForPage(name, s, "Error "+strconv.Itoa(status), p.Heading, p.Message))
	}
	return set, err
}
