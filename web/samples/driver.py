"""Runs one Versus code sample against the installed Flask or Django.

Reads a JSON spec on stdin:
  {"mode": "run", "framework": "flask"|"django", "files": [{"name": ..., "code": ...}],
   "check": {"request": "GET /x", "form": ..., "json": ..., "status": "200",
             "contains": ..., "header": ..., "cli": ..., "unittest": ..., "setup": ...}}
or {"mode": "parse", "blocks": [{"id": ..., "code": ...}]} to check that Python parses.
Prints one JSON line {"ok": bool, "detail": str} and exits 0 when ok, 1 otherwise.
"""

import ast
import contextlib
import io
import json
import os
import shlex
import sys
import tempfile
import traceback
import unittest
from urllib.parse import parse_qsl

DJANGO_SETTINGS = '''
SECRET_KEY = "versus-sample-harness-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "sample",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = {urlconf!r}
TEMPLATES = [{{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {{"context_processors": [
        "django.template.context_processors.debug",
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]}},
}}]
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {db!r}}}}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
STATIC_URL = "/static/"
STATIC_ROOT = {static!r}
'''


def write_files(root, files):
    for f in files:
        path = os.path.join(root, f["name"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(f["code"])
    # Folders holding Python files become packages, as a real project would make them.
    for folder, _, names in os.walk(root):
        if folder != root and any(n.endswith(".py") for n in names) and "__init__.py" not in names:
            open(os.path.join(folder, "__init__.py"), "w").close()


def check_response(check, status, body, headers):
    want = int(check.get("status") or 200)
    problems = []
    if status != want:
        problems.append(f"status {status}, want {want}")
    if check.get("contains") and check["contains"] not in body:
        problems.append(f"body does not contain {check['contains']!r}")
    if check.get("header"):
        name, _, value = check["header"].partition(":")
        got = headers.get(name.strip())
        if got is None or value.strip() not in got:
            problems.append(f"header {name.strip()}: {got!r}, want {value.strip()!r}")
    if problems:
        return False, "; ".join(problems) + "\n--- body ---\n" + body[:1500]
    return True, f"{check.get('request') or check.get('cli')} -> {status}"


def split_request(check):
    method, _, path = check["request"].partition(" ")
    return method.upper(), path.strip() or "/"


def run_unittests(suite):
    count = suite.countTestCases()
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=1).run(suite)
    if count == 0:
        return False, "unittest=1 but no test was found"
    if not result.wasSuccessful():
        return False, stream.getvalue()[-3000:]
    return True, f"{result.testsRun} test(s) passed"


def run_flask(root, files, check):
    write_files(root, files)
    os.chdir(root)
    sys.path.insert(0, root)
    if check.get("unittest"):
        return run_unittests(unittest.defaultTestLoader.discover(root, pattern="test*.py", top_level_dir=root))
    import app as module  # the sample's app.py

    application = getattr(module, "app", None)
    if application is None and hasattr(module, "create_app"):
        application = module.create_app()
    if application is None:
        return False, "app.py defines neither `app` nor `create_app()`"
    application.config["TESTING"] = True
    if check.get("setup"):
        with application.app_context():
            exec(check["setup"], vars(module))
    if check.get("cli"):
        result = application.test_cli_runner().invoke(args=shlex.split(check["cli"]))
        if result.exception and not isinstance(result.exception, SystemExit):
            return False, "".join(traceback.format_exception(type(result.exception), result.exception, result.exception.__traceback__))
        return check_response(check, 200 if result.exit_code == 0 else 500, result.output, {})
    method, path = split_request(check)
    client = application.test_client()
    kwargs = {"method": method}
    if check.get("form"):
        kwargs["data"] = dict(parse_qsl(check["form"], keep_blank_values=True))
    if check.get("json"):
        kwargs["json"] = json.loads(check["json"])
    response = client.open(path, **kwargs)
    return check_response(check, response.status_code, response.get_data(as_text=True), response.headers)


def run_django(root, files, check):
    app_dir = os.path.join(root, "sample")
    extra_settings = "".join(f["code"] for f in files if f["name"] == "settings.py")
    app_files = [f for f in files if f["name"] != "settings.py"]
    write_files(app_dir, app_files)
    for pkg in (app_dir, os.path.join(app_dir, "migrations")):
        os.makedirs(pkg, exist_ok=True)
        open(os.path.join(pkg, "__init__.py"), "a").close()
    has_urls = any(f["name"] == "urls.py" for f in app_files)
    with open(os.path.join(root, "project_urls.py"), "w") as out:
        out.write("urlpatterns = []\n")
    with open(os.path.join(root, "project_settings.py"), "w") as out:
        out.write(DJANGO_SETTINGS.format(
            urlconf="sample.urls" if has_urls else "project_urls",
            db=os.path.join(root, "db.sqlite3"),
            static=os.path.join(root, "static"),
        ))
        out.write("\n# --- the sample's settings.py ---\n" + extra_settings)
    os.chdir(root)
    sys.path.insert(0, root)
    os.environ["DJANGO_SETTINGS_MODULE"] = "project_settings"
    import django
    from django.core.management import call_command

    django.setup()
    quiet = io.StringIO()
    call_command("makemigrations", "sample", verbosity=0, stdout=quiet)
    call_command("migrate", verbosity=0, stdout=quiet)
    if check.get("unittest"):
        from django.conf import settings
        from django.test.utils import get_runner

        runner = get_runner(settings)(verbosity=0, interactive=False)
        count = runner.build_suite(["sample"]).countTestCases()
        if count == 0:
            return False, "unittest=1 but no test was found in the sample"
        stream = io.StringIO()
        with contextlib.redirect_stderr(stream):
            failures = runner.run_tests(["sample"])
        if failures:
            return False, stream.getvalue()[-3000:]
        return True, f"{count} test(s) passed"
    from django.test.utils import setup_test_environment

    setup_test_environment()
    if check.get("setup"):
        namespace = {}
        try:
            import sample.models as models

            namespace.update(vars(models))
        except ImportError:
            pass
        exec(check["setup"], namespace)
    if check.get("cli"):
        out = io.StringIO()
        args = shlex.split(check["cli"])
        try:
            call_command(*args, stdout=out, stderr=out)
            code = 200
        except SystemExit as exc:
            code = 200 if not exc.code else 500
        return check_response(check, code, out.getvalue(), {})
    from django.test import Client

    method, path = split_request(check)
    client = Client()
    if check.get("json"):
        response = client.generic(method, path, check["json"], content_type="application/json")
    elif check.get("form"):
        data = dict(parse_qsl(check["form"], keep_blank_values=True))
        if method == "POST":
            response = client.post(path, data)
        else:
            from urllib.parse import urlencode

            response = client.generic(method, path, urlencode(data), content_type="application/x-www-form-urlencoded")
    else:
        response = client.generic(method, path)
    body = response.content.decode("utf-8", "replace") if not getattr(response, "streaming", False) else b"".join(response.streaming_content).decode()
    return check_response(check, response.status_code, body, response)


def main():
    spec = json.load(sys.stdin)
    if spec["mode"] == "parse":
        failures = []
        for block in spec["blocks"]:
            try:
                ast.parse(block["code"])
            except SyntaxError as exc:
                failures.append({"id": block["id"], "error": f"line {exc.lineno}: {exc.msg}"})
        print(json.dumps({"ok": not failures, "failures": failures}))
        return 0 if not failures else 1
    root = tempfile.mkdtemp(prefix="versus-sample-")
    runner = run_flask if spec["framework"] == "flask" else run_django
    try:
        ok, detail = runner(root, spec["files"], spec["check"])
    except Exception:
        ok, detail = False, traceback.format_exc()[-4000:]
    print(json.dumps({"ok": ok, "detail": detail}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
