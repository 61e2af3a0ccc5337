package preview

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/site"
)

var shots = flag.String("shots", "", "write the shipped content's sample cards as PNGs into this folder, to look at")

// shipped loads the shipped content once per test binary.
func shipped(t testing.TB) *site.Site {
	t.Helper()
	s, err := site.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sampleCards are one card of every kind from the shipped content, the longest texts
// among them.
func sampleCards(t testing.TB, s *site.Site) map[string]Card {
	return map[string]Card{
		"row-tie":   ForRow("Versus", s.Comparison("flask-vs-django").Row("orm")),
		"row-win":   ForRow("Versus", s.Comparison("django-vs-fastapi").Row("admin")),
		"row-long":  ForRow("Versus", s.Comparison("flask-vs-fastapi").Row("databases")),
		"row-code":  ForRow("Versus", s.Comparison("flask-vs-fastapi").Row("dev-server")),
		"pair":      ForPair("Versus", s.Comparison("flask-vs-django")),
		"table":     ForTable("Versus", s.Table("flask-vs-django-vs-fastapi")),
		"guide":     ForGuide("Versus", s.Guide("security-by-default")),
		"framework": ForFramework("Versus", s.Framework("django")),
		"page":      ForPage("Versus", s, "Search", "Search", "Search the comparison rows, guides and framework profiles."),
	}
}

// decode checks that b is a PNG of the size and weight cards must have.
func decode(t *testing.T, name string, b []byte) image.Image {
	t.Helper()
	if len(b) >= 100<<10 {
		t.Errorf("%s: %d bytes, over 100 KB", name, len(b))
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, Width, Height) {
		t.Fatalf("%s: %v, want %d×%d", name, got, Width, Height)
	}
	return img
}

// pixels counts the pixels in r whose colour is within a small distance of want.
func pixels(img image.Image, r image.Rectangle, want color.RGBA) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			d := func(a, b uint8) int { return (int(a) - int(b)) * (int(a) - int(b)) }
			if d(c.R, want.R)+d(c.G, want.G)+d(c.B, want.B) < 3*24*24 {
				n++
			}
		}
	}
	return n
}

