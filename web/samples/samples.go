// Package samples finds the code samples in content and describes how each one is checked.
// A sample is one framework's blocks within a code group (see web/markdown): its files are
// written and run together by driver.py, from the tests in this package, in a virtual
// environment built from the framework's lock file (requirements/<framework>.txt; see
// venv.go).
package samples

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/versus-dev/versus/web/markdown"
	"github.com/versus-dev/versus/web/site"
)

// Sample is one framework's code within one code group.
type Sample struct {
	File      string // content file, e.g. comparisons/flask-vs-django/rows/orm.md
	Line      int    // line of the sample's first block
	Framework string
	Blocks    []markdown.CodeBlock
	Check     Check
}

// Check is what running a sample must show. Exactly one of Request, CLI, Unittest and
// WebSocket is set for a sample that runs; Skip holds the reason one does not.
type Check struct {
	Request   string `json:"request,omitempty"`
	Form      string `json:"form,omitempty"`
	JSON      string `json:"json,omitempty"`
	Status    string `json:"status,omitempty"`
	Contains  string `json:"contains,omitempty"`
	Header    string `json:"header,omitempty"`
	CLI       string `json:"cli,omitempty"`
	Unittest  string `json:"unittest,omitempty"`
	WebSocket string `json:"websocket,omitempty"`
	Send      string `json:"send,omitempty"`
	Setup     string `json:"setup,omitempty"`
	Skip      string `json:"-"`
}

// checkAttributes are the block attributes that make up a Check.
var checkAttributes = []string{"request", "form", "json", "status", "contains", "header", "cli", "unittest", "websocket", "send", "setup", "skip"}

// Runs reports whether the sample has something to run and assert.
func (c Check) Runs() bool {
	return c.Request != "" || c.CLI != "" || c.Unittest != "" || c.WebSocket != ""
}

// skipReason is what a skip= reason must name: the framework version the sample needs,
// with the Python that version needs when the harness's is too old ("needs Django 6.0
// (Python 3.12+)"), or a service the harness does not run ("needs a Redis server").
var skipReason = regexp.MustCompile(`^needs (?:[A-Za-z][\w-]* \d+\.\d+\+? \(Python \d+\.\d+\+\)|.*\b(?:server|service|broker)\b)`)

// versionSkip reads a skip reason of the first kind above.
var versionSkip = regexp.MustCompile(`^needs ([A-Za-z][\w-]*) (\d+\.\d+)\+? \(Python (\d+\.\d+)\+\)`)

// Need is what a skip reason such as "needs Django 6.0 (Python 3.12+)" says the sample needs.
type Need struct {
	Name    string // "Django", as the reason spells it
	Version string // "6.0"
	Python  string // "3.12"
}

// NeedsVersion reads the version a skipped sample needs, when its reason names one.
func (c Check) NeedsVersion() (Need, bool) {
	m := versionSkip.FindStringSubmatch(c.Skip)
	if m == nil {
		return Need{}, false
	}
	return Need{Name: m[1], Version: m[2], Python: m[3]}, true
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
				s.Check, msgs = checkOf(s.Blocks)
				for _, m := range msgs {
					problems = append(problems, fmt.Sprintf("%s:%d: %s", file, s.Line, m))
				}
				samples = append(samples, s)
			}
		}
	}
	return samples, problems, nil
}

// checkOf merges the check attributes of a sample's blocks.
func checkOf(blocks []markdown.CodeBlock) (Check, []string) {
	values := map[string]string{}
	var problems []string
	for _, b := range blocks {
		for _, name := range checkAttributes {
			v, ok := b.Attrs[name]
			if !ok {
				continue
			}
			if old, seen := values[name]; seen && old != v {
				problems = append(problems, fmt.Sprintf("%s= is set twice in one sample (%q and %q)", name, old, v))
			}
			values[name] = v
		}
	}
	c := Check{
		Request: values["request"], Form: values["form"], JSON: values["json"], Status: values["status"],
		Contains: values["contains"], Header: values["header"], CLI: values["cli"], Unittest: values["unittest"],
		WebSocket: values["websocket"], Send: values["send"], Setup: values["setup"], Skip: values["skip"],
	}
	modes := 0
	for _, v := range []string{c.Request, c.CLI, c.Unittest, c.WebSocket} {
		if v != "" {
			modes++
		}
	}
	if modes > 1 {
		problems = append(problems, "a sample takes one of request=, cli=, unittest= or websocket=, not several")
	}
	if c.Skip != "" && !skipReason.MatchString(c.Skip) {
		problems = append(problems, fmt.Sprintf("skip=%q must say what the sample needs: a version the harness cannot install (\"needs Django 6.0 (Python 3.12+)\") or a service it does not run (\"needs a Redis server\")", c.Skip))
	}
	if c.Send != "" && c.WebSocket == "" {
		problems = append(problems, "send= goes with websocket=")
	}
	if c.WebSocket != "" && !strings.HasPrefix(c.WebSocket, "/") {
		problems = append(problems, fmt.Sprintf("websocket=%q must be a path such as \"/ws/echo\"", c.WebSocket))
	}
	if c.Skip != "" && modes > 0 {
		problems = append(problems, "skip= and a check on the same sample: drop one")
	}
	if c.Request != "" && !strings.Contains(c.Request, " /") {
		problems = append(problems, fmt.Sprintf("request=%q must be \"METHOD /path\"", c.Request))
	}
	return c, problems
}
