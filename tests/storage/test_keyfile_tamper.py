"""A damaged keys.json is told apart from a wrong passphrase, and absurd KDF parameters are
refused before any derivation (issue 10, item 8)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time

import pytest

from cep_desk.storage import vault
from cep_desk.usecases import workspaces
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def keyfile_bytes(tmp_path_factory) -> bytes:
    directory = tmp_path_factory.mktemp("cles") / "espace"
    ws, _recovery = workspaces.create(directory, PASSPHRASE)
    ws.close()
    return (directory / vault.KEYS_FILE).read_bytes()


def _outcome(raw: bytes) -> str:
    """ "ok", "damaged" or "wrong", and nothing else (no other exception, no hang)."""
    try:
        vault.KeyFile.parse(raw).unlock(PASSPHRASE, vault.SLOT_PASSPHRASE)
    except vault.KeyFileDamaged as exc:
        assert "endommagé" in str(exc)
        return "damaged"
    except vault.WrongSecret as exc:
        assert "incorrecte" in str(exc)
        return "wrong"
    return "ok"


def _shape(value):
    """The structure of a key file: keys, types and the decoded length of base64 fields."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    if isinstance(value, str):
        try:
            return ("b64", len(base64.b64decode(value, validate=True)))
        except ValueError:
            return ("str",)
    return (type(value).__name__,)


def test_every_flipped_byte_is_damage_or_a_tag_failure_on_a_sound_slot(keyfile_bytes):
    original = json.loads(keyfile_bytes)
    seen = {"ok": 0, "damaged": 0, "wrong": 0}
    t0 = time.perf_counter()
    for position in range(len(keyfile_bytes)):
        for mask in (0x01, 0x20, 0x80):
            tampered = bytearray(keyfile_bytes)
            tampered[position] ^= mask
            outcome = _outcome(bytes(tampered))
            seen[outcome] += 1
            if outcome == "wrong":
                # « phrase de passe incorrecte » only for an intact, well-formed file whose
                # passphrase slot fails its tag check (a changed nonce, salt, key or id).
                data = json.loads(bytes(tampered))
                assert _shape(data) == _shape(original), (position, mask)
                for slot in data["slots"]:
                    vault.validate_slot(slot)
    assert seen["damaged"] and seen["wrong"], seen
    assert time.perf_counter() - t0 < 120


@pytest.mark.parametrize("length", [0, 1, 10, 100, -100, -1])
def test_truncated_file_is_damaged(keyfile_bytes, length):
    assert _outcome(keyfile_bytes[:length]) == "damaged"


def _with(keyfile_bytes: bytes, change) -> bytes:
    data = json.loads(keyfile_bytes)
    change(data)
    return json.dumps(data).encode()


def _slot(data):
    return next(s for s in data["slots"] if s["kind"] == vault.SLOT_PASSPHRASE)


TYPE_CHANGES = {
    "slots is an object": lambda d: d.update(slots={"a": 1}),
    "no slots": lambda d: d.update(slots=[]),
    "slot is a string": lambda d: d.update(slots=["x"]),
    "workspace id is a number": lambda d: d.update(workspace_id=5),
    "version is a string": lambda d: d.update(version="1"),
    "version is true": lambda d: d.update(version=True),
    "unknown format": lambda d: d.update(format="autre"),
    "iterations is a string": lambda d: _slot(d)["kdf"].update(iterations="7"),
    "iterations is a float": lambda d: _slot(d)["kdf"].update(iterations=1.0),
    "iterations is true": lambda d: _slot(d)["kdf"].update(iterations=True),
    "nonce is a number": lambda d: _slot(d).update(nonce=12),
    "nonce too short": lambda d: _slot(d).update(nonce=base64.b64encode(b"x" * 8).decode()),
    "wrapped key too long": lambda d: _slot(d).update(
        wrapped_key=base64.b64encode(b"x" * 64).decode()
    ),
    "salt not base64": lambda d: _slot(d)["kdf"].update(salt="%%%%"),
    "salt empty": lambda d: _slot(d)["kdf"].update(salt=""),
    "kdf missing": lambda d: _slot(d).pop("kdf"),
    "algorithm changed": lambda d: _slot(d)["kdf"].update(algorithm="scrypt"),
    "cipher changed": lambda d: _slot(d).update(cipher="aes-128-cbc"),
    "kind unknown": lambda d: _slot(d).update(kind="autre"),
    "salt non ascii": lambda d: _slot(d)["kdf"].update(salt="é" * 24),
}


@pytest.mark.parametrize("change", list(TYPE_CHANGES), ids=list(TYPE_CHANGES))
def test_wrong_types_are_damage(keyfile_bytes, change):
    assert _outcome(_with(keyfile_bytes, TYPE_CHANGES[change])) == "damaged"


@pytest.mark.parametrize(
    "raw", [b"", b"{", b"null", b"[]", b"\xff\xfe", b'{"format": "cep-desk-keys"}', b"42"]
)
def test_invalid_json_is_damage(raw):
    assert _outcome(raw) == "damaged"


ABSURD = {
    "iterations 2^31": {"iterations": 2**31},
    "iterations 0": {"iterations": 0},
    "iterations negative": {"iterations": -1},
    "memory 2^32-1 KiB": {"memory_kib": 2**32 - 1},
    "memory 0": {"memory_kib": 0},
    "lanes 0": {"lanes": 0},
    "lanes 2^24": {"lanes": 2**24},
    "memory below 8 per lane": {"lanes": 64, "memory_kib": 64},
    "iterations 2^63": {"iterations": 2**63},
}


@pytest.mark.parametrize("params", list(ABSURD), ids=list(ABSURD))
def test_absurd_kdf_parameters_are_refused_at_once(keyfile_bytes, params):
    raw = _with(keyfile_bytes, lambda d: _slot(d)["kdf"].update(ABSURD[params]))
    t0 = time.perf_counter()
    assert _outcome(raw) == "damaged"
    assert time.perf_counter() - t0 < 0.5


def test_cli_tells_damage_and_wrong_passphrase_apart(tmp_path):
    directory = tmp_path / "espace"
    ws, _recovery = workspaces.create(directory, PASSPHRASE)
    ws.close()
    path = directory / vault.KEYS_FILE
    good = path.read_bytes()

    def check(secret: str):
        env = dict(os.environ, CEP_DESK_PASSPHRASE=secret)
        return subprocess.run(
            [sys.executable, "-m", "cep_desk", "check", "--workspace", str(directory)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    out = check("une autre phrase de passe 123 !")
    assert out.returncode == 3 and "Phrase de passe incorrecte" in out.stderr
    path.write_bytes(_with(good, lambda d: _slot(d)["kdf"].update(iterations=2**31)))
    out = check(PASSPHRASE)
    assert out.returncode == 1 and "fichier des clés" in out.stderr and "endommagé" in out.stderr
    assert "incorrecte" not in out.stderr
    path.write_bytes(good[: len(good) // 2])
    out = check(PASSPHRASE)
    assert out.returncode == 1 and "endommagé" in out.stderr
    path.write_bytes(good)
    assert check(PASSPHRASE).returncode == 0
