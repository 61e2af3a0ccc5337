package main

import (
	"regexp"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestVersionCommand(t *testing.T) {
	r := runVersus(t, nil, "version")
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := regexp.MustCompile(`^versus dev \(go[0-9][^,]*, ` + runtime.GOOS + "/" + runtime.GOARCH + `(, revision [0-9a-f]{1,12}(, modified)?)?\)\n$`)
	if !want.MatchString(r.stdout) {
		t.Errorf("stdout = %q", r.stdout)
	}
}

func TestVersionLine(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	tests := []struct {
		name    string
		version string
		info    *debug.BuildInfo
		want    string
	}{
		{"no build info", "dev", nil, "versus dev (" + runtime.Version() + ", " + platform + ")"},
		{"stamped, no VCS", "1.4.0", &debug.BuildInfo{GoVersion: "go1.26.8"}, "versus 1.4.0 (go1.26.8, " + platform + ")"},
		{"clean checkout", "1.4.0", &debug.BuildInfo{GoVersion: "go1.26.8", Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"}, {Key: "vcs.modified", Value: "false"},
		}}, "versus 1.4.0 (go1.26.8, " + platform + ", revision 0123456789ab)"},
		{"modified checkout", "dev", &debug.BuildInfo{GoVersion: "go1.26.8", Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"}, {Key: "vcs.modified", Value: "true"},
		}}, "versus dev (go1.26.8, " + platform + ", revision 0123456789ab, modified)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionLine(tt.version, tt.info); got != tt.want {
				t.Errorf("versionLine = %q, want %q", got, tt.want)
			}
		})
	}
}
