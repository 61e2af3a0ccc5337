package site

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/versus-dev/versus/web/lockfile"
	"github.com/versus-dev/versus/web/markdown"
)

// Code samples: within a code group (consecutive fenced blocks with framework=, see
// web/markdown), one subject's blocks are one sample. Their attributes say how CI checks it
// (request=, contains=, …: a Check) and, with version=, which of its subject's releases it
// is right for. CI runs each sample in every environment of its subject whose release it is
// right for (web/samples); the environments are the lock files a subject's samples: field
// names (samples/<env>.txt), from which the subject's Releases come, so that the pages say
// what CI ran from the same files CI installs.

// Release is one environment a subject's samples run in: the version of the subject's own
// package that the environment's lock file pins, and the Python it was compiled for.
type Release struct {
	Env     string // the environment, named after its lock file: "django-py313" for samples/django-py313.txt
	Version string // "6.1.3"
	Python  string // "3.13"
}

// LockPath is the lock file of an environment, within the content folder.
func LockPath(env string) string { return "samples/" + env + ".txt" }

// HowSamplesRunGuide is the slug of the guide that explains how the samples are run; when
// the content has it, every sample's mark links to it.
const HowSamplesRunGuide = "how-the-code-is-tested"

// VersionRange is a sample's version= attribute: the releases of its subject it is right
// for. "6.1+" is 6.1 and every later release; "5.2" is 5.2.x only. The zero value (no
// attribute) is every release.
type VersionRange struct {
	From  string // major.minor, "6.1"; "" for every release
	Later bool   // and every later release
}

var versionAttribute = regexp.MustCompile(`^(\d+\.\d+)(\+?)$`)

// ParseVersionRange reads a version= attribute: "6.1+" or "5.2".
func ParseVersionRange(s string) (VersionRange, error) {
	m := versionAttribute.FindStringSubmatch(s)
	if m == nil {
		return VersionRange{}, fmt.Errorf("version=%q must be a major.minor version, alone (\"5.2\": that release only) or with a + (\"6.1+\": that release and later)", s)
	}
	return VersionRange{From: m[1], Later: m[2] == "+"}, nil
}

// All reports whether the range is every release (no version= attribute).
func (v VersionRange) All() bool { return v.From == "" }

// Includes reports whether a release ("6.1.3") is in the range.
func (v VersionRange) Includes(version string) bool {
	if v.All() {
		return true
	}
	c := lockfile.Compare(lockfile.MajorMinor(version), v.From)
	return c == 0 || (v.Later && c > 0)
}

// String is the attribute as written: "6.1+", "5.2", or "" for every release.
func (v VersionRange) String() string {
	if v.Later {
		return v.From + "+"
	}
	return v.From
}

// Label says what the range means on a page, for a subject: "Django 6.1+ only"; "" for
// every release.
func (v VersionRange) Label(subject string) string {
	if v.All() {
		return ""
	}
	return subject + " " + v.String() + " only"
}

// ReleasesFor returns the subject's releases a sample with this version range runs on,
// in the order its samples: field lists them.
func (s Subject) ReleasesFor(v VersionRange) []Release {
	var out []Release
	for _, r := range s.Releases {
		if v.Includes(r.Version) {
			out = append(out, r)
		}
	}
	return out
}

// Check is what CI's run of a sample asserts, from its blocks' attributes. Exactly one of
// Request, CLI, Unittest and WebSocket is set for a sample that runs; Skip holds the
// reason one does not (a service the harness does not run). The JSON names are what
// web/samples' driver.py reads.
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

// Runs reports whether the sample has something to run and assert.
func (c Check) Runs() bool {
	return c.Request != "" || c.CLI != "" || c.Unittest != "" || c.WebSocket != ""
}

// SampleSpec is what a sample's attributes say: how CI checks it and which releases it is
// right for.
type SampleSpec struct {
	Check    Check
	Versions VersionRange
}

// sampleAttributes are the block attributes that make up a SampleSpec.
var sampleAttributes = []string{"request", "form", "json", "status", "contains", "header", "cli", "unittest", "websocket", "send", "setup", "skip", "version"}

// serviceSkip is what a skip= reason must name: a service the harness does not run
// ("needs a Redis server"). A sample that needs another release says so with version=.
var (
	serviceSkip = regexp.MustCompile(`^needs .*\b(?:server|service|broker)\b`)
	versionSkip = regexp.MustCompile(`^needs [A-Za-z][\w-]* (\d+\.\d+)`)
)

