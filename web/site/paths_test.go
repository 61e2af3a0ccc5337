package site

import "testing"

func TestPreviewPaths(t *testing.T) {
	for page, want := range map[string]string{
		HomePath:                            "/preview/index.png",
		RowPath("flask-vs-django", "orm"):   "/preview/compare/flask-vs-django/orm.png",
		ComparisonPath("flask-vs-django"):   "/preview/compare/flask-vs-django.png",
		ChoosePath("flask-vs-django"):       "/preview/compare/flask-vs-django/choose.png",
		GuidesPath:                          "/preview/guides.png",
		(&Guide{Slug: "start-here"}).Path(): "/preview/guides/start-here.png",
	} {
		if got := PreviewPath(page); got != want {
			t.Errorf("PreviewPath(%q) = %q, want %q", page, got, want)
		}
	}
	if got := ErrorPreviewPath(404); got != "/preview/errors/404.png" {
		t.Errorf("ErrorPreviewPath(404) = %q", got)
	}
}
