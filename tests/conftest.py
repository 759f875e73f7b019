"""Shared fixtures: real SQLCipher workspaces in tmp_path, Qt offscreen, cheap Argon2id."""

from __future__ import annotations

import gc
import os
import tempfile
from pathlib import Path

import pytest

# Before any Qt import: no screen in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Slots made during the tests (CLI subprocesses included) use cheap Argon2id parameters;
# every slot records its own parameters, so production slots are unaffected.
os.environ["CEP_DESK_TEST_KDF"] = "1"
# A prompt the test did not answer is recorded, never shown (cep_desk/ui/messagebox.py).
os.environ["CEP_DESK_TEST_PROMPTS"] = "1"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Never read or write the counsellor's real settings or default workspace folder.
_HOME = tempfile.mkdtemp(prefix="cep-desk-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
# Nor its log folder (platformdirs puts logs under the state or the cache home by version); the
# explicit override also covers platforms without XDG folders.
os.environ["XDG_STATE_HOME"] = os.path.join(_HOME, "state")
os.environ["XDG_CACHE_HOME"] = os.path.join(_HOME, "cache")
os.environ["CEP_DESK_LOG_DIR"] = os.path.join(_HOME, "logs")
TEST_HOME = _HOME

PASSPHRASE = "Une phrase de passe bien longue 42 !"


@pytest.fixture(scope="session", autouse=True)
def _freeze_what_was_imported():
    """Modules and test collection are permanent: out of the collector's way, so that the
    collection before each test only walks what the tests made."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _outbox_guard(request, monkeypatch):
    """Every test runs under the outbox guard (tests/outbox_guard.py, issue 13): a synced
    record changed without its outbox entry fails the test. Pruning is off meanwhile (every
    entry must stay to be checked); tests of pruning or of the guard itself opt out."""
    if request.node.get_closest_marker("no_outbox_guard"):
        yield
        return
    from cep_desk.storage import sync

    from . import outbox_guard

    monkeypatch.setattr(sync, "KEEP_WITHOUT_SERVER", 10**9)
    outbox_guard.failures.clear()
    outbox_guard.install()
    try:
        yield
    finally:
        outbox_guard.uninstall()
    found, outbox_guard.failures[:] = list(outbox_guard.failures), []
    assert not found, "outbox guard: " + "; ".join(found[:10])


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread(_freeze_what_was_imported):
    """The application collects cycles on its GUI thread only (cep_desk/ui/gc_guard.py); the
    tests do the same: collected here before each test, never automatically during it, so
    that a thread-pool worker never finalises Qt objects of the GUI thread (a segfault)."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def workspace_dir(tmp_path: Path) -> Path:
    return tmp_path / "espace"


COUNSELLOR = {"name": "Claire Martin", "organisation": "CIBC Test", "email": "claire@exemple.fr"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "both_engines: the module's workspace tests run on SQLCipher and on PostgreSQL "
        "(tests/engines.py)",
    )
    config.addinivalue_line(
        "markers",
        "sqlcipher_only: in a both_engines module, a test of what only the laptop has (its "
        "encrypted file, key slots, .cepbak backups, the CLI on a folder)",
    )


def pytest_report_header(config: pytest.Config) -> str:
    from tests import engines

    if engines.pg_available():
        return (
            "engines: sqlcipher and postgresql (a test server from "
            + str(engines.devdb.pg_bindir())
            + ")"
        )
    return "engines: sqlcipher only -- " + engines.pg_missing_reason()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many tests ran on each engine (the [postgresql] ones, and the rest on SQLCipher),
    and a clear line when PostgreSQL was not there."""
    from tests import engines

    counts = {"postgresql": 0, "sqlcipher": 0}
    skipped_pg = 0
    for outcome in ("passed", "failed"):
        for report in terminalreporter.stats.get(outcome, []):
            if getattr(report, "when", "call") != "call":
                continue
            counts["postgresql" if "[postgresql" in report.nodeid else "sqlcipher"] += 1
    for report in terminalreporter.stats.get("skipped", []):
        skipped_pg += "[postgresql" in getattr(report, "nodeid", "")
    terminalreporter.write_line(
        f"engines: {counts['sqlcipher']} tests run on SQLCipher, "
        f"{counts['postgresql']} on PostgreSQL"
    )
    if skipped_pg and not engines.pg_available():
        terminalreporter.write_line(
            f"WARNING: {skipped_pg} PostgreSQL tests skipped -- {engines.pg_missing_reason()}",
            yellow=True,
            bold=True,
        )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marks = metafunc.definition
    if (
        "engine_kind" in metafunc.fixturenames
        and marks.get_closest_marker("both_engines")
        and not marks.get_closest_marker("sqlcipher_only")
    ):
        from tests import engines

        metafunc.parametrize("engine_kind", engines.ENGINES, indirect=True)


@pytest.fixture
def engine_kind(request: pytest.FixtureRequest) -> str:
    """``sqlcipher`` unless the module is marked ``both_engines`` (then both, in turn)."""
    kind = getattr(request, "param", "sqlcipher")
    if kind == "postgresql":
        from tests import engines

        if not engines.pg_available():
            pytest.skip(engines.pg_missing_reason())
    return str(kind)


@pytest.fixture
def new_workspace(workspace_dir: Path, engine_kind: str):
    """An empty, open workspace; yields ``(ws, recovery_key)``; closed afterwards. On
    PostgreSQL (``engine_kind``) the workspace's database is a new one on the session's
    server, and there is no recovery key (``""``)."""
    from cep_desk.usecases import workspaces

    if engine_kind == "postgresql":
        from tests import engines

        ws = engines.pg_workspace(workspace_dir, dict(COUNSELLOR))
        yield ws, ""
        ws.close()
        engines.pg_server().drop(ws.test_database_url)
        return
    ws, recovery = workspaces.create(workspace_dir, PASSPHRASE, dict(COUNSELLOR))
    yield ws, recovery
    ws.close()


@pytest.fixture
def ws(new_workspace):
    return new_workspace[0]


@pytest.fixture
def demo_ws(tmp_path: Path, engine_kind: str):
    """An open workspace with 30 fictional people (on either engine, see ``engine_kind``)."""
    from cep_desk import demo

    if engine_kind == "postgresql":
        from tests import engines

        ws = engines.pg_workspace(tmp_path / "demo", dict(COUNSELLOR))
        demo.fill(ws, 30)
        yield ws
        ws.close()
        engines.pg_server().drop(ws.test_database_url)
        return
    ws, _recovery = demo.create_demo_workspace(tmp_path / "demo", 30, passphrase=PASSPHRASE)
    yield ws
    ws.close()
