#!/usr/bin/env bash
# Moves the code samples to new releases: recompiles the lock files of their environments
# (content/samples/<env>.txt, from <env>.in, with pip-tools' pip-compile --generate-hashes),
# each under the Python of its environment (the -pyXY of its name: python3 on PATH for
# 3.11, the provisioned Debian root's python3, through chroot, for 3.13), then runs the
# content checks and the whole sample matrix against them.
#
#   bash web/samples/bump.sh django                      # newest Django each lock allows (5.2.x, 6.1.x), then the matrix
#   bash web/samples/bump.sh --env django-py311 django   # only the 5.2 LTS environment (and the locks that follow it)
#   bash web/samples/bump.sh flask fastapi               # several packages at once
#   bash web/samples/bump.sh --all                       # every package to its newest allowed version
#   bash web/samples/bump.sh                             # only what the .in files gained
#   ... --no-test                                        # compile, do not run the tests
#
# A lock is recompiled when it pins one of the packages named (or for --all and no name,
# always), and so is every lock whose .in file takes its pins (-c django-py311.txt). The
# 3.13 environments need root and the Debian root (sudo bash web/samples/provision-python.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
locks=content/samples
pip_tools=pip-tools==7.7.0

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
envs=() packages=() all=false test=true
while [ $# -gt 0 ]; do
  case "$1" in
    --env) envs+=("${2:?--env needs an environment name}"); shift 2 ;;
    --all) all=true; shift ;;
    --no-test) test=false; shift ;;
    -h|--help) usage ;;
    -*) echo "bump.sh: unknown option $1" >&2; usage ;;
    *) packages+=("$1"); shift ;;
  esac
done
[ ${#envs[@]} -gt 0 ] || envs=($(cd "$locks" && ls *.in | sed 's/\.in$//'))
for env in "${envs[@]}"; do
  [ -f "$locks/$env.in" ] || { echo "bump.sh: no $locks/$env.in" >&2; exit 2; }
done

normalize() { echo "$1" | tr 'A-Z_.' 'a-z--'; }
pins() { grep -qiE "^$(normalize "$2" | sed 's/-/[-_.]/g')==" "$locks/$1.txt" 2>/dev/null; }
constraint_of() { sed -n 's/^-c[[:space:]]*\([^[:space:]#]*\)\.txt.*/\1/p' "$locks/$1.in"; }

# The environments to recompile: those chosen that pin a named package, then, in a second
# pass, every environment whose .in takes the pins of one recompiled.
chosen=()
for env in "${envs[@]}"; do
  hit=false
  if [ ${#packages[@]} -eq 0 ]; then hit=true; fi
  for p in "${packages[@]}"; do if pins "$env" "$p"; then hit=true; fi; done
  if $hit; then chosen+=("$env"); fi
done
for env in $(cd "$locks" && ls *.in | sed 's/\.in$//'); do
  c=$(constraint_of "$env")
  if [ -n "$c" ] && [[ " ${chosen[*]} " == *" $c "* ]] && [[ " ${chosen[*]} " != *" $env "* ]]; then chosen+=("$env"); fi
done
[ ${#chosen[@]} -gt 0 ] || { echo "bump.sh: no lock among ${envs[*]} pins ${packages[*]}" >&2; exit 2; }
# Those without a constraint first: the others read their freshly compiled pins.
ordered=()
for env in "${chosen[@]}"; do [ -z "$(constraint_of "$env")" ] && ordered+=("$env"); done
for env in "${chosen[@]}"; do [ -n "$(constraint_of "$env")" ] && ordered+=("$env"); done

root=${XDG_CACHE_HOME:-$HOME/.cache}/versus-samples/debian-trixie
version_of() { "$@" -c 'import sys; print("%d.%d" % sys.version_info[:2])'; }
host_python=$(version_of python3)
# side VERSION: where that Python is, "host" (python3 on PATH) or "root" (the Debian root).
side() {
  if [ "$1" = "$host_python" ]; then echo host; return; fi
  if [ "$(id -u)" = 0 ] && [ -x "$root/usr/bin/python3" ] && [ "$(version_of chroot "$root" /usr/bin/python3)" = "$1" ]; then
    echo root; return
  fi
  echo "bump.sh: no Python $1 here (python3 is $host_python); for 3.13: sudo bash web/samples/provision-python.sh" >&2
  exit 1
}
# on SIDE DIR CMD...: runs CMD in DIR (as that side sees it), with what pip needs there.
on() {
  local side=$1 dir=$2; shift 2
  local settings=(PIP_FIND_LINKS= CUSTOM_COMPILE_COMMAND="bash web/samples/bump.sh")
  if [ "$side" = host ]; then env -C "$dir" "${settings[@]}" "$@"
  else
    [ -f "$root/etc/ssl/certs/ca-certificates.crt" ] && settings+=(PIP_CERT=/etc/ssl/certs/ca-certificates.crt)
    chroot "$root" /usr/bin/env -u PIP_CERT -C "$dir" "${settings[@]}" "$@"
  fi
}

upgrade=()
if $all; then upgrade=(--upgrade); else for p in "${packages[@]}"; do upgrade+=(--upgrade-package "$p"); done; fi

declare -A work # side -> its working folder on the host (the root's is under $root/tmp)
cleanup() { for d in "${work[@]}"; do rm -rf "$d"; done; }
trap cleanup EXIT
for env in "${ordered[@]}"; do
  python=$(echo "$env" | sed -n 's/.*-py3\([0-9][0-9]*\)$/3.\1/p')
  [ -n "$python" ] || { echo "bump.sh: $env: the name must end in -pyXY, the Python it runs on (django-py313)" >&2; exit 2; }
  side=$(side "$python")
  if [ -z "${work[$side]:-}" ]; then
    if [ "$side" = host ]; then work[$side]=$(mktemp -d); else work[$side]=$(mktemp -d -p "$root/tmp"); fi
    echo "bump.sh: installing $pip_tools for Python $python ($side)" >&2
    dir=${work[$side]#"${root}"}; [ "$side" = host ] && dir=${work[$side]}
    on "$side" "$dir" python3 -m venv tools
    on "$side" "$dir" tools/bin/python -m pip install --quiet --disable-pip-version-check "$pip_tools"
  fi
  dir=${work[$side]#"${root}"}; [ "$side" = host ] && dir=${work[$side]}
  cp "$locks"/*.in "$locks"/*.txt "${work[$side]}/"
  echo "bump.sh: compiling $env.txt with Python $python ($side)" >&2
  on "$side" "$dir" tools/bin/python -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
    --no-emit-find-links --output-file "$env.txt" "${upgrade[@]}" "$env.in"
  cp "${work[$side]}/$env.txt" "$locks/$env.txt"
done
git --no-pager diff --stat -- "$locks" >&2 || true

if $test; then
  echo "bump.sh: go test ./content ./web/site ./web/samples (covers: against the locks, then every sample on every environment)" >&2
  go generate ./content
  go test ./content ./web/site ./web/samples
fi
