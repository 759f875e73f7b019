"""ReportLab's accelerator is optional (issue 15.4): used when present, not needed to render."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cep_desk.plan_pdf import accel

WITHOUT_ACCEL = r"""
import sys
sys.modules["_rl_accel"] = None  # as on a platform where rl-accel could not be installed
from datetime import date
from cep_desk.demo_plan import sample_plan_document
from cep_desk.plan_pdf import render_plan
from cep_desk.plan_pdf.accel import accelerated, accelerator_present
pdf = render_plan(sample_plan_document(today=date(2026, 3, 16)))
sys.stdout.buffer.write(pdf)
sys.stderr.write(f"present={accelerator_present()} accelerated={accelerated()}\n")
"""


def test_the_plan_renders_without_the_accelerator_in_pure_python():
    out = subprocess.run(
        [sys.executable, "-c", WITHOUT_ACCEL], capture_output=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    assert "accelerated=False" in out.stderr.decode()
    from tests.pdf.pdfcheck import page_texts

    assert out.stdout.startswith(b"%PDF")
    assert any("Plan d" in page for page in page_texts(out.stdout))


@pytest.mark.skipif(not accel.accelerator_present(), reason="rl-accel not installed")
def test_when_installed_reportlab_uses_the_accelerator():
    assert accel.accelerated()
