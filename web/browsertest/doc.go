// Package browsertest drives the real site in Debian's Chromium (through chromedp) to check
// what only a browser can show: scrolling to a row under the sticky header, the clipboard,
// the theme toggle across reloads, the narrow-screen cards and the print layout, and where
// a comparison page's first screen puts its verdicts and table (glance_test.go). The tests
// skip with a message when /usr/bin/chromium is missing; with CI=true they fail instead.
package browsertest
