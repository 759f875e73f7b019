"""Screenshots of the shell (first run, unlock, main window on the demo), made by
``docs/make_screenshots.py`` in a fresh process. They go to a temporary folder, or to
``docs/screenshots/`` when ``CEP_DESK_SCREENSHOTS=1`` (then also at 200 %)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "docs" / "make_screenshots.py"
EXPECTED = (
    "premier-lancement-1-dossier",
    "premier-lancement-2-identite",
    "premier-lancement-3-phrase",
    "premier-lancement-4-cle",
    "fenetre-principale",
    "recherche",
    "deverrouillage",
    "deverrouillage-erreur",
)
KEPT_AT_200 = ("fenetre-principale-200", "premier-lancement-3-phrase-200")


def _run(out: Path, *extra: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CEP_DESK_TEST_KDF="1")
    env.pop("QT_SCALE_FACTOR", None)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_screenshots(tmp_path, qapp):
    publish = os.environ.get("CEP_DESK_SCREENSHOTS") == "1"
    out = ROOT / "docs" / "screenshots" if publish else tmp_path / "shots"
    _run(out)
    for name in EXPECTED:
        path = out / f"{name}.png"
        assert path.exists(), name
        assert path.stat().st_size < 250 * 1024, name
        image = QImage(str(path))
        assert not image.isNull()
        # Not blank: text and frames give many distinct colours.
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 5)
            for y in range(0, image.height(), 5)
        }
        assert len(colours) > 8, name
    window = QImage(str(out / "fenetre-principale.png"))
    assert (window.width(), window.height()) == (1280, 800)
    if publish:
        big = tmp_path / "x2"
        _run(big, "--scale", "2")
        for name in KEPT_AT_200:
            shutil.copy(big / f"{name}.png", out / f"{name}.png")
            assert (out / f"{name}.png").stat().st_size < 250 * 1024
