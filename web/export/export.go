// Package export writes a rendered Versus site as a folder of static files that any static
// host or CDN can serve: every page and asset with the bytes the server sends (taken from
// the server's pre-rendered store, so the two cannot disagree), the server's 404 page, the
// server's permanent redirects as a _redirects file plus a meta-refresh page at each old
// address, and precompressed .gz and .br copies beside every compressible file.
package export

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/versus-dev/versus/web/compress"
	"github.com/versus-dev/versus/web/parallel"
	"github.com/versus-dev/versus/web/server"
)

// Names of the files an export has besides its pages and assets.
const (
	NotFoundFile  = "404.html"   // the page static hosts show for an unknown address
	RedirectsFile = "_redirects" // Netlify and Cloudflare Pages format: "/from /to 301" per line
)

// Summary counts what Write wrote.
type Summary struct {
	Pages      int   // HTML pages, each at <path>/index.html (the home page at index.html)
	Files      int   // other files at their own path: assets and data twins such as .json
	Redirects  int   // redirects, each a _redirects line and a meta-refresh page
	Compressed int   // .gz and .br copies
	Bytes      int64 // everything written, compressed copies included
}

// output is one file to write, relative to the export folder.
type output struct {
	name        string // slash-separated, e.g. compare/flask-vs-django/index.html
	contentType string
	body        []byte
}

// Write writes the pages and assets that srv serves into dir, with the extras static hosts
// need (see the package comment); only the 404 and redirect pages are rendered here. dir is created when
// missing; an existing dir must be empty or hold a previous export, whose files are
// replaced so that nothing stale is left behind.
func Write(ctx context.Context, dir string, srv *server.Server) (Summary, error) {
	var sum Summary
	outputs, err := plan(ctx, srv, &sum)
	if err != nil {
		return Summary{}, err
	}
	if err := prepareDir(dir); err != nil {
		return Summary{}, err
	}
	written, compressed, err := writeAll(ctx, dir, outputs)
	if err != nil {
		return Summary{}, err
	}
	sum.Bytes, sum.Compressed = written, compressed
	return sum, nil
}

// plan lists every file of the export and checks that no two share a name.
func plan(ctx context.Context, srv *server.Server, sum *Summary) ([]output, error) {
	var outputs []output
	pagePaths := map[string]bool{}
	// Search and the decision helper need the server: the export has versions that say so.
	variants, err := srv.Renderer().StaticVariants(ctx)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	static := map[string][]byte{}
	for _, v := range variants {
		static[v.Path] = v.Body
	}
	for _, f := range srv.Files() {
		if body, ok := static[f.Path]; ok {
			f.Body = body
		}
		name, isPage, err := fileName(f.Path)
		if err != nil {
			return nil, err
		}
		if isPage {
			sum.Pages++
			pagePaths[f.Path] = true
		} else {
			sum.Files++
		}
		outputs = append(outputs, output{name: name, contentType: f.ContentType, body: f.Body})
	}

	notFound, err := srv.Renderer().Error(ctx, http.StatusNotFound, "/"+NotFoundFile, "")
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	outputs = append(outputs, output{name: NotFoundFile, contentType: htmlType, body: notFound})

	redirects := siteRedirects(srv.Renderer().Site())
	for _, r := range redirects {
		if pagePaths[r.From] {
			return nil, fmt.Errorf("export: the redirect from %s to %s would replace the page at %s", r.From, r.To, r.From)
		}
		name, _, err := fileName(r.From)
		if err != nil {
			return nil, err
		}
		body := refreshPage(r.To, srv.Renderer().AbsoluteURL(r.To))
		outputs = append(outputs, output{name: name, contentType: htmlType, body: body})
	}
	sum.Redirects = len(redirects)
	outputs = append(outputs, output{name: RedirectsFile, contentType: "text/plain; charset=utf-8", body: redirectsFile(redirects)})

	seen := make(map[string]bool, len(outputs))
	for _, o := range outputs {
		if seen[o.name] {
			return nil, fmt.Errorf("export: two files would be written to %s", o.name)
		}
		seen[o.name] = true
	}
	sort.Slice(outputs, func(i, j int) bool { return outputs[i].name < outputs[j].name })
	return outputs, nil
}

// fileName maps a site path to its file in the export: a path whose last segment has an
// extension (an asset, a .json twin) is written as is; any other path is a page, written
// as <path>/index.html so that static hosts serve it at the path itself.
func fileName(urlPath string) (name string, isPage bool, err error) {
	if !strings.HasPrefix(urlPath, "/") || path.Clean(urlPath) != urlPath || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false, fmt.Errorf("export: %q is not a clean absolute site path", urlPath)
	}
	if urlPath == "/" {
		return "index.html", true, nil
	}
	rel := strings.TrimPrefix(urlPath, "/")
	if path.Ext(rel) != "" {
		return rel, false, nil
	}
	return rel + "/index.html", true, nil
}

// prepareDir makes dir ready to receive an export: created when missing, emptied when it
// holds a previous export. Any other non-empty folder is refused, so that a mistyped -o
// cannot delete someone's files.
func prepareDir(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("export: creating the output folder: %w", err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("export: output folder: %w", err)
	case !info.IsDir():
		return fmt.Errorf("export: output folder %s is a file", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("export: reading the output folder: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if !isExport(dir) {
		return fmt.Errorf("export: output folder %s is not empty and holds no previous export (no %s and %s); choose a new or empty folder", dir, NotFoundFile, RedirectsFile)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("export: removing the previous export: %w", err)
		}
	}
	return nil
}

// isExport reports whether dir holds the files every export has.
func isExport(dir string) bool {
	for _, name := range []string{NotFoundFile, RedirectsFile, "index.html"} {
		if info, err := os.Stat(filepath.Join(dir, name)); err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// writeAll writes every output and its compressed copies, on every CPU. It returns the
// bytes written and the number of compressed copies.
func writeAll(ctx context.Context, dir string, outputs []output) (int64, int, error) {
	type result struct {
		bytes      int64
		compressed int
		err        error
	}
	results := make([]result, len(outputs))
	parallel.Each(len(outputs), func() func(int) {
		c := compress.New()
		return func(i int) {
			if err := ctx.Err(); err != nil {
				results[i].err = err
				return
			}
			results[i].bytes, results[i].compressed, results[i].err = writeOutput(c, dir, outputs[i])
		}
	})
	var total int64
	var compressed int
	for i, r := range results {
		if r.err != nil {
			return 0, 0, fmt.Errorf("export: writing %s: %w", outputs[i].name, r.err)
		}
		total += r.bytes
		compressed += r.compressed
	}
	return total, compressed, nil
}

// writeOutput writes one file and, when it is compressible and compression makes it
// smaller, its .gz and .br copies.
func writeOutput(c *compress.Compressor, dir string, o output) (int64, int, error) {
	file := filepath.Join(dir, filepath.FromSlash(o.name))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return 0, 0, err
	}
	if err := os.WriteFile(file, o.body, 0o644); err != nil {
		return 0, 0, err
	}
	total, written := int64(len(o.body)), 0
	if o.name == RedirectsFile || !compress.Compressible(o.contentType) {
		return total, written, nil
	}
	for _, cp := range copies {
		packed, err := cp.make(c, o.body)
		if err != nil {
			return 0, 0, err
		}
		if len(packed) >= len(o.body) {
			continue
		}
		if err := os.WriteFile(file+cp.suffix, packed, 0o644); err != nil {
			return 0, 0, err
		}
		total += int64(len(packed))
		written++
	}
	return total, written, nil
}
