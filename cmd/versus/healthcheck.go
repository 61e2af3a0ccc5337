package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/versus-dev/versus/web/site"
)

// healthcheckFlags declares the flags of healthcheck.
func healthcheckFlags(stderr io.Writer) (*flagSet, *string, *time.Duration) {
	var addr string
	var timeout time.Duration
	fs := newFlagSet("healthcheck", "[flags]", `Asks the server listening on -addr on this machine for /healthz and exits 0 if it answers
200, else 1. Meant for container health checks (the image has no shell or curl):
  HEALTHCHECK CMD ["/versus", "healthcheck"]
A wildcard host (":8080", "0.0.0.0:8080") is probed at 127.0.0.1.`, stderr)
	fs.StringVar(&addr, "addr", ":8080", "address the server listens on, host:port")
	fs.DurationVar(&timeout, "timeout", 5*time.Second, "how long to wait for the answer")
	fs.envTwin("addr", "VERSUS_ADDR")
	return fs, &addr, &timeout
}

func runHealthcheck(ctx context.Context, p *process, args []string) error {
	fs, addr, timeout := healthcheckFlags(p.stderr)
	if err := fs.parse(args, p.getenv); err != nil {
		return err
	}
	hostport, err := probeAddress(*addr)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	url := "http://" + hostport + site.HealthPath
	status, err := getStatus(ctx, hostport, site.HealthPath)
	if err != nil {
		return fmt.Errorf("healthcheck: GET %s: %w", url, err)
	}
	if status != http.StatusOK {
		return fmt.Errorf("healthcheck: GET %s answered %d %s", url, status, http.StatusText(status))
	}
	fmt.Fprintf(p.stdout, "healthy: GET %s answered 200\n", url)
	return nil
}

// probeAddress is the host:port to connect to for a server listening on addr: a wildcard
// or empty host becomes 127.0.0.1.
func probeAddress(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return "", fmt.Errorf("healthcheck: address %q must be host:port or :port", addr)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port), nil
}

// getStatus sends GET path to the server at hostport over HTTP/1.1 and returns the
// response status. It writes the request and reads the answer with net/http's own
// functions over a plain connection, rather than through an http.Client, whose transport
// (HTTP/2, TLS, proxies) would add about 0.45 MB to a binary whose image must stay small.
func getStatus(ctx context.Context, hostport, path string) (int, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", hostport)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+hostport+path, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("User-Agent", "versus-healthcheck")
	req.Close = true
	if err := req.Write(conn); err != nil {
		return 0, err
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
