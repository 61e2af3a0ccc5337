package pages

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/versus-dev/versus/web/site/sitetest"
)

func TestDiscovery(t *testing.T) {
	pages := renderAll(t, fixtureRenderer(t))
	var sitemap struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(pages["/sitemap.xml"].Body, &sitemap); err != nil {
		t.Fatal(err)
	}
	locs := map[string]string{}
	for _, u := range sitemap.URLs {
		locs[u.Loc] = u.LastMod
	}
	for _, p := range []string{"/", "/compare/flask-vs-django", "/compare/flask-vs-django/orm", "/compare/flask-vs-django/csrf", "/guides", "/guides/start-here", "/frameworks/flask"} {
		if lastmod, ok := locs["https://versus.example"+p]; !ok || lastmod != "2026-11-01" {
			t.Errorf("sitemap: %s has lastmod %q (listed: %v)", p, lastmod, ok)
		}
	}
	if len(locs) != 8 {
		t.Errorf("sitemap lists %d pages, want 8 (the HTML pages, /search included)", len(locs))
	}
	if !bytes.HasPrefix(pages["/sitemap.xml"].Body, []byte(xml.Header)) {
		t.Error("the sitemap has no XML declaration")
	}

	if got := string(pages["/robots.txt"].Body); got != "User-agent: *\nAllow: /\n\nSitemap: https://versus.example/sitemap.xml\n" {
		t.Errorf("robots.txt = %q", got)
	}

	feed := parseFeed(t, pages["/feed.xml"].Body)
	if feed.Title != "Versus" || feed.ID != "https://versus.example/" || feed.Updated != "2026-11-01T00:00:00Z" {
		t.Errorf("feed title %q, id %q, updated %q", feed.Title, feed.ID, feed.Updated)
	}
	if len(feed.Links) != 2 || feed.Links[0].Href != "https://versus.example/feed.xml" || feed.Links[0].Rel != "self" {
		t.Errorf("feed links = %+v", feed.Links)
	}
	// Changes of the same day are ordered by what changed, so the feed is stable.
	var ids []string
	for _, e := range feed.Entries {
		ids = append(ids, e.ID)
	}
	want := []string{
		"tag:versus.example,2026-11-01:compare/flask-vs-django",
		"tag:versus.example,2026-11-01:compare/flask-vs-django/csrf",
		"tag:versus.example,2026-11-01:compare/flask-vs-django/orm",
		"tag:versus.example,2026-11-01:frameworks/flask",
		"tag:versus.example,2026-11-01:guides/start-here",
	}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("feed entries = %v\nwant %v", ids, want)
	}
	if e := feed.Entries[2]; e.Title != "ORM (Flask vs Django)" || e.Link.Href != "https://versus.example/compare/flask-vs-django/orm" || e.Summary == "" || e.Content.Body != "" {
		t.Errorf("a row's entry = %+v", e)
	}

	open := string(pages["/opensearch.xml"].Body)
	for _, want := range []string{"<ShortName>Versus</ShortName>", `template="https://versus.example/search?q={searchTerms}"`} {
		if !strings.Contains(open, want) {
			t.Errorf("opensearch.xml lacks %s", want)
		}
	}
}

func TestSiteNameIsEscapedInXML(t *testing.T) {
	pages := renderAll(t, newRenderer(t, fixtureWithTie(), Config{SiteName: `A & "B"`}))
	if !strings.Contains(string(pages["/opensearch.xml"].Body), "<ShortName>A &amp; &#34;B&#34;</ShortName>") {
		t.Errorf("opensearch.xml = %s", pages["/opensearch.xml"].Body)
	}
	var feed struct {
		Title string `xml:"title"`
	}
	if err := xml.Unmarshal(pages["/feed.xml"].Body, &feed); err != nil || feed.Title != `A & "B"` {
		t.Errorf("feed title %q, err %v", feed.Title, err)
	}
}

