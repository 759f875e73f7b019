"""Signed catalogue updates: publish, verify, import and locate the catalogue in use. No Qt.

The financing catalogue changes faster than releases. A publisher (the project, or an operator's
IT) signs a catalogue with an Ed25519 private key; the application checks the signature against
the keys it trusts before using it.

**The signed file** (``*.cepcat``) is a JSON envelope::

    {"format": "cep-desk-catalogue", "format_version": 1, "key_id": "<16 hex>",
     "payload": "<base64 of the UTF-8 JSON payload>", "signature": "<base64>"}

The signature covers ``SIGNING_CONTEXT`` followed by the exact payload bytes. The payload is
``{"version": "AAAA.MM.N", "published_on": "AAAA-MM-JJ", "publisher": "…",
"schemes": {…schemes.json…}, "operators": {…operators.json…}}``.

**Trusted keys**: the project's public key shipped in ``cep_desk/resources/catalogue/trusted_keys.json``,
plus the ``*.pub`` files (PEM « PUBLIC KEY », Ed25519) an operator's IT puts in a
``catalogue-keys`` folder of the machine's or the user's configuration folder (see
``key_folders``). A ``revoked.txt`` file in one of those folders lists revoked key ids (or full
SHA-256 fingerprints), one per line; a revoked key is refused, even the shipped one, and a
catalogue already imported with it is no longer used.

**The catalogue in use** lives in the workspace folder: ``<espace>/catalogue/en-cours.cepcat``
(and the one it replaced, ``precedent.cepcat``). The workspace is what the plans are issued
from, what the CLI verbs name with ``--workspace``, and two workspaces on one machine (a real
one, a training one) must not change each other's advice. It is re-verified each time it is
read; when missing, unreadable, no longer trusted or older than the catalogue shipped with the
application, the shipped one is used.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cep_desk import catalogue as cat
from cep_desk.files import write_atomically

log = logging.getLogger(__name__)

FORMAT = "cep-desk-catalogue"
FORMAT_VERSION = 1
SIGNING_CONTEXT = b"cep-desk-catalogue-v1\n"
SUFFIX = ".cepcat"
APP_NAME = "CEP Desk"  # the platformdirs name the application already uses
KEYS_FOLDER = "catalogue-keys"
REVOKED_FILE = "revoked.txt"
TRUSTED_KEYS_FILE = "trusted_keys.json"
WORKSPACE_FOLDER = "catalogue"
CURRENT_FILE = "en-cours" + SUFFIX
PREVIOUS_FILE = "precedent" + SUFFIX
MAX_FILE_BYTES = 8 * 1024 * 1024
_VERSION_RE = re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,4})$")
_KEY_ID_RE = re.compile(r"^[0-9a-f]{16,64}$")


class CatalogueUpdateError(ValueError):
    """A signed catalogue is refused. ``message`` is French and says that nothing changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --------------------------------------------------------------------------------------------
# Keys
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    public_key: Ed25519PublicKey
    owner: str
    origin: str  # "application" or the .pub file's path


def raw_public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(key: Ed25519PublicKey) -> str:
    """The SHA-256 of the raw 32-byte public key, in hex (64 characters)."""
    return hashlib.sha256(raw_public_bytes(key)).hexdigest()


def key_id(key: Ed25519PublicKey) -> str:
    """The key's short id: the first 16 hex characters of its fingerprint."""
    return fingerprint(key)[:16]


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_pem(key: Ed25519PrivateKey, passphrase: bytes | None = None) -> bytes:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


def load_private_key(data: bytes, passphrase: bytes | None = None) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=passphrase)
    except (ValueError, TypeError) as exc:
        raise CatalogueUpdateError(f"Clé privée illisible ({exc}).") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise CatalogueUpdateError("La clé privée n'est pas une clé Ed25519.")
    return key


def key_folders() -> list[Path]:
    """Where an operator's IT installs trusted keys: the machine's configuration folder(s)
    first (``platformdirs.site_config_path``, e.g. ``/etc/xdg/CEP Desk/catalogue-keys`` on
    Linux, ``C:\\ProgramData\\CEP Desk\\catalogue-keys`` on Windows), then the user's
    (``platformdirs.user_config_path``, e.g. ``~/.config/CEP Desk/catalogue-keys``)."""
    from platformdirs import site_config_dir, user_config_path

    folders = [
        Path(p) / KEYS_FOLDER
        for p in site_config_dir(APP_NAME, appauthor=False, multipath=True).split(os.pathsep)
        if p
    ]
    folders.append(user_config_path(APP_NAME, appauthor=False) / KEYS_FOLDER)
    return folders


