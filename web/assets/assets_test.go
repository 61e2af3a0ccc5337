package assets

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestBuildHashesNamesAndAddsChroma(t *testing.T) {
	set, err := Build(fstest.MapFS{
		"css/site.css": {Data: []byte("body{}")},
		"static.go":    {Data: []byte("package static")},
		".hidden":      {Data: []byte("x")},
	})
	if err != nil {
		t.Fatal(err)
	}
	url := set.URL("css/site.css")
	if !strings.HasPrefix(url, "/static/css/site.") || !strings.HasSuffix(url, ".css") || len(url) != len("/static/css/site.0123456789.css") {
		t.Errorf("hashed URL = %q", url)
	}
	a, ok := set.ByURL(url)
	if !ok || string(a.Body) != "body{}" || !strings.HasPrefix(a.ContentType, "text/css") {
		t.Errorf("asset = %+v", a)
	}
	if set.URL("static.go") != "" || set.URL(".hidden") != "" {
		t.Error("Go files and dotfiles must not be served")
	}
	if len(set.All()) != 2 {
		t.Errorf("assets = %d, want site.css and the chroma stylesheet", len(set.All()))
	}

	other, _ := Build(fstest.MapFS{"css/site.css": {Data: []byte("body{color:red}")}})
	if other.URL("css/site.css") == url {
		t.Error("a changed file kept its hashed name")
	}
}
