"""French formatting and parsing, in one place for the UI, the CLI and the PDF.

Money is always an ``int`` of cents; dates are ``datetime.date``. Thousands are separated with
U+202F (narrow no-break space), as French typography asks; the euro sign is preceded by U+00A0.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

NNBSP = "\u202f"  # narrow no-break space: thousands separator
NBSP = "\u00a0"  # no-break space: before € and before : ; ! ?

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_SHORT = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)

MAX_CENTS = 10**12  # ten billion euros: any amount above is a typing error


class ParseError(ValueError):
    """Raised with a French message when user input cannot be read."""


def format_int(value: int) -> str:
    """``1250`` → ``"1 250"`` with U+202F as the group separator."""
    sign = "-" if value < 0 else ""
    digits = str(abs(value))
    groups = []
    while digits:
        groups.append(digits[-3:])
        digits = digits[:-3]
    return sign + NNBSP.join(reversed(groups))


def format_decimal(value: float, digits: int = 1) -> str:
    """``12.25`` → ``"12,3"`` (decimal comma, thousands grouped as :func:`format_int`)."""
    text = f"{abs(value):.{digits}f}"
    whole, _dot, frac = text.partition(".")
    sign = "-" if value < 0 and float(text) != 0 else ""
    return sign + format_int(int(whole)) + ("," + frac if frac else "")


def format_percent(value: float, digits: int = 1) -> str:
    """``12.5`` → ``"12,5 %"`` (a no-break space before the sign, as French typography asks)."""
    return f"{format_decimal(value, digits)}{NBSP}%"


def format_eur(cents: int | None, *, with_symbol: bool = True) -> str:
    """``125000`` → ``"1 250,00 €"``; ``None`` → ``""``."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(int(cents)), 100)
    text = f"{sign}{format_int(euros)},{rest:02d}"
    return f"{text}{NBSP}€" if with_symbol else text


def parse_eur(text: str) -> int | None:
    """Read an amount typed the French way (``"1 250,5"``, ``"1250.50 €"``) into cents.

    Empty text gives ``None``. Negative or absurd amounts raise :class:`ParseError`.
    """
    raw = (text or "").strip()
    for ch in (" ", NBSP, NNBSP, "€", "EUR", "eur"):
        raw = raw.replace(ch, "")
    if not raw:
        return None
    if raw.startswith("-"):
        raise ParseError("Le montant ne peut pas être négatif.")
    if raw.count(",") + raw.count(".") > 1:
        raise ParseError(f"Montant illisible : « {text.strip()} ». Exemple : 1 250,50")
    raw = raw.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d{0,2})?", raw):
        raise ParseError(
            f"Montant illisible : « {text.strip()} ». Exemple : 1 250,50 (deux décimales au plus)"
        )
    euros, _, dec = raw.partition(".")
    cents = int(euros) * 100 + int((dec + "00")[:2])
    if cents > MAX_CENTS:
        raise ParseError("Le montant est trop élevé.")
    return cents


def format_date(value: date | None) -> str:
    """``date(2026, 11, 27)`` → ``"27/11/2026"``; ``None`` → ``""``. (Not ``strftime``: a
    tenth of its cost, which counts in a due list of thousands of lines.)"""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}" if value else ""


def format_date_long(value: date | None) -> str:
    """``date(2026, 11, 1)`` → ``"1er novembre 2026"``."""
    if not value:
        return ""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def format_month(value: date, *, short: bool = False) -> str:
    names = MONTHS_SHORT if short else MONTHS
    return f"{names[value.month - 1]} {value.year}"


WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
WEEKDAYS_SHORT = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")


def format_weekday_date(value: date) -> str:
    """``date(2026, 12, 3)`` → ``"jeudi 3 décembre 2026"`` (the agenda's day heading)."""
    return f"{WEEKDAYS[value.weekday()]} {format_date_long(value)}"


def format_weekday_short(value: date) -> str:
    """``date(2026, 12, 3)`` → ``"jeu. 3/12"`` (a column of the agenda's week)."""
    return f"{WEEKDAYS_SHORT[value.weekday()]} {value.day}/{value.month:02d}"


def format_week_range(monday: date, days: int = 7) -> str:
    """The week starting on ``monday``: ``"semaine du 30 novembre au 6 décembre 2026"``."""
    from datetime import timedelta

    last = monday + timedelta(days=days - 1)
    if monday.year != last.year:
        first = format_date_long(monday)
    elif monday.month != last.month:
        first = format_date_long(monday).rsplit(" ", 1)[0]
    else:
        first = "1er" if monday.day == 1 else str(monday.day)
    return f"semaine du {first} au {format_date_long(last)}"


