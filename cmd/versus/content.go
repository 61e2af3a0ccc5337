package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/highlight"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/site"
)

// loadContent loads the embedded content, or the folder dir when it is set, highlighting
// code with h. Problems in a folder are reported with the folder's path, so they can be
// opened as written.
func loadContent(dir string, h *highlight.Highlighter) (*site.Site, error) {
	var fsys fs.FS = content.FS
	if dir != "" {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("content folder: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("content folder %s is not a folder", dir)
		}
		fsys = os.DirFS(dir)
	}
	s, err := site.Load(fsys, site.WithHighlighter(h))
	var verr *site.ValidationError
	if errors.As(err, &verr) && dir != "" {
		for i := range verr.Problems {
			verr.Problems[i].File = filepath.Join(dir, verr.Problems[i].File)
		}
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// newHighlighter returns a highlighter seeded with the shipped content's highlight cache,
// so blocks that are as shipped are not highlighted again; others (edited or own content)
// are highlighted as they come. The cache is left out when this build's chroma did not
// make it: only start-up is slower then.
func newHighlighter() *highlight.Highlighter {
	cache, err := highlight.ParseCache(content.HighlightCache)
	if err != nil {
		return highlight.New(nil) // the content tests keep the shipped cache readable
	}
	if usable, _ := cache.Usable(); !usable {
		return highlight.New(nil)
	}
	return highlight.New(cache)
}

// contentName says where content comes from, for messages.
func contentName(dir string) string {
	if dir == "" {
		return "the embedded content"
	}
	return dir
}

// siteOptions are the settings that change what pages say, shared by serve and build so
// the server and the export render the same site.
type siteOptions struct {
	baseURL       string
	siteName      string
	correctionURL string
	sourceURL     string
}

func (o *siteOptions) declare(fs *flagSet, defaultBase string) {
	fs.StringVar(&o.baseURL, "base-url", "", "absolute URL the site is reached at, for canonical links; when empty, "+defaultBase)
	fs.StringVar(&o.siteName, "site-name", "Versus", "name shown in page titles and the header")
	fs.StringVar(&o.correctionURL, "correction-url", "", "URL template of each row's \"Suggest a correction\" link, with {title}, {url}, {id} and {file}; empty hides it")
	fs.StringVar(&o.sourceURL, "source-url", "", "URL template of each row's \"View source\" link, e.g. https://github.com/you/site/blob/main/content/{file}; empty hides it")
	fs.envTwin("base-url", "VERSUS_BASE_URL")
	fs.envTwin("site-name", "VERSUS_SITE_NAME")
	fs.envTwin("correction-url", "VERSUS_CORRECTION_URL")
	fs.envTwin("source-url", "VERSUS_SOURCE_URL")
}

func (o *siteOptions) config() pages.Config {
	return pages.Config{SiteName: o.siteName, BaseURL: o.baseURL, CorrectionURL: o.correctionURL, SourceURL: o.sourceURL}
}
