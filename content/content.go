// Package content holds the site's shipped content: the Flask vs Django comparison, the
// framework profiles and the guides, embedded into the binary. README.md in this folder is
// the contract for writing it; web/site loads and validates it.
package content

import "embed"

// FS is the embedded content tree: comparisons/, frameworks/ and guides/.
//
//go:embed comparisons frameworks guides
var FS embed.FS
