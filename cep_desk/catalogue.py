"""Reference catalogue: financing schemes and CEP operators, read from ``cep_desk/resources/catalogue``.

The data files (``schemes.json``, ``operators.json``) are versioned JSON documents of the form
``{"version": "...", "verified_on": "YYYY-MM-DD", "entries": [...]}``. Every entry carries its
sources (``kind`` "S": stated by the source named; "M": general knowledge, not re-verified), the
date it was last checked and a certainty flag ("établi" / "incertain" with an ``uncertainty``
text). Uncertain facts stay visible as data: the UI and the printed plan must show them.

The module also turns a scheme's steps into dated steps (``plan_steps``) counted back from the
start of the training (or of the activity, for business-creation schemes), and into French
one-liners for the printed plan (``next_steps_text``). No Qt here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from cep_desk import geography
from cep_desk.domain import FundingCover, OperatorKind, Public, StepOwner, ValidationError

CATALOGUE_PACKAGE = "cep_desk.resources.catalogue"
SCHEMES_FILE = "schemes.json"
OPERATORS_FILE = "operators.json"

CERTAIN = "établi"
UNCERTAIN = "incertain"
SOURCE_KINDS = {"S": "Énoncé par la source", "M": "Connaissance générale, non revérifiée"}
DEFAULT_START_LABEL = "Début de la formation"

# --- step rules -----------------------------------------------------------------------------
#: The PTP absence request (Code du travail; service-public.fr F14018): at least 120 days before
#: the start when the continuous absence lasts 6 months or more, 60 days otherwise.
RULE_PTP_ABSENCE_REQUEST = "ptp_absence_request"
KNOWN_RULES = frozenset({RULE_PTP_ABSENCE_REQUEST})
PTP_LONG_ABSENCE_LEAD_DAYS = 120
PTP_SHORT_ABSENCE_LEAD_DAYS = 60
#: "6 months or more" read as at least 183 days (half of a 365-day year, rounded up). Six calendar
#: months last 181 to 184 days, so an absence typed in days of 181 or 182 days counts as shorter
#: than six months here; when the duration is unknown the longer lead time (120 days) applies.
PTP_LONG_ABSENCE_MIN_DAYS = 183

#: The app warns when the catalogue in use was verified longer ago than this.
STALE_AFTER_MONTHS = 6

_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_MAX_LEAD_DAYS = 3660


class CatalogueError(ValueError):
    """A catalogue file is missing or malformed. The message (French) names the file and entry."""


# --------------------------------------------------------------------------------------------
# Data types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a URL and/or a label, its kind ("S" or "M"), the page's title
    and the day it was read (``read_on``)."""

    kind: str
    url: str | None = None
    label: str | None = None
    title: str | None = None
    read_on: date | None = None

    @property
    def kind_label(self) -> str:
        return SOURCE_KINDS[self.kind]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind}
        if self.url:
            data["url"] = self.url
        if self.label:
            data["label"] = self.label
        if self.title:
            data["title"] = self.title
        if self.read_on:
            data["read_on"] = self.read_on.isoformat()
        return data


@dataclass(frozen=True)
class ValuePeriod:
    """One value of a yearly-changing figure and the days it applies: ``valid_from`` to
    ``valid_until`` included (``None``: until further notice). ``value_cents`` for an amount in
    euros, ``value`` (text) for anything else (a rate, a number of hours)."""

    valid_from: date
    valid_until: date | None
    source: Source
    value_cents: int | None = None
    value: str | None = None
    uncertain: bool = False
    to_settle: str = ""

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    @property
    def text(self) -> str:
        """The value in French (``103,20 €``, ``60 %``)."""
        if self.value_cents is not None:
            from cep_desk.formatting import format_eur

            return format_eur(self.value_cents)
        return self.value or ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.value_cents is not None:
            data["value_cents"] = self.value_cents
        if self.value is not None:
            data["value"] = self.value
        data["valid_from"] = self.valid_from.isoformat()
        data["valid_until"] = _iso(self.valid_until)
        data["source"] = self.source.to_dict()
        if self.uncertain:
            data["uncertain"] = True
            data["to_settle"] = self.to_settle
        return data


@dataclass(frozen=True)
class DatedValue:
    """A figure that changes over time (the CPF participation, a ceiling, an hourly rate)."""

    key: str
    label: str
    periods: tuple[ValuePeriod, ...]

    def value_on(self, day: date) -> ValuePeriod | None:
        """The period in force on ``day``, or ``None`` (before the first, in a gap)."""
        return next((p for p in self.periods if p.covers(day)), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "periods": [p.to_dict() for p in self.periods],
        }


