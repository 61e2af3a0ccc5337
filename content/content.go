// Package content holds the site's shipped content: the Flask vs Django comparison, the
// framework profiles and the guides, embedded into the binary. README.md in this folder is
// the contract for writing it; web/site loads and validates it.
package content

import "embed"

// FS is the embedded content tree: comparisons/, frameworks/, guides/ and samples/ (the
// lock files of the code samples' environments, which say what the samples run on).
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
