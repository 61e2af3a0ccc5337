package main

import (
	"bufio"
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/highlight"
)

// logLines is a concurrency-safe stderr that hands each log line to the test.
type logLines struct {
	mu    sync.Mutex
	all   strings.Builder
	lines chan string
}

func newLogLines() *logLines { return &logLines{lines: make(chan string, 100)} }

func (l *logLines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.all.Write(p)
	for _, line := range strings.SplitAfter(string(p), "\n") {
		if line != "" {
			select {
			case l.lines <- line:
			default:
			}
		}
	}
	return len(p), nil
}

func (l *logLines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.all.String()
}

// waitFor returns the first log line containing s, or fails the test after 10 seconds.
func (l *logLines) waitFor(t *testing.T, s string) string {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case line := <-l.lines:
			if strings.Contains(line, s) {
				return line
			}
		case <-timeout:
			t.Fatalf("no log line with %q; the log:\n%s", s, l.String())
		}
	}
}

// slowPath is answered by the test hook only after the test releases it, with the page at
// slowTarget.
const (
	slowPath   = "/slow"
	slowTarget = "/compare/flask-vs-django/orm"
)

// slowRequests installs the test hook: a request for slowPath signals started, then
// waits for release before the site answers it with the page at slowTarget.
func slowRequests(t *testing.T) (started <-chan struct{}, release func()) {
	t.Helper()
	startc := make(chan struct{}, 10)
	releasec := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(releasec) }) }
	testHookHandler = func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == slowPath {
				startc <- struct{}{}
				<-releasec
				r.URL.Path = slowTarget
			}
			h.ServeHTTP(w, r)
		})
	}
	t.Cleanup(func() {
		release()
		testHookHandler = nil
	})
	return startc, release
}

// runningServer is versus running in the background.
type runningServer struct {
	addr string
	log  *logLines
	stop context.CancelFunc
	done chan struct{} // closed when run returns
	err  error         // what run returned, once done is closed
}

// startServer runs versus with args in the background until the test ends, and waits
// until it listens.
func startServer(t *testing.T, args ...string) *runningServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &runningServer{log: newLogLines(), stop: cancel, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		s.err = run(ctx, args, func(string) string { return "" }, io.Discard, s.log)
	}()
	t.Cleanup(func() {
		cancel()
		if !s.returned(10 * time.Second) {
			t.Error("run did not return after its context was cancelled")
		}
	})
	line := s.log.waitFor(t, "msg=serving")
	m := regexp.MustCompile(`addr=(\S+)`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("no addr in %q", line)
	}
	s.addr = m[1]
	return s
}

// returned reports whether run returns within d.
func (s *runningServer) returned(d time.Duration) bool {
	select {
	case <-s.done:
		return true
	case <-time.After(d):
		return false
	}
}

