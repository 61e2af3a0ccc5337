// Package preview draws the link-preview image of every page (Open Graph's og:image, shown
// by chats, issue trackers and social sites when a link is pasted): a 1200×630 PNG saying
// what the page says at a glance. A row's image shows its pair, title, verdict and reason;
// a pair's, its tally; the table's, each pair's tally; a guide's or a profile's, its title
// and summary; any other page's, the site's name and what the page is.
//
// A Card describes one image (the constructors below make them from the content model);
// Draw draws it, in Go Regular and Go Bold (golang.org/x/image/font/gofont, parsed once,
// on first use), as a paletted PNG. A Set holds the cards of one site by the images'
// paths. Drawing one takes ~10 ms, so the server draws them on request and caches a few
// (web/server), and the static export draws them all (web/export).
package preview

import (
	"strconv"
	"strings"

	"github.com/versus-dev/versus/web/site"
)

// The images' format, for the <meta> tags that announce them.
const (
	Width       = 1200
	Height      = 630
	ContentType = "image/png"
)

// Card is what one preview image shows.
type Card struct {
	Site    string   // the site's name, at the top left
	Kind    string   // what the page is, at the top right: "Feature row", "Guide"
	Kicker  string   // the line above the title: the pair and category of a row
	Title   string   // the largest text; wrapped onto up to three lines
	Verdict *Verdict // a row's verdict and its reason
	Text    string   // a summary under the title, as far as it fits
	Tallies []Tally  // a pair's tally, or each pair's of a table
	// Subjects are named along the bottom of a page that is about all of them (the home
	// page, search), in their colours.
	Subjects []Subject
	Alt      string // what the image says, in a sentence or two, for og:image:alt
}

// Verdict is a row's verdict in a pair, in words.
type Verdict struct {
	Words  string // "Django is the better fit", or "A tie"
	Reason string // the pair's one-sentence summary of the row
	Colour int    // the winner's colour (see Subject), or -1 for a tie
}

// Tally is how a pair's rows came out.
type Tally struct {
	Title    string // "Flask vs Django"
	Subjects [2]Subject
	Counts   site.Counts
}

// Subject is a subject as a tally shows it.
type Subject struct {
	Name   string
	Colour int // the subject's place among its comparison's subjects, so each keeps one colour on every card
}

// ForRow is the card of a row page: the pair, the row, the verdict and its reason.
func ForRow(siteName string, row *site.Row) Card {
	c := row.Comparison
	v := &Verdict{Words: "A tie", Reason: row.Summary, Colour: -1}
	for _, s := range c.Subjects {
		if s.ID == row.Verdict {
			v.Words = s.Name + " is the better fit"
			v.Colour = subjectColour(c, s.ID)
		}
	}
	return Card{
		Site:    siteName,
		Kind:    "Feature row",
		Kicker:  c.Title + " › " + row.Category.Title,
		Title:   row.Title,
		Verdict: v,
		Alt:     c.Title + ", " + row.Title + ": " + v.Words + ". " + sentence(row.Summary),
	}
}

// ForPair is the card of a pair's page: the rows each subject is the better fit for, and
// the ties.
func ForPair(siteName string, c *site.Comparison) Card {
	t := pairTally(c)
	return Card{
		Site:    siteName,
		Kind:    "Comparison",
		Kicker:  "The better fit in each of " + rows(t.Counts.Total()),
		Title:   c.Title,
		Tallies: []Tally{t},
		Alt:     c.Title + ", over " + rows(t.Counts.Total()) + ": " + tallySentence(t) + ".",
	}
}

// ForTable is the card of the table of three subjects or more: each pair's tally.
func ForTable(siteName string, t *site.Comparison) Card {
	card := Card{Site: siteName, Kind: "Table of all " + number(len(t.Subjects)), Title: t.Title}
	var sentences []string
	for _, p := range t.Pairs {
		pt := pairTally(p)
		card.Tallies = append(card.Tallies, pt)
		sentences = append(sentences, p.Title+": "+tallySentence(pt))
	}
	card.Alt = t.Title + ", " + rows(len(t.Rows)) + " compared pair by pair. " + strings.Join(sentences, ". ") + "."
	return card
}

// ForGuide is the card of a guide: its title and summary.
func ForGuide(siteName string, g *site.Guide) Card {
	return Card{
		Site: siteName, Kind: "Guide", Kicker: strconv.Itoa(g.ReadingMinutes()) + "-minute read",
		Title: g.Title, Text: g.Summary,
		Alt: sentence("Guide: "+g.Title) + " " + sentence(g.Summary),
	}
}

// ForFramework is the card of a framework profile: its name and summary.
func ForFramework(siteName string, f *site.Framework) Card {
	return Card{
		Site: siteName, Kind: "Framework profile", Title: f.Title, Text: f.Summary,
		Alt: f.Title + ", framework profile: " + sentence(f.Summary),
	}
}

// ForPage is the card of any other page: the site's name, what the page is (kind, "" for
// none), its title and a line about it, and the subjects s compares.
func ForPage(siteName string, s *site.Site, kind, title, text string) Card {
	alt := siteName
	if kind != "" {
		alt += ", " + strings.ToLower(kind[:1]) + kind[1:]
	}
	if title != "" && title != siteName {
		alt += ": " + title
	}
	alt = sentence(alt)
	if text != "" {
		alt += " " + sentence(text)
	}
	card := Card{Site: siteName, Kind: kind, Title: title, Text: text, Alt: alt}
	for i, subj := range s.Subjects() {
		card.Subjects = append(card.Subjects, Subject{Name: subj.Name, Colour: i})
	}
	return card
}

// sentence ends s with a full stop, unless it ends in one already (or in ? or !).
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

func pairTally(c *site.Comparison) Tally {
	t := Tally{Title: c.Title, Counts: c.Tally().Counts}
	for i, s := range c.Subjects[:2] {
		t.Subjects[i] = Subject{Name: s.Name, Colour: subjectColour(c, s.ID)}
	}
	return t
}

// subjectColour is the subject's place among the subjects of the comparison as written
// (c.Table), so that Django has the same colour on every pair's card.
func subjectColour(c *site.Comparison, id string) int {
	table := c
	if c.Table != nil {
		table = c.Table
	}
	for i, s := range table.Subjects {
		if s.ID == id {
			return i
		}
	}
	return 0
}

// tallySentence says a tally in words: "Flask is the better fit for 12 rows, Django for 30,
// and 30 are ties".
func tallySentence(t Tally) string {
	n := t.Counts
	return t.Subjects[0].Name + " is the better fit for " + rows(n.Wins[0]) + ", " +
		t.Subjects[1].Name + " for " + strconv.Itoa(n.Wins[1]) + ", and " + ties(n.Ties)
}

// number is n in words up to nine, as prose writes it.
func number(n int) string {
	if n >= 0 && n < 10 {
		return [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}[n]
	}
	return strconv.Itoa(n)
}

func rows(n int) string {
	if n == 1 {
		return "1 row"
	}
	return strconv.Itoa(n) + " rows"
}

func ties(n int) string {
	switch n {
	case 0:
		return "none are ties"
	case 1:
		return "1 is a tie"
	}
	return strconv.Itoa(n) + " are ties"
}
