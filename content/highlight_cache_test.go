package content_test

import (
	"bufio"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/highlight"
	"github.com/versus-dev/versus/web/site"
)

var update = flag.Bool("update", false, "rewrite highlight.cache from the shipped content")

// TestHighlightCacheIsCurrent checks that highlight.cache holds exactly what chroma makes
// of the shipped content's code blocks today, and rewrites it with -update. A stale cache
// would not show wrong colours (entries are keyed by the code they were made from), but
// the server would highlight the changed blocks again at every start.
func TestHighlightCacheIsCurrent(t *testing.T) {
	h := highlight.New(nil)
	if _, err := site.Load(content.FS, site.WithHighlighter(h)); err != nil {
		t.Fatal(err)
	}
	fresh := h.Cache()
	fresh.Chroma = requiredVersion(t, "github.com/alecthomas/chroma/v2")
	const fix = "run: go test ./content -run HighlightCache -update"
	if *update {
		data, err := fresh.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("highlight.cache", data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote highlight.cache: %d blocks, %d bytes", fresh.Len(), len(data))
		return
	}
	committed, err := highlight.ParseCache(content.HighlightCache)
	if err != nil {
		t.Fatalf("%v; %s", err, fix)
	}
	if !committed.Equal(fresh) {
		t.Fatalf("content/highlight.cache is out of date (it holds %d blocks made by chroma %s; the content has %d, highlighted by chroma %s); %s",
			committed.Len(), committed.Chroma, fresh.Len(), fresh.Chroma, fix)
	}
}

// requiredVersion reads the version of module path that go.mod requires.
func requiredVersion(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		fields := strings.Fields(strings.TrimPrefix(strings.TrimSpace(lines.Text()), "require "))
		if len(fields) >= 2 && fields[0] == path {
			return fields[1]
		}
	}
	t.Fatalf("go.mod does not require %s", path)
	return ""
}
