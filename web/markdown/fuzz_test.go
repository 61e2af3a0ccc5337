package markdown

import (
	"bytes"
	"testing"
)

// FuzzRender runs arbitrary Markdown through the pipeline: no panic, and no raw <script>
// from code blocks (code is always escaped).
func FuzzRender(f *testing.F) {
	f.Add([]byte(pairSource))
	f.Add([]byte("# T\n\n```python {framework=flask file=\"a b\"}\nx\n```\n"))
	f.Add([]byte("```go {\n<script>\n```\n| a |\n|---|\n[^1]\n\n[^1]: x"))
	f.Add([]byte("## \"q\" -- it's\n\n```unknown\n<b>\n```"))
	r := New(map[string]string{"flask": "Flask"}, nil)
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := r.Render(src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range doc.CodeBlocks {
			if bytes.Contains([]byte(b.Code), []byte("<script>")) && bytes.Contains(doc.HTML, []byte("<script>")) && !bytes.Contains(src, []byte("<script>\n")) {
				t.Fatalf("code containing <script> was not escaped")
			}
			if b.Line < 1 {
				t.Fatalf("code block line %d", b.Line)
			}
		}
	})
}
