package site

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/invopop/jsonschema"
	validator "github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/versus-dev/versus/content"
)

// The JSON Schemas of the content's front matter and choose.yaml are generated from the
// Go types the loader decodes them into, and committed in content/schema so that authors'
// editors can complete and check what they write. go test ./web/site -run Schemas -update
// rewrites them.
var updateSchemas = flag.Bool("update", false, "rewrite content/schema from the Go types")

const schemaDir = "../../content/schema"

// schemaBaseURL is where the schemas are published (their $id).
const schemaBaseURL = "https://github.com/versus-dev/versus/raw/main/content/schema/"

// schemaTypes maps each schema file to the type it describes and the content files it
// applies to.
var schemaTypes = []struct {
	name    string
	v       any
	pattern string
	title   string
}{
	{"comparison", comparisonMeta{}, "comparisons/*/index.md", "Versus comparison (comparisons/<subjects>/index.md front matter)"},
	{"row", rowMeta{}, "comparisons/*/rows/*.md", "Versus feature row (comparisons/<subjects>/rows/<row-id>.md front matter)"},
	{"choose", chooseMeta{}, "comparisons/*/choose.yaml", "Versus decision helper (comparisons/<subjects>/choose.yaml)"},
	{"profile", frameworkMeta{}, "frameworks/*.md", "Versus framework profile (frameworks/<id>.md front matter)"},
	{"guide", guideMeta{}, "guides/*.md", "Versus guide (guides/<slug>.md front matter)"},
}

func generateSchema(name string, v any, title string) []byte {
	r := &jsonschema.Reflector{
		FieldNameTag:               "yaml",
		RequiredFromJSONSchemaTags: true,
		DoNotReference:             true,
		ExpandedStruct:             true,
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			if t == reflect.TypeOf(date{}) {
				return &jsonschema.Schema{Type: "string", Format: "date"}
			}
			return nil
		},
	}
	s := r.Reflect(v)
	if _, ok := v.(rowMeta); ok {
		requireSupportByKind(s)
	}
	s.ID = jsonschema.ID(schemaBaseURL + name + ".schema.json")
	s.Title = title
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(out, '\n')
}

// requireSupportByKind adds the rule of a row's cells to its schema, which reflection
// cannot express: in a trait row (kind: trait) no cell has a support level, in any other
// row every cell has one.
func requireSupportByKind(s *jsonschema.Schema) {
	cells := func(cell *jsonschema.Schema) *jsonschema.Schema {
		props := jsonschema.NewProperties()
		props.Set("cells", &jsonschema.Schema{AdditionalProperties: cell})
		return &jsonschema.Schema{Properties: props}
	}
	kind := jsonschema.NewProperties()
	kind.Set("kind", &jsonschema.Schema{Const: string(KindTrait)})
	s.If = &jsonschema.Schema{Properties: kind, Required: []string{"kind"}}
	s.Then = cells(&jsonschema.Schema{Not: &jsonschema.Schema{Required: []string{"support"}}})
	s.Else = cells(&jsonschema.Schema{Required: []string{"support"}})
}

