"""`export-document`: the scheme documents from the command line, traced once written."""

from __future__ import annotations

import json

from cep_desk import domain
from cep_desk.usecases import workspaces
from tests.e2e.test_cli import PASS, run
from tests.pdf.pdfcheck import all_text, squash


def _versions(directory, beneficiary_id: int, kind: domain.DocumentKind) -> int:
    with workspaces.open_(directory, PASS) as ws:
        return workspaces.next_document_version(ws, beneficiary_id, kind)


def test_export_document_writes_traces_and_refuses_in_french(tmp_path):
    d = tmp_path / "ws"
    env = {"CEP_DESK_PASSPHRASE": PASS}
    assert run("demo", "--workspace", str(d), "--count", "8", env=env).returncode == 0
    rows = [json.loads(x) for x in run("list", "--workspace", str(d), env=env).stdout.splitlines()]
    person = next(r for r in rows if r["level"] == 2)["id"]
    kind = domain.DocumentKind.PTP_ABSENCE_REQUEST
    base = ["export-document", "--workspace", str(d), "--beneficiary", str(person)]

    bad = run(*base, "--kind", "lettre", "-o", str(tmp_path / "x.pdf"), env=env)
    assert bad.returncode == 2 and "Document inconnu" in bad.stderr
    assert "Traceback" not in bad.stderr

    blocked = tmp_path / "absent" / "demande.pdf"
    out = run(*base, "--kind", kind.value, "-o", str(blocked), env=env)
    assert out.returncode == 1 and "Aucune version n'a été enregistrée" in out.stderr
    assert "Traceback" not in out.stderr and not blocked.exists()
    assert _versions(d, person, kind) == 1

    good = tmp_path / "demande.pdf"
    ok = run(*base, "--kind", kind.value, "-o", str(good), env=env)
    assert ok.returncode == 0, ok.stderr
    assert "version 1" in ok.stderr
    pdf = good.read_bytes()
    assert squash("Demande d'autorisation d'absence") in squash(all_text(pdf))
    assert _versions(d, person, kind) == 2

    opinion = tmp_path / "avis.pdf"
    ok = run(*base, "--kind", "cep_opinion", "-o", str(opinion), env=env)
    assert ok.returncode == 0, ok.stderr
    assert squash("Avis du conseil en évolution professionnelle") in squash(
        all_text(opinion.read_bytes())
    )
