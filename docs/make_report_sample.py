"""Regenerate ``docs/report-sample.png``: the summary page of the activity report of a demo
workspace (400 fictional people, a year of fictional appointments), rendered with pdftoppm.

    .venv/bin/python docs/make_report_sample.py [--page N] [--dpi 80]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--page", type=int, default=1)
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("-o", "--output", type=Path, default=HERE / "report-sample.png")
    args = parser.parse_args(argv)
    os.environ.setdefault("CEP_DESK_TEST_KDF", "1")  # a throw-away workspace
    from cep_desk import demo
    from cep_desk.storage import models as m
    from cep_desk.usecases import report

    end = date.today()
    start = end - timedelta(days=364)
    with tempfile.TemporaryDirectory(prefix="cep-report-sample-") as tmp:
        ws, _key = demo.create_demo_workspace(Path(tmp) / "demo", 400)
        rng = random.Random(12)
        with ws.session() as s:
            people = [b for (b,) in s.query(m.Beneficiary.id)]
            for _ in range(500):
                s.add(m.Appointment(beneficiary_id=rng.choice(people), journey_id=None,
                                    day=start + timedelta(days=rng.randrange(365)),
                                    start=time(8 + rng.randrange(10), 30),
                                    duration_min=rng.choice((45, 60, 90)),
                                    modality=rng.choice(("face_to_face", "phone", "video")),
                                    level=rng.choice((1, 2)),
                                    status=rng.choice(("planned", "cancelled", "missed"))))  # fmt: skip
        pdf = Path(tmp) / "rapport.pdf"
        report.export(ws, start, end, pdf)
        ws.close()
        stem = Path(tmp) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(args.dpi), "-f", str(args.page), "-l", str(args.page),
             "-singlefile", str(pdf), str(stem)],
            check=True,
        )  # fmt: skip
        shutil.copyfile(stem.with_suffix(".png"), args.output)
    print(args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
