"""The CLI under a simulated full disk, for machines where no small file system can be
mounted: ``CEP_TEST_FSIZE`` (bytes) sets RLIMIT_FSIZE (SIGXFSZ ignored, so a write past it
fails with EFBIG, which SQLite reports as "disk I/O error"); ``CEP_TEST_MAX_PAGES_EXTRA`` caps
every workspace connection at its current page count plus that many pages (SQLite then says
"database or disk is full")."""

from __future__ import annotations

import os
import resource
import signal
import sys

from cep_desk import cli
from cep_desk.storage import engine as eng


def main() -> int:
    extra = os.environ.get("CEP_TEST_MAX_PAGES_EXTRA")
    if extra is not None:
        real = eng.make_engine

        def capped(*args, **kwargs):
            engine = real(*args, **kwargs)

            def cap(dbapi_conn, _record) -> None:
                pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
                dbapi_conn.execute(f"PRAGMA max_page_count = {pages + int(extra)}")

            eng.event.listen(engine, "connect", cap)
            return engine

        eng.make_engine = capped
    limit = os.environ.get("CEP_TEST_FSIZE")
    if limit is not None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), int(limit)))
    return cli.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
