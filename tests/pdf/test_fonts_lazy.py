"""Issue 16.3: a plan parses only the three faces it uses; the recovery kit adds the
monospaced one (each face is a parse of its whole TrueType file)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

_PROBE = """
import json
from datetime import date
from reportlab.pdfbase import pdfmetrics
from cep_desk.demo_plan import sample_plan_document
from cep_desk.plan_pdf import render_plan, render_recovery_kit
render_plan(sample_plan_document(n_steps=3))
after_plan = sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith("CEP"))
pdf = render_recovery_kit("Mon CEP", "ABCDE-FGHJK-MNPQR-STUVW-XYZ23-45678", date(2026, 3, 16), "C")
after_kit = sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith("CEP"))
print(json.dumps([after_plan, after_kit, b"CEPMono" in pdf or b"DejaVuSansMono" in pdf]))
"""


def test_plan_registers_three_faces_and_the_kit_the_fourth(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=120,
        cwd=tmp_path, check=True,
    )  # fmt: skip
    after_plan, after_kit, mono_in_kit = json.loads(out.stdout.strip().splitlines()[-1])
    assert after_plan == ["CEPSans", "CEPSans-Bold", "CEPSans-Oblique"]
    assert after_kit == ["CEPMono", "CEPSans", "CEPSans-Bold", "CEPSans-Oblique"]
    assert mono_in_kit


def test_kit_renders_in_process():
    from cep_desk.plan_pdf import render_recovery_kit

    pdf = render_recovery_kit("Mon CEP", "ABCDE-FGHJK-MNPQR", date(2026, 3, 16), "Claire")
    assert pdf.startswith(b"%PDF")