func TestEveryKindOfCardIsDrawn(t *testing.T) {
	s := shipped(t)
	for name, card := range sampleCards(t, s) {
		b, err := Draw(card)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		img := decode(t, name, b)
		if *shots != "" {
			if err := os.MkdirAll(*shots, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*shots, name+".png"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		colours := map[color.Color]bool{}
		for y := 0; y < Height; y += 3 {
			for x := 0; x < Width; x += 3 {
				colours[img.At(x, y)] = true
			}
		}
		if len(colours) < 16 {
			t.Errorf("%s: %d colours; a card with text has its anti-aliased edges", name, len(colours))
		}
		// The site's name in the header; the title below the rule (a page about every
		// subject has it centred above their names).
		if n := pixels(img, image.Rect(margin+iconSize, 30, margin+iconSize+240, 100), ink); n < 500 {
			t.Errorf("%s: %d ink pixels where the site's name goes", name, n)
		}
		if n := pixels(img, image.Rect(margin, bodyTop, Width-margin, Height*3/5), ink); n < 1500 {
			t.Errorf("%s: %d ink pixels where the title goes", name, n)
		}
		if n := pixels(img, image.Rect(0, 0, margin-8, Height), background); n != (margin-8)*Height {
			t.Errorf("%s: something is drawn in the left margin", name)
		}
	}
}

func TestRowCardSaysTheVerdictInItsColour(t *testing.T) {
	s := shipped(t)
	admin := s.Comparison("django-vs-fastapi").Row("admin")
	card := ForRow("Versus", admin)
	if card.Verdict.Words != "Django is the better fit" || card.Kicker != "Django vs FastAPI › Admin, authentication and permissions" || card.Title != "Admin interface" {
		t.Errorf("card = %+v", card)
	}
	if !strings.HasPrefix(card.Alt, "Django vs FastAPI, Admin interface: Django is the better fit. ") || !strings.Contains(card.Alt, admin.Summary) {
		t.Errorf("alt = %q", card.Alt)
	}
	b, err := Draw(card)
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, "row", b)
	lower := image.Rect(margin, Height/2, Width-margin, Height-36)
	django := colourOf(card.Verdict.Colour)
	if n := pixels(img, lower, django); n < 2000 {
		t.Errorf("%d pixels of Django's colour in the verdict panel", n)
	}
	if n := pixels(img, lower, ink); n < 3000 {
		t.Errorf("%d ink pixels of the reason in the verdict panel", n)
	}

	tie := ForRow("Versus", s.Comparison("flask-vs-django").Row("orm"))
	if tie.Verdict.Words != "A tie" || tie.Verdict.Colour != -1 {
		t.Errorf("tie verdict = %+v", tie.Verdict)
	}
}

func TestPairAndTableCardsCountTheVerdicts(t *testing.T) {
	s := shipped(t)
	fd := s.Comparison("flask-vs-django")
	counts := fd.Tally().Counts
	pair := ForPair("Versus", fd)
	if len(pair.Tallies) != 1 || pair.Tallies[0].Counts != counts || pair.Tallies[0].Subjects[1].Name != "Django" {
		t.Errorf("pair tallies = %+v, want %+v", pair.Tallies, counts)
	}
	if want := "Flask vs Django, over 72 rows: Flask is the better fit for " + rows(counts.Wins[0]) + ", Django for "; !strings.HasPrefix(pair.Alt, want) {
		t.Errorf("alt = %q, want it to start %q", pair.Alt, want)
	}
	table := ForTable("Versus", s.Table("flask-vs-django-vs-fastapi"))
	if len(table.Tallies) != 3 || table.Tallies[2].Title != "Django vs FastAPI" || table.Kind != "Table of all three" {
		t.Errorf("table card = %+v", table)
	}
	// Django keeps its colour on every card: second of the three subjects.
	if table.Tallies[0].Subjects[1].Colour != 1 || table.Tallies[2].Subjects[0].Colour != 1 {
		t.Errorf("Django's colours: %+v", table.Tallies)
	}
	for name, card := range map[string]Card{"pair": pair, "table": table} {
		b, err := Draw(card)
		if err != nil {
			t.Fatal(err)
		}
		img := decode(t, name, b)
		bars := image.Rect(margin, Height/2, Width-margin, Height)
		for _, o := range outcomes(card.Tallies[0]) {
			if n := pixels(img, bars, o.fill); n < 1000 {
				t.Errorf("%s: %d pixels of %s's colour in the bars", name, n, o.name)
			}
		}
	}
}

func TestWrapNeverCutsAWord(t *testing.T) {
	tf, err := loadTypefaces()
	if err != nil {
		t.Fatal(err)
	}
	st := newStyle(tf, regular, 32, ink)
	text := "Django generates a permission-aware back office from your models; FastAPI has no admin, and third-party SQLAdmin or Starlette-Admin need wiring by hand."
	all := strings.Fields(text)
	for _, width := range []int{300, 500, 900} {
		lines, fits := st.wrap(text, width, 2)
		if fits {
			t.Fatalf("width %d: the sentence fit on two lines", width)
		}
		var got []string
		for _, line := range lines {
			if w := st.width(line); w > width {
				t.Errorf("width %d: %q is %d px wide", width, line, w)
			}
			got = append(got, strings.Fields(line)...)
		}
		last := got[len(got)-1]
		if !strings.HasSuffix(last, "…") {
			t.Errorf("width %d: the last line does not end in an ellipsis: %q", width, lines[len(lines)-1])
		}
		got[len(got)-1] = strings.TrimSuffix(last, "…")
		for i, w := range got {
			want := all[i]
			if i == len(got)-1 {
				want = strings.TrimRight(want, ",;:.!?—–-")
			}
			if w != want {
				t.Errorf("width %d: word %d is %q, want %q (a word cut mid-way)", width, i, w, want)
			}
		}
	}
	if lines, fits := st.wrap("Short.", 500, 1); !fits || len(lines) != 1 || lines[0] != "Short." {
		t.Errorf("a short text does not fit: %q", lines)
	}
}

func TestForPageSaysWhatThePageIs(t *testing.T) {
	s := shipped(t)
	card := ForPage("Versus", s, "Search", "Search", "Search the comparison rows.")
	if card.Alt != "Versus, search: Search. Search the comparison rows." {
		t.Errorf("alt = %q", card.Alt)
	}
	if len(card.Subjects) != 3 || card.Subjects[2].Name != "FastAPI" {
		t.Errorf("subjects = %+v", card.Subjects)
	}
	home := ForPage("Versus", s, "", "Web frameworks compared row by row.", "")
	if home.Alt != "Versus: Web frameworks compared row by row." {
		t.Errorf("home alt = %q", home.Alt)
	}
}

// BenchmarkDraw measures drawing and encoding one card of each kind, with the bytes of
// the PNG: go test ./web/preview -run '^$' -bench Draw -benchmem
func BenchmarkDraw(b *testing.B) {
	s := shipped(b)
	cards := sampleCards(b, s)
	for _, name := range []string{"row-win", "pair", "table", "guide"} {
		b.Run(name, func(b *testing.B) {
			var size int
			for b.Loop() {
				png, err := Draw(cards[name])
				if err != nil {
					b.Fatal(err)
				}
				size = len(png)
			}
			b.ReportMetric(float64(size), "png-bytes")
		})
	}
}

// BenchmarkEncode compares the PNG encoder's levels on a row's card (encoder uses
// BestSpeed): go test ./web/preview -run '^$' -bench Encode -benchmem
func BenchmarkEncode(b *testing.B) {
	c := newCanvas()
	if err := paint(c, sampleCards(b, shipped(b))["row-win"]); err != nil {
		b.Fatal(err)
	}
	for _, level := range []struct {
		name  string
		level png.CompressionLevel
	}{{"BestSpeed", png.BestSpeed}, {"Default", png.DefaultCompression}, {"BestCompression", png.BestCompression}} {
		b.Run(level.name, func(b *testing.B) {
			enc := png.Encoder{CompressionLevel: level.level, BufferPool: &bufferPool{}}
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := enc.Encode(&buf, c.Paletted); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "png-bytes")
		})
	}
}
