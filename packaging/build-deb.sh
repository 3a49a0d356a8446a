#!/usr/bin/env bash
# Builds the workbench's app image with jpackage (the app, its libraries, a trimmed Java runtime, and two launchers:
# guidance-workbench, the window, and gw, the engine's command line), then packs that one image twice:
#   target/installer/guidance-workbench-<version>-linux-x86_64.tar.gz   unpack anywhere, run bin/guidance-workbench
#   target/installer/guidance-workbench_<version>-1_amd64.deb           /opt/guidance-workbench, menu entry, icon
# The .deb is assembled here rather than by `jpackage --type deb`: that one registers its menu entry from maintainer
# scripts calling xdg-desktop-menu, which fail (exit 3) where no menu directory is writable and pull in xdg-utils.
# This package has no maintainer scripts at all (nothing can fail an install or a removal); its .desktop file and
# icon are plain files under /usr/share, which desktop-file-utils and the icon cache pick up by dpkg triggers where
# a desktop is installed. Needs a JDK 17+ (jlink, jpackage), dpkg-deb, objdump (binutils) and unzip.
# Usage: packaging/build-deb.sh [-o]     (-o: Maven offline, when every dependency is in ~/.m2 already)
set -euo pipefail
cd "$(dirname "$0")/.."

version=0.1.0
name=guidance-workbench
out=target/installer
work=target/packaging
lib=$work/input
offline=()
[ "${1:-}" = "-o" ] && offline=(-o)
t0=$SECONDS
phase() { echo "[build-deb] $(( SECONDS - t0 )) s: $*"; }

rm -rf "$out" "$work"
mkdir -p "$out" "$lib"

# 1. The jars, from the reactor (no `install`: the shared ~/.m2 keeps no workbench SNAPSHOT).
./mvnw -q -B "${offline[@]}" -pl app -am package -DskipTests \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$(pwd)/$lib"
cp app/target/app-*.jar "$lib/"
# ND4J's plain native build stays out: the launchers select the oneDNN build (gw.tensor.Backend, and the property in
# --java-options below), so the package carries one native ND4J library, not two (the oneDNN one is 11 MB larger)
rm -f "$lib"/nd4j-native-[0-9]*-linux-x86_64.jar
main_jar=$(basename "$(ls app/target/app-*.jar | head -1)")
# The assets (presets, the shipped networks, example specs: a few MB) go into the image too, as lib/app/assets; the
# window's launcher names that folder (-Dgw.assets, gw.app.Assets), so an installed app started from any folder lists
# the presets and learned scenarios and finds the Images tab's U-Net.
cp -r assets "$lib/assets"
# JavaFX's native libraries (0.8 MB) beside its jars: JavaFX loads a library from its jar's own folder when it is
# there, and otherwise unpacks it from the jar at every start (into ~/.openjfx/cache, checksumming each one).
for j in "$lib"/javafx-*-linux.jar; do
  unzip -qo -j "$j" '*.so' -d "$lib" 2>/dev/null || true
done
ls "$lib"/libglass.so >/dev/null || { echo "[build-deb] no JavaFX native library found in the jars" >&2; exit 1; }
phase "jars ($(du -sm "$lib" | cut -f1) MB)"

# 2. A Java runtime with only the modules the app and engine use (jdeps on their classes, with their libraries on
# the class path, names java.base, java.compiler, java.sql, jdk.jfr, jdk.management, jdk.unsupported,
# jdk.unsupported.desktop; jlink adds what those require), plus zipfs and the extra charsets. No debug symbols,
# headers, man pages or java/keytool commands. With the JDK's own class-data archive (lib/server/classes.jsa), which
# a jlinked runtime lacks unless asked: without it every JDK class is parsed at each start, and step 3b's archive of
# the app's classes needs it as its base. jlink writes that archive by running the new runtime's bin/java, so the
# commands go only afterwards (what --strip-native-commands would have left out).
jlink --add-modules java.base,java.compiler,java.sql,jdk.jfr,jdk.management,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs,jdk.charsets \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$work/runtime"
[ -s "$work/runtime/lib/server/classes.jsa" ] || { echo "[build-deb] jlink wrote no class-data archive" >&2; exit 1; }
# (and only the archive for compressed object pointers, which the launchers' -Xmx4g uses: the other is 11 MB)
rm -r "$work/runtime/bin" "$work/runtime/lib/server/classes_nocoops.jsa"
phase "runtime ($(du -sm "$work/runtime" | cut -f1) MB)"

# 3. The app image.
jpackage --type app-image \
  --name "$name" \
  --app-version "$version" \
  --vendor "Guidance Workbench" \
  --description "Greedy, lookahead and end-to-end guidance for flow and diffusion models: a workbench." \
  --runtime-image "$work/runtime" \
  --input "$lib" \
  --main-jar "$main_jar" \
  --main-class gw.app.Launcher \
  --java-options "-Xmx4g -Dorg.bytedeco.javacpp.platform.extension=-onednn -Dgw.assets=\$APPDIR/assets" \
  --add-launcher gw=packaging/gw.properties \
  --icon packaging/icon.png \
  --dest "$work/image"
image=$work/image/$name
phase "app image ($(du -sm "$image" | cut -f1) MB)"

