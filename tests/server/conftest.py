"""The server tests need the `server` extra; without it they are left out, with a header line."""

from __future__ import annotations

import importlib.util

import pytest

SERVER_EXTRA = all(
    importlib.util.find_spec(m) is not None for m in ("fastapi", "uvicorn", "jwt", "psycopg")
)

if SERVER_EXTRA:
    from tests.server.support import env, pg  # noqa: F401  (fixtures)
else:
    collect_ignore_glob = ["test_*.py"]


def pytest_report_header(config: pytest.Config) -> str | None:
    if SERVER_EXTRA:
        return None
    return "tests/server left out: the server extra is not installed (pip install -e '.[server]')"
