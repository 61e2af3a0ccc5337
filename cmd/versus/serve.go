package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"github.com/versus-dev/versus/web/build"
	"github.com/versus-dev/versus/web/devmode"
	"github.com/versus-dev/versus/web/logwriter"
	"github.com/versus-dev/versus/web/server"
)

// testHookHandler, when a test sets it, wraps the site's handler, so that the test can
// hold a request in flight while the server shuts down. It is nil outside tests.
var testHookHandler func(http.Handler) http.Handler

// serveOptions are the settings of the serve command.
type serveOptions struct {
	addr            string
	contentDir      string
	staticDir       string
	site            siteOptions
	shutdownTimeout time.Duration
	hstsMaxAge      time.Duration
	metrics         bool
	trustRequestID  bool
	logFormat       string
	logLevel        string
	dev             bool
}

// serveFlags declares the flags of serve, each with its VERSUS_* twin.
func serveFlags(stderr io.Writer) (*flagSet, *serveOptions) {
	o := &serveOptions{}
	fs := newFlagSet("serve", "[flags]", "Loads and validates the content, renders every page once, and serves the site from\nmemory until it gets SIGINT or SIGTERM; then it lets requests in flight finish.", stderr)
	fs.StringVar(&o.addr, "addr", defaultAddr, "address to listen on, host:port; with -dev the default is "+defaultDevAddr+" (this machine only)")
	fs.StringVar(&o.contentDir, "content", "", "serve the content in this folder instead of the embedded content")
	fs.StringVar(&o.staticDir, "static", "", "serve the stylesheets, scripts and images in this folder instead of the embedded ones")
	o.site.declare(fs, "http://<host>:<port> of -addr, with localhost for a wildcard host (\":8080\" gives http://localhost:8080)")
	fs.DurationVar(&o.shutdownTimeout, "shutdown-timeout", 15*time.Second, "how long requests in flight may take to finish after SIGINT or SIGTERM")
	fs.DurationVar(&o.hstsMaxAge, "hsts-max-age", 0, "send Strict-Transport-Security with this max-age, a whole number of seconds, e.g. 8760h; 0 sends none (only enable behind HTTPS)")
	fs.BoolVar(&o.metrics, "metrics", false, "serve request counters as JSON at /debug/vars")
	fs.BoolVar(&o.trustRequestID, "trust-request-id", false, "keep a request's own X-Request-Id (when sane) instead of making one: only behind a proxy that sets it and drops the client's")
	fs.StringVar(&o.logFormat, "log-format", "auto", "log format: text, json, or auto (text on a terminal, JSON otherwise)")
	fs.StringVar(&o.logLevel, "log-level", "info", "log level: debug, info (one line per request), warn or error")
	fs.BoolVar(&o.dev, "dev", false, "live preview for authors: watch the content and static folders (default ./content and ./static), rebuild on save, show problems on every page, reload open pages")
	fs.envTwin("addr", "VERSUS_ADDR")
	fs.envTwin("content", "VERSUS_CONTENT")
	fs.envTwin("static", "VERSUS_STATIC")
	fs.envTwin("shutdown-timeout", "VERSUS_SHUTDOWN_TIMEOUT")
	fs.envTwin("hsts-max-age", "VERSUS_HSTS_MAX_AGE")
	fs.envTwin("metrics", "VERSUS_METRICS")
	fs.envTwin("trust-request-id", "VERSUS_TRUST_REQUEST_ID")
	fs.envTwin("log-format", "VERSUS_LOG_FORMAT")
	fs.envTwin("log-level", "VERSUS_LOG_LEVEL")
	fs.envTwin("dev", "VERSUS_DEV")
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
	// Strict-Transport-Security's max-age is in whole seconds: 500ms would send max-age=0,
	// which tells browsers to forget the policy, so refuse it rather than round it.
	if o.hstsMaxAge < 0 || o.hstsMaxAge%time.Second != 0 {
		return fmt.Errorf("-hsts-max-age %s: use a whole number of seconds, e.g. 8760h (one year), or 0 to send no Strict-Transport-Security", o.hstsMaxAge)
	}
	// The log, a line per request by default, is buffered and flushed every
	// logFlushDelay, and when runServe returns (after a shutdown on SIGTERM too).
	logOut := logwriter.New(p.stderr, logFlushDelay)
	defer logOut.Close()
	logger, err := newLogger(logOut, isTerminal(p.stderr), o.logFormat, o.logLevel)
	if err != nil {
		return err
	}
	o.addr = listenAddr(fs, o)
	if o.site.baseURL == "" {
		o.site.baseURL = defaultBaseURL(o.addr)
	}
	if o.dev {
		if o.contentDir == "" {
			o.contentDir = "content"
		}
		if o.staticDir == "" {
			o.staticDir = "static"
		}
	}
	if o.staticDir != "" {
		root, err := openFolder("static folder", o.staticDir)
		if err != nil {
			return err
		}
		_ = root.Close() // checked now, so a mistyped path fails before anything else
	}
	// One highlighter for every build: in dev mode, a rebuild highlights only the code
	// blocks that changed.
	highlighter, problem := newHighlighter()
	if problem != nil {
		logger.Warn("highlight cache left out: start-up highlights every code block", "problem", problem.Error())
	}
	build := func() (http.Handler, error) {
		s, err := loadContent(o.contentDir, highlighter)
		if err != nil {
			return nil, err
		}
		cfg := build.Config{Pages: o.site.config()}
		if o.staticDir != "" {
			root, err := openFolder("static folder", o.staticDir)
			if err != nil {
				return nil, err
			}
			defer root.Close() // build.Site reads every asset before it returns
			cfg.StaticFS = root.FS()
		}
		out, err := build.Site(context.Background(), s, cfg)
		if err != nil {
			return nil, fmt.Errorf("rendering the site: %w", err)
		}
		srv := server.New(server.Config{HSTSMaxAge: o.hstsMaxAge, Metrics: o.metrics, TrustRequestID: o.trustRequestID}, out, logger)
		s.ReleaseRenderedHTML() // every page is built; serving needs the model, not its HTML
		return srv, nil
	}

	start := time.Now()
	var h http.Handler
	var reloader *devmode.Reloader
	if o.dev {
		if reloader, err = devmode.New(build, []string{o.contentDir, o.staticDir}, logger); err != nil {
			return err
		}
		go reloader.Watch(ctx)
		h = reloader
	} else if h, err = build(); err != nil {
		return err
	}
	// The live heap of a rendered site is small, but the default GC lets the heap double
	// before collecting. A soft limit keeps resident memory low on small containers;
	// GOMEMLIMIT, when set, takes precedence.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listening: %w", err)
	}
	hs := server.NewHTTPServer(h, logger)
	maxConns := server.MaxConnections()
	ln = hs.Limit(ln, maxConns)
	logger.Info("serving", "addr", ln.Addr().String(), "dev", o.dev, "startup", time.Since(start).Round(time.Millisecond).String(), "max_connections", maxConns)
	// Rendering leaves a large heap of garbage behind (Markdown trees, chroma tokens,
	// compression buffers): give it back to the system once the first requests are served
	// and the search index is built.
	time.AfterFunc(2*time.Second, debug.FreeOSMemory)
	if testHookHandler != nil {
		hs.Handler = testHookHandler(h)
	}
	if reloader != nil {
		hs.RegisterOnShutdown(reloader.Close) // open previews must not hold the shutdown up
	}
	return serve(ctx, ln, hs, logger, o.shutdownTimeout)
}

