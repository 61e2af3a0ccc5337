package build

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/versus-dev/versus/web/site"
	"github.com/versus-dev/versus/web/site/sitetest"
)

// syntheticContent makes a comparison of rows rows (each with a code pair) and guides
// guides, on top of the fixture's subjects and categories.
func syntheticContent(rows, guides int) fstest.MapFS {
	fsys := sitetest.FS()
	row := string(fsys["comparisons/flask-vs-django/rows/orm.md"].Data)
	row = strings.Replace(row, "aliases: [database]\n", "", 1)
	body := strings.Repeat("A paragraph that explains when the difference matters, with a [link](/guides/start-here). ", 20)
	for i := 0; i < rows; i++ {
		fsys[fmt.Sprintf("comparisons/flask-vs-django/rows/row-%04d.md", i)] = &fstest.MapFile{Data: []byte(row + "\n" + body + "\n")}
	}
	guide := string(fsys["guides/start-here.md"].Data)
	for i := 0; i < guides; i++ {
		text := guide + strings.Repeat("\n## Section\n\n"+body+"\n\n```python {framework=flask}\nx = [i for i in range(10)]\n```\n", 8)
		fsys[fmt.Sprintf("guides/guide-%04d.md", i)] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// BenchmarkSyntheticSite loads, renders and compresses growing synthetic sites, up to
// 1,000 rows and 200 guides: the cost per page should stay flat (linear growth), and both
// stages use every CPU (compare -cpu 1,2).
func BenchmarkSyntheticSite(b *testing.B) {
	for _, n := range []int{100, 500, 1000} {
		fsys := syntheticContent(n, n/5)
		b.Run(fmt.Sprintf("rows=%d,guides=%d", n, n/5), func(b *testing.B) {
			pages := 0
			for b.Loop() {
				s, err := site.Load(fsys)
				if err != nil {
					b.Fatal(err)
				}
				out, err := Site(context.Background(), s, Config{})
				if err != nil {
					b.Fatal(err)
				}
				pages = len(out.Files)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages)/1e3, "µs/page")
		})
	}
}
