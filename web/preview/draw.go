package preview

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"sync"
)

// The layout, in pixels: everything sits within the margins, below the header.
const (
	margin       = 72
	contentWidth = Width - 2*margin
	iconSize     = 52 // the site icon, at the top left
	headerMiddle = 40 + iconSize/2
	ruleY        = 120         // the rule under the header
	bodyTop      = ruleY + 36  // the top of the kicker or title
	bodyBottom   = Height - 48 // the lowest any text or bar goes
)

// Draw draws card as a PNG of Width×Height pixels.
func Draw(card Card) ([]byte, error) {
	c := canvases.Get().(*canvas)
	defer canvases.Put(c)
	if err := paint(c, card); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(48 << 10)
	if err := encoder.Encode(&buf, c.Paletted); err != nil {
		return nil, fmt.Errorf("preview: encoding %q: %w", card.Title, err)
	}
	return buf.Bytes(), nil
}

// canvases are reused between drawings: a canvas is 740 KB, which would otherwise be
// garbage after every image.
var canvases = sync.Pool{New: func() any { return newCanvas() }}

// paint draws card on c, over whatever it held.
func paint(c *canvas, card Card) error {
	t, err := loadTypefaces()
	if err != nil {
		return fmt.Errorf("preview: %w", err)
	}
	clear(c.nearest)
	c.fill(c.Rect, background)
	drawHeader(c, t, card)
	switch {
	case card.Verdict != nil:
		drawRow(c, t, card)
	case len(card.Tallies) == 1:
		drawPair(c, t, card)
	case len(card.Tallies) > 1:
		drawTable(c, t, card)
	default:
		drawTitled(c, t, card)
	}
	return nil
}

// encoder trades a few kilobytes for speed: with few colours and large flat areas,
// BestSpeed draws and encodes a row's image in about 9 ms and 36 KB, where the default
// level takes 21 ms for 32 KB and BestCompression 130 ms for 29 KB (BenchmarkEncode).
var encoder = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &bufferPool{}}

// bufferPool lets the PNG encoder reuse its buffers between images.
type bufferPool struct{ pool sync.Pool }

func (p *bufferPool) Get() *png.EncoderBuffer {
	b, _ := p.pool.Get().(*png.EncoderBuffer)
	return b
}

func (p *bufferPool) Put(b *png.EncoderBuffer) { p.pool.Put(b) }

// drawHeader draws the site icon and name at the top left, what the page is at the top
// right, and a rule under them.
func drawHeader(c *canvas, t *typefaces, card Card) {
	icon := image.Rect(margin, headerMiddle-iconSize/2, margin+iconSize, headerMiddle+iconSize/2)
	c.roundedRect(icon, iconSize*6/32, subjectColours[0])
	// The V of static/img/icon.svg ("M7 9h4l5 12 5-12h4l-7 16h-4z").
	c.path(icon, white, [][2]float32{{7, 9}, {11, 9}, {16, 21}, {21, 9}, {25, 9}, {18, 25}, {14, 25}})

	kind := newStyle(t, regular, 30, muted)
	baseline := headerMiddle + kind.capHeight()/2
	kindWidth := 0
	if card.Kind != "" {
		kindWidth = kind.text(c, card.Kind, Width-margin, baseline, true)
	}
	nameX := margin + iconSize + 20
	name, lines := fit(t, bold, ink, card.Site, Width-margin-kindWidth-40-nameX, fitting{44, 1}, fitting{36, 1})
	name.drawLines(c, lines, nameX, headerMiddle+name.capHeight()/2)
	c.fill(image.Rect(margin, ruleY, Width-margin, ruleY+2), rule)
}

// block is a paragraph laid out, ready to draw: its style, its lines, and the space
// above it.
type block struct {
	st    style
	lines []string
	above int
}

// height is the block's height with the space above it.
func (b block) height() int { return b.above + len(b.lines)*b.st.lineHeight }

// stack draws blocks one under another from top, at x; it returns the y below the last.
func stack(c *canvas, blocks []block, x, top int) int {
	y := top
	for _, b := range blocks {
		y += b.above
		y = b.st.drawLines(c, b.lines, x, y+b.st.ascent())
	}
	return y
}

func stackHeight(blocks []block) int {
	h := 0
	for _, b := range blocks {
		h += b.height()
	}
	return h
}

