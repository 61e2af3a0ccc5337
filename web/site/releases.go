package site

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/versus-dev/versus/web/lockfile"
	"github.com/versus-dev/versus/web/markdown"
)

// The loader's part of the code samples (see samples.go): it reads the lock file of each
// environment a subject's samples: field names, holds covers: to what the locks pin, and
// checks every sample's attributes.

// coveredVersion is a major.minor version in a covers: field ("5.2 LTS and 6.1", "0.165").
var coveredVersion = regexp.MustCompile(`\b\d+\.\d+\b`)

// readReleases reads the lock of every environment the comparison's subjects name and
// gives each subject its releases, reporting missing or unreadable locks, locks that do
// not pin the subject's package, and covers: fields that name other versions than the
// locks pin.
func (l *loader) readReleases(doc *document, meta *comparisonMeta) {
	ps := &l.problems
	for i, s := range meta.Subjects {
		if _, seen := l.subjects[s.ID]; seen {
			if prev := l.subjects[s.ID]; !slices.Equal(envsOf(prev.Releases), s.Samples) && len(s.Samples) > 0 {
				ps.add(doc.file, lineOf(doc.meta, "subjects", i, "samples"), "subject %q is declared in another comparison with other samples: environments; give it the same list in both", s.ID)
			}
			continue
		}
		subject := Subject{ID: s.ID, Name: s.Name, Covers: s.Covers}
		for j, env := range s.Samples {
			line := lineOf(doc.meta, "subjects", i, "samples", j)
			if !idPattern.MatchString(env) {
				ps.add(doc.file, line, "environment %q must be lowercase letters, digits and dashes (the name of its lock file, samples/<name>.txt)", env)
				continue
			}
			if owner, taken := l.envOwners[env]; taken {
				ps.add(doc.file, line, "environment %q is already named by subject %q: each lock file is one subject's environment", env, owner)
				continue
			}
			l.envOwners[env] = s.ID
			data, err := fs.ReadFile(l.fsys, LockPath(env))
			if err != nil {
				ps.add(doc.file, line, "samples: names %q, but %s cannot be read (%v): make it with bash web/samples/bump.sh, or drop the name", env, LockPath(env), err)
				continue
			}
			lock, err := lockfile.Parse(data)
			if err != nil {
				ps.add(LockPath(env), 0, "not a pip-compile lock file: %v", err)
				continue
			}
			version := lock.Pins[lockfile.NormalizeName(s.ID)]
			if version == "" {
				ps.add(doc.file, line, "%s does not pin %s itself (a distribution named %q): a subject's environments pin its own package", LockPath(env), s.Name, s.ID)
				continue
			}
			subject.Releases = append(subject.Releases, Release{Env: env, Version: version, Python: lock.Python})
		}
		l.subjects[s.ID] = subject
		if len(subject.Releases) > 0 {
			l.checkCovers(doc, i, subject)
		}
	}
}

// checkCovers holds a subject's covers: field to its releases: every major.minor it names
// must be pinned by one of its locks, and every lock's major.minor must be named. So a lock
// moved to a new minor fails here until the content has been re-read for it.
func (l *loader) checkCovers(doc *document, i int, s Subject) {
	line := lineOf(doc.meta, "subjects", i, "covers")
	covered := coveredVersion.FindAllString(s.Covers, -1)
	var pinned []string
	for _, r := range s.Releases {
		pinned = append(pinned, LockPath(r.Env)+" pins "+r.Version)
	}
	for _, v := range covered {
		if !slices.ContainsFunc(s.Releases, func(r Release) bool { return lockfile.MajorMinor(r.Version) == v }) {
			l.problems.add(doc.file, line, "covers: %q names %s %s, which no lock of its samples: pins (%s): drop it, or add an environment on %s %s",
				s.Covers, s.Name, v, strings.Join(pinned, ", "), s.Name, v)
		}
	}
	for _, r := range s.Releases {
		if v := lockfile.MajorMinor(r.Version); !slices.Contains(covered, v) {
			l.problems.add(doc.file, line, "%s pins %s %s, but covers: %q does not name %s: re-read the content for %s %s, then add it to covers:",
				LockPath(r.Env), s.Name, r.Version, s.Covers, v, s.Name, v)
		}
	}
}

// envsOf lists the environments of releases.
func envsOf(releases []Release) []string {
	out := make([]string, len(releases))
	for i, r := range releases {
		out[i] = r.Env
	}
	return out
}

// checkLockFiles reports lock files that no subject names: their samples would run nowhere.
func (l *loader) checkLockFiles() {
	locks, err := fs.Glob(l.fsys, "samples/*.txt")
	if err != nil {
		l.problems.add("samples", 0, "cannot list the lock files: %v", err)
		return
	}
	for _, file := range locks {
		env := strings.TrimSuffix(path.Base(file), ".txt")
		if _, named := l.envOwners[env]; !named {
			l.problems.add(file, 0, "no subject's samples: names this environment: add %q to a subject in the comparison's index.md, or delete the lock", env)
		}
	}
}

// checkSamples reads the attributes of every sample in the rendered bodies, reporting
// problems with them and version= ranges that none of the subject's environments runs.
func (l *loader) checkSamples() {
	seen := map[string]bool{} // a row's code is rendered once per pair: report each sample once
	for _, d := range l.docs {
		for _, group := range d.doc.CodeGroups {
			for _, fw := range group.Frameworks() {
				blocks := sampleBlocks(group, fw)
				key := fmt.Sprintf("%s:%d", d.file, blocks[0].Line)
				if seen[key] {
					continue
				}
				seen[key] = true
				spec, problems := ParseSample(blocks)
				for _, p := range problems {
					l.problems.add(d.file, blocks[0].Line, "%s", p)
				}
				s, ok := l.subjects[fw]
				if ok && !spec.Versions.All() && len(s.Releases) > 0 && len(s.ReleasesFor(spec.Versions)) == 0 {
					var have []string
					for _, r := range s.Releases {
						have = append(have, r.Version)
					}
					l.problems.add(d.file, blocks[0].Line, "version=%q: none of %s's environments runs it (they pin %s %s): change the range, or add an environment",
						spec.Versions, s.Name, s.Name, joinAnd(have))
				}
			}
		}
	}
}

// sampleBlocks are a framework's blocks within a code group: one sample.
func sampleBlocks(g markdown.CodeGroup, framework string) []markdown.CodeBlock {
	var out []markdown.CodeBlock
	for _, b := range g.Blocks {
		if b.Framework == framework {
			out = append(out, b)
		}
	}
	return out
}

// sampleMark is the mark under a sample's code (see Subject.SampleMark), linking to the
// guide on how samples are run when the content has one. Body rendering calls it.
func (l *loader) sampleMark(framework string, blocks []markdown.CodeBlock) *markdown.SampleMark {
	s, ok := l.subjects[framework]
	if !ok {
		return nil // not a subject: checkReferences reports it
	}
	spec, _ := ParseSample(blocks) // problems: checkSamples reports them
	var how NamedLink
	if g := l.site.Guide(HowSamplesRunGuide); g != nil {
		how = NamedLink{Title: g.Title, URL: g.Path()}
	}
	return s.SampleMark(spec, how)
}
