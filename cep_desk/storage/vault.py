"""Key slots: the passphrase and the recovery key each unwrap the one database key.

The database key is 32 random bytes made once at creation and given raw to SQLCipher, so a
change of passphrase rewrites only ``keys.json`` (atomically) and never the database. Each slot
wraps that key with AES-256-GCM under a key derived by Argon2id from the secret; the slot records
its own Argon2id parameters, so tests may use cheap ones.
"""

from __future__ import annotations

import base64
import contextlib
import json
import math
import os
import secrets
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from cep_desk.files import write_atomically
from cep_desk.passphrase import SLOT_PASSPHRASE as SLOT_PASSPHRASE  # the rule is the core's
from cep_desk.passphrase import SLOT_RECOVERY as SLOT_RECOVERY
from cep_desk.passphrase import PassphraseStrength as PassphraseStrength
from cep_desk.passphrase import normalise_passphrase as normalise_passphrase
from cep_desk.passphrase import passphrase_strength as passphrase_strength

KEYS_FILE = "keys.json"
KEYS_BACKUP = "keys.json.bak"
FORMAT = "cep-desk-keys"
FORMAT_VERSION = 1

# The floor of every new slot: RFC 9106's second recommended option (t=3, 64 MiB, 4 lanes).
# New slots are calibrated to the machine (KDF_TARGET_S) by adding passes, never below it;
# 64 MiB keeps the peak memory of an unlock well inside the application's budget.
DEFAULT_KDF = {"memory_kib": 65536, "iterations": 3, "lanes": 4}
KDF_FLOOR = DEFAULT_KDF
KDF_TARGET_S = 0.4  # aimed at; the budget is 0.3-0.5 s on the machine that creates the slot
KDF_MAX_ITERATIONS = 32  # a calibration on a very fast machine stops there (about 1.5 s here)
# Cheap parameters for tests only; every slot stores the parameters it was made with.
TEST_KDF = {"memory_kib": 1024, "iterations": 1, "lanes": 1}

# Tests set this variable so that slots made by the CLI and the GUI use TEST_KDF.
ENV_TEST_KDF = "CEP_DESK_TEST_KDF"

_calibrated: dict[str, Any] | None = None


def iterations_for(seconds_per_pass: float, target_s: float | None = None) -> int:
    """Passes over 64 MiB that take about ``target_s`` (:data:`KDF_TARGET_S`): never below
    the floor's 3."""
    target_s = KDF_TARGET_S if target_s is None else target_s
    if seconds_per_pass <= 0:
        return KDF_MAX_ITERATIONS
    wanted = round(target_s / seconds_per_pass)
    return max(KDF_FLOOR["iterations"], min(KDF_MAX_ITERATIONS, wanted))


def calibrate_kdf() -> dict[str, Any]:
    """Argon2id parameters for this machine: the floor timed twice (the faster run counts,
    the other may have waited for the processor), then as many passes as make about
    :data:`KDF_TARGET_S`. Measured once per process."""
    global _calibrated
    if _calibrated is None:
        params = {**KDF_FLOOR, "algorithm": "argon2id", "salt": _b64(os.urandom(16))}
        best = math.inf
        for _ in range(2):
            t0 = time.perf_counter()
            _derive(b"calibration", params)
            best = min(best, time.perf_counter() - t0)
        passes = KDF_FLOOR["iterations"]
        _calibrated = {**KDF_FLOOR, "iterations": iterations_for(best / passes)}
    return dict(_calibrated)


def kdf_for_new_slots() -> dict[str, Any]:
    """The Argon2id parameters for a new slot: calibrated to this machine (at least t=3,
    64 MiB), or TEST_KDF under the tests."""
    return dict(TEST_KDF) if os.environ.get(ENV_TEST_KDF) == "1" else calibrate_kdf()


def _strength(kdf: dict[str, Any]) -> tuple[int, int]:
    return int(kdf["iterations"]), int(kdf["memory_kib"])


def at_least_as_strong(new: dict[str, Any], old: dict[str, Any]) -> bool:
    """No weaker in passes nor in memory (the lanes do not change the work)."""
    (t_new, m_new), (t_old, m_old) = _strength(new), _strength(old)
    return t_new >= t_old and m_new >= m_old


RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L ambiguity
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 5


class VaultError(Exception):
    """A French message about the key file."""


class WrongSecret(VaultError):
    """The passphrase or recovery key does not open any slot."""


class KeyFileDamaged(VaultError):
    """``keys.json`` is not well formed (JSON, types, base64, lengths, KDF bounds): told apart
    from a wrong secret, which is only ever an AES-GCM tag failure on a well-formed slot."""


