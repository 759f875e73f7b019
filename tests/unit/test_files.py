"""Private, atomic writes of exports and key files."""

from __future__ import annotations

import os
import stat

import pytest

from cep_desk.files import write_atomically


def test_written_private_and_replaced(tmp_path):
    target = tmp_path / "export.json"
    target.write_text("ancien")
    write_atomically(target, "nouveau é")
    assert target.read_text("utf-8") == "nouveau é"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_a_failed_write_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"%PDF ancien")

    def broken_replace(_src, _dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(target, b"%PDF nouveau")
    assert target.read_bytes() == b"%PDF ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_key_file_is_private(new_workspace, workspace_dir):
    assert stat.S_IMODE((workspace_dir / "keys.json").stat().st_mode) == 0o600
