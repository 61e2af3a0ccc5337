package samples

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/lockfile"
	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/testenv"
)

//go:embed driver.py
var driver []byte

type collected struct {
	samples  []Sample
	problems []string
	site     *site.Site
}

// collectShipped collects the shipped content's samples, and loads it for its subjects'
// environments, once for every test.
var collectShipped = sync.OnceValues(func() (collected, error) {
	samples, problems, err := Collect(content.FS)
	if err != nil {
		return collected{}, err
	}
	s, err := site.Load(content.FS)
	return collected{samples, problems, s}, err
})

// shipped returns the samples of the shipped content, the problems with their attributes
// and the content model.
func shipped(t *testing.T) collected {
	t.Helper()
	c, err := collectShipped()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSampleChecks reads every sample's attributes (no Python needed, so it runs under
// -short too): they must be well formed, every Python sample must carry a check, and none
// may be skipped: a sample that is right for some releases only says so with version= and
// runs on those.
func TestSampleChecks(t *testing.T) {
	c := shipped(t)
	for _, p := range c.problems {
		t.Error(p)
	}
	for _, s := range c.samples {
		if !s.IsPython() {
			continue
		}
		if s.Spec.Check.Skip != "" {
			t.Errorf("%s:%d: %s sample is skipped (%q): every shipped sample runs; the harness runs no services, so change the sample to need none", s.File, s.Line, s.Framework, s.Spec.Check.Skip)
		} else if !s.Spec.Check.Runs() {
			t.Errorf("%s:%d: %s sample has no check: add request=/cli=/unittest=/websocket= with what to expect", s.File, s.Line, s.Framework)
		}
		if subj, _ := c.site.Subject(s.Framework); len(subj.ReleasesFor(s.Spec.Versions)) == 0 {
			t.Errorf("%s:%d: %s sample runs in no environment: give the subject samples: in index.md", s.File, s.Line, s.Framework)
		}
	}
}

// TestSamples parses every Python block in the shipped content and runs every sample in
// each environment of its framework that its version= range allows, and prints the
// harness's summary line.
func TestSamples(t *testing.T) {
	c := shipped(t)
	summary, notes := runSamples(t, c.site.Subjects(), c.samples)
	fmt.Println(summary)
	for _, line := range notes {
		fmt.Println(line)
	}
}

// run is one sample in one environment.
type run struct {
	sample Sample
	env    *environment
}

// runSamples runs samples in the environments of subjects (skipping under -short, and
// with a message when an environment's Python or venv cannot be had, except under
// CI=true). It returns the harness's summary line, then a line per reason runs were
// skipped and one per deprecation warning a sample's code set off (which a later release
// will turn into an error: worth a version= mark or a fix).
func runSamples(t *testing.T, subjects []site.Subject, samples []Sample) (summary string, notes []string) {
	testenv.SkipShort(t, "running the code samples")
	h := newHarness(t, subjects, frameworksOf(samples))

	// Every Python block parses, in every Python (one interpreter process each).
	var blocks []parseBlock
	for _, s := range samples {
		for _, b := range s.Blocks {
			if IsPython(b.Language) {
				blocks = append(blocks, parseBlock{ID: fmt.Sprintf("%s:%d", s.File, b.Line), Code: b.Code})
			}
		}
	}
	for _, e := range h.parsers() {
		res, err := h.run(e, e.Python.Exe, map[string]any{"mode": "parse", "blocks": blocks})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Failures {
			t.Errorf("%s: Python %s does not parse it: %s", f.ID, e.Python.Version, f.Error)
		}
	}

	var runs []run
	for _, s := range samples {
		if !s.IsPython() {
			continue
		}
		for _, r := range h.subjects[s.Framework].ReleasesFor(s.Spec.Versions) {
			runs = append(runs, run{s, h.envs[r.Env]})
		}
	}
	var mu sync.Mutex
	executed, failed := 0, 0
	ran := map[string]bool{}       // samples run in at least one environment
	skips := map[string][]string{} // reason → the runs skipped for it
	var deprecated []string        // what the samples set off, one line each
	t.Run("run", func(t *testing.T) {
		for _, r := range runs {
			s, e := r.sample, r.env
			t.Run(fmt.Sprintf("%s/L%d/%s", strings.TrimSuffix(path.Base(s.File), ".md"), s.Line, e.Env), func(t *testing.T) {
				reason := e.missing
				if s.Spec.Check.Skip != "" {
					reason = s.Spec.Check.Skip
				} else if !s.Spec.Check.Runs() {
					reason = "no check (TestSampleChecks reports it)"
				}
				if reason != "" {
					mu.Lock()
					skips[reason] = append(skips[reason], s.ID()+"@"+e.Env)
					mu.Unlock()
				}
				switch {
				case reason == e.missing && reason != "":
					testenv.Missing(t, fmt.Sprintf("%s:%d: %s: %s", s.File, s.Line, e.Env, reason))
				case reason != "":
					t.Skipf("%s:%d: skipped: %s", s.File, s.Line, reason)
				}
				t.Parallel()
				res, err := h.runSample(e, map[string]any{
					"mode": "run", "framework": s.Framework, "files": filesOf(s), "check": s.Spec.Check,
				})
				mu.Lock()
				executed++
				ran[s.ID()] = true
				if err != nil || !res.OK {
					failed++
				}
				mu.Unlock()
				if err != nil {
					t.Fatalf("%s:%d: %s: %v", s.File, s.Line, e.Env, err)
				}
				if !res.OK {
					t.Fatalf("%s:%d: %s sample failed on %s %s (Python %s): %s", s.File, s.Line, s.Framework, e.name, e.imported, e.python, res.Detail)
				}
				for _, d := range res.Deprecations {
					note := fmt.Sprintf("  deprecated on %s %s (Python %s): %s:%d: %s", e.name, e.imported, e.python, s.File, s.Line, d)
					t.Log(note)
					mu.Lock()
					deprecated = append(deprecated, note)
					mu.Unlock()
				}
				t.Logf("%s:%d: ok on %s %s (Python %s): %s", s.File, s.Line, e.name, e.imported, e.python, strings.TrimSpace(res.Detail))
			})
		}
	})

	for reason, which := range skips {
		sort.Strings(which)
		line := fmt.Sprintf("  skipped %d run(s): %s", len(which), reason)
		if len(which) <= 3 {
			line += " (" + strings.Join(which, ", ") + ")"
		}
		notes = append(notes, line)
	}
	sort.Strings(notes)
	sort.Strings(deprecated)
	notes = append(notes, deprecated...)
	nSkipped := 0
	for _, which := range skips {
		nSkipped += len(which)
	}
	return summaryLine(pythonSamples(samples), len(ran), executed, nSkipped, failed, h.ranOn()), notes
}

// pythonSamples counts the Python samples.
func pythonSamples(samples []Sample) int {
	n := 0
	for _, s := range samples {
		if s.IsPython() {
			n++
		}
	}
	return n
}

// summaryLine is the harness's one-line report, e.g. "samples: 238 in all; 238 executed
// (474 runs) on Flask 3.1.3 (py3.11, py3.13), Django 5.2.19 (py3.11), Django 6.1.3
// (py3.13); 0 skipped".
func summaryLine(all, executed, runs, skipped, failed int, ranOn []string) string {
	line := fmt.Sprintf("samples: %d in all; %d executed (%d run%s)", all, executed, runs, plural(runs))
	if len(ranOn) > 0 {
		line += " on " + strings.Join(ranOn, ", ")
	}
	line += fmt.Sprintf("; %d skipped", skipped)
	if failed > 0 {
		line += fmt.Sprintf(", %d failed", failed)
	}
	return line
}

func TestSummaryLine(t *testing.T) {
	got := summaryLine(238, 238, 474, 0, 0, []string{"Flask 3.1.3 (py3.11, py3.13)", "Django 5.2.19 (py3.11)"})
	if want := "samples: 238 in all; 238 executed (474 runs) on Flask 3.1.3 (py3.11, py3.13), Django 5.2.19 (py3.11); 0 skipped"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := summaryLine(3, 1, 1, 2, 1, nil); got != "samples: 3 in all; 1 executed (1 run); 2 skipped, 1 failed" {
		t.Errorf("with a failure: %q", got)
	}
}

// frameworksOf lists the frameworks of the Python samples, in order of first appearance.
func frameworksOf(samples []Sample) []string {
	var frameworks []string
	for _, s := range samples {
		if s.IsPython() && !slices.Contains(frameworks, s.Framework) {
			frameworks = append(frameworks, s.Framework)
		}
	}
	return frameworks
}

type file struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

// entryFiles are the files driver.py imports a Flask or FastAPI sample's app from.
var entryFiles = map[string]string{"flask": "app.py", "fastapi": "main.py"}

// filesOf names a sample's files; a block without file= gets a made-up name (the entry
// file, app.py or main.py, for a Flask or FastAPI sample's first Python block).
func filesOf(s Sample) []file {
	var files []file
	for i, b := range s.Blocks {
		name := b.File
		if name == "" {
			name = fmt.Sprintf("block%d.%s", i, b.Language)
			if entry := entryFiles[s.Framework]; entry != "" && IsPython(b.Language) && i == 0 {
				name = entry
			}
		}
		files = append(files, file{Name: name, Code: b.Code})
	}
	return files
}

type parseBlock struct {
	ID   string `json:"id"`
	Code string `json:"code"`
}

// environment is one place samples run: the venv built from one lock file with the Python
// it was compiled for, and a pool of `driver.py serve` workers in it.
type environment struct {
	site.Release
	framework string // the subject id: the framework its samples are for
	name      string // the subject's name, "Django"
	Python    Python // the base interpreter
	exe       string // the venv's interpreter, as Python sees it
	driver    string // driver.py, as Python sees it
	tmp       string // TMPDIR of the driver (each sample's files, databases, ...), as Python sees it
	imported  string // the framework's version as the venv's Python imports it
	python    string // the venv's Python version, "3.13.5"
	missing   string // why the environment cannot run here; "" when it can
}

// harness runs driver.py in each environment, through a pool of `driver.py serve` workers
// per environment.
type harness struct {
	subjects map[string]site.Subject
	envs     map[string]*environment // by name
	order    []*environment          // in the subjects' order

	mu      sync.Mutex
	idle    map[string][]*worker // environment → workers waiting for a sample
	workers []*worker            // every worker started, stopped by the test's cleanup
}

// newHarness finds the Pythons and builds or reuses the venv of each environment of the
// frameworks' subjects. An environment whose Python or venv cannot be had is kept with
// the reason: its runs skip (fail under CI=true).
func newHarness(t *testing.T, subjects []site.Subject, frameworks []string) *harness {
	t.Helper()
	cache, err := CacheDir()
	if err != nil {
		testenv.Missing(t, err.Error())
	}
	h := &harness{subjects: map[string]site.Subject{}, envs: map[string]*environment{}, idle: map[string][]*worker{}}
	t.Cleanup(h.stopWorkers)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	pythons, missing := Pythons(ctx, cache)
	folders := map[string]string{} // Python version → the harness's folder for it, on the host
	for _, subj := range subjects {
		if !slices.Contains(frameworks, subj.ID) {
			continue
		}
		h.subjects[subj.ID] = subj
		for _, r := range subj.Releases {
			e := &environment{Release: r, framework: subj.ID, name: subj.Name}
			h.envs[r.Env], h.order = e, append(h.order, e)
			py, ok := pythons[r.Python]
			if !ok {
				e.missing = fmt.Sprintf("no Python %s for %s: %s", r.Python, r.Env, strings.Join(missing, "; "))
				continue
			}
			e.Python = py
			dir, ok := folders[py.Version]
			if !ok {
				dir = harnessFolder(t, py)
				folders[py.Version] = dir
			}
			if e.driver, err = py.InsidePath(filepath.Join(dir, "driver.py")); err != nil {
				t.Fatal(err)
			}
			if e.tmp, err = py.InsidePath(filepath.Join(dir, "tmp")); err != nil {
				t.Fatal(err)
			}
		}
	}

	start := time.Now()
	var wg sync.WaitGroup
	for _, e := range h.order {
		if e.missing != "" {
			continue
		}
		wg.Go(func() {
			lock, err := fs.ReadFile(content.FS, site.LockPath(e.Env))
			if err == nil {
				e.exe, err = Venv(ctx, e.Python, e.Env, lock, e.Python.CacheDir(cache))
			}
			if err != nil {
				e.missing = fmt.Sprintf("building the %s venv from PyPI (%s): %v", e.Env, LockPath(e.Env), err)
			}
		})
	}
	wg.Wait()
	t.Logf("venvs ready in %s under %s", time.Since(start).Round(time.Millisecond), cache)

	// The versions the samples really run against, as Python imports them.
	for _, e := range h.order {
		if e.missing != "" {
			t.Logf("%s: %s", e.Env, e.missing)
			continue
		}
		res, err := h.run(e, e.exe, map[string]any{"mode": "versions", "distributions": []string{e.framework}})
		if err != nil {
			t.Fatal(err)
		}
		e.imported, e.python = res.Versions[e.framework], res.Python
		if e.imported != e.Version {
			t.Errorf("the %s venv has %s %q but %s pins %q", e.Env, e.framework, e.imported, LockPath(e.Env), e.Version)
		}
		if lockfile.MajorMinor(e.python) != e.Release.Python {
			t.Errorf("the %s venv runs Python %s but %s was compiled for %s", e.Env, e.python, LockPath(e.Env), e.Release.Python)
		}
	}
	return h
}

// harnessFolder makes the folder of driver.py and the samples' files for a Python: a test
// folder, or one under the Debian root's /tmp, removed when the test ends.
func harnessFolder(t *testing.T, py Python) string {
	t.Helper()
	dir := t.TempDir()
	if py.Root != "" {
		// Those of runs that were killed before their cleanup, a day old.
		stale, _ := filepath.Glob(py.HostPath("/tmp/versus-samples-*"))
		for _, old := range stale {
			if info, err := os.Stat(old); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
				os.RemoveAll(old)
			}
		}
		var err error
		if dir, err = os.MkdirTemp(py.HostPath("/tmp"), "versus-samples-"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
	}
	if err := os.WriteFile(filepath.Join(dir, "driver.py"), driver, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// parsers are one ready environment per Python version, to parse every block with.
func (h *harness) parsers() []*environment {
	var out []*environment
	seen := map[string]bool{}
	for _, e := range h.order {
		if e.missing == "" && !seen[e.Python.Version] {
			seen[e.Python.Version] = true
			out = append(out, e)
		}
	}
	return out
}

// ranOn names the releases the samples ran on, each with its Pythons: "Flask 3.1.3
// (py3.11, py3.13)", "Django 5.2.19 (py3.11)". Environments that cannot run are left out.
func (h *harness) ranOn() []string {
	var keys []string
	pythons := map[string][]string{}
	for _, e := range h.order {
		if e.missing != "" || e.imported == "" {
			continue
		}
		key := e.name + " " + e.imported
		if _, ok := pythons[key]; !ok {
			keys = append(keys, key)
		}
		pythons[key] = append(pythons[key], "py"+lockfile.MajorMinor(e.python))
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k + " (" + strings.Join(pythons[k], ", ") + ")"
	}
	return out
}

type driverResult struct {
	OK       bool              `json:"ok"`
	Detail   string            `json:"detail"`
	Versions map[string]string `json:"versions"`
	Python   string            `json:"python"`
	// Deprecations are the deprecation warnings the sample's code set off.
	Deprecations []string `json:"deprecations"`
	Failures     []struct {
		ID    string `json:"id"`
		Error string `json:"error"`
	} `json:"failures"`
}

// run sends spec to driver.py under exe (the base Python's or the venv's interpreter of
// environment e) and reads its one-line JSON answer.
func (h *harness) run(e *environment, exe string, spec any) (driverResult, error) {
	input, err := json.Marshal(spec)
	if err != nil {
		return driverResult{}, fmt.Errorf("encoding the driver's spec: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := e.Python.Command(ctx, exe, e.driver)
	cmd.Stdin = bytes.NewReader(input)
	cmd.Env = e.driverEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var res driverResult
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		return driverResult{}, fmt.Errorf("driver.py under %s (%s): %v (reading its answer: %w)\nstdout: %s\nstderr: %s", exe, e.Python, runErr, err, tail(stdout.Bytes()), tail(stderr.Bytes()))
	}
	return res, nil
}

// driverEnv is the environment of driver.py's processes in e.
func (e *environment) driverEnv() []string {
	return e.Python.Env("PYTHONDONTWRITEBYTECODE=1", "TMPDIR="+e.tmp)
}

// sampleTimeout bounds one sample's run; driver.py's child kills itself a little sooner.
const sampleTimeout = 2 * time.Minute

// worker is one `driver.py serve <framework>` process in an environment: it imports the
// framework once, then
// runs each sample it is sent in a child forked from itself, so a sample costs a fork
// rather than an interpreter start and the framework's imports.
type worker struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *tailBuffer
}

// runSample runs one sample on an idle worker of environment e, starting one if none is
// idle (at most -parallel run at once).
func (h *harness) runSample(e *environment, spec any) (driverResult, error) {
	w, err := h.take(e)
	if err != nil {
		return driverResult{}, err
	}
	res, err := w.send(spec)
	if err != nil {
		w.stop()
		return driverResult{}, fmt.Errorf("driver.py serve %s in %s: %w\nstderr: %s", e.framework, e.Env, err, w.stderr)
	}
	h.mu.Lock()
	h.idle[e.Env] = append(h.idle[e.Env], w)
	h.mu.Unlock()
	return res, nil
}

// take returns an idle worker of environment e, or a new one.
func (h *harness) take(e *environment) (*worker, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if idle := h.idle[e.Env]; len(idle) > 0 {
		w := idle[len(idle)-1]
		h.idle[e.Env] = idle[:len(idle)-1]
		return w, nil
	}
	framework := e.framework
	cmd := e.Python.Command(context.Background(), e.exe, e.driver, "serve", framework)
	cmd.Env = e.driverEnv()
	w := &worker{cmd: cmd, stderr: &tailBuffer{}}
	cmd.Stderr = w.stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("starting driver.py serve %s: %w", framework, err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("starting driver.py serve %s: %w", framework, err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting driver.py serve %s: %w", framework, err)
	}
	w.in, w.out = in, bufio.NewReader(out)
	h.workers = append(h.workers, w)
	return w, nil
}

// send writes one spec to the worker and reads its answer, killing the worker if none
// comes within sampleTimeout.
func (w *worker) send(spec any) (driverResult, error) {
	line, err := json.Marshal(spec)
	if err != nil {
		return driverResult{}, fmt.Errorf("encoding the sample: %w", err)
	}
	if _, err := w.in.Write(append(line, '\n')); err != nil {
		return driverResult{}, fmt.Errorf("sending the sample: %w", err)
	}
	answer := make(chan []byte, 1)
	go func() {
		b, _ := w.out.ReadBytes('\n') // an error leaves b without its newline, or empty
		answer <- b
	}()
	var b []byte
	select {
	case b = <-answer:
	case <-time.After(sampleTimeout):
		w.stop()
		return driverResult{}, fmt.Errorf("no answer within %s", sampleTimeout)
	}
	var res driverResult
	if err := json.Unmarshal(b, &res); err != nil {
		return driverResult{}, fmt.Errorf("reading the answer %q: %w", tail(b), err)
	}
	return res, nil
}

// stop ends a worker whose state is unknown.
func (w *worker) stop() {
	_ = w.cmd.Process.Kill()
	_ = w.cmd.Wait()
}

// stopWorkers closes every worker's input, which ends its loop, and waits for it.
func (h *harness) stopWorkers() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, w := range h.workers {
		_ = w.in.Close()
		_ = w.cmd.Wait() // already waited for if stopped: the error is ignored either way
	}
}

// tailBuffer keeps the last few kilobytes written to it: a worker's stderr, shown when it
// fails.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if over := len(b.buf) - 4096; over > 0 {
		b.buf = slices.Clone(b.buf[over:])
	}
	return len(p), nil
}

func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

// plural is "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