func TestSchemasAreCurrent(t *testing.T) {
	for _, st := range schemaTypes {
		file := filepath.Join(schemaDir, st.name+".schema.json")
		want := generateSchema(st.name, st.v, st.title)
		if *updateSchemas {
			if err := os.WriteFile(file, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not what the Go types make: run go test ./web/site -run Schemas -update", file)
		}
	}
}

// compileSchema compiles a committed schema with a real JSON Schema validator.
func compileSchema(t *testing.T, name string) *validator.Schema {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(schemaDir, name+".schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := validator.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := validator.NewCompiler()
	c.AssertFormat()
	url := schemaBaseURL + name + ".schema.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// asJSON turns decoded YAML into the values a JSON document would have.
func asJSON(t *testing.T, yamlText []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(yamlText, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				v[k] = walk(x)
			}
		case []any:
			for i, x := range v {
				v[i] = walk(x)
			}
		case time.Time:
			return v.Format("2006-01-02")
		}
		return v
	}
	data, err := json.Marshal(walk(v))
	if err != nil {
		t.Fatal(err)
	}
	out, err := validator.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestShippedContentMatchesSchemas validates every shipped file's front matter (and
// choose.yaml) against the committed schemas.
func TestShippedContentMatchesSchemas(t *testing.T) {
	checked := 0
	for _, st := range schemaTypes {
		schema := compileSchema(t, st.name)
		files, err := fs.Glob(content.FS, st.pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("no files match %s (%v)", st.pattern, err)
		}
		for _, file := range files {
			data, err := fs.ReadFile(content.FS, file)
			if err != nil {
				t.Fatal(err)
			}
			front := data
			if path.Ext(file) == ".md" {
				if front, _, _, err = SplitFrontMatter(data); err != nil {
					t.Fatalf("%s: %v", file, err)
				}
			}
			if err := schema.Validate(asJSON(t, front)); err != nil {
				t.Errorf("%s does not match %s.schema.json: %v", file, st.name, err)
			}
			checked++
		}
	}
	t.Logf("%d files match their schemas", checked)
}

// TestSchemasRejectMistakes: the schemas catch what an author's editor should flag.
func TestSchemasRejectMistakes(t *testing.T) {
	row := compileSchema(t, "row")
	for _, front := range []string{
		"title: ORM\ncategory: data\ncells: {flask: {support: yes, text: x}}\nsources: [{title: t, url: 'https://x.example/', read: 2026-12-04}]\nreviewed: 2026-12-04\n",                      // bad support
		"title: ORM\ncategory: data\ncells: {}\nsources: [{title: t, url: 'https://x.example/', read: 2026-12-04}]\nreviewed: 2026-12-04\nverdit: tie\n",                                       // unknown key
		"title: ORM\ncategory: data\ncells: {}\nsources: []\nreviewed: 2026-12-04\n",                                                                                                           // no source
		"title: ORM\ncategory: data\ncells: {}\nsources: [{title: t, url: 'https://x.example/', read: 2026-12-04}]\nreviewed: last week\n",                                                     // not a date
		"title: ORM\ncategory: data\ncells: {flask: {text: x}}\nsources: [{title: t, url: 'https://x.example/', read: 2026-12-04}]\nreviewed: 2026-12-04\n",                                    // a feature cell without support
		"title: Licence\ncategory: data\nkind: trait\ncells: {flask: {support: builtin, text: x}}\nsources: [{title: t, url: 'https://x.example/', read: 2026-12-04}]\nreviewed: 2026-12-04\n", // a badge on a trait
		"title: Licence\ncategory: data\nkind: fact\ncells: {flask: {text: x}}\nsources: [{title: t, url: 'https://x.example/', read: 2026-12-04}]\nreviewed: 2026-12-04\n",                    // unknown kind
	} {
		if err := row.Validate(asJSON(t, []byte(front))); err == nil {
			t.Errorf("the row schema accepts:\n%s", front)
		}
	}
	if err := row.Validate(asJSON(t, []byte("title: ORM\ncategory: data\ncells: {flask: {support: none, text: x}}\npairs: {a-vs-b: {verdict: tie, summary: s}}\nsources: [{title: t, url: 'https://x.example/', read: 2026-12-04, subjects: [flask]}]\nreviewed: 2026-12-04\n"))); err != nil {
		t.Errorf("the row schema rejects a valid row: %v", err)
	}
	if err := row.Validate(asJSON(t, []byte("title: Licence\ncategory: data\nkind: trait\ncells: {flask: {text: BSD-3-Clause}}\nsources: [{title: t, url: 'https://x.example/', read: 2026-12-04}]\nreviewed: 2026-12-04\n"))); err != nil {
		t.Errorf("the row schema rejects a valid trait row: %v", err)
	}
}
