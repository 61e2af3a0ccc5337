package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/versus-dev/versus/web/highlight"
)

// CodePair groups consecutive framework code blocks; its children are CodeColumns, one
// per framework, each holding its blocks in CodeRows that every column of the pair shares
// (see layout.go).
type CodePair struct {
	ast.BaseBlock
	Index int // its number in the document, from 1: the sample marks' ids
	Rows  int // the rows of blocks each column has
	Fit   int // the width in characters it needs side by side; 0: always stacked
}

// KindCodePair is the node kind of CodePair.
var KindCodePair = ast.NewNodeKind("CodePair")

// Kind implements ast.Node.
func (n *CodePair) Kind() ast.NodeKind { return KindCodePair }

// Dump implements ast.Node.
func (n *CodePair) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// CodeColumn holds one framework's blocks within a CodePair: one sample.
type CodeColumn struct {
	ast.BaseBlock
	Framework string
	// mark is the sample's mark and markID the id of what it says the check does, set
	// when the column is rendered, for its blocks' headers.
	mark   *SampleMark
	markID string
}

// KindCodeColumn is the node kind of CodeColumn.
var KindCodeColumn = ast.NewNodeKind("CodeColumn")

// Kind implements ast.Node.
func (n *CodeColumn) Kind() ast.NodeKind { return KindCodeColumn }

// Dump implements ast.Node.
func (n *CodeColumn) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Framework": n.Framework}, nil)
}

// CodeRow is one row of a CodeColumn's blocks: the row of the pair's grid they start in,
// shared with the other columns' blocks of the same row. It may be empty.
type CodeRow struct{ ast.BaseBlock }

// KindCodeRow is the node kind of CodeRow.
var KindCodeRow = ast.NewNodeKind("CodeRow")

// Kind implements ast.Node.
func (n *CodeRow) Kind() ast.NodeKind { return KindCodeRow }

// Dump implements ast.Node.
func (n *CodeRow) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Permalink is the visible "#" link appended to every heading with an id.
type Permalink struct {
	ast.BaseInline
	ID      string
	Heading string
}

// KindPermalink is the node kind of Permalink.
var KindPermalink = ast.NewNodeKind("Permalink")

// Kind implements ast.Node.
func (n *Permalink) Kind() ast.NodeKind { return KindPermalink }

// Dump implements ast.Node.
func (n *Permalink) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID}, nil)
}

// codeAttributeTransformer parses the {key=value …} part of a fenced block's info string
// into node attributes, so the highlighter and the rest of the pipeline read one parse.
type codeAttributeTransformer struct{}

func (codeAttributeTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fb, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok || fb.Info == nil {
			return ast.WalkContinue, nil
		}
		info := fb.Info.Segment.Value(source)
		start := bytes.IndexByte(info, '{')
		if start < 0 {
			return ast.WalkContinue, nil
		}
		attrs, ok := parser.ParseAttributes(text.NewReader(info[start:]))
		if !ok {
			fb.SetAttributeString(InvalidAttributes, append([]byte(nil), info[start:]...))
			return ast.WalkContinue, nil
		}
		for _, a := range attrs {
			fb.SetAttribute(a.Name, a.Value)
		}
		return ast.WalkContinue, nil
	})
}

// InvalidAttributes is set on a fenced block, with the text as written, when its {…}
// attributes cannot be parsed; the content loader reports it.
const InvalidAttributes = "invalid-attributes"

// frameworkOf is a block's framework= attribute, or "" when it has none.
func frameworkOf(n ast.Node) string {
	if _, ok := n.(*ast.FencedCodeBlock); !ok {
		return ""
	}
	return stringAttribute(n, "framework")
}

// stringAttribute is the attribute name of n as written, or "" when n has none.
func stringAttribute(n ast.Node, name string) string {
	v, ok := n.AttributeString(name)
	if !ok {
		return ""
	}
	return attributeString(v)
}

// codePairTransformer wraps each run of consecutive framework blocks in a CodePair with
// one CodeColumn per framework, in order of first appearance, lays the pair out
// (layoutPair) and numbers the pairs in document order.
type codePairTransformer struct{}

func (codePairTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var parents []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.FirstChild() != nil && n.Type() != ast.TypeInline {
			parents = append(parents, n)
		}
		return ast.WalkContinue, nil
	})
	for _, parent := range parents {
		for c := parent.FirstChild(); c != nil; {
			if frameworkOf(c) == "" {
				c = c.NextSibling()
				continue
			}
			var run []ast.Node
			for c != nil && frameworkOf(c) != "" {
				run = append(run, c)
				c = c.NextSibling()
			}
			pair := &CodePair{}
			parent.InsertBefore(parent, run[0], pair)
			var columns []*CodeColumn
			var sides [][]ast.Node
			for _, block := range run {
				fw := frameworkOf(block)
				i := slices.IndexFunc(columns, func(col *CodeColumn) bool { return col.Framework == fw })
				if i < 0 {
					i = len(columns)
					columns = append(columns, &CodeColumn{Framework: fw})
					sides = append(sides, nil)
				}
				parent.RemoveChild(parent, block)
				sides[i] = append(sides[i], block)
			}
			shapes := make([][]sideBlock, len(sides))
			for i, blocks := range sides {
				for _, b := range blocks {
					shapes[i] = append(shapes[i], sideBlock{file: stringAttribute(b, "file"), code: codeOf(b.(*ast.FencedCodeBlock), source)})
				}
			}
			layout := layoutPair(shapes)
			pair.Rows, pair.Fit = layout.rows, layout.fit
			for i, col := range columns {
				rows := make([]*CodeRow, layout.rows)
				for r := range rows {
					rows[r] = &CodeRow{}
					col.AppendChild(col, rows[r])
				}
				for j, b := range sides[i] {
					row := rows[layout.rowOf[i][j]]
					row.AppendChild(row, b)
				}
				pair.AppendChild(pair, col)
			}
		}
	}
	index := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if pair, ok := n.(*CodePair); ok && entering {
			index++
			pair.Index = index
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// permalinkTransformer appends a Permalink to every heading that has an id.
type permalinkTransformer struct{}

func (permalinkTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		id, ok := h.AttributeString("id")
		if !ok {
			return ast.WalkSkipChildren, nil
		}
		idText, _ := id.([]byte)
		h.AppendChild(h, &Permalink{ID: string(idText), Heading: nodeText(h, source)})
		return ast.WalkSkipChildren, nil
	})
}

