package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

// TestFilteredViewsShowTheIntroduction: once the server has released the content's
// rendered HTML (as cmd/versus does after the build), a filtered view still shows the
// comparison's introduction, the same as the whole table's.
func TestFilteredViewsShowTheIntroduction(t *testing.T) {
	srv := shippedServer(t) // released
	for _, c := range append(srv.site.Comparisons, srv.site.Table("flask-vs-django-vs-fastapi")) {
		whole := document(t, get(t, srv, http.MethodGet, c.Path(), "Accept-Encoding", "identity"))
		intro, err := whole.Find("details.intro .prose").Html()
		if err != nil || len(strings.TrimSpace(intro)) < 200 {
			t.Fatalf("%s: the whole table's introduction is %q", c.Path(), intro)
		}
		resp := get(t, srv, http.MethodGet, c.Path()+"?diff=1", "Accept-Encoding", "identity")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s?diff=1: %d", c.Path(), resp.StatusCode)
		}
		if got, _ := document(t, resp).Find("details.intro .prose").Html(); got != intro {
			t.Errorf("%s?diff=1 shows the introduction %.80q, want the whole table's %.80q", c.Path(), got, intro)
		}
	}
}

// TestTrackersParametersAreIgnored: a shared link that a newsletter or social site has
// tagged lands on the page it names.
func TestTrackersParametersAreIgnored(t *testing.T) {
	srv := newTestServer(t)
	plain := get(t, srv, http.MethodGet, "/compare/flask-vs-django")
	for _, query := range []string{"utm_source=mail&utm_medium=email", "fbclid=IwAR0x", "gclid=1&cat=data"} {
		resp := get(t, srv, http.MethodGet, "/compare/flask-vs-django?"+query)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %d, want 200", query, resp.StatusCode)
		}
		if !strings.Contains(query, "cat=") && resp.Header.Get("Etag") != plain.Header.Get("Etag") {
			t.Errorf("%s: ETag %q, want the stored page's %q", query, resp.Header.Get("Etag"), plain.Header.Get("Etag"))
		}
	}
}

// TestBadFilterQueries: a query that is not a view of the table answers 400 with the
// comparison's filter page saying what was wrong, never cached.
func TestBadFilterQueries(t *testing.T) {
	srv := newTestServer(t)
	for _, tt := range []struct{ query, problem string }{
		{"cat=nope", `There is no category "nope" here`},
		{"cat=" + strings.Repeat("nope,", 400), `There is no category "nope" here`},
		{"diff=maybe&cat=data", `diff="maybe" is not understood`},
		{"wins=rails", `wins="rails" is not a side here`},
		{"wins=django&wins=tie", "wins= is given 2 times"},
		{"q=a&q=b", "q= is given 2 times"},
		{"wns=django", `There is no parameter "wns" here`},
		{"q=" + strings.Repeat("x", 101), "at most 100"},
		{"q=%ff%fe", "not valid UTF-8"},
		{"cat=%zz", "cannot be read"},
	} {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			resp := get(t, srv, method, "/compare/flask-vs-django?"+tt.query)
			if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Cache-Control") != "no-store" || resp.Header.Get("Etag") != "" {
				t.Errorf("%s %s: %d, Cache-Control %q, ETag %q", method, tt.query, resp.StatusCode, resp.Header.Get("Cache-Control"), resp.Header.Get("Etag"))
				continue
			}
			if method == http.MethodHead {
				continue
			}
			doc := document(t, resp)
			if got := doc.Find(".filter .notes").Text(); !strings.Contains(got, tt.problem) {
				t.Errorf("%s: the page says %q, want %q", tt.query, got, tt.problem)
			}
			if doc.Find(`form.filter[action="/compare/flask-vs-django"]`).Length() != 1 || doc.Find(`p.notice a[href="/compare/flask-vs-django"]`).Length() != 1 {
				t.Errorf("%s: no filter form to correct the query, or no way to every row", tt.query)
			}
		}
	}
}

