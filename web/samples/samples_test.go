package samples

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/testenv"
)

//go:embed driver.py
var driver []byte

// minExecuted is the share of the shipped Python samples, in percent, that must run end
// to end; the rest are skipped with a reason (a version or a service the harness lacks).
const minExecuted = 95

type collected struct {
	samples  []Sample
	problems []string
}

// collectShipped collects the shipped content's samples once for every test.
var collectShipped = sync.OnceValues(func() (collected, error) {
	samples, problems, err := Collect(content.FS)
	return collected{samples, problems}, err
})

// shippedSamples returns the samples of the shipped content and the problems with their
// attributes.
func shippedSamples(t *testing.T) ([]Sample, []string) {
	t.Helper()
	c, err := collectShipped()
	if err != nil {
		t.Fatal(err)
	}
	return c.samples, c.problems
}

// TestSampleChecks reads every sample's attributes (no Python needed, so it runs under
// -short too): they must be well formed, and every Python sample must carry a check or a
// skip reason.
func TestSampleChecks(t *testing.T) {
	samples, problems := shippedSamples(t)
	for _, p := range problems {
		t.Error(p)
	}
	for _, s := range samples {
		if s.IsPython() && s.Check.Skip == "" && !s.Check.Runs() {
			t.Errorf("%s:%d: %s sample has no check: add request=/cli=/unittest=/websocket= with what to expect, or skip=\"reason\"", s.File, s.Line, s.Framework)
		}
	}
}

// TestSamples parses every Python block in the shipped content and runs every sample that
// declares a check, each framework's in the venv built from its lock file.
func TestSamples(t *testing.T) {
	samples, _ := shippedSamples(t)
	summary, skipped := runSamples(t, samples)
	fmt.Println(summary)
	for _, line := range skipped {
		fmt.Println(line)
	}
}

