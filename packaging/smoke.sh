#!/usr/bin/env bash
# Smoke test of the packaged application (issue 15.2): the PyInstaller folder run with no
# virtual environment and no Python on PATH.
#   packaging/smoke.sh [build/dist]        (make package-smoke)
# --version, demo, list, export-plan (the PDF read back with pdftotext), the GUI started on a
# demo offscreen until its list is shown, then quit cleanly; the .deb's contents and the desktop
# entry and metainfo validated when the tools are there.
set -euo pipefail
dist=$(cd "${1:-build/dist}" && pwd)
app="$dist/cep-desk"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "package smoke test: $*" >&2; exit 1; }
pass="Phrase de passe du test du paquet 2026 !"
# Nothing of the build machine's Python: a bare PATH, a fresh home.
run() {
  env -i PATH=/usr/bin:/bin HOME="$work/home" TMPDIR="$work/tmp" LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen CEP_DESK_LOG_DIR="$work/logs" "$@"
}
mkdir -p "$work/home" "$work/tmp"
started=$(date +%s)

version=$(run "$app/cep-desk-cli" --version)
[ "$version" = "cep-desk $(sed -n 's/^__version__ = "\(.*\)"/\1/p' cep_desk/__init__.py)" ] \
  || fail "--version said « $version »"

run env CEP_DESK_PASSPHRASE="$pass" "$app/cep-desk-cli" demo --workspace "$work/ws" --count 8 \
  > "$work/recovery.txt" 2> "$work/demo.err" || { cat "$work/demo.err"; fail "demo"; }
run env CEP_DESK_PASSPHRASE="$pass" "$app/cep-desk-cli" list --workspace "$work/ws" \
  > "$work/list.jsonl" || fail "list"
[ "$(wc -l < "$work/list.jsonl")" -eq 8 ] || fail "list gave $(wc -l < "$work/list.jsonl") lines"
id=$(sed -n '1s/^{"id": \([0-9]*\),.*/\1/p' "$work/list.jsonl")
run env CEP_DESK_PASSPHRASE="$pass" "$app/cep-desk-cli" export-plan --workspace "$work/ws" \
  --beneficiary "$id" -o "$work/plan.pdf" 2> "$work/export.err" || { cat "$work/export.err"; fail "export-plan"; }
# The text read whole first: with pipefail, `pdftotext | grep -q` fails when grep stops
# reading early and pdftotext gets SIGPIPE (it did once the plan grew).
plan_text=$(pdftotext "$work/plan.pdf" -) || fail "pdftotext could not read the PDF"
grep -q "Plan d.action" <<< "$plan_text" || fail "the PDF does not read back"
last=$(sed -n '1s/.*"last_name": "\([^"]*\)".*/\1/p' "$work/list.jsonl")
grep -qi "$last" <<< "$plan_text" || fail "the PDF does not name the person"

# The GUI on a demo: it reports its first screen, then quits as on SIGTERM.
run env CEP_DESK_STARTUP_REPORT="$work/gui.json" timeout 300 "$app/cep-desk" --demo \
  2> "$work/gui.err" || { cat "$work/gui.err"; fail "GUI exit code $?"; }
report=$(cat "$work/gui.json")
for expected in '"screen": "main"' '"frozen": true' '"icon": true' 'cep_desk_fr.qm' \
                '"desktop_file": "fr.cepdesk.CepDesk"'; do
  case "$report" in *"$expected"*) ;; *) fail "GUI report lacks $expected: $report" ;; esac
done
grep -q Traceback "$work/gui.err" && fail "traceback on stderr"
ls "$work/tmp" | grep -q cep-desk-demo && fail "demo folder left behind"

# The .deb and its desktop files.
deb=$(ls "$dist"/cep-desk_*.deb)
contents=$(dpkg-deb --contents "$deb")
for path in ./opt/cep-desk/cep-desk ./usr/bin/cep-desk-cli \
            ./usr/share/applications/fr.cepdesk.CepDesk.desktop \
            ./usr/share/metainfo/fr.cepdesk.CepDesk.metainfo.xml \
            ./usr/share/icons/hicolor/256x256/apps/fr.cepdesk.CepDesk.png \
            ./opt/cep-desk/_internal/cep_desk/storage/migrations/versions/0001_initial_schema.py \
            ./opt/cep-desk/_internal/cep_desk/resources/i18n/cep_desk_fr.qm; do
  grep -q " $path" <<< "$contents" || fail "$path missing from the .deb"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$app/share/applications/fr.cepdesk.CepDesk.desktop" || fail "desktop entry"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$app/share/metainfo/fr.cepdesk.CepDesk.metainfo.xml" >/dev/null \
    || fail "metainfo"
fi
echo "package smoke test passed in $(( $(date +%s) - started )) s: $version; GUI: $report"
