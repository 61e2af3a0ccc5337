package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/versus-dev/versus/web/server"
)

// testHookHandler, when a test sets it, wraps the site's handler, so that the test can
// hold a request in flight while the server shuts down. It is nil outside tests.
var testHookHandler func(http.Handler) http.Handler

// serveOptions are the settings of the serve command.
type serveOptions struct {
	addr            string
	contentDir      string
	baseURL         string
	siteName        string
	shutdownTimeout time.Duration
}

// serveFlags declares the flags of serve, each with its VERSUS_* twin.
func serveFlags(stderr io.Writer) (*flagSet, *serveOptions) {
	o := &serveOptions{}
	fs := newFlagSet("serve", "[flags]", "Loads and validates the content, renders every page once, and serves the site from\nmemory until it gets SIGINT or SIGTERM; then it lets requests in flight finish.", stderr)
	fs.StringVar(&o.addr, "addr", ":8080", "address to listen on, host:port")
	fs.StringVar(&o.contentDir, "content", "", "serve the content in this folder instead of the embedded content")
	fs.StringVar(&o.baseURL, "base-url", "", "absolute URL the site is reached at, for canonical links; when empty, http://localhost:<port>")
	fs.StringVar(&o.siteName, "site-name", "Versus", "name shown in page titles and the header")
	fs.DurationVar(&o.shutdownTimeout, "shutdown-timeout", 15*time.Second, "how long requests in flight may take to finish after SIGINT or SIGTERM")
	fs.envTwin("addr", "VERSUS_ADDR")
	fs.envTwin("content", "VERSUS_CONTENT")
	fs.envTwin("base-url", "VERSUS_BASE_URL")
	fs.envTwin("site-name", "VERSUS_SITE_NAME")
	fs.envTwin("shutdown-timeout", "VERSUS_SHUTDOWN_TIMEOUT")
	return fs, o
}

// runServe loads the content, renders the site and serves it until ctx is done.
func runServe(ctx context.Context, p *process, args []string) error {
	fs, o := serveFlags(p.stderr)
	if err := fs.parse(args, p.getenv); err != nil {
		return err
	}
	if o.shutdownTimeout <= 0 {
		return fmt.Errorf("the shutdown timeout must be more than zero, not %s", o.shutdownTimeout)
	}
	logger := slog.New(slog.NewTextHandler(p.stderr, nil))

	start := time.Now()
	s, err := loadContent(o.contentDir)
	if err != nil {
		return err
	}
	if o.baseURL == "" {
		o.baseURL = defaultBaseURL(o.addr)
	}
	srv, err := server.NewServer(server.Config{SiteName: o.siteName, BaseURL: o.baseURL}, s, logger)
	if err != nil {
		return fmt.Errorf("rendering the site: %w", err)
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listening: %w", err)
	}
	logger.Info("serving", "addr", ln.Addr().String(), "pages", len(srv.Paths()), "startup", time.Since(start).Round(time.Millisecond).String())
	var h http.Handler = srv
	if testHookHandler != nil {
		h = testHookHandler(h)
	}
	return serve(ctx, ln, h, logger, o.shutdownTimeout)
}

// defaultBaseURL is the URL a browser on this machine would use for addr.
func defaultBaseURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://localhost:8080"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// serve runs the hardened HTTP server (timeouts, header limit) on ln until ctx is done,
// then shuts it down: it stops accepting connections, waits up to shutdownTimeout for
// requests in flight to finish, then closes whatever is left.
func serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger, shutdownTimeout time.Duration) error {
	srv := server.NewHTTPServer(h, logger)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down", "timeout", shutdownTimeout.String())
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		_ = srv.Close()
		return fmt.Errorf("shutting down: requests still in flight after %s: %w", shutdownTimeout, err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	logger.Info("stopped")
	return nil
}