@dataclass(frozen=True)
class SchemeStep:
    """One step of a scheme, in catalogue order.

    ``lead_days_before_start``: due that many days before the start (negative: after it);
    ``days_after_previous``: due that many days after the previous step (e.g. an employer's
    answer); neither: no fixed lead time. ``rule`` names a special computation (see KNOWN_RULES).
    """

    title: str
    detail: str
    owner: StepOwner
    lead_days_before_start: int | None = None
    days_after_previous: int | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": self.title,
            "detail": self.detail,
            "lead_days_before_start": self.lead_days_before_start,
            "owner": self.owner.value,
        }
        if self.days_after_previous is not None:
            data["days_after_previous"] = self.days_after_previous
        if self.rule:
            data["rule"] = self.rule
        return data


@dataclass(frozen=True)
class Scheme:
    """A financing scheme (dispositif de financement)."""

    code: str
    name: str
    short_name: str
    funder: str
    publics: tuple[Public, ...]
    finances: tuple[FundingCover, ...]
    finances_text: str
    conditions: str
    amounts: str
    steps: tuple[SchemeStep, ...]
    sources: tuple[Source, ...]
    verified_on: date
    certainty: str
    uncertainty: str = ""
    start_label: str = DEFAULT_START_LABEL
    #: First day in force (``None``: in force before the catalogue records, date not given).
    valid_from: date | None = None
    #: Last day in force (``None``: still in force).
    valid_until: date | None = None
    #: Code of the scheme that took over (when ended).
    replaced_by: str | None = None
    dated_values: tuple[DatedValue, ...] = ()
    #: What would settle the uncertainty (a text to read, an office to ask).
    to_settle: str = ""

    @property
    def is_uncertain(self) -> bool:
        return self.certainty == UNCERTAIN

    def serves(self, public: Public) -> bool:
        return public in self.publics

    def in_force_on(self, day: date) -> bool:
        """Whether the scheme exists on ``day``."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_until is None or day <= self.valid_until

    def ended_on(self, day: date) -> bool:
        """Whether the scheme had already ended on ``day``."""
        return self.valid_until is not None and day > self.valid_until

    def dated_value(self, key: str) -> DatedValue | None:
        return next((v for v in self.dated_values if v.key == key), None)

    def value_on(self, key: str, day: date) -> ValuePeriod | None:
        """The value of the figure ``key`` on ``day`` (``None``: unknown key or no period)."""
        dated = self.dated_value(key)
        return dated.value_on(day) if dated else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "short_name": self.short_name,
            "funder": self.funder,
            "publics": [p.value for p in self.publics],
            "finances": [f.value for f in self.finances],
            "finances_text": self.finances_text,
            "conditions": self.conditions,
            "amounts": self.amounts,
            "steps": [s.to_dict() for s in self.steps],
            "start_label": self.start_label,
            "sources": [s.to_dict() for s in self.sources],
            "verified_on": self.verified_on.isoformat(),
            "certainty": self.certainty,
            "uncertainty": self.uncertainty,
            "to_settle": self.to_settle,
            "valid_from": _iso(self.valid_from),
            "valid_until": _iso(self.valid_until),
            "replaced_by": self.replaced_by,
            "dated_values": [v.to_dict() for v in self.dated_values],
        }


@dataclass(frozen=True)
class Operator:
    """A CEP operator (or family of operators) and the publics it serves."""

    code: str
    name: str
    kind: OperatorKind
    publics: tuple[Public, ...]
    description: str
    website: str | None
    contact: str
    region: str | None
    sources: tuple[Source, ...]
    verified_on: date
    certainty: str
    uncertainty: str = ""
    to_settle: str = ""

    @property
    def is_uncertain(self) -> bool:
        return self.certainty == UNCERTAIN

    def serves(self, public: Public) -> bool:
        return public in self.publics

    @property
    def regions(self) -> tuple[str, ...]:
        """The regions (current names) read from ``region``; empty for a national operator."""
        return geography.regions_in(self.region)

    @property
    def is_national(self) -> bool:
        """No region given: the operator (or its network) serves the whole country."""
        return not (self.region or "").strip()

    def serves_region(self, region: str | None) -> bool:
        """National operators serve every region; a regional one, the regions it names."""
        return self.is_national or (region is not None and region in self.regions)

    @property
    def contact_line(self) -> str:
        """The site and the contact, as the catalogue has them, on one line."""
        parts = []
        if self.website:
            parts.append(self.website.removeprefix("https://").rstrip("/"))
        if self.contact:
            parts.append(self.contact)
        return " · ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind.value,
            "publics": [p.value for p in self.publics],
            "description": self.description,
            "website": self.website,
            "contact": self.contact,
            "region": self.region,
            "sources": [s.to_dict() for s in self.sources],
            "verified_on": self.verified_on.isoformat(),
            "certainty": self.certainty,
            "uncertainty": self.uncertainty,
            "to_settle": self.to_settle,
        }


@dataclass(frozen=True)
class Catalogue:
    """Schemes and operators, with each file's version and verification date."""

    schemes: tuple[Scheme, ...]
    operators: tuple[Operator, ...]
    schemes_version: str = ""
    schemes_verified_on: date | None = None
    operators_version: str = ""
    operators_verified_on: date | None = None
    #: Where it was read from: "" for the catalogue shipped with the application, else the
    #: signed file in use (see :mod:`cep_desk.catalogue_update`).
    origin: str = ""
    #: Why an imported catalogue is not the one in use (French), or "".
    notice: str = ""

    def scheme(self, code: str) -> Scheme | None:
        return next((s for s in self.schemes if s.code == code), None)

    def operator(self, code: str) -> Operator | None:
        return next((o for o in self.operators if o.code == code), None)

    def schemes_for(
        self, public: Public, *, include_others: bool = False, on: date | None = None
    ) -> list[Scheme]:
        """Schemes open to ``public`` in catalogue order; then, if asked, all the others.
        With ``on``, only the schemes in force that day."""
        public = Public(public)
        pool = [s for s in self.schemes if on is None or s.in_force_on(on)]
        own = [s for s in pool if s.serves(public)]
        if not include_others:
            return own
        return own + [s for s in pool if not s.serves(public)]

    def schemes_in_force(self, on: date) -> list[Scheme]:
        return [s for s in self.schemes if s.in_force_on(on)]

    def ended_notice(self, code: str, on: date) -> str | None:
        """« Dispositif remplacé par … depuis le … » when scheme ``code`` had ended on ``on``
        (« Dispositif fermé depuis le … » without a successor); ``None`` while in force."""
        scheme = self.scheme(code)
        if scheme is None or not scheme.ended_on(on):
            return None
        assert scheme.valid_until is not None
        from cep_desk.formatting import format_date

        since = format_date(scheme.valid_until + timedelta(days=1))
        successor = self.scheme(scheme.replaced_by) if scheme.replaced_by else None
        if successor is not None:
            return f"Dispositif remplacé par « {successor.name} » depuis le {since}."
        return f"Dispositif fermé depuis le {since}."

    def verified_on(self) -> date | None:
        """The older of the two files' verification dates (« dispositifs vérifiés le … »)."""
        days = [d for d in (self.schemes_verified_on, self.operators_verified_on) if d]
        return min(days) if days else None

    def is_stale(self, today: date, months: int = STALE_AFTER_MONTHS) -> bool:
        """Whether the catalogue was verified more than ``months`` months before ``today``."""
        verified = self.verified_on()
        return verified is None or _add_months(verified, months) < today

    def operators_for(self, public: Public) -> list[Operator]:
        """Operators serving ``public``, national ones before regional holders (catalogue order)."""
        public = Public(public)
        return [o for o in self.operators if o.serves(public)]

    def operators_near(self, public: Public, region: str | None) -> list[Operator]:
        """Operators for a person: serving ``public``, national ones first, then those of
        ``region`` (a region's current name, see :mod:`cep_desk.geography`). With no region
        known, every regional operator of the public follows, for the counsellor to choose."""
        own = self.operators_for(public)
        national = [o for o in own if o.is_national]
        regional = [o for o in own if not o.is_national]
        if region is not None:
            regional = [o for o in regional if o.serves_region(region)]
        return national + regional

    def to_json_dict(self) -> dict[str, Any]:
        """Everything, with sources and dates, as plain JSON types (for ``catalogue --json``)."""
        return {
            "schemes": {
                "version": self.schemes_version,
                "verified_on": _iso(self.schemes_verified_on),
                "entries": [s.to_dict() for s in self.schemes],
            },
            "operators": {
                "version": self.operators_version,
                "verified_on": _iso(self.operators_verified_on),
                "entries": [o.to_dict() for o in self.operators],
            },
        }


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def validate_catalogue(catalogue: Catalogue, today: date | None = None) -> list[str]:
    """The catalogue's own checks, beyond the format (French problems; empty when sound).

    - every entry has a source with an address, every source its reading date, and no date
      (``verified_on``, ``read_on``) is in the future;
    - ``valid_from`` <= ``valid_until``; a successor (``replaced_by``) exists, is in force the
      day after the end, and only an ended scheme names one;
    - an uncertain entry or figure says what would settle it (``to_settle``);
    - a scheme presented as in force (``valid_until`` null or not yet past) has, for each dated
      figure, a value for today: its last period is not over;
    - a figure's periods do not overlap.
    """
    today = today or date.today()
    problems: list[str] = []
    entries: tuple[Scheme | Operator, ...] = (*catalogue.schemes, *catalogue.operators)
    for entry in entries:
        where = f"« {entry.code} »"
        if not any(s.url for s in entry.sources):
            problems.append(f"{where} : aucune source avec une adresse.")
        for source in entry.sources:
            if source.read_on is None:
                problems.append(
                    f"{where} : source sans date de lecture ({source.url or source.label})."
                )
            elif source.read_on > today:
                problems.append(f"{where} : source lue dans le futur ({source.read_on}).")
        if entry.verified_on > today:
            problems.append(f"{where} : vérifié dans le futur ({entry.verified_on}).")
        if entry.is_uncertain and not entry.to_settle:
            problems.append(f"{where} : incertain sans « to_settle ».")
    for scheme in catalogue.schemes:
        where = f"« {scheme.code} »"
        if scheme.valid_from and scheme.valid_until and scheme.valid_until < scheme.valid_from:
            problems.append(f"{where} : valid_until précède valid_from.")
        if scheme.replaced_by:
            successor = catalogue.scheme(scheme.replaced_by)
            if scheme.valid_until is None:
                problems.append(f"{where} : remplacé sans date de fin (valid_until).")
            elif successor is None:
                problems.append(f"{where} : successeur inconnu « {scheme.replaced_by} ».")
            elif not successor.in_force_on(scheme.valid_until + timedelta(days=1)) and not (
                successor.valid_from and successor.valid_from > scheme.valid_until
            ):
                problems.append(f"{where} : le successeur n'est pas en vigueur après la fin.")
        in_force = scheme.valid_until is None or scheme.valid_until >= today
        for dated in scheme.dated_values:
            periods = sorted(dated.periods, key=lambda p: p.valid_from)
            for a, b in zip(periods, periods[1:], strict=False):
                if a.valid_until is None or a.valid_until >= b.valid_from:
                    problems.append(f"{where}, {dated.key} : périodes qui se chevauchent.")
            for period in periods:
                if period.valid_until and period.valid_until < period.valid_from:
                    problems.append(f"{where}, {dated.key} : période à l'envers.")
                if period.uncertain and not period.to_settle:
                    problems.append(f"{where}, {dated.key} : valeur incertaine sans to_settle.")
                if period.source.read_on is None or period.source.read_on > today:
                    problems.append(f"{where}, {dated.key} : source sans date de lecture valide.")
            if in_force and periods and periods[-1].valid_until and periods[-1].valid_until < today:
                problems.append(
                    f"{where} est présenté comme en vigueur mais « {dated.key} » n'a plus de "
                    f"valeur depuis le {periods[-1].valid_until.isoformat()}."
                )
    return problems


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# --------------------------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------------------------


