"""ROME 4.0 and RNCP/RS referentials: importers for the official open-data zips, and search.

The referentials are public open data (Licence Ouverte), not personal data: they live in a plain
SQLite file ``referentiel.sqlite`` in the workspace folder, outside the encrypted database.

What the importers expect (column names are matched case-insensitively, accents, spaces and
hyphens ignored, in any order; the separator ``;``, ``,`` or tab is detected from the header):

- ROME (France Travail ``RefRomeCsv.zip``): a member whose name contains
  ``referentiel_code_rome`` (e.g. ``unix_referentiel_code_rome_v461_utf8.csv``) with a code
  column (``code_rome``) and a label column (``libelle_rome``); a member whose name contains
  ``referentiel_appellation`` with ``code_rome`` and ``libelle_appellation_long`` (or
  ``libelle_appellation`` / ``libelle_appellation_court``); ``version.txt`` when present gives the
  version, otherwise the ``vNNN`` of the file name. Codes must match ``^[A-N]\\d{4}$``.
- RNCP/RS (France compétences ``export-fiches-csv-YYYY-MM-DD.zip``): a member whose name contains
  ``export_fiches_csv_standard`` with ``Numero_Fiche`` (RNCPnnnn / RSnnnn) and ``Intitule``;
  ``Nomenclature_Europe_Niveau`` (NIV3…NIV8) and ``Actif`` (ACTIVE/INACTIVE) are read when
  present. The version is the date in the member's name (a ``version.txt`` wins if present).

Files are UTF-8 (a BOM is accepted). Rows with an invalid code are skipped and counted.

Every import is atomic: a new database is built in a temporary file next to the target (the
other referential is copied over from the current file), then swapped in with ``os.replace``.
A wrong, corrupt or incomplete zip raises ``ReferentialError`` (French message) and leaves the
current file byte-identical. A ``progress`` callback that raises cancels the import the same way.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from cep_desk.files import fsync_dir
from cep_desk.safezip import MemberLimits, ZipMemberRefused, open_member

REFERENTIAL_FILENAME = "referentiel.sqlite"
SAMPLES_PACKAGE = "cep_desk.resources.referentials"
ROME_SAMPLE = "rome_sample.zip"
RNCP_SAMPLE = "rncp_sample.zip"

SAMPLE_MARKER = "Extrait d'exemple"
# The shipped RNCP/RS sample uses codes outside the ranges in use (make_samples.py): a code of
# these ranges in a person's file came from the sample and is never printed.
SAMPLE_CERT_CODE_RE = re.compile(r"^(RNCP9\d{4}|RS99\d{2})$")

# What a workspace without a referential says (pickers, Données menu, CLI).
IMPORT_HELP = (
    "Aucun référentiel importé : saisissez le code à la main, ou faites importer les fichiers "
    "officiels (menu Données → « Importer un référentiel… », ou « cep-desk import-referential »). "
    "ROME 4.0 (métiers) : le fichier « RefRomeCsv.zip » des données ouvertes de France Travail "
    "(francetravail.io, ou data.gouv.fr : « Répertoire Opérationnel des Métiers et des Emplois "
    "(ROME) »). RNCP/RS (certifications) : l'export CSV « export-fiches-csv-AAAA-MM-JJ.zip » de "
    "France compétences sur data.gouv.fr (« Répertoire national des certifications "
    "professionnelles et répertoire spécifique »). Ce sont des données publiques (Licence "
    "Ouverte), sans donnée personnelle ; mettez-les à jour quelques fois par an."
)

KIND_ROME = "rome"
KIND_RNCP = "rncp"
KIND_LABELS = {KIND_ROME: "ROME (métiers)", KIND_RNCP: "RNCP/RS (certifications)"}

ROME_CODE_RE = re.compile(r"^[A-N]\d{4}$")
CERT_CODE_RE = re.compile(r"^(RNCP|RS)(\d+)$")
_ROME_CODES_MEMBER = re.compile(r"referentiel_code_rome[^/]*\.csv$", re.IGNORECASE)
_ROME_APPELLATIONS_MEMBER = re.compile(r"referentiel_appellation[^/]*\.csv$", re.IGNORECASE)
_RNCP_MEMBER = re.compile(r"export_fiches_csv_standard[^/]*\.csv$", re.IGNORECASE)
_RNCP_ANY_MEMBER = re.compile(r"export_fiches_(csv|rncp|rs)", re.IGNORECASE)
_ROME_ANY_MEMBER = re.compile(r"(^|/)unix_|referentiel_code_rome", re.IGNORECASE)

ProgressCallback = Callable[[int, int], None]

# What one CSV member may inflate to: the official files are a few MB (RNCP/RS standard CSV
# about 10 MB, ROME appellations about 2 MB), a bomb is refused while it streams.
_CSV_LIMITS = MemberLimits(max_bytes=256 << 20, max_ratio=100, max_line=1 << 20)
_SMALL_LIMITS = MemberLimits(max_bytes=64 << 10, max_ratio=100, ratio_after=64 << 10)
_PROGRESS_EVERY = 2000  # rows
_BUILD_LOCK = threading.Lock()

_SCHEMA = """
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    appellation TEXT
);
CREATE INDEX ix_jobs_code ON jobs (code);
CREATE TABLE certifications (
    code TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    level TEXT,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE versions (
    kind TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    source_file TEXT NOT NULL,
    records INTEGER NOT NULL DEFAULT 0
);
CREATE VIRTUAL TABLE jobs_fts USING fts5 (
    keys, label, appellation,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
CREATE VIRTUAL TABLE certifications_fts USING fts5 (
    keys, label,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
"""


class ReferentialError(Exception):
    """A referential file cannot be imported or read; ``message`` is French, fit for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class JobHit:
    """A ROME fiche found by a search; ``appellation`` is the matching job title, if any."""

    code: str
    label: str
    appellation: str | None = None


@dataclass(frozen=True)
class CertHit:
    """A RNCP/RS certification found by a search; ``level`` like "NIV4" (None for RS fiches)."""

    code: str
    label: str
    level: str | None
    active: bool = True


@dataclass(frozen=True)
class ImportReport:
    """What an import brought in."""

    kind: str
    version: str
    source_file: str
    imported_at: str  # ISO 8601, UTC
    jobs: int = 0
    appellations: int = 0
    certifications: int = 0
    active_certifications: int = 0
    skipped: int = 0
    warnings: tuple[str, ...] = ()

    @property
    def records(self) -> int:
        return self.jobs if self.kind == KIND_ROME else self.certifications

    def summary(self) -> str:
        if self.kind == KIND_ROME:
            text = (
                f"ROME « {self.version} » importé : {self.jobs} fiches métiers, "
                f"{self.appellations} appellations."
            )
        else:
            text = (
                f"RNCP/RS « {self.version} » importé : {self.certifications} certifications "
                f"dont {self.active_certifications} actives."
            )
        if self.skipped:
            text += f" {self.skipped} ligne(s) ignorée(s)."
        return text


def default_referential_path(workspace_dir: str | os.PathLike[str]) -> Path:
    return Path(workspace_dir) / REFERENTIAL_FILENAME


def open_referential(workspace_dir: str | os.PathLike[str]) -> Referential:
    """The workspace's referential. A real workspace starts with none: the counsellor's IT
    support imports the official files (see :data:`IMPORT_HELP`). The shipped sample is only
    put in by :func:`seed_sample_referentials` (the demo and the tests)."""
    return Referential(default_referential_path(workspace_dir))


def seed_sample_referentials(workspace_dir: str | os.PathLike[str]) -> Referential:
    """The demo's and the tests' referential: the small shipped extracts (fictitious RNCP
    codes, version marked « Extrait d'exemple »). Never for a real workspace."""
    referential = open_referential(workspace_dir)
    samples = resources.files(SAMPLES_PACKAGE)
    with resources.as_file(samples.joinpath(ROME_SAMPLE)) as rome:
        referential.import_rome_zip(rome)
    with resources.as_file(samples.joinpath(RNCP_SAMPLE)) as rncp:
        referential.import_rncp_zip(rncp)
    return referential


def is_sample_text(text: str | None) -> bool:
    """True for a version label (or any text) that comes from the shipped sample."""
    return bool(text) and SAMPLE_MARKER.casefold() in str(text).casefold()


def is_sample_certification_code(code: str | None) -> bool:
    """True for a code of the sample's fictitious ranges (RNCP9xxxx, RS99xx)."""
    return bool(code) and SAMPLE_CERT_CODE_RE.match(str(code).strip().upper()) is not None


def remove_sample_referentials(workspace_dir: str | os.PathLike[str]) -> list[str]:
    """Take the shipped sample out of a workspace's referential; the kinds removed.

    A kind whose recorded version carries the sample marker is emptied; the file goes when
    nothing real is left in it. An official referential imported since is kept untouched."""
    path = default_referential_path(workspace_dir)
    if not path.is_file():
        return []
    try:
        with closing(sqlite3.connect(path)) as conn:
            rows = conn.execute("SELECT kind, version FROM versions").fetchall()
            sample = sorted(kind for kind, version in rows if is_sample_text(version))
            if not sample:
                return []
            if len(sample) == len(rows):
                conn.close()
                path.unlink()
                fsync_dir(path.parent)
                return sample
            with conn:
                for kind in sample:
                    if kind == KIND_ROME:
                        conn.execute("DELETE FROM jobs_fts")
                        conn.execute("DELETE FROM jobs")
                    else:
                        conn.execute("DELETE FROM certifications_fts")
                        conn.execute("DELETE FROM certifications")
                    conn.execute("DELETE FROM versions WHERE kind = ?", (kind,))
            return sample
    except sqlite3.Error:
        # an unreadable referential file is not the sample: leave it to the importer's message
        return []


# --------------------------------------------------------------------------------------------
# CSV reading helpers
# --------------------------------------------------------------------------------------------


def _norm_header(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.replace("\ufeff", "").strip().strip('"'))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[\s\-]+", "_", text)


def _detect_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class _Progress:
    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback = callback
        self.total = max(total, 1)
        self.done = 0

    def report(self, done: int) -> None:
        self.done = min(max(done, self.done), self.total)
        if self.callback is not None:
            self.callback(self.done, self.total)

    def finish(self) -> None:
        self.report(self.total)


class _Zip:
    """An opened zip with French errors for every way it can be wrong."""

    def __init__(self, zip_path: str | os.PathLike[str]) -> None:
        self.path = Path(zip_path)
        if not self.path.is_file():
            raise ReferentialError(f"Fichier introuvable : « {self.path} ».")
        try:
            self.zf = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise self.corrupt(exc) from exc
        self.infos = [i for i in self.zf.infolist() if not i.is_dir()]

    def corrupt(self, exc: BaseException | None = None) -> ReferentialError:
        """The French message; the technical cause stays in the exception chain."""
        return ReferentialError(
            f"Le fichier « {self.path.name} » est endommagé ou n'est pas une archive ZIP "
            "valide. Téléchargez-le à nouveau."
        )

    def close(self) -> None:
        self.zf.close()

    def find(self, pattern: re.Pattern[str]) -> zipfile.ZipInfo | None:
        matches = sorted((i for i in self.infos if pattern.search(i.filename)), key=_info_name)
        return matches[0] if matches else None

    def guess_kind(self) -> str | None:
        names = [i.filename for i in self.infos]
        if any(_RNCP_ANY_MEMBER.search(n) for n in names):
            return KIND_RNCP
        if any(_ROME_ANY_MEMBER.search(n) for n in names):
            return KIND_ROME
        return None

    def read_text(self, info: zipfile.ZipInfo, limit: int = 4096) -> str:
        try:
            with open_member(self.zf, info, _SMALL_LIMITS) as raw:
                data = raw.read(limit)
        except ZipMemberRefused as exc:
            raise ReferentialError(exc.message) from exc
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise self.corrupt(exc) from exc
        return data.decode("utf-8-sig", errors="replace")

    @contextmanager
    def rows(
        self,
        info: zipfile.ZipInfo,
        columns: dict[str, tuple[str, ...]],
        required: set[str],
        progress: _Progress,
        offset: int,
    ) -> Iterator[tuple[dict[str, int], list[str], Iterator[list[str]]]]:
        """Open a CSV member; yield (column index by role, roles not found, rows)."""
        try:
            raw = open_member(self.zf, info, _CSV_LIMITS)
        except ZipMemberRefused as exc:
            raise ReferentialError(exc.message) from exc
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
            raise self.corrupt(exc) from exc
        try:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            try:
                header_line = text.readline(1 << 16)
            except UnicodeDecodeError as exc:
                raise _not_utf8(info) from exc
            if not header_line.strip():
                raise ReferentialError(f"« {info.filename} » est vide.")
            delimiter = _detect_delimiter(header_line)
            header = next(csv.reader([header_line], delimiter=delimiter))
            normalised = [_norm_header(h) for h in header]
            index: dict[str, int] = {}
            for role, aliases in columns.items():
                for alias in aliases:
                    if alias in normalised:
                        index[role] = normalised.index(alias)
                        break
            missing = [role for role in columns if role not in index and role in required]
            if missing:
                wanted = ", ".join(columns[role][0] for role in missing)
                found = ", ".join(h.strip() for h in header[:20] if h.strip()) or "aucune"
                raise ReferentialError(
                    f"Colonne(s) manquante(s) dans « {info.filename} » : {wanted}. "
                    f"Colonnes trouvées : {found}."
                )
            absent = [role for role in columns if role not in index]
            reader = csv.reader(text, delimiter=delimiter)

            def generate() -> Iterator[list[str]]:
                try:
                    for n, row in enumerate(reader, 1):
                        if n % _PROGRESS_EVERY == 0:
                            progress.report(offset + raw.tell())
                        yield row
                except UnicodeDecodeError as exc:
                    raise _not_utf8(info) from exc
                except csv.Error as exc:
                    raise ReferentialError(
                        f"« {info.filename} » n'est pas un CSV lisible ({exc})."
                    ) from exc
                except ZipMemberRefused as exc:
                    raise ReferentialError(exc.message) from exc
                except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
                    raise self.corrupt(exc) from exc

            yield index, absent, generate()
        except ZipMemberRefused as exc:
            raise ReferentialError(exc.message) from exc
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise self.corrupt(exc) from exc
        finally:
            raw.close()


def _info_name(info: zipfile.ZipInfo) -> str:
    return info.filename.lower()


def _not_utf8(info: zipfile.ZipInfo) -> ReferentialError:
    return ReferentialError(f"« {info.filename} » n'est pas encodé en UTF-8 : refusé.")


def _cell(row: list[str], index: dict[str, int], role: str) -> str:
    i = index.get(role)
    if i is None or i >= len(row):
        return ""
    return " ".join(row[i].split())


def _wrong_kind(source: _Zip, expected: str) -> ReferentialError:
    found = source.guess_kind()
    if found == KIND_RNCP and expected == KIND_ROME:
        return ReferentialError(
            f"« {source.path.name} » est un export RNCP/RS de France compétences, pas le "
            "référentiel ROME : importez-le comme référentiel des certifications."
        )
    if found == KIND_ROME and expected == KIND_RNCP:
        return ReferentialError(
            f"« {source.path.name} » est le référentiel ROME de France Travail, pas un export "
            "RNCP/RS : importez-le comme référentiel des métiers."
        )
    if expected == KIND_ROME:
        return ReferentialError(
            f"« {source.path.name} » ne contient pas la liste des métiers ROME (fichier "
            "« unix_referentiel_code_rome_….csv » attendu). Utilisez le fichier RefRomeCsv.zip "
            "de France Travail."
        )
    return ReferentialError(
        f"« {source.path.name} » ne contient pas la liste des certifications (fichier "
        "« export_fiches_CSV_Standard_….csv » attendu). Utilisez l'export CSV des fiches "
        "RNCP/RS de France compétences."
    )


# --------------------------------------------------------------------------------------------
# The referential
# --------------------------------------------------------------------------------------------


_ROME_CODE_COLUMNS = {
    "code": ("code_rome", "rome", "code"),
    "label": ("libelle_rome", "libelle", "intitule", "libelle_metier"),
}
_ROME_APPELLATION_COLUMNS = {
    "code": ("code_rome", "rome"),
    "label": (
        "libelle_appellation_long",
        "libelle_appellation",
        "libelle_appellation_court",
        "libelle",
    ),
}
_RNCP_COLUMNS = {
    "code": ("numero_fiche",),
    "label": ("intitule",),
    "level": ("nomenclature_europe_niveau", "niveau"),
    "active": ("actif",),
}
_RNCP_OPTIONAL_NAMES = {"level": "Nomenclature_Europe_Niveau", "active": "Actif"}
_INACTIVE = {"INACTIVE", "INACTIF", "0", "NON", "FALSE", "FAUX"}


class Referential:
    """The ROME and RNCP/RS referential of one workspace (a plain SQLite file)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    # --- reading ---------------------------------------------------------------------------

    @contextmanager
    def _reader(self) -> Iterator[sqlite3.Connection | None]:
        if not self.path.is_file():
            yield None
            return
        try:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise self._unreadable(exc) from exc
        try:
            yield conn
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from exc
        finally:
            conn.close()

    def _unreadable(self, exc: BaseException) -> ReferentialError:
        return ReferentialError(
            f"Le référentiel « {self.path.name} » est illisible ({exc}) : importez à nouveau "
            "les fichiers ROME et RNCP."
        )

    def versions(self) -> dict[str, dict[str, Any]]:
        """{"rome": {"version", "imported_at", "source_file", "records"}, "rncp": {...}}."""
        with self._reader() as conn:
            if conn is None:
                return {}
            rows = conn.execute(
                "SELECT kind, version, imported_at, source_file, records FROM versions"
            ).fetchall()
        return {
            kind: {
                "version": version,
                "imported_at": imported_at,
                "source_file": source_file,
                "records": records,
            }
            for kind, version, imported_at, source_file, records in rows
        }

    def has(self, kind: str) -> bool:
        """Whether the ``kind`` referential (``rome`` or ``rncp``) has been imported."""
        try:
            return kind in self.versions()
        except ReferentialError:
            return False

    def search_jobs(self, text: str, limit: int = 20) -> list[JobHit]:
        """ROME fiches whose code, label or an appellation start with the words typed
        (accents and case ignored), best first, one hit per code."""
        query = _fts_query(text)
        if not query or limit <= 0:
            return []
        with self._reader() as conn:
            if conn is None:
                return []
            rows = conn.execute(
                "SELECT j.code, j.label, j.appellation FROM jobs_fts "
                "JOIN jobs AS j ON j.id = jobs_fts.rowid "
                "WHERE jobs_fts MATCH ? ORDER BY bm25(jobs_fts, 10.0, 5.0, 2.0), j.id LIMIT ?",
                (query, limit * 25),
            ).fetchall()
        hits: dict[str, JobHit] = {}
        for code, label, appellation in rows:
            if code not in hits:
                hits[code] = JobHit(code, label, appellation)
                if len(hits) >= limit:
                    break
        return list(hits.values())

    def search_certifications(self, text: str, limit: int = 20) -> list[CertHit]:
        """Certifications whose code (with or without RNCP/RS) or label start with the words
        typed, active ones first."""
        query = _fts_query(text)
        if not query or limit <= 0:
            return []
        with self._reader() as conn:
            if conn is None:
                return []
            rows = conn.execute(
                "SELECT c.code, c.label, c.level, c.active FROM certifications_fts "
                "JOIN certifications AS c ON c.rowid = certifications_fts.rowid "
                "WHERE certifications_fts MATCH ? "
                "ORDER BY c.active DESC, bm25(certifications_fts, 10.0, 5.0), c.code LIMIT ?",
                (query, limit),
            ).fetchall()
        return [CertHit(code, label, level, bool(active)) for code, label, level, active in rows]

    def job(self, code: str) -> JobHit | None:
        with self._reader() as conn:
            if conn is None:
                return None
            row = conn.execute(
                "SELECT code, label FROM jobs WHERE code = ? ORDER BY id LIMIT 1",
                (code.strip().upper(),),
            ).fetchone()
        return JobHit(row[0], row[1]) if row else None

    def certification(self, code: str) -> CertHit | None:
        with self._reader() as conn:
            if conn is None:
                return None
            row = conn.execute(
                "SELECT code, label, level, active FROM certifications WHERE code = ?",
                (code.strip().upper(),),
            ).fetchone()
        return CertHit(row[0], row[1], row[2], bool(row[3])) if row else None

    # --- importing -------------------------------------------------------------------------

    def import_rome_zip(
        self, zip_path: str | os.PathLike[str], progress: ProgressCallback | None = None
    ) -> ImportReport:
        """Replace the ROME part with the content of France Travail's ``RefRomeCsv.zip``."""
        source = _Zip(zip_path)
        try:
            codes_info = source.find(_ROME_CODES_MEMBER)
            if codes_info is None:
                raise _wrong_kind(source, KIND_ROME)
            app_info = source.find(_ROME_APPELLATIONS_MEMBER)
            if app_info is None:
                raise ReferentialError(
                    f"« {source.path.name} » ne contient pas la liste des appellations ROME "
                    "(fichier « unix_referentiel_appellation_….csv » attendu)."
                )
            version = self._rome_version(source, codes_info)
            tracker = _Progress(progress, codes_info.file_size + app_info.file_size)

            def fill(conn: sqlite3.Connection) -> ImportReport:
                return self._fill_rome(conn, source, codes_info, app_info, version, tracker)

            return self._rebuild(KIND_ROME, fill, tracker)
        finally:
            source.close()

    def import_rncp_zip(
        self, zip_path: str | os.PathLike[str], progress: ProgressCallback | None = None
    ) -> ImportReport:
        """Replace the RNCP/RS part with France compétences' ``export-fiches-csv-….zip``."""
        source = _Zip(zip_path)
        try:
            info = source.find(_RNCP_MEMBER)
            if info is None:
                raise _wrong_kind(source, KIND_RNCP)
            version = self._rncp_version(source, info)
            tracker = _Progress(progress, info.file_size)

            def fill(conn: sqlite3.Connection) -> ImportReport:
                return self._fill_rncp(conn, source, info, version, tracker)

            return self._rebuild(KIND_RNCP, fill, tracker)
        finally:
            source.close()

    @staticmethod
    def _version_txt(source: _Zip) -> str | None:
        info = next(
            (i for i in source.infos if Path(i.filename).name.lower() == "version.txt"), None
        )
        if info is None:
            return None
        lines = [line.strip() for line in source.read_text(info).splitlines() if line.strip()]
        return lines[0][:200] if lines else None

    def _rome_version(self, source: _Zip, codes_info: zipfile.ZipInfo) -> str:
        text = self._version_txt(source)
        if text:
            return text
        match = re.search(r"_v(\d+)_", Path(codes_info.filename).name, re.IGNORECASE)
        return f"v{match.group(1)}" if match else "inconnue"

    def _rncp_version(self, source: _Zip, info: zipfile.ZipInfo) -> str:
        text = self._version_txt(source)
        if text:
            return text
        for name in (Path(info.filename).name, source.path.name):
            match = re.search(r"(\d{4})[_-](\d{2})[_-](\d{2})", name)
            if match:
                return "-".join(match.groups())
        return "inconnue"

    def _fill_rome(
        self,
        conn: sqlite3.Connection,
        source: _Zip,
        codes_info: zipfile.ZipInfo,
        app_info: zipfile.ZipInfo,
        version: str,
        tracker: _Progress,
    ) -> ImportReport:
        labels: dict[str, str] = {}
        skipped = 0
        required = {"code", "label"}
        with source.rows(codes_info, _ROME_CODE_COLUMNS, required, tracker, 0) as (ix, _, rows):
            for row in rows:
                if not any(cell.strip() for cell in row):
                    continue
                code, label = _cell(row, ix, "code").upper(), _cell(row, ix, "label")
                if not ROME_CODE_RE.match(code) or not label:
                    skipped += 1
                    continue
                labels[code] = label
        if not labels:
            raise ReferentialError(
                f"Aucun code ROME valide dans « {codes_info.filename} » (format attendu : une "
                "lettre de A à N et 4 chiffres, par exemple M1607)."
            )
        appellations: dict[str, dict[str, None]] = {code: {} for code in labels}
        orphans = 0
        offset = codes_info.file_size
        with source.rows(app_info, _ROME_APPELLATION_COLUMNS, required, tracker, offset) as (
            ix,
            _,
            rows,
        ):
            for row in rows:
                if not any(cell.strip() for cell in row):
                    continue
                code, label = _cell(row, ix, "code").upper(), _cell(row, ix, "label")
                if code not in appellations or not label:
                    orphans += 1
                    continue
                appellations[code][label] = None
        n_appellations = 0
        for code in sorted(labels):
            label = labels[code]
            rows_to_insert = [(code, label, None)] + [(code, label, a) for a in appellations[code]]
            n_appellations += len(rows_to_insert) - 1
            conn.executemany(
                "INSERT INTO jobs (code, label, appellation) VALUES (?, ?, ?)", rows_to_insert
            )
        conn.execute(
            "INSERT INTO jobs_fts (rowid, keys, label, appellation) "
            "SELECT id, code, label, coalesce(appellation, '') FROM jobs"
        )
        warnings = []
        if skipped:
            warnings.append(f"{skipped} ligne(s) de métiers sans code ROME valide ignorée(s).")
        if orphans:
            warnings.append(f"{orphans} appellation(s) sans fiche ROME connue ignorée(s).")
        return ImportReport(
            kind=KIND_ROME,
            version=version,
            source_file=source.path.name,
            imported_at=_now(),
            jobs=len(labels),
            appellations=n_appellations,
            skipped=skipped + orphans,
            warnings=tuple(warnings),
        )

    def _fill_rncp(
        self,
        conn: sqlite3.Connection,
        source: _Zip,
        info: zipfile.ZipInfo,
        version: str,
        tracker: _Progress,
    ) -> ImportReport:
        certs: dict[str, tuple[str, str | None, int]] = {}
        skipped = 0
        required = {"code", "label"}
        with source.rows(info, _RNCP_COLUMNS, required, tracker, 0) as (ix, absent, rows):
            for row in rows:
                if not any(cell.strip() for cell in row):
                    continue
                code = _cell(row, ix, "code").upper().replace(" ", "")
                label = _cell(row, ix, "label")
                if not CERT_CODE_RE.match(code) or not label:
                    skipped += 1
                    continue
                level = _cell(row, ix, "level").upper() or None
                active = 0 if _cell(row, ix, "active").upper() in _INACTIVE else 1
                certs[code] = (label, level, active)
        if not certs:
            raise ReferentialError(
                f"Aucune fiche RNCP ou RS valide dans « {info.filename} » (codes attendus : "
                "RNCPnnnnn ou RSnnnn)."
            )
        conn.executemany(
            "INSERT INTO certifications (code, label, level, active) VALUES (?, ?, ?, ?)",
            [(code, *values) for code, values in sorted(certs.items())],
        )
        rows_fts = []
        for rowid, code in conn.execute("SELECT rowid, code FROM certifications"):
            match = CERT_CODE_RE.match(code)
            digits = match.group(2) if match else ""
            rows_fts.append((rowid, f"{code} {digits}", certs[code][0]))
        conn.executemany(
            "INSERT INTO certifications_fts (rowid, keys, label) VALUES (?, ?, ?)", rows_fts
        )
        warnings = []
        if skipped:
            warnings.append(f"{skipped} ligne(s) sans code RNCP/RS valide ignorée(s).")
        if absent:
            names = ", ".join(_RNCP_OPTIONAL_NAMES.get(role, role) for role in absent)
            warnings.append(f"Colonne(s) absente(s), valeurs non renseignées : {names}.")
        return ImportReport(
            kind=KIND_RNCP,
            version=version,
            source_file=source.path.name,
            imported_at=_now(),
            certifications=len(certs),
            active_certifications=sum(1 for _, _, active in certs.values() if active),
            skipped=skipped,
            warnings=tuple(warnings),
        )

    def _rebuild(
        self,
        kind: str,
        fill: Callable[[sqlite3.Connection], ImportReport],
        tracker: _Progress,
    ) -> ImportReport:
        """Build a new file next to the target, keep the other kind's data, swap it in."""
        with _BUILD_LOCK:
            parent = self.path.parent
            if not parent.is_dir():
                raise ReferentialError(f"Dossier introuvable : « {parent} ».")
            fd, tmp_name = tempfile.mkstemp(prefix=".referentiel-", suffix=".tmp", dir=parent)
            os.close(fd)
            tmp = Path(tmp_name)
            try:
                with closing(sqlite3.connect(tmp)) as conn:
                    conn.execute("PRAGMA journal_mode = OFF")
                    conn.executescript(_SCHEMA)
                    warnings = self._carry_over(
                        conn, keep=KIND_RNCP if kind == KIND_ROME else KIND_ROME
                    )
                    report = fill(conn)
                    if warnings:
                        report = _with_warnings(report, warnings)
                    conn.execute(
                        "INSERT OR REPLACE INTO versions "
                        "(kind, version, imported_at, source_file, records) VALUES (?, ?, ?, ?, ?)",
                        (
                            kind,
                            report.version,
                            report.imported_at,
                            report.source_file,
                            report.records,
                        ),
                    )
                    conn.commit()
                    conn.execute("PRAGMA journal_mode = DELETE")
                    conn.execute("VACUUM")
                _fsync(tmp)
                tracker.finish()
                os.replace(tmp, self.path)
                fsync_dir(parent)
                return report
            except sqlite3.Error as exc:
                raise ReferentialError(
                    f"Impossible d'écrire le référentiel dans « {parent} » ({exc})."
                ) from exc
            finally:
                if tmp.exists():
                    tmp.unlink()

    def _carry_over(self, conn: sqlite3.Connection, keep: str) -> list[str]:
        """Copy the ``keep`` referential from the current file into the new one."""
        if not self.path.is_file():
            return []
        try:
            with self._reader() as old:
                assert old is not None
                version = old.execute(
                    "SELECT kind, version, imported_at, source_file, records FROM versions "
                    "WHERE kind = ?",
                    (keep,),
                ).fetchone()
                if keep == KIND_ROME:
                    conn.executemany(
                        "INSERT INTO jobs (id, code, label, appellation) VALUES (?, ?, ?, ?)",
                        old.execute("SELECT id, code, label, appellation FROM jobs"),
                    )
                    conn.execute(
                        "INSERT INTO jobs_fts (rowid, keys, label, appellation) "
                        "SELECT id, code, label, coalesce(appellation, '') FROM jobs"
                    )
                else:
                    conn.executemany(
                        "INSERT INTO certifications (code, label, level, active) "
                        "VALUES (?, ?, ?, ?)",
                        old.execute("SELECT code, label, level, active FROM certifications"),
                    )
                    conn.executemany(
                        "INSERT INTO certifications_fts (rowid, keys, label) VALUES (?, ?, ?)",
                        old.execute(
                            "SELECT c.rowid, f.keys, f.label FROM certifications AS c "
                            "JOIN certifications_fts AS f ON f.rowid = c.rowid"
                        ),
                    )
                if version:
                    conn.execute("INSERT INTO versions VALUES (?, ?, ?, ?, ?)", tuple(version))
        except (ReferentialError, sqlite3.Error) as exc:
            conn.execute("DELETE FROM jobs" if keep == KIND_ROME else "DELETE FROM certifications")
            conn.execute(
                "DELETE FROM jobs_fts" if keep == KIND_ROME else "DELETE FROM certifications_fts"
            )
            conn.execute("DELETE FROM versions")
            detail = exc.message if isinstance(exc, ReferentialError) else str(exc)
            return [
                f"Référentiel précédent illisible ({detail}) : le référentiel "
                f"{KIND_LABELS[keep]} est à importer à nouveau."
            ]
        return []


def _with_warnings(report: ImportReport, warnings: list[str]) -> ImportReport:
    return ImportReport(**{**report.__dict__, "warnings": report.warnings + tuple(warnings)})


def _fts_query(text: str) -> str:
    """Words typed → an FTS5 query: every word as a prefix, all required."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text or "").lower())[:8]
    return " AND ".join(f'"{w}"*' for w in words)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def import_any_zip(
    ref: Referential, path: Path, progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    """A ROME or an RNCP/RS zip, whichever it is: the kind its name suggests is tried first,
    and the first refusal is the one reported when neither kind fits."""
    order = [ref.import_rome_zip, ref.import_rncp_zip]
    if any(word in path.name.lower() for word in ("rncp", "fiches")):
        order.reverse()
    try:
        return order[0](path, progress=progress)
    except ReferentialError as first:
        try:
            return order[1](path, progress=progress)
        except ReferentialError:
            raise first from None
