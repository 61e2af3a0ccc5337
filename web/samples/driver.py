"""Runs Versus code samples against the Flask, Django or FastAPI of this interpreter's venv.

`driver.py serve FRAMEWORK` (what the Go tests use; POSIX only) imports the framework, then
reads one "run" spec per line on stdin and answers each with one JSON line, running each
sample in a child forked from itself. Otherwise the driver reads one JSON spec on stdin and
prints one JSON line; exits 0 when ok, 1 otherwise:

  {"mode": "versions", "distributions": ["flask", ...]}
      -> {"ok": true, "versions": {"flask": "3.1.3", ...}, "python": "3.13.5"}
         (importlib.metadata, and this interpreter's version)
  {"mode": "parse", "blocks": [{"id": ..., "code": ...}]}
      -> {"ok": bool, "failures": [{"id": ..., "error": ...}]}
  {"mode": "run", "framework": "flask"|"django"|"fastapi",
   "files": [{"name": ..., "code": ...}],
   "check": {"request": "GET /x", "form": ..., "json": ..., "status": "200",
             "contains": ..., "header": ..., "cli": ..., "unittest": ...,
             "websocket": "/ws", "send": ..., "setup": ...}}
      -> {"ok": bool, "detail": str}
"""

import ast
import asyncio
import contextlib
import importlib
import importlib.metadata
import io
import json
import os
import platform
import shlex
import shutil
import signal
import sys
import tempfile
import threading
import traceback
import unittest
import warnings
from urllib.parse import parse_qsl, urlencode

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
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {db!r}, "TEST": {test!r}}}}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
STATIC_URL = "/static/"
STATIC_ROOT = {static!r}
'''

# How long a WebSocket check waits for the connection and for the reply, in seconds.
WEBSOCKET_TIMEOUT = 10


# --- files --------------------------------------------------------------------------------

def write_files(root, files):
    """Writes the sample's files under root; folders holding Python files become packages."""
    for f in files:
        path = os.path.join(root, f["name"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(f["code"])
    for folder, _, names in os.walk(root):
        if folder != root and any(n.endswith(".py") for n in names) and "__init__.py" not in names:
            open(os.path.join(folder, "__init__.py"), "w").close()


def enter(root):
    """Makes root the working directory and the first place imports look."""
    os.chdir(root)
    sys.path.insert(0, root)


# --- checks shared by every framework -----------------------------------------------------

def check_response(check, status, body, headers):
    """Compares a response (or command output) with the sample's status, contains and header."""
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


def check_reply(check, reply):
    """Compares the first WebSocket message received with the sample's contains."""
    if check.get("contains") and check["contains"] not in reply:
        return False, f"WebSocket reply {reply!r} does not contain {check['contains']!r}"
    return True, f"websocket {check['websocket']}: sent {check.get('send', '')!r}, got {reply!r}"


def split_request(check):
    """Splits request="METHOD /path?query" into its method and path."""
    method, _, path = check["request"].partition(" ")
    return method.upper(), path.strip() or "/"


def form_data(check):
    """The form= attribute as a dict."""
    return dict(parse_qsl(check["form"], keep_blank_values=True))


def run_unittests(suite):
    """Runs a unittest suite; at least one test must run and all must pass."""
    count = suite.countTestCases()
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=1).run(suite)
    if count == 0:
        return False, "unittest=1 but no test was found"
    if not result.wasSuccessful():
        return False, stream.getvalue()[-3000:]
    return True, f"{result.testsRun} test(s) passed"


def discover_unittests(root):
    """Runs the test*.py files of a Flask or FastAPI sample."""
    return run_unittests(unittest.defaultTestLoader.discover(root, pattern="test*.py", top_level_dir=root))


def format_exception(exc):
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


# --- Flask --------------------------------------------------------------------------------

def load_flask_app(module):
    """The sample's app: app.py's `app`, or what its `create_app()` returns."""
    application = getattr(module, "app", None)
    if application is None and hasattr(module, "create_app"):
        application = module.create_app()
    if application is None:
        raise LookupError("app.py defines neither `app` nor `create_app()`")
    application.config["TESTING"] = True
    return application


def flask_request(application, check):
    """Sends request= through Flask's test client."""
    method, path = split_request(check)
    kwargs = {"method": method}
    if check.get("form"):
        kwargs["data"] = form_data(check)
    if check.get("json"):
        kwargs["json"] = json.loads(check["json"])
    response = application.test_client().open(path, **kwargs)
    return check_response(check, response.status_code, response.get_data(as_text=True), response.headers)


def flask_cli(application, check):
    """Runs cli= through Flask's CLI test runner."""
    result = application.test_cli_runner().invoke(args=shlex.split(check["cli"]))
    if result.exception and not isinstance(result.exception, SystemExit):
        return False, format_exception(result.exception)
    return check_response(check, 200 if result.exit_code == 0 else 500, result.output, {})


def flask_websocket(application, check):
    """Serves the app with Werkzeug's threaded server and talks to websocket= over a socket."""
    from simple_websocket import Client
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, application, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        ws = Client.connect(f"ws://127.0.0.1:{server.server_port}{check['websocket']}")
        try:
            ws.send(check.get("send", ""))
            reply = ws.receive(timeout=WEBSOCKET_TIMEOUT)
        finally:
            ws.close()
    finally:
        server.shutdown()
    if reply is None:
        return False, f"no WebSocket reply within {WEBSOCKET_TIMEOUT} s"
    return check_reply(check, reply)


def run_flask(root, files, check):
    """Writes the files into root, imports app.py and runs the check."""
    write_files(root, files)
    enter(root)
    if check.get("unittest"):
        return discover_unittests(root)
    module = importlib.import_module("app")
    application = load_flask_app(module)
    if check.get("setup"):
        with application.app_context():
            exec(check["setup"], vars(module))
    if check.get("cli"):
        return flask_cli(application, check)
    if check.get("websocket"):
        return flask_websocket(application, check)
    return flask_request(application, check)


# --- Django -------------------------------------------------------------------------------

def write_django_project(root, files, test_db=None):
    """Writes the files as the app package `sample` in a generated project under root.

    test_db, when given, is the file the test runner uses as its test database (otherwise
    SQLite's in-memory one). settings.py is appended to the generated settings. The app folder is also on sys.path,
    last, so a project-level file such as asgi.py can import a module of another app by
    its own name (file="chat/consumers.py" is importable as chat.consumers).
    """
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
            test={"NAME": test_db} if test_db else {},
            static=os.path.join(root, "static"),
        ))
        out.write("\n# --- the sample's settings.py ---\n" + extra_settings)
    enter(root)
    sys.path.append(app_dir)


def start_django(migrate=True):
    """Sets Django up with the generated settings, makes the sample's migrations and, unless
    told not to, migrates the database."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "project_settings"
    import django
    from django.core.management import call_command

    django.setup()
    quiet = io.StringIO()
    call_command("makemigrations", "sample", verbosity=0, stdout=quiet)
    if migrate:
        call_command("migrate", verbosity=0, stdout=quiet)


# A database with the generated project's contrib apps already migrated, made once per
# `serve` worker (see migrated_template): migrating them is most of a Django sample's time,
# and the same for every sample that keeps the generated settings.
TEMPLATE_DB = None


def migrated_template():
    """Migrates the generated project without a sample in a child process and returns the
    path of its database, or None when that fails (each sample then migrates in full)."""
    root = tempfile.mkdtemp(prefix="versus-template-")
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.dup2(2, 1)
            write_django_project(root, [])
            start_django()
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    return os.path.join(root, "db.sqlite3")


def django_unittests(keepdb=False):
    """Runs `manage.py test sample` through Django's test runner (with --keepdb: on a test
    database that is there already, which migrate brings up to date)."""
    from django.conf import settings
    from django.test.utils import get_runner

    runner = get_runner(settings)(verbosity=0, interactive=False, keepdb=keepdb)
    count = runner.build_suite(["sample"]).countTestCases()
    if count == 0:
        return False, "unittest=1 but no test was found in the sample"
    stream = io.StringIO()
    with contextlib.redirect_stderr(stream):
        failures = runner.run_tests(["sample"])
    if failures:
        return False, stream.getvalue()[-3000:]
    return True, f"{count} test(s) passed"


def django_setup(check):
    """Runs setup= with sample.models' names."""
    namespace = {}
    try:
        import sample.models as models

        namespace.update(vars(models))
    except ImportError:
        pass
    exec(check["setup"], namespace)


def django_cli(check):
    """Runs cli= through call_command()."""
    from django.core.management import call_command

    out = io.StringIO()
    try:
        call_command(*shlex.split(check["cli"]), stdout=out, stderr=out)
        code = 200
    except SystemExit as exc:
        code = 200 if not exc.code else 500
    return check_response(check, code, out.getvalue(), {})


def django_request(check):
    """Sends request= through django.test.Client."""
    from django.test import Client

    method, path = split_request(check)
    client = Client()
    if check.get("json"):
        response = client.generic(method, path, check["json"], content_type="application/json")
    elif check.get("form") and method == "POST":
        response = client.post(path, form_data(check))
    elif check.get("form"):
        response = client.generic(method, path, urlencode(form_data(check)), content_type="application/x-www-form-urlencoded")
    else:
        response = client.generic(method, path)
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content).decode("utf-8", "replace")
    else:
        body = response.content.decode("utf-8", "replace")
    return check_response(check, response.status_code, body, response)


def django_websocket(check):
    """Talks to websocket= through Channels' WebsocketCommunicator and the app's asgi.py."""
    from channels.testing import WebsocketCommunicator

    try:
        application = importlib.import_module("sample.asgi").application
    except ImportError as exc:
        return False, f"websocket= needs an asgi.py that defines `application`: {exc}"

    async def talk():
        communicator = WebsocketCommunicator(
            application, check["websocket"],
            headers=[(b"host", b"testserver"), (b"origin", b"http://testserver")],
        )
        connected, _ = await communicator.connect(timeout=WEBSOCKET_TIMEOUT)
        if not connected:
            return None
        await communicator.send_to(text_data=check.get("send", ""))
        reply = await communicator.receive_from(timeout=WEBSOCKET_TIMEOUT)
        await communicator.disconnect()
        return reply

    reply = asyncio.run(talk())
    if reply is None:
        return False, "the WebSocket connection was refused"
    return check_reply(check, reply)


def run_django(root, files, check):
    """Builds the project under root, migrates, and runs the check.

    A sample that keeps the generated settings starts from the worker's migrated template,
    so that migrate only applies the sample's own migrations: its database is a copy, and
    so is the test database its unit tests run on. One with a settings.py (other apps, a
    custom user model, more databases) migrates from scratch, its tests in SQLite's memory.
    Unit tests migrate a test database of their own, so the project's is left alone.
    """
    from_template = TEMPLATE_DB and not any(f["name"] == "settings.py" for f in files)
    if check.get("unittest"):
        test_db = os.path.join(root, "test.sqlite3") if from_template else None
        if test_db:
            shutil.copyfile(TEMPLATE_DB, test_db)
        write_django_project(root, files, test_db)
        start_django(migrate=False)
        return django_unittests(keepdb=bool(test_db))
    write_django_project(root, files)
    if from_template:
        shutil.copyfile(TEMPLATE_DB, os.path.join(root, "db.sqlite3"))
    start_django()
    from django.test.utils import setup_test_environment

    setup_test_environment()
    if check.get("setup"):
        django_setup(check)
    if check.get("cli"):
        return django_cli(check)
    if check.get("websocket"):
        return django_websocket(check)
    return django_request(check)


# --- FastAPI ------------------------------------------------------------------------------

def fastapi_request(client, check):
    """Sends request= through FastAPI's TestClient."""
    method, path = split_request(check)
    kwargs = {}
    if check.get("form"):
        kwargs["data"] = form_data(check)
    if check.get("json"):
        kwargs["json"] = json.loads(check["json"])
    response = client.request(method, path, **kwargs)
    return check_response(check, response.status_code, response.text, response.headers)


def fastapi_websocket(client, check):
    """Talks to websocket= through FastAPI's TestClient."""
    from starlette.websockets import WebSocketDisconnect

    reply = None
    try:
        with client.websocket_connect(check["websocket"]) as ws:
            ws.send_text(check.get("send", ""))
            reply = ws.receive_text()
    except WebSocketDisconnect:
        # A server loop learns that the client left when its next receive raises this.
        if reply is None:
            raise
    return check_reply(check, reply)


def run_fastapi(root, files, check):
    """Writes the files into root, imports main.py and runs the check inside TestClient(app)."""
    write_files(root, files)
    enter(root)
    if check.get("unittest"):
        return discover_unittests(root)
    if check.get("cli"):
        return False, "cli= is not supported for FastAPI samples"
    from fastapi.testclient import TestClient

    module = importlib.import_module("main")
    application = getattr(module, "app", None)
    if application is None:
        return False, "main.py does not define `app`"
    with TestClient(application, follow_redirects=False) as client:  # runs the lifespan's startup and shutdown; redirects are answers to check, as with Flask's and Django's test clients
        if check.get("setup"):
            exec(check["setup"], vars(module))
        if check.get("websocket"):
            return fastapi_websocket(client, check)
        return fastapi_request(client, check)


RUNNERS = {"flask": run_flask, "django": run_django, "fastapi": run_fastapi}


# --- modes --------------------------------------------------------------------------------

def installed_versions(spec):
    """The installed version of each distribution, as importlib.metadata sees it."""
    versions = {}
    for name in spec["distributions"]:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return {"ok": all(versions.values()), "versions": versions, "python": platform.python_version()}


def parse_blocks(spec):
    """Checks that every block is valid Python."""
    failures = []
    for block in spec["blocks"]:
        try:
            ast.parse(block["code"])
        except SyntaxError as exc:
            failures.append({"id": block["id"], "error": f"line {exc.lineno}: {exc.msg}"})
    return {"ok": not failures, "failures": failures}


def run_sample(spec):
    """Runs one sample in a fresh temporary folder."""
    runner = RUNNERS.get(spec["framework"])
    if runner is None:
        return {"ok": False, "detail": f"unknown framework {spec['framework']!r}"}
    root = tempfile.mkdtemp(prefix="versus-sample-")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DeprecationWarning)
        warnings.simplefilter("always", PendingDeprecationWarning)
        try:
            ok, detail = runner(root, spec["files"], spec["check"])
        except BaseException:  # a sample's sys.exit() is a failure too
            ok, detail = False, traceback.format_exc()[-4000:]
    return {"ok": ok, "detail": detail, "deprecations": deprecations(root, caught)}


def deprecations(root, caught):
    """The deprecation warnings that the sample's own code set off (raised from its files, or
    one of Django's RemovedInDjangoXXWarning), each once, as "file:line: Category: message"."""
    out = []
    for w in caught:
        if not issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning)):
            continue
        filename = str(w.filename)
        if not (filename.startswith(root) or w.category.__name__.startswith("RemovedIn")):
            continue
        where = os.path.relpath(filename, root) if filename.startswith(root) else filename
        line = f"{where}:{w.lineno}: {w.category.__name__}: {w.message}"
        if line not in out:
            out.append(line)
    return out


# What a `serve` process imports before it forks, so that each sample does not pay for it.
# Only modules that read no settings at import time: the children configure Django.
PRELOAD = {
    "flask": ["flask", "flask.testing", "werkzeug.serving", "jinja2", "sqlalchemy", "flask_sqlalchemy",
              "flask_wtf", "wtforms", "flask_login", "flask_migrate", "alembic", "flask_caching",
              "flask_babel", "babel.dates", "marshmallow", "apiflask", "flask_admin"],
    "django": ["django", "django.test", "django.test.utils", "django.core.management", "django.db.models",
               "django.db.backends.sqlite3.base", "django.http", "django.urls", "django.views",
               "django.template", "django.forms", "rest_framework", "channels"],
    "fastapi": ["fastapi", "fastapi.testclient", "starlette.testclient", "pydantic", "sqlmodel", "sqlalchemy",
                "jinja2", "httpx", "multipart"],
}

# A child that runs longer than this is killed (SIGALRM), and its sample fails.
SAMPLE_TIMEOUT = 90


def preload(framework):
    """Imports what the framework's samples will import anyway; missing modules are ignored."""
    for name in PRELOAD.get(framework, []):
        try:
            importlib.import_module(name)
        except Exception:
            pass


def run_forked(spec):
    """Runs one sample in a child process forked from this one and returns its result.

    The child reads nothing from stdin (the next specs are there) and its stdout goes to
    stderr, so what a sample prints cannot be mistaken for the answer, which comes back
    through a pipe.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            sys.stdin = open(os.devnull)
            os.dup2(2, 1)
            signal.alarm(SAMPLE_TIMEOUT)
            with os.fdopen(write_end, "w") as out:
                out.write(json.dumps(run_sample(spec)))
        finally:
            os._exit(0)  # never back into the parent's loop
    os.close(write_end)
    with os.fdopen(read_end) as answer:
        data = answer.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        return {"ok": False, "detail": f"the sample's process ended without an answer (wait status {status}; "
                                       f"killed after {SAMPLE_TIMEOUT} s?)"}
    return json.loads(data)


def serve(framework):
    """Preloads a framework, then runs each sample spec read from stdin (one JSON line each)
    in a fresh child and prints its result as one JSON line, until stdin closes."""
    global TEMPLATE_DB
    # Samples are throughput work: at a lower priority they leave the CPU to tests of other
    # packages that go test runs at the same time and that measure latency.
    os.nice(10)
    preload(framework)
    if framework == "django":
        TEMPLATE_DB = migrated_template()
    for line in sys.stdin:
        print(json.dumps(run_forked(json.loads(line))), flush=True)


MODES = {"versions": installed_versions, "parse": parse_blocks, "run": run_sample}


def main():
    if sys.argv[1:2] == ["serve"]:
        serve(sys.argv[2])
        return 0
    spec = json.load(sys.stdin)
    result = MODES[spec["mode"]](spec)
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