# 3b. Class-data sharing for the app's own classes and its libraries (JavaFX, JFreeChart, Jackson, the engine): a
# dynamic archive (lib/app/gw.jsa) written at the exit of one launch of the window on a learned scenario, which the
# launcher then maps at every start instead of reading, parsing and verifying those classes again (about 5000 of them
# before the first frame). Java 17 accepts such an archive only where each jar has the path it had when the archive
# was written, so that launch runs the image from /opt/$name, where the .deb installs it: in a mount namespace of its
# own (unshare), with a bind mount that no other process sees. The tarball, unpacked elsewhere, finds the archive's
# paths wrong and quietly does without it (-Xlog:cds=off; the JDK's archive still works). Skipped, with a warning,
# where xvfb-run or unshare is missing or namespaces are not allowed: the app then starts as before.
cds_run() {
  mount -t tmpfs tmpfs /opt && mkdir "/opt/$name" && mount --bind "$image" "/opt/$name" \
    && JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=/opt/$name/lib/app/gw.jsa" timeout 300 \
      xvfb-run -a -s "-screen 0 1600x1000x24" "/opt/$name/bin/$name" --scenario "learned: moons" \
      --screenshot "$work/cds-window.png"
}
export -f cds_run
export name image work
userns=()
[ "$(id -u)" = 0 ] || userns=(--map-root-user)
if command -v xvfb-run >/dev/null && command -v unshare >/dev/null \
    && unshare "${userns[@]}" --mount --fork bash -c cds_run > "$work/cds.log" 2>&1 && [ -s "$image/lib/app/gw.jsa" ]; then
  cfg="$image/lib/app/$name.cfg"
  sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/gw.jsa\njava-options=-Xlog:cds=off,cds+dynamic=off|' "$cfg"
  phase "class-data archive ($(du -sm "$image/lib/app/gw.jsa" | cut -f1) MB)"
else
  rm -f "$image/lib/app/gw.jsa"
  echo "[build-deb] warning: no class-data archive of the app (see $work/cds.log); it starts without one" >&2
fi

# 4. The tarball.
tarball=$out/$name-$version-linux-x86_64.tar.gz
tar -C "$work/image" -cf - "$name" | gzip -6 > "$tarball"
phase "tarball"

# 5. The Debian package's tree: the image under /opt (hard links, no copy), the menu entry and icon under /usr/share.
root=$work/deb
mkdir -p "$root/opt" "$root/DEBIAN" "$root/usr/share/applications" "$root/usr/share/icons/hicolor/256x256/apps" \
  "$root/usr/bin"
cp -al "$image" "$root/opt/$name"
install -m 644 packaging/$name.desktop "$root/usr/share/applications/$name.desktop"
install -m 644 packaging/icon.png "$root/usr/share/icons/hicolor/256x256/apps/$name.png"
ln -s "/opt/$name/bin/$name" "$root/usr/bin/$name"

# Depends: the Debian packages holding the shared libraries that the native code links against directly (the
# runtime's, and those JavaFX, ND4J and JNA unpack from their jars at run time), except those bundled. jpackage's own
# .deb looks only at the runtime, so it missed libxtst6, which JavaFX's GTK glass needs and libgtk-3-0 does not pull
# in. ND4J's 320 MB libnd4jcpu.so is not unpacked for this: it needs libstdc++6, libgcc-s1 and libc6 (objdump -p),
# which the list has anyway.
natives=$work/natives
mkdir -p "$natives"
for j in "$lib"/*.jar; do
  unzip -qo "$j" '*.so' '*.so.*' -x '*libnd4jcpu.so' -d "$natives" 2>/dev/null || true
done
sofiles=$( (find "$image/lib/runtime" "$natives" -type f \( -name '*.so' -o -name '*.so.*' \); \
  find "$image/bin" -type f) | sort -u)
# (libopenblas_nolapack is the library of OpenBLAS's other variant, whose jar is not shipped and never loaded)
bundled=$(for f in $sofiles; do basename "$f"; done; echo libnd4jcpu.so; echo libopenblas_nolapack.so.0)
needed=$(for f in $sofiles; do objdump -p "$f" 2>/dev/null | awk '/NEEDED/ {print $2}'; done | sort -u)
pkgs=(libgtk-3-0 libstdc++6 libgcc-s1 libc6)
patterns=()
for so in $needed; do
  grep -qxF "$so" <<<"$bundled" || patterns+=("*/x86_64-linux-gnu/$so")
done
# one dpkg -S for all (each call reads the whole database); "pkg:amd64[, pkg2:amd64]: /path" per match
pkgs+=($(dpkg -S "${patterns[@]}" 2>"$work/dpkg-S.err" | grep -v '^diversion' | sed 's/: \/.*//; s/, /\n/g' \
  | sed 's/:.*//' || true))
if [ -s "$work/dpkg-S.err" ]; then
  sed 's/^/[build-deb] warning, not in Depends: /' "$work/dpkg-S.err" >&2
fi
depends=$(printf '%s\n' "${pkgs[@]}" | sort -u | paste -sd, | sed 's/,/, /g')

cat > "$root/DEBIAN/control" <<CONTROL
Package: $name
Version: $version-1
Section: science
Priority: optional
Architecture: amd64
Maintainer: Guidance Workbench <guidance-workbench@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Recommends: dataset-fashion-mnist
Description: Greedy, lookahead and end-to-end guidance for flow and diffusion models
 A desktop workbench and its engine for the trade-offs of guided generation in
 flow and diffusion models: posterior (greedy) guidance, lookahead of horizon H
 and end-to-end guidance, each measured against the continuous ideal gradient.
 Ships its own Java runtime. The window: guidance-workbench; the command line:
 /opt/guidance-workbench/bin/gw --help; presets, trained models and example
 specs: /opt/guidance-workbench/lib/app/assets. The Images tab reads the
 Fashion-MNIST test images of the recommended package dataset-fashion-mnist.
CONTROL
phase "package tree, Depends: $depends"

# 6. The .deb, gzip-compressed like the tarball: most of its bytes are ND4J's native library, already deflated inside
# its jar, on which xz gains little and, even at level 1, took 5 minutes on the 2-core development machine.
deb=$out/${name}_${version}-1_amd64.deb
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$deb" >/dev/null
phase "deb"
ls -l "$out"
