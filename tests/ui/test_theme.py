"""Readable under a dark desktop theme (issue 9.12) and a passphrase meter whose colour follows
the strength (issue 9.13).

Contrast is measured on the rendered pixels: for every visible label of the page, the colour
behind it (the most frequent pixel of its rectangle) against its text's most contrasting pixel.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from cep_desk.ui import theme
from cep_desk.ui.theme import dark_palette

from .test_panel_support import demo_person_with_plan, make_panel

PAGES = [
    ("identity", ""),
    ("level1", ""),
    ("level2", "sessions"),
    ("level2", "needs"),
    ("level2", "project"),
    ("level2", "steps"),
    ("level2", "funding"),
    ("contacts", ""),
    ("documents", ""),
    ("history", ""),
]


@pytest.fixture
def dark(qapp):
    saved = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    yield
    qapp.setPalette(saved)


def label_contrasts(page: QWidget) -> Iterator[tuple[QLabel, float]]:
    image: QImage = page.grab().toImage()
    scale = image.width() / max(1, page.width())
    for label in page.findChildren(QLabel):
        if not label.isVisibleTo(page) or not label.text().strip() or not label.isEnabled():
            continue
        top_left = label.mapTo(page, label.contentsRect().topLeft())
        rect = label.contentsRect()
        x0, y0 = int(top_left.x() * scale), int(top_left.y() * scale)
        w, h = int(rect.width() * scale), int(rect.height() * scale)
        if w < 4 or h < 4 or x0 < 0 or y0 < 0:
            continue
        pixels = [
            image.pixel(x, y)
            for x in range(x0, min(image.width(), x0 + w))
            for y in range(y0, min(image.height(), y0 + h))
        ]
        if not pixels:
            continue
        background = QColor.fromRgb(Counter(pixels).most_common(1)[0][0])
        best = max(theme.contrast_ratio(QColor.fromRgb(p), background) for p in set(pixels))
        if best == 1.0:
            continue  # clipped off the page (scrolled away)
        yield label, best


@pytest.mark.parametrize("palette_kind", ["dark", "light"])
def test_every_label_is_readable_in_light_and_dark_palettes(qtbot, demo_ws, request, palette_kind):
    if palette_kind == "dark":
        request.getfixturevalue("dark")
    ident = demo_person_with_plan(demo_ws)
    panel = make_panel(qtbot, demo_ws)
    panel.resize(1280, 900)
    panel.load(ident)
    poor = []
    for tab, subtab in PAGES:
        panel.restore_location({"tab": tab, "subtab": subtab})
        QApplication.processEvents()
        for label, ratio in label_contrasts(panel):
            if ratio < 4.5:
                poor.append((tab, subtab, label.text()[:40], round(ratio, 2)))
    assert poor == []


def test_financing_totals_stand_out_in_a_dark_palette(qtbot, demo_ws, dark):
    ident = demo_person_with_plan(demo_ws)
    panel = make_panel(qtbot, demo_ws)
    panel.load(ident)
    panel.restore_location({"tab": "level2", "subtab": "funding"})
    QApplication.processEvents()
    funding = panel.level2.funding
    ratios = dict((label, ratio) for label, ratio in label_contrasts(panel))
    for key, value in funding.total_labels.items():
        assert value.text(), key
        assert ratios.get(value, 0) >= 7, (key, ratios.get(value))  # large, bold: well above


def test_passphrase_meter_colour_follows_the_strength(qtbot, tmp_path):
    from cep_desk.ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(tmp_path / "espace")
    qtbot.addWidget(wizard)
    page = wizard.passphrase
    colours = {}
    for kind, text in (
        ("weak", "court"),
        ("medium", "motdepasse"),
        ("good", "Le chat de Lucie dort sur 3 coussins !"),
    ):
        page.passphrase.setText(text)
        assert page.meter.property("strength") == kind, text
        colour = page.meter.palette().color(QPalette.ColorRole.Highlight)
        colours[kind] = colour.name()
        window = page.meter.palette().color(QPalette.ColorRole.Window)
        assert theme.contrast_ratio(colour, window) >= 3  # a visible bar
    assert len(set(colours.values())) == 3
    # Colour is not the only sign: the verdict is written.
    page.passphrase.setText("court")
    assert "insuffisante" in page.meter.text()
    page.passphrase.setText("Le chat de Lucie dort sur 3 coussins !")
    assert "suffisante" in page.meter.text() and "insuffisante" not in page.meter.text()


def test_passphrase_meter_is_visible_in_a_dark_palette(qtbot, tmp_path, dark):
    from cep_desk.ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(tmp_path / "espace")
    qtbot.addWidget(wizard)
    page = wizard.passphrase
    for text in ("court", "Le chat de Lucie dort sur 3 coussins !"):
        page.passphrase.setText(text)
        colour = page.meter.palette().color(QPalette.ColorRole.Highlight)
        window = page.meter.palette().color(QPalette.ColorRole.Window)
        assert theme.contrast_ratio(colour, window) >= 3, text


def test_the_timeline_is_dark_with_light_text_in_a_dark_palette(qtbot, demo_ws, dark):
    """The Calendrier timeline painted a white canvas with near-black text in a dark theme."""
    panel = make_panel(qtbot, demo_ws)
    panel.resize(1280, 900)
    panel.load(demo_person_with_plan(demo_ws))
    panel.restore_location({"tab": "level2", "subtab": "calendar"})
    QApplication.processEvents()
    timeline = panel.level2.calendar.timeline
    assert timeline.steps and timeline.isVisible()
    image = timeline.grab().toImage()
    pixels = Counter(
        image.pixel(x, y)
        for x in range(0, image.width(), 3)
        for y in range(0, min(image.height(), 400), 3)
    )
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    assert background.lightnessF() < 0.3, background.name()
    window = QApplication.palette().color(QPalette.ColorRole.Base)
    assert theme.contrast_ratio(background, window) < 1.3  # the same canvas as the fields
    # the step titles (left column) are light on it, readable
    titles = {
        image.pixel(x, y)
        for x in range(4, min(image.width(), timeline.label_width - 8))
        for y in range(timeline.header_height, timeline.header_height + timeline.row_height)
    }
    best = max(theme.contrast_ratio(QColor.fromRgb(p), background) for p in titles)
    assert best >= 4.5
