"""The versioned JSON exchange format: export one person or all, import all or nothing.

Stable ids: every record carries ``uid = "<workspace_id>:<table>:<id>"``. Local integer ids
never leave their workspace as such; on import, new local ids are made and the uids are mapped.
A person already imported (or a person of this very workspace still present) is recognised by
their uid and skipped, so importing the same file twice duplicates no one. The mapping lives in
the existing ``settings`` table, one row per imported person (``exchange:<uid>`` → local id),
and is removed when that person is erased.

The import checks the WHOLE file first — JSON syntax, then the JSON Schema
(:mod:`cep_desk.usecases.lifecycle.schema`), then the domain rules (dates, amounts, codes, order of
dates) — and only then writes, in ONE transaction. Any error raises :class:`ExchangeError`
with a French message that says where (``people[3].journeys[0].needs[1].rank``); the workspace
is then unchanged. Text is stored as typed: markup-looking text is data.
"""

from __future__ import annotations

import functools
import json
import re
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from pathlib import Path
from typing import IO, Any, TypedDict, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from cep_desk import domain, kinds
from cep_desk.domain import AuditAction, AuditEntity, ValidationError
from cep_desk.kinds import Kind
from cep_desk.storage import models as m
from cep_desk.storage import sync
from cep_desk.storage.workspace import Workspace
from cep_desk.usecases import beneficiaries
from cep_desk.usecases import changes as chg
from cep_desk.usecases import common as c

from . import schema as sch

FORMAT_NAME = sch.FORMAT_NAME
FORMAT_VERSION = sch.FORMAT_VERSION
MAPPING_PREFIX = "exchange:"
MAX_FILE_BYTES = 2 * 1024**3  # a document read whole into memory (import_json, parse)
# A file read as a stream (import_file): memory does not grow with it; 200 000 people make
# about 2 GiB, so the in-memory limit would refuse a whole large workspace.
MAX_STREAM_BYTES = 64 * 1024**3
MAX_ERRORS_SHOWN = 5


class ExchangeError(Exception):
    """A French message, with the location of the first error in the file when known."""

    def __init__(self, message: str, path: str | None = None, errors: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.errors = errors or [message]


@dataclass(frozen=True)
class ImportReport:
    created: int  # people created
    skipped: int  # people already present (same uid)
    people_ids: list[int]  # local ids of the people created
    skipped_uids: list[str]
    records: int  # rows written, all tables

    def summary(self) -> str:
        parts = [f"{self.created} personne(s) importée(s)"]
        if self.skipped:
            parts.append(f"{self.skipped} déjà présente(s), ignorée(s)")
        return ", ".join(parts) + "."


# ---------------------------------------------------------------------------------------------
# Tables: which columns travel, and in which order
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    model: type[m.Base]
    name: str  # the table name used in uids
    key: str  # the key in the JSON of the parent
    fields: tuple[str, ...]  # columns exported, in order (besides uid)
    spec: Mapping[str, Callable[[Any, str], Any]]  # domain validators of the use cases
    parent_fk: str | None


_MODELS: dict[str, type] = {
    mapper.class_.__tablename__: mapper.class_ for mapper in m.Base.registry.mappers
}


def _table(kind: Kind) -> _Table:
    """The exchange table of a record kind: its exported fields (from its description) and the
    common timestamps, validated with the kind's validators."""
    return _Table(
        _MODELS[kind.table],
        kind.table,
        kind.key,
        (*kind.exported(), "created_at", "updated_at"),
        kind.spec(),
        kind.parent or None,
    )


TABLES: dict[str, _Table] = {kind.name: _table(kind) for kind in kinds.FILE_KINDS}
PERSON = TABLES["person"]
JOURNEY = TABLES["journey"]
SESSION = TABLES["session"]
NEED = TABLES["need"]
PROJECT = TABLES["project"]
CONTACT = TABLES["contact"]
CHECK = TABLES["check"]
SKILL = TABLES["skill"]
STEP = TABLES["step"]
FUNDING = TABLES["funding"]
DOCUMENT = TABLES["document"]
APPOINTMENT = TABLES["appointment"]
# The lists of a journey and of a project, in the format's order (from the descriptions).
JOURNEY_CHILDREN = tuple(TABLES[k.name] for k in kinds.children_of(kinds.JOURNEY))
PROJECT_CHILDREN = tuple(TABLES[k.name] for k in kinds.children_of(kinds.PROJECT))
ALL_TABLES = (PERSON, JOURNEY, *JOURNEY_CHILDREN, *PROJECT_CHILDREN, DOCUMENT, APPOINTMENT)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, list):
        return list(value)
    return value


# ---------------------------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------------------------


def workspace_id_of(ws: Workspace) -> str:
    return ws.workspace_id


EXPORT_BATCH = 500  # people read per keyset batch: memory stays bounded whatever the count


class ExportCancelled(Exception):
    """The export was cancelled: no file was written."""


def _rows(s: Session, table: _Table, where: Any | None) -> list[Mapping[str, Any]]:
    stmt = select(table.model.__table__)
    if where is not None:
        stmt = stmt.where(where)
    return list(s.execute(stmt.order_by(table.model.__table__.c.id)).mappings())  # type: ignore[arg-type]


def _grouped(rows: list[Mapping[str, Any]], fk: str) -> dict[int, list[Mapping[str, Any]]]:
    out: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        out[row[fk]].append(row)
    return out


class ExchangeDocument(TypedDict):
    """The top of an exchange document, as :func:`export_json` makes it (see the schema)."""

    format: str
    version: int
    exported_at: str
    workspace_id: str
    source: dict[str, str]
    people: list[dict[str, object]]


def _person_ids(s: Session, after: int, limit: int) -> list[int]:
    """The next ``limit`` person ids above ``after`` (keyset pagination, in id order)."""
    return list(
        s.scalars(
            select(m.Beneficiary.id)
            .where(m.Beneficiary.id > after)
            .order_by(m.Beneficiary.id)
            .limit(limit)
        )
    )


