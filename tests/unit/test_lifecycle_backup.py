"""Backups and restores on real SQLCipher files: identical data, encrypted bytes, refusals
that leave the target untouched, reminder."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from cep_desk.storage import vault
from cep_desk.usecases import beneficiaries, journeys, workspaces
from cep_desk.usecases.lifecycle import backup as B
from cep_desk.usecases.lifecycle import exchange as X

CANARY = "Zqxcanary Wvbtemoin"


def _strip_volatile(data: dict) -> dict:
    data = dict(data)
    data.pop("exported_at")
    return data


@pytest.fixture
def filled(demo_ws):
    person = beneficiaries.create_beneficiary(
        demo_ws, last_name=CANARY.split()[0], first_name=CANARY.split()[1], notes=CANARY
    )
    j = journeys.start_journey(demo_ws, person.id, request_date=date(2026, 1, 5))
    journeys.add_session(demo_ws, j.id, 1, held_on=date(2026, 1, 9), remarks=CANARY)
    return demo_ws


def test_backup_then_restore_gives_identical_export(filled, tmp_path, passphrase):
    before = X.export_json(filled)
    steps: list[tuple[int, int]] = []
    report = B.backup(
        filled, tmp_path / "out" / "sauvegarde.cepbak", progress=lambda *a: steps.append(a)
    )
    assert report.path.exists() and report.counts["beneficiaries"] == 31
    assert steps[-1] == (B.PROGRESS_TOTAL, B.PROGRESS_TOTAL)
    assert [d for d, _t in steps] == sorted(d for d, _t in steps)
    restored = B.restore(report.path, tmp_path / "restauré", passphrase)
    assert restored.counts == report.counts
    with workspaces.open_(restored.path, passphrase) as ws2:
        after = X.export_json(ws2)
        assert workspaces.check(ws2).ok
    assert _strip_volatile(after) == _strip_volatile(before)


def test_restore_with_recovery_key(new_workspace, tmp_path):
    ws, recovery = new_workspace
    beneficiaries.create_beneficiary(ws, last_name="Durand", first_name="Aline")
    report = B.backup(ws, tmp_path / "b.cepbak")
    restored = B.restore(report.path, tmp_path / "r", recovery.lower())
    with workspaces.open_(restored.path, recovery) as ws2:
        assert beneficiaries.count_beneficiaries(ws2) == 1


def test_backup_bytes_hold_no_canary(filled, tmp_path):
    report = B.backup(filled, tmp_path / "b.cepbak")
    raw = report.path.read_bytes()
    for needle in (CANARY, CANARY.split()[0], CANARY.split()[1]):
        assert needle.encode() not in raw
        assert needle.encode("utf-16-le") not in raw
    assert filled.db_key not in raw and filled.db_key.hex().encode() not in raw
    with zipfile.ZipFile(report.path) as zf:
        assert zf.namelist() == [B.HEADER_MEMBER, B.KEYS_MEMBER, B.DB_MEMBER]
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
        db = zf.read(B.DB_MEMBER)
        assert not db.startswith(b"SQLite format 3\x00")
        header = json.loads(zf.read(B.HEADER_MEMBER))
        assert header["magic"] == "CEPDESK-BACKUP" and header["format_version"] == 1


def test_backup_records_last_backup_and_reminder(filled, tmp_path):
    assert B.backup_overdue(filled, date.today())  # never backed up, people inside
    B.backup(filled, tmp_path / "b")
    assert (tmp_path / "b.cepbak").exists()  # extension added
    last = B.last_backup_at(filled)
    assert last is not None and datetime.now(UTC) - last < timedelta(minutes=5)
    assert not B.backup_overdue(filled, date.today())
    assert not B.backup_overdue(filled, date.today() + timedelta(days=7))
    assert B.backup_overdue(filled, date.today() + timedelta(days=8))
    workspaces.set_setting(filled, "backup_reminder_days", 30)
    assert not B.backup_overdue(filled, date.today() + timedelta(days=8))
    trail = workspaces.audit_trail(filled, limit=5)
    assert any(e.action == "backup" for e in trail)


def test_empty_workspace_is_not_overdue(ws):
    assert not B.backup_overdue(ws, date.today())


def test_backup_refuses_workspace_folder(ws):
    with pytest.raises(B.BackupError):
        B.backup(ws, ws.path / "b.cepbak")


def _snapshot(directory: Path) -> dict[str, bytes] | None:
    if not directory.exists():
        return None
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


@pytest.fixture
def backup_file(filled, tmp_path):
    return B.backup(filled, tmp_path / "b.cepbak").path


def test_wrong_passphrase_writes_nothing(backup_file, tmp_path):
    target = tmp_path / "cible"
    with pytest.raises(vault.WrongSecret):
        B.restore(backup_file, target, "Pas la bonne phrase de passe 12 !")
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if "restauration" in p.name]


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_truncated_backup_is_refused(backup_file, tmp_path, passphrase, keep):
    raw = backup_file.read_bytes()
    cut = tmp_path / "tronquée.cepbak"
    cut.write_bytes(raw[: int(len(raw) * keep)])
    target = tmp_path / "cible"
    target.mkdir()
    with pytest.raises(B.BackupError) as err:
        B.restore(cut, target, passphrase)
    assert "sauvegarde" in err.value.message
    assert _snapshot(target) == {}
    assert not [p for p in tmp_path.iterdir() if "restauration" in p.name]


def test_corrupted_payload_is_refused(backup_file, tmp_path, passphrase):
    raw = bytearray(backup_file.read_bytes())
    with zipfile.ZipFile(backup_file) as zf:
        info = zf.getinfo(B.DB_MEMBER)
    offset = info.header_offset + 30 + len(info.filename) + 5000
    raw[offset] ^= 0xFF  # one flipped byte in the middle of the database member
    bad = tmp_path / "abîmée.cepbak"
    bad.write_bytes(bytes(raw))
    with pytest.raises(B.BackupError):
        B.restore(bad, tmp_path / "cible", passphrase)
    assert not (tmp_path / "cible").exists()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a backup at all",
        b"SQLite format 3\x00" + b"\x00" * 4000,
        "zip",
    ],
)
def test_foreign_file_is_refused(tmp_path, passphrase, content):
    foreign = tmp_path / "étranger.cepbak"
    if content == "zip":
        with zipfile.ZipFile(foreign, "w") as zf:
            zf.writestr("document.txt", "bonjour")
    else:
        foreign.write_bytes(content)
    with pytest.raises(B.BackupError):
        B.restore(foreign, tmp_path / "cible", passphrase)
    assert not (tmp_path / "cible").exists()


def test_non_empty_target_is_refused_and_untouched(backup_file, tmp_path, passphrase, ws):
    before = _snapshot(ws.path)
    with pytest.raises(B.BackupError) as err:
        B.restore(backup_file, ws.path, passphrase)
    assert "pas vide" in err.value.message
    assert _snapshot(ws.path).keys() == before.keys()
    assert (ws.path / "keys.json").read_bytes() == before["keys.json"]


def test_restore_into_existing_empty_folder(backup_file, tmp_path, passphrase):
    target = tmp_path / "vide"
    target.mkdir()
    report = B.restore(backup_file, target, passphrase)
    assert {"cep.db", "keys.json"} <= {p.name for p in target.iterdir()}
    assert report.counts["beneficiaries"] == 31


def test_newer_format_is_refused_with_message(backup_file, tmp_path, passphrase):
    newer = tmp_path / "future.cepbak"
    with zipfile.ZipFile(backup_file) as src, zipfile.ZipFile(newer, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == B.HEADER_MEMBER:
                header = json.loads(data)
                header["format_version"] = 99
                data = json.dumps(header).encode()
            dst.writestr(info.filename, data)
    with pytest.raises(B.BackupError) as err:
        B.restore(newer, tmp_path / "cible", passphrase)
    assert "plus récente" in err.value.message
