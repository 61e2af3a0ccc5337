// Package sitetest provides a small, valid content tree for tests of the packages that
// load or serve content. Tests change one file to break it.
package sitetest

import (
	"testing/fstest"
)

// FS returns a fresh copy of the fixture content: one comparison with two rows (one with
// an alias and a code pair), one framework profile and one guide.
func FS() fstest.MapFS {
	return fstest.MapFS{
		"comparisons/flask-vs-django/index.md": {Data: []byte(`---
title: Flask vs Django
summary: Two Python web frameworks compared.
subjects:
  - {id: flask, name: Flask}
  - {id: django, name: Django}
categories:
  - {id: data, title: Data}
  - {id: security, title: Security}
reviewed: 2026-11-01
---
Intro with a [link to the ORM row](/compare/flask-vs-django#orm).
`)},
		"comparisons/flask-vs-django/rows/orm.md": {Data: []byte(`---
title: ORM
category: data
order: 10
aliases: [database]
summary: Django ships an ORM; Flask leaves the choice to you.
verdict: django
cells:
  flask:  {support: extension, text: "Flask-SQLAlchemy"}
  django: {support: builtin,   text: "Django ORM"}
sources:
  - {title: "Django docs: Models", url: "https://docs.djangoproject.com/en/5.2/topics/db/models/", read: 2026-11-01}
reviewed: 2026-11-01
---
## Why it matters

See [the guide](/guides/start-here) and [CSRF](/compare/flask-vs-django/csrf).

` + "```python {framework=flask file=app.py}\nfrom flask import Flask\napp = Flask(__name__)\n```\n\n```python {framework=django file=models.py}\nfrom django.db import models\n```\n")},
		"comparisons/flask-vs-django/rows/csrf.md": {Data: []byte(`---
title: CSRF protection
category: security
order: 10
summary: Django protects forms by default; Flask needs Flask-WTF.
verdict: django
cells:
  flask:  {support: extension, text: "Flask-WTF CSRFProtect"}
  django: {support: builtin,   text: "CsrfViewMiddleware, on by default"}
sources:
  - {title: "Django docs: CSRF", url: "https://docs.djangoproject.com/en/5.2/ref/csrf/", read: 2026-11-01}
reviewed: 2026-11-01
---
Explanation.
`)},
		"frameworks/flask.md": {Data: []byte(`---
title: Flask
summary: A micro-framework.
facts:
  - {label: Licence, value: BSD-3-Clause}
links:
  - {title: Documentation, url: "https://flask.palletsprojects.com/"}
sources:
  - {title: "Flask docs", url: "https://flask.palletsprojects.com/", read: 2026-11-01}
reviewed: 2026-11-01
---
Profile.
`)},
		"guides/start-here.md": {Data: []byte(`---
title: Start here
summary: Where to begin.
reviewed: 2026-11-01
---
## First steps

Read [the ORM row](/compare/flask-vs-django/orm) and [Flask](/frameworks/flask).
`)},
	}
}
