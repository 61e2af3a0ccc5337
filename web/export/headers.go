package export

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/middleware"
	"github.com/versus-dev/versus/web/site"
)

// HeadersFile holds the response headers a static host should send, in the format of
// Netlify and Cloudflare Pages: a path pattern on a line of its own, then its headers on
// indented "Name: value" lines.
const HeadersFile = "_headers"

// headersFile renders the _headers file: on every path, the security headers the server
// sends (web/middleware's own definition; without Strict-Transport-Security, which the
// export has no setting for and hosts on HTTPS offer themselves); on the hashed assets,
// their cache policy. Pages keep the host's own cache policy: a second Cache-Control on
// /* would be joined to the assets' one by hosts that merge matching rules.
func headersFile() []byte {
	var b bytes.Buffer
	b.WriteString("# Response headers of this Versus site, as the versus server sends them.\n/*\n")
	security := middleware.SecurityHeaderValues(0)
	names := make([]string, 0, len(security))
	for name := range security {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		for _, v := range security[name] {
			fmt.Fprintf(&b, "  %s: %s\n", name, v)
		}
	}
	fmt.Fprintf(&b, "\n%s*\n  Cache-Control: %s\n", site.StaticPrefix, build.CacheImmutable)
	return b.Bytes()
}
