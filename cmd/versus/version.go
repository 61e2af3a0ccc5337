package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version is stamped at build time: go build -ldflags "-X main.version=1.2.3".
var version = "dev"

func versionFlags(stderr io.Writer) *flagSet {
	return newFlagSet("version", "", "Prints the version of versus (stamped at build time, \"dev\" otherwise), the Go version\nit was built with and, when the build recorded one, the VCS revision.", stderr)
}

func runVersion(_ context.Context, p *process, args []string) error {
	if err := versionFlags(p.stderr).parse(args, p.getenv); err != nil {
		return err
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(p.stdout, versionLine(version, info))
	return nil
}

// versionLine is the one line "versus VERSION (GO, OS/ARCH[, revision REV[, modified]])".
// info may be nil, as when the binary has no build information.
func versionLine(version string, info *debug.BuildInfo) string {
	goVersion := runtime.Version()
	var revision string
	modified := false
	if info != nil {
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	line := fmt.Sprintf("versus %s (%s, %s/%s", version, goVersion, runtime.GOOS, runtime.GOARCH)
	if revision != "" {
		if len(revision) > 12 {
			revision = revision[:12]
		}
		line += ", revision " + revision
		if modified {
			line += ", modified"
		}
	}
	return line + ")"
}