# Bounds of the Argon2id parameters a slot may ask for, checked before deriving: a tampered
# slot (iterations = 2^31, memory = 4 TiB…) is refused at once instead of hanging or
# exhausting memory. Our own slots use DEFAULT_KDF or TEST_KDF, far inside.
KDF_BOUNDS = {"iterations": (1, 64), "memory_kib": (8, 1024 * 1024), "lanes": (1, 64)}
SALT_BYTES = (16, 64)
NONCE_BYTES = 12
WRAPPED_BYTES = 32 + 16  # the database key and the GCM tag
SLOT_KINDS = (SLOT_PASSPHRASE, SLOT_RECOVERY)


def _damaged(what: str) -> KeyFileDamaged:
    return KeyFileDamaged(
        f"Le fichier des clés ({KEYS_FILE}) est endommagé ({what}) : il ne peut pas être lu, "
        "quelle que soit la phrase de passe. Aucun fichier n'a été modifié. Remettez le "
        f"{KEYS_FILE} d'origine de cet espace (une sauvegarde .cepbak en contient une copie)."
    )


def _b64_field(data: dict[str, Any], name: str, sizes: tuple[int, int], where: str) -> bytes:
    value = data.get(name)
    if not isinstance(value, str):
        raise _damaged(f"{where} : champ « {name} » absent ou invalide")
    try:
        raw = _unb64(value)
    except (ValueError, UnicodeEncodeError):
        raise _damaged(f"{where} : champ « {name} » mal encodé") from None
    if not sizes[0] <= len(raw) <= sizes[1]:
        raise _damaged(f"{where} : champ « {name} » de longueur inattendue")
    return raw


def _int_field(data: dict[str, Any], name: str, where: str) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _damaged(f"{where} : paramètre « {name} » absent ou invalide")
    low, high = KDF_BOUNDS[name]
    if not low <= value <= high:
        raise _damaged(f"{where} : paramètre « {name} » hors des limites ({low} à {high})")
    return value


def validate_slot(slot: Any, index: int = 0) -> None:
    """Raise :class:`KeyFileDamaged` unless ``slot`` is well formed and within bounds."""
    where = f"emplacement {index + 1}"
    if not isinstance(slot, dict):
        raise _damaged(f"{where} : ce n'est pas un objet")
    if slot.get("kind") not in SLOT_KINDS:
        raise _damaged(f"{where} : type d'emplacement inconnu")
    if slot.get("cipher") != "aes-256-gcm":
        raise _damaged(f"{where} : chiffrement inconnu")
    _b64_field(slot, "nonce", (NONCE_BYTES, NONCE_BYTES), where)
    _b64_field(slot, "wrapped_key", (WRAPPED_BYTES, WRAPPED_BYTES), where)
    kdf = slot.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("algorithm") != "argon2id":
        raise _damaged(f"{where} : paramètres de dérivation absents ou inconnus")
    _b64_field(kdf, "salt", SALT_BYTES, where)
    lanes = _int_field(kdf, "lanes", where)
    _int_field(kdf, "iterations", where)
    if _int_field(kdf, "memory_kib", where) < 8 * lanes:
        raise _damaged(f"{where} : mémoire de dérivation trop faible pour {lanes} voies")


def new_recovery_key() -> str:
    """A random recovery key (≈ 147 bits) written as groups: ``ABCDE-FGHJK-…``."""
    chars = "".join(
        secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)
    )
    return "-".join(
        chars[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(chars), RECOVERY_GROUP_LEN)
    )


def normalise_recovery_key(text: str) -> str:
    """Accept the key typed with spaces, dashes or in lower case."""
    return "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())


