#!/usr/bin/env bash
# DMG of CEP Desk for macOS (issue 15.3). NOT RUN HERE: no macOS machine;
# .github/workflows/package.yml runs it on a macOS runner after PyInstaller made
# build/dist/CEP Desk.app (packaging/cep-desk.spec, BUNDLE).
#   packaging/macos/make-dmg.sh build/dist 0.1.0
# The .app holds both executables: Contents/MacOS/cep-desk (the GUI) and cep-desk-cli (the
# command-line verbs, run from Terminal). Unsigned: signing and notarisation need the
# operator's Apple Developer identity (codesign --deep --options runtime, notarytool).
set -euo pipefail
dist=${1:-build/dist}
version=${2:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' cep_desk/__init__.py)}
app="$dist/CEP Desk.app"
[ -d "$app" ] || { echo "no $app: run PyInstaller with packaging/cep-desk.spec first" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
out="$dist/cep-desk-$version-macos-$(uname -m).dmg"
rm -f "$out"
hdiutil create -volname "CEP Desk" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$out"
echo "$out"