@cache
def load_catalogue() -> Catalogue:
    """The shipped catalogue (read once, then cached). Raises CatalogueError when malformed."""
    package = resources.files(CATALOGUE_PACKAGE)
    texts = {}
    for name in (SCHEMES_FILE, OPERATORS_FILE):
        try:
            texts[name] = package.joinpath(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CatalogueError(f"Catalogue : impossible de lire « {name} » ({exc}).") from exc
    return parse_catalogue(
        _decode(texts[SCHEMES_FILE], SCHEMES_FILE), _decode(texts[OPERATORS_FILE], OPERATORS_FILE)
    )


def load_catalogue_from(directory: str | Path) -> Catalogue:
    """Read ``schemes.json`` and ``operators.json`` from a folder (tests, local overrides)."""
    folder = Path(directory)
    docs = []
    for name in (SCHEMES_FILE, OPERATORS_FILE):
        try:
            text = (folder / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CatalogueError(f"Catalogue : impossible de lire « {name} » ({exc}).") from exc
        docs.append(_decode(text, name))
    return parse_catalogue(docs[0], docs[1])


def _decode(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogueError(
            f"Catalogue : « {name} » n'est pas un JSON valide "
            f"(ligne {exc.lineno}, colonne {exc.colno} : {exc.msg})."
        ) from exc


def parse_catalogue(schemes_doc: Any, operators_doc: Any, *, origin: str = "") -> Catalogue:
    """Validate two decoded documents and build the Catalogue (CatalogueError when malformed)."""
    s_version, s_date, s_entries = _document(schemes_doc, SCHEMES_FILE)
    o_version, o_date, o_entries = _document(operators_doc, OPERATORS_FILE)
    schemes = tuple(_unique(_parse_scheme, s_entries, SCHEMES_FILE))
    operators = tuple(_unique(_parse_operator, o_entries, OPERATORS_FILE))
    return Catalogue(
        schemes=schemes,
        operators=operators,
        schemes_version=s_version,
        schemes_verified_on=s_date,
        operators_version=o_version,
        operators_verified_on=o_date,
        origin=origin,
    )


class _Entry:
    """Typed access to one JSON object, with French errors naming the file, entry and field."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, Mapping):
            raise CatalogueError(f"{where} : un objet JSON est attendu.")
        self.data = data
        self.where = where

    def fail(self, field: str, message: str) -> CatalogueError:
        return CatalogueError(f"{self.where}, champ « {field} » : {message}")

    def check_keys(self, required: set[str], optional: set[str]) -> None:
        missing = sorted(required - set(self.data))
        if missing:
            raise CatalogueError(f"{self.where} : champ(s) manquant(s) : {', '.join(missing)}.")
        unknown = sorted(set(self.data) - required - optional)
        if unknown:
            raise CatalogueError(f"{self.where} : champ(s) inconnu(s) : {', '.join(unknown)}.")

    def text(self, field: str, *, required: bool = True) -> str:
        value = self.data.get(field)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(field, "texte non vide attendu.")
        return value.strip()

    def optional_text(self, field: str) -> str | None:
        value = self.data.get(field)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "texte non vide ou null attendu.")
        return value.strip()

    def day(self, field: str) -> date:
        value = self.data.get(field)
        try:
            return date.fromisoformat(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise self.fail(field, "date AAAA-MM-JJ attendue.") from None

    def int_or_none(self, field: str, low: int, high: int) -> int | None:
        value = self.data.get(field)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise self.fail(field, f"entier entre {low} et {high}, ou null, attendu.")
        return value

    def enums(self, field: str, enum: type, *, non_empty: bool = True) -> tuple[Any, ...]:
        value = self.data.get(field)
        if not isinstance(value, list) or (non_empty and not value):
            raise self.fail(field, "liste non vide attendue.")
        items = []
        for item in value:
            try:
                items.append(enum(item))
            except ValueError:
                raise self.fail(field, f"valeur inconnue « {item} ».") from None
        if len(set(items)) != len(items):
            raise self.fail(field, "valeur en double.")
        return tuple(items)

    def certainty(self) -> tuple[str, str]:
        certainty = self.data.get("certainty")
        if certainty not in (CERTAIN, UNCERTAIN):
            raise self.fail("certainty", f"« {CERTAIN} » ou « {UNCERTAIN} » attendu.")
        uncertainty = self.text("uncertainty", required=certainty == UNCERTAIN)
        return certainty, uncertainty

    def sources(self) -> tuple[Source, ...]:
        value = self.data.get("sources")
        if not isinstance(value, list) or not value:
            raise self.fail("sources", "liste non vide attendue.")
        sources = []
        for i, raw in enumerate(value, 1):
            sources.append(_source(_Entry(raw, f"{self.where}, source {i}")))
        if not any(s.url for s in sources):
            raise self.fail("sources", "au moins une source doit avoir une adresse (url).")
        return tuple(sources)

    def optional_day(self, field: str) -> date | None:
        if self.data.get(field) is None:
            return None
        return self.day(field)

    def flag(self, field: str) -> bool:
        value = self.data.get(field, False)
        if not isinstance(value, bool):
            raise self.fail(field, "true ou false attendu.")
        return value


def _source(item: _Entry) -> Source:
    item.check_keys({"kind", "read_on"}, {"url", "label", "title"})
    kind = item.data["kind"]
    if kind not in SOURCE_KINDS:
        raise item.fail("kind", "« S » ou « M » attendu.")
    url, label = item.optional_text("url"), item.optional_text("label")
    if url is None and label is None:
        raise item.fail("url", "une adresse ou un libellé est attendu.")
    if url is not None and not url.startswith("https://"):
        raise item.fail("url", "adresse https:// attendue.")
    return Source(
        kind=kind,
        url=url,
        label=label,
        title=item.optional_text("title"),
        read_on=item.day("read_on"),
    )


def _dated_values(entry: _Entry) -> tuple[DatedValue, ...]:
    raw = entry.data.get("dated_values")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise entry.fail("dated_values", "liste attendue.")
    values: list[DatedValue] = []
    for i, raw_value in enumerate(raw, 1):
        item = _Entry(raw_value, f"{entry.where}, valeur datée {i}")
        item.check_keys({"key", "label", "periods"}, set())
        key = item.text("key")
        if not _CODE_RE.match(key) or any(v.key == key for v in values):
            raise item.fail("key", "code unique en minuscules ASCII attendu.")
        periods_raw = item.data["periods"]
        if not isinstance(periods_raw, list) or not periods_raw:
            raise item.fail("periods", "liste non vide attendue.")
        periods = []
        for j, raw_period in enumerate(periods_raw, 1):
            per = _Entry(raw_period, f"{item.where}, période {j}")
            per.check_keys(
                {"valid_from", "valid_until", "source"},
                {"value_cents", "value", "uncertain", "to_settle"},
            )
            cents = per.int_or_none("value_cents", 0, 10**10)
            text = per.optional_text("value")
            if (cents is None) == (text is None):
                raise per.fail("value_cents", "value_cents ou value attendu (un seul).")
            start, end = per.day("valid_from"), per.optional_day("valid_until")
            if end is not None and end < start:
                raise per.fail("valid_until", "date antérieure à valid_from.")
            uncertain = per.flag("uncertain")
            periods.append(
                ValuePeriod(
                    valid_from=start,
                    valid_until=end,
                    source=_source(_Entry(per.data["source"], f"{per.where}, source")),
                    value_cents=cents,
                    value=text,
                    uncertain=uncertain,
                    to_settle=per.text("to_settle", required=uncertain),
                )
            )
        values.append(DatedValue(key=key, label=item.text("label"), periods=tuple(periods)))
    return tuple(values)


def _document(doc: Any, name: str) -> tuple[str, date, list[Any]]:
    entry = _Entry(doc, f"Catalogue « {name} »")
    entry.check_keys({"version", "verified_on", "entries"}, {"note"})
    version = entry.text("version")
    verified_on = entry.day("verified_on")
    entries = entry.data["entries"]
    if not isinstance(entries, list) or not entries:
        raise entry.fail("entries", "liste non vide attendue.")
    return version, verified_on, entries


def _unique(parse: Callable[[Any, str], Any], raw_entries: list[Any], name: str) -> list[Any]:
    items, seen = [], set()
    for i, raw in enumerate(raw_entries, 1):
        code = raw.get("code") if isinstance(raw, Mapping) else None
        label = f"« {code} »" if isinstance(code, str) else f"n° {i}"
        item = parse(raw, f"Catalogue « {name} », fiche {label}")
        if item.code in seen:
            raise CatalogueError(f"Catalogue « {name} » : code « {item.code} » en double.")
        seen.add(item.code)
        items.append(item)
    return items


def _code(entry: _Entry) -> str:
    code = entry.text("code")
    if not _CODE_RE.match(code):
        raise entry.fail("code", "minuscules ASCII, chiffres et « _ » attendus.")
    return code


_SCHEME_REQUIRED = {
    "code",
    "name",
    "short_name",
    "funder",
    "publics",
    "finances",
    "finances_text",
    "conditions",
    "amounts",
    "steps",
    "sources",
    "verified_on",
    "certainty",
    "valid_from",
    "valid_until",
    "replaced_by",
}


def _parse_scheme(raw: Any, where: str) -> Scheme:
    entry = _Entry(raw, where)
    entry.check_keys(_SCHEME_REQUIRED, {"uncertainty", "start_label", "to_settle", "dated_values"})
    certainty, uncertainty = entry.certainty()
    valid_from, valid_until = entry.optional_day("valid_from"), entry.optional_day("valid_until")
    if valid_from and valid_until and valid_until < valid_from:
        raise entry.fail("valid_until", "date antérieure à valid_from.")
    replaced_by = entry.optional_text("replaced_by")
    if replaced_by is not None and valid_until is None:
        raise entry.fail("replaced_by", "un dispositif remplacé doit avoir une date de fin.")
    steps_raw = entry.data["steps"]
    if not isinstance(steps_raw, list):
        raise entry.fail("steps", "liste attendue.")
    steps: list[SchemeStep] = []
    for i, raw_step in enumerate(steps_raw, 1):
        steps.append(_parse_step(_Entry(raw_step, f"{where}, étape {i}"), steps))
    return Scheme(
        code=_code(entry),
        name=entry.text("name"),
        short_name=entry.text("short_name"),
        funder=entry.text("funder"),
        publics=entry.enums("publics", Public),
        finances=entry.enums("finances", FundingCover),
        finances_text=entry.text("finances_text"),
        conditions=entry.text("conditions"),
        amounts=entry.text("amounts"),
        steps=tuple(steps),
        sources=entry.sources(),
        verified_on=entry.day("verified_on"),
        certainty=certainty,
        uncertainty=uncertainty,
        start_label=entry.optional_text("start_label") or DEFAULT_START_LABEL,
        valid_from=valid_from,
        valid_until=valid_until,
        replaced_by=replaced_by,
        dated_values=_dated_values(entry),
        to_settle=entry.text("to_settle", required=certainty == UNCERTAIN),
    )


def _parse_step(entry: _Entry, previous: list[SchemeStep]) -> SchemeStep:
    entry.check_keys(
        {"title", "detail", "lead_days_before_start", "owner"}, {"days_after_previous", "rule"}
    )
    try:
        owner = StepOwner(entry.data["owner"])
    except ValueError:
        raise entry.fail("owner", f"valeur inconnue « {entry.data['owner']} ».") from None
    lead = entry.int_or_none("lead_days_before_start", -_MAX_LEAD_DAYS, _MAX_LEAD_DAYS)
    after = entry.int_or_none("days_after_previous", 0, _MAX_LEAD_DAYS)
    rule = entry.optional_text("rule")
    if rule is not None and rule not in KNOWN_RULES:
        raise entry.fail("rule", f"règle inconnue « {rule} ».")
    if rule == RULE_PTP_ABSENCE_REQUEST and lead is None:
        raise entry.fail("lead_days_before_start", "un délai est attendu avec cette règle.")
    if after is not None:
        if lead is not None:
            raise entry.fail("days_after_previous", "incompatible avec lead_days_before_start.")
        prior = previous[-1] if previous else None
        if prior is None or (prior.lead_days_before_start is None and prior.rule is None):
            message = "l'étape précédente doit avoir un délai fixe."
            raise entry.fail("days_after_previous", message)
    return SchemeStep(
        title=entry.text("title"),
        detail=entry.text("detail", required=False),
        owner=owner,
        lead_days_before_start=lead,
        days_after_previous=after,
        rule=rule,
    )


_OPERATOR_REQUIRED = {
    "code",
    "name",
    "kind",
    "publics",
    "description",
    "website",
    "contact",
    "region",
    "sources",
    "verified_on",
    "certainty",
}


def _parse_operator(raw: Any, where: str) -> Operator:
    entry = _Entry(raw, where)
    entry.check_keys(_OPERATOR_REQUIRED, {"uncertainty", "to_settle"})
    certainty, uncertainty = entry.certainty()
    try:
        kind = OperatorKind(entry.data["kind"])
    except ValueError:
        raise entry.fail("kind", f"valeur inconnue « {entry.data['kind']} ».") from None
    website = entry.optional_text("website")
    if website is not None and not website.startswith("https://"):
        raise entry.fail("website", "adresse https:// attendue.")
    return Operator(
        code=_code(entry),
        name=entry.text("name"),
        kind=kind,
        publics=entry.enums("publics", Public),
        description=entry.text("description"),
        website=website,
        contact=entry.text("contact"),
        region=entry.optional_text("region"),
        sources=entry.sources(),
        verified_on=entry.day("verified_on"),
        certainty=certainty,
        uncertainty=uncertainty,
        to_settle=entry.text("to_settle", required=False),
    )


# --------------------------------------------------------------------------------------------
# Lead-time step generator
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedStep:
    """A scheme step dated for one person's project.

    ``due_on`` is the deadline; ``start_on`` is set for a waiting period (e.g. the employer's
    answer runs from the request). ``late``: the deadline is already past (``today``), the UI warns
    "délai déjà dépassé". ``indicative``: the catalogue gives no lead time for this step, so
    its date only places it among the dated ones (see ``plan_steps``). The milestone (start of
    the training or activity) is never ``late``.
    """

    title: str
    detail: str
    owner: StepOwner
    due_on: date
    start_on: date | None
    is_milestone: bool
    scheme_code: str
    late: bool = False
    indicative: bool = False
    rule: str | None = None


def ptp_absence_lead_days(absence_days: int | None, *, part_time: bool = False) -> int:
    """Days before the start by which the PTP absence request must reach the employer.

    C. trav. R.6323-10 I: 120 days for a continuous absence of 6 months or more (``>= 183``
    days, see PTP_LONG_ABSENCE_MIN_DAYS), 60 days for a shorter one **or when the training is
    part-time**, whatever its length; 120 days when the duration is unknown (and not part-time).
    """
    if part_time:
        return PTP_SHORT_ABSENCE_LEAD_DAYS
    if absence_days is None or absence_days >= PTP_LONG_ABSENCE_MIN_DAYS:
        return PTP_LONG_ABSENCE_LEAD_DAYS
    return PTP_SHORT_ABSENCE_LEAD_DAYS


def _lead_days(step: SchemeStep, absence_days: int | None, part_time: bool = False) -> int | None:
    if step.rule == RULE_PTP_ABSENCE_REQUEST:
        return ptp_absence_lead_days(absence_days, part_time=part_time)
    return step.lead_days_before_start


def plan_steps(
    scheme: Scheme,
    training_start: date,
    *,
    absence_days: int | None = None,
    today: date | None = None,
    part_time: bool = False,
) -> list[PlannedStep]:
    """Date a scheme's steps back from ``training_start``; add the start milestone.

    - a step with a lead time is due ``lead`` days before the start (after it when negative);
      the PTP absence request follows the 120/60-day rule on ``absence_days``;
    - a step "N days after the previous one" (an employer's answer) runs from the previous
      step's deadline (``start_on``) to that date plus N days;
    - a step without lead time is indicative: due with the next dated step (at the latest on the
      start), or, after the last dated step, with that step; on the start when none is dated;
    - steps whose deadline is before ``today`` (default: the system date) are kept, marked late.

    The result is sorted by date (catalogue order on ties), the milestone after the steps due on
    the same day.
    """
    if absence_days is not None and absence_days <= 0:
        raise ValidationError("La durée d'absence doit être d'au moins un jour.", "absence_days")
    today = today or date.today()
    dues: list[date | None] = []
    starts: list[date | None] = []
    for step in scheme.steps:
        lead = _lead_days(step, absence_days, part_time)
        if lead is not None:
            dues.append(training_start - timedelta(days=lead))
            starts.append(None)
        elif step.days_after_previous is not None and dues and dues[-1] is not None:
            starts.append(dues[-1])
            dues.append(dues[-1] + timedelta(days=step.days_after_previous))
        else:
            dues.append(None)
            starts.append(None)
    indicative = [d is None for d in dues]
    dated = [i for i, d in enumerate(dues) if d is not None]
    for i in range(len(dues)):
        if not indicative[i]:
            continue
        later = [j for j in dated if j > i]
        earlier = [j for j in dated if j < i]
        if later:  # to be done before the next deadline, and before the start
            dues[i] = min(dues[later[0]], training_start)  # type: ignore[type-var]
        elif earlier:  # trailing step: right after the last deadline
            dues[i] = dues[earlier[-1]]
        else:
            dues[i] = training_start

    planned: list[tuple[date, int, PlannedStep]] = []
    for i, step in enumerate(scheme.steps):
        due = dues[i]
        assert due is not None
        planned.append(
            (
                due,
                i,
                PlannedStep(
                    title=step.title,
                    detail=step.detail,
                    owner=step.owner,
                    due_on=due,
                    start_on=starts[i],
                    is_milestone=False,
                    scheme_code=scheme.code,
                    late=due < today,
                    indicative=indicative[i],
                    rule=step.rule,
                ),
            )
        )
    milestone = PlannedStep(
        title=scheme.start_label,
        detail=f"{scheme.short_name} : date de début prévue.",
        owner=StepOwner.BENEFICIARY,
        due_on=training_start,
        start_on=None,
        is_milestone=True,
        scheme_code=scheme.code,
    )
    planned.append((training_start, len(scheme.steps), milestone))
    planned.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in planned]


def next_steps_text(scheme: Scheme) -> list[str]:
    """French one-liners for the printed plan, one per step, with its lead time."""
    lines = []
    for step in scheme.steps:
        lead = step.lead_days_before_start
        if step.rule == RULE_PTP_ABSENCE_REQUEST:
            text = (
                f"{step.title} au moins {PTP_LONG_ABSENCE_LEAD_DAYS} jours avant le début "
                f"(absence continue de 6 mois ou plus), {PTP_SHORT_ABSENCE_LEAD_DAYS} jours sinon "
                "ou pour une formation à temps partiel"
            )
        elif lead is not None and lead > 0:
            text = f"{step.title} au moins {_days(lead)} avant le début"
        elif lead == 0:
            text = f"{step.title} au plus tard le jour du début"
        elif lead is not None:
            text = f"{step.title} au plus tard {_days(-lead)} après le début"
        elif step.days_after_previous is not None:
            text = f"{step.title} dans les {_days(step.days_after_previous)}"
        else:
            text = step.title
        lines.append(text)
    return lines


def _days(n: int) -> str:
    return "1 jour" if n == 1 else f"{n} jours"
