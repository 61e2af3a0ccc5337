package main

import (
	"context"
	"fmt"
	"io"

	"github.com/versus-dev/versus/web/build"
)

// checkFlags declares the flags of check.
func checkFlags(stderr io.Writer) (*flagSet, *string) {
	var dir string
	fs := newFlagSet("check", "[flags]", "Loads and validates the content and renders every page, as serve does before it listens,\nwithout serving. Every problem is printed as file:line: message and the exit status is 1;\nwhen there is none it prints a one-line summary and exits 0.", stderr)
	fs.StringVar(&dir, "content", "", "check the content in this folder instead of the embedded content")
	fs.envTwin("content", "VERSUS_CONTENT")
	return fs, &dir
}

// runCheck validates the content. The problems come back as the *site.ValidationError,
// which main prints, one file:line: message per line.
func runCheck(ctx context.Context, p *process, args []string) error {
	fs, dir := checkFlags(p.stderr)
	if err := fs.parse(args, p.getenv); err != nil {
		return err
	}
	h, err := highlighterFor(p, *dir, true)
	if err != nil {
		return err
	}
	s, err := loadContent(*dir, h)
	if err != nil {
		return err
	}
	// Rendering can fail where loading did not (a page component's error): check does
	// everything serve does before it listens.
	out, err := build.Site(ctx, s, build.Config{})
	if err != nil {
		return fmt.Errorf("rendering the site: %w", err)
	}
	rows := 0
	for _, c := range s.Comparisons {
		rows += len(c.Rows)
	}
	fmt.Fprintf(p.stdout, "%s is valid: %d comparison(s) with %d rows, %d guide(s), %d profile(s); %d pages and assets render\n",
		contentName(*dir), len(s.Comparisons), rows, len(s.Guides), len(s.Frameworks), len(out.Files))
	return nil
}
