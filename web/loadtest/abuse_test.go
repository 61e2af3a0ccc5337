package loadtest

import (
	"bufio"
	"encoding/json"
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

// TestOutOfFileDescriptors: with the process's file limit reached, the server stops
// accepting for a moment (net/http backs off), but a connection it already has is still
// answered at full speed.
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
	ask := func() {
		t.Helper()
		_ = kept.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.WriteString(kept, "GET /robots.txt HTTP/1.1\r\nHost: a\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(keptReader, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d", resp.StatusCode)
		}
	}
	ask()
	var flood []net.Conn
	defer func() {
		for _, c := range flood {
			c.Close()
		}
	}()
	for range 100 { // more than the limit: the kernel queues them, the server cannot take them
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		flood = append(flood, c)
	}
	const n = 1000
	start := time.Now()
	for range n {
		ask()
	}
	took := time.Since(start)
	t.Logf("%d requests on a kept connection in %v with %d more connections waiting", n, took, len(flood))
	if took > 5*time.Second {
		t.Errorf("%d requests took %v: the kept connection slowed down while the server was out of descriptors", n, took)
	}
	for _, c := range flood {
		c.Close()
	}
	flood = nil
	// Once descriptors are free again, new connections are served.
	for deadline := time.Now().Add(10 * time.Second); ; {
		resp, err := (&http.Client{Timeout: time.Second}).Get(b.base + "/robots.txt")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no new connection served 10 s after descriptors were freed: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := b.stop(); err != nil {
		t.Fatal(err)
	}
	if logs, _ := os.ReadFile(b.logPath); !strings.Contains(string(logs), "too many open files") {
		t.Error("the server never ran out of descriptors, so this test proved nothing; raise the flood")
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
