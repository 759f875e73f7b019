"""Argon2id calibration (issue 16.4): new slots sized to the machine, never below RFC 9106's
second recommended option (t=3, 64 MiB); existing slots re-wrapped at a successful unlock
only when that makes them at least as strong."""

from __future__ import annotations

import json
import time

import pytest

from cep_desk.storage import vault
from cep_desk.storage.workspace import open_workspace
from cep_desk.usecases import workspaces

PASSPHRASE = "Une phrase de passe bien longue 42 !"


def _slots(directory):
    return {s["kind"]: s for s in json.loads((directory / "keys.json").read_text())["slots"]}


def test_iterations_never_below_the_floor():
    assert vault.iterations_for(10.0) == 3  # a very slow machine keeps t=3
    assert vault.iterations_for(0.1) == 4  # 0.4 s / 0.1 s per pass
    assert vault.iterations_for(0.05) == 8
    assert vault.iterations_for(0.0) == vault.KDF_MAX_ITERATIONS
    assert vault.iterations_for(1e-6) == vault.KDF_MAX_ITERATIONS


def test_calibrated_slot_is_strong_and_near_the_target(monkeypatch):
    monkeypatch.delenv(vault.ENV_TEST_KDF, raising=False)
    monkeypatch.setattr(vault, "_calibrated", None)
    params = vault.kdf_for_new_slots()
    assert params["memory_kib"] == 65536 and params["iterations"] >= 3 and params["lanes"] == 4
    assert vault.at_least_as_strong(params, vault.KDF_FLOOR)
    # The derivation with these parameters takes about the target here (or t=3 when the
    # floor alone is slower): the best of three, the machine being shared.
    salted = {**params, "algorithm": "argon2id", "salt": "AAAAAAAAAAAAAAAAAAAAAA=="}
    best = min(_timed(salted) for _ in range(3))
    if params["iterations"] > 3:
        assert best < 3 * vault.KDF_TARGET_S  # loose: the machine is shared
    assert vault.kdf_for_new_slots() == params  # measured once per process


def _timed(params):
    t0 = time.perf_counter()
    vault._derive(b"x", params)
    return time.perf_counter() - t0


def test_strengthened_kdf_never_weaker():
    slot = {"kdf": {"iterations": 7, "memory_kib": 65536, "lanes": 4}}
    # 7 passes in 0.81 s: this machine would make t=3; weaker than 7: kept as it is
    assert vault.strengthened_kdf(slot, 0.81) is None
    weak = {"kdf": {"iterations": 1, "memory_kib": 1024, "lanes": 1}}
    wanted = vault.strengthened_kdf(weak, 0.002)
    assert wanted is not None and wanted["iterations"] >= 3 and wanted["memory_kib"] == 65536
    fast = {"kdf": {"iterations": 3, "memory_kib": 65536, "lanes": 4}}
    # 3 passes in 0.15 s on a new, fast machine: 8 passes for 0.4 s
    assert vault.strengthened_kdf(fast, 0.15)["iterations"] == 8
    same = {"kdf": {"iterations": 3, "memory_kib": 65536, "lanes": 4}}
    assert vault.strengthened_kdf(same, 0.4) is None  # nothing to gain
    more_memory = {"kdf": {"iterations": 3, "memory_kib": 262144, "lanes": 4}}
    assert vault.strengthened_kdf(more_memory, 0.01) is None  # 64 MiB would be less memory


@pytest.fixture
def weak_workspace(tmp_path):
    ws, recovery = workspaces.create(
        tmp_path / "espace", PASSPHRASE, {"name": "Claire Martin", "organisation": "CIBC"}
    )
    ws.close()
    return tmp_path / "espace", recovery


def test_unlock_rewraps_a_weaker_slot_and_it_still_opens(weak_workspace, monkeypatch):
    directory, recovery = weak_workspace
    before = _slots(directory)
    assert before["passphrase"]["kdf"]["iterations"] == 1  # the tests' cheap parameters
    # Production behaviour: the machine's own parameters, calibrated from the unlock time.
    monkeypatch.delenv(vault.ENV_TEST_KDF, raising=False)
    ws = open_workspace(directory, PASSPHRASE)
    ws.close()
    after = _slots(directory)
    kdf = after["passphrase"]["kdf"]
    assert kdf["iterations"] >= 3 and kdf["memory_kib"] == 65536
    assert after["passphrase"]["kdf"]["salt"] != before["passphrase"]["kdf"]["salt"]
    assert after["recovery"] == before["recovery"]  # the other slot is left as it was
    # Both secrets still open the workspace; a wrong one still fails.
    keyfile = vault.KeyFile.read(directory)
    db_key = keyfile.unlock(PASSPHRASE, vault.SLOT_PASSPHRASE)
    assert keyfile.unlock(recovery, vault.SLOT_RECOVERY) == db_key
    with pytest.raises(vault.WrongSecret):
        keyfile.unlock("Une autre phrase de passe 43 !", vault.SLOT_PASSPHRASE)
    # The next unlock finds nothing to strengthen (or only stronger): never weaker.
    ws = open_workspace(directory, PASSPHRASE)
    ws.close()
    assert vault.at_least_as_strong(_slots(directory)["passphrase"]["kdf"], kdf)


def test_unlock_keeps_a_stronger_slot(weak_workspace, monkeypatch):
    directory, _ = weak_workspace
    strong = {"memory_kib": 65536, "iterations": 7, "lanes": 4}
    vault.change_passphrase(directory, PASSPHRASE, PASSPHRASE, strong)
    before = (directory / "keys.json").read_bytes()
    monkeypatch.delenv(vault.ENV_TEST_KDF, raising=False)
    monkeypatch.setattr(vault, "KDF_TARGET_S", 0.05)  # this machine would choose t=3 now
    ws = open_workspace(directory, PASSPHRASE)
    ws.close()
    assert (directory / "keys.json").read_bytes() == before  # byte for byte


def test_read_only_open_and_wrong_secret_write_nothing(weak_workspace, monkeypatch):
    directory, _ = weak_workspace
    before = (directory / "keys.json").read_bytes()
    monkeypatch.delenv(vault.ENV_TEST_KDF, raising=False)
    with pytest.raises(vault.WrongSecret):
        open_workspace(directory, "Pas la bonne phrase de passe 1 !")
    ws = open_workspace(directory, PASSPHRASE, read_only=True)
    ws.close()
    assert (directory / "keys.json").read_bytes() == before


def test_explicit_rewrap_refuses_weaker_parameters(weak_workspace):
    directory, _ = weak_workspace
    vault.change_passphrase(directory, PASSPHRASE, PASSPHRASE, {"memory_kib": 2048,
                            "iterations": 2, "lanes": 1})  # fmt: skip
    keyfile = vault.KeyFile.read(directory)
    db_key = keyfile.unlock(PASSPHRASE, vault.SLOT_PASSPHRASE)
    weaker = {"memory_kib": 1024, "iterations": 2, "lanes": 1}
    assert not vault.rewrap_opened_slot(directory, keyfile, PASSPHRASE, db_key, weaker)
    stronger = {"memory_kib": 4096, "iterations": 3, "lanes": 1}
    assert vault.rewrap_opened_slot(directory, keyfile, PASSPHRASE, db_key, stronger)
    assert _slots(directory)["passphrase"]["kdf"]["memory_kib"] == 4096
    assert vault.KeyFile.read(directory).unlock(PASSPHRASE) == db_key
