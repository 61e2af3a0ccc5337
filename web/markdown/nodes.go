package markdown

import (
	"bytes"
	"fmt"
	"html/template"

	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// CodePair groups consecutive framework code blocks; its children are CodeColumns.
type CodePair struct{ ast.BaseBlock }

// KindCodePair is the node kind of CodePair.
var KindCodePair = ast.NewNodeKind("CodePair")

// Kind implements ast.Node.
func (n *CodePair) Kind() ast.NodeKind { return KindCodePair }

// Dump implements ast.Node.
func (n *CodePair) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// CodeColumn holds one framework's blocks within a CodePair.
type CodeColumn struct {
	ast.BaseBlock
	Framework string
}

// KindCodeColumn is the node kind of CodeColumn.
var KindCodeColumn = ast.NewNodeKind("CodeColumn")

// Kind implements ast.Node.
func (n *CodeColumn) Kind() ast.NodeKind { return KindCodeColumn }

// Dump implements ast.Node.
func (n *CodeColumn) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Framework": n.Framework}, nil)
}

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
	fb, ok := n.(*ast.FencedCodeBlock)
	if !ok {
		return ""
	}
	v, ok := fb.AttributeString("framework")
	if !ok {
		return ""
	}
	return attributeString(v)
}

// codePairTransformer wraps each run of consecutive framework blocks in a CodePair with
// one CodeColumn per framework, in order of first appearance.
type codePairTransformer struct{}

func (codePairTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
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
			columns := map[string]*CodeColumn{}
			for _, block := range run {
				fw := frameworkOf(block)
				col := columns[fw]
				if col == nil {
					col = &CodeColumn{Framework: fw}
					columns[fw] = col
					pair.AppendChild(pair, col)
				}
				parent.RemoveChild(parent, block)
				col.AppendChild(col, block)
			}
		}
	}
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

// pairRenderer renders CodePair, CodeColumn and Permalink nodes.
type pairRenderer struct {
	names map[string]string
}

func (r *pairRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCodePair, r.renderPair)
	reg.Register(KindCodeColumn, r.renderColumn)
	reg.Register(KindPermalink, r.renderPermalink)
}

func (r *pairRenderer) name(id string) string {
	if name, ok := r.names[id]; ok {
		return name
	}
	return id
}

func (r *pairRenderer) renderPair(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	class := "code-pair"
	if n.ChildCount() == 1 {
		class = "code-pair code-single"
	}
	var label []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		label = append(label, r.name(c.(*CodeColumn).Framework))
	}
	_, _ = fmt.Fprintf(w, `<div class="%s" role="group" aria-label="%s">`+"\n", class, template.HTMLEscapeString(joinAnd(label)+" code"))
	return ast.WalkContinue, nil
}

func (r *pairRenderer) renderColumn(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	fw := n.(*CodeColumn).Framework
	_, _ = fmt.Fprintf(w, `<div class="code-column" data-framework="%s">`+"\n", template.HTMLEscapeString(fw))
	return ast.WalkContinue, nil
}

func (r *pairRenderer) renderPermalink(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		p := n.(*Permalink)
		_, _ = fmt.Fprintf(w, ` <a class="permalink" href="#%s" aria-label="Link to the section %s">#</a>`,
			template.HTMLEscapeString(p.ID), template.HTMLEscapeString("“"+p.Heading+"”"))
	}
	return ast.WalkSkipChildren, nil
}

// codeBlockWrapper labels framework blocks with a figure and caption, and gives
// unhighlighted blocks (unknown languages) the same pre/code frame as chroma's.
func codeBlockWrapper(names map[string]string) highlighting.WrapperRenderer {
	return func(w util.BufWriter, ctx highlighting.CodeBlockContext, entering bool) {
		attrs := ctx.Attributes()
		get := func(name string) string {
			if attrs == nil {
				return ""
			}
			v, ok := attrs.GetString(name)
			if !ok {
				return ""
			}
			return attributeString(v)
		}
		framework, file := get("framework"), get("file")
		if entering {
			if framework != "" {
				name := names[framework]
				if name == "" {
					name = framework
				}
				_, _ = fmt.Fprintf(w, `<figure class="code-sample" data-framework="%s"><figcaption><span class="code-framework">%s</span>`,
					template.HTMLEscapeString(framework), template.HTMLEscapeString(name))
				if file != "" {
					_, _ = fmt.Fprintf(w, ` <span class="code-file">%s</span>`, template.HTMLEscapeString(file))
				}
				_, _ = w.WriteString("</figcaption>\n")
			}
			if !ctx.Highlighted() {
				_, _ = w.WriteString(`<pre tabindex="0" class="chroma"><code>`)
			}
			return
		}
		if !ctx.Highlighted() {
			_, _ = w.WriteString("</code></pre>\n")
		}
		if framework != "" {
			_, _ = w.WriteString("</figure>\n")
		}
	}
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
