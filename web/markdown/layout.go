package markdown

import (
	"slices"
	"strings"

	"golang.org/x/text/width"
)

// How a code pair is laid out, decided when the document is parsed.
//
// Side by side, the sides' blocks share the rows of one grid, so that corresponding files
// start at the same height and the sides' marks line up under them: block by block when
// the sides have as many blocks each, at the files they share (the same template, each
// side's tests) when they have not, and otherwise only at the top (one tall app.py beside
// three short files would leave gaps if it were aligned block by block).
//
// A pair goes side by side only where its code fits without scrolling sideways: the page
// asks, with a container query in the code font's ch, whether the pair is at least
// pairLayout.fit characters wide (the sides' longest lines, their padding and the gap),
// and stacks the sides one above the other, full width, when it is not. The stylesheet
// has a rule for each width from minFit to maxFit in steps of fitStep (code-fit-N).

const (
	fitStep = 4
	minFit  = 60  // two sides of minSide, the gap and the borders
	maxFit  = 160 // the widest code pair is about 155ch (80rem of page at 13 px code)
	// minSide is the narrowest side worth showing beside another, in characters: room for
	// its header (framework, file and mark) on two lines.
	minSide = 28
	// sidePadding is a side's padding left and right of its code, in characters (the
	// stylesheet's 1ch each side); sideGap is the gap between two sides (1rem, 2.05ch of
	// 13 px code) and the borders of their blocks (4 px), rounded up.
	sidePadding = 2
	sideGap     = 3
	// maxAlignedRows bounds the rows a pair's sides are aligned on; a pair that would need
	// more is aligned at the top only.
	maxAlignedRows = 6
	// tabWidth is where a tab takes the text, as browsers show it (tab-size: 8).
	tabWidth = 8
)

// pairLayout is how a code pair's sides are laid out.
type pairLayout struct {
	rows  int     // rows of blocks the sides share (their marks take one more)
	rowOf [][]int // per side, per block: the row it is in, from 0
	fit   int     // width in characters the pair needs side by side; 0: always stacked
}

// sideBlock is what the layout needs to know of one block.
type sideBlock struct {
	file string // its file= name, "" for none
	code string
}

// layoutPair lays out the sides of a code pair, each a framework's blocks in order.
func layoutPair(sides [][]sideBlock) pairLayout {
	files := make([][]string, len(sides))
	for i, blocks := range sides {
		for _, b := range blocks {
			files[i] = append(files[i], b.file)
		}
	}
	l := pairLayout{}
	l.rows, l.rowOf = alignRows(files)
	if len(sides) < 2 {
		return l
	}
	need := sideGap * (len(sides) - 1)
	for _, blocks := range sides {
		longest := 0
		for _, b := range blocks {
			longest = max(longest, longestLine(b.code))
		}
		need += max(longest+sidePadding, minSide)
	}
	need = max(minFit, (need+fitStep-1)/fitStep*fitStep)
	if need <= maxFit {
		l.fit = need
	}
	return l
}

// alignRows puts each side's blocks in rows shared by every side: at the files every side
// has (once each, in the same order), each in a row of its own with whatever comes
// between them in the rows between; else, when the sides have as many blocks each, block
// i of every side in row i; else every block of a side in one row.
func alignRows(files [][]string) (rows int, rowOf [][]int) {
	rowOf = make([][]int, len(files))
	oneRow := func() (int, [][]int) {
		for i, f := range files {
			rowOf[i] = make([]int, len(f))
		}
		return 1, rowOf
	}
	if len(files) < 2 {
		return oneRow()
	}
	if anchors := sharedFiles(files); len(anchors) > 0 {
		pos := make([]int, len(files)) // per side, the next block to place
		row := 0
		place := func(side, upTo int) { // blocks pos[side]..upTo-1 of side into row
			for ; pos[side] < upTo; pos[side]++ {
				rowOf[side] = append(rowOf[side], row)
			}
		}
		between := func(at func(side int) int) { // the blocks before at(side), if any, in a row
			any := false
			for s := range files {
				if at(s) > pos[s] {
					any = true
				}
			}
			if any {
				for s := range files {
					place(s, at(s))
				}
				row++
			}
		}
		for _, a := range anchors {
			between(func(s int) int { return slices.Index(files[s], a) })
			for s := range files {
				place(s, pos[s]+1)
			}
			row++
		}
		between(func(s int) int { return len(files[s]) })
		if row <= maxAlignedRows {
			return row, rowOf
		}
		return oneRow()
	}
	n := len(files[0])
	for _, f := range files[1:] {
		if len(f) != n {
			return oneRow()
		}
	}
	if n > maxAlignedRows {
		return oneRow()
	}
	for i := range files {
		rowOf[i] = make([]int, n)
		for j := range n {
			rowOf[i][j] = j
		}
	}
	return n, rowOf
}

// sharedFiles are the file names that every side has exactly once, in an order every side
// keeps (taken greedily in the first side's order).
func sharedFiles(files [][]string) []string {
	var out []string
	last := make([]int, len(files)) // per side, the index of the last shared file, plus one
	for _, name := range files[0] {
		if name == "" {
			continue
		}
		at := make([]int, len(files))
		ok := true
		for s, f := range files {
			i := slices.Index(f, name)
			if i < last[s] || countOf(f, name) != 1 {
				ok = false
				break
			}
			at[s] = i
		}
		if ok {
			out = append(out, name)
			for s := range files {
				last[s] = at[s] + 1
			}
		}
	}
	return out
}

func countOf(list []string, s string) int {
	n := 0
	for _, v := range list {
		if v == s {
			n++
		}
	}
	return n
}

// longestLine is the width of code's longest line in monospace columns: a tab goes to the
// next multiple of tabWidth, and East Asian wide characters take two columns.
func longestLine(code string) int {
	longest := 0
	for line := range strings.SplitSeq(code, "\n") {
		col := 0
		for _, r := range line {
			switch {
			case r == '\t':
				col += tabWidth - col%tabWidth
			case r == '\r':
			default:
				switch width.LookupRune(r).Kind() {
				case width.EastAsianWide, width.EastAsianFullwidth:
					col += 2
				default:
					col++
				}
			}
		}
		longest = max(longest, col)
	}
	return longest
}
