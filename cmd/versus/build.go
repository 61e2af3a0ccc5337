package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/export"
)

// buildOptions are the settings of the build command.
type buildOptions struct {
	outDir     string
	contentDir string
	site       siteOptions
}

// buildFlags declares the flags of build.
func buildFlags(stderr io.Writer) (*flagSet, *buildOptions) {
	o := &buildOptions{}
	fs := newFlagSet("build", "-o DIR [flags]", `Renders the site exactly as serve does and writes it to DIR as static files for any static
host or CDN: every page as <path>/index.html, assets and data files at their path, 404.html,
the redirects as _redirects (Netlify and Cloudflare Pages format) and as meta-refresh pages,
the security and asset cache headers as _headers (the same format), and .gz and .br copies
beside every text file. DIR is created if missing; if it exists it must
be empty or hold a previous export, which is replaced.`, stderr)
	fs.StringVar(&o.outDir, "o", "", "write the export to this folder (required)")
	fs.StringVar(&o.contentDir, "content", "", "export the content in this folder instead of the embedded content")
	o.site.declare(fs, "http://localhost:8080")
	fs.envTwin("content", "VERSUS_CONTENT")
	return fs, o
}

// runBuild writes the static export.
func runBuild(ctx context.Context, p *process, args []string) error {
	fs, o := buildFlags(p.stderr)
	if err := fs.parse(args, p.getenv); err != nil {
		return err
	}
	if o.outDir == "" {
		fmt.Fprintln(p.stderr, "versus build: -o DIR is required")
		fs.Usage()
		return errUsage
	}
	start := time.Now()
	h, err := highlighterFor(p, o.contentDir, false)
	if err != nil {
		return err
	}
	s, err := loadContent(o.contentDir, h)
	if err != nil {
		return err
	}
	if o.site.baseURL == "" {
		fmt.Fprintln(p.stderr, "versus build: no -base-url given: canonical links will point to http://localhost:8080")
	}
	out, err := build.Site(ctx, s, build.Config{Pages: o.site.config()})
	if err != nil {
		return fmt.Errorf("rendering the site: %w", err)
	}
	sum, err := export.Write(ctx, o.outDir, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(p.stdout, "wrote %d pages, %d preview images, %d other files and %d redirects to %s (%d .gz/.br copies, %.1f MiB in all) in %s\n",
		sum.Pages, sum.Previews, sum.Files, sum.Redirects, o.outDir, sum.Compressed, float64(sum.Bytes)/(1<<20), time.Since(start).Round(time.Millisecond))
	return nil
}
