package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/versus-dev/versus/web/site/sitetest"
)

// result is what one run of versus did.
type result struct {
	stdout, stderr string
	err            error
	exit           int // the status main would exit with
}

// runVersus runs versus with args and the environment env, like the shell would.
func runVersus(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, func(k string) string { return env[k] }, &stdout, &stderr)
	exit := exitCode(err, &stderr)
	return result{stdout: stdout.String(), stderr: stderr.String(), err: err, exit: exit}
}

// writeFixture writes the test content to a new folder, with each replacement (file →
// old, new) applied, and returns the folder.
func writeFixture(t *testing.T, replace map[string][2]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range sitetest.FS() {
		data := string(f.Data)
		if r, ok := replace[name]; ok {
			if !strings.Contains(data, r[0]) {
				t.Fatalf("fixture %s does not contain %q", name, r[0])
			}
			data = strings.Replace(data, r[0], r[1], 1)
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUnknownCommand(t *testing.T) {
	r := runVersus(t, nil, "frobnicate", "-x")
	if !errors.Is(r.err, errUsage) || r.exit != 2 {
		t.Errorf("err = %v, exit %d; want the usage error and exit 2", r.err, r.exit)
	}
	for _, want := range []string{`unknown command "frobnicate"`, "Usage: versus [command] [flags]", "healthcheck"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

// TestHelp checks that -h, on versus and on every command, explains every flag with its
// environment variable, and exits 0.
func TestHelp(t *testing.T) {
	serveFlagsText := []string{"-addr", "VERSUS_ADDR", "-content", "VERSUS_CONTENT", "-base-url", "VERSUS_BASE_URL", "-site-name", "VERSUS_SITE_NAME", "-shutdown-timeout", "VERSUS_SHUTDOWN_TIMEOUT", `(default 15s)`, "-trust-request-id", "VERSUS_TRUST_REQUEST_ID", "http://<host>:<port> of -addr, with localhost for a wildcard host"}
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"-h"}, append([]string{"Commands:", "serve", "check", "build", "version", "healthcheck", "help"}, serveFlagsText...)},
		{[]string{"help"}, []string{"Commands:", "build"}},
		{[]string{"serve", "-h"}, append([]string{"Usage: versus serve"}, serveFlagsText...)},
		{[]string{"check", "-h"}, []string{"Usage: versus check", "-content", "VERSUS_CONTENT", "file:line"}},
		{[]string{"build", "--help"}, []string{"Usage: versus build -o DIR", "-o string", "-content", "-base-url", "VERSUS_BASE_URL", "-site-name", "_redirects"}},
		{[]string{"help", "build"}, []string{"Usage: versus build -o DIR"}},
		{[]string{"version", "-h"}, []string{"Usage: versus version", "VCS revision"}},
		{[]string{"healthcheck", "-h"}, []string{"Usage: versus healthcheck", "-addr", "VERSUS_ADDR", "-timeout", "/healthz"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runVersus(t, nil, tt.args...)
			if r.err != nil || r.exit != 0 {
				t.Fatalf("err = %v, exit %d", r.err, r.exit)
			}
			for _, want := range tt.want {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("help lacks %q:\n%s", want, r.stderr)
				}
			}
		})
	}
}

func TestBadCommandLines(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "-nope"}, "flag provided but not defined: -nope"},
		{[]string{"-addr"}, "flag needs an argument: -addr"},
		{[]string{"serve", "extra"}, `unexpected argument "extra"`},
		{[]string{"check", "extra"}, `unexpected argument "extra"`},
		{[]string{"build"}, "-o DIR is required"},
		{[]string{"version", "now"}, `unexpected argument "now"`},
		{[]string{"healthcheck", "-timeout", "soon"}, `invalid value "soon" for flag -timeout`},
		{[]string{"help", "nope"}, `unknown command "nope"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runVersus(t, nil, tt.args...)
			if !errors.Is(r.err, errUsage) || r.exit != 2 {
				t.Errorf("err = %v, exit %d; want the usage error and exit 2", r.err, r.exit)
			}
			if !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "Usage:") {
				t.Errorf("stderr lacks %q and the usage:\n%s", tt.want, r.stderr)
			}
		})
	}
}

// TestEnvironment checks that each flag's VERSUS_* twin applies when the flag is not
// given, and that the flag wins.
func TestEnvironment(t *testing.T) {
	env := map[string]string{
		"VERSUS_ADDR": "127.0.0.1:9999", "VERSUS_CONTENT": "/srv/content", "VERSUS_BASE_URL": "https://env.example",
		"VERSUS_SITE_NAME": "From env", "VERSUS_SHUTDOWN_TIMEOUT": "3s", "VERSUS_STATIC": "/srv/static",
		"VERSUS_CORRECTION_URL": "https://c.example/{id}", "VERSUS_SOURCE_URL": "https://s.example/{file}",
		"VERSUS_HSTS_MAX_AGE": "8760h", "VERSUS_METRICS": "true", "VERSUS_LOG_FORMAT": "json", "VERSUS_LOG_LEVEL": "warn", "VERSUS_DEV": "1",
		"VERSUS_TRUST_REQUEST_ID": "true",
	}
	fs, o := serveFlags(&bytes.Buffer{})
	if err := fs.parse([]string{"-site-name", "From flag"}, func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	want := serveOptions{
		addr: "127.0.0.1:9999", contentDir: "/srv/content", staticDir: "/srv/static",
		site:            siteOptions{baseURL: "https://env.example", siteName: "From flag", correctionURL: "https://c.example/{id}", sourceURL: "https://s.example/{file}"},
		shutdownTimeout: 3e9, hstsMaxAge: 8760 * time.Hour, metrics: true, trustRequestID: true, logFormat: "json", logLevel: "warn", dev: true,
	}
	if *o != want {
		t.Errorf("options = %+v, want %+v", *o, want)
	}

	fs, o = serveFlags(&bytes.Buffer{})
	if err := fs.parse(nil, func(string) string { return "" }); err != nil {
		t.Fatal(err)
	}
	want = serveOptions{addr: ":8080", site: siteOptions{siteName: "Versus"}, shutdownTimeout: 15e9, logFormat: "auto", logLevel: "info"}
	if *o != want {
		t.Errorf("defaults = %+v, want %+v", *o, want)
	}

	r := runVersus(t, map[string]string{"VERSUS_SHUTDOWN_TIMEOUT": "a while"}, "serve")
	if r.err == nil || r.exit != 1 || !strings.Contains(r.stderr, `environment variable VERSUS_SHUTDOWN_TIMEOUT: invalid value "a while" for -shutdown-timeout`) {
		t.Errorf("a bad VERSUS_SHUTDOWN_TIMEOUT: err = %v, exit %d, stderr:\n%s", r.err, r.exit, r.stderr)
	}
	for _, bad := range [][]string{{"-log-format", "xml"}, {"-log-level", "loud"}} {
		if r := runVersus(t, nil, append([]string{"serve"}, bad...)...); r.err == nil || !strings.Contains(r.err.Error(), strings.ReplaceAll(bad[0][1:], "-", " ")) {
			t.Errorf("serve %v: err = %v", bad, r.err)
		}
	}
	r = runVersus(t, nil, "serve", "-shutdown-timeout", "0s")
	if r.err == nil || !strings.Contains(r.err.Error(), "shutdown timeout must be more than zero") {
		t.Errorf("a zero shutdown timeout: err = %v", r.err)
	}
}

func TestDefaultBaseURL(t *testing.T) {
	tests := map[string]string{
		":8080":          "http://localhost:8080",
		"0.0.0.0:9000":   "http://localhost:9000",
		"127.0.0.1:8081": "http://127.0.0.1:8081",
		"[::]:8080":      "http://localhost:8080",
		"nonsense":       "http://localhost:8080",
	}
	for addr, want := range tests {
		if got := defaultBaseURL(addr); got != want {
			t.Errorf("defaultBaseURL(%q) = %q, want %q", addr, got, want)
		}
	}
}
