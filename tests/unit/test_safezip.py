"""Zip members are read with bounded memory: a deflate bomb is refused while it streams."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cep_desk.safezip import MemberLimits, ZipMemberRefused, open_member, read_member
from tests.zipbombs import rome_bomb

ROOT = Path(__file__).resolve().parents[2]

_PROBE = r"""
import json, resource, sys, time
from pathlib import Path
from cep_desk import referentials
t0 = time.perf_counter()
try:
    referentials.import_any_zip(referentials.open_referential(sys.argv[1]), Path(sys.argv[2]))
    message = None
except referentials.ReferentialError as exc:
    message = exc.message
print(json.dumps({
    "seconds": time.perf_counter() - t0,
    "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "message": message,
}))
"""


def _import_in_subprocess(workspace: Path, zip_path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(workspace), str(zip_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.parametrize("one_line", [True, False], ids=["one-endless-line", "endless-rows"])
def test_a_deflate_bomb_is_refused_early_with_little_memory(tmp_path: Path, one_line: bool):
    # declared (truly) under the old 1 GiB refusal: only streaming checks can stop it early
    bomb = rome_bomb(tmp_path / "RefRomeCsv.zip", 900 << 20, one_line=one_line)
    assert bomb.stat().st_size < 3 << 20  # 1 to 3 MB on disk, 1 GiB inside, headers honest
    assert zipfile.ZipFile(bomb).infolist()[0].file_size > 1 << 29
    baseline = _import_in_subprocess(tmp_path, tmp_path / "absent.zip")
    result = _import_in_subprocess(tmp_path, bomb)
    assert result["message"] and "refusée" in result["message"], result
    assert "anormal" in result["message"]
    grown_mib = (result["peak_kib"] - baseline["peak_kib"]) / 1024
    assert grown_mib < 64, f"peak memory grew by {grown_mib:.0f} MiB"
    assert result["seconds"] < 5
    assert not (tmp_path / "referentiel.sqlite").exists()


def test_the_cli_refuses_a_bomb_with_exit_5(tmp_path: Path):
    from cep_desk.usecases import workspaces
    from tests.conftest import PASSPHRASE

    ws, _ = workspaces.create(tmp_path / "espace", PASSPHRASE, {"name": "Claire Martin"})
    ws.close()
    bomb = rome_bomb(tmp_path / "RefRomeCsv.zip", 900 << 20)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "cep_desk",
            "import-referential",
            "--workspace",
            str(tmp_path / "espace"),
            str(bomb),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=dict(os.environ, CEP_DESK_PASSPHRASE=PASSPHRASE),
    )
    assert out.returncode == 5, out.stderr
    assert "anormal" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_ordinary_members_read_back_identical(tmp_path: Path, method: int):
    data = os.urandom(300_000) + b"texte\n" * 100_000
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", compression=method) as zf:
        zf.writestr("x.bin", data)
        zf.writestr("petit.txt", "bonjour")
    with zipfile.ZipFile(path) as zf:
        limits = MemberLimits(max_bytes=10 << 20)
        assert read_member(zf, "x.bin", limits) == data
        assert read_member(zf, "petit.txt", limits) == b"bonjour"
        with open_member(zf, zf.getinfo("x.bin"), limits) as f:
            assert f.read(10) == data[:10]


def test_limits_and_damage(tmp_path: Path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("x.txt", b"ligne\n" * 200_000)
        zf.writestr("long.txt", b"x" * 200_000)
    with zipfile.ZipFile(path) as zf:
        with pytest.raises(ZipMemberRefused, match="volumineux"):
            read_member(zf, "x.txt", MemberLimits(max_bytes=100_000))
        with pytest.raises(ZipMemberRefused, match="ligne"):
            read_member(zf, "long.txt", MemberLimits(max_bytes=1 << 20, max_line=64 << 10))
        with pytest.raises(ZipMemberRefused, match="anormale"):
            read_member(zf, "x.txt", MemberLimits(max_bytes=1 << 30, ratio_after=1000))
    # a flipped byte in the compressed data: damage, not a silent success
    raw = bytearray(path.read_bytes())
    raw[60] ^= 0xFF
    path.write_bytes(bytes(raw))
    with zipfile.ZipFile(path) as zf, pytest.raises((zipfile.BadZipFile, Exception)) as err:
        read_member(zf, "x.txt", MemberLimits(max_bytes=10 << 20))
    assert not isinstance(err.value, ZipMemberRefused)
