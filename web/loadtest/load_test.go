package loadtest

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/versus-dev/versus/web/testenv"
)

// binary is a running versus, started with its default flags (a log line per request),
// its standard error in logPath.
type binary struct {
	base    string // http://127.0.0.1:port
	pid     int
	logPath string
	cmd     *exec.Cmd
}

// buildBinary builds cmd/versus into a temporary folder, once per test.
func buildBinary(t *testing.T) string {
	t.Helper()
	testenv.SkipShort(t, "the load test")
	bin := filepath.Join(t.TempDir(), "versus")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/versus").CombinedOutput(); err != nil {
		t.Fatalf("building versus: %v\n%s", err, out)
	}
	return bin
}

// startBinary builds cmd/versus and runs it with its default flags on a free port of
// 127.0.0.1. The process is stopped with SIGINT when the test ends, unless the test
// stopped it already.
func startBinary(t *testing.T) *binary {
	t.Helper()
	return startCommand(t, buildBinary(t))
}

// startCommand runs versus serve through argv[0] (the binary, or a shell that execs it)
// with the address appended, and waits until it is ready.
func startCommand(t *testing.T, argv ...string) *binary {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	logPath := filepath.Join(t.TempDir(), "versus.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logFile.Close() })
	cmd := exec.Command(argv[0], append(argv[1:], "serve", "-addr", addr)...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	b := &binary{base: "http://" + addr, pid: cmd.Process.Pid, logPath: logPath, cmd: cmd}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			if err := b.stop(); err != nil {
				t.Error(err)
			}
		}
	})
	for deadline := time.Now().Add(20 * time.Second); ; {
		if resp, err := http.Get(b.base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return b
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("versus did not become ready within 20 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop sends SIGTERM and waits for a clean exit.
func (b *binary) stop() error {
	_ = b.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- b.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("versus did not exit cleanly: %w", err)
		}
		return nil
	case <-time.After(20 * time.Second):
		_ = b.cmd.Process.Kill()
		return fmt.Errorf("versus did not stop within 20 s of SIGTERM")
	}
}

// rssKB reads a process's resident set size.
func rssKB(t *testing.T, pid int) int {
	t.Helper()
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.Fields(rest)[0])
			return n
		}
	}
	t.Fatal("no VmRSS")
	return 0
}

// targets is every page type: each page in the sitemap, the twins, assets, search,
// the decision helper, every view of a table the pages link to (the tallies' and the
// verdicts by category's), a query that is not a view (400), redirects and a 404.
func targets(t *testing.T, base string) []string {
	t.Helper()
	resp, err := http.Get(base + "/sitemap.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.NewDecoder(resp.Body).Decode(&sm); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, u := range sm.URLs {
		out = append(out, strings.TrimPrefix(u.Loc, base))
	}
	home, _ := http.Get(base + "/")
	page, _ := io.ReadAll(home.Body)
	home.Body.Close()
	for _, part := range strings.Split(string(page), `"/static/`)[1:] {
		out = append(out, "/static/"+part[:strings.IndexByte(part, '"')])
	}
	views := map[string]bool{}
	for _, path := range out {
		if !strings.HasPrefix(path, "/compare/") || strings.Count(path, "/") != 2 {
			continue // not a comparison page
		}
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		for _, m := range viewLink.FindAllSubmatch(page, -1) {
			views[html.UnescapeString(string(m[1]))] = true
		}
	}
	if len(views) < 100 {
		t.Fatalf("the comparison pages link %d views of their tables, want over 100", len(views))
	}
	for v := range views {
		out = append(out, v)
	}
	return append(out,
		"/compare/flask-vs-django.json", "/compare/flask-vs-django.csv", "/compare/flask-vs-django/orm.json",
		"/feed.xml", "/robots.txt", "/search?q=djngo+admn", "/search?q=migr",
		"/compare/flask-vs-django/choose?size=small&back-office=soon", "/compare/flask-vs-django?cat=data&diff=1",
		"/compare/flask-vs-django?cat=nope", "/compare/django-vs-flask", "/no-such-page")
}

