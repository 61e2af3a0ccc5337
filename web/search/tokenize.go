package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A word is a run of letters, digits and combining marks, lower-cased rune by rune, so
// "Flask-SQLAlchemy" is the two words "flask" and "sqlalchemy" and "Café" is "café".
// Apostrophes inside a word join it ("don't" is "dont") and a possessive "'s" is dropped
// ("Django's" is "django"). Han, Hiragana and Katakana characters, which are written
// without spaces, are one word each.

// span is one word found in a text: its normalised form and its byte range in the text.
type span struct {
	word       string
	start, end int
}

// words calls emit for every word of text, in order, stop words included.
func words(text string, emit func(s span)) {
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 && b.Len() > 0 {
			emit(span{word: b.String(), start: start, end: end})
		}
		b.Reset()
		start = -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isIdeograph(r):
			flush(i)
			emit(span{word: string(r), start: i, end: i + size})
		case isWordRune(r):
			if start < 0 {
				start = i
			}
			b.WriteRune(unicode.ToLower(r))
		case isApostrophe(r) && start >= 0:
			next, nextSize := utf8.DecodeRuneInString(text[i+size:])
			if !isWordRune(next) || isIdeograph(next) {
				flush(i)
				break
			}
			if next == 's' || next == 'S' {
				after, _ := utf8.DecodeRuneInString(text[i+size+nextSize:])
				if i+size+nextSize >= len(text) || !isWordRune(after) {
					// A possessive: the word ends here, but its range covers the "'s".
					i += size + nextSize
					flush(i)
					continue
				}
			}
			// An apostrophe inside a word ("don't") joins its halves.
		default:
			flush(i)
		}
		i += size
	}
	flush(len(text))
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isIdeograph(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// stopWords are words too common to say anything about a page; queries ignore them and
// the index does not hold them.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a about after all also am an and any are as at be been
		before being both but by can could did do does doing done each either for from had has
		have having he her here hers him his how i if in into is it its itself just me more most
		my no nor not of off on once only or other our ours out over own same she should so
		some such than that the their theirs them then there these they this those through to
		too under until up very vs was we were what when where which while who whom why will
		with would you your yours`) {
		stopWords[w] = true
	}
}

// collapseSpace replaces every run of white space in s with one space and trims the ends,
// so code and prose read as one line in a snippet.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
