package samples

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/versus-dev/versus/content"
)

//go:embed driver.py
var driver []byte

// python is Debian's interpreter, which has python3-flask and python3-django; the python3
// first on PATH may be another build without them.
const python = "/usr/bin/python3"

// requirePython skips the test when Debian's Flask and Django are missing, unless CI=true,
// where they are mandatory.
func requirePython(t *testing.T) string {
	t.Helper()
	out, err := exec.Command(python, "-c", "import flask, django; print(django.get_version())").CombinedOutput()
	if err != nil {
		msg := fmt.Sprintf("Debian's Flask and Django are not available through %s (apt-get install -y python3-flask python3-django): %v\n%s", python, err, out)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return filepath.Join(t.TempDir(), "driver.py")
}

type driverResult struct {
	OK       bool   `json:"ok"`
	Detail   string `json:"detail"`
	Failures []struct {
		ID    string `json:"id"`
		Error string `json:"error"`
	} `json:"failures"`
}

func runDriver(t *testing.T, driverPath string, spec any) driverResult {
	t.Helper()
	input, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, driverPath)
	cmd.Stdin = bytes.NewReader(input)
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var res driverResult
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if jsonErr := json.Unmarshal([]byte(lines[len(lines)-1]), &res); jsonErr != nil {
		t.Fatalf("driver: %v\nstdout: %s\nstderr: %s", runErr, stdout.String(), stderr.String())
	}
	return res
}

type file struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

// TestSamples parses every Python block in the shipped content and runs every sample
// that declares a check, against Debian's Flask 2.2 and Django 3.2.
func TestSamples(t *testing.T) {
	samples, problems, err := Collect(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	driverPath := requirePython(t)
	if err := os.WriteFile(driverPath, driver, 0o644); err != nil {
		t.Fatal(err)
	}

	// Every Python block parses (one interpreter for all of them).
	type block struct {
		ID   string `json:"id"`
		Code string `json:"code"`
	}
	var blocks []block
	for _, s := range samples {
		for _, b := range s.Blocks {
			if IsPython(b.Language) {
				blocks = append(blocks, block{ID: fmt.Sprintf("%s:%d", s.File, b.Line), Code: b.Code})
			}
		}
	}
	if res := runDriver(t, driverPath, map[string]any{"mode": "parse", "blocks": blocks}); !res.OK {
		for _, f := range res.Failures {
			t.Errorf("%s: Python does not parse: %s", f.ID, f.Error)
		}
	}

	var mu sync.Mutex
	var executed, python int
	skipped := map[string]string{}
	t.Cleanup(func() { reportCounts(t, len(samples), python, len(blocks), executed, skipped) })
	for _, s := range samples {
		if !s.IsPython() {
			continue
		}
		mu.Lock()
		python++
		mu.Unlock()
		t.Run(s.ID(), func(t *testing.T) {
			switch {
			case s.Check.Skip != "":
				mu.Lock()
				skipped[s.ID()] = s.Check.Skip
				mu.Unlock()
				t.Skipf("%s:%d: skipped: %s", s.File, s.Line, s.Check.Skip)
			case !s.Check.Runs():
				t.Fatalf("%s:%d: %s sample has no check: add request=/cli=/unittest= with what to expect, or skip=\"reason\"", s.File, s.Line, s.Framework)
			}
			t.Parallel()
			var files []file
			for i, b := range s.Blocks {
				name := b.File
				if name == "" {
					name = fmt.Sprintf("block%d.%s", i, b.Language)
					if IsPython(b.Language) && s.Framework == "flask" && i == 0 {
						name = "app.py"
					}
				}
				files = append(files, file{Name: name, Code: b.Code})
			}
			res := runDriver(t, driverPath, map[string]any{"mode": "run", "framework": s.Framework, "files": files, "check": s.Check})
			if !res.OK {
				t.Fatalf("%s:%d: %s sample failed: %s", s.File, s.Line, s.Framework, res.Detail)
			}
			mu.Lock()
			executed++
			mu.Unlock()
			t.Logf("%s:%d: ok: %s", s.File, s.Line, strings.TrimSpace(res.Detail))
		})
	}
}

// reportCounts prints what the harness did, once every sample has run, and holds the
// content to its promise that at least 80% of Python samples run end to end.
func reportCounts(t *testing.T, all, python, blocks, executed int, skipped map[string]string) {
	var reasons []string
	for id, why := range skipped {
		reasons = append(reasons, fmt.Sprintf("  %s: %s", id, why))
	}
	sort.Strings(reasons)
	summary := fmt.Sprintf("samples: %d in all, %d Python; %d Python blocks parsed; %d executed end to end; %d skipped with reason",
		all, python, blocks, executed, len(skipped))
	fmt.Println(summary)
	for _, r := range reasons {
		fmt.Println(r)
	}
	// The share of executed samples only means something over the whole content.
	if f := flag.Lookup("test.run"); f != nil && f.Value.String() == "" && python > 0 && executed*100 < python*80 {
		t.Errorf("only %d of %d Python samples were executed end to end; at least 80%% must be", executed, python)
	}
}
