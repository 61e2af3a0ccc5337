package highlight

import (
	"bytes"
	"compress/gzip"
	"strconv"
	"strings"
	"testing"
)

func TestHTMLHighlightsKnownLanguages(t *testing.T) {
	h := New(nil)
	html, ok := h.HTML("python", "from flask import Flask\n")
	if !ok {
		t.Fatal("python is not highlighted")
	}
	for _, want := range []string{`<span class="line">`, `<span class="kn">from</span>`, `<span class="nn">flask</span>`} {
		if !strings.Contains(html, want) {
			t.Errorf("highlighted python lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<pre") || strings.Contains(html, "<code") {
		t.Errorf("the highlighted lines carry their own frame:\n%s", html)
	}
	if _, ok := h.HTML("no-such-language", "x = 1\n"); ok {
		t.Error("an unknown language was highlighted")
	}
	if got := h.Cache().Len(); got != 1 {
		t.Errorf("the highlighter remembers %d blocks, want 1 (unknown languages are not kept)", got)
	}
}

func TestHTMLEscapesCode(t *testing.T) {
	html, _ := New(nil).HTML("python", "x = '<script>&'\n")
	if strings.Contains(html, "<script>") || !strings.Contains(html, "&lt;script&gt;&amp;") {
		t.Errorf("code is not escaped:\n%s", html)
	}
}

func TestSeededHighlighterAnswersFromTheCache(t *testing.T) {
	// An entry that chroma would never make shows the answer came from the cache.
	cache := &Cache{Chroma: "v0.0.0", entries: map[Key]string{KeyOf("python", "x = 1\n"): "from the cache"}}
	h := New(cache)
	if html, _ := h.HTML("python", "x = 1\n"); html != "from the cache" {
		t.Errorf("seeded highlighter gave %q", html)
	}
	if html, _ := h.HTML("python", "x = 2\n"); !strings.Contains(html, `class="mi"`) {
		t.Errorf("code missing from the cache is not highlighted by chroma: %q", html)
	}
	if html, _ := h.HTML("bash", "x = 1\n"); html == "from the cache" {
		t.Error("the cache answered for the same code in another language")
	}
}

func TestCacheRoundTrip(t *testing.T) {
	h := New(nil)
	for _, code := range []string{"x = 1\n", "def f():\n    return '\\n'\n", ""} {
		h.HTML("python", code)
	}
	h.HTML("html+jinja", "<p>{{ name }}</p>\n")
	c := h.Cache()
	c.Chroma = "v2.99.0"
	data, err := c.Encode()
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.Encode()
	if err != nil || !bytes.Equal(data, again) {
		t.Fatal("encoding the same cache twice gave different bytes")
	}
	back, err := ParseCache(data)
	if err != nil {
		t.Fatal(err)
	}
	if !back.Equal(c) || back.Len() != 4 || back.Chroma != "v2.99.0" {
		t.Errorf("the cache did not survive a round trip: %d blocks, chroma %q", back.Len(), back.Chroma)
	}
	c.entries[KeyOf("python", "x = 1\n")] = "changed"
	if back.Equal(c) {
		t.Error("Equal ignores a changed entry")
	}
}

func TestParseCacheSaysWhereItIsDamaged(t *testing.T) {
	key := strings.Repeat("ab", 16)
	for _, tc := range []struct {
		name, text, want string
	}{
		{"header", "something else\n", "line 1: not a versus highlight cache"},
		{"version", cacheHeader + "chroma\n", `line 2: want "chroma <version>"`},
		{"record", cacheHeader + "chroma v1\nxyz 3\nabc\n", "line 3: want"},
		{"key", cacheHeader + "chroma v1\n" + strings.Repeat("zz", 16) + " 3\nabc\n", "line 3: key"},
		{"size", cacheHeader + "chroma v1\n" + key + " -1\n\n", `line 3: size "-1"`},
		{"short", cacheHeader + "chroma v1\n" + key + " 10\nabc\n", "line 3: the HTML is shorter than its 10 bytes"},
		{"second record", cacheHeader + "chroma v1\n" + key + " 4\na\nb\n\n" + key + " x\n", "line 7: size"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCache(gzipped(t, tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := ParseCache([]byte("not gzip")); err == nil {
		t.Error("a file that is not gzip was accepted")
	}
}

func TestCacheUsableOnlyWithTheChromaThatMadeIt(t *testing.T) {
	c := &Cache{Chroma: "v2.27.0"}
	if ok, why := c.usableWith("v2.28.0"); ok || !strings.Contains(why, "v2.27.0") {
		t.Errorf("a cache from another chroma is usable (%v, %q)", ok, why)
	}
	if ok, _ := c.usableWith("v2.27.0"); !ok {
		t.Error("a cache from this chroma is not usable")
	}
	if ok, _ := c.usableWith(""); !ok {
		t.Error("a build without a recorded chroma version rejects the cache")
	}
}

func gzipped(t *testing.T, text string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(text))
	zw.Close()
	return buf.Bytes()
}

// BenchmarkHighlight compares chroma's lexing of a typical view with an answer from the
// cache: go test ./web/highlight -bench Highlight -benchmem
func BenchmarkHighlight(b *testing.B) {
	const view = `from flask import Flask, render_template

app = Flask(__name__)


@app.route("/posts/<int:post_id>")
def show_post(post_id):
    post = Post.query.get_or_404(post_id)
    return render_template("post.html", post=post)
`
	b.Run("chroma", func(b *testing.B) {
		h := New(nil)
		i := 0
		for b.Loop() {
			i++ // a new comment each time, so the highlighter never answers from memory
			h.HTML("python", view+"# "+strconv.Itoa(i)+"\n")
		}
	})
	b.Run("cached", func(b *testing.B) {
		h := New(nil)
		h.HTML("python", view)
		for b.Loop() {
			h.HTML("python", view)
		}
	})
}