// softMemoryLimit is the Go runtime's soft memory limit while serving: above it the
// garbage collector works harder rather than let the heap grow. It holds resident memory
// under the 50 MB budget (at 36 MiB, drawing every preview image took it to 53 MB in CI)
// at the cost of a collection every few megabytes allocated, about 8% of a core under
// load (README, "Performance"). It must stay well above the memory the runtime holds
// after start-up, 12 MiB of live heap and 12 MiB more of partly used spans and metadata:
// near it, the collector runs back to back and throughput falls by half or more.
const softMemoryLimit = 32 << 20

// logFlushDelay is how long a log line may wait in the buffer before it is written.
const logFlushDelay = 100 * time.Millisecond

// newLogger makes the structured logger writing to w: text when the output is a terminal,
// JSON otherwise (for log collectors), unless the format says which.
func newLogger(w io.Writer, terminal bool, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("log level %q: use debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "auto", "":
		if terminal {
			return slog.New(slog.NewTextHandler(w, opts)), nil
		}
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("log format %q: use text, json or auto", format)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
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
// requests in flight to finish, then cuts whatever is left, with a warning saying how many
// connections it cut. Stopping within the timeout is the job done, so that is a clean
// exit too: the connections left then are clients that did not read their answers in
// time, and a failing exit status would let any slow client turn every deploy into a
// reported failure. A handler that never returns is the one real problem it could hide,
// and the warning names it.
func serve(ctx context.Context, ln net.Listener, srv *server.HTTPServer, logger *slog.Logger, shutdownTimeout time.Duration) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down", "timeout", shutdownTimeout.String())
	if cut, timedOut := srv.Stop(shutdownTimeout); timedOut {
		logger.Warn("shutdown timeout passed: connections cut", "timeout", shutdownTimeout.String(), "connections", cut)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	logger.Info("stopped")
	return nil
}

// Default addresses: every interface for the site, this machine only for the preview,
// whose pages list file paths and whose event stream is for the author alone.
const (
	defaultAddr    = ":8080"
	defaultDevAddr = "127.0.0.1:8080"
)

// listenAddr is the address serve listens on: -addr (or VERSUS_ADDR) when given, else
// the default of the mode.
func listenAddr(fs *flagSet, o *serveOptions) string {
	if o.dev && !fs.isSet("addr") {
		return defaultDevAddr
	}
	return o.addr
}