// heading lays out the line above the title (if any) and the title, trying each fitting
// of the title in turn.
func heading(t *typefaces, card Card, ways ...fitting) []block {
	var out []block
	if card.Kicker != "" {
		st, lines := fit(t, regular, muted, card.Kicker, contentWidth, fitting{34, 1}, fitting{30, 1})
		out = append(out, block{st: st, lines: lines})
	}
	st, lines := fit(t, bold, ink, card.Title, contentWidth, ways...)
	return append(out, block{st: st, lines: lines, above: 4})
}

// drawRow draws a row's card: its pair and category, its title, and a panel with the
// verdict in words and, as much as fits, the reason under it, centred in the panel.
func drawRow(c *canvas, t *typefaces, card Card) {
	y := stack(c, heading(t, card, fitting{76, 1}, fitting{64, 1}, fitting{56, 1}, fitting{48, 2}), margin, bodyTop)
	box := image.Rect(margin, y+18, Width-margin, Height-36)
	c.roundedRect(box, 18, panel)
	const padX, padY, barWidth = 30, 26, 10
	barX := box.Min.X + padX
	textX := barX + barWidth + 26
	width := box.Max.X - padX - textX

	v := card.Verdict
	verdictColour := ink
	if v.Colour >= 0 {
		verdictColour = colourOf(v.Colour)
	}
	st, lines := fit(t, bold, verdictColour, v.Words, width, fitting{50, 1}, fitting{42, 1})
	blocks := []block{{st: st, lines: lines}}
	if v.Reason != "" {
		// The whole reason at the largest size it fits at, else cut at the smallest.
		height := box.Dy() - 2*padY - blocks[0].height() - 4
		var ways []fitting
		for _, size := range []int{36, 34, 32, 30} {
			if room := height / lineHeight(regular, size); room > 0 {
				ways = append(ways, fitting{size, room})
			}
		}
		if len(ways) > 0 {
			reason, lines := fit(t, regular, ink, v.Reason, width, ways...)
			blocks = append(blocks, block{st: reason, lines: lines, above: 4})
		}
	}
	top := box.Min.Y + (box.Dy()-stackHeight(blocks))/2
	end := stack(c, blocks, textX, top)
	c.roundedRect(image.Rect(barX, top+4, barX+barWidth, end-4), barWidth/2, colourOf(v.Colour))
}

// drawPair draws a pair's card: its title, then each outcome's count in a column (the
// first subject, ties, the second subject) over a bar split in the same proportions.
func drawPair(c *canvas, t *typefaces, card Card) {
	y := stack(c, heading(t, card, fitting{84, 1}, fitting{72, 1}, fitting{60, 1}), margin, bodyTop)
	tally := card.Tallies[0]
	label := newStyle(t, regular, 34, ink)
	number := newStyle(t, bold, 96, ink)
	unit := newStyle(t, regular, 32, muted)
	barTop := bodyBottom - 40
	// The labels and numbers sit in the middle of the space between title and bar.
	h := label.ascent() + 16 + number.ascent()
	labelBaseline := y + (barTop-y-h)/2 + label.ascent()
	numberBaseline := labelBaseline + 16 + number.ascent()
	for i, o := range outcomes(tally) {
		x := margin + i*contentWidth/3
		swatch := 26
		c.roundedRect(image.Rect(x, labelBaseline-swatch, x+swatch, labelBaseline), 6, o.fill)
		label.text(c, o.name, x+swatch+12, labelBaseline, false)
		number.colour = o.ink
		w := number.text(c, strconv.Itoa(o.count), x, numberBaseline, false)
		unit.text(c, o.unit, x+w+12, numberBaseline, false)
	}
	drawBar(c, tally, image.Rect(margin, barTop, Width-margin, bodyBottom))
}

// drawTable draws a table's card: its title, then for each pair its title, its counts
// with their swatches, and a bar split in the same proportions, spread evenly down the
// rest of the card.
func drawTable(c *canvas, t *typefaces, card Card) {
	y := stack(c, heading(t, card, fitting{64, 1}, fitting{56, 1}, fitting{48, 1}), margin, bodyTop)
	title := newStyle(t, bold, 38, ink)
	label := newStyle(t, regular, 30, ink)
	const barGap, barHeight = 8, 28
	descent := title.face.Metrics().Descent.Ceil()
	h := title.ascent() + descent + barGap + barHeight
	n := len(card.Tallies)
	space := (bodyBottom - y - n*h) / n
	for i, tally := range card.Tallies {
		top := y + space + i*(h+space)
		baseline := top + title.ascent()
		title.text(c, tally.Title, margin, baseline, false)
		drawLegend(c, label, outcomes(tally), Width-margin, baseline)
		barTop := baseline + descent + barGap
		drawBar(c, tally, image.Rect(margin, barTop, Width-margin, barTop+barHeight))
	}
}

