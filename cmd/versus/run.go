package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// errUsage is returned after the usage text has been printed for a bad command line.
var errUsage = errors.New("usage")

// errHelp is returned when -h asked for the usage text, which is then printed; run
// turns it into success.
var errHelp = errors.New("help requested")

// process is what a command gets from the process it runs in.
type process struct {
	getenv         func(string) string
	stdout, stderr io.Writer
}

// command is one subcommand of versus.
type command struct {
	name    string
	args    string // the synopsis after the name, e.g. "-o DIR [flags]"
	summary string // one line for the overview
	run     func(ctx context.Context, p *process, args []string) error
}

// commands lists the subcommands in the order the overview shows them.
func commands() []command {
	return []command{
		{"serve", "[flags]", "serve the site over HTTP (the default when no command is given)", runServe},
		{"check", "[flags]", "validate the content and report every problem as file:line", runCheck},
		{"build", "-o DIR [flags]", "write the site as static files for any static host or CDN", runBuild},
		{"version", "", "print the version, the Go version and the VCS revision", runVersion},
		{"healthcheck", "[flags]", "exit 0 if the server on this machine answers /healthz, else 1", runHealthcheck},
		{"help", "[command]", "explain versus, or one command and its flags", runHelp},
	}
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// run is the whole program: pick the command from args and run it until it finishes or
// ctx is done.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	p := &process{getenv: getenv, stdout: stdout, stderr: stderr}
	cmd, cmdArgs, err := parseCommand(p, args)
	if err == nil {
		err = cmd.run(ctx, p, cmdArgs)
	}
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

// parseCommand splits args into the command and its arguments. With no command, or when
// the first argument is a flag other than -h, the command is serve, as it was before
// versus had commands.
func parseCommand(p *process, args []string) (command, []string, error) {
	if len(args) == 0 {
		c, _ := findCommand("serve")
		return c, nil, nil
	}
	first := args[0]
	if isHelpFlag(first) {
		overview(p.stderr)
		return command{}, nil, errHelp
	}
	if strings.HasPrefix(first, "-") {
		c, _ := findCommand("serve")
		return c, args, nil
	}
	c, ok := findCommand(first)
	if !ok {
		fmt.Fprintf(p.stderr, "versus: unknown command %q\n\n", first)
		overview(p.stderr)
		return command{}, nil, errUsage
	}
	return c, args[1:], nil
}

func isHelpFlag(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "--h":
		return true
	}
	return false
}

// overview prints what versus does, its commands and the flags of the default command.
func overview(w io.Writer) {
	fmt.Fprint(w, `Usage: versus [command] [flags]

Versus serves a comparison site from its content: the copy embedded in the binary, or a
folder given with -content. Every flag can also be set with the environment variable
named in its description; a flag wins over its variable.

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nFlags of serve, which also work without the word serve:\n")
	fs, _ := serveFlags(io.Discard)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprint(w, "\nRun \"versus COMMAND -h\" for the flags of another command.\n")
}

func runHelp(_ context.Context, p *process, args []string) error {
	switch len(args) {
	case 0:
		overview(p.stderr)
		return nil
	case 1:
		c, ok := findCommand(args[0])
		if !ok || c.name == "help" {
			break
		}
		// Every command answers -h with its usage.
		return c.run(context.Background(), p, []string{"-h"})
	}
	fmt.Fprintf(p.stderr, "versus help: unknown command %q\n\n", strings.Join(args, " "))
	overview(p.stderr)
	return errUsage
}

// flagSet is one command's flags. A flag can have a VERSUS_* environment variable as its
// twin, which applies when the flag is not on the command line.
type flagSet struct {
	*flag.FlagSet
	twins []envTwin
}

type envTwin struct{ flag, env string }

// newFlagSet returns the flags of the command name, whose usage text starts with
// synopsis and description.
func newFlagSet(name, synopsis, description string, stderr io.Writer) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet("versus "+name, flag.ContinueOnError)}
	fs.SetOutput(stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: versus %s %s\n\n%s\n", name, synopsis, description)
		if fs.hasFlags() {
			fmt.Fprint(out, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// isSet reports whether the flag name was given, on the command line or by its
// environment variable.
func (fs *flagSet) isSet(name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func (fs *flagSet) hasFlags() bool {
	found := false
	fs.VisitAll(func(*flag.Flag) { found = true })
	return found
}

// envTwin makes the environment variable env the twin of the flag name, and says so in
// the flag's usage.
func (fs *flagSet) envTwin(name, env string) {
	f := fs.Lookup(name)
	f.Usage += " (env " + env + ")"
	fs.twins = append(fs.twins, envTwin{flag: name, env: env})
}

// parse parses args, then sets each flag that is not on the command line from its
// environment variable. Commands take no arguments besides flags.
func (fs *flagSet) parse(args []string, getenv func(string) string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return errUsage // the flag package has printed the problem and the usage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, t := range fs.twins {
		if given[t.flag] {
			continue
		}
		if v := getenv(t.env); v != "" {
			if err := fs.Set(t.flag, v); err != nil {
				return fmt.Errorf("environment variable %s: invalid value %q for -%s: %w", t.env, v, t.flag, err)
			}
		}
	}
	return nil
}
