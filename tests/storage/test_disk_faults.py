"""A full disk is named as a full disk, read-only media can be read, and no message
advises a restore unless the integrity check found damage (issue 10, items 2 and 11).

The real cases run on a small tmpfs (root only: skipped with the reason elsewhere); the same
CLI verbs also run everywhere under RLIMIT_FSIZE and PRAGMA max_page_count."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cep_desk import demo
from cep_desk.storage import engine as eng
from cep_desk.storage import vault
from cep_desk.storage import workspace as wsmod
from tests.conftest import PASSPHRASE

from .disk_support import RESTORE_ADVICE, TECHNICAL, run_cli, small_disk
from .migration_support import make_old_workspace

PEOPLE = 40
CHILD = str(Path(__file__).with_name("cli_child.py"))


def _make(directory: Path) -> None:
    ws, _ = demo.create_demo_workspace(directory, PEOPLE, passphrase=PASSPHRASE)
    ws.close()


def _audit_rows(directory: Path) -> int:
    key = vault.KeyFile.read(directory).unlock(PASSPHRASE)
    conn = eng.connect_raw(directory / wsmod.DB_FILE, key)
    try:
        return conn.execute("SELECT count(*) FROM audit_events").fetchone()[0]
    finally:
        conn.close()


def _assert_clean(out, *, allow_restore: bool = False) -> None:
    assert not TECHNICAL.search(out.stderr), out.stderr
    if not allow_restore:
        assert not RESTORE_ADVICE.search(out.stderr), out.stderr


def _other_people(tmp_path: Path) -> Path:
    """An exchange file of people the workspace does not hold yet."""
    other = tmp_path / "autre"
    _make(other)
    exported = tmp_path / "autres.json"
    out = run_cli("export-json", "--workspace", str(other), "-o", str(exported))
    assert out.returncode == 0, out.stderr
    return exported


@pytest.fixture
def disk(tmp_path):
    with small_disk(tmp_path) as found:
        if isinstance(found, str):
            pytest.skip(found)
        yield found


@pytest.mark.slow
@pytest.mark.parametrize("left_kib", [16, 0])
def test_full_disk_is_named_and_check_still_reports(disk, tmp_path, left_kib):
    ws_dir = disk.path / "espace"
    _make(ws_dir)
    exported = _other_people(tmp_path)
    before = _audit_rows(ws_dir)
    disk.fill(left_kib)
    w = ["--workspace", str(ws_dir)]
    for args in (
        ["list"],
        ["erase", "--beneficiary", "3"],
        ["import-json", str(exported)],
        ["backup", "-o", str(disk.path / "copie.cepbak")],
        ["export-json", "-o", str(disk.path / "export.json")],
    ):
        out = run_cli(*args, *w)
        assert out.returncode != 0, (args, out.stderr)
        assert "disque est plein" in out.stderr, (args, out.stderr)
        assert "Libérez au moins" in out.stderr, (args, out.stderr)
        _assert_clean(out)
    # check opens read-only: it needs no space and tells the base is sound
    out = run_cli("check", *w)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["ok"] and not report["damaged"] and report["people"] == PEOPLE
    _assert_clean(out)
    disk.unfill()
    out = run_cli("list", *w)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == PEOPLE  # nobody erased, nothing lost
    assert _audit_rows(ws_dir) >= before


@pytest.mark.slow
def test_read_only_media_can_be_read_and_nothing_is_written(disk, tmp_path):
    ws_dir = disk.path / "espace"
    _make(ws_dir)
    audit = _audit_rows(ws_dir)
    disk.remount(read_only=True)
    try:
        w = ["--workspace", str(ws_dir)]
        out = run_cli("list", *w)
        assert out.returncode == 0, out.stderr
        assert len(out.stdout.splitlines()) == PEOPLE
        assert "lecture seule" in out.stderr
        _assert_clean(out)
        out = run_cli("check", *w)
        assert out.returncode == 0 and json.loads(out.stdout)["ok"], out.stderr
        _assert_clean(out)
        for args in (
            ["erase", "--beneficiary", "3"],
            # an export is traced in the audit trail: refused rather than untraced
            ["export-json", "-o", str(tmp_path / "lu.json")],
            ["export-json", "-o", str(disk.path / "export.json")],
            ["backup", "-o", str(disk.path / "copie.cepbak")],
        ):
            out = run_cli(*args, *w)
            assert out.returncode != 0, (args, out.stderr)
            assert "lecture seule" in out.stderr, (args, out.stderr)
            _assert_clean(out)
    finally:
        disk.remount(read_only=False)
    assert _audit_rows(ws_dir) == audit  # no audit row, no write at all
    assert not list(ws_dir.glob("*.bak"))


@pytest.mark.slow
def test_old_workspace_on_read_only_media_is_not_migrated(disk):
    ws_dir = disk.path / "ancien"
    make_old_workspace(ws_dir, PASSPHRASE, "0001", people=3)
    disk.remount(read_only=True)
    try:
        w = ["--workspace", str(ws_dir)]
        out = run_cli("list", *w)
        assert out.returncode != 0 and "mis à jour" in out.stderr, out.stderr
        _assert_clean(out)
        out = run_cli("check", *w)
        report = json.loads(out.stdout)
        assert out.returncode == 0 and report["upgrade_pending"], out.stderr
    finally:
        disk.remount(read_only=False)
    assert not list(ws_dir.glob("*.bak"))


# -- everywhere: simulated full disks ----------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    base = tmp_path_factory.mktemp("plein")
    _make(base / "espace")
    return base / "espace", _other_people(base)


@pytest.mark.parametrize(
    "env,expected",
    [
        ({"CEP_TEST_MAX_PAGES_EXTRA": "0"}, "disque est plein"),
        ({"CEP_TEST_FSIZE": "16384"}, "disque"),
    ],
    ids=["max_page_count", "rlimit_fsize"],
)
@pytest.mark.parametrize("verb", ["erase", "import-json", "list", "check"])
def test_simulated_full_disk_is_never_called_damage(template, tmp_path, env, expected, verb):
    source, exported = template
    directory = tmp_path / "espace"
    shutil.copytree(source, directory)
    w = ["--workspace", str(directory)]
    args = {
        "erase": ["erase", "--beneficiary", "3"],
        "import-json": ["import-json", str(exported)],
        "list": ["list"],
        "check": ["check"],
    }[verb]
    out = run_cli(*args, *w, env=env, child=CHILD)
    _assert_clean(out)
    if verb == "check":  # read-only: needs no space at all
        assert out.returncode == 0 and json.loads(out.stdout)["ok"], out.stderr
        return
    if verb == "list" and out.returncode == 0:  # nothing needed growing the file
        assert len(out.stdout.splitlines()) == PEOPLE
        return
    assert out.returncode != 0, out.stderr
    assert expected in out.stderr, out.stderr
    out = run_cli("check", *w)
    assert out.returncode == 0 and json.loads(out.stdout)["ok"], out.stderr