def shipped_keys() -> list[TrustedKey]:
    """The project's key(s) shipped with the application."""
    from importlib import resources

    text = resources.files(cat.CATALOGUE_PACKAGE).joinpath(TRUSTED_KEYS_FILE).read_text("utf-8")
    keys = []
    for item in json.loads(text)["keys"]:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(item["public_key"]))
        if key_id(public) != item["key_id"]:
            raise cat.CatalogueError(f"{TRUSTED_KEYS_FILE} : identifiant de clé incohérent.")
        keys.append(TrustedKey(item["key_id"], public, item["owner"], "application"))
    return keys


def revoked_ids(folders: Iterable[Path]) -> set[str]:
    """Key ids or fingerprints listed in the folders' ``revoked.txt`` (lower-case hex)."""
    revoked: set[str] = set()
    for folder in folders:
        try:
            text = (folder / REVOKED_FILE).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for line in text.splitlines():
            token = line.split("#", 1)[0].strip().lower().replace(":", "")
            if _KEY_ID_RE.match(token):
                revoked.add(token)
            elif token:
                log.warning("%s: ignored line %r", folder / REVOKED_FILE, line)
    return revoked


def _is_revoked(key: TrustedKey, revoked: set[str]) -> bool:
    full = fingerprint(key.public_key)
    return any(full.startswith(r) for r in revoked)


def installed_keys(folders: Iterable[Path]) -> list[TrustedKey]:
    keys = []
    for folder in folders:
        try:
            files = sorted(folder.glob("*.pub"))
        except OSError:
            continue
        for path in files:
            try:
                public = serialization.load_pem_public_key(path.read_bytes())
            except (OSError, ValueError) as exc:
                log.warning("%s: unreadable public key (%s)", path, exc)
                continue
            if not isinstance(public, Ed25519PublicKey):
                log.warning("%s: not an Ed25519 key, ignored", path)
                continue
            keys.append(TrustedKey(key_id(public), public, path.stem, str(path)))
    return keys


def trusted_keys(folders: Sequence[Path] | None = None) -> tuple[list[TrustedKey], set[str]]:
    """The keys in force (shipped + installed, revoked ones removed) and the revoked ids."""
    folders = key_folders() if folders is None else list(folders)
    revoked = revoked_ids(folders)
    keys = [k for k in (*shipped_keys(), *installed_keys(folders)) if not _is_revoked(k, revoked)]
    return keys, revoked


# --------------------------------------------------------------------------------------------
# Versions
# --------------------------------------------------------------------------------------------


def parse_version(text: Any) -> tuple[int, int, int]:
    """``"2026.12.1"`` → ``(2026, 12, 1)``; CatalogueUpdateError when malformed."""
    match = _VERSION_RE.match(text) if isinstance(text, str) else None
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise CatalogueUpdateError(f"Version de catalogue invalide : « {text} » (AAAA.MM.N).")
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


# --------------------------------------------------------------------------------------------
# Signing (publisher side)
# --------------------------------------------------------------------------------------------


