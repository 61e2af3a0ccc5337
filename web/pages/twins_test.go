package pages

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestMachineReadableTwinsMatchTheHTML(t *testing.T) {
	r := shippedRenderer(t)
	pages := renderAll(t, r)
	html := rowIDs(parse(t, pages["/compare/flask-vs-django"].Body))

	var cmp ComparisonJSON
	dec := json.NewDecoder(bytes.NewReader(pages["/compare/flask-vs-django.json"].Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cmp); err != nil {
		t.Fatal(err)
	}
	if len(cmp.Rows) != len(html) || len(cmp.Subjects) != 2 || cmp.URL != "https://versus.example/compare/flask-vs-django" {
		t.Fatalf("JSON: %d rows (HTML %d), %d subjects, url %q", len(cmp.Rows), len(html), len(cmp.Subjects), cmp.URL)
	}
	if len(cmp.Categories) == 0 || cmp.Reviewed == "" || cmp.Summary == "" {
		t.Errorf("JSON lacks categories, reviewed date or summary: %+v", cmp.Categories)
	}
	for i, row := range cmp.Rows {
		if row.ID != html[i] {
			t.Errorf("JSON row %d is %q, HTML row is %q", i, row.ID, html[i])
		}
		if len(row.Cells) != 2 || (row.Cells["flask"].Support == "") != (row.Kind == "trait") || row.Cells["django"].Text == "" || len(row.Sources) == 0 || row.Reviewed == "" {
			t.Errorf("row %s is incomplete: %+v", row.ID, row)
		}
	}

	records, err := csv.NewReader(bytes.NewReader(pages["/compare/flask-vs-django.csv"].Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != len(html)+1 || strings.Join(records[0], ",") != "id,title,category,verdict,summary,flask_support,flask_text,django_support,django_text,url,reviewed,kind" {
		t.Errorf("CSV: %d records, header %v", len(records), records[0])
	}
	for i, rec := range records[1:] {
		if rec[0] != html[i] {
			t.Errorf("CSV row %d is %q, HTML row is %q", i, rec[0], html[i])
		}
	}

	for _, row := range r.Site().Comparison("flask-vs-django").Rows {
		var twin RowJSON
		if err := json.Unmarshal(pages[row.JSONPath()].Body, &twin); err != nil {
			t.Fatalf("%s: %v", row.JSONPath(), err)
		}
		if twin.ID != row.ID || twin.URL != "https://versus.example"+row.Path() {
			t.Errorf("%s = %+v", row.JSONPath(), twin)
		}
	}
}

func TestRowJSONFields(t *testing.T) {
	pages := renderAll(t, fixtureRenderer(t))
	var orm map[string]any
	if err := json.Unmarshal(pages["/compare/flask-vs-django/orm.json"].Body, &orm); err != nil {
		t.Fatal(err)
	}
	// The field names are part of the public interface documented in README.md.
	want := `{"aliases":["database"],"category":"data","cells":{"django":{"support":"builtin","text":"Django ORM"},"flask":{"support":"extension","text":"Flask-SQLAlchemy"}},"id":"orm","kind":"feature","reviewed":"2026-11-01","sources":[{"read":"2026-11-01","title":"Django docs: Models","url":"https://docs.djangoproject.com/en/5.2/topics/db/models/"}],"summary":"Django ships an ORM; Flask leaves the choice to you.","title":"ORM","url":"https://versus.example/compare/flask-vs-django/orm","verdict":"django"}`
	got, _ := json.Marshal(orm)
	if string(got) != want {
		t.Errorf("orm.json =\n%s\nwant\n%s", got, want)
	}
	var csrf RowJSON
	if err := json.Unmarshal(pages["/compare/flask-vs-django/csrf.json"].Body, &csrf); err != nil {
		t.Fatal(err)
	}
	if csrf.Aliases == nil {
		t.Error("a row without aliases should list none as [], not null")
	}
}

// TestTableTwins: the table of every subject has JSON and CSV twins with every cell and
// each pair's verdict and summary, in the order of the HTML.
func TestTableTwins(t *testing.T) {
	r := shippedRenderer(t)
	pages := renderAll(t, r)
	table := r.Site().Table("flask-vs-django-vs-fastapi")
	html := rowIDs(parse(t, pages[table.Path()].Body))

	var v TableJSON
	dec := json.NewDecoder(bytes.NewReader(pages[table.JSONPath()].Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	if len(v.Subjects) != 3 || len(v.Pairs) != 3 || v.Pairs[2].ID != "django-vs-fastapi" || v.Pairs[2].Answer == "" ||
		v.Pairs[0].URL != "https://versus.example/compare/flask-vs-django" || strings.Join(v.Pairs[1].Subjects, ",") != "flask,fastapi" {
		t.Errorf("subjects %+v, pairs %+v", v.Subjects, v.Pairs)
	}
	if len(v.Rows) != len(html) {
		t.Fatalf("%d JSON rows, %d in the HTML", len(v.Rows), len(html))
	}
	for i, row := range v.Rows {
		if row.ID != html[i] || len(row.Cells) != 3 || len(row.Pairs) != 3 || row.URL != "https://versus.example/compare/flask-vs-django-vs-fastapi#"+row.ID {
			t.Errorf("row %d = %+v (HTML %q)", i, row, html[i])
		}
		for _, pair := range table.Pairs {
			pv := row.Pairs[pair.Slug]
			want := pair.Row(row.ID)
			if pv.Verdict != want.Verdict || pv.Summary != want.Summary || pv.URL != "https://versus.example"+want.Path() {
				t.Errorf("%s in %s = %+v", row.ID, pair.Slug, pv)
			}
		}
		if (row.Kind == "trait") != (row.Cells["fastapi"].Support == "") {
			t.Errorf("%s: a %s row with support %q", row.ID, row.Kind, row.Cells["fastapi"].Support)
		}
	}

	records, err := csv.NewReader(bytes.NewReader(pages[table.CSVPath()].Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := "id,title,category,kind,flask_support,flask_text,django_support,django_text,fastapi_support,fastapi_text," +
		"flask-vs-django_verdict,flask-vs-django_summary,flask-vs-fastapi_verdict,flask-vs-fastapi_summary,django-vs-fastapi_verdict,django-vs-fastapi_summary,url,reviewed"; strings.Join(records[0], ",") != want {
		t.Errorf("CSV header %v", records[0])
	}
	if len(records) != len(html)+1 {
		t.Errorf("%d CSV records for %d rows", len(records), len(html))
	}
	orm := table.Row("orm")
	for _, rec := range records[1:] {
		if rec[0] == "orm" && (rec[10] != orm.InPairs()[0].Verdict || rec[11] != orm.InPairs()[0].Summary || rec[5] != orm.Cells[0].Text) {
			t.Errorf("the orm line = %v", rec)
		}
	}
	doc := parse(t, pages[table.Path()].Body)
	if doc.Find(`link[rel=alternate][type="text/csv"]`).AttrOr("href", "") != table.CSVPath() || doc.Find(`.twins a[href="`+table.JSONPath()+`"]`).Length() != 1 {
		t.Error("the table's twins are not linked from it")
	}
}
