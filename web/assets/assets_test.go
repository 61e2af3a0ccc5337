package assets

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestBuildHashesNamesAndAddsChroma(t *testing.T) {
	set, err := Build(withLinked(fstest.MapFS{
		"css/site.css": {Data: []byte("body{}")},
		"static.go":    {Data: []byte("package static")},
		".hidden":      {Data: []byte("x")},
	}))
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
	if len(set.All()) != len(Linked)+1 {
		t.Errorf("assets = %d, want the %d linked files and the chroma stylesheet", len(set.All()), len(Linked))
	}

	other, _ := Build(withLinked(fstest.MapFS{"css/site.css": {Data: []byte("body{color:red}")}}))
	if other.URL("css/site.css") == url {
		t.Error("a changed file kept its hashed name")
	}
}

// withLinked adds a stand-in for each linked file that fsys lacks.
func withLinked(fsys fstest.MapFS) fstest.MapFS {
	for _, name := range Linked {
		if fsys[name] == nil {
			fsys[name] = &fstest.MapFile{Data: []byte("/* " + name + " */")}
		}
	}
	return fsys
}

// TestBuildRefusesAFolderWithoutALinkedAsset: every page links the stylesheet, the scripts
// and the icon, so a static folder without one of them cannot make a working site.
func TestBuildRefusesAFolderWithoutALinkedAsset(t *testing.T) {
	full := withLinked(fstest.MapFS{})
	if _, err := Build(full); err != nil {
		t.Fatalf("every linked asset present: %v", err)
	}
	delete(full, SiteJS)
	_, err := Build(full)
	if err == nil || !strings.Contains(err.Error(), `the static files lack "js/site.js"`) {
		t.Errorf("err = %v, want the missing file named", err)
	}
}
