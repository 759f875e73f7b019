"""Screenshots of the main window at laptop sizes and in a dark palette (issue 9.6, 9.12),
made by ``docs/make_screenshots.py --window`` in fresh processes (the scale factor is read at
start). Written to ``docs/screenshots/`` when ``CEP_DESK_SCREENSHOTS=1``, else one run into a
temporary folder checks that they are made."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "docs" / "make_screenshots.py"
PUBLISH = os.environ.get("CEP_DESK_SCREENSHOTS") == "1"

# (arguments, expected files, expected pixel size)
RUNS = [
    (
        ["--window", "1280x720"],
        [
            "tab-identite-1280x720",
            "tab-niveau1-1280x720",
            "tab-niveau2-entretiens-1280x720",
            "tab-niveau2-besoins-1280x720",
            "tab-niveau2-projet-1280x720",
            "tab-niveau2-plan-1280x720",
            "tab-niveau2-financement-1280x720",
            "tab-niveau2-calendrier-1280x720",
            "tab-contacts-1280x720",
            "tab-documents-1280x720",
            "tab-historique-1280x720",
        ],
        (1280, 720),
    ),
    (
        ["--window", "1366x768", "--pages", "identite,niveau1,niveau2-financement"],
        ["tab-identite-1366x768", "tab-niveau1-1366x768", "tab-niveau2-financement-1366x768"],
        (1366, 768),
    ),
    (
        [
            "--window",
            "1280x720",
            "--scale",
            "1.5",
            "--suffix=-1920x1080-150",
            "--pages",
            "niveau1,niveau2-financement,niveau2-plan",
        ],
        [
            "tab-niveau1-1920x1080-150",
            "tab-niveau2-financement-1920x1080-150",
            "tab-niveau2-plan-1920x1080-150",
        ],
        (1920, 1080),
    ),
    (
        [
            "--window",
            "1280x720",
            "--dark",
            "--suffix=-sombre",
            "--pages",
            "niveau2-financement,identite",
        ],
        ["tab-niveau2-financement-sombre", "tab-identite-sombre"],
        (1280, 720),
    ),
]


def _run(out: Path, args: list[str]) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CEP_DESK_TEST_KDF="1")
    env.pop("QT_SCALE_FACTOR", None)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_laptop_and_dark_screenshots(tmp_path, qapp):
    out = ROOT / "docs" / "screenshots" if PUBLISH else tmp_path / "shots"
    runs = RUNS if PUBLISH else RUNS[3:]  # the dark one only, when not publishing
    for args, names, size in runs:
        _run(out, args)
        for name in names:
            path = out / f"{name}.png"
            assert path.exists(), name
            assert path.stat().st_size < 250 * 1024, name
            image = QImage(str(path))
            assert (image.width(), image.height()) == size, name