// TestFastAPIFixture runs the FastAPI samples of testdata/fastapi (the shipped content has
// none yet) the way TestSamples runs the shipped ones.
func TestFastAPIFixture(t *testing.T) {
	samples, problems, err := Collect(os.DirFS("testdata/fastapi"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	if n := len(samples); n < 5 {
		t.Fatalf("the fixture has %d samples, want at least 5", n)
	}
	summary, _ := runSamples(t, samples)
	t.Log(summary)
	if !strings.Contains(summary, " fastapi==") {
		t.Errorf("summary %q does not name the FastAPI version", summary)
	}
}

// runSamples runs samples (skipping under -short, and with a message when Python or the
// venvs cannot be had, except under CI=true). It returns the harness's summary line and a
// line per skipped sample with its reason.
func runSamples(t *testing.T, samples []Sample) (summary string, skipped []string) {
	testenv.SkipShort(t, "running the code samples")
	h := newHarness(t, frameworksOf(samples))

	// Every Python block parses (one interpreter for all of them).
	var blocks []parseBlock
	for _, s := range samples {
		for _, b := range s.Blocks {
			if IsPython(b.Language) {
				blocks = append(blocks, parseBlock{ID: fmt.Sprintf("%s:%d", s.File, b.Line), Code: b.Code})
			}
		}
	}
	res, err := h.run(h.base, map[string]any{"mode": "parse", "blocks": blocks})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Failures {
		t.Errorf("%s: Python does not parse: %s", f.ID, f.Error)
	}

	var mu sync.Mutex
	var python, entered, executed, failed int
	reasons := map[string]string{}
	t.Run("run", func(t *testing.T) {
		for _, s := range samples {
			if !s.IsPython() {
				continue
			}
			python++
			if s.Check.Skip != "" {
				reasons[s.ID()] = s.Check.Skip
			}
			t.Run(s.ID(), func(t *testing.T) {
				mu.Lock()
				entered++ // not counted when -run leaves the sample out
				mu.Unlock()
				if s.Check.Skip != "" {
					t.Skipf("%s:%d: skipped: %s", s.File, s.Line, s.Check.Skip)
				}
				if !s.Check.Runs() {
					t.Skipf("%s:%d: no check (TestSampleChecks reports it)", s.File, s.Line)
				}
				t.Parallel()
				res, err := h.runSample(s.Framework, map[string]any{
					"mode": "run", "framework": s.Framework, "files": filesOf(s), "check": s.Check,
				})
				mu.Lock()
				executed++
				if err != nil || !res.OK {
					failed++
				}
				mu.Unlock()
				if err != nil {
					t.Fatalf("%s:%d: %v", s.File, s.Line, err)
				}
				if !res.OK {
					t.Fatalf("%s:%d: %s sample failed: %s", s.File, s.Line, s.Framework, res.Detail)
				}
				t.Logf("%s:%d: ok: %s", s.File, s.Line, strings.TrimSpace(res.Detail))
			})
		}
	})

	for id, why := range reasons {
		skipped = append(skipped, fmt.Sprintf("  skipped %s: %s", id, why))
	}
	sort.Strings(skipped)
	// The share of executed samples only means something over all of them.
	if entered == python && python > 0 && executed*100 < python*minExecuted {
		t.Errorf("only %d of %d Python samples were executed end to end; at least %d%% must be", executed, python, minExecuted)
	}
	return summaryLine(len(samples), executed, len(skipped), failed, h.versions), skipped
}

// summaryLine is the harness's one-line report, e.g.
// "samples: 155 in all; 153 executed, 2 skipped; flask==3.1.3 django==5.2.19".
func summaryLine(all, executed, skipped, failed int, versions []string) string {
	line := fmt.Sprintf("samples: %d in all; %d executed, %d skipped", all, executed, skipped)
	if failed > 0 {
		line += fmt.Sprintf(", %d failed", failed)
	}
	if len(versions) > 0 {
		line += "; " + strings.Join(versions, " ")
	}
	return line
}

func TestSummaryLine(t *testing.T) {
	got := summaryLine(155, 153, 2, 0, []string{"flask==3.1.3", "django==5.2.19"})
	if want := "samples: 155 in all; 153 executed, 2 skipped; flask==3.1.3 django==5.2.19"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := summaryLine(3, 3, 0, 1, nil); got != "samples: 3 in all; 3 executed, 0 skipped, 1 failed" {
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

// harness runs driver.py: with the base python3 to parse, and with each framework's venv
// interpreter to run samples, through a pool of `driver.py serve` workers per framework.
type harness struct {
	driver   string            // path of driver.py
	tmp      string            // TMPDIR for the driver: each sample's files, databases, ...
	base     string            // python3 on PATH
	envs     map[string]string // framework id → venv interpreter
	versions []string          // "flask==3.1.3", in the order of frameworks

	mu      sync.Mutex
	idle    map[string][]*worker // framework id → workers waiting for a sample
	workers []*worker            // every worker started, stopped by the test's cleanup
}

// newHarness finds python3 and builds or reuses the venv of each framework. Without them
// the test skips (fails under CI=true).
func newHarness(t *testing.T, frameworks []string) *harness {
	t.Helper()
	base, err := exec.LookPath("python3")
	if err != nil {
		testenv.Missing(t, "python3 is not on PATH: code samples skipped")
	}
	cache, err := CacheDir()
	if err != nil {
		testenv.Missing(t, err.Error())
	}
	h := &harness{driver: filepath.Join(t.TempDir(), "driver.py"), tmp: t.TempDir(), base: base,
		envs: map[string]string{}, idle: map[string][]*worker{}}
	t.Cleanup(h.stopWorkers)
	if err := os.WriteFile(h.driver, driver, 0o644); err != nil {
		t.Fatal(err)
	}

	locks := map[string]Lock{}
	for _, fw := range frameworks {
		lock, err := ReadLock(LockPath(fw))
		if err != nil {
			t.Fatalf("framework %q: %v (each framework's samples run in the venv of %s)", fw, err, LockPath(fw))
		}
		locks[fw] = lock
	}
	start := time.Now()
	pythons, errs := make([]string, len(frameworks)), make([]error, len(frameworks))
	var wg sync.WaitGroup
	for i, fw := range frameworks {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			pythons[i], errs[i] = Venv(ctx, base, LockPath(fw), cache)
		})
	}
	wg.Wait()
	for i, fw := range frameworks {
		if errs[i] != nil {
			testenv.Missing(t, fmt.Sprintf("building the %s venv from PyPI (%s): %v\ncode samples skipped", fw, LockPath(fw), errs[i]))
		}
		h.envs[fw] = pythons[i]
	}
	t.Logf("venvs ready in %s under %s", time.Since(start).Round(time.Millisecond), cache)

	// The versions the samples really run against, as Python imports them.
	for _, fw := range frameworks {
		res, err := h.run(h.envs[fw], map[string]any{"mode": "versions", "distributions": []string{fw}})
		if err != nil {
			t.Fatal(err)
		}
		got, want := res.Versions[fw], locks[fw].Pins[NormalizeName(fw)]
		if got != want {
			t.Errorf("the %s venv has %s %q but %s pins %q", fw, fw, got, LockPath(fw), want)
		}
		h.versions = append(h.versions, fw+"=="+got)
	}
	return h
}

type driverResult struct {
	OK       bool              `json:"ok"`
	Detail   string            `json:"detail"`
	Versions map[string]string `json:"versions"`
	Failures []struct {
		ID    string `json:"id"`
		Error string `json:"error"`
	} `json:"failures"`
}

// run sends spec to driver.py under python and reads its one-line JSON answer.
func (h *harness) run(python string, spec any) (driverResult, error) {
	input, err := json.Marshal(spec)
	if err != nil {
		return driverResult{}, fmt.Errorf("encoding the driver's spec: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, h.driver)
	cmd.Stdin = bytes.NewReader(input)
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "TMPDIR="+h.tmp)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var res driverResult
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		return driverResult{}, fmt.Errorf("driver.py under %s: %v (reading its answer: %w)\nstdout: %s\nstderr: %s", python, runErr, err, tail(stdout.Bytes()), tail(stderr.Bytes()))
	}
	return res, nil
}

// sampleTimeout bounds one sample's run; driver.py's child kills itself a little sooner.
const sampleTimeout = 2 * time.Minute

// worker is one `driver.py serve <framework>` process: it imports the framework once, then
// runs each sample it is sent in a child forked from itself, so a sample costs a fork
// rather than an interpreter start and the framework's imports.
type worker struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *tailBuffer
}

// runSample runs one sample on an idle worker of its framework, starting one if none is
// idle (at most -parallel run at once).
func (h *harness) runSample(framework string, spec any) (driverResult, error) {
	w, err := h.take(framework)
	if err != nil {
		return driverResult{}, err
	}
	res, err := w.send(spec)
	if err != nil {
		w.stop()
		return driverResult{}, fmt.Errorf("driver.py serve %s: %w\nstderr: %s", framework, err, w.stderr)
	}
	h.mu.Lock()
	h.idle[framework] = append(h.idle[framework], w)
	h.mu.Unlock()
	return res, nil
}

// take returns an idle worker of the framework, or a new one.
func (h *harness) take(framework string) (*worker, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if idle := h.idle[framework]; len(idle) > 0 {
		w := idle[len(idle)-1]
		h.idle[framework] = idle[:len(idle)-1]
		return w, nil
	}
	cmd := exec.Command(h.envs[framework], h.driver, "serve", framework)
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "TMPDIR="+h.tmp)
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
