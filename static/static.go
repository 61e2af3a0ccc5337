// Package static holds the site's stylesheets, scripts and images, embedded into the
// binary. web/assets serves them under content-hashed names.
package static

import "embed"

// FS is the embedded asset tree: css/, js/ and img/.
//
//go:embed css js img
var FS embed.FS
