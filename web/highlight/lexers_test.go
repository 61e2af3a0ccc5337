package highlight

import (
	"io/fs"
	"reflect"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// lexerSamples holds a snippet for every curated lexer, by its name, covering what each
// lexer delegates to (CSS and JavaScript inside HTML, Bash inside a shell session).
var lexerSamples = map[string]string{
	"Bash":                     "for f in *.py; do echo \"$f\" | wc -l; done\nexport X=${HOME:-/tmp}\n",
	"Bash Session":             "$ pip install 'flask>=3.1'\nCollecting flask\n$ flask --app app run\n",
	"CSS":                      "body { color: #333; margin: 0 auto; }\n@media (max-width: 40em) { .x::before { content: \"a\"; } }\n",
	"Diff":                     "--- a/app.py\n+++ b/app.py\n@@ -1,2 +1,2 @@\n-x = 1\n+x = 2\n",
	"Django/Jinja":             "{% extends \"base.html\" %}{% block body %}{{ user.name|title }}{# note #}{% endblock %}\n",
	"Docker":                   "FROM python:3.13-slim\nRUN pip install --no-cache-dir fastapi\nCMD [\"uvicorn\", \"app:app\"]\n",
	"HTML":                     "<!doctype html><style>p { color: red }</style><p class=\"x\">Hi &amp; bye</p><script>let a = 1 + 2;</script>\n",
	"INI":                      "[tool:pytest]\naddopts = -q\n; comment\n",
	"JavaScript":               "const f = async (x) => { return await fetch(`/api/${x}`); };\n",
	"JSON":                     "{\"name\": \"versus\", \"ok\": true, \"n\": [1, 2.5, null]}\n",
	"Makefile":                 "test:\n\tpytest -q $(ARGS)\n.PHONY: test\n",
	"Nginx configuration file": "server {\n    listen 80;\n    location / { proxy_pass http://127.0.0.1:8000; }\n}\n",
	"plaintext":                "just text <b>\n",
	"Python":                   "@app.get(\"/items/{id}\")\nasync def read(id: int, q: str | None = None) -> dict:\n    return {\"id\": id, 'q': f\"{q!r}\"}  # comment\n",
	"SQL":                      "SELECT id, name FROM users WHERE id = 1 ORDER BY name;\n",
	"TOML":                     "[project]\nname = \"app\"\ndependencies = [\"django>=5.2\"]\n",
	"TypeScript":               "interface A { x: number }\nconst a: A = { x: 1 };\n",
	"XML":                      "<?xml version=\"1.0\"?><a b=\"c\"><!-- d --></a>\n",
	"YAML":                     "services:\n  web:\n    image: versus  # comment\n    ports: [\"8080:8080\"]\n",
}

// TestCuratedLexersMatchChroma checks the copies in lexers/ against the chroma module in
// go.mod: each curated lexer has the configuration chroma's own has and lexes its sample
// into the same tokens.
func TestCuratedLexersMatchChroma(t *testing.T) {
	paths, err := fs.Glob(curatedLexers, "lexers/*.xml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no curated lexers: %v", err)
	}
	for _, path := range paths {
		ours, err := chroma.NewXMLLexer(curatedLexers, path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		ours.SetRegistry(registry)
		name := ours.Config().Name
		theirs := lexers.Get(name)
		if theirs == nil {
			t.Errorf("%s: chroma has no lexer named %q", path, name)
			continue
		}
		if !reflect.DeepEqual(ours.Config(), theirs.Config()) {
			t.Errorf("%s: configuration differs from chroma's:\n ours   %+v\n chroma %+v", path, ours.Config(), theirs.Config())
		}
		sample, ok := lexerSamples[name]
		if !ok {
			t.Errorf("%s: no sample for %q in lexerSamples", path, name)
			continue
		}
		if got, want := tokens(t, ours, sample), tokens(t, theirs, sample); !reflect.DeepEqual(got, want) {
			t.Errorf("%s lexes its sample differently from chroma's:\n ours   %v\n chroma %v", name, got, want)
		}
	}
	if len(paths) != len(lexerSamples) {
		t.Errorf("%d curated lexers, %d samples", len(paths), len(lexerSamples))
	}
}

// TestRegistryKnowsTheContentsLanguages checks the languages the shipped content and
// common self-hosted content use, aliases included.
func TestRegistryKnowsTheContentsLanguages(t *testing.T) {
	for _, lang := range []string{"python", "py", "html", "html+jinja", "html+django", "jinja", "css", "yaml", "json", "text", "sh", "bash", "console", "toml", "ini", "dockerfile", "sql", "javascript", "diff"} {
		if registry.Get(lang) == nil {
			t.Errorf("no lexer for %q", lang)
		}
	}
}

func tokens(t *testing.T, l chroma.Lexer, code string) []chroma.Token {
	t.Helper()
	it, err := chroma.Coalesce(l).Tokenise(nil, code)
	if err != nil {
		t.Fatalf("%s: %v", l.Config().Name, err)
	}
	return it.Tokens()
}
