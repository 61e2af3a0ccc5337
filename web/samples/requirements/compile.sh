#!/usr/bin/env bash
# Recompiles the sample environments' lock files (<env>.txt) from their direct dependencies
# (<env>.in) with pip-tools, from a throwaway venv made with the python3 on PATH, so each lock
# pins every package with its hashes for that Python. Arguments go to pip-compile:
#   bash web/samples/requirements/compile.sh                           # add what the .in files gained
#   bash web/samples/requirements/compile.sh --upgrade                 # newest versions the .in files allow
#   bash web/samples/requirements/compile.sh --upgrade-package django  # one package
# django.txt comes first: flask.in takes its pins for the packages both share (-c django.txt).
set -euo pipefail
cd "$(dirname "$0")"
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools"
"$tools/bin/python" -m pip install --quiet --disable-pip-version-check pip-tools==7.7.0
for env in django flask fastapi; do
  echo "compiling $env.txt" >&2
  PIP_FIND_LINKS= CUSTOM_COMPILE_COMMAND="bash web/samples/requirements/compile.sh" "$tools/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras \
    --no-emit-find-links --output-file "$env.txt" "$@" "$env.in"
done
