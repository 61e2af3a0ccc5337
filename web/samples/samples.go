// Package samples finds the code samples in content and runs them. A sample is one
// framework's blocks within a code group (see web/markdown; its attributes are read by
// web/site): its files are written and run together by driver.py, from the tests in this
// package, in every environment of its framework that its version= range allows. An
// environment is a virtual environment built from a lock file of the content
// (content/samples/<env>.txt; see venv.go) with the Python that lock was compiled for: the
// python3 on PATH, or the Debian root's (see python.go).
package samples

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/versus-dev/versus/web/markdown"
	"github.com/versus-dev/versus/web/site"
)

// Sample is one framework's code within one code group.
type Sample struct {
	File      string // content file, e.g. comparisons/flask-vs-django-vs-fastapi/rows/orm.md
	Line      int    // line of the sample's first block
	Framework string
	Blocks    []markdown.CodeBlock
	Spec      site.SampleSpec // what its attributes say: its check and the releases it is for
}

// ID names a sample in test output: "orm/L30-flask".
func (s Sample) ID() string {
	return fmt.Sprintf("%s/L%d-%s", strings.TrimSuffix(path.Base(s.File), ".md"), s.Line, s.Framework)
}

// IsPython reports whether any of the sample's blocks is Python.
func (s Sample) IsPython() bool {
	for _, b := range s.Blocks {
		if IsPython(b.Language) {
			return true
		}
	}
	return false
}

// IsPython reports whether a fence language is Python.
func IsPython(lang string) bool {
	switch strings.ToLower(lang) {
	case "python", "py", "python3":
		return true
	}
	return false
}

// Collect finds every sample in the Markdown files of fsys. It reads bodies on its own
// (front matter is skipped, not validated), so a sample can be run while the rest of the
// content is still being written. Problems with the check attributes are returned as
// "file:line: message" strings.
func Collect(fsys fs.FS) ([]Sample, []string, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && path.Ext(p) == ".md" && path.Base(p) != "README.md" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("listing content: %w", err)
	}
	sort.Strings(files)
	md := markdown.New(nil, nil)
	var samples []Sample
	var problems []string
	for _, file := range files {
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s: %w", file, err)
		}
		_, body, offset, err := site.SplitFrontMatter(data)
		if err != nil {
			body, offset = data, 0 // the loader reports it; the samples can still run
		}
		doc, err := md.Render(body, offset)
		if err != nil {
			return nil, nil, fmt.Errorf("rendering %s: %w", file, err)
		}
		for _, b := range doc.CodeBlocks {
			if raw, bad := b.Attrs[markdown.InvalidAttributes]; bad {
				problems = append(problems, fmt.Sprintf("%s:%d: code block attributes %s cannot be read (quote values with / or spaces)", file, b.Line, raw))
			}
		}
		for _, group := range doc.CodeGroups {
			for _, fw := range group.Frameworks() {
				s := Sample{File: file, Framework: fw}
				for _, b := range group.Blocks {
					if b.Framework == fw {
						s.Blocks = append(s.Blocks, b)
					}
				}
				s.Line = s.Blocks[0].Line
				var msgs []string
				s.Spec, msgs = site.ParseSample(s.Blocks)
				for _, m := range msgs {
					problems = append(problems, fmt.Sprintf("%s:%d: %s", file, s.Line, m))
				}
				samples = append(samples, s)
			}
		}
	}
	return samples, problems, nil
}
