#!/usr/bin/env bash
# Builds the offline BasinGuard packages: a jlink-trimmed Java runtime + the shaded jar, packed by jpackage.
#
#   installer/build.sh VERSION TYPE...     e.g.  installer/build.sh 0.1.0-SNAPSHOT app-image deb
#
# Called by `mvn -Pinstaller package` (installer/pom.xml picks TYPE per OS); runnable by hand after `mvn package`.
# TYPE: app-image | deb | rpm (Linux), msi | exe (Windows, needs WiX 3 on the PATH), dmg | pkg (macOS).
# Everything goes to installer/target. Nothing here needs the network.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/target"
pkg="$here/src/main/packaging"
jar="$root/app/target/basinguard.jar"
[ $# -ge 2 ] || { echo "usage: $0 VERSION TYPE..." >&2; exit 2; }
# jpackage wants 1-3 numbers; the Maven qualifier (-SNAPSHOT) is not one
version="${1%%-*}"; shift
[ -f "$jar" ] || { echo "build.sh: $jar is missing: run 'mvn package' first" >&2; exit 2; }

jhome="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jbin="$jhome/bin"
for t in jlink jpackage; do
  [ -x "$jbin/$t" ] || [ -x "$jbin/$t.exe" ] || { echo "build.sh: $jbin/$t not found (a full JDK 17+ is needed)" >&2; exit 2; }
done

case "$(uname -s)" in
  Linux*) os=linux ;;
  Darwin*) os=mac ;;
  *) os=win ;;   # Git Bash / MSYS on Windows
esac

rm -rf "$out/input" "$out/runtime" "$out/jpackage"
mkdir -p "$out/input" "$out/jpackage"

# lib/app holds the jar and the sample as a plain file, so a user can also open it from File > Open
cp "$jar" "$out/input/"
(cd "$out/input" && "$jbin/jar" xf basinguard.jar cn/basinguard/data/zengdu-sample.gpkg \
  && mv cn/basinguard/data/zengdu-sample.gpkg . && rm -r cn)

# the shaded jar carries the sqlite driver's natives for every OS (half its size); a package is for one OS,
# so keep only this OS's (the driver looks up org/sqlite/native/<OS>/<arch>/). Needs zip; else left whole.
case "$os" in linux) keep=Linux ;; mac) keep=Mac ;; *) keep=Windows ;; esac
if command -v zip >/dev/null 2>&1; then
  drop="$(cd "$out/input" && "$jbin/jar" tf basinguard.jar | grep '^org/sqlite/native/.*[^/]$' | grep -v "^org/sqlite/native/$keep/" || true)"
  [ -z "$drop" ] || (cd "$out/input" && echo "$drop" | zip -q -d basinguard.jar -@)
else
  echo "build.sh: no zip: the sqlite natives of other systems stay in the jar (about 14 MB)" >&2
fi

# jdeps on the shaded jar reports only java.base and java.sql, because JavaFX and the drivers reach the rest by
# name: java.desktop (Java2D map renderer, JavaFX's AWT bridges), java.xml (JavaFX CSS), java.logging (JavaFX,
# sqlite driver), java.prefs (the user's settings), jdk.unsupported (JavaFX uses sun.misc.Unsafe). Also
# jdk.localedata (zh number/date formats) and jdk.charsets (GBK/GB18030: a Chinese Windows console is cp936);
# java.management (the JVM options the program was started with, to choose its own: JvmChoice; jdeps misses it).
# Checked by running: the CLI check and the window (open the sample, run all checks) work on this set.
modules="$("$jbin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")"
modules="$modules,java.desktop,java.prefs,java.xml,java.logging,java.management,jdk.unsupported,jdk.localedata,jdk.charsets"
echo "build.sh: runtime modules: $modules"
"$jbin/jlink" --add-modules "$modules" --include-locales=zh,en \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

# No collector or heap options here: the program chooses them for the window and for each command and starts
# itself again with them from the runtime's bin/java (cn.basinguard.app.JvmChoice; README, "JVM options"), so the
# installed program, the portable zip and a plain `java -jar` run alike.
common=(--name basinguard --app-version "$version" --vendor "BasinGuard" \
  --description "流域底线核查 BasinGuard: red-line and bottom-line checks for basin governance units" \
  --copyright "BasinGuard" \
  --input "$out/input" --main-jar basinguard.jar --main-class cn.basinguard.app.Main \
  --runtime-image "$out/runtime" \
  --java-options -Dfile.encoding=UTF-8 \
  --dest "$out/jpackage")

icon="$pkg/basinguard.png"
if [ "$os" = win ]; then icon="$pkg/basinguard.ico"; fi
if [ "$os" = mac ]; then
  # macOS wants .icns; iconutil and sips are part of every macOS
  set="$out/basinguard.iconset"; mkdir -p "$set"
  for s in 16 32 128 256; do sips -z $s $s "$pkg/basinguard.png" --out "$set/icon_${s}x${s}.png" >/dev/null; done
  iconutil -c icns "$set" -o "$out/basinguard.icns"; icon="$out/basinguard.icns"
fi

for type in "$@"; do
  case "$type" in
    app-image)
      "$jbin/jpackage" --type app-image "${common[@]}" --icon "$icon" ;;
    deb|rpm)
      # /opt/basinguard, a menu entry, .gpkg opens in the window; postinst/prerm add the /usr/bin link
      "$jbin/jpackage" --type "$type" "${common[@]}" --icon "$icon" \
        --install-dir /opt --resource-dir "$pkg/linux" --file-associations "$pkg/gpkg.properties" \
        --linux-package-name basinguard --linux-shortcut --linux-menu-group "Science;Geography;Education" \
        --linux-app-category science --linux-deb-maintainer "basinguard@localhost" \
        --linux-app-release 1 ;;
    msi|exe)
      # per-machine install under Program Files, start-menu + desktop shortcuts; the upgrade UUID keeps
      # upgrades replacing the old version instead of installing beside it
      "$jbin/jpackage" --type "$type" "${common[@]}" --icon "$icon" \
        --file-associations "$pkg/gpkg.properties" --win-menu --win-menu-group BasinGuard --win-shortcut \
        --win-dir-chooser --add-launcher "basinguard-cli=$pkg/windows-cli.properties" --win-upgrade-uuid 6f1c2a0e-5b7d-4c53-9a0e-3b1f2d8c4e71 ;;
    dmg|pkg)
      # macOS refuses a bundle version whose first number is 0, so 0.x.y ships as 1.x.y (still increasing)
      macver="$version"; case "$version" in 0.*) macver="1.${version#0.}" ;; esac
      "$jbin/jpackage" --type "$type" "${common[@]}" --app-version "$macver" --icon "$icon" \
        --file-associations "$pkg/gpkg.properties" --mac-package-identifier cn.basinguard.app \
        --mac-package-name BasinGuard ;;
    *) echo "build.sh: unknown type $type" >&2; exit 2 ;;
  esac
done
ls -l "$out/jpackage"
