"""Log files: in the platform's log folder (redirected by the tests), private, rotating, and
never holding what a counsellor typed: names, messages of exceptions, SQL, paths."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cep_desk import logs
from tests.conftest import TEST_HOME

NAME = "Quetzalcoatl"


@pytest.fixture
def logged(tmp_path):
    folder = tmp_path / "journaux"
    logs.setup("test", folder, faults=False)
    yield folder
    logs.shutdown()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def all_log_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.iterdir())


def test_the_log_folder_is_the_platforms_and_the_tests_never_use_the_real_one(monkeypatch):
    import platformdirs

    assert Path(os.environ[logs.ENV_DIR]).is_relative_to(TEST_HOME)
    monkeypatch.delenv(logs.ENV_DIR)
    folder = logs.log_dir()
    assert folder == Path(platformdirs.user_log_dir("cep-desk", appauthor=False))
    if sys.platform.startswith("linux"):
        assert folder.is_relative_to(TEST_HOME)  # XDG homes redirected by conftest


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_folder_0700_files_0600_whatever_the_umask(tmp_path):
    folder = tmp_path / "journaux"
    folder.mkdir(mode=0o755)
    (folder / logs.LOG_FILE).write_text("")
    os.chmod(folder / logs.LOG_FILE, 0o644)  # left by an older version
    old = os.umask(0o022)
    try:
        logs.setup("test", folder, faults=True)
        logging.getLogger("cep_desk.test").info("event")
    finally:
        os.umask(old)
        logs.shutdown()
        import faulthandler

        faulthandler.enable(file=sys.__stderr__)
    assert mode(folder) == 0o700
    assert mode(folder / logs.LOG_FILE) == 0o600
    assert mode(folder / logs.FAULT_FILE) == 0o600
    assert "INFO cep_desk.test event" in (folder / logs.LOG_FILE).read_text()


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_files_rotate_and_stay_private(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    folder = tmp_path / "journaux"
    logs.setup("test", folder, faults=False)
    try:
        for i in range(200):
            logging.getLogger("cep_desk.test").info("tick %d", i)
    finally:
        logs.shutdown()
    rotated = sorted(p.name for p in folder.iterdir() if p.name.startswith(logs.LOG_FILE))
    assert rotated == [logs.LOG_FILE] + [f"{logs.LOG_FILE}.{i}" for i in range(1, 6)]
    assert all(mode(folder / name) == 0o600 for name in rotated)


def test_no_personal_text_reaches_the_log(logged):
    log = logging.getLogger("cep_desk.test")
    log.info("person %d saved in %.1f ms by %s", 42, 3.5, f"Claire {NAME}")
    log.info("exported %s", logs.tag("pdf"))
    log.warning("catalogue unavailable: %s", ValueError(f"no such file /home/{NAME}/x.json"))
    log.info({"last_name": NAME})  # a non-string message
    try:
        try:
            raise KeyError(NAME)
        except KeyError as exc:
            raise RuntimeError(f"UPDATE beneficiary SET last_name='{NAME}'") from exc
    except RuntimeError:
        log.exception("save of %s failed", NAME)
    logging.getLogger("sqlalchemy.engine").warning("SQL %s", f"'{NAME}'")
    logging.getLogger("alembic").info("Running upgrade for %s", NAME)  # below WARNING: dropped
    text = all_log_text(logged)
    assert NAME not in text
    assert "person 42 saved in 3.5 ms by <texte>" in text
    assert "exported pdf" in text
    assert "catalogue unavailable: <ValueError>" in text
    assert "  KeyError\n" in text and "  RuntimeError\n" in text  # types, not messages
    assert "tests/unit/test_logs.py:" in text and " test_no_personal_text_reaches_the_log" in text
    assert str(Path(__file__).parent) not in text  # no folder above the package
    assert "WARNING sqlalchemy.engine SQL <texte>" in text
    assert "alembic" not in text


def test_the_crash_report_holds_versions_types_and_frames_only(tmp_path):
    def deep(value: str) -> None:
        raise ValueError(f"Mauvaise date pour {value}")

    try:
        deep(NAME)
    except ValueError:
        report = logs.crash_report(*sys.exc_info(), versions=[("Qt", "6.x")])
    assert NAME not in report and "Mauvaise date" not in report
    assert "Version : " in report and "Python : " in report and "Qt : 6.x" in report
    assert "  ValueError\n" in report
    assert "tests/unit/test_logs.py:" in report and " deep" in report
    assert str(Path.home()) not in report and str(tmp_path) not in report
    target = tmp_path / "rapport.txt"
    logs.write_report(target, report)
    assert target.read_text(encoding="utf-8") == report


def test_faulthandler_writes_a_fatal_error_into_the_log_folder(tmp_path):
    folder = tmp_path / "journaux"
    code = "from cep_desk import logs; logs.setup('t'); import gc; gc.collect(); import faulthandler; faulthandler._sigsegv()"
    env = dict(os.environ, **{logs.ENV_DIR: str(folder)})
    env.pop("PYTHONFAULTHANDLER", None)
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60)
    assert run.returncode != 0
    faults = (folder / logs.FAULT_FILE).read_text()
    assert "Fatal Python error" in faults and "Segmentation fault" in faults
    assert "line 1" in faults  # the Python frame: file and line, no values
    assert "start t version" in (folder / logs.LOG_FILE).read_text()
