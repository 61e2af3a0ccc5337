package search

import (
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// How a query word is matched against the index's vocabulary, and how much each kind of
// match counts. A word matches itself exactly; from three letters on it also matches the
// words it begins ("migr" → "migrations"); and when it is not in the vocabulary at all it
// matches the words within a small edit distance: 1 for words of 4–7 letters, 2 from 8
// letters on ("djngo" → "django"). Transposed neighbours count as one edit.
const (
	minPrefixLength = 3
	maxExpansions   = 64 // vocabulary words one query word may stand for, best first

	exactQuality  = 1.0
	prefixQuality = 0.55 // plus up to 0.35 as the prefix covers more of the word
	typo1Quality  = 0.6
	typo2Quality  = 0.4
)

// maxTypos is the edit distance allowed for a query word of n runes.
func maxTypos(n int) int {
	switch {
	case n >= 8:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// vocabulary is every word the index holds, with what it takes to find words near a query
// word quickly.
type vocabulary struct {
	ids      map[string]int32
	words    []string
	runes    [][]rune
	masks    []uint64  // which characters each word contains, see charMask
	sorted   []int32   // word ids in byte order of the word, for prefix search
	byLength [][]int32 // word ids by length in runes
}

func (v *vocabulary) add(word string) int32 {
	if id, ok := v.ids[word]; ok {
		return id
	}
	id := int32(len(v.words))
	v.ids[word] = id
	v.words = append(v.words, word)
	return id
}

// seal prepares the prefix and typo lookups once every word is added.
func (v *vocabulary) seal() {
	v.runes = make([][]rune, len(v.words))
	v.masks = make([]uint64, len(v.words))
	v.sorted = make([]int32, len(v.words))
	for id, w := range v.words {
		r := []rune(w)
		v.runes[id] = r
		v.masks[id] = charMask(r)
		v.sorted[id] = int32(id)
		for len(v.byLength) <= len(r) {
			v.byLength = append(v.byLength, nil)
		}
		v.byLength[len(r)] = append(v.byLength[len(r)], int32(id))
	}
	sort.Slice(v.sorted, func(i, j int) bool { return v.words[v.sorted[i]] < v.words[v.sorted[j]] })
}

// expansion is a vocabulary word standing for a query word, and how well it matches.
type expansion struct {
	word    int32
	quality float64
}

// expand lists the vocabulary words that match the query word w, best first.
func (v *vocabulary) expand(w string) []expansion {
	var out []expansion
	exact, hasExact := v.ids[w]
	if hasExact {
		out = append(out, expansion{word: exact, quality: exactQuality})
	}
	n := utf8.RuneCountInString(w)
	if n >= minPrefixLength {
		i := sort.Search(len(v.sorted), func(i int) bool { return v.words[v.sorted[i]] >= w })
		for ; i < len(v.sorted) && strings.HasPrefix(v.words[v.sorted[i]], w); i++ {
			id := v.sorted[i]
			if id == exact && hasExact {
				continue
			}
			cover := float64(n) / float64(len(v.runes[id]))
			out = append(out, expansion{word: id, quality: prefixQuality + 0.35*cover})
		}
	}
	if d := maxTypos(n); d > 0 && !hasExact && !allDigits(w) {
		out = v.typos(w, d, out)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].quality != out[j].quality {
			return out[i].quality > out[j].quality
		}
		return v.words[out[i].word] < v.words[out[j].word]
	})
	if len(out) > maxExpansions {
		out = out[:maxExpansions]
	}
	return out
}

// typos appends the words within edit distance maxDist of w that out does not hold yet.
func (v *vocabulary) typos(w string, maxDist int, out []expansion) []expansion {
	q := []rune(w)
	qMask := charMask(q)
	seen := make(map[int32]bool, len(out))
	for _, e := range out {
		seen[e.word] = true
	}
	var buf distanceBuffers
	for n := len(q) - maxDist; n <= len(q)+maxDist; n++ {
		if n < 1 || n >= len(v.byLength) {
			continue
		}
		for _, id := range v.byLength[n] {
			// Each edit adds at most one character the other word lacks, so words whose
			// character sets differ by more than maxDist cannot be close.
			m := v.masks[id]
			if bits.OnesCount64(qMask&^m) > maxDist || bits.OnesCount64(m&^qMask) > maxDist {
				continue
			}
			if seen[id] {
				continue
			}
			d := buf.distance(q, v.runes[id], maxDist)
			if d > maxDist {
				continue
			}
			quality := typo1Quality
			if d == 2 {
				quality = typo2Quality
			}
			out = append(out, expansion{word: id, quality: quality})
		}
	}
	return out
}

// charMask sets one bit per character class the word contains: a–z and 0–9 have a bit
// each, every other rune shares one of the remaining bits by its value.
func charMask(word []rune) uint64 {
	var m uint64
	for _, r := range word {
		switch {
		case r >= 'a' && r <= 'z':
			m |= 1 << (r - 'a')
		case r >= '0' && r <= '9':
			m |= 1 << (26 + r - '0')
		default:
			m |= 1 << (36 + uint(r)%28)
		}
	}
	return m
}

func allDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// EditDistance is the optimal-string-alignment distance between a and b, counted in runes
// (see distanceBuffers.distance), or maxDist+1 when it is more than maxDist. The search
// matches typos with it, and the 404 page ranks the pages nearest a mistyped path.
func EditDistance(a, b string, maxDist int) int {
	var buf distanceBuffers
	return buf.distance([]rune(a), []rune(b), maxDist)
}

// distanceBuffers holds the rows of the edit-distance table, reused between words.
type distanceBuffers struct {
	prev2, prev, cur []int
}

// distance is the optimal-string-alignment distance between a and b (insertions,
// deletions, substitutions and transpositions of neighbours each cost one). It stops
// early and returns maxDist+1 as soon as the distance must exceed maxDist.
func (buf *distanceBuffers) distance(a, b []rune, maxDist int) int {
	if abs(len(a)-len(b)) > maxDist {
		return maxDist + 1
	}
	n := len(b) + 1
	if cap(buf.cur) < n {
		buf.prev2, buf.prev, buf.cur = make([]int, n), make([]int, n), make([]int, n)
	}
	prev2, prev, cur := buf.prev2[:n], buf.prev[:n], buf.cur[:n]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j < n; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > maxDist {
			return maxDist + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[n-1]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
