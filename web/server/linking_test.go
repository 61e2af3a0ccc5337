package server

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
)

func rowIDs(doc *goquery.Document) []string {
	var ids []string
	doc.Find("tr.feature").Each(func(_ int, s *goquery.Selection) { ids = append(ids, s.AttrOr("id", "")) })
	return ids
}

func TestFilters(t *testing.T) {
	srv := newTestServer(t)
	tests := []struct {
		query string
		rows  []string
		note  string
	}{
		{"cat=data", []string{"orm"}, ""},
		{"cat=data,security", []string{"orm", "csrf"}, ""},
		{"cat=data&cat=security", []string{"orm", "csrf"}, ""},
		{"q=csrfprotect", []string{"csrf"}, ""},
		{"q=DJANGO+ORM", []string{"orm"}, ""},
		{"diff=1", []string{"orm", "csrf"}, ""},
		{"cat=nope", []string{"orm", "csrf"}, `There is no category "nope"`},
		{"diff=maybe&cat=data", []string{"orm"}, `diff="maybe" is not understood`},
		{"q=" + strings.Repeat("x", 150), nil, "cut to its first 100 characters"},
		{"q=%ff%fe", []string{"orm", "csrf"}, "not valid UTF-8"},
		{"utm_source=mail", []string{"orm", "csrf"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			resp := get(t, srv, http.MethodGet, "/compare/flask-vs-django?"+tt.query)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			doc := document(t, resp)
			if got := strings.Join(rowIDs(doc), ","); got != strings.Join(tt.rows, ",") {
				t.Errorf("rows = %q, want %q", got, strings.Join(tt.rows, ","))
			}
			notes := doc.Find(".filter .notes").Text()
			if tt.note == "" && notes != "" || !strings.Contains(notes, tt.note) {
				t.Errorf("notes = %q, want %q", notes, tt.note)
			}
		})
	}
	// The form reflects the view it produced, so the page's URL can be shared as is.
	doc := document(t, get(t, srv, http.MethodGet, "/compare/flask-vs-django?cat=security&diff=1&q=csrf"))
	if _, checked := doc.Find(`input[name=cat][value=security]`).Attr("checked"); !checked {
		t.Error("the security checkbox is not checked")
	}
	if _, checked := doc.Find(`input[name=diff]`).Attr("checked"); !checked {
		t.Error("diff is not checked")
	}
	if doc.Find(`.filter input[name=q]`).AttrOr("value", "") != "csrf" {
		t.Error("q is not kept in the form")
	}
	if doc.Find(`.filter a[href="/compare/flask-vs-django"]`).Text() != "Reset" {
		t.Error("no reset link")
	}
	if resp := get(t, srv, http.MethodGet, "/compare/flask-vs-django?q="+strings.Repeat("a", 3000)); resp.StatusCode != http.StatusRequestURITooLong {
		t.Errorf("oversized query: status %d", resp.StatusCode)
	}
}

func TestTieFilterHidesTies(t *testing.T) {
	fsys := fixtureWithTie()
	s, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, s, pages.Config{}, Config{}, nil)
	all := rowIDs(document(t, get(t, srv, http.MethodGet, "/compare/flask-vs-django")))
	diff := rowIDs(document(t, get(t, srv, http.MethodGet, "/compare/flask-vs-django?diff=1")))
	if len(all) != 2 || len(diff) != 1 || diff[0] != "orm" {
		t.Errorf("all = %v, diff only = %v", all, diff)
	}
}

