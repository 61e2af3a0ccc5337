// Package markdown is the Markdown pipeline of Versus: goldmark with GitHub-flavoured
// tables, footnotes and typographic punctuation, heading ids with visible permalinks, code
// highlighted by chroma in CSS-class mode, and "code pairs": consecutive fenced blocks for
// different frameworks shown side by side.
//
// Render parses a document once and returns its HTML together with what the rest of the
// site needs from it: headings (tables of contents), links (validation), code samples (the
// sample harness) and plain text (reading time, search).
package markdown

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/versus-dev/versus/web/highlight"
)

// Renderer renders content Markdown. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// Option changes how a Renderer renders.
type Option func(*nodeRenderer)

// WithSampleMarks has each sample (one framework's blocks within a code pair) followed by
// the mark that marker returns for it: which releases CI ran it on and what it checked.
func WithSampleMarks(marker SampleMarker) Option {
	return func(r *nodeRenderer) { r.marker = marker }
}

// New returns the content pipeline. frameworkNames maps a code block's framework= id to
// the name shown in its label ("flask" → "Flask"); unknown ids are shown as written.
// Code is highlighted by highlighter, or by a new highlight.Highlighter when it is nil.
func New(frameworkNames map[string]string, highlighter *highlight.Highlighter, options ...Option) *Renderer {
	if highlighter == nil {
		highlighter = highlight.New(nil)
	}
	names := make(map[string]string, len(frameworkNames))
	for id, name := range frameworkNames {
		names[id] = name
	}
	nr := &nodeRenderer{names: names, highlighter: highlighter}
	for _, o := range options {
		o(nr)
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.Typographer,
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithBlockParsers(util.Prioritized(nestingGuard{}, 0)),
			parser.WithASTTransformers(
				util.Prioritized(codeAttributeTransformer{}, 100),
				util.Prioritized(codePairTransformer{}, 200),
				util.Prioritized(permalinkTransformer{}, 300),
			),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(nr, 100)),
		),
	)
	return &Renderer{md: md}
}

// Heading is a section heading of a document.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is a link written in a document.
type Link struct {
	Destination string
	Line        int // 1-based line in the rendered source
}

// CodeBlock is one fenced code block.
type CodeBlock struct {
	Language  string
	Framework string            // the framework= attribute, "" when absent
	File      string            // the file= attribute, "" when absent
	Attrs     map[string]string // every attribute, values as written (unquoted)
	Code      string
	Line      int // 1-based line of the opening fence
}

// CodeGroup is a run of consecutive fenced blocks with framework= attributes: a code pair
// when it holds more than one framework.
type CodeGroup struct {
	Blocks []CodeBlock
}

// Frameworks lists the group's frameworks in order of first appearance.
func (g CodeGroup) Frameworks() []string {
	var ids []string
	for _, b := range g.Blocks {
		if !slices.Contains(ids, b.Framework) {
			ids = append(ids, b.Framework)
		}
	}
	return ids
}

// Document is a rendered Markdown document.
type Document struct {
	HTML       []byte
	Headings   []Heading
	Links      []Link
	CodeBlocks []CodeBlock // every fenced block, in order
	CodeGroups []CodeGroup
	Text       string // plain text of prose and code, for word counts and search
}

