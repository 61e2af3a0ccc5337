// Package export writes a built Versus site (web/build) as a folder of static files that
// any static host or CDN can serve: every page and asset with the bytes the server sends,
// each page's preview image (drawn here, all at once), the 404 page, the permanent
// redirects as a _redirects file plus a meta-refresh page at each old address of a page,
// the response headers as a _headers file, and the .gz and .br copies beside every
// compressible file.
package export

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/compress"
	"github.com/versus-dev/versus/web/pages"
	"github.com/versus-dev/versus/web/parallel"
	"github.com/versus-dev/versus/web/preview"
)

// Names of the files an export has besides its pages and assets.
const (
	NotFoundFile  = "404.html"   // the page static hosts show for an unknown address
	RedirectsFile = "_redirects" // Netlify and Cloudflare Pages format: "/from /to 301" per line
)

// Summary counts what Write wrote.
type Summary struct {
	Pages      int   // HTML pages, each at <path>/index.html (the home page at index.html)
	Previews   int   // the pages' preview images, at their own path under preview/
	Files      int   // other files at their own path: assets and data twins such as .json
	Redirects  int   // redirects, each a _redirects line and a meta-refresh page
	Compressed int   // .gz and .br copies
	Bytes      int64 // everything written, compressed copies included
}

// output is one file to write, relative to the export folder, with its compressed
// copies.
type output struct {
	name   string // slash-separated, e.g. compare/flask-vs-django/index.html
	body   []byte
	copies []copy
}

// copy is a compressed copy of an output, written beside it.
type copy struct {
	suffix string // ".gz" or ".br"
	body   []byte
}

// copySuffixes names the compressed copies of a file by encoding.
var copySuffixes = map[build.Encoding]string{build.Gzip: ".gz", build.Brotli: ".br"}

// Write writes out into dir, with the extras static hosts need (see the package comment);
// only the redirect pages are made here. dir is created when missing; an existing dir
// must be empty or hold a previous export, whose files are replaced so that nothing stale
// is left behind.
func Write(ctx context.Context, dir string, out *build.Output) (Summary, error) {
	var sum Summary
	outputs, err := plan(out, &sum)
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
func plan(out *build.Output, sum *Summary) ([]output, error) {
	var outputs []output
	pagePaths := map[string]bool{}
	previews := map[string]bool{out.NotFound.Preview: true} // the images the pages show
	exportVersion := map[string]*build.File{}
	for _, f := range out.Export {
		exportVersion[f.Path] = f
	}
	for _, f := range out.Files {
		if v, ok := exportVersion[f.Path]; ok {
			f = v
		}
		name, isPage, err := fileName(f.Path)
		if err != nil {
			return nil, err
		}
		if isPage {
			sum.Pages++
			pagePaths[f.Path] = true
			if f.Preview != "" {
				previews[f.Preview] = true
			}
		} else {
			sum.Files++
		}
		outputs = append(outputs, fileOutput(name, f))
	}
	outputs = append(outputs, fileOutput(NotFoundFile, out.NotFound))
	images, err := drawPreviews(out, previews)
	if err != nil {
		return nil, err
	}
	sum.Previews = len(images)
	outputs = append(outputs, images...)

	c := compress.New()
	for _, r := range out.Redirects {
		if pagePaths[r.From] {
			return nil, fmt.Errorf("export: the redirect from %s to %s would replace the page at %s", r.From, r.To, r.From)
		}
		name, isPage, err := fileName(r.From)
		if err != nil {
			return nil, err
		}
		if !isPage {
			continue // a data twin's old address: only _redirects can send it on
		}
		page := &build.File{Path: r.From, ContentType: pages.HTMLType, Variants: [build.NumEncodings]*build.Variant{{Body: refreshPage(r.To, out.Renderer.AbsoluteURL(r.To))}}}
		if err := build.Encode(c, page); err != nil {
			return nil, fmt.Errorf("export: compressing %s: %w", name, err)
		}
		outputs = append(outputs, fileOutput(name, page))
	}
	sum.Redirects = len(out.Redirects)
	outputs = append(outputs, output{name: RedirectsFile, body: redirectsFile(out.Redirects)})
	outputs = append(outputs, output{name: HeadersFile, body: headersFile()})

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

// drawPreviews draws the preview images at paths, on every CPU.
func drawPreviews(out *build.Output, paths map[string]bool) ([]output, error) {
	var sorted []string
	for p := range paths {
		if p != "" {
			sorted = append(sorted, p)
		}
	}
	sort.Strings(sorted)
	images := make([]output, len(sorted))
	errs := make([]error, len(sorted))
	parallel.Each(len(sorted), func() func(int) {
		return func(i int) {
			name, _, err := fileName(sorted[i])
			if err != nil {
				errs[i] = err
				return
			}
			card, ok := out.Previews[sorted[i]]
			if !ok {
				errs[i] = fmt.Errorf("export: a page shows the preview image %s, which the build has no card for", sorted[i])
				return
			}
			body, err := preview.Draw(card)
			if err != nil {
				errs[i] = fmt.Errorf("export: drawing %s: %w", name, err)
				return
			}
			images[i] = output{name: name, body: body}
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return images, nil
}

// fileOutput is a built file as written at name, with its compressed copies.
func fileOutput(name string, f *build.File) output {
	o := output{name: name, body: f.Body()}
	for enc, suffix := range copySuffixes {
		if v := f.Variants[enc]; v != nil {
			o.copies = append(o.copies, copy{suffix: suffix, body: v.Body})
		}
	}
	return o
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
	errs := make([]error, len(outputs))
	parallel.Each(len(outputs), func() func(int) {
		return func(i int) {
			if err := ctx.Err(); err != nil {
				errs[i] = err
				return
			}
			errs[i] = writeOutput(dir, outputs[i])
		}
	})
	var total int64
	var compressed int
	for i, o := range outputs {
		if errs[i] != nil {
			return 0, 0, fmt.Errorf("export: writing %s: %w", o.name, errs[i])
		}
		total += int64(len(o.body))
		for _, c := range o.copies {
			total += int64(len(c.body))
			compressed++
		}
	}
	return total, compressed, nil
}

// writeOutput writes one file and its compressed copies.
func writeOutput(dir string, o output) error {
	file := filepath.Join(dir, filepath.FromSlash(o.name))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(file, o.body, 0o644); err != nil {
		return err
	}
	for _, c := range o.copies {
		if err := os.WriteFile(file+c.suffix, c.body, 0o644); err != nil {
			return err
		}
	}
	return nil
}
