package site

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/versus-dev/versus/web/site/sitetest"
)

// FuzzRowFile loads the fixture content with one row file replaced by arbitrary bytes:
// Load must never panic, and must either succeed or report problems with a file name.
func FuzzRowFile(f *testing.F) {
	base := sitetest.FS()
	const row = "comparisons/flask-vs-django/rows/orm.md"
	f.Add(base[row].Data)
	f.Add([]byte("---\ntitle: [unclosed\n---\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ncells: {flask: 3}\nsources: [1, 2]\nreviewed: 2026-13-45\n---\n```python {framework=\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := sitetest.FS()
		fsys[row] = &fstest.MapFile{Data: data}
		s, err := Load(fsys)
		if err == nil {
			if s.Comparison("flask-vs-django") == nil {
				t.Fatal("Load succeeded without the comparison")
			}
			return
		}
		var verr *ValidationError
		if !errors.As(err, &verr) {
			t.Fatalf("Load returned %T, want *ValidationError: %v", err, err)
		}
		for _, p := range verr.Problems {
			if p.File == "" || p.Message == "" {
				t.Fatalf("problem without a file or message: %+v", p)
			}
		}
	})
}