def _people_json(
    s: Session, wid: str, person_ids: list[int], include_sensitive: bool
) -> list[dict[str, Any]]:
    """The exchange records of some people (every column the kinds export, children nested in
    the format's order, each list in id order)."""

    def record(table: _Table, row: Mapping[str, Any]) -> dict[str, Any]:
        out = {"uid": row["uid"]}  # the record's global id (format version 4)
        for name in table.fields:
            out[name] = _json_value(row[name])
        return out

    def col(table: _Table, name: str) -> Any:
        return table.model.__table__.c[name]

    people = _rows(s, PERSON, col(PERSON, "id").in_(person_ids))
    journey_rows = _rows(s, JOURNEY, col(JOURNEY, "beneficiary_id").in_(person_ids))
    journey_ids = [j["id"] for j in journey_rows]
    by_journey = {
        t.key: _rows(s, t, col(t, "journey_id").in_(journey_ids)) for t in JOURNEY_CHILDREN
    }
    project_ids = [p["id"] for p in by_journey[PROJECT.key]]
    by_project = {
        t.key: _rows(s, t, col(t, "project_id").in_(project_ids)) for t in PROJECT_CHILDREN
    }
    documents = _rows(s, DOCUMENT, col(DOCUMENT, "beneficiary_id").in_(person_ids))
    appointments = _rows(s, APPOINTMENT, col(APPOINTMENT, "beneficiary_id").in_(person_ids))

    journeys_of = _grouped(journey_rows, "beneficiary_id")
    journey_children = {k: _grouped(v, "journey_id") for k, v in by_journey.items()}
    project_children = {k: _grouped(v, "project_id") for k, v in by_project.items()}
    docs_of = _grouped(documents, "beneficiary_id")
    appointments_of = _grouped(appointments, "beneficiary_id")
    journey_uid = {j["id"]: j["uid"] for j in journey_rows}
    session_uid = {r["id"]: r["uid"] for r in by_journey[SESSION.key]}

    def project_json(row: Mapping[str, Any]) -> dict[str, Any]:
        out = record(PROJECT, row)
        for t in PROJECT_CHILDREN:
            out[t.key] = [record(t, r) for r in project_children[t.key].get(row["id"], [])]
        return out

    def journey_json(row: Mapping[str, Any]) -> dict[str, Any]:
        out = record(JOURNEY, row)
        for t in JOURNEY_CHILDREN:
            children = journey_children[t.key].get(row["id"], [])
            if t is PROJECT:
                out[t.key] = [project_json(r) for r in children]
            else:
                out[t.key] = [record(t, r) for r in children]
        return out

    def document_json(row: Mapping[str, Any]) -> dict[str, Any]:
        out = record(DOCUMENT, row)
        out["journey_uid"] = journey_uid.get(row["journey_id"]) if row["journey_id"] else None
        return out

    def appointment_json(row: Mapping[str, Any]) -> dict[str, Any]:
        out = record(APPOINTMENT, row)
        out["journey_uid"] = journey_uid.get(row["journey_id"]) if row["journey_id"] else None
        out["session_uid"] = session_uid.get(row["interview_id"]) if row["interview_id"] else None
        return out

    def person_json(row: Mapping[str, Any]) -> dict[str, Any]:
        out = record(PERSON, row)
        if not include_sensitive:
            out["rqth"] = None
            out["rqth_basis"] = ""
        out["journeys"] = [journey_json(j) for j in journeys_of.get(row["id"], [])]
        out["documents"] = [document_json(d) for d in docs_of.get(row["id"], [])]
        out["appointments"] = [appointment_json(a) for a in appointments_of.get(row["id"], [])]
        return out

    return [person_json(p) for p in people]


def _header(s: Session, wid: str, now: datetime | None) -> dict[str, Any]:
    counsellor = s.scalar(select(m.Counsellor).order_by(m.Counsellor.id))
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": (now or datetime.now(UTC)).replace(microsecond=0).isoformat(),
        "workspace_id": wid,
        "source": {
            "organisation": counsellor.organisation if counsellor else "",
            "counsellor": counsellor.name if counsellor else "",
        },
    }


def _audit_export(s: Session, beneficiary_id: int | None, count: int) -> None:
    if beneficiary_id is not None:
        c.audit(s, AuditAction.EXPORT, kinds.PERSON, beneficiary_id, beneficiary_id, "json")
    else:
        c.audit(s, AuditAction.EXPORT, AuditEntity.WORKSPACE, None, None, f"json {count}")


def export_json(
    ws: Workspace,
    beneficiary_id: int | None = None,
    *,
    include_sensitive: bool = True,
    now: datetime | None = None,
) -> ExchangeDocument:
    """The exchange document of one person (or of everyone), as a JSON-ready dict, in memory.

    For one person (the access copy) or small workspaces; a whole workspace is better written
    with :func:`export_to_file`, which streams. ``include_sensitive=False`` leaves the RQTH
    (health data) out. Audited as an export.
    Raises :class:`cep_desk.usecases.common.NotFound` for an unknown person.
    """
    wid = workspace_id_of(ws)
    with ws.session() as s:
        if beneficiary_id is not None:
            c.get(s, m.Beneficiary, beneficiary_id, "Personne")
            people = _people_json(s, wid, [beneficiary_id], include_sensitive)
        else:
            people = []
            after = 0
            while ids := _person_ids(s, after, EXPORT_BATCH):
                people.extend(_people_json(s, wid, ids, include_sensitive))
                after = ids[-1]
        _audit_export(s, beneficiary_id, len(people))
        header = _header(s, wid, now)
    return {**header, "people": people}  # type: ignore[typeddict-item]


