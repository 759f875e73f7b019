"""Linux archive and .deb from the PyInstaller folder (``make package`` runs this after it).

    python packaging/linux/build.py build/dist

Reads ``<dist>/cep-desk/`` (the one-folder build of packaging/cep-desk.spec) and writes:

- ``<dist>/cep-desk-<version>-linux-<arch>.tar.gz``: the folder, with the desktop entry, the
  AppStream metainfo, the icons and ``install-desktop-entry.sh`` (adds the entry to the menu of
  the person who runs it, no administrator rights needed);
- ``<dist>/cep-desk_<version>_<debarch>.deb``: the folder in ``/opt/cep-desk``, the commands in
  ``/usr/bin``, the desktop entry, metainfo and icons where desktops look for them, and a
  ``Depends`` computed from what the bundled libraries need from the system (``ldd``, then
  ``dpkg -S`` on the build machine): the system libraries the spec deliberately leaves out;
- ``<dist>/cep-desk-system-libraries.txt``: those libraries and their packages (for IT staff).

Standard library only; needs ``ldd``, ``dpkg``, ``dpkg-deb`` (Debian or Ubuntu build machine).
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "fr.cepdesk.CepDesk"
NAME = "cep-desk"
HERE = Path(__file__).resolve().parent
ICONS = ROOT / "cep_desk" / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Always present where a .deb installs; not worth a Depends line.
ESSENTIAL = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g"}


def version() -> str:
    text = (ROOT / "cep_desk" / "__init__.py").read_text("utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if not found:
        raise SystemExit("no __version__ in cep_desk/__init__.py")
    return found.group(1)


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_libraries(folder: Path) -> tuple[dict[str, str], list[str]]:
    """``{library path outside the folder: the file that needs it}`` and the missing ones."""
    needed: dict[str, str] = {}
    missing: set[str] = set()
    inside = str(folder.resolve())
    # The bootloader puts _internal first on the library path: resolve as it does, so that a
    # library the folder ships is not counted as one the system must provide.
    internal = folder / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    for elf in elf_files(folder):
        out = subprocess.run(
            ["ldd", str(elf)], capture_output=True, text=True, check=False, timeout=60, env=env
        ).stdout
        for line in out.splitlines():
            line = line.strip()
            if "=> not found" in line:
                missing.add(f"{line.split()[0]} (for {elf.relative_to(folder)})")
                continue
            match = re.match(r"(\S+) => (/\S+)", line)
            if match and not os.path.realpath(match.group(2)).startswith(inside):
                needed.setdefault(os.path.realpath(match.group(2)), str(elf.relative_to(folder)))
    return needed, sorted(missing)


def owning_package(path: str) -> str | None:
    candidates = {path}
    for a, b in (("/usr/lib/", "/lib/"), ("/lib/", "/usr/lib/")):
        if path.startswith(a):
            candidates.add(b + path[len(a) :])
    for candidate in sorted(candidates):
        out = subprocess.run(
            ["dpkg", "-S", candidate], capture_output=True, text=True, check=False, timeout=60
        )
        if out.returncode == 0 and out.stdout:
            return out.stdout.split(":", 1)[0].strip()
    return None


def desktop_files(target: Path, exec_path: str | None = None) -> None:
    """Desktop entry, metainfo and icons under ``target`` (a ``share`` folder)."""
    (target / "applications").mkdir(parents=True, exist_ok=True)
    entry = (HERE / f"{APP_ID}.desktop").read_text("utf-8")
    if exec_path:
        entry = entry.replace("Exec=cep-desk", f"Exec={exec_path}")
        entry = entry.replace("TryExec=cep-desk", f"TryExec={exec_path}")
    (target / "applications" / f"{APP_ID}.desktop").write_text(entry, "utf-8")
    (target / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / f"{APP_ID}.metainfo.xml", target / "metainfo" / f"{APP_ID}.metainfo.xml")
    for size in ICON_SIZES:
        folder = target / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ICONS / f"cep-desk-{size}.png", folder / f"{APP_ID}.png")
    scalable = target / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ICONS / "cep-desk.svg", scalable / f"{APP_ID}.svg")


INSTALL_ENTRY = """#!/bin/sh
# Adds CEP Desk to your applications menu (for you only, no administrator rights needed).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/metainfo"
cp -R "$here/share/icons" "$data/"
sed "s|^Exec=.*|Exec=\\"$here/cep-desk\\"|; s|^TryExec=.*|TryExec=$here/cep-desk|" \\
  "$here/share/applications/fr.cepdesk.CepDesk.desktop" \\
  > "$data/applications/fr.cepdesk.CepDesk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "CEP Desk est dans le menu des applications."
