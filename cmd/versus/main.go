// Command versus serves a Versus comparison site: it loads and validates the content
// (embedded, or a folder given with -content), renders every page once, and serves them
// from memory.
//
// main only wires the process to run, which takes its arguments, environment and output
// streams as parameters so tests can call it like the shell would.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		if err != errUsage {
			fmt.Fprintln(os.Stderr, "versus:", err)
		}
		os.Exit(1)
	}
}
