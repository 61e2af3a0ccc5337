package preview

import (
	"image"
	"image/color"
	"image/draw"

	"golang.org/x/image/vector"
)

// The cards' colours: the site's own (static/css/site.css) on a white background, and one
// colour per subject, each dark enough for text on white (contrast 7:1 or more). No
// colour says anything alone: every bar and verdict is labelled in words.
var (
	background = rgb(0xffffff)
	ink        = rgb(0x1b1f24) // the site's --fg
	muted      = rgb(0x57606a) // --muted
	rule       = rgb(0xd0d7de) // --border
	panel      = rgb(0xf6f8fa) // --panel
	tieFill    = rgb(0xd0d7de)
	tieInk     = rgb(0x57606a)
	white      = rgb(0xffffff)

	// subjectColours are given out in the order a comparison declares its subjects; the
	// first is the site's accent.
	subjectColours = []color.RGBA{rgb(0x1f4e79), rgb(0x116329), rgb(0x953800), rgb(0x6639ba)}
)

func rgb(v uint32) color.RGBA {
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// colourOf is the colour of a subject, or of a tie (-1).
func colourOf(i int) color.RGBA {
	if i < 0 {
		return tieInk
	}
	return subjectColours[i%len(subjectColours)]
}

// palette holds every colour a card uses and, for each pairing of a colour drawn over
// another, the steps between them that anti-aliased edges need. A paletted image takes a
// quarter of an RGBA one's memory and encodes faster and smaller.
var palette = func() color.Palette {
	var p color.Palette
	seen := map[color.RGBA]bool{}
	add := func(c color.RGBA) {
		if !seen[c] {
			seen[c] = true
			p = append(p, c)
		}
	}
	for _, c := range []color.RGBA{background, ink, muted, rule, panel, tieFill, tieInk, white} {
		add(c)
	}
	ramp := func(fg, bg color.RGBA) {
		const steps = 12
		for i := 1; i < steps; i++ {
			add(mix(fg, bg, float64(i)/steps))
		}
		add(fg)
	}
	for _, fg := range append([]color.RGBA{ink, muted, tieInk, tieFill}, subjectColours...) {
		ramp(fg, background)
	}
	for _, bg := range subjectColours {
		ramp(white, bg)
	}
	ramp(ink, panel)
	if len(p) > 256 {
		panic("preview: more than 256 colours")
	}
	return p
}()

// mix is fg over bg at coverage a (0 to 1).
func mix(fg, bg color.RGBA, a float64) color.RGBA {
	m := func(f, b uint8) uint8 { return uint8(float64(f)*a + float64(b)*(1-a) + 0.5) }
	return color.RGBA{R: m(fg.R, bg.R), G: m(fg.G, bg.G), B: m(fg.B, bg.B), A: 0xff}
}

// canvas is a paletted image that image/draw and the font drawer can draw on with
// anti-aliasing: each colour they blend is mapped to the nearest in the palette, and the
// answer remembered, since the same few blends recur all over an image.
type canvas struct {
	*image.Paletted
	nearest map[color.RGBA64]uint8
}

func newCanvas() *canvas {
	return &canvas{
		Paletted: image.NewPaletted(image.Rect(0, 0, Width, Height), palette),
		nearest:  make(map[color.RGBA64]uint8, 512),
	}
}

// SetRGBA64 implements image/draw's RGBA64Image, the path DrawMask takes for images it
// has no fast path for.
func (c *canvas) SetRGBA64(x, y int, col color.RGBA64) {
	if !(image.Point{X: x, Y: y}.In(c.Rect)) {
		return
	}
	i, ok := c.nearest[col]
	if !ok {
		i = uint8(c.Palette.Index(col))
		c.nearest[col] = i
	}
	c.Pix[c.PixOffset(x, y)] = i
}

// Set implements draw.Image.
func (c *canvas) Set(x, y int, col color.Color) {
	c.SetRGBA64(x, y, color.RGBA64Model.Convert(col).(color.RGBA64))
}

// fill paints r in one colour (image/draw's fast path for paletted images).
func (c *canvas) fill(r image.Rectangle, col color.RGBA) {
	draw.Draw(c.Paletted, r, image.NewUniform(col), image.Point{}, draw.Src)
}

// roundedRect paints r with corners of radius rad: the straight parts as plain fills, and
// only the four corners anti-aliased.
func (c *canvas) roundedRect(r image.Rectangle, rad int, col color.RGBA) {
	rad = min(rad, r.Dx()/2, r.Dy()/2)
	if rad <= 0 {
		c.fill(r, col)
		return
	}
	c.fill(image.Rect(r.Min.X+rad, r.Min.Y, r.Max.X-rad, r.Max.Y), col)
	c.fill(image.Rect(r.Min.X, r.Min.Y+rad, r.Min.X+rad, r.Max.Y-rad), col)
	c.fill(image.Rect(r.Max.X-rad, r.Min.Y+rad, r.Max.X, r.Max.Y-rad), col)
	src := image.NewUniform(col)
	z := vector.NewRasterizer(rad, rad)
	f := float32(rad)
	const k = 0.5523 // control-point distance of a cubic quarter circle
	for _, corner := range []struct {
		at     image.Point
		cx, cy float32 // the circle's centre within the corner's square
	}{
		{r.Min, f, f},
		{image.Pt(r.Max.X-rad, r.Min.Y), 0, f},
		{image.Pt(r.Min.X, r.Max.Y-rad), f, 0},
		{image.Pt(r.Max.X-rad, r.Max.Y-rad), 0, 0},
	} {
		z.Reset(rad, rad)
		// A quarter disc: from the centre along one side, round the arc, back to the centre.
		cx, cy := corner.cx, corner.cy
		ex, ey := f-cx, f-cy // the square's corner away from the centre
		z.MoveTo(cx, cy)
		z.LineTo(ex, cy)
		z.CubeTo(ex, cy+(ey-cy)*k, cx+(ex-cx)*k, ey, cx, ey)
		z.ClosePath()
		z.Draw(c, image.Rectangle{Min: corner.at, Max: corner.at.Add(image.Pt(rad, rad))}, src, image.Point{})
	}
}

// path fills a polygon given in a 32-unit square (the site icon's viewBox), scaled into r.
func (c *canvas) path(r image.Rectangle, col color.RGBA, points [][2]float32) {
	z := vector.NewRasterizer(r.Dx(), r.Dy())
	sx, sy := float32(r.Dx())/32, float32(r.Dy())/32
	for i, p := range points {
		if i == 0 {
			z.MoveTo(p[0]*sx, p[1]*sy)
		} else {
			z.LineTo(p[0]*sx, p[1]*sy)
		}
	}
	z.ClosePath()
	z.Draw(c, r, image.NewUniform(col), image.Point{})
}
