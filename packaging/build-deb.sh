#!/usr/bin/env bash
# Builds a Debian package of the workbench with jpackage: the app, its libraries and a Java runtime, installed under
# /opt/guidance-workbench with a desktop entry. Needs a JDK 17+ (jpackage), fakeroot and dpkg-deb.
# Usage: packaging/build-deb.sh            -> target/installer/guidance-workbench_<version>_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."

version=0.1.0
./mvnw -q -B install -DskipTests
lib=app/target/package-input
rm -rf "$lib" target/installer
./mvnw -q -B -pl app dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$(pwd)/$lib"
cp app/target/app-*.jar "$lib/"
main_jar=$(basename "$(ls app/target/app-*.jar | head -1)")

jpackage --type deb \
  --name guidance-workbench \
  --app-version "$version" \
  --vendor "Guidance Workbench" \
  --description "Greedy, lookahead and end-to-end guidance for flow and diffusion models: a workbench." \
  --input "$lib" \
  --main-jar "$main_jar" \
  --main-class gw.app.Launcher \
  --java-options "-Xmx4g" \
  --icon packaging/icon.png \
  --linux-shortcut \
  --linux-menu-group Science \
  --linux-app-category science \
  --linux-package-deps libgtk-3-0 \
  --dest target/installer
ls -l target/installer
