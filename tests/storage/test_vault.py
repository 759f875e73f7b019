"""Key slots: passphrase and recovery key, wrong secrets, change of passphrase."""

from __future__ import annotations

import hashlib
import json

import pytest

from cep_desk.storage import vault
from cep_desk.storage import workspace as wsmod
from cep_desk.usecases import beneficiaries, workspaces


def _snapshot(directory) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in wsmod.workspace_files(directory)
    }


@pytest.fixture
def closed_workspace(new_workspace, workspace_dir):
    ws, recovery = new_workspace
    beneficiaries.create_beneficiary(ws, last_name="Martin", first_name="Inès")
    ws.close()
    return workspace_dir, recovery


@pytest.mark.parametrize("secret", ["mauvaise phrase", "", "ABCDE-FGHJK-MNPQR-STUVW-XYZ23-45678"])
def test_wrong_secret_leaves_every_file_identical(closed_workspace, secret):
    directory, _ = closed_workspace
    before = _snapshot(directory)
    with pytest.raises(vault.WrongSecret) as err:
        workspaces.open_(directory, secret)
    assert "incorrecte" in str(err.value)
    assert _snapshot(directory) == before


def test_recovery_key_opens(closed_workspace):
    directory, recovery = closed_workspace
    # typed in lower case with spaces instead of dashes: still accepted
    with workspaces.open_(directory, recovery.lower().replace("-", " ")) as ws:
        assert beneficiaries.count_beneficiaries(ws) == 1


def test_passwd_rewrites_only_the_slot_file(closed_workspace, passphrase):
    directory, recovery = closed_workspace
    db_before = (directory / "cep.db").read_bytes()
    new = "Nouvelle phrase de passe très sûre 2027"
    workspaces.change_passphrase(directory, passphrase, new)
    assert (directory / "cep.db").read_bytes() == db_before
    assert not (directory / vault.KEYS_BACKUP).exists()
    with pytest.raises(vault.WrongSecret):
        workspaces.open_(directory, passphrase)
    for secret in (new, recovery):
        with workspaces.open_(directory, secret) as ws:
            assert beneficiaries.count_beneficiaries(ws) == 1


def test_passwd_refuses_weak_passphrase(closed_workspace, passphrase):
    directory, _ = closed_workspace
    before = _snapshot(directory)
    with pytest.raises(vault.VaultError, match="courte"):
        workspaces.change_passphrase(directory, passphrase, "court")
    assert _snapshot(directory) == before


def test_slots_record_their_parameters(closed_workspace):
    directory, _ = closed_workspace
    data = json.loads((directory / "keys.json").read_text())
    kinds = sorted(s["kind"] for s in data["slots"])
    assert kinds == ["passphrase", "recovery"]
    for slot in data["slots"]:
        assert slot["kdf"]["algorithm"] == "argon2id"
        assert slot["cipher"] == "aes-256-gcm"


def test_default_kdf_is_strong(monkeypatch):
    monkeypatch.delenv(vault.ENV_TEST_KDF, raising=False)
    params = vault.kdf_for_new_slots()
    assert params["memory_kib"] >= 65536 and params["iterations"] >= 3


@pytest.mark.parametrize(
    ("passphrase", "ok"),
    [
        ("Abcdefgh12!x", True),  # 12 characters of 4 kinds
        ("abcdefghij12AB", True),  # 14 characters of 3 kinds
        ("le chat de ma voisine mange des croquettes", True),  # 7 words
        ("Abcdefgh12!", False),  # 11 characters
        ("abcdefghijklm", False),  # 13 lower-case letters: 61 bits
        ("motdepasse", False),
        ("é" * 30, True),  # long passphrases are accepted, whatever the alphabet
    ],
)
def test_cnil_rule(passphrase, ok):
    strength = vault.passphrase_strength(passphrase)
    assert strength.acceptable is ok
    assert strength.message


def test_unicode_is_normalised(new_workspace, workspace_dir):
    ws, _ = new_workspace
    ws.close()
    composed = "Une phrase de passe élégante numéro 42"
    workspaces.change_passphrase(workspace_dir, "Une phrase de passe bien longue 42 !", composed)
    decomposed = composed.replace("é", "e\u0301")
    with workspaces.open_(workspace_dir, decomposed):
        pass


def test_a_changed_passphrase_still_opens_at_the_first_derivation(
    closed_workspace, passphrase, monkeypatch
):
    """A passphrase change writes its slot after the recovery slot: an unlock without a slot
    kind (the CLI, the workspace open) must not derive for the recovery slot first (a second
    Argon2id, ≈ 0.5 s on every open); the recovery key still opens."""
    directory, recovery_key = closed_workspace
    new = passphrase + " et encore"
    vault.change_passphrase(directory, passphrase, new)
    keyfile = vault.KeyFile.read(directory)
    assert [s["kind"] for s in keyfile.slots][-1] == vault.SLOT_PASSPHRASE
    calls: list[object] = []
    derive = vault._derive

    def counted(secret, params):
        calls.append(params)
        return derive(secret, params)

    monkeypatch.setattr(vault, "_derive", counted)
    key = keyfile.unlock(new)
    assert len(calls) == 1 and keyfile.opened[0]["kind"] == vault.SLOT_PASSPHRASE
    with pytest.raises(vault.WrongSecret):
        keyfile.unlock("une autre phrase de passe bien longue")
    assert len(calls) == 2  # a wrong passphrase: only the passphrase slot is tried
    # the recovery key, typed in lower case with spaces, opens at its first derivation too
    assert keyfile.unlock(recovery_key.lower().replace("-", " ")) == key
    assert len(calls) == 3 and keyfile.opened[0]["kind"] == vault.SLOT_RECOVERY
    assert not vault.could_be_recovery_key(new)
