"""The same core figures on both engines, side by side: SQLCipher (the laptop's workspace of
``make bench``) and PostgreSQL (a throw-away server from Debian's packages, cep_server/devdb.py,
filled with the same demo caseload).

``run(workspace_dir, passphrase)`` returns, for each engine (prefix ``pg_`` for PostgreSQL,
``sqlcipher_`` for the laptop, both measured here the same way, in this process):

- ``search_p95_ms`` / ``search_median_ms``: one page (200 rows) of the list filtered by a typed
  prefix plus its count (200 prefixes of names and towns; what a keystroke in the search field
  asks of the storage);
- ``typo_p95_ms`` (PostgreSQL only): the same with one letter of a name changed (pg_trgm);
- ``list_page_ms`` / ``list_count_ms``: the first page of the whole list, and its count;
- ``list_deep_page_ms``: a page in the middle of the list (OFFSET 25 000 at 50 000 people);
- ``open_record_ms`` / ``open_record_p95_ms``: a person's file with its journeys, sessions,
  needs, projects and documents (``beneficiaries.load_file``, what the panel opens);
- ``pg_fill_s``: the time to put the demo caseload into PostgreSQL (not a budget).

Budgets on PostgreSQL (issue 13): search p95 ≤ 20 ms, open a file ≤ 50 ms.
``python -m benchmarks.bench_postgres`` runs it alone (``make bench-postgres``).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + ("e" if word[i] != "e" else "a") + word[i + 1 :]


def measure(ws: Any, *, typos: bool) -> dict[str, float]:
    """The figures of one open workspace (either engine)."""
    from cep_desk.usecases import beneficiaries as B

    rng = random.Random(7)
    sample = B.search_beneficiaries(ws, limit=2000)
    words = [r.last_name for r in sample] + [r.town for r in sample if r.town]
    prefixes = [w[: rng.randint(1, min(5, len(w)))] for w in rng.sample(words, 200)]
    for p in prefixes[:10]:  # warm-up
        B.search_beneficiaries(ws, B.ListFilter(p), limit=200)
    searches = []
    for p in prefixes:
        t0 = time.perf_counter()
        B.search_beneficiaries(ws, B.ListFilter(p), limit=200)
        B.count_beneficiaries(ws, B.ListFilter(p))
        searches.append(_ms(t0))
    out = {
        "search_p95_ms": round(_p95(searches), 2),
        "search_median_ms": round(statistics.median(searches), 2),
    }
    if typos:
        names = [w for w in (r.last_name for r in sample) if len(w) >= 6]
        misspelt = [_typo(w, rng) for w in rng.sample(names, min(100, len(names)))]
        times = []
        for word in misspelt:
            t0 = time.perf_counter()
            B.search_beneficiaries(ws, B.ListFilter(word), limit=200)
            B.count_beneficiaries(ws, B.ListFilter(word))
            times.append(_ms(t0))
        out["typo_p95_ms"] = round(_p95(times), 2)
    pages, counts, deep = [], [], []
    total = B.count_beneficiaries(ws)
    for _ in range(15):
        t0 = time.perf_counter()
        B.search_beneficiaries(ws, limit=200)
        pages.append(_ms(t0))
        t0 = time.perf_counter()
        B.count_beneficiaries(ws)
        counts.append(_ms(t0))
        t0 = time.perf_counter()
        B.search_beneficiaries(ws, offset=total // 2, limit=200)
        deep.append(_ms(t0))
    out["list_page_ms"] = round(statistics.median(pages), 2)
    out["list_count_ms"] = round(statistics.median(counts), 2)
    out["list_deep_page_ms"] = round(statistics.median(deep), 2)
    ids = [r.id for r in rng.sample(sample, 60)]
    for ident in ids[:5]:
        B.load_file(ws, ident, audit=False)
    opens = []
    for ident in ids:
        t0 = time.perf_counter()
        B.load_file(ws, ident)  # audited, as when the counsellor opens it
        opens.append(_ms(t0))
    out["open_record_ms"] = round(statistics.median(opens), 2)
    out["open_record_p95_ms"] = round(_p95(opens), 2)
    return out


def _postgres_figures(people: int) -> dict[str, Any]:
    from cep_desk import demo
    from cep_desk.usecases import workspaces
    from cep_server import devdb

    if devdb.pg_bindir() is None:
        return {"pg_skipped": "PostgreSQL >= 15 binaries not found under /usr/lib/postgresql"}
    server = devdb.start_dev_postgres()
    try:
        server.create_db("bench")
        from cep_desk.storage.postgres import socket_url

        url = socket_url(server.socket_dir, "bench", port=server.port)
        with tempfile.TemporaryDirectory() as folder:
            ws = workspaces.create_on_postgres(url, Path(folder))
            try:
                t0 = time.perf_counter()
                demo.fill(ws, people)
                with ws.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                    c.exec_driver_sql("VACUUM ANALYZE")  # what autovacuum does after a load
                fill_s = time.perf_counter() - t0
                figures = measure(ws, typos=True)
            finally:
                ws.close()
    finally:
        server.stop()
    out: dict[str, Any] = {f"pg_{k}": v for k, v in figures.items()}
    out["pg_fill_s"] = round(fill_s, 1)
    return out


def run(workspace_dir: Path, passphrase: str) -> dict[str, Any]:
    from cep_desk.usecases import beneficiaries, workspaces

    with workspaces.open_(workspace_dir, passphrase) as ws:
        people = beneficiaries.count_beneficiaries(ws)
        laptop = measure(ws, typos=False)
    out: dict[str, Any] = {f"sqlcipher_{k}": v for k, v in laptop.items()}
    out.update(_postgres_figures(people))
    return out


def main() -> int:
    from benchmarks import run as bench

    load_before = [round(x, 2) for x in os.getloadavg()]
    directory = bench.ensure_workspace()
    figures: dict[str, Any] = {"people": bench.PEOPLE, "load_before": load_before}
    figures.update(run(directory, bench.PASSPHRASE))
    figures["load_after"] = [round(x, 2) for x in os.getloadavg()]
    names = sorted({k.split("_", 1)[1] for k in figures if k.startswith(("pg_", "sqlcipher_"))})
    bench.log(f"{'figure':<22} {'SQLCipher':>10} {'PostgreSQL':>11}")
    for name in names:
        lap, srv = figures.get(f"sqlcipher_{name}", "-"), figures.get(f"pg_{name}", "-")
        bench.log(f"{name:<22} {lap!s:>10} {srv!s:>11}")
    figures["budgets"] = {k: v for k, v in bench.judge(figures).items() if k.startswith("pg_")}
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