"""


def archive(dist: Path, folder: Path, ver: str, arch: str) -> Path:
    desktop_files(folder / "share")
    script = folder / "install-desktop-entry.sh"
    script.write_text(INSTALL_ENTRY, "utf-8")
    script.chmod(0o755)
    out = dist / f"{NAME}-{ver}-linux-{arch}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=f"{NAME}-{ver}")
    return out


def deb(dist: Path, folder: Path, ver: str, depends: list[str]) -> Path:
    debarch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    stage = dist / "deb-root"
    shutil.rmtree(stage, ignore_errors=True)
    opt = stage / "opt" / NAME
    shutil.copytree(folder, opt, symlinks=True, ignore=shutil.ignore_patterns("share", "*.sh"))
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for exe in ("cep-desk", "cep-desk-cli"):
        (bin_dir / exe).symlink_to(f"/opt/{NAME}/{exe}")
    desktop_files(stage / "usr" / "share")
    docs = stage / "usr" / "share" / "doc" / NAME
    docs.mkdir(parents=True)
    shutil.copy2(ROOT / "cep_desk" / "resources" / "fonts" / "LICENSE-DejaVu.txt", docs)
    size_kib = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file()) // 1024
    control = stage / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        "\n".join(
            [
                f"Package: {NAME}",
                f"Version: {ver}",
                f"Architecture: {debarch}",
                "Maintainer: CEP Desk <cep-desk@localhost>",
                f"Installed-Size: {size_kib}",
                "Section: misc",
                "Priority: optional",
                f"Depends: {', '.join(depends)}",
                "Recommends: fonts-dejavu-core",
                "Description: poste de travail du conseil en évolution professionnelle",
                " CEP Desk : dossiers des personnes accompagnées, entretiens, plan d'action",
                " en PDF ; hors ligne, données chiffrées (SQLCipher).",
                "",
            ]
        ),
        "utf-8",
    )
    out = dist / f"{NAME}_{ver}_{debarch}.deb"
    subprocess.run(
        # gzip: xz took over 15 minutes on a loaded 2-core machine; every dpkg reads gzip.
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(stage), str(out)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    shutil.rmtree(stage, ignore_errors=True)
    return out


def main(argv: list[str]) -> int:
    dist = Path(argv[0] if argv else ROOT / "build" / "dist").resolve()
    folder = dist / NAME
    if not (folder / "cep-desk").is_file():
        print(f"no PyInstaller build in {folder}: run make package", file=sys.stderr)
        return 1
    ver, arch = version(), platform.machine()
    needed, missing = system_libraries(folder)
    packages: dict[str, list[str]] = {}
    unowned = []
    for lib in sorted(needed):
        pkg = owning_package(lib)
        if pkg is None:
            unowned.append(lib)
        else:
            packages.setdefault(pkg, []).append(Path(lib).name)
    lines = [f"{pkg}: {', '.join(libs)}" for pkg, libs in sorted(packages.items())]
    lines += [f"(no package) {lib}" for lib in unowned]
    lines += [f"(not found at build time) {m}" for m in missing]
    (dist / f"{NAME}-system-libraries.txt").write_text("\n".join(lines) + "\n", "utf-8")
    depends = sorted(set(packages) - ESSENTIAL)
    tar_path = archive(dist, folder, ver, arch)
    deb_path = deb(dist, folder, ver, depends)
    for path in (tar_path, deb_path):
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
            f"{path.stat().st_size / 2**20:.1f} MiB"
        )
    if missing:
        print("libraries not found on this machine (their Qt plugin will not load):")
        print("  " + "\n  ".join(missing))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
