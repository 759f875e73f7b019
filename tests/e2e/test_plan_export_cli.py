"""`export-plan` records a plan version only once the PDF is really written."""

from __future__ import annotations

import json

from cep_desk import domain
from cep_desk.usecases import workspaces
from tests.e2e.test_cli import PASS, run


def _versions(directory, beneficiary_id: int) -> int:
    with workspaces.open_(directory, PASS) as ws:
        return workspaces.next_document_version(ws, beneficiary_id, domain.DocumentKind.ACTION_PLAN)


def test_a_plan_that_cannot_be_written_gets_no_version(tmp_path):
    d = tmp_path / "ws"
    env = {"CEP_DESK_PASSPHRASE": PASS}
    assert run("demo", "--workspace", str(d), "--count", "8", env=env).returncode == 0
    rows = [json.loads(x) for x in run("list", "--workspace", str(d), env=env).stdout.splitlines()]
    person = next(r for r in rows if r["level"] == 2)["id"]
    before = _versions(d, person)
    not_a_folder = tmp_path / "note.txt"
    not_a_folder.write_text("un fichier, pas un dossier")
    # Both fail for root too (CI runs as root, which ignores permission bits).
    targets = [not_a_folder / "plan.pdf", tmp_path / "absent" / "plan.pdf", not_a_folder]
    for _ in range(3):
        for target in targets[:2]:
            out = run(
                "export-plan",
                "--workspace",
                str(d),
                "--beneficiary",
                str(person),
                "-o",
                str(target),
                env=env,
            )
            assert out.returncode == 1, out.stderr
            assert "Aucune version n'a été enregistrée" in out.stderr
            assert "Traceback" not in out.stderr and "Error" not in out.stderr
            assert not target.exists()
    assert _versions(d, person) == before
    good = tmp_path / "plan.pdf"
    ok = run(
        "export-plan", "--workspace", str(d), "--beneficiary", str(person), "-o", str(good), env=env
    )
    assert ok.returncode == 0 and good.read_bytes().startswith(b"%PDF")
    assert f"version {before}" in ok.stderr
    assert _versions(d, person) == before + 1
