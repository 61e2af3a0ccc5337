package site

// The front matter of each kind of file, as written. Unknown keys are errors. The
// jsonschema tags shape the JSON Schemas published in content/schema (see schema_test.go).
type (
	comparisonMeta struct {
		Title      string              `yaml:"title" jsonschema:"required" jsonschema_description:"The all-subjects table's title; with two subjects the pair's"`
		Summary    string              `yaml:"summary" jsonschema:"required"`
		Subjects   []subjectMeta       `yaml:"subjects" jsonschema:"required,minItems=2" jsonschema_description:"The subjects in column order"`
		Pairs      map[string]pairMeta `yaml:"pairs" jsonschema_description:"Each pair page's title, summary and short answer, keyed by pair (flask-vs-fastapi)"`
		Answer     string              `yaml:"answer" jsonschema_description:"Two-subject comparisons only: the pair page's short answer (with three subjects or more, each pair has its own)"`
		Categories []categoryMeta      `yaml:"categories" jsonschema:"required,minItems=1"`
		Reviewed   date                `yaml:"reviewed" jsonschema:"required"`
	}
	subjectMeta struct {
		ID     string `yaml:"id" jsonschema:"required,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
		Name   string `yaml:"name" jsonschema:"required"`
		Covers string `yaml:"covers" jsonschema_description:"The versions the content was written against, such as 5.2 LTS and 6.1; held to what the samples' lock files pin"`
		// Samples names the environments the subject's code samples run in: lock files
		// samples/<name>.txt, each pinning the subject's own package.
		Samples []string `yaml:"samples" jsonschema_description:"The environments its code samples run in, each a lock file samples/<name>.txt (django-py313)"`
	}
	pairMeta struct {
		Title   string `yaml:"title" jsonschema:"required"`
		Summary string `yaml:"summary" jsonschema:"required"`
		Answer  string `yaml:"answer" jsonschema_description:"The short answer the pair page opens on: one paragraph, argued for the pair (when to pick which), not a count of verdicts"`
	}
	categoryMeta struct {
		ID    string `yaml:"id" jsonschema:"required,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
		Title string `yaml:"title" jsonschema:"required"`
	}
	rowMeta struct {
		Title    string                 `yaml:"title" jsonschema:"required"`
		Category string                 `yaml:"category" jsonschema:"required" jsonschema_description:"A category id from index.md"`
		Order    int                    `yaml:"order" jsonschema_description:"Position within the category"`
		Kind     string                 `yaml:"kind" jsonschema:"enum=feature,enum=trait" jsonschema_description:"feature (the default): each cell says whether the framework ships it, with a support level; trait: the row describes the framework (philosophy, licence, policy) and its cells have no support level"`
		Aliases  []string               `yaml:"aliases" jsonschema_description:"Old ids whose links must keep working"`
		Cells    map[string]cellMeta    `yaml:"cells" jsonschema:"required" jsonschema_description:"One cell per subject, keyed by subject id"`
		Pairs    map[string]verdictMeta `yaml:"pairs" jsonschema_description:"A verdict per pair, keyed by pair (flask-vs-fastapi)"`
		// Summary and Verdict are the shorthand of a two-subject comparison, whose one pair
		// needs no pairs mapping.
		Summary  string       `yaml:"summary" jsonschema_description:"Two-subject shorthand only: the pair's summary"`
		Verdict  string       `yaml:"verdict" jsonschema_description:"Two-subject shorthand only: a subject id or tie"`
		Sources  []sourceMeta `yaml:"sources" jsonschema:"required,minItems=1"`
		Reviewed date         `yaml:"reviewed" jsonschema:"required"`
	}
	verdictMeta struct {
		Verdict string `yaml:"verdict" jsonschema:"required" jsonschema_description:"One of the pair's two subject ids, or tie"`
		Summary string `yaml:"summary" jsonschema:"required"`
		// Reviewed, when later than the row's, is when this pair's verdict and explanation
		// were last checked.
		Reviewed date `yaml:"reviewed"`
	}
	cellMeta struct {
		Support string `yaml:"support" jsonschema:"enum=builtin,enum=extension,enum=partial,enum=none" jsonschema_description:"Required in a feature row, not allowed in a trait row (see content/README.md, Support levels)"`
		Text    string `yaml:"text" jsonschema:"required"`
	}
	sourceMeta struct {
		Title    string   `yaml:"title" jsonschema:"required"`
		URL      string   `yaml:"url" jsonschema:"required,format=uri"`
		Read     date     `yaml:"read" jsonschema:"required"`
		Subjects []string `yaml:"subjects" jsonschema_description:"The subjects it documents; none means every subject"`
	}
	frameworkMeta struct {
		Title    string       `yaml:"title" jsonschema:"required"`
		Summary  string       `yaml:"summary" jsonschema:"required"`
		Facts    []factMeta   `yaml:"facts"`
		Links    []linkMeta   `yaml:"links"`
		Sources  []sourceMeta `yaml:"sources" jsonschema:"required,minItems=1"`
		Reviewed date         `yaml:"reviewed" jsonschema:"required"`
	}
	factMeta struct {
		Label string `yaml:"label" jsonschema:"required"`
		Value string `yaml:"value" jsonschema:"required"`
	}
	linkMeta struct {
		Title string `yaml:"title" jsonschema:"required"`
		URL   string `yaml:"url" jsonschema:"required,format=uri"`
	}
	guideMeta struct {
		Title    string       `yaml:"title" jsonschema:"required"`
		Summary  string       `yaml:"summary" jsonschema:"required"`
		Reviewed date         `yaml:"reviewed" jsonschema:"required"`
		Sources  []sourceMeta `yaml:"sources"`
	}
)