// atomFeed is what the tests read of an Atom feed.
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Links   []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"link"`
	Entries []struct {
		Title string `xml:"title"`
		ID    string `xml:"id"`
		Link  struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"link"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Content struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

// parseFeed parses an Atom feed and checks what Atom requires and what readers rely on:
// a title, id and date on the feed and on every entry, ids unique and stable (tag URIs),
// dates that parse, entries newest first, the feed's date that of its newest entry, and
// at most maxFeedEntries of them.
func parseFeed(t *testing.T, body []byte) atomFeed {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal(body, &f); err != nil {
		t.Fatalf("the feed is not Atom XML: %v", err)
	}
	if f.Title == "" || f.ID == "" || f.Author == "" {
		t.Errorf("feed title %q, id %q, author %q", f.Title, f.ID, f.Author)
	}
	updated, err := time.Parse(time.RFC3339, f.Updated)
	if err != nil {
		t.Errorf("feed updated %q: %v", f.Updated, err)
	}
	if len(f.Entries) == 0 || len(f.Entries) > maxFeedEntries {
		t.Fatalf("%d entries", len(f.Entries))
	}
	ids := map[string]bool{}
	var prev time.Time
	for i, e := range f.Entries {
		if e.Title == "" || !strings.HasPrefix(e.ID, "tag:") || !strings.HasPrefix(e.Link.Href, "https://versus.example/") || e.Link.Rel != "alternate" {
			t.Errorf("entry %d = %+v", i, e)
		}
		if ids[e.ID] {
			t.Errorf("entry id %s is used twice", e.ID)
		}
		ids[e.ID] = true
		date, err := time.Parse(time.RFC3339, e.Updated)
		if err != nil || date.IsZero() || !strings.Contains(e.ID, ","+date.Format(isoDate)+":") {
			t.Errorf("entry %s: updated %q (%v)", e.ID, e.Updated, err)
		}
		if i > 0 && date.After(prev) {
			t.Errorf("entry %s is newer than the one before it", e.ID)
		}
		if i == 0 && !date.Equal(updated) {
			t.Errorf("the feed says it was updated %s, its newest entry %s", f.Updated, e.Updated)
		}
		prev = date
		if e.Content.Body != "" && e.Content.Type != "html" {
			t.Errorf("entry %s: content of type %q", e.ID, e.Content.Type)
		}
	}
	return f
}

// TestFeedHasOneEntryPerChange checks, on the three-subject fixture, that the feed has an
// entry per row, comparison, guide and profile on its reviewed date, and one for the pair
// whose verdict was reviewed later, linking to that pair's page.
func TestFeedHasOneEntryPerChange(t *testing.T) {
	r := newRenderer(t, sitetest.ThreeFS(), Config{})
	body := renderAll(t, r)["/feed.xml"].Body
	f := parseFeed(t, body)
	type got struct{ id, title, link, content string }
	var entries []got
	for _, e := range f.Entries {
		entries = append(entries, got{e.ID, e.Title, e.Link.Href, e.Content.Body})
	}
	const tag, base = "tag:versus.example,", "https://versus.example"
	want := []got{
		{tag + "2026-12-03:compare/flask-vs-django-vs-fastapi/csrf", "CSRF protection (Django vs FastAPI)", base + "/compare/django-vs-fastapi/csrf",
			`<ul><li><a href="https://versus.example/compare/django-vs-fastapi/csrf">Django vs FastAPI</a>: Django protects forms by default; FastAPI does not.</li></ul>`},
		{tag + "2026-12-01:compare/flask-vs-django-vs-fastapi", "Flask vs Django vs FastAPI", base + "/compare/flask-vs-django-vs-fastapi", ""},
		{tag + "2026-12-01:compare/flask-vs-django-vs-fastapi/csrf", "CSRF protection (Flask vs Django vs FastAPI)", base + "/compare/flask-vs-django-vs-fastapi#csrf",
			`<ul><li><a href="https://versus.example/compare/flask-vs-django/csrf">Flask vs Django</a>: Django protects forms by default.</li>` +
				`<li><a href="https://versus.example/compare/flask-vs-fastapi/csrf">Flask vs FastAPI</a>: Flask-WTF covers forms; FastAPI has nothing.</li></ul>`},
		{tag + "2026-12-01:compare/flask-vs-django-vs-fastapi/orm", "ORM (Flask vs Django vs FastAPI)", base + "/compare/flask-vs-django-vs-fastapi#orm", ""},
		{tag + "2026-12-01:frameworks/fastapi", "FastAPI", base + "/frameworks/fastapi", ""},
		{tag + "2026-12-01:guides/start-here", "Start here", base + "/guides/start-here", ""},
	}
	if len(entries) != len(want) {
		t.Fatalf("entries:\n%+v\nwant\n%+v", entries, want)
	}
	for i := range want {
		if want[i].content == "" {
			entries[i].content = "" // checked below
		}
		if entries[i] != want[i] {
			t.Errorf("entry %d = %+v\nwant       %+v", i, entries[i], want[i])
		}
	}
	if !strings.Contains(f.Entries[3].Content.Body, "Neither ships an ORM.") || f.Entries[1].Summary != "Three Python web frameworks compared." {
		t.Errorf("entries = %+v", f.Entries)
	}
	// The same content makes the same feed: a reader sees nothing new.
	if again := renderAll(t, r)["/feed.xml"].Body; !bytes.Equal(again, body) {
		t.Error("the feed differs between two builds of the same content")
	}
}

// TestShippedFeed checks the shipped content's feed: valid, bounded, and each entry dated
// the day the page it links to was reviewed.
func TestShippedFeed(t *testing.T) {
	r := shippedRenderer(t)
	f := parseFeed(t, renderAll(t, r)["/feed.xml"].Body)
	if len(f.Entries) != maxFeedEntries {
		t.Errorf("%d entries, want the newest %d changes", len(f.Entries), maxFeedEntries)
	}
	reviewed := map[string]time.Time{} // by absolute URL: when its page was last reviewed
	s := r.Site()
	for _, c := range s.Comparisons {
		for _, row := range c.Rows {
			reviewed[r.AbsoluteURL(row.Path())] = row.Reviewed
		}
	}
	for _, tbl := range s.Tables {
		reviewed[r.AbsoluteURL(tbl.Path())] = tbl.Reviewed
		for _, row := range tbl.Rows {
			reviewed[r.absoluteLink(row.TablePath())] = row.Reviewed
		}
	}
	for _, g := range s.Guides {
		reviewed[r.AbsoluteURL(g.Path())] = g.Reviewed
	}
	for _, fw := range s.Frameworks {
		reviewed[r.AbsoluteURL(fw.Path())] = fw.Reviewed
	}
	for _, e := range f.Entries {
		date, _ := time.Parse(time.RFC3339, e.Updated)
		if want, ok := reviewed[e.Link.Href]; !ok || !want.Equal(date) {
			t.Errorf("%s links to %s, reviewed %s, but is dated %s", e.ID, e.Link.Href, want.Format(isoDate), e.Updated)
		}
	}
}
