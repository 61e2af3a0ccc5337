// Command versus runs a Versus comparison site. Its commands serve the site from memory
// (the default), check the content, build a static export, print the version, and probe
// a running server's health for container health checks. Content is the embedded copy,
// or a folder given with -content.
//
// main only wires the process to run, which takes its arguments, environment and output
// streams as parameters so tests can call it like the shell would.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"
)

func main() {
	// Nothing takes a heap profile of this process (it serves no pprof endpoint), so the
	// runtime need not sample allocations: the samples' call stacks are kept for the
	// life of the process, about 1 MB of the 50 MB memory budget (README, "Memory").
	runtime.MemProfileRate = 0
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode reports err on stderr and returns the process's exit status: 0 on success,
// 2 for bad usage (already explained by the usage text), 1 for anything else.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		return 2
	default:
		fmt.Fprintln(stderr, "versus:", err)
		return 1
	}
}