// drawLegend draws each outcome's swatch, name and count on one line ending at right.
func drawLegend(c *canvas, st style, os [3]outcome, right, baseline int) {
	swatch := st.size * 3 / 4
	const gapAfterSwatch, gapBetween = 10, 28
	labels := make([]string, len(os))
	width := 0
	for i, o := range os {
		labels[i] = o.name + " " + strconv.Itoa(o.count)
		width += swatch + gapAfterSwatch + st.width(labels[i])
	}
	x := right - width - gapBetween*(len(os)-1)
	for i, o := range os {
		c.roundedRect(image.Rect(x, baseline-swatch, x+swatch, baseline), swatch/4, o.fill)
		x += swatch + gapAfterSwatch
		x += st.text(c, labels[i], x, baseline, false) + gapBetween
	}
}

// drawTitled draws the card of a guide, a profile or any other page: the title and, as
// far as it fits, the summary. A page about all the subjects names them along the bottom
// and has its title centred in the space above.
func drawTitled(c *canvas, t *typefaces, card Card) {
	blocks := heading(t, card, fitting{80, 1}, fitting{68, 2}, fitting{60, 2}, fitting{52, 3}, fitting{46, 3})
	bottom := bodyBottom
	if len(card.Subjects) > 0 {
		bottom = drawSubjects(c, t, card.Subjects) - 24
	}
	if card.Text != "" {
		text := newStyle(t, regular, 36, muted)
		if room := (bottom - bodyTop - stackHeight(blocks) - 16) / text.lineHeight; room > 0 {
			lines, _ := text.wrap(card.Text, contentWidth, room)
			blocks = append(blocks, block{st: text, lines: lines, above: 16})
		}
	}
	top := bodyTop
	if len(card.Subjects) > 0 {
		top += (bottom - bodyTop - stackHeight(blocks)) / 2
	}
	stack(c, blocks, margin, top)
}

// drawSubjects names the subjects along the bottom, each in a pill of its colour; it
// returns the pills' top.
func drawSubjects(c *canvas, t *typefaces, subjects []Subject) int {
	name := newStyle(t, bold, 34, white)
	const height, padX, gap = 60, 26, 16
	top := bodyBottom - height
	baseline := top + height/2 + name.capHeight()/2
	x := margin
	for _, s := range subjects {
		w := name.width(s.Name) + 2*padX
		if x+w > Width-margin {
			break
		}
		c.roundedRect(image.Rect(x, top, x+w, top+height), height/2, colourOf(s.Colour))
		name.text(c, s.Name, x+padX, baseline, false)
		x += w + gap
	}
	return top
}

// outcome is one of a tally's three counts, as the cards label and colour it.
type outcome struct {
	name, unit string
	count      int
	fill, ink  color.RGBA
}

// outcomes are a tally's counts in the order its bar shows them: the first subject's
// wins, the ties, the second subject's wins.
func outcomes(t Tally) [3]outcome {
	a, b := t.Subjects[0], t.Subjects[1]
	unit := func(n int) string {
		if n == 1 {
			return "row"
		}
		return "rows"
	}
	return [3]outcome{
		{name: a.Name, unit: unit(t.Counts.Wins[0]), count: t.Counts.Wins[0], fill: colourOf(a.Colour), ink: colourOf(a.Colour)},
		{name: "Tie", unit: unit(t.Counts.Ties), count: t.Counts.Ties, fill: tieFill, ink: tieInk},
		{name: b.Name, unit: unit(t.Counts.Wins[1]), count: t.Counts.Wins[1], fill: colourOf(b.Colour), ink: colourOf(b.Colour)},
	}
}

// drawBar draws a tally as one bar in r, split in proportion to its counts, with a gap
// between the parts.
func drawBar(c *canvas, t Tally, r image.Rectangle) {
	const gap = 6
	radius := r.Dy() / 4
	total := t.Counts.Total()
	if total == 0 {
		c.roundedRect(r, radius, rule)
		return
	}
	x0, sum := r.Min.X, 0
	for _, o := range outcomes(t) {
		if o.count == 0 {
			continue
		}
		sum += o.count
		x1 := r.Min.X + r.Dx()*sum/total
		left, right := x0, x1
		if left > r.Min.X {
			left += gap / 2
		}
		if right < r.Max.X {
			right -= gap - gap/2
		}
		c.roundedRect(image.Rect(left, r.Min.Y, right, r.Max.Y), radius, o.fill)
		x0 = x1
	}
}
