package export

import (
	"bytes"
	"fmt"
	"html"

	"github.com/versus-dev/versus/web/build"
)

// redirectsFile renders the redirects in the _redirects format of Netlify and Cloudflare
// Pages: one "/from /to 301" per line.
func redirectsFile(redirects []build.Redirect) []byte {
	var b bytes.Buffer
	b.WriteString("# Permanent redirects of this Versus site: old row ids and other subject orders.\n")
	for _, r := range redirects {
		fmt.Fprintf(&b, "%s %s 301\n", r.From, r.To)
	}
	return b.Bytes()
}

// refreshPage renders the page left at an old address, for hosts that do not read
// _redirects: a meta refresh to path (no script, so the CSP still holds), a canonical
// link to the absolute URL for search engines, and a plain link for everyone else.
// (Not html/template: its reflection keeps every method of every type in the binary,
// which the container image's size budget does not allow.)
func refreshPage(path, canonical string) []byte {
	p, c := html.EscapeString(path), html.EscapeString(canonical)
	return []byte(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved to ` + p + `</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="` + c + `">
<meta http-equiv="refresh" content="0; url=` + p + `">
</head>
<body>
<p>This page has moved to <a href="` + p + `">` + c + `</a>.</p>
</body>
</html>
`)
}
