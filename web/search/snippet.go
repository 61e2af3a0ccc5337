package search

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

const (
	snippetLength = 160 // runes in a snippet, label and ellipses aside, give or take a word
	windowSpan    = 100 // bytes: matches this close together are shown in one snippet
)

// hit is a word of a passage that matches the query.
type hit struct {
	start, end int
	query      int
	quality    float64
}

// passageHits appends to out the words of p that match the query, in order.
func passageHits(out []hit, p *passage, m *matcher) []hit {
	for _, t := range p.tokens {
		if wm, ok := m.lookup(t.word); ok {
			out = append(out, hit{start: int(t.start), end: int(t.end), query: wm.query, quality: wm.quality})
		}
	}
	return out
}

// snippet finds the best place to show d's match among the passages allowed (every one
// when allowed is nil) in the fields that match (a bit per field): the stretch of text, up to windowSpan bytes, that covers the most
// query words, then the one in the weightiest field, then the best matches, then the
// first. It returns the snippet and the passage it comes from; when only the title
// matches, the snippet is the start of the summary without marks.
func snippet(d *document, m *matcher, fields uint8, allowed func(*passage) bool) ([]Segment, *passage) {
	var (
		best      *passage
		bestHits  []hit
		hits      []hit // the passage's hits, in a buffer reused while no passage beats the best
		bestI     int
		bestJ     int
		bestScore = -1.0
	)
	for pi := range d.passages {
		p := &d.passages[pi]
		if p.field == fieldTitle || fields&(1<<p.field) == 0 || allowed != nil && !allowed(p) {
			continue
		}
		hits = passageHits(hits[:0], p, m)
		improved := false
		for i := range hits {
			var covered uint32
			var quality [MaxQueryWords]float64
			j := i
			for ; j < len(hits) && hits[j].end-hits[i].start <= windowSpan; j++ {
				covered |= 1 << hits[j].query
				quality[hits[j].query] = max(quality[hits[j].query], hits[j].quality)
			}
			if j == i { // a single word longer than the window
				covered |= 1 << hits[i].query
				quality[hits[i].query] = hits[i].quality
				j = i + 1
			}
			var sum float64
			for _, q := range quality {
				sum += q
			}
			score := float64(bits.OnesCount32(covered))*100 + fieldWeight[p.field]*10 + sum
			if score > bestScore {
				best, bestI, bestJ, bestScore, improved = p, i, j, score, true
			}
		}
		if improved { // keep this passage's hits, and reuse the old best's buffer
			bestHits, hits = hits, bestHits
		}
	}
	if best == nil {
		for pi := range d.passages {
			p := &d.passages[pi]
			if p.field != fieldTitle && (allowed == nil || allowed(p)) && (best == nil || p.field == fieldSummary) {
				best = p
				if p.field == fieldSummary {
					break
				}
			}
		}
		if best == nil {
			return nil, nil
		}
		start, end := around(best.text, 0, 0, 0, max(snippetLength-utf8.RuneCountInString(best.label), snippetLength/4))
		return segments(best, start, end, nil), nil
	}
	start, end := around(best.text, bestHits[bestI].start, bestHits[bestJ-1].end, bestHits[bestI].end, max(snippetLength-utf8.RuneCountInString(best.label), snippetLength/4))
	return segments(best, start, end, bestHits), best
}

// around widens the range [from, to) of text to about budget runes, a third of the room
// before it and the rest after, and moves the ends to word boundaries. When the range is
// longer than the budget, it is cut, but never before firstEnd (the end of its first match).
func around(text string, from, to, firstEnd, budget int) (start, end int) {
	span := utf8.RuneCountInString(text[from:to])
	if span >= budget {
		end = max(forward(text, from, budget), firstEnd)
		if end < len(text) {
			if i := strings.LastIndexByte(text[from:end], ' '); i >= 0 && from+i >= firstEnd {
				end = from + i
			}
		}
		return from, end
	}
	room := budget - span
	haveBefore := utf8.RuneCountInString(text[:from])
	haveAfter := utf8.RuneCountInString(text[to:])
	before := min(room/3, haveBefore)
	after := min(room-before, haveAfter)
	before = min(room-after, haveBefore)
	start = backward(text, from, before)
	end = forward(text, to, after)
	if start > 0 {
		if i := strings.IndexByte(text[start:from], ' '); i >= 0 {
			start += i + 1
		}
	}
	if end < len(text) {
		if i := strings.LastIndexByte(text[to:end], ' '); i >= 0 {
			end = to + i
		}
	}
	return start, end
}

// forward moves n runes on from byte offset i.
func forward(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}

// backward moves n runes back from byte offset i.
func backward(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	return i
}

// segments cuts p.text[start:end] into plain and matching pieces, after p's label, with
// ellipses where the passage goes on.
func segments(p *passage, start, end int, hits []hit) []Segment {
	var out []Segment
	add := func(text string, match bool) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Match == match {
			out[n-1].Text += text
			return
		}
		out = append(out, Segment{Text: text, Match: match})
	}
	add(p.label, false)
	if start > 0 {
		add("…", false)
	}
	pos := start
	for _, h := range hits {
		if h.start < pos || h.end > end {
			continue
		}
		add(p.text[pos:h.start], false)
		add(p.text[h.start:h.end], true)
		pos = h.end
	}
	add(p.text[pos:end], false)
	if end < len(p.text) {
		add("…", false)
	}
	return out
}

// markAll is the whole of p with every match flagged, for titles.
func markAll(p passage, m *matcher) []Segment {
	return segments(&passage{text: p.text}, 0, len(p.text), passageHits(nil, &p, m))
}
