// Package content holds the site's shipped content, embedded into the binary. README.md in
// this folder is the contract for writing it; web/site loads and validates it.
//
//   - comparisons/flask-vs-django-vs-fastapi/: the one comparison as written, of Flask, Django
//     and FastAPI: index.md (the subjects with the versions covered, the categories, each
//     pair's title, summary, short answer and introduction), rows/<id>.md (a cell per
//     subject, a verdict and explanation per pair, the code), choose.yaml (the decision
//     helper). Every pair's pages and the table of all three are derived from it.
//   - frameworks/<id>.md: a profile per framework.
//   - guides/<slug>.md: the long-form guides.
//   - samples/: the environments the code samples run in, each a pip-compile lock file
//     (<env>.txt, whose pins the pages name as the releases tested) and its input (<env>.in).
//   - schema/: JSON Schemas of the front matter and of choose.yaml, made from the loader's
//     Go types, for authors' editors (not embedded: the loader needs none).
//   - highlight.cache: the code blocks' highlighting, made ahead of time (HighlightCache).
package content

import "embed"

// FS is the embedded content tree: comparisons/, frameworks/, guides/ and samples/.
//
//go:embed comparisons frameworks guides samples
var FS embed.FS

// HighlightCache is chroma's highlighting of FS's code blocks, made ahead of time so the
// server does not spend its start-up in chroma's lexers (see web/highlight). The content
// tests fail when it is out of date; go generate rewrites it.
//
//go:generate go test . -run TestHighlightCacheIsCurrent -update
//go:embed highlight.cache
var HighlightCache []byte
