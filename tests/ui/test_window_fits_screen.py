"""The main window fits the screen it opens on: the default size and a remembered geometry
(saved on a larger screen) are clamped to a 1366×768 laptop screen. Each case runs in a child
process whose offscreen screen is that laptop's (the test's own screen is 800×800)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cep_desk.ui.main_window import MainWindow

tmp, mode = Path(sys.argv[1]), sys.argv[2]
settings = QSettings(str(tmp / "cep-desk-test.ini"), QSettings.Format.IniFormat)
if mode == "remembered":  # a geometry saved on a 1920×1080 screen, at its bottom right
    big = MainWindow(tmp / "espace", settings=settings)
    big.setGeometry(QRect(500, 300, 1400, 1000))
    settings.setValue("window/geometry", big.saveGeometry())
    settings.sync()
    big.deleteLater()
w = MainWindow(tmp / "espace", settings=settings)
w.show()
app.processEvents()
area = w.screen().availableGeometry()
frame = w.frameGeometry()
print(json.dumps({"area": area.getRect(), "frame": frame.getRect(), "size": w.size().toTuple()}))
w.close()
"""


def _run(tmp_path: Path, mode: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "synchronousWindowSystem": True,
                "windowFrameMargins": False,
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        ),  # fmt: skip
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path), mode],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("mode", ["default", "remembered"])
def test_the_window_fits_a_1366x768_screen(tmp_path, mode):
    seen = _run(tmp_path, mode)
    ax, ay, aw, ah = seen["area"]
    fx, fy, fw, fh = seen["frame"]
    assert (aw, ah) == (1366, 768)
    assert fh <= ah and fw <= aw, seen
    assert ax <= fx and ay <= fy and fx + fw <= ax + aw and fy + fh <= ay + ah, seen
    if mode == "default":  # still a comfortable window, not a small one
        assert fw >= 1200 and fh >= 700, seen
