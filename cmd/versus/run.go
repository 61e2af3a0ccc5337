package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/server"
	"github.com/versus-dev/versus/web/site"
)

// errUsage is returned after the usage text has been printed for bad flags.
var errUsage = errors.New("usage")

// options are the settings of the serve command; each flag has a VERSUS_* twin.
type options struct {
	addr       string
	contentDir string
	baseURL    string
	siteName   string
}

// flagSet declares the flags, with defaults taken from the environment.
func flagSet(name string, getenv func(string) string, stderr io.Writer, o *options) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	env := func(key, def string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return def
	}
	fs.StringVar(&o.addr, "addr", env("VERSUS_ADDR", ":8080"), "address to listen on, host:port (env VERSUS_ADDR)")
	fs.StringVar(&o.contentDir, "content", env("VERSUS_CONTENT", ""), "serve the content in this folder instead of the embedded content (env VERSUS_CONTENT)")
	fs.StringVar(&o.baseURL, "base-url", env("VERSUS_BASE_URL", ""), "absolute URL the site is reached at, for canonical links (env VERSUS_BASE_URL; default http://localhost<addr>)")
	fs.StringVar(&o.siteName, "site-name", env("VERSUS_SITE_NAME", "Versus"), "name shown in page titles and the header (env VERSUS_SITE_NAME)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s [flags]\n\nServes the Versus site. Every flag can also be set with the environment variable named in its description.\n\nFlags:\n", name)
		fs.PrintDefaults()
	}
	return fs
}

// run is the whole program: parse flags, load content, serve until ctx is done.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var o options
	fs := flagSet("versus", getenv, stderr, &o)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "versus: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))

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
	return serve(ctx, ln, srv, logger)
}

// loadContent loads the embedded content, or the folder dir when it is set. Problems in a
// folder are reported with the folder's path, so they can be opened as written.
func loadContent(dir string) (*site.Site, error) {
	var fsys fs.FS = content.FS
	if dir != "" {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("content folder: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("content folder %s is not a folder", dir)
		}
		fsys = os.DirFS(dir)
	}
	s, err := site.Load(fsys)
	var verr *site.ValidationError
	if errors.As(err, &verr) && dir != "" {
		for i := range verr.Problems {
			verr.Problems[i].File = filepath.Join(dir, verr.Problems[i].File)
		}
	}
	if err != nil {
		return nil, err
	}
	return s, nil
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

// serve runs an HTTP server with timeouts on ln until ctx is done, then shuts it down,
// letting requests in flight finish.
func serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
