package pages

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
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

	var feed struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Links   []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"link"`
		Entries []struct {
			Title string `xml:"title"`
			ID    string `xml:"id"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(pages["/feed.xml"].Body, &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != 3 {
		t.Errorf("feed has %d entries, want 3 (1 guide, 2 rows)", len(feed.Entries))
	}
	if feed.Title != "Versus" || feed.ID != "https://versus.example/" || feed.Updated != "2026-11-01T00:00:00Z" {
		t.Errorf("feed title %q, id %q, updated %q", feed.Title, feed.ID, feed.Updated)
	}
	if len(feed.Links) != 2 || feed.Links[0].Href != "https://versus.example/feed.xml" || feed.Links[0].Rel != "self" {
		t.Errorf("feed links = %+v", feed.Links)
	}
	// Entries of the same date are ordered by id, so the feed is stable.
	var ids []string
	for _, e := range feed.Entries {
		ids = append(ids, e.ID)
	}
	if strings.Join(ids, " ") != "https://versus.example/compare/flask-vs-django/csrf https://versus.example/compare/flask-vs-django/orm https://versus.example/guides/start-here" {
		t.Errorf("feed entries = %v", ids)
	}
	if feed.Entries[1].Title != "ORM (Flask vs Django)" {
		t.Errorf("a row's entry is titled %q", feed.Entries[1].Title)
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