// viewLink finds a page's links to views of a comparison's table, without their fragment.
var viewLink = regexp.MustCompile(`href="(/compare/[a-z-]+\?[^"#]+)`)

// missTarget stands, in the load's targets, for a view of the table nobody asked for
// before: a text filter of its own on every request, so that the server makes it.
const missTarget = "/compare/flask-vs-django?q="

// TestLoadAndSoak sends 200,000 requests over keep-alive connections from 32 clients to
// the server in its default configuration (a log line per request): none may fail, and
// resident memory may grow at most 10% after warm-up. One target in every few hundred is
// a view of a table made for that request (missTarget).
func TestLoadAndSoak(t *testing.T) {
	b := startBinary(t)
	base, pid := b.base, b.pid
	paths := append(targets(t, base), missTarget)
	t.Logf("%d distinct targets; resident memory at start %d KB", len(paths), rssKB(t, pid))

	const workers, total, warmup = 32, 200_000, 20_000
	transport := &http.Transport{MaxIdleConnsPerHost: workers, DisableCompression: true}
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	defer transport.CloseIdleConnections()

	var sent, failed atomic.Int64
	var firstErr atomic.Value
	encodings := []string{"br", "gzip", ""}
	run := func(n int64) {
		var wg sync.WaitGroup
		stop := sent.Load() + n
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := sent.Add(1)
					if i > stop {
						return
					}
					path := paths[int(i)%len(paths)]
					if path == missTarget {
						path += strconv.FormatInt(i, 10)
					}
					req, _ := http.NewRequest(http.MethodGet, base+path, nil)
					if enc := encodings[int(i)%3]; enc != "" {
						req.Header.Set("Accept-Encoding", enc)
					}
					resp, err := client.Do(req)
					if err == nil {
						_, err = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if err == nil && resp.StatusCode >= 500 {
							err = fmt.Errorf("%s: status %d", path, resp.StatusCode)
						}
					}
					if err != nil {
						failed.Add(1)
						firstErr.CompareAndSwap(nil, err.Error())
					}
				}
			}()
		}
		wg.Wait()
		sent.Store(stop)
	}
	start := time.Now()
	run(warmup)
	warm := rssKB(t, pid)
	run(total - warmup)
	elapsed := time.Since(start)
	end := rssKB(t, pid)
	t.Logf("%d requests in %s (%.0f/s); resident memory %d KB after warm-up, %d KB at the end", total, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds(), warm, end)
	if n := failed.Load(); n > 0 {
		t.Errorf("%d of %d requests failed; first: %v", n, total, firstErr.Load())
	}
	if float64(end) > 1.10*float64(warm) {
		t.Errorf("resident memory grew from %d KB to %d KB after warm-up (over 10%%)", warm, end)
	}
	if end > 50*1024 {
		t.Errorf("resident memory %d KB is over the 50 MB budget", end)
	}
}

// TestIdleConnectionsDoNotStarveOthers opens 500 connections that send nothing, then
// checks that other clients are still answered promptly.
func TestIdleConnectionsDoNotStarveOthers(t *testing.T) {
	base := startBinary(t).base
	addr := strings.TrimPrefix(base, "http://")
	var idle []net.Conn
	defer func() {
		for _, c := range idle {
			c.Close()
		}
	}()
	for i := 0; i < 500; i++ {
		c, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Fatalf("opening idle connection %d: %v", i, err)
		}
		idle = append(idle, c)
	}
	client := &http.Client{Timeout: 2 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for i := 0; i < 50; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/compare/flask-vs-django", nil)
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("request %d with 500 idle connections open: %v", i, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || time.Since(start) > time.Second {
			t.Fatalf("request %d: status %d after %s", i, resp.StatusCode, time.Since(start))
		}
	}
	// The server drops connections that send no request line within its header timeout.
	idle[0].SetReadDeadline(time.Now().Add(15 * time.Second))
	if _, err := idle[0].Read(make([]byte, 1)); err == nil {
		t.Error("an idle connection that never sent a request was not closed")
	}
}
