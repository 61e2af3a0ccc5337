package browsertest

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

var update = flag.Bool("update", false, "rewrite the README's screenshots in "+screenshotDir)

// screenshotDir holds the pictures README.md shows, made by
// go test ./web/browsertest -run TestREADMEScreenshots -update.
const screenshotDir = "screenshots"

// readmeShots are the README's pictures: the first screen of a pair page and of a row
// page, on a laptop and on a phone, in the light theme.
var readmeShots = []struct {
	file string
	path string
	view viewport
}{
	{"pair-desktop.png", "/compare/flask-vs-django", desktop},
	{"pair-phone.png", "/compare/flask-vs-django", phone},
	{"row-desktop.png", "/compare/flask-vs-django/admin", desktop},
	{"row-phone.png", "/compare/flask-vs-django/admin", phone},
}

// maxScreenshotBytes bounds the pictures together, so that the repository stays small.
const maxScreenshotBytes = 700 << 10

// TestREADMEScreenshots checks that the README's pictures are there, at their viewport's
// size, shown by README.md with alt text, and small; with -update it takes them again
// (which needs Chromium; without -update the check needs none, and runs under -short).
func TestREADMEScreenshots(t *testing.T) {
	if *update {
		takeScreenshots(t)
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, s := range readmeShots {
		file := filepath.Join(screenshotDir, s.file)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%v: make the README's pictures with go test ./web/browsertest -run TestREADMEScreenshots -update", err)
			continue
		}
		total += len(data)
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if int64(cfg.Width) != s.view.width || int64(cfg.Height) != s.view.height {
			t.Errorf("%s is %d×%d, want the first screen at %s", file, cfg.Width, cfg.Height, s.view.name)
		}
		// ![alt](web/browsertest/screenshots/…): shown, with words for those who cannot see it.
		at := strings.Index(string(readme), "](web/browsertest/"+screenshotDir+"/"+s.file+")")
		if at < 0 {
			t.Errorf("README.md does not show %s", file)
			continue
		}
		open := strings.LastIndex(string(readme[:at]), "![")
		if open < 0 || at-open < 20 {
			t.Errorf("README.md shows %s without alt text", file)
		}
	}
	t.Logf("%d pictures, %d KB in all", len(readmeShots), total>>10)
	if total > maxScreenshotBytes {
		t.Errorf("the README's pictures weigh %d KB, want at most %d", total>>10, maxScreenshotBytes>>10)
	}
}

// takeScreenshots writes readmeShots from the shipped content, each recompressed at
// PNG's best compression.
func takeScreenshots(t *testing.T) {
	t.Helper()
	ts := startSite(t)
	ctx := newBrowser(t)
	call(t, ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}})
	call(t, ctx, emulation.SetScrollbarsHidden, emulation.SetScrollbarsHiddenParams{Hidden: true})
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range readmeShots {
		do(t, ctx, emulate(s.view), chromedp.Navigate(ts.URL+s.path), chromedp.WaitReady(chromedp.CSS("main")))
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(shot))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(screenshotDir, s.file), out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %s at %s, %d KB", s.file, s.path, s.view.name, out.Len()>>10)
	}
}
