package highlight

import (
	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// HTML templates are written with the language names Pygments uses, html+jinja and
// html+django: HTML with template tags. Chroma has no lexers by those names, so without
// these it would leave the blocks unhighlighted, after an expensive search through every
// lexer's file patterns for each block (a quarter of start-up time).
func init() {
	html, templates := lexers.Get("html"), lexers.Get("django")
	if html == nil || templates == nil {
		return
	}
	for _, name := range []string{"html+jinja", "html+django"} {
		lexers.Register(namedLexer{Lexer: chroma.DelegatingLexer(html, templates), config: &chroma.Config{Name: name, Aliases: []string{name}}})
	}
}

// namedLexer gives a lexer another name in the registry.
type namedLexer struct {
	chroma.Lexer
	config *chroma.Config
}

func (l namedLexer) Config() *chroma.Config { return l.config }
