"""Colours taken from the palette, so that light and dark desktop themes both stay readable.

No widget hard-codes a text colour on the window's background: muted text is the palette's
text blended a little toward its background, error and warning colours are chosen from the
palette's lightness, and boxes that set a background set their text colour with it. The style
sheets are computed when the widget is built, from the application's palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette


def palette() -> QPalette:
    return QGuiApplication.palette()


def is_dark(pal: QPalette | None = None) -> bool:
    """A dark theme: the window background is darker than its text."""
    pal = pal or palette()
    return (
        pal.color(QPalette.ColorRole.Window).lightnessF()
        < pal.color(QPalette.ColorRole.WindowText).lightnessF()
    )


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` of the way toward ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(fg: QColor, bg: QColor) -> float:
    """WCAG 2 contrast ratio (1 to 21); 4.5 is the minimum for body text."""
    lighter, darker = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def muted_text(pal: QPalette | None = None) -> QColor:
    """Secondary text (hints, notes): the text colour, a quarter of the way to the window."""
    pal = pal or palette()
    return blend(
        pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window), 0.25
    )


def error_text(pal: QPalette | None = None) -> QColor:
    return QColor("#ff9a8f") if is_dark(pal) else QColor("#9b1c1c")


def good_text(pal: QPalette | None = None) -> QColor:
    return QColor("#7fd88f") if is_dark(pal) else QColor("#1e6b2e")


def panel_background(pal: QPalette | None = None) -> QColor:
    """A box set apart from the window (the financing totals): a little toward the text."""
    pal = pal or palette()
    return blend(
        pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.WindowText), 0.06
    )


def hint_style() -> str:
    return f"color: {muted_text().name()};"


def error_style() -> str:
    return f"color: {error_text().name()}; font-weight: 600;"


def warning_style() -> str:
    """A warning box: background, text and border chosen together."""
    if is_dark():
        bg, fg, border = "#4a3b12", "#ffe8a6", "#c99a1a"
    else:
        bg, fg, border = "#fff4d6", "#4a3300", "#d9a400"
    return (
        f"background: {bg}; color: {fg}; border: 1px solid {border}; border-radius: 4px;"
        " padding: 6px;"
    )


def error_box_style(selector: str) -> str:
    """An error box (unlock, first run): background, text and border chosen together."""
    if is_dark():
        bg, fg, border = "#4a1f1f", "#ffd0cc", "#b35a5a"
    else:
        bg, fg, border = "#fbeaea", "#8b1a1a", "#d9a3a3"
    return (
        f"{selector} {{ color: {fg}; background: {bg}; border: 1px solid {border};"
        " border-radius: 4px; padding: 8px; }"
    )


def strength_colour(acceptable: bool, fraction: float, pal: QPalette | None = None) -> QColor:
    """The passphrase meter's bar: red when weak, amber half-way, green when acceptable, at a
    lightness that stands out from the palette's background."""
    dark = is_dark(pal)
    if acceptable:
        return QColor("#3fae5a") if dark else QColor("#1e7b34")
    if fraction >= 0.5:
        return QColor("#e0a030") if dark else QColor("#b06a00")
    return QColor("#f0675c") if dark else QColor("#b3261e")


def colour_meter(bar, acceptable: bool, fraction: float) -> None:
    """Colour a QProgressBar's chunk by strength, through its palette (every style reads the
    Highlight role; the text over the bar stays the palette's highlighted text)."""
    pal = bar.palette()
    colour = strength_colour(acceptable, fraction, pal)
    pal.setColor(QPalette.ColorRole.Highlight, colour)
    text = (
        QColor("#000000") if contrast_ratio(QColor("#000000"), colour) > 4.5 else QColor("#ffffff")
    )
    pal.setColor(QPalette.ColorRole.HighlightedText, text)
    bar.setPalette(pal)
    bar.setProperty("strength", "good" if acceptable else "medium" if fraction >= 0.5 else "weak")


def dark_palette() -> QPalette:
    """A dark desktop palette (tests and screenshots of the dark theme)."""
    pal = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1f1f1f"),
        (roles.AlternateBase, "#272727"),
        (roles.Text, "#e6e6e6"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.BrightText, "#ff6666"),
        (roles.Highlight, "#3d7bd9"),
        (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#3a3a3a"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.PlaceholderText, "#9a9a9a"),
        (roles.Link, "#8ab4f8"),
        (roles.Light, "#4a4a4a"),
        (roles.Midlight, "#3e3e3e"),
        (roles.Mid, "#303030"),
        (roles.Dark, "#202020"),
        (roles.Shadow, "#101010"),
    ):
        pal.setColor(role, QColor(colour))
    for role, colour in (
        (roles.WindowText, "#8a8a8a"),
        (roles.Text, "#8a8a8a"),
        (roles.ButtonText, "#8a8a8a"),
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return pal
