// Package testenv decides what a test does when the machine lacks something it needs (a
// browser, an npm tool, the samples' Python environments): locally it skips with a message
// saying what to install; under CI=true, where .ci/run installs everything, it fails, so a
// check that CI promises is never skipped there.
package testenv

import (
	"os"
	"testing"
)

// CI reports whether the tests run under CI (CI=true), where nothing may be skipped.
func CI() bool { return os.Getenv("CI") == "true" }

// Missing skips the test for want of a tool, or fails it under CI=true.
func Missing(t testing.TB, msg string) {
	t.Helper()
	if CI() {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// SkipShort skips a slow test under `go test -short` (the fast loop), except under CI=true,
// which always runs it.
func SkipShort(t testing.TB, what string) {
	t.Helper()
	if testing.Short() && !CI() {
		t.Skip(what + " skipped under -short")
	}
}