def build_payload(
    schemes_doc: dict[str, Any],
    operators_doc: dict[str, Any],
    *,
    version: str | None = None,
    published_on: date | None = None,
    publisher: str = "",
    today: date | None = None,
) -> bytes:
    """The payload bytes for two JSON documents, after checking they load and pass the
    catalogue's own validation (CatalogueUpdateError otherwise)."""
    version = version or schemes_doc.get("version")
    parse_version(version)
    catalogue = _parse(schemes_doc, operators_doc)
    problems = cat.validate_catalogue(catalogue, today)
    if problems:
        raise CatalogueUpdateError(
            "Le catalogue ne passe pas ses contrôles : " + " ; ".join(problems[:5])
        )
    payload = {
        "version": version,
        "published_on": (published_on or date.today()).isoformat(),
        "publisher": publisher,
        "schemes": schemes_doc,
        "operators": operators_doc,
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def sign_payload(payload: bytes, private_key: Ed25519PrivateKey) -> bytes:
    """The signed file's bytes."""
    signature = private_key.sign(SIGNING_CONTEXT + payload)
    envelope = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "key_id": key_id(private_key.public_key()),
        "payload": base64.b64encode(payload).decode("ascii"),
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    return (json.dumps(envelope, indent=1) + "\n").encode("ascii")


# --------------------------------------------------------------------------------------------
# Verifying (application side)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignedCatalogue:
    """A verified signed file: its catalogue and who signed it."""

    catalogue: cat.Catalogue
    version: str
    published_on: date
    publisher: str
    key: TrustedKey
    raw: bytes

    @property
    def version_tuple(self) -> tuple[int, int, int]:
        return parse_version(self.version)


def _parse(schemes_doc: Any, operators_doc: Any, origin: str = "") -> cat.Catalogue:
    try:
        return cat.parse_catalogue(schemes_doc, operators_doc, origin=origin)
    except cat.CatalogueError as exc:
        raise CatalogueUpdateError(f"Catalogue mal formé : {exc}") from exc


def _b64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise CatalogueUpdateError(f"Fichier mal formé : champ « {what} » absent.")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise CatalogueUpdateError(f"Fichier mal formé : « {what} » n'est pas en base64.") from None


def verify_bytes(
    raw: bytes,
    *,
    folders: Sequence[Path] | None = None,
    origin: str = "",
    today: date | None = None,
) -> SignedCatalogue:
    """Check a signed file's format, signature (against the trusted keys) and content."""
    if len(raw) > MAX_FILE_BYTES:
        raise CatalogueUpdateError("Fichier trop volumineux pour un catalogue des dispositifs.")
    try:
        envelope = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CatalogueUpdateError(
            "Ce fichier n'est pas un catalogue signé CEP Desk (JSON illisible)."
        ) from None
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise CatalogueUpdateError("Ce fichier n'est pas un catalogue signé CEP Desk.")
    if envelope.get("format_version") != FORMAT_VERSION:
        raise CatalogueUpdateError(
            f"Version de format non prise en charge ({envelope.get('format_version')}) : "
            "mettez à jour l'application."
        )
    payload = _b64(envelope.get("payload"), "payload")
    signature = _b64(envelope.get("signature"), "signature")
    wanted = envelope.get("key_id")
    keys, revoked = trusted_keys(folders)
    if not isinstance(wanted, str) or not _KEY_ID_RE.match(wanted):
        raise CatalogueUpdateError("Fichier mal formé : identifiant de clé absent.")
    key = next((k for k in keys if k.key_id == wanted), None)
    if key is None:
        if any(wanted.startswith(r) or r.startswith(wanted) for r in revoked):
            raise CatalogueUpdateError(f"Catalogue signé par une clé révoquée ({wanted}).")
        raise CatalogueUpdateError(
            f"Catalogue signé par une clé inconnue ({wanted}) : elle n'est pas installée "
            "parmi les clés de confiance."
        )
    try:
        key.public_key.verify(signature, SIGNING_CONTEXT + payload)
    except InvalidSignature:
        raise CatalogueUpdateError(
            "Signature invalide : le fichier a été modifié après sa signature, ou n'a pas été "
            "signé avec cette clé."
        ) from None
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CatalogueUpdateError("Catalogue mal formé : contenu JSON illisible.") from None
    if not isinstance(data, dict):
        raise CatalogueUpdateError("Catalogue mal formé : un objet JSON est attendu.")
    version = data.get("version")
    parse_version(version)
    try:
        published_on = date.fromisoformat(data.get("published_on"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise CatalogueUpdateError("Catalogue mal formé : date de publication absente.") from None
    catalogue = _parse(data.get("schemes"), data.get("operators"), origin)
    problems = cat.validate_catalogue(catalogue, today)
    if problems:
        raise CatalogueUpdateError(
            "Le catalogue ne passe pas ses contrôles : " + " ; ".join(problems[:5])
        )
    return SignedCatalogue(
        catalogue=catalogue,
        version=version,  # type: ignore[arg-type]
        published_on=published_on,
        publisher=str(data.get("publisher") or ""),
        key=key,
        raw=raw,
    )


# --------------------------------------------------------------------------------------------
# The catalogue in use
# --------------------------------------------------------------------------------------------


def workspace_folder(workspace: Path) -> Path:
    return Path(workspace) / WORKSPACE_FOLDER


def shipped_version() -> tuple[int, int, int]:
    return parse_version(cat.load_catalogue().schemes_version)


_cache: dict[Path, tuple[tuple[int, int, str], cat.Catalogue]] = {}


def _revocation_stamp(folders: Sequence[Path]) -> str:
    """Changes when keys are installed or revoked, so that a cached catalogue is re-checked."""
    parts = []
    for folder in folders:
        try:
            for path in sorted([*folder.glob("*.pub"), folder / REVOKED_FILE]):
                if path.exists():
                    stat = path.stat()
                    parts.append(f"{path}:{stat.st_mtime_ns}:{stat.st_size}")
        except OSError:
            continue
    return "|".join(parts)


def catalogue_for(workspace: str | Path | None) -> cat.Catalogue:
    """The catalogue in use for a workspace folder: the signed one imported into it
    (``import-catalogue``) while trusted and newer than the shipped one, else the shipped one."""
    if workspace is None:
        return cat.load_catalogue()
    return catalogue_in_use(workspace)


def catalogue_in_use(
    workspace: Path | str | None, *, folders: Sequence[Path] | None = None
) -> cat.Catalogue:
    """The catalogue a workspace uses: its imported one when still trusted and newer than the
    shipped one, else the shipped one (with a ``notice`` saying why, when relevant)."""
    shipped = cat.load_catalogue()
    if workspace is None:
        return shipped
    current = workspace_folder(Path(workspace)) / CURRENT_FILE
    try:
        stat = current.stat()
    except OSError:
        return shipped
    folders = key_folders() if folders is None else list(folders)
    stamp = (stat.st_mtime_ns, stat.st_size, _revocation_stamp(folders))
    cached = _cache.get(current)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        signed = verify_bytes(current.read_bytes(), folders=folders, origin=str(current))
    except (OSError, CatalogueUpdateError) as exc:
        message = getattr(exc, "message", str(exc))
        log.warning("imported catalogue %s not used: %s", current, message)
        result = replace(
            shipped,
            notice=f"Catalogue importé non utilisé ({message}) : catalogue livré avec "
            "l'application.",
        )
    else:  # an application update may have brought a newer catalogue than the imported one
        newer = signed.version_tuple > shipped_version()
        result = signed.catalogue if newer else shipped
    _cache[current] = (stamp, result)
    return result


@dataclass(frozen=True)
class ImportReport:
    version: str
    previous_version: str
    publisher: str
    key_owner: str
    key_id: str
    verified_on: date | None
    path: Path

    def summary(self) -> str:
        who = self.publisher or self.key_owner
        verified = self.verified_on.strftime("%d/%m/%Y") if self.verified_on else "?"
        return (
            f"Catalogue des dispositifs {self.version} installé (remplace {self.previous_version}"
            f") ; signé par {who} (clé {self.key_id}) ; dispositifs vérifiés le {verified}."
        )


def import_catalogue(
    file: Path | str,
    workspace: Path | str,
    *,
    folders: Sequence[Path] | None = None,
    today: date | None = None,
) -> ImportReport:
    """Check a signed file (signature, format, newer than the catalogue in use), then make it
    the workspace's catalogue, atomically, keeping the one it replaces. Any refusal raises
    CatalogueUpdateError and changes nothing."""
    from cep_desk.storage.workspace import is_workspace

    workspace = Path(workspace)
    if not workspace.is_dir() or not is_workspace(workspace):
        raise CatalogueUpdateError(f"Aucun espace de travail dans {workspace}.")
    try:
        raw = Path(file).read_bytes()
    except OSError as exc:
        raise CatalogueUpdateError(f"Fichier illisible : {file} ({exc.strerror}).") from exc
    folder = workspace_folder(workspace)
    signed = verify_bytes(raw, folders=folders, origin=str(folder / CURRENT_FILE), today=today)
    in_use = catalogue_in_use(workspace, folders=folders)
    in_use_version = in_use.schemes_version
    if signed.version_tuple <= parse_version(in_use_version):
        if signed.version == in_use_version:
            relation = "est déjà utilisé : c'est celui en service"
        else:
            relation = f"est plus ancien que celui en service ({in_use_version})"
        raise CatalogueUpdateError(
            f"Le catalogue {signed.version} {relation} ; seul un catalogue plus récent peut le "
            "remplacer."
        )
    folder.mkdir(mode=0o700, exist_ok=True)
    current = folder / CURRENT_FILE
    if current.exists():  # keep the one it replaces (the copy first: a crash leaves both sane)
        write_atomically(folder / PREVIOUS_FILE, current.read_bytes(), mode=0o644)
    write_atomically(current, raw, mode=0o644)
    _cache.pop(current, None)
    return ImportReport(
        version=signed.version,
        previous_version=in_use_version,
        publisher=signed.publisher,
        key_owner=signed.key.owner,
        key_id=signed.key.key_id,
        verified_on=signed.catalogue.verified_on(),
        path=current,
    )