func TestMachineReadableTwinsMatchTheHTML(t *testing.T) {
	srv := shippedServer(t)
	html := rowIDs(document(t, get(t, srv, http.MethodGet, "/compare/flask-vs-django")))

	resp := get(t, srv, http.MethodGet, "/compare/flask-vs-django.json")
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("JSON Content-Type = %q", ct)
	}
	var cmp pages.ComparisonJSON
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cmp); err != nil {
		t.Fatal(err)
	}
	if len(cmp.Rows) != len(html) || len(cmp.Subjects) != 2 || cmp.URL != "https://versus.example/compare/flask-vs-django" {
		t.Fatalf("JSON: %d rows (HTML %d), %d subjects, url %q", len(cmp.Rows), len(html), len(cmp.Subjects), cmp.URL)
	}
	for i, row := range cmp.Rows {
		if row.ID != html[i] {
			t.Errorf("JSON row %d is %q, HTML row is %q", i, row.ID, html[i])
		}
		if len(row.Cells) != 2 || row.Cells["flask"].Support == "" || row.Cells["django"].Text == "" || len(row.Sources) == 0 || row.Reviewed == "" {
			t.Errorf("row %s is incomplete: %+v", row.ID, row)
		}
	}

	resp = get(t, srv, http.MethodGet, "/compare/flask-vs-django.csv")
	records, err := csv.NewReader(resp.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != len(html)+1 || strings.Join(records[0], ",") != "id,title,category,verdict,summary,flask_support,flask_text,django_support,django_text,url,reviewed" {
		t.Errorf("CSV: %d records, header %v", len(records), records[0])
	}
	for i, rec := range records[1:] {
		if rec[0] != html[i] {
			t.Errorf("CSV row %d is %q, HTML row is %q", i, rec[0], html[i])
		}
	}

	var orm pages.RowJSON
	if err := json.NewDecoder(get(t, srv, http.MethodGet, "/compare/flask-vs-django/orm.json").Body).Decode(&orm); err != nil {
		t.Fatal(err)
	}
	if orm.ID != "orm" || orm.URL != "https://versus.example/compare/flask-vs-django/orm" {
		t.Errorf("orm.json = %+v", orm)
	}
	doc := document(t, get(t, srv, http.MethodGet, "/compare/flask-vs-django"))
	if doc.Find(`link[rel=alternate][type="application/json"][href="/compare/flask-vs-django.json"]`).Length() != 1 ||
		doc.Find(`link[rel=alternate][type="text/csv"]`).Length() != 1 {
		t.Error("the twins are not announced with <link rel=alternate>")
	}
}

func TestDiscovery(t *testing.T) {
	srv := newTestServer(t)
	var sitemap struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	resp := get(t, srv, http.MethodGet, "/sitemap.xml")
	if err := xml.NewDecoder(resp.Body).Decode(&sitemap); err != nil {
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
	body, _ := io.ReadAll(get(t, srv, http.MethodGet, "/robots.txt").Body)
	if !strings.Contains(string(body), "Sitemap: https://versus.example/sitemap.xml") {
		t.Errorf("robots.txt = %q", body)
	}
	var feed struct {
		Entries []struct {
			ID string `xml:"id"`
		} `xml:"entry"`
	}
	if err := xml.NewDecoder(get(t, srv, http.MethodGet, "/feed.xml").Body).Decode(&feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != 3 {
		t.Errorf("feed has %d entries, want 3 (1 guide, 2 rows)", len(feed.Entries))
	}
}

func TestPreviewsAndRowLinks(t *testing.T) {
	s, err := site.Load(fixtureWithTie())
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, s, pages.Config{
		BaseURL:       "https://versus.example",
		CorrectionURL: "https://github.com/example/versus/issues/new?title={title}&body={url}",
		SourceURL:     "https://github.com/example/versus/blob/main/content/{file}",
	}, Config{}, nil)
	doc := document(t, get(t, srv, http.MethodGet, "/compare/flask-vs-django/orm"))
	desc := doc.Find(`meta[property="og:description"]`).AttrOr("content", "")
	for _, want := range []string{"Flask: Extension, Flask-SQLAlchemy.", "Django: Built in, Django ORM.", "Verdict: Django."} {
		if !strings.Contains(desc, want) {
			t.Errorf("og:description %q lacks %q", desc, want)
		}
	}
	if doc.Find(`meta[property="og:url"]`).AttrOr("content", "") != "https://versus.example/compare/flask-vs-django/orm" {
		t.Error("og:url is not the absolute canonical URL")
	}
	if doc.Find(`script[type="application/ld+json"]`).Length() != 1 {
		t.Error("no JSON-LD on the row page")
	}
	if href := doc.Find(`.row-actions a`).First().AttrOr("href", ""); href != "https://github.com/example/versus/issues/new?title=ORM&body=https%3A%2F%2Fversus.example%2Fcompare%2Fflask-vs-django%2Form" {
		t.Errorf("correction link = %q", href)
	}
	if href := doc.Find(`.row-actions a`).Last().AttrOr("href", ""); href != "https://github.com/example/versus/blob/main/content/comparisons/flask-vs-django/rows/orm.md" {
		t.Errorf("source link = %q", href)
	}
	plain := document(t, get(t, newTestServer(t), http.MethodGet, "/compare/flask-vs-django/orm"))
	if plain.Find(".row-actions").Length() != 0 {
		t.Error("correction and source links should be hidden when not configured")
	}
}
