package loadtest

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

var ogImage = regexp.MustCompile(`<meta property="og:image" content="([^"]+)"`)

// TestEveryPreviewOnce requests every page, then every preview image the pages show and
// every error status's, once each, from 8 clients at once (as a crawler unfurling every
// link would): each must be a PNG under 100 KB, and resident memory must stay under the
// 50 MB budget.
func TestEveryPreviewOnce(t *testing.T) {
	b := startBinary(t)
	client := &http.Client{Timeout: 30 * time.Second}
	get := func(path string) (*http.Response, []byte, error) {
		resp, err := client.Get(b.base + path)
		if err != nil {
			return nil, nil, err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		return resp, body, err
	}
	pages := append(targets(t, b.base), "/search", "/compare", "/compare/flask-vs-django/choose", "/compare/flask-vs-django-vs-fastapi/choose")
	images := map[string]bool{}
	for _, path := range pages {
		resp, body, err := get(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		m := ogImage.FindSubmatch(body)
		if m == nil {
			t.Errorf("GET %s: no og:image", path)
			continue
		}
		images[strings.TrimPrefix(string(m[1]), b.base)] = true
	}
	for status := 400; status < 600; status++ {
		if http.StatusText(status) != "" {
			images[fmt.Sprintf("/preview/errors/%d.png", status)] = true
		}
	}
	var paths []string
	for p := range images {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	before := rssKB(t, b.pid)

	start := time.Now()
	next := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var largest int
	for range 8 {
		wg.Go(func() {
			for path := range next {
				resp, body, err := get(path)
				switch {
				case err != nil:
					t.Errorf("GET %s: %v", path, err)
				case resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/png":
					t.Errorf("GET %s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
				case len(body) >= 100<<10:
					t.Errorf("GET %s: %d bytes, over 100 KB", path, len(body))
				}
				mu.Lock()
				largest = max(largest, len(body))
				mu.Unlock()
			}
		})
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	after := rssKB(t, b.pid)
	t.Logf("%d pages show %d preview images; all drawn in %s (%.1f ms each), the largest %d bytes; resident memory %d KB before, %d KB after",
		len(pages), len(paths), elapsed.Round(time.Millisecond), float64(elapsed.Milliseconds())/float64(len(paths)), largest, before, after)
	if len(paths) < 250 {
		t.Errorf("only %d images", len(paths))
	}
	if after > 50*1024 {
		t.Errorf("resident memory %d KB with every image requested once is over the 50 MB budget", after)
	}
}
