package sitetest

import (
	"strings"
	"testing/fstest"
)

// ThreeFS returns a fresh copy of a fixture comparing three subjects: Flask, Django and
// FastAPI, with two rows written in sections (an explanation per pair and shared code),
// profiles and a guide.
func ThreeFS() fstest.MapFS {
	const dir = "comparisons/flask-vs-django-vs-fastapi/"
	return fstest.MapFS{
		dir + "index.md": {Data: []byte(`---
title: Flask vs Django vs FastAPI
summary: Three Python web frameworks compared.
subjects:
  - {id: flask, name: Flask, covers: "3.1"}
  - {id: django, name: Django, covers: "5.2 LTS"}
  - {id: fastapi, name: FastAPI, covers: "0.165"}
pairs:
  flask-vs-django: {title: Flask vs Django, summary: Two classic Python web frameworks compared.}
  flask-vs-fastapi: {title: Flask vs FastAPI, summary: A micro-framework and an API framework compared.}
  django-vs-fastapi: {title: Django vs FastAPI, summary: A full-stack framework and an API framework compared.}
categories:
  - {id: data, title: Data}
  - {id: apis, title: APIs}
reviewed: 2026-12-01
---
<!-- flask-vs-django-vs-fastapi -->
Every cell of the three, with a [link to the ORM row](/compare/flask-vs-django/orm).

<!-- flask-vs-django -->
Flask and Django, intro.

<!-- flask-vs-fastapi -->
Flask and FastAPI, intro.

<!-- django-vs-fastapi -->
Django and FastAPI, intro.
`)},
		dir + "rows/orm.md": {Data: []byte(`---
title: ORM
category: data
order: 10
aliases: [database]
cells:
  flask:   {support: extension, text: "Flask-SQLAlchemy"}
  django:  {support: builtin,   text: "Django ORM"}
  fastapi: {support: extension, text: "SQLModel or SQLAlchemy"}
pairs:
  flask-vs-django:   {verdict: django, summary: "Django ships an ORM; Flask leaves the choice to you."}
  flask-vs-fastapi:  {verdict: tie, summary: "Neither ships an ORM."}
  django-vs-fastapi: {verdict: django, summary: "Django ships an ORM; FastAPI does not."}
sources:
  - {title: "Django docs: Models", url: "https://docs.djangoproject.com/en/5.2/topics/db/models/", read: 2026-12-01, subjects: [django]}
  - {title: "FastAPI docs: SQL databases", url: "https://fastapi.tiangolo.com/tutorial/sql-databases/", read: 2026-12-01, subjects: [fastapi]}
reviewed: 2026-12-01
---
<!-- flask-vs-django -->
` + Words("Flask and Django differ here", 85) + ` See [CSRF](/compare/flask-vs-django/csrf).

<!-- flask-vs-fastapi -->
` + Words("Flask and FastAPI both leave it to you", 85) + `

<!-- django-vs-fastapi -->
` + Words("Django has one and FastAPI has none", 85) + `

<!-- code -->
The same task in each framework.

` + "```python {framework=flask file=app.py}\nfrom flask import Flask\napp = Flask(__name__)\n```\n\n```python {framework=django file=models.py}\nfrom django.db import models\n```\n\n```python {framework=fastapi file=main.py}\nfrom fastapi import FastAPI\napp = FastAPI()\n```\n\n**Django:** a note on the Django model.\n\n**FastAPI:** a note on the\nFastAPI app.\n")},
		dir + "rows/csrf.md": {Data: []byte(`---
title: CSRF protection
category: apis
order: 10
cells:
  flask:   {support: extension, text: "Flask-WTF CSRFProtect"}
  django:  {support: builtin,   text: "CsrfViewMiddleware, on by default"}
  fastapi: {support: none,      text: "None"}
pairs:
  flask-vs-django:   {verdict: django, summary: "Django protects forms by default."}
  flask-vs-fastapi:  {verdict: flask, summary: "Flask-WTF covers forms; FastAPI has nothing."}
  django-vs-fastapi: {verdict: django, summary: "Django protects forms by default; FastAPI does not.", reviewed: 2026-12-03}
sources:
  - {title: "Django docs: CSRF", url: "https://docs.djangoproject.com/en/5.2/ref/csrf/", read: 2026-12-01}
reviewed: 2026-12-01
---
<!-- flask-vs-django -->
` + Words("Django protects forms", 81) + `

<!-- flask-vs-fastapi -->
` + Words("Flask has an extension", 81) + `

<!-- django-vs-fastapi -->
` + Words("Django is on by default", 81) + `
`)},
		"frameworks/fastapi.md": {Data: []byte(`---
title: FastAPI
summary: An API framework.
sources:
  - {title: "FastAPI docs", url: "https://fastapi.tiangolo.com/", read: 2026-12-01}
reviewed: 2026-12-01
---
Profile.
`)},
		"guides/start-here.md": {Data: []byte(`---
title: Start here
summary: Where to begin.
reviewed: 2026-12-01
---
## First steps

Read [the ORM row](/compare/flask-vs-fastapi/orm) and [the table](/compare/flask-vs-django-vs-fastapi).
`)},
	}
}

// Words returns a sentence that starts with lead and has n words in all.
func Words(lead string, n int) string {
	words := strings.Fields(lead)
	for i := 0; len(words) < n; i++ {
		words = append(words, "word")
	}
	return strings.Join(words, " ") + "."
}