// Render parses and renders source. Line numbers in the result are source lines plus
// lineOffset, so a caller that strips front matter can report lines of the whole file.
//
// A document whose blocks nest deeper than MaxNesting is refused with a *LineError.
func (r *Renderer) Render(source []byte, lineOffset int) (*Document, error) {
	pc := parser.NewContext()
	doc := r.md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))
	lines := newLineIndex(source, lineOffset)
	if offset, tooDeep := pc.Get(tooDeepKey).(int); tooDeep {
		return nil, &LineError{Line: lines.of(offset), Message: fmt.Sprintf("blocks are nested more than %d deep here (lists, quotes or footnotes within each other)", MaxNesting)}
	}
	out := &Document{}
	var plain strings.Builder
	groupStart := 0 // index in out.CodeBlocks where the current code pair's blocks begin
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*CodePair); ok {
			// A pair's blocks are its descendants, visited between entering and leaving it.
			if entering {
				groupStart = len(out.CodeBlocks)
			} else {
				blocks := out.CodeBlocks[groupStart:len(out.CodeBlocks):len(out.CodeBlocks)]
				out.CodeGroups = append(out.CodeGroups, CodeGroup{Blocks: blocks})
			}
			return ast.WalkContinue, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idText, _ := id.([]byte)
			out.Headings = append(out.Headings, Heading{Level: n.Level, ID: string(idText), Text: nodeText(n, source)})
			plain.WriteByte(' ')
		case *ast.Link:
			out.Links = append(out.Links, Link{Destination: string(n.Destination), Line: lines.of(nodeOffset(n))})
		case *ast.FencedCodeBlock:
			block := codeBlockOf(n, source)
			block.Line = lines.of(nodeOffset(n)) - 1 // the fence is the line above the first code line
			if n.Lines().Len() == 0 {
				block.Line = lines.of(fenceOffset(n))
			}
			out.CodeBlocks = append(out.CodeBlocks, block)
			plain.WriteString(block.Code)
			plain.WriteByte('\n')
		case *ast.Text:
			plain.Write(n.Segment.Value(source))
			if n.SoftLineBreak() || n.HardLineBreak() {
				plain.WriteByte(' ')
			}
		case *ast.String:
			// The typographer's curly quotes and dashes, stored as HTML entities.
			plain.WriteString(html.UnescapeString(string(n.Value)))
		case *ast.Paragraph, *ast.ListItem, *extast.TableCell:
			plain.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return nil, fmt.Errorf("walking markdown: %w", err)
	}
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, source, doc); err != nil {
		return nil, fmt.Errorf("rendering markdown: %w", err)
	}
	out.HTML = buf.Bytes()
	out.Text = plain.String()
	return out, nil
}

// codeBlockOf reads a fenced block's language, attributes and code.
func codeBlockOf(n *ast.FencedCodeBlock, source []byte) CodeBlock {
	b := CodeBlock{Language: string(n.Language(source)), Attrs: map[string]string{}}
	for _, a := range n.Attributes() {
		b.Attrs[string(a.Name)] = attributeString(a.Value)
	}
	b.Framework = b.Attrs["framework"]
	b.File = b.Attrs["file"]
	b.Code = codeOf(n, source)
	return b
}

// codeOf is the code of a fenced block, as written.
func codeOf(n *ast.FencedCodeBlock, source []byte) string {
	var code strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code.Write(seg.Value(source))
	}
	return code.String()
}

// attributeString turns a parsed attribute value back into the text that was written.
func attributeString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	case float64:
		return strings.TrimSuffix(fmt.Sprintf("%g", v), ".0")
	case bool:
		return fmt.Sprint(v)
	case nil:
		return ""
	default:
		return fmt.Sprint(v)
	}
}

// nodeText is the plain text inside n.
func nodeText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(source))
		case *ast.String:
			b.WriteString(html.UnescapeString(string(c.Value)))
		case *ast.CodeSpan:
			// children are Text nodes, visited next
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// nodeOffset is the byte offset where n's text starts, or -1 when n holds none.
func nodeOffset(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off := nodeOffset(c); off >= 0 {
			return off
		}
	}
	if p := n.Parent(); p != nil && n.Type() == ast.TypeInline {
		return nodeOffset(p)
	}
	return -1
}

// fenceOffset finds the opening fence of an empty code block from its info string.
func fenceOffset(n *ast.FencedCodeBlock) int {
	if n.Info != nil {
		return n.Info.Segment.Start
	}
	return -1
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex struct {
	starts []int
	offset int
}

func newLineIndex(source []byte, offset int) lineIndex {
	starts := []int{0}
	for i, c := range source {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{starts: starts, offset: offset}
}

func (l lineIndex) of(byteOffset int) int {
	if byteOffset < 0 {
		return l.offset + 1
	}
	lo, hi := 0, len(l.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if l.starts[mid] <= byteOffset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1 + l.offset
}
