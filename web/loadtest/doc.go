// Package loadtest checks the built versus binary under load, on 127.0.0.1 only and for a
// bounded number of requests: every page type answers without an error, resident memory
// stops growing after warm-up, and idle connections cannot starve other clients. It
// holds only tests; go test -short skips them.
package loadtest