// TestFilteredViewsAreServedLikeStoredPages: a view is made once and then served as a
// stored page is, gzip-compressed for a client that accepts it (brotli included: views
// have no brotli copy), with its ETag (304 on a match) and Content-Length; every spelling
// of the view is the same representation.
func TestFilteredViewsAreServedLikeStoredPages(t *testing.T) {
	srv := newTestServer(t)
	const path = "/compare/flask-vs-django?cat=data&wins=django"
	plain := get(t, srv, http.MethodGet, path, "Accept-Encoding", "identity")
	body, _ := io.ReadAll(plain.Body)
	if plain.StatusCode != http.StatusOK || plain.Header.Get("Content-Encoding") != "" || plain.Header.Get("Content-Length") != strconv.Itoa(len(body)) {
		t.Fatalf("identity: %d, %v", plain.StatusCode, plain.Header)
	}
	if got := plain.Header.Get("Cache-Control"); got != "max-age=300, must-revalidate" {
		t.Errorf("Cache-Control %q", got)
	}
	if !bytes.Contains(body, []byte(`id="orm"`)) || bytes.Contains(body, []byte(`id="csrf"`)) {
		t.Error("the view does not list the rows it selects")
	}
	gz := get(t, srv, http.MethodGet, path, "Accept-Encoding", "gzip, deflate, br")
	packed, _ := io.ReadAll(gz.Body)
	zr, err := gzip.NewReader(bytes.NewReader(packed))
	if err != nil {
		t.Fatal(err)
	}
	unpacked, err := io.ReadAll(zr)
	if gz.Header.Get("Content-Encoding") != "gzip" || err != nil || !bytes.Equal(unpacked, body) || gz.Header.Get("Content-Length") != strconv.Itoa(len(packed)) {
		t.Errorf("gzip: %v, %v", gz.Header, err)
	}
	if gz.Header.Get("Vary") != "Accept-Encoding" || gz.Header.Get("Etag") == "" || gz.Header.Get("Etag") == plain.Header.Get("Etag") {
		t.Errorf("gzip's Vary %q and ETag %q (identity's %q)", gz.Header.Get("Vary"), gz.Header.Get("Etag"), plain.Header.Get("Etag"))
	}
	if br := get(t, srv, http.MethodGet, path, "Accept-Encoding", "br"); br.Header.Get("Content-Encoding") != "" || br.Header.Get("Etag") != plain.Header.Get("Etag") {
		t.Errorf("a client of brotli alone: %v", br.Header)
	}
	etag := gz.Header.Get("Etag")
	for _, spelling := range []string{path, "/compare/flask-vs-django?wins=Django&cat=+DATA&q=", "/compare/flask-vs-django?cat=data,data&wins=django&diff=0"} {
		resp := get(t, srv, http.MethodGet, spelling, "Accept-Encoding", "gzip", "If-None-Match", etag)
		if resp.StatusCode != http.StatusNotModified || resp.Header.Get("Etag") != etag {
			t.Errorf("%s with If-None-Match: %d, ETag %q", spelling, resp.StatusCode, resp.Header.Get("Etag"))
		}
	}
	head := get(t, srv, http.MethodHead, path, "Accept-Encoding", "gzip")
	if b, _ := io.ReadAll(head.Body); head.StatusCode != http.StatusOK || len(b) != 0 || head.Header.Get("Content-Length") != gz.Header.Get("Content-Length") {
		t.Errorf("HEAD: %d, %d bytes, Content-Length %q", head.StatusCode, len(b), head.Header.Get("Content-Length"))
	}
	if rendered, _, _, cached := srv.views.stats(); rendered != 1 || cached != 1 {
		t.Errorf("%d views made and %d cached for one view asked for in every spelling", rendered, cached)
	}
	// A query that selects nothing is the stored page.
	stored := get(t, srv, http.MethodGet, "/compare/flask-vs-django", "Accept-Encoding", "br").Header.Get("Etag")
	if got := get(t, srv, http.MethodGet, "/compare/flask-vs-django?wins=&q=&diff=0", "Accept-Encoding", "br").Header.Get("Etag"); got != stored {
		t.Errorf("an empty view has ETag %q, the stored page %q", got, stored)
	}
}