def _indented(person: Mapping[str, Any]) -> str:
    """One person as :func:`dumps` lays it out inside ``people`` (two levels deep). JSON text
    never holds a raw newline inside a string, so indenting every line is exact."""
    return "    " + json.dumps(person, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def export_to_file(
    ws: Workspace,
    path: Path,
    beneficiary_id: int | None = None,
    *,
    include_sensitive: bool = True,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the exchange document to ``path``, person by person (keyset batches of
    :data:`EXPORT_BATCH` people): memory stays bounded whatever the number of people, and the
    bytes are those of ``dumps(export_json(...))``.

    All or nothing: the text goes to a private temporary file beside ``path``, renamed over it
    at the end; on an error or when ``cancelled()`` turns true (:class:`ExportCancelled`), the
    temporary file is removed and ``path`` is untouched. ``progress(done, total)`` is called
    after each batch. Returns the number of people written.
    """
    import contextlib
    import os

    from cep_desk import files

    path = Path(path)
    files.refuse_link(path)
    wid = workspace_id_of(ws)
    tmp = files.private_temp(path.parent, path.name)
    written = 0
    try:
        with ws.session() as s, tmp.open("w", encoding="utf-8", newline="\n") as out:
            if beneficiary_id is not None:
                c.get(s, m.Beneficiary, beneficiary_id, "Personne")
                total = 1
            else:
                total = s.scalar(select(func.count()).select_from(m.Beneficiary)) or 0
            head = json.dumps({**_header(s, wid, now), "people": []}, ensure_ascii=False, indent=2)
            out.write(head[: -len("[]\n}")] + "[")
            after = 0
            while True:
                if cancelled is not None and cancelled():
                    raise ExportCancelled
                if beneficiary_id is not None:
                    ids = [beneficiary_id] if written == 0 else []
                else:
                    ids = _person_ids(s, after, EXPORT_BATCH)
                if not ids:
                    break
                for person in _people_json(s, wid, ids, include_sensitive):
                    out.write(("\n" if written == 0 else ",\n") + _indented(person))
                    written += 1
                after = ids[-1]
                if progress is not None:
                    progress(written, total)
            out.write("\n  ]\n}\n" if written else "]\n}\n")
            out.flush()
            os.fsync(out.fileno())
            _audit_export(s, beneficiary_id, written)
        files.refuse_link(path)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    files.fsync_dir(path.parent)
    return written


def dumps(data: Mapping[str, object]) -> str:
    """The exchange document as text (UTF-8, indented, accents kept)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------
# Reading and validating
# ---------------------------------------------------------------------------------------------


def parse(raw: bytes | str) -> object:
    """Decode the text of an exchange file; syntax errors say the line and column."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise ExchangeError("Fichier trop volumineux pour un import (2 Go au plus).")
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ExchangeError(
                f"Le fichier n'est pas du texte UTF-8 (octet invalide en position {exc.start})."
            ) from exc
    if not raw.strip():
        raise ExchangeError("Le fichier est vide.")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            f"JSON illisible ligne {exc.lineno}, colonne {exc.colno} : {_json_reason(exc.msg)}. "
            "Le fichier est peut-être tronqué ou n'est pas un export CEP Desk. "
            "Rien n'a été importé.",
            path=f"ligne {exc.lineno}, colonne {exc.colno}",
        ) from exc
    except RecursionError as exc:
        raise ExchangeError("JSON trop profondément imbriqué.") from exc


def _json_reason(msg: str) -> str:
    table = {
        "Expecting value": "valeur attendue",
        "Unterminated string starting at": "texte non terminé",
        "Expecting ',' delimiter": "virgule attendue",
        "Expecting ':' delimiter": "deux-points attendus",
        "Expecting property name enclosed in double quotes": "nom de champ attendu",
        "Extra data": "données en trop après la fin",
        "Invalid control character at": "caractère de contrôle interdit",
        "Invalid \\escape": "échappement invalide",
    }
    for english, french in table.items():
        if msg.startswith(english):
            return french
    return msg


def read_file(path: Path) -> object:
    path = Path(path)
    if not path.is_file():
        raise ExchangeError(f"Fichier introuvable : {path}")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ExchangeError("Fichier trop volumineux pour un import (2 Go au plus).")
        return parse(path.read_bytes())
    except OSError as exc:
        raise ExchangeError(f"Lecture impossible de {path} : {exc}") from exc


def _fail(errors: list[sch.SchemaViolation] | list[tuple[str, str]]) -> ExchangeError:
    pairs = [(e.path, e.message) if isinstance(e, sch.SchemaViolation) else e for e in errors]
    lines = [f"{p} : {msg}" for p, msg in pairs]
    head = f"Fichier refusé, rien n'a été importé. Erreur à {lines[0]}"
    if len(lines) > 1:
        head += f" (et {len(lines) - 1} autre(s) erreur(s))"
    return ExchangeError(head + ".", path=pairs[0][0], errors=lines)


def validate(data: object) -> None:
    """Schema and domain checks of a whole document; raises :class:`ExchangeError`."""
    checker = _Checker()
    for item in _dict_items(data):
        checker.feed(item)
    checker.finish()


@dataclass
class _Prepared:
    """Clean values of one record, ready to insert, and its children."""

    table: _Table
    uid: str
    values: dict[str, Any]
    children: dict[str, list[_Prepared]]
    journey_uid: str | None = None
    session_uid: str | None = None


# ("key", name, value) | ("list", "people", None) then ("person", "", raw) for each person |
# ("root", "", value) when the document is not an object.
Item = tuple[str, str, Any]


def _dict_items(data: object) -> Iterator[Item]:
    """The items of a document already in memory, the header fields first."""
    if not isinstance(data, dict):
        yield ("root", "", data)
        return
    people = data.get("people")
    for key, value in data.items():
        if key != "people" or not isinstance(people, list):
            yield ("key", key, value)
    if isinstance(people, list):
        yield ("list", "people", None)
        for raw in people:
            yield ("person", "", raw)


def _file_items(fh: IO[bytes]) -> Iterator[Item]:
    """The items of an exchange file read as a stream (ijson): the top-level fields, and each
    person of ``people`` built alone, so that memory holds one person at a time.

    The events are ijson's ``basic_parse`` (the C parser, no prefix strings built) and each
    value is put together by :func:`_build`, a loop written for these events."""
    import ijson  # type: ignore[import-untyped]

    events = ijson.basic_parse(fh, use_float=True)
    first = next(events, None)
    if first is None:
        raise ExchangeError("Le fichier est vide.")
    if first[0] != "start_map":
        yield ("root", "", _build(events, *first))
    else:
        for event, value in events:
            if event == "end_map":  # the end of the top-level object
                break
            key = value  # a map_key
            ev, val = next(events)
            if key == "people" and ev == "start_array":
                yield ("list", "people", None)
                for ev2, val2 in events:
                    if ev2 == "end_array":
                        break
                    yield ("person", "", _build(events, ev2, val2))
            else:
                yield ("key", key, _build(events, ev, val))
    for _event in events:  # trailing data after the document is a syntax error
        pass


def _build(events: Iterator[tuple[str, Any]], event: str, value: Any) -> Any:
    """The value that starts with ``(event, value)``, reading the events up to its end (what
    ``ijson.ObjectBuilder`` makes, a later duplicate key replacing the earlier value)."""
    if event == "start_map":
        top: Any = {}
    elif event == "start_array":
        top = []
    else:
        return value
    stack: list[Any] = [top]
    current = top
    in_list = event == "start_array"
    key: Any = None
    for ev, val in events:
        if ev == "map_key":
            key = val
            continue
        if ev == "end_map" or ev == "end_array":
            stack.pop()
            if not stack:
                return top
            current = stack[-1]
            in_list = type(current) is list
            continue
        if ev == "start_map":
            child: Any = {}
        elif ev == "start_array":
            child = []
        else:
            if in_list:
                current.append(val)
            else:
                current[key] = val
            continue
        if in_list:
            current.append(child)
        else:
            current[key] = child
        stack.append(child)
        current = child
        in_list = ev == "start_array"
    return top  # the events ended early: ijson has raised already


class _SeenHashes:
    """A set of 64-bit hashes in one flat array: 8 to 16 bytes an entry where a Python set of
    ints takes about 70 (the uids of 200 000 people: tens of MiB instead of hundreds).
    Open addressing, linear probing, doubled when three quarters full; 0 marks a free slot."""

    def __init__(self, capacity: int = 1 << 12) -> None:
        self.slots = array("q", bytes(8 * capacity))
        self.used = 0

    def add(self, value: str) -> bool:
        """Add the hash of ``value``; True when it was already there."""
        h = hash(value) or 1
        slots = self.slots
        mask = len(slots) - 1
        i = h & mask
        while True:
            current = slots[i]
            if current == 0:
                slots[i] = h
                self.used += 1
                if self.used * 4 > len(slots) * 3:
                    self._grow()
                return False
            if current == h:
                return True
            i = (i + 1) & mask

    def _grow(self) -> None:
        old = self.slots
        self.slots = array("q", bytes(16 * len(old)))
        mask = len(self.slots) - 1
        slots = self.slots
        for h in old:
            if h:
                i = h & mask
                while slots[i]:
                    i = (i + 1) & mask
                slots[i] = h


class _Checker:
    """The checks of a document as it streams, person by person: the header (format and
    version first, the whole header against the schema at the end), each person against the
    schema then the domain rules. Errors are collected (at most :data:`MAX_ERRORS_SHOWN`);
    :meth:`finish` raises them as one :class:`ExchangeError`, schema errors first."""

    def __init__(self) -> None:
        self.header: dict[str, Any] = {}
        self.schema_errors: list[sch.SchemaViolation] = []
        self.domain_errors: list[tuple[str, str]] = []
        self.people_uids: dict[int, int] = {}  # hash of a person uid -> its index
        self.other_uids = _SeenHashes()  # the other uids (exact within one person)
        self.count = 0
        self.versions_checked = False
        self.people_list = False  # a list of people was met (its items are fed one by one)

    @property
    def failed(self) -> bool:
        return bool(self.schema_errors or self.domain_errors)

    def feed(self, item: Item) -> _Prepared | None:
        """Check one item; the prepared person when it is one and no error was found yet."""
        kind, key, value = item
        if kind == "root":
            raise _fail([("(racine du fichier)", "un objet JSON est attendu")])
        if kind == "key":
            self.header[key] = value
            return None
        if kind == "list":
            self.people_list = True
            return None
        if not self.versions_checked:
            self._check_versions(final=False)
        path = f"people[{self.count}]"
        self.count += 1
        room = MAX_ERRORS_SHOWN - len(self.schema_errors)
        if room <= 0:
            return None
        # The compiled checker says "valid" for most people; only an invalid one is walked
        # again by the interpreter, for its French messages.
        if sch.is_valid(value, _PERSON_OK):
            errors = []
        else:
            errors = list(islice(sch.iter_errors(value, _PERSON_SCHEMA, path, sch.SCHEMA), room))
        if errors:
            self.schema_errors.extend(errors)
            return None
        if self.schema_errors or len(self.domain_errors) >= MAX_ERRORS_SHOWN:
            return None
        seen: dict[str, str] = {}
        prepared = _prepare_person(value, path, self.domain_errors, seen)
        for uid, where in seen.items():
            if where == path:
                first = self.people_uids.setdefault(hash(uid), self.count - 1)
                if first != self.count - 1:
                    self.domain_errors.append(
                        (f"{where}.uid", f"identifiant en double (déjà utilisé à people[{first}])")
                    )
            elif self.other_uids.add(uid):
                self.domain_errors.append(
                    (f"{where}.uid", "identifiant en double (déjà utilisé plus haut)")
                )
        return None if self.failed else prepared

    def _check_versions(self, final: bool) -> None:
        if "format" not in self.header and not final:
            return  # a hand-made file may put it after the people: checked at the end
        self.versions_checked = True
        if self.header.get("format") != FORMAT_NAME:
            raise ExchangeError(
                f"Ce fichier n'est pas un export CEP Desk (champ « format » ≠ « {FORMAT_NAME} »).",
                path="format",
            )
        version = self.header.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            raise ExchangeError(
                f"Ce fichier est au format {version}, plus récent que celui que cette version de "
                f"CEP Desk sait lire ({FORMAT_VERSION}) : mettez l'application à jour.",
                path="version",
            )

    def finish(self) -> None:
        self._check_versions(final=True)
        doc = dict(self.header)
        if self.people_list:
            doc["people"] = []
        head = list(islice(sch.iter_errors(doc), MAX_ERRORS_SHOWN))
        most = kinds.PERSON.max_items
        if self.people_list and self.count > most:
            head.append(
                sch.SchemaViolation(
                    "people", f"liste trop longue ({self.count} éléments, {most} au plus)"
                )
            )
        errors = (head + self.schema_errors)[:MAX_ERRORS_SHOWN]
        if errors:
            raise _fail(errors)
        if self.domain_errors:
            raise _fail(self.domain_errors[:MAX_ERRORS_SHOWN])


def _clean(
    table: _Table,
    raw: Mapping[str, Any],
    path: str,
    errors: list[tuple[str, str]],
    seen: dict[str, str],
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    uid = raw["uid"]
    if uid in seen:
        errors.append((f"{path}.uid", f"identifiant en double (déjà utilisé à {seen[uid]})"))
    else:
        seen[uid] = path
    future: datetime | None = None
    for name, column, check in _steps(table):
        value = raw.get(name, _ABSENT)
        if value is _ABSENT:
            continue
        try:
            if column == _DATE and isinstance(value, str):
                value = date.fromisoformat(value)
            elif column == _DATETIME and isinstance(value, str):
                value = datetime.fromisoformat(value.replace("Z", "+00:00"))
                if future is None:
                    future = datetime.now(UTC) + timedelta(days=366)
                if value > future:
                    raise ValidationError("Horodatage dans le futur.", name)
            if check is not None:
                value = check(value, name)
            elif isinstance(value, date) and not isinstance(value, datetime):
                domain.check_plausible_date(value, field=name)
        except ValidationError as exc:
            errors.append((f"{path}.{exc.field or name}", exc.message))
            continue
        values[name] = value
    return values


_ABSENT = object()
_DATE = "date"
_DATETIME = "datetime"


_Step = tuple[str, str, Callable[[Any, str], Any] | None]
_STEPS: dict[str, tuple[_Step, ...]] = {}


def _steps(table: _Table) -> tuple[_Step, ...]:
    """What :func:`_clean` does to each field of a table, worked out once: its name, the kind
    of its column ("date", "datetime" or "") and its validator (None: none)."""
    steps = _STEPS.get(table.name)
    if steps is None:
        steps = _STEPS[table.name] = tuple(
            (name, _column_kind(table.name, name), table.spec.get(name)) for name in table.fields
        )
    return steps


@functools.cache
def _column_kind(table: str, name: str) -> str:
    """ "date", "datetime" or "" for a column (read once: the import asks for every value)."""
    col = _MODELS[table].__table__.c[name]  # type: ignore[attr-defined]
    return "date" if _is_date_column(col) else "datetime" if _is_datetime_column(col) else ""


def _is_date_column(col: Any) -> bool:
    from sqlalchemy import Date

    return isinstance(col.type, Date) and not isinstance(col.type, m.UTCDateTime)


def _is_datetime_column(col: Any) -> bool:
    return isinstance(col.type, m.UTCDateTime)


def _prepare_person(
    raw: Mapping[str, Any], path: str, errors: list[tuple[str, str]], seen: dict[str, str]
) -> _Prepared:
    values = _clean(PERSON, raw, path, errors, seen)
    journeys_out = []
    journey_uids: set[str] = set()
    for j, jraw in enumerate(raw.get("journeys", [])):
        jpath = f"{path}.journeys[{j}]"
        journeys_out.append(_prepare_journey(jraw, jpath, errors, seen))
        journey_uids.add(jraw["uid"])
    docs = []
    for d, draw in enumerate(raw.get("documents", [])):
        dpath = f"{path}.documents[{d}]"
        dvalues = _clean(DOCUMENT, draw, dpath, errors, seen)
        juid = draw.get("journey_uid")
        if juid is not None and juid not in journey_uids:
            errors.append(
                (f"{dpath}.journey_uid", "ne désigne aucun parcours de cette même personne")
            )
        docs.append(_Prepared(DOCUMENT, draw["uid"], dvalues, {}, journey_uid=juid))
    session_uids = {sp.uid for jp in journeys_out for sp in jp.children[SESSION.key]}
    appointments = []
    for a, araw in enumerate(raw.get(APPOINTMENT.key, [])):
        apath = f"{path}.{APPOINTMENT.key}[{a}]"
        avalues = _clean(APPOINTMENT, araw, apath, errors, seen)
        juid, suid = araw.get("journey_uid"), araw.get("session_uid")
        if juid is not None and juid not in journey_uids:
            errors.append(
                (f"{apath}.journey_uid", "ne désigne aucun parcours de cette même personne")
            )
        if suid is not None and suid not in session_uids:
            errors.append(
                (f"{apath}.session_uid", "ne désigne aucun entretien de cette même personne")
            )
        start, duration = avalues.get("start"), avalues.get("duration_min")
        ends = start.hour * 60 + start.minute + duration if start and duration else 0
        if ends > 24 * 60:
            errors.append((f"{apath}.duration_min", "le rendez-vous dépasserait minuit"))
        appointments.append(
            _Prepared(APPOINTMENT, araw["uid"], avalues, {}, journey_uid=juid, session_uid=suid)
        )
    return _Prepared(
        PERSON,
        raw["uid"],
        values,
        {"journeys": journeys_out, "documents": docs, APPOINTMENT.key: appointments},
    )


def _prepare_journey(
    raw: Mapping[str, Any], path: str, errors: list[tuple[str, str]], seen: dict[str, str]
) -> _Prepared:
    values = _clean(JOURNEY, raw, path, errors, seen)
    if "level_reached" in raw:
        values["level_reached"] = raw["level_reached"]
    request = values.get("request_date")
    first = values.get("first_appointment_on")
    closed = values.get("closed_on")
    if request and first and first < request:
        errors.append((f"{path}.first_appointment_on", "le premier rendez-vous précède la demande"))
    if request and closed and closed < request:
        errors.append((f"{path}.closed_on", "la clôture précède la demande"))
    children: dict[str, list[_Prepared]] = {}
    for t in JOURNEY_CHILDREN:
        out = []
        for k, craw in enumerate(raw.get(t.key, [])):
            cpath = f"{path}.{t.key}[{k}]"
            cvalues = _clean(t, craw, cpath, errors, seen)
            if t is SESSION:
                cvalues["level"] = craw["level"]
            elif t is NEED:
                cvalues["rank"] = craw["rank"]
            if t is PROJECT:
                out.append(_prepare_project(craw, cpath, cvalues, errors, seen))
            else:
                out.append(_Prepared(t, craw["uid"], cvalues, {}))
        children[t.key] = out
    return _Prepared(JOURNEY, raw["uid"], values, children)


def _prepare_project(
    raw: Mapping[str, Any],
    path: str,
    values: dict[str, Any],
    errors: list[tuple[str, str]],
    seen: dict[str, str],
) -> _Prepared:
    children: dict[str, list[_Prepared]] = {}
    aspects: dict[str, int] = {}
    for t in PROJECT_CHILDREN:
        out = []
        for k, craw in enumerate(raw.get(t.key, [])):
            cpath = f"{path}.{t.key}[{k}]"
            cvalues = _clean(t, craw, cpath, errors, seen)
            if t is CHECK:
                aspect = craw["aspect"]
                if aspect in aspects:
                    errors.append(
                        (
                            f"{cpath}.aspect",
                            f"aspect déjà présent ({path}.checks[{aspects[aspect]}])",
                        )
                    )
                aspects[aspect] = k
                cvalues["aspect"] = aspect
            elif t is STEP:
                try:
                    domain.check_period(cvalues.get("start_on"), cvalues.get("due_on"))
                except ValidationError as exc:
                    errors.append((f"{cpath}.due_on", exc.message))
                if "position" in craw:
                    cvalues["position"] = craw["position"]
            out.append(_Prepared(t, craw["uid"], cvalues, {}))
        children[t.key] = out
    return _Prepared(PROJECT, raw["uid"], values, children)


# ---------------------------------------------------------------------------------------------
# Import
# ---------------------------------------------------------------------------------------------


IMPORT_BATCH = 500
_PERSON_SCHEMA: dict[str, Any] = sch.SCHEMA["$defs"]["person"]
_PERSON_OK = sch.checker_of("person")


@dataclass
class _Known:
    """The people present, read once before the import: local ids, global ids, and the import
    mappings (uid of an older format → local id)."""

    ids: set[int]
    uids: set[str]
    mappings: dict[str, Any]


def _known_people(s: Session) -> _Known:
    rows = s.execute(
        select(m.Setting.key, m.Setting.value).where(m.Setting.key.like(MAPPING_PREFIX + "%"))
    )
    return _Known(
        set(s.scalars(select(m.Beneficiary.id))),
        set(s.scalars(select(m.Beneficiary.uid))),
        {key: value for key, value in rows},
    )


def is_global_uid(uid: str) -> bool:
    """A uid of format version 4 (the record's UUID), not « <workspace>:<table>:<id> »."""
    return _GLOBAL_UID.fullmatch(uid) is not None


_GLOBAL_UID = re.compile(sch.UUID_PATTERN)


def _already_here(uid: str, own_workspace: str, known: _Known) -> bool:
    """True when this uid designates a person still present (one of ours, or one imported)."""
    if is_global_uid(uid):
        return uid in known.uids
    ids, mappings = known.ids, known.mappings
    owner, table, ident = uid.rsplit(":", 2)
    if owner == own_workspace and table == PERSON.name and int(ident) in ids:
        return True
    local = mappings.get(MAPPING_PREFIX + uid)
    return isinstance(local, int) and local in ids


class ImportCancelled(Exception):
    """The import was cancelled: nothing was kept."""


def import_json(ws: Workspace, data: object) -> ImportReport:
    """Import an exchange document (a dict, or the raw text/bytes of a file), all or nothing.

    Raises :class:`ExchangeError` (French message with the location); the workspace is then
    unchanged.
    """
    if isinstance(data, bytes | str):
        data = parse(data)
    return _import_items(ws, _dict_items(data))


def import_file(
    ws: Workspace,
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import an exchange file read as a stream: one person in memory at a time, checked then
    inserted in bulk batches, all inside ONE transaction (all or nothing). ``progress(bytes
    read, file size)`` after each batch; ``cancelled()`` true: :class:`ImportCancelled` and
    nothing is kept."""
    path = Path(path)
    if not path.is_file():
        raise ExchangeError(f"Fichier introuvable : {path}")
    try:
        size = path.stat().st_size
        if size > MAX_STREAM_BYTES:
            raise ExchangeError("Fichier trop volumineux pour un import (64 Go au plus).")
        with path.open("rb") as fh:
            if fh.read(3) != b"\xef\xbb\xbf":  # a byte order mark is skipped, as utf-8-sig
                fh.seek(0)
            start = fh.tell()
            if not fh.read(4096).strip() and fh.read(1) == b"":
                raise ExchangeError("Le fichier est vide.")
            fh.seek(start)

            def tick() -> None:
                if progress is not None:
                    progress(fh.tell(), size)

            return _import_items(ws, _file_items(fh), tick=tick, cancelled=cancelled)
    except OSError as exc:
        raise ExchangeError(f"Lecture impossible de {path} : {exc}") from exc


def _import_items(
    ws: Workspace,
    items: Iterator[Item],
    *,
    tick: Callable[[], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Check and insert the people of ``items`` in one pass and one transaction."""
    import ijson

    own = workspace_id_of(ws)
    checker = _Checker()
    created_ids: list[int] = []
    skipped: list[str] = []
    records = 0
    try:
        with ws.session() as s:
            known = _known_people(s)
            ins = _Inserter(s)
            outbox = _Outbox(s)
            batch: list[_Prepared] = []
            for item in items:
                person = checker.feed(item)
                if person is None:
                    continue
                if _already_here(person.uid, own, known):
                    skipped.append(person.uid)
                    continue
                batch.append(person)
                if len(batch) >= IMPORT_BATCH:
                    if cancelled is not None and cancelled():
                        raise ImportCancelled
                    records += _insert_batch(s, batch, known.mappings, created_ids, outbox, ins)
                    batch = []
                    if tick is not None:
                        tick()
            checker.finish()
            if cancelled is not None and cancelled():
                raise ImportCancelled
            records += _insert_batch(s, batch, known.mappings, created_ids, outbox, ins)
            outbox.finish()
            if tick is not None:
                tick()
    except (ExchangeError, ImportCancelled):
        raise
    except ijson.JSONError as exc:
        raise ExchangeError(
            f"JSON illisible ({_ijson_reason(exc)}). Le fichier est peut-être tronqué ou n'est "
            "pas un export CEP Desk. Rien n'a été importé.",
            path="(syntaxe JSON)",
        ) from exc
    except UnicodeDecodeError as exc:
        raise ExchangeError(
            f"Le fichier n'est pas du texte UTF-8 (octet invalide en position {exc.start})."
        ) from exc
    except ValidationError as exc:
        raise ExchangeError(
            f"Fichier refusé, rien n'a été importé : {exc.message}", path=exc.field
        ) from exc
    except Exception as exc:  # database refusal, or a shape the checks did not foresee
        from cep_desk.storage import errors as storage_errors

        said = storage_errors.user_message(exc, directory=ws.path, action="L'import")
        raise ExchangeError(
            f"{said} Rien n'a été importé."
            if said
            else f"L'import a été refusé ; rien n'a été importé ({type(exc).__name__})."
        ) from exc
    return ImportReport(
        created=len(created_ids),
        skipped=len(skipped),
        people_ids=created_ids,
        skipped_uids=skipped,
        records=records,
    )


def _ijson_reason(exc: Exception) -> str:
    text = str(exc)
    if "premature EOF" in text or "Incomplete JSON" in text:
        return "fin de fichier inattendue"
    if "integer overflow" in text:
        return "nombre entier trop grand"
    if "trailing garbage" in text:
        return "données en trop après la fin"
    return "erreur de syntaxe"


class _Inserter:
    """The INSERTs of one import, prepared once per table and set of columns and run on the
    session's own DBAPI connection (so inside its transaction): ``executemany`` of plain
    tuples, each value passed through its column type's bind processor and the columns left
    out given their Python-side default, as SQLAlchemy's Core ``insert()`` would (same stored
    bytes), without its per-row parameter handling, which was most of the import's insert
    time. A dialect whose parameters are not ``?`` (not SQLite) takes the Core path."""

    prepared_statements = True  # False: the Core path everywhere (the tests compare both)

    def __init__(self, s: Session) -> None:
        self.session = s
        conn = s.connection()
        self.dialect = conn.dialect
        direct = self.prepared_statements and self.dialect.paramstyle == "qmark"
        self.raw = conn.connection.dbapi_connection if direct else None
        self.prepared: dict[tuple[str, tuple[str, ...]], _Statement] = {}

    def insert(
        self, table: _Table | Table, rows: list[dict[str, Any]], *, want_ids: bool
    ) -> list[int]:
        """Insert ``rows``; with ``want_ids``, their new ids in the order of ``rows``. Rows are
        grouped by their set of columns (one statement per set)."""
        t = table if isinstance(table, Table) else cast(Table, table.model.__table__)
        groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, row in enumerate(rows):
            groups[tuple(row)].append(i)
        out = [0] * len(rows)
        for columns, positions in groups.items():
            params = [rows[i] for i in positions]
            if self.raw is None:
                new_ids = self._core(t, params, want_ids)
            else:
                new_ids = self._raw(t, columns, params, want_ids)
            for i, new_id in zip(positions, new_ids, strict=want_ids):
                out[i] = new_id
        return out

    def _core(self, t: Table, rows: list[dict[str, Any]], want_ids: bool) -> list[int]:
        if want_ids:
            stmt = insert(t).returning(t.c.id, sort_by_parameter_order=True)
            return list(self.session.execute(stmt, rows).scalars())
        self.session.execute(insert(t), rows)
        return []

    def _raw(
        self, t: Table, columns: tuple[str, ...], rows: list[dict[str, Any]], want_ids: bool
    ) -> list[int]:
        key = (t.name, columns)
        st = self.prepared.get(key)
        if st is None:
            st = self.prepared[key] = _Statement.make(t, columns, self.dialect)
        params = [st.values(row) for row in rows]
        assert self.raw is not None
        cursor = self.raw.cursor()
        try:
            if not want_ids:
                cursor.executemany(st.sql, params)
                return []
            ids = []
            for one in params:
                cursor.execute(st.sql, one)
                ids.append(cursor.lastrowid)
            return ids
        finally:
            cursor.close()


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class _Statement:
    sql: str
    given: tuple[str, ...]  # the columns taken from the row, in the statement's order
    defaulted: tuple[Callable[[], Any], ...]  # then the defaults of the columns left out
    processors: tuple[tuple[int, Callable[[Any], Any]], ...]  # (position, bind processor)

    @staticmethod
    def make(t: Table, columns: tuple[str, ...], dialect: Any) -> _Statement:
        defaulted = []
        names = list(columns)
        for col in t.columns:
            default = col.default
            if col.key in columns or default is None:
                continue
            if getattr(default, "is_scalar", False):
                make: Callable[[], Any] = functools.partial(_same, default.arg)  # type: ignore[attr-defined]
            elif getattr(default, "is_callable", False):
                make = functools.partial(default.arg, None)  # type: ignore[attr-defined]
            else:  # pragma: no cover - the models have no SQL-expression default
                raise TypeError(f"default of {t.name}.{col.key} not supported")
            defaulted.append(make)
            names.append(col.key)
        processors = []
        for i, name in enumerate(names):
            # What Core applies to every value of the column, None included.
            process = t.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                processors.append((i, cast("Callable[[Any], Any]", process)))
        quote = dialect.identifier_preparer.quote
        sql = (
            f"INSERT INTO {quote(t.name)} ({', '.join(quote(n) for n in names)}) "
            f"VALUES ({', '.join('?' for _ in names)})"
        )
        return _Statement(sql, columns, tuple(defaulted), tuple(processors))

    def values(self, row: Mapping[str, Any]) -> list[Any]:
        out = [row[name] for name in self.given]
        for make in self.defaulted:
            out.append(make())
        for i, process in self.processors:
            out[i] = process(out[i])
        return out


class _Outbox:
    """The outbox entries of what the import inserted (bulk, ``sync.record_inserted``): written
    per batch when a server is configured; without one only the last entries, which are all
    that pruning would keep, are remembered (bounded memory) and written at the end."""

    def __init__(self, s: Session) -> None:
        self.conn = s.connection()
        self.server = sync.server_configured(self.conn)
        self.tail: deque[tuple[str, str]] = deque(maxlen=sync.KEEP_WITHOUT_SERVER)

    def add(self, inserted: list[tuple[str, str]]) -> None:
        if self.server:
            sync.record_inserted(self.conn, inserted)
        else:
            self.tail.extend(inserted)

    def finish(self) -> None:
        if not self.server:
            sync.record_inserted(self.conn, list(self.tail))


def _give_uids(s: Session, batch: list[_Prepared]) -> list[tuple[str, str]]:
    """Each record of the batch keeps its global uid (format 4) unless a record here already
    has it; records of the older formats (and those) get a new one. Sets ``values["uid"]``;
    returns ``(table, uid)`` of every record, parents before children."""
    out: list[tuple[str, str]] = []
    wanted: dict[str, list[_Prepared]] = defaultdict(list)

    def walk(p: _Prepared) -> None:
        wanted[p.table.name].append(p)
        for children in p.children.values():
            for child in children:
                walk(child)

    for person in batch:
        walk(person)
    for table, records in wanted.items():
        t = cast(Table, getattr(_MODELS[table], "__table__"))  # noqa: B009
        candidates = [p.uid for p in records if is_global_uid(p.uid)]
        taken: set[str] = set()
        for start in range(0, len(candidates), 500):
            chunk = candidates[start : start + 500]
            taken.update(s.scalars(select(t.c.uid).where(t.c.uid.in_(chunk))))
        for p in records:
            p.values["uid"] = p.uid if is_global_uid(p.uid) and p.uid not in taken else m.new_uid()
            out.append((table, p.values["uid"]))
    return out


def _insert_batch(
    s: Session,
    batch: list[_Prepared],
    mappings: dict[str, Any],
    created_ids: list[int],
    outbox: _Outbox,
    ins: _Inserter | None = None,
) -> int:
    """Insert a batch of people and everything they hold, table by table (bulk inserts), then
    their import mappings, audit and outbox entries. Returns the number of rows written (all
    file tables)."""
    if not batch:
        return 0
    ins = ins or _Inserter(s)
    inserted = _give_uids(s, batch)
    people = [_person_row(p) for p in batch]
    person_ids = ins.insert(PERSON, people, want_ids=True)
    journeys: list[_Prepared] = []
    journey_rows: list[dict[str, Any]] = []
    for person, pid in zip(batch, person_ids, strict=True):
        for jp in person.children["journeys"]:
            journeys.append(jp)
            journey_rows.append({**jp.values, "beneficiary_id": pid})
    journey_people = [row["beneficiary_id"] for row in journey_rows]
    journey_ids = ins.insert(JOURNEY, journey_rows, want_ids=True)
    journey_id_of = {jp.uid: jid for jp, jid in zip(journeys, journey_ids, strict=True)}
    count = len(people) + len(journey_rows)
    projects: list[_Prepared] = []
    project_ids: list[int] = []
    session_id_of: dict[str, int] = {}
    for t in JOURNEY_CHILDREN:
        owners = [(cp, jid, pid)
                  for jp, jid, pid in zip(journeys, journey_ids, journey_people, strict=True)
                  for cp in jp.children[t.key]]  # fmt: skip
        # Records of a journey that also name their person (satisfaction answers, follow-ups)
        # get the person's new id too.
        also_person = "beneficiary_id" in t.model.__table__.c
        rows = [
            {**cp.values, "journey_id": jid, **({"beneficiary_id": pid} if also_person else {})}
            for cp, jid, pid in owners
        ]
        new_ids = ins.insert(t, rows, want_ids=t is PROJECT or t is SESSION)
        count += len(rows)
        if t is PROJECT:
            projects = [cp for cp, _, _ in owners]
            project_ids = new_ids
        elif t is SESSION:  # the appointments name the session made from them
            session_id_of = {cp.uid: sid for (cp, _, _), sid in zip(owners, new_ids, strict=True)}
    for pt in PROJECT_CHILDREN:
        rows = [{**gp.values, "project_id": pid}
                for cp, pid in zip(projects, project_ids, strict=True)
                for gp in cp.children[pt.key]]  # fmt: skip
        ins.insert(pt, rows, want_ids=False)
        count += len(rows)
    docs = [
        {
            **dp.values,
            "beneficiary_id": pid,
            "journey_id": journey_id_of.get(dp.journey_uid) if dp.journey_uid else None,
        }
        for person, pid in zip(batch, person_ids, strict=True)
        for dp in person.children["documents"]
    ]
    ins.insert(DOCUMENT, docs, want_ids=False)
    count += len(docs)
    appointment_rows = [
        {
            **ap.values,
            "beneficiary_id": pid,
            "journey_id": journey_id_of.get(ap.journey_uid) if ap.journey_uid else None,
            "interview_id": session_id_of.get(ap.session_uid) if ap.session_uid else None,
        }
        for person, pid in zip(batch, person_ids, strict=True)
        for ap in person.children[APPOINTMENT.key]
    ]
    ins.insert(APPOINTMENT, appointment_rows, want_ids=False)
    count += len(appointment_rows)
    # The import mappings and the audit, in bulk too (what c.audit writes, one row a person).
    new_mappings = []
    audits = []
    for person, pid in zip(batch, person_ids, strict=True):
        key = MAPPING_PREFIX + person.uid
        if key in mappings:
            row = s.get(m.Setting, key)
            if row is not None:
                row.value = pid
        else:
            new_mappings.append({"key": key, "value": pid})
        chg.note_audit(AuditAction.IMPORT.value, kinds.PERSON.entity, pid, "json")
        audits.append(
            {
                "action": AuditAction.IMPORT.value,
                "entity": kinds.PERSON.entity,
                "entity_id": pid,
                "beneficiary_id": pid,
                "detail": "json",
            }
        )
        created_ids.append(pid)
    ins.insert(cast(Table, m.Setting.__table__), new_mappings, want_ids=False)
    ins.insert(cast(Table, m.AuditEvent.__table__), audits, want_ids=False)
    s.flush()
    outbox.add(inserted)
    return count


def _person_row(person: _Prepared) -> dict[str, Any]:
    """The person's row with the list columns computed before the INSERT (as
    ``refresh_summary`` would, but without a later UPDATE that would overwrite the imported
    ``updated_at``); the needs of each journey renumbered 1..n in the file's priority order."""
    values = dict(person.values)
    values.setdefault("status", domain.Public.OTHER.value)
    values["sort_key"] = beneficiaries.sort_key(values["last_name"], values["first_name"])
    journeys = person.children["journeys"]
    for jp in journeys:
        needs = jp.children[NEED.key]
        ordered = sorted(enumerate(needs), key=lambda pair: (pair[1].values.get("rank"), pair[0]))
        for rank, (_i, need) in enumerate(ordered, start=1):
            need.values["rank"] = rank
    ordered_j = sorted(journeys, key=lambda j: j.values["request_date"])
    values["current_level"] = (ordered_j[-1].values.get("level_reached") or 0) if ordered_j else 0
    values["has_open_journey"] = any(j.values.get("closed_on") is None for j in ordered_j)
    held = [x.values["held_on"] for j in ordered_j for x in j.children[SESSION.key]
            if x.values.get("held_on") is not None]  # fmt: skip
    last = values.get("last_contact_on")
    if held and (last is None or max(held) > last):
        values["last_contact_on"] = max(held)
    return values


def forget_mappings(s: Session, beneficiary_id: int) -> None:
    """Drop the import mappings that point to a person (called on erasure)."""
    rows = s.scalars(select(m.Setting).where(m.Setting.key.like(MAPPING_PREFIX + "%"))).all()
    for row in rows:
        if row.value == beneficiary_id:
            s.delete(row)


__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ExchangeError",
    "ExportCancelled",
    "ImportCancelled",
    "ImportReport",
    "dumps",
    "export_json",
    "export_to_file",
    "forget_mappings",
    "import_file",
    "import_json",
    "parse",
    "read_file",
    "validate",
    "workspace_id_of",
]
