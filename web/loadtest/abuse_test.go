package loadtest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestPipeliningWithoutReading: 100 clients with 4 KB receive buffers each send 73
// pipelined requests for a large page and never read the answers. Resident memory must
// stay under 100 MB, and another client must still be answered within 100 ms.
func TestPipeliningWithoutReading(t *testing.T) {
	b := startBinary(t)
	addr := strings.TrimPrefix(b.base, "http://")
	const clients, pipelined = 100, 73
	request := "GET /compare/flask-vs-django.json HTTP/1.1\r\nHost: a\r\n\r\n"
	burst := strings.Repeat(request, pipelined)
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := range clients {
		c, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Fatalf("client %d: %v", i, err)
		}
		_ = c.(*net.TCPConn).SetReadBuffer(4096)
		conns = append(conns, c)
		_ = c.SetWriteDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.WriteString(c, burst); err != nil {
			t.Fatalf("client %d writing its requests: %v", i, err)
		}
	}
	time.Sleep(time.Second) // let the server answer as much as the sockets take
	rss := rssKB(t, b.pid)
	client := &http.Client{Timeout: 5 * time.Second}
	var took []time.Duration
	for range 11 {
		start := time.Now()
		resp, err := client.Get(b.base + "/compare/flask-vs-django/orm")
		if err != nil {
			t.Fatalf("another client: %v", err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	t.Logf("resident memory %d KB with %d clients not reading; another client answered in %v (median %v)", rss, clients, took, took[len(took)/2])
	if rss > 100*1024 {
		t.Errorf("resident memory %d KB, over 100 MB", rss)
	}
	if took[len(took)/2] > 100*time.Millisecond {
		t.Errorf("another client waited %v (median of %d), over 100 ms", took[len(took)/2], len(took))
	}
}

// TestOutOfFileDescriptors: with a file limit of 64, 100 clients that each make one
// request and keep their connection open (idle keep-alive, as browsers do) would take every
// descriptor, and a new client would wait until idle connections time out (120 s). The
// server bounds its connections below the limit and closes the longest-idle ones as the
// bound nears, so a new client is answered at once, a busy connection it already has keeps
// its speed, and the process never runs out of descriptors. Behind 100 connections that
// send nothing, a new client waits a few seconds at most (they were closed only by the 5 s
// header timeout: 10 s for 100).
func TestOutOfFileDescriptors(t *testing.T) {
	bin := buildBinary(t)
	b := startCommand(t, "sh", "-c", `ulimit -n 64 && exec "$0" "$@"`, bin)
	addr := strings.TrimPrefix(b.base, "http://")
	kept, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	keptReader := bufio.NewReader(kept)
	ask := func() error {
		_ = kept.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.WriteString(kept, "GET /robots.txt HTTP/1.1\r\nHost: a\r\n\r\n"); err != nil {
			return err
		}
		resp, err := http.ReadResponse(keptReader, nil)
		if err != nil {
			return err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	}
	if err := ask(); err != nil {
		t.Fatal(err)
	}

	// The kept connection stays busy while the others come, as a reader's would.
	stopBusy := make(chan struct{})
	busyErr := make(chan error, 1)
	go func() {
		for {
			select {
			case <-stopBusy:
				busyErr <- nil
				return
			default:
			}
			if err := ask(); err != nil {
				busyErr <- err
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	const idle = 100
	var flood []net.Conn
	defer func() {
		for _, c := range flood {
			c.Close()
		}
	}()
	answered := 0
	for range idle { // one request each, then the connection stays open, idle
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		flood = append(flood, c)
		_ = c.SetDeadline(time.Now().Add(200 * time.Millisecond))
		if _, err := io.WriteString(c, "GET /robots.txt HTTP/1.1\r\nHost: a\r\n\r\n"); err == nil {
			if resp, err := http.ReadResponse(bufio.NewReader(c), nil); err == nil {
				resp.Body.Close()
				answered++
			}
		}
	}
	close(stopBusy)
	if err := <-busyErr; err != nil {
		t.Fatalf("the busy connection failed while %d others came: %v", len(flood), err)
	}

	// A new client is answered at once.
	start := time.Now()
	resp, err := (&http.Client{Timeout: 2 * time.Second}).Get(b.base + "/robots.txt")
	if err != nil {
		t.Fatalf("a new client with %d idle connections open (%d answered): %v after %v", len(flood), answered, err, time.Since(start))
	}
	resp.Body.Close()
	newClient := time.Since(start)

	const n = 1000
	start = time.Now()
	for range n {
		if err := ask(); err != nil {
			t.Fatal(err)
		}
	}
	took := time.Since(start)
	t.Logf("%d idle connections opened (%d answered); a new client answered in %v; %d requests on a kept connection in %v", len(flood), answered, newClient, n, took)
	if newClient > time.Second {
		t.Errorf("a new client waited %v", newClient)
	}
	if took > 5*time.Second {
		t.Errorf("%d requests took %v: the kept connection slowed down", n, took)
	}

	// Connections that send nothing (slowloris) are closed once silent for a second near
	// the bound, rather than after the 5 s header timeout, wave after wave.
	for _, c := range flood {
		c.Close()
	}
	flood = nil
	for range idle {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		flood = append(flood, c)
	}
	start = time.Now()
	resp, err = (&http.Client{Timeout: 10 * time.Second}).Get(b.base + "/robots.txt")
	if err != nil {
		t.Fatalf("a new client behind %d silent connections: %v", len(flood), err)
	}
	resp.Body.Close()
	behindSilent := time.Since(start)
	t.Logf("a new client behind %d silent connections answered in %v", len(flood), behindSilent)
	if behindSilent > 4*time.Second {
		t.Errorf("a new client behind %d silent connections waited %v", len(flood), behindSilent)
	}

	if err := b.stop(); err != nil {
		t.Fatal(err)
	}
	if logs, _ := os.ReadFile(b.logPath); strings.Contains(string(logs), "too many open files") {
		t.Error("the server ran out of descriptors: the connection limit is not below the file limit")
	}
}

// TestRequestLogSurvivesSIGTERM: every request answered before SIGTERM has its log line,
// though the log is buffered. The requests carry their own id, which the server keeps
// because it is told to trust it.
func TestRequestLogSurvivesSIGTERM(t *testing.T) {
	b := startCommand(t, "sh", "-c", `VERSUS_TRUST_REQUEST_ID=true exec "$0" "$@"`, buildBinary(t))
	const n = 500
	client := &http.Client{Timeout: 5 * time.Second}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < n; i += 4 {
				req, _ := http.NewRequest(http.MethodGet, b.base+"/guides", nil)
				req.Header.Set("X-Request-Id", "sigterm-test")
				resp, err := client.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
	if err := b.stop(); err != nil {
		t.Fatal(err)
	}
	logs, err := os.ReadFile(b.logPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for line := range strings.Lines(string(logs)) {
		var entry struct {
			Msg       string
			RequestID string `json:"request_id"`
		}
		if err := json.Unmarshal([]byte(line), &entry); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if entry.Msg == "request" && entry.RequestID == "sigterm-test" {
			lines++
		}
	}
	if lines != n {
		t.Errorf("%d request lines in the log after SIGTERM, want %d", lines, n)
	}
	if !strings.Contains(string(logs), `"msg":"stopped"`) {
		t.Error("the log does not end with the server's last line")
	}
}

// TestShutdownWithASlowReader: a client that never reads its answers holds its request in
// flight past the shutdown timeout (the write timeout is longer). When the timeout passes,
// the server cuts the connection, logs how many it cut, and exits 0, as the README
// promises, within about the timeout.
func TestShutdownWithASlowReader(t *testing.T) {
	bin := buildBinary(t)
	b := startCommand(t, "sh", "-c", `VERSUS_SHUTDOWN_TIMEOUT=1s exec "$0" "$@"`, bin)
	addr := strings.TrimPrefix(b.base, "http://")
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.(*net.TCPConn).SetReadBuffer(4096)
	_ = c.SetWriteDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, strings.Repeat("GET /compare/flask-vs-django.json HTTP/1.1\r\nHost: a\r\n\r\n", 100)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // the server fills the socket and blocks writing
	start := time.Now()
	err = b.stop()
	took := time.Since(start)
	t.Logf("exit after %v: %v", took, err)
	if err != nil {
		t.Error(err)
	}
	if took > 4*time.Second {
		t.Errorf("the server took %v to stop with a 1 s shutdown timeout", took)
	}
	logs, _ := os.ReadFile(b.logPath)
	if !strings.Contains(string(logs), `"msg":"shutdown timeout passed: connections cut","timeout":"1s","connections":1`) {
		t.Errorf("no log line counting the cut connection:\n%s", logs)
	}
}