// ParseSample reads the attributes of one sample's blocks (each may be set on any one of
// them) and returns what they say, with a message for each problem.
func ParseSample(blocks []markdown.CodeBlock) (SampleSpec, []string) {
	values := map[string]string{}
	var problems []string
	for _, b := range blocks {
		for _, name := range sampleAttributes {
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
	spec := SampleSpec{Check: c}
	if v, ok := values["version"]; ok {
		var err error
		if spec.Versions, err = ParseVersionRange(v); err != nil {
			problems = append(problems, err.Error())
		}
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
	switch {
	case c.Skip == "" || serviceSkip.MatchString(c.Skip):
	case versionSkip.MatchString(c.Skip):
		v := versionSkip.FindStringSubmatch(c.Skip)[1]
		problems = append(problems, fmt.Sprintf("skip=%q: a sample that is right for some releases only says so with version=%q (or %q for that one alone), and runs on those; drop the skip and give it a check", c.Skip, v+"+", v))
	default:
		problems = append(problems, fmt.Sprintf("skip=%q must name a service the harness does not run (\"needs a Redis server\")", c.Skip))
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
	return spec, problems
}

// SampleMark is what the page says of a sample's code, under it and, in short, in the
// header of each of its blocks: which releases it is right for, which CI ran it on
// ("Runs on Django 5.2.19 and 6.1.3") and what the run checks (nil when there is nothing to say: no
// version= and no environment). how is the page that explains how samples are run, linked
// from the mark when it has a URL.
func (s Subject) SampleMark(spec SampleSpec, how NamedLink) *markdown.SampleMark {
	releases := s.ReleasesFor(spec.Versions)
	mark := &markdown.SampleMark{Only: spec.Versions.Label(s.Name)}
	if len(releases) == 0 || !spec.Check.Runs() {
		if mark.Only == "" {
			return nil
		}
		return mark
	}
	mark.Summary = "Tested on " + s.Name + " " + releaseList(releases)
	mark.Runs = "Runs on " + s.Name + " " + joinAnd(versionsOf(releases))
	mark.Details = spec.Check.describe(s.ID)
	mark.Link, mark.LinkText = how.URL, how.Title
	return mark
}

// versionsOf lists the versions of releases, each once, in order.
func versionsOf(releases []Release) []string {
	var versions []string
	for _, r := range releases {
		if !slices.Contains(versions, r.Version) {
			versions = append(versions, r.Version)
		}
	}
	return versions
}

// releaseList names releases with their Pythons, each version once: "5.2.19 (Python 3.11)
// and 6.1.3 (Python 3.13)", "3.1.3 (Python 3.11 and 3.13)".
func releaseList(releases []Release) string {
	versions := versionsOf(releases)
	pythons := map[string][]string{}
	for _, r := range releases {
		if !slices.Contains(pythons[r.Version], r.Python) {
			pythons[r.Version] = append(pythons[r.Version], r.Python)
		}
	}
	parts := make([]string, len(versions))
	for i, v := range versions {
		parts[i] = v + " (Python " + joinAnd(pythons[v]) + ")"
	}
	return joinAnd(parts)
}

// joinAnd joins words as "A", "A and B", "A, B and C".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// describe says what the check sends and what it expects, for the sample's mark.
func (c Check) describe(framework string) []markdown.MarkDetail {
	text := func(s string) markdown.MarkPart { return markdown.MarkPart{Text: s} }
	code := func(s string) markdown.MarkPart { return markdown.MarkPart{Text: s, Code: true} }
	quoted := func(s string) markdown.MarkPart { return markdown.MarkPart{Text: s, Quote: true} }
	var out []markdown.MarkDetail
	if c.Setup != "" {
		out = append(out, markdown.MarkDetail{Label: "First", Parts: []markdown.MarkPart{text("runs "), code(c.Setup)}})
	}
	var expects []markdown.MarkPart
	add := func(parts ...markdown.MarkPart) {
		if len(expects) > 0 {
			expects = append(expects, text(", "))
		}
		expects = append(expects, parts...)
	}
	switch {
	case c.Request != "":
		sends := []markdown.MarkPart{code(c.Request)}
		if c.Form != "" {
			sends = append(sends, text(" with the form "), code(c.Form))
		}
		if c.JSON != "" {
			sends = append(sends, text(" with the JSON body "), code(c.JSON))
		}
		out = append(out, markdown.MarkDetail{Label: "Request", Parts: sends})
		status := c.Status
		if status == "" {
			status = "200"
		}
		add(text("status " + status))
		if c.Contains != "" {
			add(text("a body containing "), quoted(c.Contains))
		}
		if c.Header != "" {
			add(text("the header "), code(c.Header))
		}
	case c.CLI != "":
		command := map[string]string{"flask": "flask ", "django": "python manage.py "}[framework] + c.CLI
		out = append(out, markdown.MarkDetail{Label: "Command", Parts: []markdown.MarkPart{code(command)}})
		add(text("success"))
		if c.Contains != "" {
			add(text("output containing "), quoted(c.Contains))
		}
	case c.Unittest != "":
		runner := "unittest discovery"
		if framework == "django" {
			runner = "Django's test runner"
		}
		out = append(out, markdown.MarkDetail{Label: "Tests", Parts: []markdown.MarkPart{text("the sample's unit tests, through " + runner)}})
		add(text("every test passes (at least one runs)"))
	case c.WebSocket != "":
		parts := []markdown.MarkPart{text("opens "), code(c.WebSocket)}
		if c.Send != "" {
			parts = append(parts, text(" and sends "), quoted(c.Send))
		}
		out = append(out, markdown.MarkDetail{Label: "WebSocket", Parts: parts})
		add(text("a first reply"))
		if c.Contains != "" {
			expects = append(expects, text(" containing "), quoted(c.Contains))
		}
	}
	if len(expects) > 0 {
		out = append(out, markdown.MarkDetail{Label: "Expects", Parts: expects})
	}
	return out
}
