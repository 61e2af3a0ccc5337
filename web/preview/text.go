package preview

import (
	"image"
	"image/color"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// weight picks one of the typefaces.
type weight int

const (
	regular weight = iota
	bold
)

func (t *typefaces) font(w weight) *opentype.Font {
	if w == bold {
		return t.bold
	}
	return t.regular
}

// style is how a block of text is set: its face, colour and line spacing.
type style struct {
	face       font.Face
	colour     color.RGBA
	size       int // in pixels
	lineHeight int
}

// newStyle sets text in w at px pixels.
func newStyle(t *typefaces, w weight, px int, col color.RGBA) style {
	return style{face: face(t.font(w), float64(px)), colour: col, size: px, lineHeight: lineHeight(w, px)}
}

// lineHeight is the distance between baselines: bold text (titles) is set tighter than
// prose.
func lineHeight(w weight, px int) int {
	if w == bold {
		return px * 23 / 20
	}
	return px * 5 / 4
}

func (s style) width(text string) int { return font.MeasureString(s.face, text).Ceil() }

// ascent is how far the first line's baseline sits below the top of a block.
func (s style) ascent() int { return s.face.Metrics().Ascent.Ceil() }

// capHeight is the height of a capital letter above the baseline.
func (s style) capHeight() int { return s.face.Metrics().CapHeight.Round() }

// wrap lays text out on lines at most width pixels wide, breaking only at spaces, at most
// maxLines of them. When the text needs more, the last line ends in an ellipsis after its
// last whole word, and fits is false. A word wider than a line has a line to itself.
func (s style) wrap(text string, width, maxLines int) (lines []string, fits bool) {
	var line string
	for _, w := range strings.Fields(text) {
		if line != "" && s.width(line+" "+w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) <= maxLines {
		return lines, true
	}
	lines = lines[:maxLines]
	last := strings.Fields(lines[maxLines-1])
	for {
		cut := withEllipsis(last)
		if len(last) == 1 || s.width(cut) <= width {
			lines[maxLines-1] = cut
			return lines, false
		}
		last = last[:len(last)-1]
	}
}

// withEllipsis joins words and ends them in "…", in place of trailing punctuation.
func withEllipsis(words []string) string {
	line := strings.Join(words, " ")
	if trimmed := strings.TrimRight(line, ",;:.!?—–-"); trimmed != "" {
		line = trimmed
	}
	return line + "…"
}

// drawLines draws lines with the first baseline at y, from x; it returns the y just below
// the block.
func (s style) drawLines(c *canvas, lines []string, x, y int) int {
	for i, line := range lines {
		s.text(c, line, x, y+i*s.lineHeight, false)
	}
	return y - s.ascent() + len(lines)*s.lineHeight
}

// text draws one line with its baseline at y, starting at x, or ending at x when
// alignRight; it returns its width.
func (s style) text(c *canvas, str string, x, y int, alignRight bool) int {
	w := s.width(str)
	if alignRight {
		x -= w
	}
	d := font.Drawer{Dst: c, Src: image.NewUniform(s.colour), Face: s.face, Dot: fixed.P(x, y)}
	d.DrawString(str)
	return w
}

// fitting is one way to set a block of text: at this size, on at most this many lines.
type fitting struct{ size, lines int }

// fit sets text the first way it fits whole, trying each fitting in turn; if none does,
// the last one, ending in an ellipsis.
func fit(t *typefaces, w weight, col color.RGBA, text string, width int, ways ...fitting) (style, []string) {
	var st style
	var lines []string
	for _, way := range ways {
		var fits bool
		st = newStyle(t, w, way.size, col)
		if lines, fits = st.wrap(text, width, way.lines); fits {
			break
		}
	}
	return st, lines
}
