package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// MaxNesting is how deep blocks may nest: lists in lists (a list and its items count as
// one level), quotes in quotes, footnotes in footnotes. Prose never comes near it; a
// document that passes it is refused, since goldmark's cost grows with the depth on every
// line (3,000 nested list items took it seconds and hundreds of megabytes).
const MaxNesting = 20

// LineError is a problem with a document, at a line of its source (plus the line offset
// given to Render).
type LineError struct {
	Line    int
	Message string
}

func (e *LineError) Error() string { return e.Message }

// tooDeepKey holds, in the parser's context, the byte offset of the first block start
// that nesting refused.
var tooDeepKey = parser.NewContextKey()

// nestingGuard is a block parser tried before all others on the characters that can open
// a container block (list markers, ">", "[" of a footnote definition). Within MaxNesting
// it opens nothing, and the other parsers go on as usual; past it, it takes the rest of the
// line as a leaf of its own, so nothing nests deeper, and records where. Parsing stays
// cheap however deep the source tries to go, and Render reports the line.
type nestingGuard struct{}

func (nestingGuard) Trigger() []byte {
	return []byte{'-', '+', '*', '>', '[', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}
}

func (nestingGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if parent.Kind() == ast.KindList || nestingDepth(parent) < MaxNesting {
		return nil, parser.NoChildren // a list holds only its items, which nest no deeper
	}
	if pc.Get(tooDeepKey) == nil {
		_, segment := reader.PeekLine()
		pc.Set(tooDeepKey, segment.Start)
	}
	reader.AdvanceToEOL()
	return &tooDeep{}, parser.NoChildren
}

func (nestingGuard) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (nestingGuard) Close(ast.Node, text.Reader, parser.Context)                 {}
func (nestingGuard) CanInterruptParagraph() bool                                 { return true }
func (nestingGuard) CanAcceptIndentedLine() bool                                 { return true }

// nestingDepth counts the blocks n is within, n included: the document and list items do
// not count (an item is part of its list's level). It stops counting at MaxNesting.
func nestingDepth(n ast.Node) int {
	depth := 0
	for ; n != nil && depth < MaxNesting; n = n.Parent() {
		switch n.Kind() {
		case ast.KindDocument, ast.KindListItem:
		default:
			depth++
		}
	}
	return depth
}

// tooDeep is the text of a line that would have nested too deep; it is never rendered,
// since Render refuses the document.
type tooDeep struct{ ast.BaseBlock }

// kindTooDeep is the kind of tooDeep nodes.
var kindTooDeep = ast.NewNodeKind("TooDeep")

// Kind implements ast.Node.
func (n *tooDeep) Kind() ast.NodeKind { return kindTooDeep }

// IsRaw implements ast.Node: its text is not parsed for inlines.
func (n *tooDeep) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *tooDeep) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