TWO_DIGIT_PAST = "past"
TWO_DIGIT_NEAR = "near"


def expand_year(yy: int, *, rule: str = TWO_DIGIT_NEAR, today: date | None = None) -> int:
    """The full year of a two-digit year.

    - ``"near"`` (session, plan and decision dates): the year within 50 years before or 49
      years after today (in 2026: ``84`` → 1984, ``30`` → 2030);
    - ``"past"`` (birth dates): the latest such year at least 14 years ago, the youngest age
      of a beneficiary (in 2026: ``12`` → 2012, ``13`` → 1913, ``84`` → 1984).
    """
    year = (today or date.today()).year
    if rule == TWO_DIGIT_PAST:
        latest = year - 14
        full = (latest // 100) * 100 + yy
        return full if full <= latest else full - 100
    full = (year // 100) * 100 + yy
    if full > year + 49:
        return full - 100
    if full < year - 50:
        return full + 100
    return full


def parse_date(
    text: str, *, two_digit_years: str = TWO_DIGIT_NEAR, today: date | None = None
) -> date | None:
    """Read a date typed the French way: ``14/03/1984``, ``14/3/84``, ``14031984``,
    ``140384`` (also ``-``, ``.`` or space separators, or ISO ``AAAA-MM-JJ``).

    Two-digit years follow :func:`expand_year` (``two_digit_years``: ``"near"`` or
    ``"past"``). Empty text gives ``None``; an unreadable or impossible date (``31021984``)
    raises :class:`ParseError` with a French message.
    """
    raw = (text or "").strip()
    if not raw:
        return None
    year_text: str
    m = re.fullmatch(r"(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4}|\d{2})", raw)
    if m:
        day_text, month_text, year_text = m.groups()
    elif re.fullmatch(r"\d{8}|\d{6}", raw):
        day_text, month_text, year_text = raw[:2], raw[2:4], raw[4:]
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", raw)
        if not m:
            raise ParseError(
                f"Date illisible : « {raw} ». Format attendu : JJ/MM/AAAA (ou JJMMAAAA)"
            )
        year_text, month_text, day_text = m.groups()
    y = int(year_text)
    if len(year_text) == 2:
        y = expand_year(y, rule=two_digit_years, today=today)
    try:
        return date(y, int(month_text), int(day_text))
    except ValueError:
        raise ParseError(f"Cette date n'existe pas : « {raw} ».") from None


def format_datetime_local(value: datetime | None) -> str:
    """A UTC timestamp shown in local time: ``"27/11/2026 à 10:42"``."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone()
    return f"{local:%d/%m/%Y} à {local:%H:%M}"


def format_time_local(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return f"{value.astimezone():%H:%M}"


def format_duration_minutes(minutes: int | None) -> str:
    if not minutes:
        return ""
    h, m = divmod(int(minutes), 60)
    if not h:
        return f"{m}{NBSP}min"
    return f"{h}{NBSP}h{NBSP}{m:02d}" if m else f"{h}{NBSP}h"


def format_age(years: int | None) -> str:
    """« 42 ans », « 1 an »; empty when unknown."""
    if years is None:
        return ""
    return f"{years} an" if years < 2 else f"{years} ans"


def format_phone(value: str | None) -> str:
    """French numbers grouped by two: ``0612345678`` → ``"06 12 34 56 78"``."""
    digits = re.sub(r"\D", "", value or "")
    if len(digits) == 10 and digits.startswith("0"):
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    return (value or "").strip()


def format_clock(value: time | None) -> str:
    """A local wall-clock time as the agenda shows it: ``"09:30"``; empty when unknown."""
    return f"{value:%H:%M}" if value is not None else ""


def initials(last_name: str, first_name: str) -> str:
    """The person's initials, first name first: ``"A. D."``; a compound first name keeps its
    hyphen (``"J.-P. L."`` for Jean-Pierre Le Goff). What the exported agenda shows."""
    first_text = (first_name or "").strip()
    if first_text.isalpha():  # one part (most names): no splitting needed
        parts = [first_text]
    else:
        parts = [p for p in re.split(r"[-\s]+", first_text) if p][:3]
    first = "-".join(f"{p[0].upper()}." for p in parts)
    last_text = (last_name or "").strip()
    last = f"{last_text[0].upper()}." if last_text else ""
    return " ".join(x for x in (first, last) if x)


def full_name(last_name: str, first_name: str) -> str:
    """``NOM Prénom``, the way French administrative documents write it."""
    return f"{(last_name or '').strip().upper()} {(first_name or '').strip()}".strip()
