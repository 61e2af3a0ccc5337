// Package highlight turns code into chroma's CSS-class HTML, once per distinct block.
//
// Chroma's lexers are regular-expression machines, slow enough that lexing every block
// of the shipped content would be most of the server's start-up (figures in the README).
// A Highlighter therefore remembers every block it has highlighted, and can be seeded with
// a Cache written ahead of time (content/highlight.cache for the shipped content). Cache
// entries are keyed by a hash of the language and the code, so a cache can never answer for
// code it was not made from: edited or new blocks are simply highlighted again. A cache
// made by another chroma version is ignored as a whole, since lexers change between
// releases.
package highlight

import (
	"bytes"
	"crypto/sha256"
	"maps"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// Key identifies a block by its language and code.
type Key [16]byte

// KeyOf is the key of code in language lang.
func KeyOf(lang, code string) Key {
	h := sha256.New()
	h.Write([]byte(lang))
	h.Write([]byte{0})
	h.Write([]byte(code))
	var k Key
	copy(k[:], h.Sum(nil))
	return k
}

// Highlighter highlights code with chroma in class mode. It is safe for concurrent use.
type Highlighter struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style

	mu   sync.Mutex
	seen map[Key]string // every block highlighted or taken from the cache, by key
}

// New returns a highlighter that answers from cache where it can; cache may be nil.
func New(cache *Cache) *Highlighter {
	h := &Highlighter{
		// One formatter for every block: chroma's formatter caches a style's CSS per
		// instance, and working it out again for each block costs more than the cache.
		formatter: chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithPreWrapper(bareCode{})),
		// In class mode the markup does not depend on the style; colours come from
		// Stylesheet. Format still wants one.
		style: styles.Get(LightStyle),
		seen:  map[Key]string{},
	}
	if cache != nil {
		h.seen = maps.Clone(cache.entries)
	}
	return h
}

// HTML returns code highlighted as a run of chroma <span class="line"> elements (no
// <pre> or <code> around them), or ok false when there is no lexer for lang (lexers/
// holds the languages there are).
func (h *Highlighter) HTML(lang, code string) (html string, ok bool) {
	key := KeyOf(lang, code)
	h.mu.Lock()
	html, ok = h.seen[key]
	h.mu.Unlock()
	if ok {
		return html, true
	}
	lexer := registry.Get(lang)
	if lexer == nil {
		return "", false
	}
	tokens, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return "", false
	}
	var buf bytes.Buffer
	if err := h.formatter.Format(&buf, h.style, tokens); err != nil {
		return "", false
	}
	html = buf.String()
	h.mu.Lock()
	h.seen[key] = html
	h.mu.Unlock()
	return html, true
}

// Cache returns every block this highlighter has highlighted or been given, as a cache
// that can be written with Encode.
func (h *Highlighter) Cache() *Cache {
	h.mu.Lock()
	defer h.mu.Unlock()
	return &Cache{Chroma: ChromaVersion(), entries: maps.Clone(h.seen)}
}

// bareCode makes chroma write the highlighted lines only; the Markdown renderer writes
// the <pre> and <code> around them.
type bareCode struct{}

func (bareCode) Start(code bool, styleAttr string) string { return "" }
func (bareCode) End(code bool) string                     { return "" }
