package highlight

import (
	"embed"
	"fmt"
	"io/fs"

	"github.com/alecthomas/chroma/v2"
)

// curatedLexers holds copies of chroma's own lexer definitions (lexers/embedded in the
// chroma module, MIT-licensed: lexers/COPYING) for the languages a framework comparison
// shows: Python, templates and markup, configuration files and shell sessions. Importing
// chroma's lexers package instead registers all of its ~280 lexers at start-up, compiling
// their analysers: 5 MB of resident memory in a program that does nothing else, 1–2 MB in
// the server, and 2.8 MB of binary (README, "Memory"). TestCuratedLexersMatchChroma fails when a chroma upgrade changes one of
// these files; copy them again from the module then:
//
//	cp "$(go list -m -f '{{.Dir}}' github.com/alecthomas/chroma/v2)"/lexers/embedded/NAME.xml web/highlight/lexers/
//
//go:embed lexers/*.xml
var curatedLexers embed.FS

// registry is the lexer registry every block is highlighted from. A lexer that delegates
// to another (HTML to CSS and JavaScript, a shell session to Bash) finds it here.
var registry = newRegistry()

func newRegistry() *chroma.LexerRegistry {
	reg := chroma.NewLexerRegistry()
	paths, err := fs.Glob(curatedLexers, "lexers/*.xml")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	for _, path := range paths {
		lexer, err := chroma.NewXMLLexer(curatedLexers, path)
		if err != nil {
			panic(fmt.Sprintf("highlight: the embedded lexer %s: %v", path, err)) // TestCuratedLexersMatchChroma loads every one
		}
		reg.Register(lexer)
	}
	// HTML templates are written with the language names Pygments uses, html+jinja and
	// html+django: HTML with template tags. Chroma has no lexers by those names, so
	// without these it would leave the blocks unhighlighted, after a search through every
	// lexer's file patterns for each block.
	html, templates := reg.Get("html"), reg.Get("django")
	for _, name := range []string{"html+jinja", "html+django"} {
		reg.Register(namedLexer{Lexer: chroma.DelegatingLexer(html, templates), config: &chroma.Config{Name: name, Aliases: []string{name}}})
	}
	return reg
}

// namedLexer gives a lexer another name in the registry.
type namedLexer struct {
	chroma.Lexer
	config *chroma.Config
}

func (l namedLexer) Config() *chroma.Config { return l.config }