def could_be_recovery_key(text: str) -> bool:
    """True when ``text``, normalised, has the shape of a recovery key (its length and
    alphabet): any other text can never open the recovery slot."""
    key = normalise_recovery_key(text)
    return len(key) == RECOVERY_GROUPS * RECOVERY_GROUP_LEN and all(
        ch in RECOVERY_ALPHABET for ch in key
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(secret: bytes, kdf: dict[str, Any]) -> bytes:
    for name in KDF_BOUNDS:  # never derive with parameters outside the bounds
        _int_field(kdf, name, "paramètres de dérivation")
    return Argon2id(
        salt=_unb64(kdf["salt"]),
        length=32,
        iterations=int(kdf["iterations"]),
        lanes=int(kdf["lanes"]),
        memory_cost=int(kdf["memory_kib"]),
    ).derive(secret)


def _secret_bytes(kind: str, secret: str) -> bytes:
    if kind == SLOT_RECOVERY:
        return normalise_recovery_key(secret).encode("ascii", "replace")
    return normalise_passphrase(secret).encode("utf-8")


def make_slot(
    kind: str, secret: str, db_key: bytes, workspace_id: str, kdf: dict[str, Any]
) -> dict[str, Any]:
    params = dict(kdf)
    params["algorithm"] = "argon2id"
    params["salt"] = _b64(os.urandom(16))
    wrapping = _derive(_secret_bytes(kind, secret), params)
    nonce = os.urandom(12)
    aad = f"{FORMAT}:{workspace_id}:{kind}".encode()
    wrapped = AESGCM(wrapping).encrypt(nonce, db_key, aad)
    return {
        "kind": kind,
        "kdf": params,
        "cipher": "aes-256-gcm",
        "nonce": _b64(nonce),
        "wrapped_key": _b64(wrapped),
    }


@dataclass
class KeyFile:
    workspace_id: str
    slots: list[dict[str, Any]]
    # After a successful unlock: (the slot that opened, seconds its derivation took).
    opened: tuple[dict[str, Any], float] | None = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "workspace_id": self.workspace_id,
                "slots": self.slots,
            },
            indent=2,
        )

    @classmethod
    def read(cls, directory: Path) -> KeyFile:
        path = directory / KEYS_FILE
        if not path.exists():
            raise VaultError(
                f"Le fichier des clés ({KEYS_FILE}) est introuvable dans {directory}. "
                "Sans lui, l'espace de travail ne peut pas être ouvert : restaurez-le depuis "
                "une sauvegarde."
            )
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise VaultError(
                f"Le fichier des clés ({KEYS_FILE}) ne peut pas être lu dans {directory} "
                "(droits d'accès ou disque) : vérifiez le support, puis réessayez."
            ) from exc
        return cls.parse(raw)

    @classmethod
    def parse(cls, raw: bytes) -> KeyFile:
        """Check every field (JSON, types, base64, lengths, KDF bounds) or raise
        :class:`KeyFileDamaged`; nothing is derived here."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise _damaged("ce n'est plus du JSON valide") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise _damaged("ce n'est pas un fichier de clés de CEP Desk")
        version = data.get("version")
        if isinstance(version, bool) or version != FORMAT_VERSION:
            raise _damaged("version de format inconnue")
        workspace_id = data.get("workspace_id")
        if not isinstance(workspace_id, str) or not workspace_id:
            raise _damaged("identifiant d'espace absent ou invalide")
        slots = data.get("slots")
        if not isinstance(slots, list) or not slots:
            raise _damaged("aucun emplacement de clé")
        for index, slot in enumerate(slots):
            validate_slot(slot, index)
        return cls(workspace_id=workspace_id, slots=list(slots))

    def unlock(self, secret: str, kind: str | None = None) -> bytes:
        """Try the slots of ``kind`` (or every slot) and return the database key. The slot
        that opened and how long its derivation took are kept in :attr:`opened`.

        Each try costs a key derivation (≈ 0.5 s), so without ``kind`` a secret that cannot be
        a recovery key (not 30 characters of its alphabet once normalised) never tries the
        recovery slot, and one that can tries it first: whatever the slots' order in the file
        (a changed passphrase's slot is written last), a right secret opens at the first
        derivation."""
        slots = self.slots
        if kind is None:
            recovery = could_be_recovery_key(secret)
            slots = [s for s in slots if s.get("kind") == SLOT_RECOVERY] if recovery else []
            slots += [s for s in self.slots if s.get("kind") != SLOT_RECOVERY]
        for slot in slots:
            if kind is not None and slot.get("kind") != kind:
                continue
            try:
                t0 = time.perf_counter()
                wrapping = _derive(_secret_bytes(slot["kind"], secret), slot["kdf"])
                seconds = time.perf_counter() - t0
                aad = f"{FORMAT}:{self.workspace_id}:{slot['kind']}".encode()
                key = AESGCM(wrapping).decrypt(
                    _unb64(slot["nonce"]), _unb64(slot["wrapped_key"]), aad
                )
                self.opened = (slot, seconds)
                return key
            except InvalidTag:  # a well-formed slot (checked at read) with another secret
                continue
        if kind == SLOT_RECOVERY:
            raise WrongSecret("Clé de secours incorrecte.")
        if kind == SLOT_PASSPHRASE:
            raise WrongSecret("Phrase de passe incorrecte.")
        raise WrongSecret("Phrase de passe ou clé de secours incorrecte.")

    def replace_slot(self, slot: dict[str, Any]) -> None:
        self.slots = [s for s in self.slots if s.get("kind") != slot["kind"]] + [slot]


def create_key_file(
    directory: Path, passphrase: str, kdf: dict[str, Any] | None = None
) -> tuple[bytes, str]:
    """Make the database key and both slots; return ``(db_key, recovery_key)``."""
    strength = passphrase_strength(passphrase)
    if not strength.acceptable:
        raise VaultError(strength.message)
    kdf = kdf or kdf_for_new_slots()
    db_key = os.urandom(32)
    recovery = new_recovery_key()
    workspace_id = str(uuid.uuid4())
    keyfile = KeyFile(
        workspace_id=workspace_id,
        slots=[
            make_slot(SLOT_PASSPHRASE, passphrase, db_key, workspace_id, kdf),
            make_slot(SLOT_RECOVERY, recovery, db_key, workspace_id, kdf),
        ],
    )
    write_atomically(directory / KEYS_FILE, keyfile.to_json())
    return db_key, recovery


def change_passphrase(
    directory: Path, current_secret: str, new_passphrase: str, kdf: dict[str, Any] | None = None
) -> None:
    """Rewrite the passphrase slot only, atomically, after proving the new slot opens; the
    database is never touched (see :mod:`cep_desk.storage.rekey` for a new database key)."""
    strength = passphrase_strength(new_passphrase)
    if not strength.acceptable:
        raise VaultError(strength.message)
    keyfile = KeyFile.read(directory)
    db_key = keyfile.unlock(current_secret)
    old_slot = next((s for s in keyfile.slots if s.get("kind") == SLOT_PASSPHRASE), None)
    params = kdf or (
        {k: old_slot["kdf"][k] for k in ("memory_kib", "iterations", "lanes")}
        if old_slot
        else DEFAULT_KDF
    )
    keyfile.replace_slot(
        make_slot(SLOT_PASSPHRASE, new_passphrase, db_key, keyfile.workspace_id, params)
    )
    path = directory / KEYS_FILE
    previous = path.read_text("utf-8")
    new_text = keyfile.to_json()
    # Proven before it replaces anything: the new text opens with the new passphrase. No
    # ``keys.json.bak`` is written (a killed change left one holding the old slot): the
    # replacement is atomic, so keys.json is always either the old or the new file.
    proof = KeyFile(workspace_id=keyfile.workspace_id, slots=json.loads(new_text)["slots"])
    if proof.unlock(new_passphrase, SLOT_PASSPHRASE) != db_key:
        raise VaultError("Le changement de phrase de passe n'a pas pu être vérifié ; annulé.")
    write_atomically(path, new_text)
    if KeyFile.read(directory).unlock(new_passphrase, SLOT_PASSPHRASE) != db_key:
        write_atomically(path, previous)
        raise VaultError("Le changement de phrase de passe n'a pas pu être vérifié ; annulé.")
    with contextlib.suppress(FileNotFoundError):
        (directory / KEYS_BACKUP).unlink()  # left by an earlier, interrupted change


def strengthened_kdf(slot: dict[str, Any], seconds: float) -> dict[str, Any] | None:
    """The parameters this machine would give a new slot, judged from ``seconds``, the time
    the derivation of ``slot`` just took here; ``None`` unless they are at least as strong as
    the slot's own, and different from them (a slot is never made weaker)."""
    old = slot["kdf"]
    passes = int(old["iterations"]) * int(old["memory_kib"]) / KDF_FLOOR["memory_kib"]
    wanted = {**KDF_FLOOR, "iterations": iterations_for(seconds / max(passes, 1e-9))}
    same = _strength(wanted) == _strength(old) and int(old["lanes"]) == wanted["lanes"]
    if same or not at_least_as_strong(wanted, old):
        return None
    return wanted


def rewrap_opened_slot(
    directory: Path,
    keyfile: KeyFile,
    secret: str,
    db_key: bytes,
    kdf: dict[str, Any] | None = None,
) -> bool:
    """After a successful unlock: re-wrap the slot that opened with ``kdf`` (by default the
    parameters calibrated from the time its derivation took, see :func:`strengthened_kdf`),
    only when they are at least as strong as its own. The other slot is left as it is; the
    new file is proven to open with ``secret`` before it atomically replaces ``keys.json``.
    Under the tests (``CEP_DESK_TEST_KDF=1``) nothing is calibrated: only an explicit ``kdf``
    re-wraps. True when the slot was re-wrapped."""
    if keyfile.opened is None:
        return False
    slot, seconds = keyfile.opened
    if kdf is None:
        if os.environ.get(ENV_TEST_KDF) == "1":
            return False
        kdf = strengthened_kdf(slot, seconds)
    if kdf is None or not at_least_as_strong(kdf, slot["kdf"]):
        return False
    kind = slot["kind"]
    new_slot = make_slot(kind, secret, db_key, keyfile.workspace_id, kdf)
    slots = [new_slot if s is slot else s for s in keyfile.slots]
    new_text = KeyFile(workspace_id=keyfile.workspace_id, slots=slots).to_json()
    proof = KeyFile.parse(new_text.encode("utf-8"))
    if proof.unlock(secret, kind) != db_key:
        return False
    path = directory / KEYS_FILE
    if json.loads(path.read_bytes()).get("slots") != keyfile.slots:
        return False  # changed on disk since it was read (another process): left alone
    write_atomically(path, new_text)
    keyfile.slots = slots
    keyfile.opened = (new_slot, proof.opened[1] if proof.opened else seconds)
    return True
