"""The command line, as IT staff and scripts use it: real subprocesses, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PASS = "Phrase de passe du test CLI 2026 !"


def run(*args, env=None, stdin=None):
    full_env = dict(os.environ)
    full_env.pop("CEP_DESK_PASSPHRASE", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "cep_desk", *args],
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def demo_dir(tmp_path):
    d = tmp_path / "ws"
    out = run("demo", "--workspace", str(d), "--count", "25", env={"CEP_DESK_PASSPHRASE": PASS})
    assert out.returncode == 0, out.stderr
    return d, out.stdout.strip()


def test_init_prints_recovery_key_once(tmp_path):
    d = tmp_path / "new"
    out = run(
        "init", "--workspace", str(d), "--passphrase-stdin", "--name", "Claire", stdin=PASS + "\n"
    )
    assert out.returncode == 0, out.stderr
    key = out.stdout.strip()
    assert len(key.split("-")) == 6
    assert "Clé de secours" in out.stderr
    again = run("list", "--workspace", str(d), env={"CEP_DESK_RECOVERY_KEY": key})
    assert again.returncode == 0 and again.stdout == ""


def test_init_refuses_weak_passphrase(tmp_path):
    out = run("init", "--workspace", str(tmp_path / "w"), env={"CEP_DESK_PASSPHRASE": "court"})
    assert out.returncode == 1
    assert "Trop courte" in out.stderr and "Traceback" not in out.stderr


def test_list_json_lines(demo_dir):
    d, _ = demo_dir
    out = run("list", "--workspace", str(d), env={"CEP_DESK_PASSPHRASE": PASS})
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 25
    assert {"id", "last_name", "first_name", "status", "level"} <= set(rows[0])


def test_exit_codes(demo_dir, tmp_path):
    d, recovery = demo_dir
    wrong = run("list", "--workspace", str(d), env={"CEP_DESK_PASSPHRASE": "pas la bonne"})
    assert wrong.returncode == 3 and "incorrecte" in wrong.stderr
    wrong_key = run("list", "--workspace", str(d), env={"CEP_DESK_RECOVERY_KEY": "AAAAA-BBBBB"})
    assert wrong_key.returncode == 3 and "Clé de secours incorrecte" in wrong_key.stderr
    missing = run(
        "list", "--workspace", str(tmp_path / "absent"), env={"CEP_DESK_PASSPHRASE": PASS}
    )
    assert missing.returncode == 1 and "n'existe pas" in missing.stderr
    usage = run("list", "--nimportequoi")
    assert usage.returncode == 2 and "erreur d'utilisation" in usage.stderr
    no_pass = run("list", "--workspace", str(d), stdin="")
    assert no_pass.returncode == 2 and "Phrase de passe absente" in no_pass.stderr
    for out in (wrong, wrong_key, missing, usage, no_pass):
        assert "Traceback" not in out.stderr


def test_passwd_from_stdin_and_env(demo_dir):
    d, recovery = demo_dir
    new = "Une toute nouvelle phrase de passe 99"
    out = run("passwd", "--workspace", str(d), "--passphrase-stdin", stdin=f"{PASS}\n{new}\n")
    assert out.returncode == 0, out.stderr
    assert run("check", "--workspace", str(d), env={"CEP_DESK_PASSPHRASE": PASS}).returncode == 3
    ok = run("check", "--workspace", str(d), env={"CEP_DESK_PASSPHRASE": new})
    assert ok.returncode == 0 and json.loads(ok.stdout)["people"] == 25
    newer = "Encore une autre phrase de passe 100"
    out2 = run(
        "passwd",
        "--workspace",
        str(d),
        env={"CEP_DESK_RECOVERY_KEY": recovery, "CEP_DESK_NEW_PASSPHRASE": newer},
    )
    assert out2.returncode == 0, out2.stderr
    assert run("list", "--workspace", str(d), env={"CEP_DESK_PASSPHRASE": newer}).returncode == 0


def test_demo_count_validation(tmp_path):
    out = run(
        "demo",
        "--workspace",
        str(tmp_path / "w"),
        "--count",
        "0",
        env={"CEP_DESK_PASSPHRASE": PASS},
    )
    assert out.returncode == 2


def test_catalogue_json_needs_no_workspace(tmp_path):
    out = run("catalogue", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    entries = data["schemes"]["entries"]
    assert {"cpf", "ptp"} <= {e["code"] for e in entries}
    assert all(e["sources"] and e["verified_on"] for e in entries)
    assert data["operators"]["entries"]


def test_import_referential(demo_dir, tmp_path):
    import zipfile
    from importlib.resources import files

    d, _ = demo_dir
    env = {"CEP_DESK_PASSPHRASE": PASS}
    sample = files("cep_desk.resources.referentials") / "rome_sample.zip"
    ok = run("import-referential", "--workspace", str(d), str(sample), env=env)
    assert ok.returncode == 0, ok.stderr
    assert "importé" in ok.stderr
    bad = tmp_path / "faux.zip"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    refused = run("import-referential", "--workspace", str(d), str(bad), env=env)
    assert refused.returncode == 5 and "conservé" in refused.stderr
    other = tmp_path / "autre.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("lisez-moi.txt", "rien")
    assert run("import-referential", "--workspace", str(d), str(other), env=env).returncode == 5


def test_export_plan(demo_dir, tmp_path):
    d, _ = demo_dir
    env = {"CEP_DESK_PASSPHRASE": PASS}
    rows = [json.loads(x) for x in run("list", "--workspace", str(d), env=env).stdout.splitlines()]
    target = next(r for r in rows if r["level"] == 2)
    out_file = tmp_path / "plan.pdf"
    ok = run(
        "export-plan",
        "--workspace",
        str(d),
        "--beneficiary",
        str(target["id"]),
        "-o",
        str(out_file),
        env=env,
    )
    assert ok.returncode == 0, ok.stderr
    assert out_file.read_bytes().startswith(b"%PDF")
    assert oct(out_file.stat().st_mode & 0o777) == "0o600"
    unknown = run(
        "export-plan",
        "--workspace",
        str(d),
        "--beneficiary",
        "99999",
        "-o",
        str(tmp_path / "x.pdf"),
        env=env,
    )
    assert unknown.returncode == 5 and "introuvable" in unknown.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_gui_without_a_screen_is_told_in_french():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    out = subprocess.run(
        [sys.executable, "-m", "cep_desk", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if not sys.platform.startswith("linux"):
        pytest.skip("Linux only")
    assert out.returncode == 1
    assert "aucun écran disponible" in out.stderr and "Traceback" not in out.stderr