// TestGracefulShutdown cancels run's context while a slow request is in flight: the
// server stops taking connections, the request still gets its page, and run returns nil.
func TestGracefulShutdown(t *testing.T) {
	started, release := slowRequests(t)
	// No command: flags alone mean serve, as before versus had commands.
	s := startServer(t, "-addr", "127.0.0.1:0", "-log-format", "text", "-content", writeFixture(t, nil), "-base-url", "https://versus.example")

	type answer struct {
		status int
		body   string
		err    error
	}
	answers := make(chan answer, 1)
	go func() {
		resp, err := http.Get("http://" + s.addr + slowPath)
		if err != nil {
			answers <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		answers <- answer{resp.StatusCode, string(body), err}
	}()
	<-started
	s.stop()
	s.log.waitFor(t, `msg="shutting down"`)
	if s.returned(200 * time.Millisecond) {
		t.Fatalf("run returned %v with a request in flight", s.err)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		c, err := net.DialTimeout("tcp", s.addr, time.Second)
		if err != nil {
			break // the listener is closed
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("the server still accepts connections while shutting down")
		}
	}

	release()
	a := <-answers
	if a.err != nil || a.status != http.StatusOK || !strings.Contains(a.body, "https://versus.example"+slowTarget) {
		t.Errorf("the request in flight: status %d, %d bytes, err %v", a.status, len(a.body), a.err)
	}
	if !s.returned(10 * time.Second) {
		t.Fatal("run did not return after the last request finished")
	}
	if s.err != nil {
		t.Errorf("run = %v, want nil", s.err)
	}
	if !strings.Contains(s.log.String(), "msg=stopped") {
		t.Errorf("no stop in the log:\n%s", s.log.String())
	}
}

// TestShutdownTimeout checks that a request still unfinished after -shutdown-timeout is
// cut off and reported, and that run still returns nil (exit 0).
func TestShutdownTimeout(t *testing.T) {
	started, _ := slowRequests(t)
	s := startServer(t, "serve", "-addr", "127.0.0.1:0", "-log-format", "text", "-content", writeFixture(t, nil), "-shutdown-timeout", "200ms")
	go func() {
		if resp, err := http.Get("http://" + s.addr + slowPath); err == nil {
			resp.Body.Close()
		}
	}()
	<-started
	begin := time.Now()
	s.stop()
	if !s.returned(10 * time.Second) {
		t.Fatal("run did not return after the shutdown timeout")
	}
	if waited := time.Since(begin); waited < 200*time.Millisecond {
		t.Errorf("run returned %s after the cancel, before the shutdown timeout", waited)
	}
	if s.err != nil {
		t.Errorf("run = %v, want nil: stopping within the timeout is a clean stop", s.err)
	}
	if !strings.Contains(s.log.String(), `level=WARN msg="shutdown timeout passed: connections cut" timeout=200ms connections=1`) {
		t.Errorf("no warning counting the cut connection:\n%s", s.log.String())
	}
}

func TestServeReportsContentProblems(t *testing.T) {
	content := writeFixture(t, map[string][2]string{"comparisons/flask-vs-django/rows/orm.md": {"verdict: django", "verdict: djngo"}})
	r := runVersus(t, nil, "serve", "-addr", "127.0.0.1:0", "-content", content)
	if r.exit != 1 || !strings.Contains(r.stderr, `orm.md:7: verdict "djngo" for flask-vs-django must be`) {
		t.Errorf("exit %d, stderr:\n%s", r.exit, r.stderr)
	}
}

// TestDevMode serves a content folder with -dev: pages carry the reload script, and a
// broken save shows its problem on the last good page.
func TestDevMode(t *testing.T) {
	dir := writeFixture(t, nil)
	s := startServer(t, "serve", "-dev", "-addr", "127.0.0.1:0", "-log-format", "text", "-content", dir, "-static", filepath.Join("..", "..", "static"))
	page := func() string {
		resp, err := http.Get("http://" + s.addr + "/compare/flask-vs-django/orm")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if !strings.Contains(page(), `/_dev/reload.js`) {
		t.Fatal("dev mode pages lack the reload script")
	}
	row := filepath.Join(dir, "comparisons", "flask-vs-django", "rows", "orm.md")
	data, err := os.ReadFile(row)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(row, []byte(strings.Replace(string(data), "verdict: django", "verdict: nobody", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(page(), "dev-problems") {
		if time.Now().After(deadline) {
			t.Fatal("the broken edit's problem is not shown within 5 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestServerStartsWithTheShippedHighlightCache guards start-up time: the embedded cache
// must parse and be accepted, or every start would highlight the content again.
func TestServerStartsWithTheShippedHighlightCache(t *testing.T) {
	cache, err := highlight.ParseCache(content.HighlightCache)
	if err != nil {
		t.Fatal(err)
	}
	h, problem := newHighlighter()
	if problem != nil {
		t.Fatal(problem)
	}
	if got := h.Cache().Len(); got == 0 || got != cache.Len() {
		t.Errorf("the server's highlighter starts with %d blocks, want the cache's %d", got, cache.Len())
	}
}

// damageHighlightCache replaces the embedded highlight cache with bytes that do not parse,
// until the test ends.
func damageHighlightCache(t *testing.T) {
	t.Helper()
	saved := embeddedHighlightCache
	embeddedHighlightCache = []byte("this is not a gzip file")
	t.Cleanup(func() { embeddedHighlightCache = saved })
}

// TestServeWarnsOfADamagedHighlightCache: the server still starts (the cache only saves
// time), but says why its start-up is slower.
func TestServeWarnsOfADamagedHighlightCache(t *testing.T) {
	damageHighlightCache(t)
	s := startServer(t, "-addr", "127.0.0.1:0", "-log-format", "text", "-content", writeFixture(t, nil))
	// The warning comes before the server listens, so startServer has seen it go by.
	var line string
	for l := range strings.Lines(s.log.String()) {
		if strings.Contains(l, "highlight cache") {
			line = l
		}
	}
	for _, want := range []string{"level=WARN", "gzip: invalid header", "go generate ./content"} {
		if !strings.Contains(line, want) {
			t.Errorf("the warning %q lacks %q; the log:\n%s", line, want, s.log.String())
		}
	}
}

// serveFor runs versus with args for at most 10 seconds: a server that starts serves until
// then, and returns nil.
func serveFor(args ...string) (stderr string, exit int) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var out strings.Builder
	err := run(ctx, args, func(string) string { return "" }, io.Discard, &out)
	exit = exitCode(err, &out)
	return out.String(), exit
}

// copyStatic copies the shipped static files into a new folder, leaving out those whose
// name ends with skip.
func copyStatic(t *testing.T, skip string) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "static")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") || (skip != "" && strings.HasSuffix(p, skip)) {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestServeRefusesAStaticFolderWithoutALinkedAsset: a -static folder lacking a file the
// pages link fails at start, naming the file, rather than serving pages with href="".
func TestServeRefusesAStaticFolderWithoutALinkedAsset(t *testing.T) {
	dir := copyStatic(t, "site.js")
	stderr, exit := serveFor("serve", "-addr", "127.0.0.1:0", "-content", writeFixture(t, nil), "-static", dir)
	if exit != 1 || !strings.Contains(stderr, `"js/site.js"`) {
		t.Errorf("exit %d, stderr:\n%s", exit, stderr)
	}
	stderr, exit = serveFor("serve", "-addr", "127.0.0.1:0", "-static", filepath.Join(dir, "nowhere"))
	if exit != 1 || !strings.Contains(stderr, "static folder") || !strings.Contains(stderr, "nowhere") {
		t.Errorf("missing folder: exit %d, stderr:\n%s", exit, stderr)
	}
}

// TestDevModeListensOnLoopbackByDefault: the preview shows file paths and an event stream,
// so -dev listens on this machine only unless -addr or VERSUS_ADDR says otherwise.
func TestDevModeListensOnLoopbackByDefault(t *testing.T) {
	for _, tt := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{nil, nil, ":8080"},
		{[]string{"-dev"}, nil, "127.0.0.1:8080"},
		{[]string{"-dev", "-addr", ":9000"}, nil, ":9000"},
		{[]string{"-dev"}, map[string]string{"VERSUS_ADDR": "0.0.0.0:9000"}, "0.0.0.0:9000"},
		{nil, map[string]string{"VERSUS_DEV": "true"}, "127.0.0.1:8080"},
	} {
		fs, o := serveFlags(io.Discard)
		if err := fs.parse(tt.args, func(k string) string { return tt.env[k] }); err != nil {
			t.Fatal(err)
		}
		if got := listenAddr(fs, o); got != tt.want {
			t.Errorf("%v with %v: listens on %q, want %q", tt.args, tt.env, got, tt.want)
		}
	}
}

// TestDevModeShutsDownWithAPreviewOpen: an open page's event stream does not hold the
// shutdown up: run returns promptly, and cleanly.
func TestDevModeShutsDownWithAPreviewOpen(t *testing.T) {
	s := startServer(t, "-dev", "-addr", "127.0.0.1:0", "-log-format", "text", "-content", writeFixture(t, nil), "-static", filepath.Join("..", "..", "static"))
	resp, err := http.Get("http://" + s.addr + "/_dev/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if _, err := bufio.NewReader(resp.Body).ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	s.stop()
	if !s.returned(3 * time.Second) {
		t.Fatal("run did not return within 3 s of the shutdown, with a preview's event stream open")
	}
	if s.err != nil {
		t.Errorf("run = %v, want nil", s.err)
	}
}

// TestServeRefusesAStaticFileOutsideItsFolder: a symlink in the static folder to a file
// elsewhere is not served as an asset; start fails, naming it.
func TestServeRefusesAStaticFileOutsideItsFolder(t *testing.T) {
	dir := copyStatic(t, "")
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "js", "extra.js")); err != nil {
		t.Fatal(err)
	}
	stderr, exit := serveFor("serve", "-addr", "127.0.0.1:0", "-content", writeFixture(t, nil), "-static", dir)
	if exit != 1 || !strings.Contains(stderr, "js/extra.js") || !strings.Contains(stderr, "escapes") {
		t.Errorf("exit %d, stderr:\n%s", exit, stderr)
	}
}

// TestHSTSMaxAgeMustBeWholeSeconds: max-age is in seconds, so 500ms would send max-age=0,
// which turns HSTS off in browsers; a negative value would silently send nothing.
func TestHSTSMaxAgeMustBeWholeSeconds(t *testing.T) {
	for _, bad := range []string{"500ms", "1.5s", "-1h"} {
		stderr, exit := serveFor("serve", "-addr", "127.0.0.1:0", "-content", writeFixture(t, nil), "-hsts-max-age", bad)
		if exit != 1 || !strings.Contains(stderr, "versus: -hsts-max-age ") || !strings.Contains(stderr, ": use a whole number of seconds") {
			t.Errorf("-hsts-max-age %s: exit %d, stderr:\n%s", bad, exit, stderr)
		}
	}
}
