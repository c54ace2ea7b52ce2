#!/usr/bin/env bash
# Acceptance of the offline package (issue 9): build the app image, then run `basinguard --version` and
# `basinguard check` on the bundled sample from the image, cut off from the network, with an empty home, and
# prove that the run wrote nothing into the install folder. Run by `mvn -Pinstaller-test verify` (see README).
#
#   installer/acceptance.sh VERSION
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
version="${1:?usage: $0 VERSION}"
image="$here/target/jpackage/basinguard"
jar="$root/app/target/basinguard.jar"

jhome="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
if [ ! -x "$jhome/bin/jpackage" ] && [ ! -x "$jhome/bin/jpackage.exe" ]; then
  echo "acceptance: SKIPPED: no jpackage in $jhome/bin (a full JDK 17+ is needed to build the package)" >&2
  exit 0
fi

# reuse the image that -Pinstaller made in this same build, else make it
if [ ! -x "$image/bin/basinguard" ] || [ "$jar" -nt "$image/bin/basinguard" ]; then
  "$here/build.sh" "$version" app-image
fi

# no network: a new network namespace has only a downed loopback; where namespaces are not allowed (containers,
# Windows, macOS) at least no proxy is configured, and the report says which one was used
offline=()
if command -v unshare >/dev/null 2>&1 && unshare -n true 2>/dev/null; then
  offline=(unshare -n); how="unshare -n"
elif command -v unshare >/dev/null 2>&1 && unshare -rn true 2>/dev/null; then
  offline=(unshare -rn); how="unshare -rn"
else
  how="no network namespace available; proxies unset only"
fi
echo "acceptance: offline by: $how"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
run() {  # an empty home shows where the program writes; no proxy variables either
  env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 "${offline[@]}" "$@"
}
fail() { echo "acceptance: FAILED: $*" >&2; exit 1; }

before="$(cd "$image" && find . -type f -exec cksum {} + | sort)"

out="$(run "$image/bin/basinguard" --version)" || fail "--version exited $?"
[ "$out" = "basinguard $version" ] || fail "--version printed '$out', expected 'basinguard $version'"
echo "acceptance: --version: $out"

sample="$image/lib/app/zengdu-sample.gpkg"
[ -f "$sample" ] || fail "the sample is not in the image at lib/app/zengdu-sample.gpkg"
rc=0
run "$image/bin/basinguard" check "$sample" --json "$work/report.json" >"$work/check.txt" 2>"$work/check.err" || rc=$?
[ "$rc" = 0 ] || { cat "$work/check.err" >&2; fail "check exited $rc"; }
# the sample is built so that 涢水片区 holds every bottom line and 㵐水片区 does not (data/README.md)
grep -q '涢水片区.*守住全部底线' "$work/check.txt" || fail "check output lacks '涢水片区 … 守住全部底线'"
grep -q '㵐水片区.*有底线未守住' "$work/check.txt" || fail "check output lacks '㵐水片区 … 有底线未守住'"
grep -q '"schema" *: *"basinguard-check/2"' "$work/report.json" || fail "report.json has no basinguard-check/2 schema"
echo "acceptance: check: exit 0, $(wc -l <"$work/check.txt") lines, report.json $(wc -c <"$work/report.json") bytes"

after="$(cd "$image" && find . -type f -exec cksum {} + | sort)"
[ "$before" = "$after" ] || fail "the run changed files in the install folder: $(diff <(echo "$before") <(echo "$after") | head -5)"
echo "acceptance: install folder unchanged; the run wrote only under HOME: $(cd "$work/home" && find . -type f | head -5 | tr '\n' ' ')"
echo "acceptance: PASSED"
