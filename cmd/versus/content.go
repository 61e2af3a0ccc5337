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
		root, err := openFolder("content folder", dir)
		if err != nil {
			return nil, err
		}
		defer root.Close() // Load reads every file before it returns
		fsys = root.FS()
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

// openFolder opens dir, given as the what (content or static files), as an os.Root: files
// are read through it, so none can lead out of the folder (a symlink to a file elsewhere,
// "../"), while symlinks that stay inside it work as usual. Refusing every symlink would
// also refuse those, for no safety gained.
func openFolder(what, dir string) (*os.Root, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s %s is not a folder", what, dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return root, nil
}

// newHighlighter returns a highlighter seeded with the shipped content's highlight cache,
// so blocks that are as shipped are not highlighted again; others (edited or own content)
// are highlighted as they come. When the cache cannot be used the highlighter starts
// empty, which only makes start-up slower, and problem says why: it wraps
// errHighlightCacheDamaged when the file does not parse, so the caller can tell a broken
// file from one that a different chroma made.
func newHighlighter() (h *highlight.Highlighter, problem error) {
	cache, err := highlight.ParseCache(embeddedHighlightCache)
	if err != nil {
		return highlight.New(nil), fmt.Errorf("%w: %w; rewrite it with go generate ./content", errHighlightCacheDamaged, err)
	}
	if usable, why := cache.Usable(); !usable {
		return highlight.New(nil), fmt.Errorf("the embedded highlight cache is left out: %s; rewrite it with go generate ./content", why)
	}
	return highlight.New(cache), nil
}

// embeddedHighlightCache is the shipped cache; tests replace it with a damaged one.
var embeddedHighlightCache = content.HighlightCache

// errHighlightCacheDamaged is why a highlight cache that does not parse is left out.
var errHighlightCacheDamaged = errors.New("the embedded highlight cache is damaged")

// highlighterFor returns the highlighter a command that loads the content in dir uses,
// telling the author on stderr when the cache is left out. The embedded cache belongs to
// the embedded content, so checking that content fails on a damaged cache (strict); for a
// folder of one's own, or when the cache comes from another chroma, it is a warning.
func highlighterFor(p *process, dir string, strict bool) (*highlight.Highlighter, error) {
	h, problem := newHighlighter()
	if problem == nil {
		return h, nil
	}
	if strict && dir == "" && errors.Is(problem, errHighlightCacheDamaged) {
		return nil, problem
	}
	fmt.Fprintf(p.stderr, "versus: warning: %v (start-up highlights every code block)\n", problem)
	return h, nil
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
