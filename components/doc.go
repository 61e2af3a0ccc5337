// Package components holds the templ components that make up every HTML page of Versus,
// each beside its view model and the constructor that fills it: row.templ renders a
// RowPage, and row.go holds RowPage and NewRowPage, which builds one from the content
// model's *site.Row.
//
// Constructors read the content model (web/site), search results (web/search) and
// decision-helper answers (web/choose); Frame carries what every page of one site shares
// (its name, base URL, assets and navigation). The package never imports web/pages,
// web/server or web/export: web/pages decides which page is rendered at which path and
// calls the constructors, and the server and the static export only see the bytes.
package components