// nodeRenderer renders fenced code blocks and the CodePair, CodeColumn and Permalink
// nodes.
type nodeRenderer struct {
	names       map[string]string // framework id → name shown
	highlighter *highlight.Highlighter
	marker      SampleMarker // nil: samples carry no mark
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderCodeBlock)
	reg.Register(KindCodePair, r.renderPair)
	reg.Register(KindCodeColumn, r.renderColumn)
	reg.Register(KindCodeRow, r.renderRow)
	reg.Register(KindPermalink, r.renderPermalink)
}

func (r *nodeRenderer) name(id string) string {
	if name, ok := r.names[id]; ok {
		return name
	}
	return id
}

// renderPair opens a pair as two elements: the pair (the group, and the container its
// width is asked of) and its sides (the grid of its columns).
func (r *nodeRenderer) renderPair(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n</div>\n")
		return ast.WalkContinue, nil
	}
	pair := n.(*CodePair)
	class := "code-pair"
	if n.ChildCount() == 1 {
		class += " code-single"
	}
	if pair.Fit > 0 {
		class += fmt.Sprintf(" code-fit-%d", pair.Fit)
	}
	var label []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		label = append(label, r.name(c.(*CodeColumn).Framework))
	}
	_, _ = fmt.Fprintf(w, `<div class="%s" role="group" aria-label="%s">`+"\n"+`<div class="code-sides code-rows-%d">`+"\n",
		class, template.HTMLEscapeString(joinAnd(label)+" code"), pair.Rows)
	return ast.WalkContinue, nil
}

// renderColumn writes a sample: its rows of blocks, then its mark. The mark is worked
// out first, so that each block's header can say it too.
func (r *nodeRenderer) renderColumn(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	col := n.(*CodeColumn)
	if !entering {
		if col.mark != nil {
			writeSampleMark(w, col.mark, col.markID)
		}
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	if r.marker != nil {
		var blocks []CodeBlock
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if fb, ok := c.(*ast.FencedCodeBlock); ok && entering {
				blocks = append(blocks, codeBlockOf(fb, source))
			}
			return ast.WalkContinue, nil
		})
		col.mark = r.marker(col.Framework, blocks)
		if col.mark != nil {
			col.markID = fmt.Sprintf("sample-%d-%s", n.Parent().(*CodePair).Index, col.Framework)
		}
	}
	_, _ = fmt.Fprintf(w, `<div class="code-column" data-framework="%s">`+"\n", template.HTMLEscapeString(col.Framework))
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderRow(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="code-row">`)
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderPermalink(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		p := n.(*Permalink)
		_, _ = fmt.Fprintf(w, ` <a class="permalink" href="#%s" aria-label="Link to the section %s">#</a>`,
			template.HTMLEscapeString(p.ID), template.HTMLEscapeString("“"+p.Heading+"”"))
	}
	return ast.WalkSkipChildren, nil
}

// renderCodeBlock writes a fenced block: framework blocks inside a figure with a caption
// naming the framework and file, the code highlighted by chroma, or escaped as written
// when chroma has no lexer for the language, in the same pre/code frame.
func (r *nodeRenderer) renderCodeBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	framework := frameworkOf(n)
	if framework != "" {
		_, _ = fmt.Fprintf(w, `<figure class="code-sample" data-framework="%s"><figcaption><span class="code-framework">%s</span>`,
			template.HTMLEscapeString(framework), template.HTMLEscapeString(r.name(framework)))
		if file := stringAttribute(n, "file"); file != "" {
			_, _ = fmt.Fprintf(w, ` <span class="code-file">%s</span>`, template.HTMLEscapeString(file))
		}
		if col := columnOf(n); col != nil && col.mark != nil {
			writeBlockMark(w, col.mark, col.markID)
		}
		_, _ = w.WriteString("</figcaption>\n")
	}
	_, _ = w.WriteString(`<pre tabindex="0" class="chroma"><code>`)
	code := codeOf(n, source)
	if highlighted, ok := r.highlighter.HTML(string(n.Language(source)), code); ok {
		_, _ = w.WriteString(highlighted)
		_, _ = w.WriteString("</code></pre>")
	} else {
		html.DefaultWriter.RawWrite(w, []byte(code))
		_, _ = w.WriteString("</code></pre>\n")
	}
	if framework != "" {
		_, _ = w.WriteString("</figure>\n")
	}
	return ast.WalkContinue, nil
}

// columnOf is the CodeColumn a block is in, or nil.
func columnOf(n ast.Node) *CodeColumn {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if col, ok := p.(*CodeColumn); ok {
			return col
		}
	}
	return nil
}

// joinAnd joins names as "A", "A and B", "A, B and C".
func joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	out := ""
	for i, n := range names {
		switch {
		case i == 0:
			out = n
		case i == len(names)-1:
			out += " and " + n
		default:
			out += ", " + n
		}
	}
	return out
}