// TestEveryFilterLinkAnswers200 walks every page the shipped site stores: each link to a
// view of a table (the tallies' ?wins=, the verdicts by category's ?cat=&wins=) answers
// 200 with rows, and is written in the view's canonical form.
func TestEveryFilterLinkAnswers200(t *testing.T) {
	srv := shippedServer(t)
	links := map[string]string{} // link → a page it is on
	for path, e := range srv.store {
		if e.contentType[0] != pages.HTMLType {
			continue
		}
		doc := document(t, get(t, srv, http.MethodGet, path, "Accept-Encoding", "identity"))
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			href := a.AttrOr("href", "")
			u, err := url.Parse(href)
			if err != nil || u.RawQuery == "" || u.Host != "" || srv.comparisonAt(strings.TrimPrefix(u.Path, "/compare/")) == nil {
				return
			}
			links[strings.TrimSuffix(href, "#"+u.Fragment)] = path
		})
	}
	if len(links) < 100 {
		t.Fatalf("found %d links to views of the tables, want the tallies' and the categories' (over 100)", len(links))
	}
	for link, on := range links {
		resp := get(t, srv, http.MethodGet, link, "Accept-Encoding", "identity")
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s (on %s): %d", link, on, resp.StatusCode)
			continue
		}
		if document(t, resp).Find("tr.feature").Length() == 0 {
			t.Errorf("%s (on %s) lists no row", link, on)
		}
		u, _ := url.Parse(link)
		c := srv.comparisonAt(strings.TrimPrefix(u.Path, "/compare/"))
		if f, err := pages.ParseFilter(c, u.RawQuery); err != nil || f.Encode() != u.RawQuery {
			t.Errorf("%s (on %s) is not in the canonical form %q", link, on, f.Encode())
		}
	}
	// Asked for again, every one is served from the cache: the protected share holds them all.
	made, _, _, _ := srv.views.stats()
	for link := range links {
		get(t, srv, http.MethodGet, link)
	}
	again, _, bytes, cached := srv.views.stats()
	t.Logf("%d links to views of the tables; %d views cached in %d bytes", len(links), cached, bytes)
	if again != made {
		t.Errorf("%d of the %d linked views were made again (the cache holds %d bytes, the protected share %d)", again-made, len(links), bytes, viewProtectBytes)
	}
}

// TestViewsAreMadeAFewAtATime: views are made by at most the renderers there are; a
// request that waits longer than the bound for one answers 503 with Retry-After; the
// same view asked for at once is made once.
func TestViewsAreMadeAFewAtATime(t *testing.T) {
	v := newViews(1<<20, 0, 1, 50*time.Millisecond)
	release := make(chan struct{})
	var renders atomic.Int32
	slow := func(context.Context, pages.Filter) ([]byte, error) {
		renders.Add(1)
		<-release
		return bytes.Repeat([]byte("<p>view</p>"), 100), nil
	}
	filter := func(q string) pages.Filter { return pages.Filter{Query: q} }
	var wg sync.WaitGroup
	results := make([]error, 3)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, results[i] = v.get(context.Background(), "/compare/a-vs-b", filter("same"), slow)
		}()
	}
	time.Sleep(20 * time.Millisecond) // the three wait on one making
	if _, err := v.get(context.Background(), "/compare/a-vs-b", filter("other"), slow); !errors.Is(err, errBusy) {
		t.Errorf("a second view while the only renderer is busy: %v, want errBusy", err)
	}
	close(release)
	wg.Wait()
	for _, err := range results {
		if err != nil {
			t.Error(err)
		}
	}
	if n := renders.Load(); n != 1 {
		t.Errorf("the same view was rendered %d times", n)
	}
	// The 503 tells the client when to come back.
	s := newTestServer(t)
	s.views = newViews(1<<20, 0, 1, 10*time.Millisecond)
	s.views.renderers <- struct{}{} // the only renderer, taken
	defer func() { <-s.views.renderers }()
	resp := get(t, s, http.MethodGet, "/compare/flask-vs-django?cat=data")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "1" || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("busy: %d, %v", resp.StatusCode, resp.Header)
	}
	if _, n, _, _ := s.views.stats(); n != 1 {
		t.Errorf("%d busy answers counted", n)
	}
}

// TestViewCacheIsBounded: the views kept stay within the byte budget, the most recently
// used first.
func TestViewCacheIsBounded(t *testing.T) {
	s, err := site.Load(sitetest.FS())
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, s, pages.Config{}, Config{}, nil)
	get(t, srv, http.MethodGet, "/compare/flask-vs-django?q=a")
	size, _ := srv.views.cache.stats()              // of one view (the fixture's are all about the same)
	srv.views = newViews(3*size, 0, 1, time.Second) // room for three views of that size
	for i := range 10 {
		get(t, srv, http.MethodGet, "/compare/flask-vs-django?q="+strconv.Itoa(i))
	}
	bytes, cached := srv.views.cache.stats()
	if bytes > 3*size || cached < 2 || cached > 3 {
		t.Errorf("%d views in %d bytes, budget %d", cached, bytes, 3*size)
	}
	if _, ok := srv.views.cache.get("/compare/flask-vs-django?q=9"); !ok {
		t.Error("the newest view was dropped")
	}
	if _, ok := srv.views.cache.get("/compare/flask-vs-django?q=0"); ok {
		t.Error("the oldest view was kept")
	}
}
