package loadtest

import (
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkStartupToFirst200 measures a release build from exec to the first 200 on the
// comparison page, with every page rendered and compressed:
// go test ./web/loadtest -run '^$' -bench StartupToFirst200 -benchtime 7x
func BenchmarkStartupToFirst200(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "versus")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", bin, "../../cmd/versus")
	build.Env = append(build.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building versus: %v\n%s", err, out)
	}
	client := &http.Client{Timeout: time.Second}
	for b.Loop() {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		start := time.Now()
		cmd := exec.Command(bin, "-addr", addr) // default flags: a log line per request
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		for {
			resp, err := client.Get("http://" + addr + "/compare/flask-vs-django")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					break
				}
			}
			if time.Since(start) > 20*time.Second {
				b.Fatal("no 200 within 20 s")
			}
			time.Sleep(time.Millisecond)
		}
		b.StopTimer()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		b.StartTimer()
	}
}
